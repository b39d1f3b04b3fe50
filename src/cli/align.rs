//! `glossa align`: alignment files for a corpus, `--check` for CI, JSON lines for scripts.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use glossa::alignment_file::AlignmentFile;
use glossa::alignments::{Expected, source_name, target_name};
use glossa::config::Config;
use glossa::glossary::Glossary;
use glossa::pipeline::{Aligner, Translation};
use glossa::segment::Options;
use glossa::source::Document;
use rayon::prelude::*;

use super::args::{AlignFormat, AlignSettings};
use super::exit::Outcome;
use super::output::{json_line, stdout};

/// What one run works on, resolved from the arguments and glossa.toml.
struct Job {
    sources: Vec<PathBuf>,
    /// Per source, its translation and the translation's language, if any.
    translations: Vec<Option<(PathBuf, String)>>,
    glossaries: Vec<PathBuf>,
    output: PathBuf,
    /// Whether the whole project is aligned (then orphaned files in the output are stale).
    whole_project: bool,
    /// The directory source paths in file headers are written relative to.
    root: PathBuf,
}

fn resolve(settings: &AlignSettings) -> anyhow::Result<Job> {
    let config_file = &settings.config;
    let config = if config_file.exists() {
        Some(Config::load(config_file)?)
    } else if settings.paths.is_empty() {
        bail!(
            "no {} here: run glossa align in a project directory, or name the files to align",
            config_file.display()
        );
    } else {
        None
    };
    let defaults = Config::defaults(Path::new("."));
    let config = config.unwrap_or(defaults);
    let whole_project = settings.paths.is_empty();
    let sources = if whole_project {
        let files = config.corpus_files()?;
        if files.is_empty() {
            bail!(
                "the corpus in {} names no .txt files",
                config_file.display()
            );
        }
        files
    } else {
        settings.paths.clone()
    };
    let glossaries = if settings.glossaries.is_empty() {
        config.glossaries.clone()
    } else {
        settings.glossaries.clone()
    };
    let translations = match &settings.target {
        Some(target) => {
            if sources.len() != 1 {
                bail!(
                    "--target aligns one source with its translation: give exactly one source file"
                );
            }
            vec![Some((target.clone(), settings.target_lang.clone()))]
        }
        None => sources
            .iter()
            .map(|s| {
                config
                    .pairs
                    .iter()
                    .find(|p| same_file(&p.source, s))
                    .map(|p| (p.target.clone(), p.target_lang.clone()))
            })
            .collect(),
    };
    Ok(Job {
        sources,
        translations,
        glossaries,
        output: settings.output.clone().unwrap_or(config.output.clone()),
        whole_project,
        root: config.root.clone(),
    })
}

/// Whether two paths name the same file (as written, or once resolved).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

