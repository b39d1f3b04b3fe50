//! `glossa report`: the HTML page for translators.

use anyhow::Context;
use glossa::check;
use glossa::pipeline::Aligner;
use glossa::report::{Document as ReportDocument, Note, render};
use glossa::segment::Options;

use super::args::ReportArgs;
use super::exit::Outcome;
use super::project;

pub fn run(args: ReportArgs) -> anyhow::Result<Outcome> {
    let job = project::resolve(&args.paths, &args.glossaries, &args.config, None)?;
    let glossary = job.glossary()?;
    let aligner = Aligner::new(&glossary, Options::default())?
        .with_detection(&args.detector.into_config()?)?;
    let (docs, aligned) = job.align_all(&aligner, false)?;
    let report_docs: Vec<ReportDocument<'_>> = docs
        .iter()
        .zip(&aligned)
        .map(|(doc, a)| ReportDocument {
            name: doc.name(),
            aligned: a,
        })
        .collect();
    // The findings of `glossa check`, shown with the occurrences they concern.
    let findings =
        job.config
            .check
            .apply(check::text_findings(&glossary, &aligned, &job.config.check));
    let notes: Vec<Note> = findings
        .into_iter()
        .map(|f| Note {
            file: f.file,
            line: f.line,
            column: f.column,
            code: f.code.as_str().to_string(),
            level: f.level.as_str().to_string(),
            message: f.message,
        })
        .collect();
    let html = render("glossa report", &glossary, &report_docs, &notes);
    std::fs::write(&args.output, html)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!("glossa: wrote {}", args.output.display());
    Ok(Outcome::Clean)
}
