//! Output helpers shared by the commands: a buffered standard output and the reading of
//! input paths (`-` is standard input).

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
pub fn read_all(paths: &[PathBuf]) -> anyhow::Result<Vec<Document>> {
    let mut docs = Vec::with_capacity(paths.len());
    for path in paths {
        let doc = Document::read(path)?;
        for w in doc.warnings() {
            warn(w);
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Writes one JSON object as a line.
pub fn json_line<W: Write, T: serde::Serialize>(out: &mut W, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value).context("cannot serialise output")?;
    out.write_all(b"\n")?;
    Ok(())
}

/// A progress bar on standard error (documents done / total, rate, ETA), hidden when
/// standard error is not a terminal, with `--quiet`, or for a single document.
pub fn progress(total: u64, quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || total < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} documents, {per_sec}, ETA {eta}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