pub fn run(settings: AlignSettings) -> anyhow::Result<Outcome> {
    if settings.stream {
        return super::stream::run(&settings);
    }
    let job = resolve(&settings)?;
    let glossary = Glossary::load_all(&job.glossaries)
        .with_context(|| format!("cannot load the glossary ({})", list(&job.glossaries)))?;
    let mut aligner = Aligner::new(
        &glossary,
        Options {
            lang: settings.lang,
        },
    )?
    .presegmented(settings.presegmented);
    // Pre-segmented input and a language named on the command line need no detection.
    if !settings.presegmented && settings.source_lang.is_none() {
        aligner = aligner.with_detection(&settings.detect)?;
    }

    // Decode everything first: a bad input fails the run before anything is written.
    let mut targets: BTreeMap<String, PathBuf> = BTreeMap::new();
    for s in &job.sources {
        let t = target_name(s);
        if let Some(other) = targets.insert(t.clone(), s.clone()) {
            bail!(
                "{} and {} would both write {t}; rename one of them",
                other.display(),
                s.display()
            );
        }
    }
    let docs: Vec<Document> = job
        .sources
        .iter()
        .map(|p| Document::read(p).map_err(anyhow::Error::from))
        .collect::<anyhow::Result<_>>()?;
    let target_docs: Vec<Option<Document>> = job
        .translations
        .iter()
        .map(|t| {
            t.as_ref()
                .map(|(p, _)| Document::read(p))
                .transpose()
                .map_err(anyhow::Error::from)
        })
        .collect::<anyhow::Result<_>>()?;
    for d in docs.iter().chain(target_docs.iter().flatten()) {
        for w in d.warnings() {
            super::exit::warn(w);
        }
    }
    // Documents in parallel; results collected in input order, so output never depends
    // on the number of threads.
    let progress = super::output::progress(docs.len() as u64, settings.quiet);
    let aligned: Vec<_> = docs
        .par_iter()
        .zip(job.sources.par_iter())
        .zip(target_docs.par_iter().zip(job.translations.par_iter()))
        .map(|((doc, path), (tdoc, tr))| {
            let name = source_name(&job.root, path);
            let aligned = match (tdoc, tr) {
                (Some(tdoc), Some((tpath, lang))) => {
                    let tname = source_name(&job.root, tpath);
                    let translation = Translation {
                        doc: tdoc,
                        name: &tname,
                        lang,
                    };
                    aligner.align_translation(doc, &name, &translation)
                }
                _ => aligner.align(doc, &name),
            };
            progress.inc(1);
            aligned
        })
        .collect();
    progress.finish_and_clear();

    if settings.stdout {
        let mut out = stdout();
        for a in &aligned {
            match settings.format {
                // With a translation, one object per bead, as sentence aligners print them.
                AlignFormat::Jsonl if settings.target.is_some() => {
                    for b in &a.beads {
                        json_line(&mut out, b)?;
                    }
                }
                AlignFormat::Jsonl => {
                    for o in &a.occurrences {
                        json_line(&mut out, o)?;
                    }
                }
                AlignFormat::Align => out.write_all(a.file.render().as_bytes())?,
            }
        }
        out.flush()?;
        return Ok(Outcome::Clean);
    }

    let expected = Expected::new(
        &job.output,
        aligned
            .iter()
            .zip(&job.sources)
            .map(|(a, path)| (path.clone(), a.file.render())),
        job.whole_project,
    )?;

    if settings.check {
        return check(&expected);
    }
    let mut written = 0;
    for (path, text) in &expected.files {
        if std::fs::read_to_string(path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        let file = AlignmentFile::parse(&path.display().to_string(), text)?;
        file.write_atomic(path)?;
        written += 1;
    }
    for o in &expected.orphans {
        std::fs::remove_file(o).with_context(|| format!("cannot remove stale {}", o.display()))?;
    }
    let terms: usize = aligned.iter().map(|a| a.occurrences.len()).sum();
    eprintln!(
        "glossa: {} document(s), {terms} term occurrence(s); {written} file(s) written, {} removed, in {}",
        aligned.len(),
        expected.orphans.len(),
        job.output.display()
    );
    Ok(Outcome::Clean)
}

/// `--check`: prints a unified diff for every stale file; exit 1 when anything is stale.
fn check(expected: &Expected) -> anyhow::Result<Outcome> {
    let mut out = stdout();
    let mut stale = 0;
    for (path, want) in &expected.files {
        let have = std::fs::read_to_string(path).unwrap_or_default();
        if &have == want {
            continue;
        }
        stale += 1;
        let name = path.display().to_string();
        let diff = similar::TextDiff::from_lines(have.as_str(), want.as_str());
        write!(
            out,
            "{}",
            diff.unified_diff()
                .context_radius(1)
                .header(&name, &format!("{name} (now)"))
        )?;
    }
    for o in &expected.orphans {
        stale += 1;
        writeln!(
            out,
            "stale: {} (its source is no longer in the corpus)",
            o.display()
        )?;
    }
    out.flush()?;
    if stale > 0 {
        eprintln!("glossa: {stale} alignment file(s) are stale; run `glossa align` to update them");
        Ok(Outcome::Findings)
    } else {
        Ok(Outcome::Clean)
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
