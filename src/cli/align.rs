//! `glossa align`: alignment files for a corpus, `--check` for CI, JSON lines or the files
//! themselves on standard output, and `--stream` for engines that distribute the work.

use std::io::Write;

use rayon::prelude::*;

use glossa::alignments::{Comparison, Stale, Staleness};
use glossa::pipeline::{Aligned, Aligner, Keep};
use glossa::project::{Batch, Project};

use super::args::AlignFormat;
use super::exit::Outcome;
use super::output::{Progress, json_line, stdout, warn_decoding};

/// What `align` does with the alignments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write the stale files into the alignment directory, remove orphans.
    Write,
    /// Write nothing; print the difference of the stale files and exit 1 if any.
    Check,
    /// Print to standard output; `beads`: one JSON object per bead, not per term.
    Print { format: AlignFormat, beads: bool },
    /// JSON lines in, JSON lines out; `fail_on_error`: exit 1 when a line gave an error
    /// record.
    Stream { fail_on_error: bool },
}

/// The settings of `align`.
#[derive(Debug)]
pub struct AlignSettings {
    pub project: Project,
    pub aligner: Aligner,
    pub mode: Mode,
    pub quiet: bool,
}

/// Documents per batch and thread: enough to keep every core busy between the ends of
/// batches, few enough to bound memory (three batches at most are alive).
const BATCH_PER_THREAD: usize = 8;

/// What a run did, for the summary line.
#[derive(Default)]
struct Tally {
    terms: usize,
    /// Lines left out as page furniture.
    dropped: usize,
    /// Sentence pairs marked for review, and all sentence pairs.
    doubtful: (usize, usize),
    written: usize,
    stale: usize,
}

pub fn run(settings: AlignSettings) -> anyhow::Result<Outcome> {
    if let Mode::Stream { fail_on_error } = settings.mode {
        let options = super::stream::StreamOptions {
            fail_on_error,
            quiet: settings.quiet,
        };
        return super::stream::run(&settings.aligner, options);
    }
    let project = &settings.project;
    // Each mode reads either the alignment files' text or the occurrences, never both:
    // the other is not kept (half the memory of a big document's terms), and the text is
    // rendered as the records are made, without holding them (issue 20).
    let keep = match settings.mode {
        Mode::Print {
            format: AlignFormat::Jsonl,
            beads: false,
        } => Keep::Occurrences,
        Mode::Print {
            format: AlignFormat::Jsonl,
            beads: true,
        } => Keep::Records,
        _ => Keep::Text,
    };
    let aligner = settings.aligner.keeping(keep);
    // Documents go through in small batches, aligned in parallel on the thread pool while
    // the batch before is written (or compared, or printed) here: memory holds a few
    // batches, not the corpus, and output order is input order, whatever the number of
    // threads. A bad input stops the run (exit 2); the files of the batches before it
    // are written whole.
    let bar = Progress::over(project, settings.quiet);
    let advance = |bytes| bar.advance(bytes);
    let mut out = stdout();
    let mut comparison = Comparison::new(&project.output, true);
    let mut tally = Tally::default();
    each_batch(project, &aligner, &advance, |batch: &mut Batch| {
        warn_decoding(batch.docs.iter().chain(batch.targets.iter().flatten()));
        tally.terms += batch.aligned.iter().map(Aligned::terms).sum::<usize>();
        tally.dropped += batch.aligned.iter().map(|a| a.dropped).sum::<usize>();
        warn_unlikely(&batch.aligned);
        for a in &batch.aligned {
            let (d, n) = a.doubtful();
            tally.doubtful.0 += d;
            tally.doubtful.1 += n;
        }
        match settings.mode {
            Mode::Print { format, beads } => print(&mut out, batch, format, beads)?,
            Mode::Check | Mode::Write => {
                let stale = comparison.batch(files(project, batch))?;
                settle(&mut out, &stale, settings.mode, &mut tally)?;
            }
            Mode::Stream { .. } => unreachable!("handled above"),
        }
        Ok(())
    })?;
    bar.finish();
    if matches!(settings.mode, Mode::Print { .. }) {
        out.flush()?;
        return Ok(Outcome::Clean);
    }
    // Alignment files no source writes any more (only known for the whole project).
    let orphans = if project.whole {
        comparison.orphans()
    } else {
        Vec::new()
    };
    settle(&mut out, &orphans, settings.mode, &mut tally)?;
    out.flush()?;
    if settings.mode == Mode::Check {
        if tally.stale > 0 {
            eprintln!(
                "glossa: {} alignment file(s) are stale; run `glossa align` to update them",
                tally.stale
            );
            return Ok(Outcome::Findings);
        }
        return Ok(Outcome::Clean);
    }
    if project.sources.is_empty() {
        eprintln!(
            "glossa: the corpus ({}) has no .txt files yet",
            project
                .settings
                .corpus
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // Lines left out as page furniture are counted, so none goes in silence;
    // `glossa segment --format jsonl` lists them (kind `dropped`).
    let mut dropped = match tally.dropped {
        0 => String::new(),
        n => format!(", {n} line(s) left out as page furniture"),
    };
    if tally.doubtful.1 > 0 {
        dropped.push_str(&format!(
            ", {} of {} sentence pair(s) marked for review",
            tally.doubtful.0, tally.doubtful.1
        ));
    }
    eprintln!(
        "glossa: {} document(s), {} term occurrence(s){dropped}; {} file(s) written, {} removed, in {}",
        project.sources.len(),
        tally.terms,
        tally.written,
        orphans.len(),
        project.output.display()
    );
    Ok(Outcome::Clean)
}

/// Aligns the project's sources batch by batch and hands each batch, in source order, to
/// `write`: a pipeline in which the next batch is read and aligned (driven from another
/// thread, its documents read and aligned in parallel on the thread pool) while `write`
/// works on this one. A
/// batch is freed on the pool, not here, so that `write` can go on at once. The first
/// error (a source that cannot be read, or one of `write`'s) ends the run.
fn each_batch(
    project: &Project,
    aligner: &Aligner,
    progress: &(dyn Fn(usize) + Sync),
    mut write: impl FnMut(&mut Batch) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let size = BATCH_PER_THREAD * rayon::current_num_threads();
    std::thread::scope(|scope| {
        // One batch waits here while the next is aligned: three alive at most.
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            let n = project.sources.len();
            for start in (0..n).step_by(size) {
                let batch = align_batch(project, aligner, start..(start + size).min(n), progress);
                let failed = batch.is_err();
                // A closed channel: the writer stopped at an error.
                if tx.send(batch).is_err() || failed {
                    break;
                }
            }
        });
        for batch in rx {
            let mut batch = batch?;
            write(&mut batch)?;
            rayon::spawn(move || drop(batch));
        }
        Ok(())
    })
}

