//! Throughput and memory of decode + normalise + segment, on one core.
//!
//! Run on purpose: `cargo bench --bench segment [-- CORPUS_DIR [MB]]`. It reads the
//! shared corpus (`../shared/corpus` by default), feeds its files one document at a time
//! over and over until at least MB megabytes (default 50) went through, and prints MB/s,
//! sentences per second and the peak resident memory after each fifth of the run, so
//! that one can see memory stay flat as the number of documents grows.

use std::path::PathBuf;
use std::time::Instant;

mod common;

use glossa::normalize::normalize;
use glossa::segment::{Options, segment_normalized};
use glossa::source::Document;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let dir = PathBuf::from(args.first().map_or("../shared/corpus", String::as_str));
    let target_mb: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(50.0);
    let Some(files) = common::corpus("segment", &dir) else {
        return;
    };
    let target = (target_mb * 1e6) as usize;
    let opts = Options::default();
    let (mut bytes, mut sentences, mut docs) = (0usize, 0usize, 0usize);
    let mut checkpoints = Vec::new();
    let mut stages = [0f64; 3];
    let mut next_checkpoint = target / 5;
    let start = Instant::now();
    let cpu_start = common::cpu_seconds();
    while bytes < target {
        for (name, raw) in &files {
            let t0 = Instant::now();
            let doc = Document::from_bytes(name, raw).expect("corpus decodes");
            let t1 = Instant::now();
            let norm = normalize(doc.text());
            let t2 = Instant::now();
            sentences += segment_normalized(&doc, &norm, &opts).len();
            stages[0] += (t1 - t0).as_secs_f64();
            stages[1] += (t2 - t1).as_secs_f64();
            stages[2] += t2.elapsed().as_secs_f64();
            bytes += raw.len();
            docs += 1;
            if bytes >= next_checkpoint {
                checkpoints.push((bytes as f64 / 1e6, docs, common::peak_rss_mib()));
                next_checkpoint += target / 5;
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = common::cpu_seconds() - cpu_start;
    println!(
        "bench segment: {:.1} MB in {docs} documents, {secs:.2} s on one core",
        bytes as f64 / 1e6
    );
    println!(
        "  throughput: {:.1} MB/s, {:.0} sentences/s (wall clock)",
        bytes as f64 / 1e6 / secs,
        sentences as f64 / secs
    );
    println!(
        "  throughput: {:.1} MB/s per CPU second ({cpu:.2} CPU s)",
        bytes as f64 / 1e6 / cpu
    );
    for (name, t) in ["decode", "normalise", "segment"].iter().zip(stages) {
        println!(
            "  stage {name:10} {:6.2} s  {:7.1} MB/s",
            t,
            bytes as f64 / 1e6 / t
        );
    }
    for (mb, d, mib) in checkpoints {
        println!("  after {mb:6.1} MB ({d:5} documents): peak RSS {mib:.1} MiB");
    }
}
