//! Sentence alignment of book-length texts: seconds and peak memory by length.
//!
//! Run on purpose: `cargo bench --bench sentalign [-- SENTENCES...]` (default 5000 10000
//! 20000 40000 sentences per side). A synthetic pair is made from the hand-aligned test
//! set (tests/fixtures/sentalign) repeated with a running number in every sentence, one
//! target sentence in 40 dropped and one in 50 merged with its neighbour, and aligned
//! with the project glossary as evidence. Each length runs in a child process of its own,
//! so each peak memory (VmHWM) is that length's alone.
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::process::Command;
use std::time::Instant;

mod common;

use glossa::align::GlossaryKeys;
use glossa::align::{Config, Unit, align, presegmented};
use glossa::glossary::Glossary;
use glossa::terms::TermMatcher;
use glossa::terms::english::TargetMatcher;

fn synthetic(n: usize) -> (Vec<Unit>, Vec<Unit>) {
    let dir = Path::new("tests/fixtures/sentalign");
    let mut src_base = Vec::new();
    let mut tgt_base = Vec::new();
    for name in ["de1", "de2", "nl1"] {
        let read = |ext: &str| {
            std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).expect("test set")
        };
        let gold = glossa::align::score::parse_gold(&read("gold")).expect("gold");
        let (s, t) = (
            presegmented(&read("src.txt")),
            presegmented(&read("tgt.txt")),
        );
        // Keep the 1-1 beads, so that the synthetic truth is known.
        for (a, b) in gold {
            if let ([i], [j]) = (a.as_slice(), b.as_slice()) {
                src_base.push(s[i - 1].text.clone());
                tgt_base.push(t[j - 1].text.clone());
            }
        }
    }
    let (mut src, mut tgt) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for k in 0..n {
        let b = k % src_base.len();
        let para = k / 8;
        src.push(Unit::new(format!("{} ({k})", src_base[b]), para));
        if k % 40 == 39 {
            continue; // an omission
        }
        if k % 50 == 49 {
            if let Some(last) = tgt.last_mut() {
                let last: &mut Unit = last;
                last.text = format!("{} {} ({k})", last.text, tgt_base[b]);
                continue; // a merge
            }
        }
        tgt.push(Unit::new(format!("{} ({k})", tgt_base[b]), para));
    }
    (src, tgt)
}

fn run(n: usize) {
    let glossary = Glossary::load(Path::new("glossary/soviet.toml")).expect("glossary");
    let (s, t) = (
        TermMatcher::new(&glossary).unwrap(),
        TargetMatcher::new(&glossary).unwrap(),
    );
    let (src, tgt) = synthetic(n);
    let start = Instant::now();
    let keys = GlossaryKeys {
        source: &s,
        source_lang: None,
        target: &t,
    };
    let beads = align(&src, &tgt, &keys, &Config::default());
    let secs = start.elapsed().as_secs_f64();
    println!(
        "  {:>6} source / {:>6} target sentences: {:>6.2} s, {:>7} beads, peak memory {:>7.1} MiB",
        src.len(),
        tgt.len(),
        secs,
        beads.len(),
        common::peak_rss_mib()
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("--one") {
        run(args[1].parse().expect("a number"));
        return;
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![5000, 10000, 20000, 40000]
    } else {
        args.iter().map(|a| a.parse().expect("a number")).collect()
    };
    println!("bench sentalign (one core):");
    let exe = std::env::current_exe().expect("own path");
    for n in sizes {
        let status = Command::new(&exe)
            .args(["--one", &n.to_string()])
            .status()
            .expect("child runs");
        assert!(status.success());
    }
}
