//! Output helpers shared by the commands: a buffered standard output, the reading of
//! input paths (`-` is standard input) with their decoding warnings, and the progress bar.

use std::io::{BufWriter, StdoutLock, Write};
use std::path::PathBuf;

use anyhow::Context;
use glossa::source::Document;

use super::exit::warn;

/// A buffered, locked standard output.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, std::io::stdout().lock())
}

/// Reads and decodes every input before anything is printed, so that a bad file fails
/// the run without partial output. Encoding warnings go to standard error.
///
/// Files are read and decoded in parallel (standard input, which only one may read, makes
/// it one at a time); the error reported is the first in argument order, as one at a time.
pub fn read_all(paths: &[PathBuf]) -> anyhow::Result<Vec<Document>> {
    use rayon::prelude::*;
    let read: Vec<_> = if paths.iter().any(|p| p.as_os_str() == "-") {
        paths.iter().map(|p| Document::read(p)).collect()
    } else {
        paths.par_iter().map(|p| Document::read(p)).collect()
    };
    let mut docs = Vec::with_capacity(paths.len());
    for doc in read {
        docs.push(doc?);
    }
    warn_decoding(&docs);
    Ok(docs)
}

/// Prints the decoding warnings of documents (a legacy encoding) on standard error.
pub fn warn_decoding<'a>(docs: impl IntoIterator<Item = &'a Document>) {
    for doc in docs {
        for w in doc.warnings() {
            warn(w);
        }
    }
}

/// Writes one JSON object as a line.
pub fn json_line<W: Write, T: serde::Serialize>(out: &mut W, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value).context("cannot serialise output")?;
    out.write_all(b"\n")?;
    Ok(())
}

/// A progress bar on standard error: documents done of the total, bytes, MB/s and ETA.
/// Hidden when standard error is not a terminal, with `--quiet`, or for a single document.
pub struct Progress {
    bar: indicatif::ProgressBar,
    docs: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Progress {
    /// One more document of `bytes` bytes is done (from any thread).
    pub fn advance(&self, bytes: usize) {
        self.docs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.bar.inc(bytes as u64);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// A progress bar over the sources of a project.
    pub fn over(project: &glossa::project::Project, quiet: bool) -> Progress {
        let paths: Vec<PathBuf> = project
            .sources
            .iter()
            .map(|s| s.path.clone())
            .chain(project.bilingual.iter().map(|b| b.path.clone()))
            .collect();
        progress(&paths, quiet)
    }
}

/// A [`Progress`] over the documents at `paths` (their sizes give the total).
pub fn progress(paths: &[std::path::PathBuf], quiet: bool) -> Progress {
    use std::io::IsTerminal;
    let docs = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    if quiet || paths.len() < 2 || !std::io::stderr().is_terminal() {
        return Progress {
            bar: indicatif::ProgressBar::hidden(),
            docs,
        };
    }
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let bar = indicatif::ProgressBar::new(bytes.max(1));
    let (count, total) = (docs.clone(), paths.len());
    let style = indicatif::ProgressStyle::with_template(
        "{bar:30} {docs} documents, {bytes}/{total_bytes}, {binary_bytes_per_sec}, ETA {eta}",
    )
    .map(|s| {
        s.with_key(
            "docs",
            move |_: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(
                    w,
                    "{}/{total}",
                    count.load(std::sync::atomic::Ordering::Relaxed)
                );
            },
        )
    })
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Progress { bar, docs }
}
