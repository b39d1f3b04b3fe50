//! `glossa report`: the HTML page for translators, with the findings of `glossa check`.

use std::path::PathBuf;

use anyhow::Context;
use glossa::check::{self, Levels};
use glossa::project::Project;
use glossa::report::{Document as ReportDocument, render};

use super::exit::Outcome;
use super::output::{Progress, warn_decoding};

/// The settings of `report`.
#[derive(Debug)]
pub struct ReportSettings {
    pub project: Project,
    /// The levels of the findings shown (the settings', as `glossa check` has them).
    pub levels: Levels,
    /// Where the page is written.
    pub output: PathBuf,
    pub quiet: bool,
}

pub fn run(settings: ReportSettings) -> anyhow::Result<Outcome> {
    let project = &settings.project;
    let bar = Progress::over(project, settings.quiet);
    // The one checker: the page shows exactly what `glossa check` reports.
    let checked = check::run(project, &settings.levels, &|bytes| bar.advance(bytes))?;
    bar.finish();
    let batch = &checked.batch;
    warn_decoding(batch.docs.iter().chain(batch.targets.iter().flatten()));
    let bilingual = &checked.bilingual;
    warn_decoding(&bilingual.docs);
    let docs: Vec<ReportDocument<'_>> = batch
        .docs
        .iter()
        .zip(&batch.aligned)
        .chain(bilingual.docs.iter().zip(&bilingual.aligned))
        .map(|(doc, a)| ReportDocument {
            name: doc.name(),
            aligned: a,
        })
        .collect();
    let html = render("glossa report", &project.glossary, &docs, &checked.findings);
    std::fs::write(&settings.output, html)
        .with_context(|| format!("cannot write {}", settings.output.display()))?;
    eprintln!("glossa: wrote {}", settings.output.display());
    Ok(Outcome::Clean)
}
