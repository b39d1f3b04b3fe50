//! `glossa glossary lint|fmt|export|import`: check glossaries, rewrite them in canonical
//! form, and exchange them as TBX, CSV or OmegaT TSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use glossa::detect::{DetectConfig, Detector};
use glossa::glossary::exchange::{self, Format, ImportOptions};
use glossa::glossary::{Glossary, Problem, edit};
use glossa::lang::Lang;
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
    /// An exchange file, decoded, and how to read it.
    Import {
        doc: Document,
        format: Format,
        options: ImportOptions,
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
            options,
            output,
        } => import(&doc, format, options, output.as_deref()),
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

/// An exchange file as a glossary in canonical TOML. What the import changed to make the
/// glossary load (renamed ids, left-out empty terms) is warned about, and so are the
/// problems of the result (two concepts claiming one form): the output is there to be
/// edited.
fn import(
    doc: &Document,
    format: Format,
    mut options: ImportOptions,
    output: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let name = doc.name();
    super::output::warn_decoding([doc]);
    if options.source_lang.is_none() {
        let terms = exchange::source_terms(doc.text(), format, &options);
        if !terms.is_empty() {
            options.source_lang = Some(source_language(name, &terms)?);
        }
    }
    let import = exchange::import_with(name, doc.text(), format, &options)?;
    let glossary = import.glossary;
    anyhow::ensure!(
        !glossary.concepts.is_empty(),
        "{name}: no concepts found in it"
    );
    for w in &import.warnings {
        super::exit::warn(&format!("{name}: {w}"));
    }
    for p in glossary.problems() {
        super::exit::warn(&format!("imported glossary: {}", p.message));
    }
    emit(&glossary.to_toml(), output)?;
    Ok(Outcome::Clean)
}

/// The language of an OmegaT glossary's source terms: Russian when most are in Cyrillic,
/// else what the language detector tells from all of them together; German, with a
/// warning, when they do not say.
fn source_language(name: &str, terms: &[String]) -> anyhow::Result<String> {
    let cyrillic = terms
        .iter()
        .filter(|t| t.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
        .count();
    if cyrillic * 2 > terms.len() {
        return Ok("ru".into());
    }
    let detector = Detector::new(&DetectConfig::default())?;
    let detection = detector.detect_text(&terms.join("\n"));
    Ok(match detection.lang {
        Some(lang) => lang.code().to_string(),
        None => {
            super::exit::warn(&format!(
                "{name}: cannot tell the language of the source terms; they are read as German; hint: say it with --source-lang"
            ));
            Lang::De.code().to_string()
        }
    })
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
