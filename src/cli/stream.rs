//! `glossa align --stream`: JSON lines in, JSON lines out, for engines that distribute the
//! work themselves (Spark's `RDD.pipe`, Hadoop streaming, GNU parallel). The protocol,
//! one record per input line (blank lines included, as error records), is
//! [`glossa::stream`]'s; this file reads standard input, writes standard output and sets
//! the exit status.
//!
//! Exit status: an engine such as Scala's `RDD.pipe` or Hadoop streaming fails the whole
//! task on a non-zero exit, so one bad document must not stop the stream: a run in which
//! every input line got its record exits 0, error records included, and says on standard
//! error how many there were. `--fail-on-error` makes that exit 1 instead (the records are
//! all written; 2 stays for a run that could not do its job). Exit 2 when glossa cannot
//! run at all (settings, glossary: refused before any input is read, in `args`), or when
//! reading standard input or writing standard output fails midway.
//!
//! Lines are read and aligned in small batches (in parallel within a batch), so memory
//! does not grow with the length of the input.

use std::io::{BufRead, Write};

use anyhow::Context;
use glossa::pipeline::Aligner;
use glossa::stream::{Record, Stream};
use rayon::prelude::*;

use super::exit::{Outcome, warn};
use super::output::stdout;

/// Documents aligned together before their output is written.
const BATCH: usize = 64;

/// What `--stream` does beyond the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamOptions {
    /// Exit 1 when a line gave an error record.
    pub fail_on_error: bool,
    /// No summary on standard error.
    pub quiet: bool,
}

/// Reads JSON lines on standard input until it ends, aligning each document with
/// `aligner` (the project's glossary, compiled once).
pub fn run(aligner: &Aligner, options: StreamOptions) -> anyhow::Result<Outcome> {
    let stdin = std::io::stdin();
    let mut stream = Stream::new(aligner);
    if let Some(meta) = own_input() {
        stream = stream.refusing(&meta);
    }
    let mut input = stdin.lock();
    let mut out = stdout();
    let mut read = 0usize;
    let mut failed = 0usize;
    loop {
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            let mut line = Vec::new();
            let n = input
                .read_until(b'\n', &mut line)
                .with_context(|| format!("cannot read standard input after line {read}"))?;
            if n == 0 {
                break;
            }
            read += 1;
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            // JSON parsers may ignore a byte-order mark (RFC 8259); Windows tools write one.
            if read == 1 && line.starts_with(b"\xEF\xBB\xBF") {
                line.drain(..3);
            }
            batch.push((read, line));
        }
        if batch.is_empty() {
            break;
        }
        let records: Vec<Record> = batch
            .par_iter()
            .map(|(n, line)| stream.record(*n, line))
            .collect();
        for r in &records {
            failed += usize::from(r.is_error());
            serde_json::to_writer(&mut out, r)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    if failed > 0 && !options.quiet {
        warn(&format!(
            "{failed} of {read} input line(s) gave an error record (the records with an \"error\" key)"
        ));
    }
    if failed > 0 && options.fail_on_error {
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Clean)
}

/// The file standard input reads, when it is one (`glossa align --stream < docs.jsonl`):
/// a line naming it would read the stream itself.
#[cfg(unix)]
fn own_input() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn own_input() -> Option<std::fs::Metadata> {
    None
}
