//! `glossa glossary lint|fmt|export|import`: check glossaries, rewrite them in canonical
//! form, and exchange them as TBX, CSV or OmegaT TSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use glossa::glossary::Glossary;

use glossa::glossary::exchange::{self, Format};

use super::args::{ExchangeFormat, GlossaryAction, GlossarySettings};
use super::exit::Outcome;
use super::output::stdout;

pub fn run(settings: GlossarySettings) -> anyhow::Result<Outcome> {
    if let GlossaryAction::Import {
        file,
        format,
        output,
    } = &settings.action
    {
        return import(file, *format, output.as_deref());
    }
    let files = if settings.files.is_empty() {
        default_files()?
    } else {
        settings.files
    };
    match settings.action {
        GlossaryAction::Lint => lint(&files),
        GlossaryAction::Fmt { check } => fmt(&files, check),
        GlossaryAction::Export { format, output } => export(&files, format, output.as_deref()),
        GlossaryAction::Import { .. } => Ok(Outcome::Clean),
    }
}

fn exchange_format(f: ExchangeFormat) -> Format {
    match f {
        ExchangeFormat::Tbx => Format::Tbx,
        ExchangeFormat::Csv => Format::Csv,
        ExchangeFormat::Tsv => Format::Tsv,
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
fn export(
    files: &[PathBuf],
    format: ExchangeFormat,
    output: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let glossary = Glossary::load_all(files)?;
    emit(
        &exchange::export(&glossary, exchange_format(format)),
        output,
    )?;
    Ok(Outcome::Clean)
}

/// An exchange file as a glossary in canonical TOML. Problems of the result (two concepts
/// claiming one form) are warned about, not fatal: the output is there to be edited.
fn import(file: &Path, format: ExchangeFormat, output: Option<&Path>) -> anyhow::Result<Outcome> {
    let doc = glossa::source::Document::read(file)?;
    let name = file.display().to_string();
    let glossary = exchange::import(&name, doc.text(), exchange_format(format))?;
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

/// `glossary/*.toml` in the current directory, sorted.
fn default_files() -> anyhow::Result<Vec<PathBuf>> {
    let dir = Path::new("glossary");
    let entries = std::fs::read_dir(dir).with_context(|| {
        format!(
            "cannot read {}; hint: name the glossary files",
            dir.display()
        )
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read {}", dir.display()))?
            .path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort();
    anyhow::ensure!(!files.is_empty(), "no glossary files in {}", dir.display());
    Ok(files)
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
    let mut all = Glossary::default();
    let mut problems = Vec::new();
    for path in files {
        let (_, g) = read(path)?;
        problems.extend(g.problems());
        all.concepts.extend(g.concepts);
    }
    // Forms claimed across files: only report what the files alone did not.
    if files.len() > 1 {
        for p in all.problems() {
            if !problems.contains(&p) && p.message.contains("claimed by both") {
                problems.push(p);
            }
        }
    }
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
