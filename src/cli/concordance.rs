//! `glossa concordance TERM`: key word in context, aligned on the term.

use std::io::Write;

use anyhow::Context;
use glossa::concordance::{KwicLine, Query, concordance};
use glossa::project::Project;

use super::args::ConcordanceFormat;
use super::exit::Outcome;
use super::output::{stdout, warn_decoding};

/// The settings of `concordance`.
#[derive(Debug)]
pub struct ConcordanceSettings {
    pub project: Project,
    pub term: String,
    pub format: ConcordanceFormat,
    /// Characters of context on each side in text output.
    pub width: usize,
}

pub fn run(settings: ConcordanceSettings) -> anyhow::Result<Outcome> {
    let project = &settings.project;
    let (docs, _) = project.read(0..project.sources.len())?;
    warn_decoding(&docs);
    let (query, lines) = concordance(
        &project.glossary,
        &docs,
        &settings.term,
        &project.aligner()?,
    )?;
    let mut out = stdout();
    match settings.format {
        ConcordanceFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &lines).context("cannot serialise output")?;
            out.write_all(b"\n")?;
        }
        ConcordanceFormat::Text => {
            let what = match &query {
                Query::Concept(id) => format!("concept {id}"),
                Query::Form { form, concept } => format!("form {form} of {concept}"),
                Query::Key(keys) => format!("key {}", keys.join(" / ")),
            };
            writeln!(out, "# {}: {} occurrences", what, lines.len())?;
            for l in &lines {
                kwic(&mut out, l, settings.width)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// One line: place, language, tier, then the left context right-aligned to `width`
/// characters, the term, and the right context cut to `width`.
fn kwic<W: Write>(out: &mut W, l: &KwicLine, width: usize) -> anyhow::Result<()> {
    let left: Vec<char> = l.left.chars().collect();
    let left: String = if left.len() > width {
        left[left.len() - width..].iter().collect()
    } else {
        format!("{}{}", " ".repeat(width - left.len()), l.left)
    };
    let right: String = l.right.chars().take(width).collect();
    let place = format!("{}:{}:{}", l.file, l.line, l.column);
    writeln!(
        out,
        "{place:<28} {:<2} {:<10} {left}[{}]{right}",
        l.lang, l.tier, l.term
    )?;
    Ok(())
}
