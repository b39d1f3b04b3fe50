//! Throughput and memory of language detection, run on purpose (not in tests):
//!
//!     cargo bench --bench detect [-- CORPUS_DIR [MEGABYTES]]
//!
//! Reads every `.txt` of the corpus (default `../shared/corpus`; skipped with a message
//! when absent) and measures, side by side in one run on the same text (at least 20 MB):
//!
//! - `document`: glossa's detector on the corpus files joined and repeated into one
//!   document, as `glossa detect` runs it (normalise, segment, the cheap first pass by
//!   function words, lingua only where it leaves doubt, paragraphs, sentences);
//! - `sentences high` / `sentences low`: every sentence of that text detected on its own
//!   ([`Detector::detect_text`], no paragraph to lean on), in high- and low-accuracy mode;
//! - `lingua alone`: the peer, lingua (de, nl, en, high accuracy, models preloaded) asked
//!   for the language of every one of those sentences, with no glossa around it.
//!
//! Each runs in a child process of its own, so that the peak memory (VmHWM) it reports is
//! its own: lingua keeps its models in process-wide tables. All use every core (rayon).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use glossa::detect::{Accuracy, DetectConfig, Detector};
use glossa::segment::{LangChoice, Options, segment_document};
use glossa::source::Document;
use lingua::{Language, LanguageDetectorBuilder};
use rayon::prelude::*;

const MODES: [&str; 4] = ["document", "sentences-high", "sentences-low", "lingua"];

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    if args.get(1).map(String::as_str) == Some("--mode") {
        run(&args[2], Path::new(&args[3]), args[4].parse().unwrap());
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
    println!(
        "{:<16} {:>10} {:>9} {:>8} {:>9} {:>10}",
        "mode", "sentences", "MB", "seconds", "MB/s", "peak MiB"
    );
    for mode in MODES {
        let status = Command::new(&exe)
            .args([
                "--mode",
                mode,
                &dir.display().to_string(),
                &megabytes.to_string(),
            ])
            .status()
            .expect("run the benchmark child");
        assert!(status.success(), "{mode} run failed");
    }
}

/// The corpus files joined by blank lines and repeated until they reach `megabytes` MB.
fn repeated_corpus(dir: &Path, megabytes: usize) -> String {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut once = String::new();
    for p in &paths {
        once.push_str(Document::read(p).expect("readable corpus file").text());
        once.push_str("\n\n");
    }
    let copies = (megabytes * 1_000_000).div_ceil(once.len().max(1));
    once.repeat(copies)
}

fn run(mode: &str, dir: &Path, megabytes: usize) {
    let text = repeated_corpus(dir, megabytes);
    let doc = Document::from_bytes("corpus", text.as_bytes()).expect("the corpus decodes");
    if mode == "document" {
        let detector = Detector::new(&DetectConfig::default()).expect("default languages");
        let start = Instant::now();
        let langs = detector.detect_document(&doc, LangChoice::Auto);
        let known = langs
            .sentences
            .iter()
            .filter(|s| s.detection.lang.is_some())
            .count();
        report(
            mode,
            langs.sentences.len(),
            known,
            text.len(),
            start.elapsed(),
        );
        return;
    }
    let sentences: Vec<String> = segment_document(&doc, &Options::default())
        .into_iter()
        .map(|s| s.text)
        .collect();
    let bytes = sentences.iter().map(String::len).sum();
    // Loading the models is not detecting: each clock starts once they are loaded.
    let (known, took) = if mode == "lingua" {
        let lingua = LanguageDetectorBuilder::from_languages(&[
            Language::German,
            Language::Dutch,
            Language::English,
        ])
        .with_preloaded_language_models()
        .build();
        let start = Instant::now();
        let known = sentences
            .par_iter()
            .filter(|s| lingua.detect_language_of(s.as_str()).is_some())
            .count();
        (known, start.elapsed())
    } else {
        let accuracy = if mode == "sentences-low" {
            Accuracy::Low
        } else {
            Accuracy::High
        };
        let detector = Detector::new(&DetectConfig {
            accuracy,
            ..DetectConfig::default()
        })
        .expect("default languages");
        let start = Instant::now();
        let known = sentences
            .par_iter()
            .filter(|s| detector.detect_text(s).lang.is_some())
            .count();
        (known, start.elapsed())
    };
    report(mode, sentences.len(), known, bytes, took);
}

fn report(mode: &str, sentences: usize, known: usize, bytes: usize, took: std::time::Duration) {
    let secs = took.as_secs_f64();
    println!(
        "{mode:<16} {sentences:>10} {:>9.1} {secs:>8.2} {:>9.2} {:>10.0}   ({known} with a language, {} threads)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        peak_mib(),
        rayon::current_num_threads(),
    );
}

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}
