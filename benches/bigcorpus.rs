//! A corpus that does not fit in memory, end to end: `glossa align --stream` fed with a
//! synthetic corpus (the shared corpus files repeated with variations) through a pipe,
//! as Spark's `RDD.pipe` would feed it.
//!
//! Run on purpose: `cargo bench --bench bigcorpus [-- MEGABYTES... [--jobs N...]]`
//! (default: 100 and 1000 MB, with 1 and 2 jobs). Prints MB/s and the peak resident memory
//! of the glossa process for each run; memory must stay flat as the corpus grows.
#![allow(clippy::print_stdout)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run(corpus: &[String], megabytes: usize, jobs: usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(["align", "--stream", "--quiet", "--jobs", &jobs.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("glossa runs");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let target = megabytes * 1_000_000;
    let docs: Vec<String> = corpus.to_vec();
    let feeder = std::thread::spawn(move || {
        let mut fed = 0usize;
        let mut n = 0usize;
        while fed < target {
            // A variation: the document's paragraphs rotated, and a line of its own.
            let base = &docs[n % docs.len()];
            let paras: Vec<&str> = base.split("\n\n").collect();
            let k = (n / docs.len()) % paras.len().max(1);
            let mut text = paras[k..].join("\n\n");
            text.push_str("\n\n");
            text.push_str(&paras[..k].join("\n\n"));
            text.push_str(&format!("\n\nDokument {n}.\n"));
            fed += text.len();
            let line = serde_json::json!({ "id": format!("doc-{n}"), "text": text });
            if writeln!(stdin, "{line}").is_err() {
                break;
            }
            n += 1;
        }
        (fed, n)
    });
    let reader = std::thread::spawn(move || {
        let mut lines = 0usize;
        let mut terms = 0usize;
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            lines += 1;
            terms += line.matches("\"concept\"").count();
        }
        (lines, terms)
    });
    let start = Instant::now();
    let mut peak = 0u64;
    while !feeder.is_finished() || !reader.is_finished() {
        if let Some(kib) = common::vm_hwm_kib(&pid.to_string()) {
            peak = peak.max(kib);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let (fed, docs) = feeder.join().expect("feeder");
    let (lines, terms) = reader.join().expect("reader");
    let status = child.wait().expect("glossa exits");
    let secs = start.elapsed().as_secs_f64();
    assert!(status.success(), "glossa failed");
    assert_eq!(lines, docs, "one output line per document");
    println!(
        "  {:>6.0} MB, {docs:>6} documents, {jobs} job(s): {secs:>7.1} s, {:>6.2} MB/s, {terms} term occurrences, peak memory {:.1} MiB",
        fed as f64 / 1e6,
        fed as f64 / 1e6 / secs,
        peak as f64 / 1024.0
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let jobs_at = args.iter().position(|a| a == "--jobs");
    let sizes: Vec<usize> = args[..jobs_at.unwrap_or(args.len())]
        .iter()
        .filter_map(|a| a.parse().ok())
        .collect();
    let jobs: Vec<usize> = jobs_at.map_or(vec![1, 2], |i| {
        args[i + 1..]
            .iter()
            .filter_map(|a| a.parse().ok())
            .collect()
    });
    let sizes = if sizes.is_empty() {
        vec![100, 1000]
    } else {
        sizes
    };
    let Some(files) = common::corpus("bigcorpus", Path::new("../shared/corpus")) else {
        return;
    };
    let corpus: Vec<String> = files
        .into_iter()
        .map(|(_, t)| String::from_utf8_lossy(&t).into_owned())
        .collect();
    println!("bench bigcorpus: glossa align --stream over a synthetic corpus");
    for &mb in &sizes {
        for &j in &jobs {
            run(&corpus, mb, j);
        }
    }
}
