//! Throughput and memory of language detection, run on purpose (not in tests):
//!
//!     cargo bench --bench detect [-- CORPUS_DIR [MEGABYTES]]
//!
//! Reads every `.txt` of the corpus (default `../shared/corpus`; skipped with a message
//! when absent), segments it, repeats its sentences until they reach at least 20 MB, and
//! detects the language of every sentence, in high- and then low-accuracy mode. Each mode
//! runs in a child process of its own, so that the peak memory (VmHWM) it reports is its
//! own: lingua keeps its models in process-wide tables.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use glossa::detect::{Accuracy, DetectConfig, Detector};
use glossa::segment::{Options, segment_document};
use glossa::source::Document;
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    if args.get(1).map(String::as_str) == Some("--mode") {
        let accuracy = if args[2] == "low" {
            Accuracy::Low
        } else {
            Accuracy::High
        };
        run(accuracy, Path::new(&args[3]), args[4].parse().unwrap());
        return;
    }
    let dir = args
        .get(1)
        .map_or_else(|| PathBuf::from("../shared/corpus"), PathBuf::from);
    let megabytes: usize = args
        .get(2)
        .map_or(20, |m| m.parse().expect("MEGABYTES is a number"));
    if !dir.is_dir() {
        println!("bench detect: no corpus at {}, skipping", dir.display());
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    for mode in ["high", "low"] {
        let status = Command::new(&exe)
            .args([
                "--mode",
                mode,
                &dir.display().to_string(),
                &megabytes.to_string(),
            ])
            .status()
            .expect("run the benchmark child");
        assert!(status.success(), "{mode}-accuracy run failed");
    }
}

fn run(accuracy: Accuracy, dir: &Path, megabytes: usize) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut sentences: Vec<String> = Vec::new();
    for p in &paths {
        let doc = Document::read(p).expect("readable corpus file");
        sentences.extend(
            segment_document(&doc, &Options::default())
                .into_iter()
                .map(|s| s.text),
        );
    }
    let corpus_bytes: usize = sentences.iter().map(String::len).sum();
    let target = megabytes << 20;
    let copies = target.div_ceil(corpus_bytes.max(1));
    let all: Vec<&str> = (0..copies)
        .flat_map(|_| sentences.iter().map(String::as_str))
        .collect();
    let bytes: usize = all.iter().map(|s| s.len()).sum();

    let start = Instant::now();
    let detector = Detector::new(&DetectConfig {
        accuracy,
        ..DetectConfig::default()
    })
    .expect("default languages");
    let load = start.elapsed();
    let start = Instant::now();
    let known = all
        .par_iter()
        .filter(|s| detector.detect_text(s).lang.is_some())
        .count();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:?} accuracy: {} sentences ({:.1} MB, corpus x{copies}) in {secs:.2} s with {} threads: \
         {:.0} sentences/s, {:.2} MB/s; models loaded in {:.2} s; {known} sentences with a language; \
         peak memory (VmHWM) {}",
        accuracy,
        all.len(),
        bytes as f64 / 1e6,
        rayon::current_num_threads(),
        all.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        load.as_secs_f64(),
        peak_memory()
    );
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
