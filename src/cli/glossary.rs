//! `glossa glossary lint|fmt|export|import`: check glossaries, rewrite them in canonical
//! form, and exchange them as TBX, CSV or OmegaT TSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use glossa::glossary::Glossary;
use glossa::glossary::exchange::{self, Format};

use super::exit::Outcome;
use super::output::stdout;

/// What `glossary` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossaryAction {
    Lint,
    Fmt {
        check: bool,
    },
    Export {
        format: Format,
        output: Option<PathBuf>,
    },
    Import {
        file: PathBuf,
        format: Format,
        output: Option<PathBuf>,
    },
}

/// The settings of `glossary`.
#[derive(Debug)]
pub struct GlossarySettings {
    pub action: GlossaryAction,
    /// The glossary files (those named, or the project's); empty for `import`.
    pub files: Vec<PathBuf>,
}

pub fn run(settings: GlossarySettings) -> anyhow::Result<Outcome> {
    let files = &settings.files;
    match settings.action {
        GlossaryAction::Lint => lint(files),
        GlossaryAction::Fmt { check } => fmt(files, check),
        GlossaryAction::Export { format, output } => export(files, format, output.as_deref()),
        GlossaryAction::Import {
            file,
            format,
            output,
        } => import(&file, format, output.as_deref()),
    }
}

/// Writes `text` to `output`, or to standard output.
fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|source| {
            glossa::error::Error::Write {
                path: path.to_path_buf(),
                source,
            }
            .into()
        }),
        None => {
            let mut out = stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

/// The glossaries, merged and validated, in an exchange format.
fn export(files: &[PathBuf], format: Format, output: Option<&Path>) -> anyhow::Result<Outcome> {
    let glossary = Glossary::load_all(files)?;
    emit(&exchange::export(&glossary, format), output)?;
    Ok(Outcome::Clean)
}

/// An exchange file as a glossary in canonical TOML. Problems of the result (two concepts
/// claiming one form) are warned about, not fatal: the output is there to be edited.
fn import(file: &Path, format: Format, output: Option<&Path>) -> anyhow::Result<Outcome> {
    let doc = glossa::source::Document::read(file)?;
    let name = file.display().to_string();
    let glossary = exchange::import(&name, doc.text(), format)?;
    anyhow::ensure!(
        !glossary.concepts.is_empty(),
        "{name}: no concepts found in it"
    );
    for p in glossary.problems() {
        super::exit::warn(&format!("imported glossary: {}", p.message));
    }
    emit(&glossary.to_toml(), output)?;
    Ok(Outcome::Clean)
}

fn read(path: &Path) -> anyhow::Result<(String, Glossary)> {
    let text = std::fs::read_to_string(path).map_err(|source| glossa::error::Error::Read {
        name: path.display().to_string(),
        source,
    })?;
    let glossary = Glossary::parse(&path.display().to_string(), &text)?;
    Ok((text, glossary))
}

/// Every file is parsed before anything is reported, so that a broken file fails the run
/// (exit 2) rather than ending a partial report. Problems are one line each.
fn lint(files: &[PathBuf]) -> anyhow::Result<Outcome> {
    let (_, problems) = Glossary::load_lenient(files)?;
    let mut out = stdout();
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    out.flush()?;
    Ok(if problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

fn fmt(files: &[PathBuf], check: bool) -> anyhow::Result<Outcome> {
    let mut changed = Vec::new();
    for path in files {
        let (text, g) = read(path)?;
        let canonical = g.to_toml();
        if canonical != text {
            changed.push((path, canonical));
        }
    }
    if check {
        let mut out = stdout();
        for (path, _) in &changed {
            writeln!(
                out,
                "{}: not in canonical form; run `glossa glossary fmt`",
                path.display()
            )?;
        }
        out.flush()?;
        return Ok(if changed.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Findings
        });
    }
    for (path, canonical) in changed {
        std::fs::write(path, canonical).map_err(|source| glossa::error::Error::Write {
            path: path.clone(),
            source,
        })?;
    }
    Ok(Outcome::Clean)
}
