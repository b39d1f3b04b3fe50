//! `glossa export tmx`: sentence pairs as a translation memory.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use glossa::alignment_file::AlignmentFile;

use super::exit::Outcome;
use super::output::stdout;

/// The settings of `export tmx`.
#[derive(Debug)]
pub struct ExportSettings {
    /// The alignment files read.
    pub files: Vec<AlignmentFile>,
    /// Where to write (`None`: standard output).
    pub output: Option<PathBuf>,
}

pub fn run(settings: ExportSettings) -> anyhow::Result<Outcome> {
    let files = &settings.files;
    if files.iter().all(|f| f.target.is_none()) {
        bail!(
            "no alignment file has a translation: declare [[pairs]] in glossa.toml or run `glossa align SOURCE --target TRANSLATION` first"
        );
    }
    let tmx = glossa::alignment_file::tmx::write(files, env!("CARGO_PKG_VERSION"));
    match &settings.output {
        Some(path) => {
            std::fs::write(path, tmx).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => {
            let mut out = stdout();
            out.write_all(tmx.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(Outcome::Clean)
}
