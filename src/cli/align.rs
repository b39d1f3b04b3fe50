//! `glossa align`: alignment files for a corpus, `--check` for CI, JSON lines for scripts.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use glossa::alignment_file::AlignmentFile;
use glossa::alignments::{EXTENSION, Expected};
use glossa::pipeline::Aligner;
use glossa::segment::Options;

use super::args::{AlignFormat, AlignSettings};
use super::exit::Outcome;
use super::output::{json_line, progress, stdout};
use super::project;

pub fn run(settings: AlignSettings) -> anyhow::Result<Outcome> {
    if settings.stream {
        return super::stream::run(&settings);
    }
    let target = settings
        .target
        .clone()
        .map(|t| (t, settings.target_lang.clone()));
    let job = project::resolve(
        &settings.paths,
        &settings.glossaries,
        &settings.config,
        target,
    )?;
    let output = settings
        .output
        .clone()
        .unwrap_or_else(|| job.config.output.clone());
    let glossary = job.glossary()?;
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
    // Documents go through in batches: read, aligned in parallel, written (or compared),
    // dropped. Memory holds one batch, not the corpus; output order is input order,
    // whatever the number of threads. A bad input stops the run (exit 2); the files of
    // the batches before it are written whole.
    let bar = progress(&job.sources, settings.quiet);
    let mut out = stdout();
    let mut written_names: BTreeSet<PathBuf> = BTreeSet::new();
    let (mut written, mut stale, mut terms) = (0usize, 0usize, 0usize);
    for range in batches(job.sources.len(), BATCH) {
        let (docs, targets) = job.read(range.clone())?;
        let aligned = job.align(&aligner, range.clone(), &docs, &targets, &bar);
        terms += aligned.iter().map(|a| a.occurrences.len()).sum::<usize>();
        if settings.stdout {
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
            continue;
        }
        let expected = Expected::new(
            &output,
            aligned
                .iter()
                .zip(&job.sources[range])
                .map(|(a, path)| (path.clone(), a.file.render())),
            false,
        )?;
        for (path, text) in &expected.files {
            if !written_names.insert(path.clone()) {
                bail!(
                    "two sources would both write {}; rename one of them",
                    path.display()
                );
            }
            let have = std::fs::read_to_string(path).ok();
            if have.as_deref() == Some(text.as_str()) {
                continue;
            }
            if settings.check {
                stale += 1;
                let name = path.display().to_string();
                let diff =
                    similar::TextDiff::from_lines(have.as_deref().unwrap_or(""), text.as_str());
                write!(
                    out,
                    "{}",
                    diff.unified_diff()
                        .context_radius(1)
                        .header(&name, &format!("{name} (now)"))
                )?;
            } else {
                let file = AlignmentFile::parse(&path.display().to_string(), text)?;
                file.write_atomic(path)?;
                written += 1;
            }
        }
    }
    bar.finish();
    out.flush()?;
    if settings.stdout {
        return Ok(Outcome::Clean);
    }
    // Alignment files no source writes any more (only known for the whole project).
    let orphans: Vec<PathBuf> = if job.whole_project {
        std::fs::read_dir(&output)
            .map(|entries| {
                let mut v: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.extension().is_some_and(|x| x == EXTENSION) && !written_names.contains(p)
                    })
                    .collect();
                v.sort();
                v
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    if settings.check {
        for o in &orphans {
            stale += 1;
            writeln!(
                out,
                "stale: {} (its source is no longer in the corpus)",
                o.display()
            )?;
        }
        out.flush()?;
        return if stale > 0 {
            eprintln!(
                "glossa: {stale} alignment file(s) are stale; run `glossa align` to update them"
            );
            Ok(Outcome::Findings)
        } else {
            Ok(Outcome::Clean)
        };
    }
    for o in &orphans {
        std::fs::remove_file(o).with_context(|| format!("cannot remove stale {}", o.display()))?;
    }
    eprintln!(
        "glossa: {} document(s), {terms} term occurrence(s); {written} file(s) written, {} removed, in {}",
        job.sources.len(),
        orphans.len(),
        output.display()
    );
    Ok(Outcome::Clean)
}

/// Documents per batch: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 256;

/// `0..n` in consecutive ranges of at most `size`.
fn batches(n: usize, size: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    (0..n).step_by(size).map(move |s| s..(s + size).min(n))
}
