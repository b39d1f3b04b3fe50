//! `glossa init [DIR]`: a new project.

use std::path::PathBuf;

use glossa::lang::Lang;

use super::exit::Outcome;

/// The settings of `init`.
#[derive(Debug)]
pub struct InitSettings {
    pub dir: PathBuf,
    pub languages: Vec<Lang>,
}

pub fn run(settings: InitSettings) -> anyhow::Result<Outcome> {
    let written = glossa::project::init::init(&settings.dir, &settings.languages)?;
    for path in &written {
        eprintln!("glossa: wrote {}", path.display());
    }
    let cd = if settings.dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", settings.dir.display())
    };
    eprintln!(
        "glossa: next: put texts (*.txt) into corpus/ and terms into glossary/terms.toml, then run `{cd}glossa align`"
    );
    Ok(Outcome::Clean)
}
