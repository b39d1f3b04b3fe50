//! `glossa align --stream`: JSON lines in, JSON lines out, for engines that distribute the
//! work themselves (Spark's `RDD.pipe`, Hadoop streaming, GNU parallel).
//!
//! Each input line is `{"id": …, "text": "…"}` or `{"id": …, "path": "…"}`; each output
//! line is `{"id": …, "terms": [ …term records… ]}`, in input order, one per input line.
//! A line that cannot be processed gives `{"id": …, "error": "…"}` and the run goes on; the
//! exit status is then 2. Lines are read and aligned in small batches (in parallel within
//! a batch), so memory does not grow with the length of the input.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{Context, bail};
use glossa::pipeline::Aligner;
use glossa::source::Document;
use rayon::prelude::*;
use serde_json::{Value, json};

use super::exit::Outcome;
use super::output::stdout;

/// Documents aligned together before their output is written.
const BATCH: usize = 64;

fn process(aligner: &Aligner, line: &str) -> (Value, bool) {
    let input: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return (
                json!({ "id": null, "error": format!("not a JSON object: {e}") }),
                false,
            );
        }
    };
    let id = match input.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            return (
                json!({ "id": null, "error": "missing \"id\" (a string or a number)" }),
                false,
            );
        }
    };
    let doc = match (input.get("text"), input.get("path")) {
        (Some(Value::String(text)), _) => Document::from_bytes(&id, text.as_bytes()),
        (_, Some(Value::String(path))) => Document::read(Path::new(path)),
        _ => {
            return (
                json!({ "id": id, "error": "needs \"text\" or \"path\" (a string)" }),
                false,
            );
        }
    };
    match doc {
        Ok(doc) => {
            let aligned = aligner.align(&doc, &id);
            (json!({ "id": id, "terms": aligned.occurrences }), true)
        }
        Err(e) => (json!({ "id": id, "error": format!("{e:#}") }), false),
    }
}

/// Reads JSON lines on standard input until it ends, aligning each document with
/// `aligner` (the project's glossary, compiled once).
pub fn run(aligner: &Aligner) -> anyhow::Result<Outcome> {
    let stdin = std::io::stdin().lock();
    let mut lines = stdin.lines();
    let mut out = stdout();
    let mut failed = 0usize;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for line in lines.by_ref() {
            let line = line.context("cannot read standard input")?;
            if !line.trim().is_empty() {
                batch.push(line);
            }
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<(Value, bool)> = batch.par_iter().map(|l| process(aligner, l)).collect();
        for (value, ok) in results {
            failed += usize::from(!ok);
            serde_json::to_writer(&mut out, &value)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    if failed > 0 {
        bail!("{failed} input line(s) could not be processed (see their \"error\" records)");
    }
    Ok(Outcome::Clean)
}
