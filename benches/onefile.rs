//! One big document through `glossa align`'s stages on a thread pool of N threads: which
//! stages of a single document's path run on one core and how long each takes (issue 20:
//! one 20 MB file on two cores).
//!
//! Run on purpose: `cargo bench --bench onefile [-- [CORPUS_DIR] [--mb MB] [--jobs N]]`. It
//! joins the corpus files (`../shared/corpus` by default) into one document of at least MB
//! megabytes (default 20), aligns it with N threads (default 2) and prints per stage the
//! wall time, the CPU time where the stage can be timed on its own, and their ratio: about
//! 1 for a stage that runs on one core, up to N for one that uses them all. The document is
//! aligned as `glossa align` does when it writes files (`Keep::Text`: each batch of
//! sentences matched, its records made and rendered in one task of the pool). The stages
//! inside align (normalise, detect with segmentation) are timed by the pipeline (wall
//! only); `match+records` is the rest of align, rendering included; `join` takes the text.

use std::path::PathBuf;
use std::time::Instant;

mod common;

use glossa::alignment_file::AlignmentFile;
use glossa::glossary::Glossary;
use glossa::pipeline::{Aligner, Keep, Timings};
use glossa::segment::Options;
use glossa::source::Document;

/// Runs `f`, returning its result, its wall time and the process's CPU time meanwhile.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (c, t) = (common::cpu_seconds(), Instant::now());
    let out = f();
    (out, t.elapsed().as_secs_f64(), common::cpu_seconds() - c)
}

fn main() {
    let mut dir = PathBuf::from("../shared/corpus");
    let (mut mb, mut jobs) = (20.0, 2);
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mb" => mb = args.next().and_then(|m| m.parse().ok()).expect("--mb MB"),
            "--jobs" => jobs = args.next().and_then(|j| j.parse().ok()).expect("--jobs N"),
            other => dir = PathBuf::from(other),
        }
    }
    let Some(files) = common::corpus("onefile", &dir) else {
        return;
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build_global()
        .expect("the thread pool is built once");
    let glossary = Glossary::load_all(&[PathBuf::from("glossary/soviet.toml")])
        .expect("the project's glossary loads");
    let aligner = Aligner::new(&glossary, Options::default())
        .and_then(|a| a.with_detection(&glossa::detect::DetectConfig::default()))
        .expect("glossary compiles")
        .keeping(Keep::Text);
    let mut raw = Vec::new();
    'fill: loop {
        for (_, text) in &files {
            raw.extend_from_slice(text);
            raw.extend_from_slice(b"\n\n");
            if raw.len() as f64 >= mb * 1e6 {
                break 'fill;
            }
        }
    }
    let size = raw.len() as f64 / 1e6;

    let (doc, decode_wall, decode_cpu) =
        timed(|| Document::from_bytes("big.txt", &raw).expect("the corpus decodes"));
    let mut t = Timings::default();
    let (mut aligned, align_wall, align_cpu) =
        timed(|| aligner.align_timed(&doc, "big.txt", &mut t));
    let (text, render_wall, render_cpu) = timed(|| aligned.take_text());
    let ((), validate_wall, validate_cpu) =
        timed(|| AlignmentFile::validate("big.txt.align", &text).expect("the file parses back"));
    let path = std::env::temp_dir().join(format!("glossa-onefile-{}.align", std::process::id()));
    let ((), write_wall, write_cpu) =
        timed(|| std::fs::write(&path, &text).expect("temporary file"));
    let _ = std::fs::remove_file(&path);

    let inner = [
        ("normalise", t.normalize.as_secs_f64()),
        ("detect", (t.segment + t.detect).as_secs_f64()),
    ];
    let records = align_wall - inner.iter().map(|s| s.1).sum::<f64>();
    println!(
        "bench onefile: one document of {size:.1} MB, {jobs} thread(s), {} sentences, {} term occurrences",
        aligned.sentences,
        aligned.terms()
    );
    println!("| stage           |  wall s |  CPU s | CPU/wall |");
    println!("|-----------------|---------|--------|----------|");
    let row = |stage: &str, wall: f64, cpu: Option<f64>| match cpu {
        Some(c) => println!(
            "| {stage:15} | {wall:7.2} | {c:6.2} | {:8.2} |",
            c / wall.max(1e-9)
        ),
        None => println!("| {stage:15} | {wall:7.2} |        |          |"),
    };
    row("decode", decode_wall, Some(decode_cpu));
    for (stage, wall) in inner {
        row(&format!("  {stage}"), wall, None);
    }
    row("  match+records", records, None);
    row("align", align_wall, Some(align_cpu));
    row("join", render_wall, Some(render_cpu));
    row("validate", validate_wall, Some(validate_cpu));
    row("write", write_wall, Some(write_cpu));
    let total = decode_wall + align_wall + render_wall + validate_wall + write_wall;
    let serial = decode_wall + t.normalize.as_secs_f64() + write_wall;
    println!(
        "total {total:.2} s wall ({:.1} MB/s); decode, normalise and write (one core each): {serial:.2} s, {:.0}% of the wall time",
        size / total,
        100.0 * serial / total
    );
    println!("peak RSS {:.1} MiB", common::peak_rss_mib());
}
