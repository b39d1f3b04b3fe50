//! `glossa report`: the HTML page for translators.

use std::path::Path;

use anyhow::Context;
use glossa::config::Config;
use glossa::glossary::Glossary;
use glossa::pipeline::{Aligner, Translation};
use glossa::report::{Document as ReportDocument, render};
use glossa::segment::Options;
use glossa::source::Document;
use rayon::prelude::*;

use super::args::ReportArgs;
use super::exit::Outcome;

pub fn run(args: ReportArgs) -> anyhow::Result<Outcome> {
    let config = if args.config.exists() {
        Config::load(&args.config)?
    } else {
        Config::defaults(Path::new("."))
    };
    let sources = if args.paths.is_empty() {
        config.sources()?
    } else {
        args.paths.iter().map(|p| (p.clone(), None)).collect()
    };
    let glossaries = if args.glossaries.is_empty() {
        config.glossaries.clone()
    } else {
        args.glossaries.clone()
    };
    let glossary = Glossary::load_all(&glossaries).with_context(|| {
        format!(
            "cannot load the glossary ({})",
            glossaries
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    let aligner = Aligner::new(&glossary, Options::default())?
        .with_detection(&args.detector.into_config()?)?;

    let docs: Vec<(Document, Option<(Document, String)>)> = sources
        .iter()
        .map(|(path, pair)| -> anyhow::Result<_> {
            let doc = Document::read(path)?;
            let target = match pair {
                Some(p) => Some((Document::read(&p.target)?, p.target_lang.clone())),
                None => None,
            };
            Ok((doc, target))
        })
        .collect::<anyhow::Result<_>>()?;
    let aligned: Vec<_> = docs
        .par_iter()
        .map(|(doc, target)| match target {
            Some((t, lang)) => aligner.align_translation(
                doc,
                doc.name(),
                &Translation {
                    doc: t,
                    name: t.name(),
                    lang,
                },
            ),
            None => aligner.align(doc, doc.name()),
        })
        .collect();
    let report_docs: Vec<ReportDocument<'_>> = docs
        .iter()
        .zip(&aligned)
        .map(|((doc, _), a)| ReportDocument {
            name: doc.name(),
            aligned: a,
        })
        .collect();
    let html = render("glossa report", &glossary, &report_docs, &[]);
    std::fs::write(&args.output, html)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!("glossa: wrote {}", args.output.display());
    Ok(Outcome::Clean)
}