/// Reads and aligns the sources in `range` on the thread pool, each read by the task that
/// aligns it (so that reading one overlaps aligning another), into one batch in source
/// order. The error is that of the first source in order that cannot be read.
fn align_batch(
    project: &Project,
    aligner: &Aligner,
    range: std::ops::Range<usize>,
    progress: &(dyn Fn(usize) + Sync),
) -> glossa::error::Result<Batch> {
    let each: Vec<glossa::error::Result<Batch>> = range
        .clone()
        .into_par_iter()
        .map(|i| project.align(aligner, i..i + 1, progress))
        .collect();
    let mut batch = Batch {
        docs: Vec::with_capacity(range.len()),
        targets: Vec::with_capacity(range.len()),
        aligned: Vec::with_capacity(range.len()),
        range,
    };
    for one in each {
        let one = one?;
        batch.docs.extend(one.docs);
        batch.targets.extend(one.targets);
        batch.aligned.extend(one.aligned);
    }
    Ok(batch)
}

/// Each source of the batch with the alignment file it would write (taken out of the
/// batch where it was rendered already).
fn files<'a>(
    project: &'a Project,
    batch: &'a mut Batch,
) -> impl Iterator<Item = (&'a std::path::Path, String)> + 'a {
    project.sources[batch.range.clone()]
        .iter()
        .zip(&mut batch.aligned)
        .map(|(s, a)| (s.path.as_path(), a.take_text()))
}

/// Brings stale files up to date (`Write`), or prints how they differ (`Check`).
fn settle(
    out: &mut impl Write,
    stale: &[Stale],
    mode: Mode,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    for s in stale {
        if mode == Mode::Write {
            s.apply()?;
            if s.how != Staleness::Orphan {
                tally.written += 1;
            }
            continue;
        }
        tally.stale += 1;
        let name = s.path.display().to_string();
        match &s.want {
            Some(want) => {
                let have = s.have.as_deref().unwrap_or("");
                let diff = similar::TextDiff::from_lines(have, want.as_str());
                write!(
                    out,
                    "{}",
                    diff.unified_diff()
                        .context_radius(1)
                        .header(&name, &format!("{name} (now)"))
                )?;
            }
            None => writeln!(out, "stale: {name} (its source is no longer in the corpus)")?,
        }
    }
    Ok(())
}

/// `--stdout`: the alignment files, or JSON lines per term (per bead with a translation).
fn print(
    out: &mut impl Write,
    batch: &mut Batch,
    format: AlignFormat,
    beads: bool,
) -> anyhow::Result<()> {
    for a in &mut batch.aligned {
        match format {
            AlignFormat::Jsonl if beads => json_lines(out, &a.beads)?,
            AlignFormat::Jsonl => json_lines(out, &a.occurrences)?,
            AlignFormat::Align => out.write_all(a.take_text().as_bytes())?,
        }
    }
    Ok(())
}

/// Objects serialised as one task of the thread pool.
const JSON_CHUNK: usize = 4096;

/// One JSON line per item, serialised in parallel in chunks written in order.
fn json_lines<T: serde::Serialize + Sync>(out: &mut impl Write, items: &[T]) -> anyhow::Result<()> {
    if items.len() <= JSON_CHUNK {
        for item in items {
            json_line(out, item)?;
        }
        return Ok(());
    }
    let chunks: Vec<anyhow::Result<Vec<u8>>> = items
        .par_chunks(JSON_CHUNK)
        .map(|chunk| {
            let mut text = Vec::with_capacity(chunk.len() * 400);
            for item in chunk {
                json_line(&mut text, item)?;
            }
            Ok(text)
        })
        .collect();
    for chunk in chunks {
        out.write_all(&chunk?)?;
    }
    Ok(())
}

/// `warning[unlikely-translation]` on standard error for each translation the evidence
/// says is not one of its source (`glossa check` reports the same as a finding).
fn warn_unlikely(aligned: &[glossa::pipeline::Aligned]) {
    for f in glossa::check::unlikely_translations(aligned) {
        eprintln!("warning[unlikely-translation]: {}", f.message);
        if let Some(help) = &f.help {
            eprintln!("  = help: {help}");
        }
    }
}
