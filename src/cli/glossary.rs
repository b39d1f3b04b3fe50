//! `glossa glossary lint|fmt|export|import`: check glossaries, rewrite them in canonical
//! form, and exchange them as TBX, CSV or OmegaT TSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use glossa::glossary::exchange::{self, Format};
use glossa::glossary::{Glossary, Problem, edit};
use glossa::source::Document;

use super::exit::Outcome;
use super::output::stdout;

/// The settings of `glossary`: what each action works on, read and parsed.
#[derive(Debug)]
pub enum GlossarySettings {
    /// The problems of the glossaries, each file's and across files.
    Lint { problems: Vec<Problem> },
    /// Each file with its text (which parsed as a glossary).
    Fmt {
        check: bool,
        files: Vec<(PathBuf, String)>,
    },
    /// The glossaries merged (without problems), in an exchange format.
    Export {
        glossary: Glossary,
        format: Format,
        output: Option<PathBuf>,
    },
    /// An exchange file, decoded.
    Import {
        doc: Document,
        format: Format,
        output: Option<PathBuf>,
    },
}

pub fn run(settings: GlossarySettings) -> anyhow::Result<Outcome> {
    match settings {
        GlossarySettings::Lint { problems } => lint(&problems),
        GlossarySettings::Fmt { check, files } => fmt(&files, check),
        GlossarySettings::Export {
            glossary,
            format,
            output,
        } => {
            emit(&exchange::export(&glossary, format), output.as_deref())?;
            Ok(Outcome::Clean)
        }
        GlossarySettings::Import {
            doc,
            format,
            output,
        } => import(&doc, format, output.as_deref()),
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

/// An exchange file as a glossary in canonical TOML. Problems of the result (two concepts
/// claiming one form) are warned about, not fatal: the output is there to be edited.
fn import(doc: &Document, format: Format, output: Option<&Path>) -> anyhow::Result<Outcome> {
    let name = doc.name();
    let glossary = exchange::import(name, doc.text(), format)?;
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

/// One line per problem. Every file was parsed before (a broken one fails the run with
/// exit 2 rather than ending a partial report).
fn lint(problems: &[Problem]) -> anyhow::Result<Outcome> {
    let mut out = stdout();
    for p in problems {
        writeln!(out, "{p}")?;
    }
    out.flush()?;
    Ok(if problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Puts each file in canonical order, every comment kept (see [`glossa::glossary::edit`]).
fn fmt(files: &[(PathBuf, String)], check: bool) -> anyhow::Result<Outcome> {
    let mut changed: Vec<(&PathBuf, String)> = Vec::new();
    for (path, text) in files {
        let canonical = edit::canonical(&path.display().to_string(), text)?;
        if canonical != *text {
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
