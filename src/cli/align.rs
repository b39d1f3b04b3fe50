//! `glossa align`: alignment files for a corpus, `--check` for CI, JSON lines for scripts.

use std::io::Write;

use anyhow::Context;
use glossa::alignment_file::AlignmentFile;
use glossa::alignments::Expected;
use glossa::pipeline::Aligner;
use glossa::segment::Options;

use super::args::{AlignFormat, AlignSettings};
use super::exit::Outcome;
use super::output::{json_line, stdout};
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
    let (docs, targets) = job.read()?;
    let aligned = job.align(&aligner, &docs, &targets, settings.quiet);

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
        &output,
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
        output.display()
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
