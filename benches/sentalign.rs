//! Sentence alignment of book-length texts: seconds and peak memory by length.
//!
//! Run on purpose: `cargo bench --bench sentalign [-- SENTENCES...]` (default 5000 10000
//! 20000 40000 sentences per side). A synthetic pair is made from the hand-aligned test
//! set (tests/fixtures/sentalign) repeated with a running number in every sentence, one
//! target sentence in 40 dropped and one in 50 merged with its neighbour, and aligned
//! with the project glossary as evidence. Each length runs in a child process of its own,
//! so each peak memory (VmHWM) is that length's alone.
//!
//! `cargo bench --bench sentalign -- --repetitive [SENTENCES...]` (default 40000) runs the
//! same pair without the running numbers: the set's passages repeated over and over, so
//! that almost no word occurs once per text and no anchor is found, with the same
//! omissions and merges. Its output also gives the share of the synthetic 1-1 pairs found.
//! `--unrelated` (with or without `--repetitive`) reverses the target's sentences: a pair
//! that is no translation, the worst case for a band that widens where the path meets
//! its edge. `--no-realign` aligns in one pass, without the second (realign), to measure
//! what that pass costs.
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

/// The synthetic pair of `n` source sentences and the target index of each source
/// sentence that keeps its own target sentence (omitted and merged ones have none).
fn synthetic(n: usize, repetitive: bool) -> (Vec<Unit>, Vec<Unit>, Vec<Option<usize>>) {
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
    let number = |k: usize| {
        if repetitive {
            String::new()
        } else {
            format!(" ({k})")
        }
    };
    let (mut src, mut tgt) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut truth = Vec::with_capacity(n);
    for k in 0..n {
        let b = k % src_base.len();
        let para = k / 8;
        src.push(Unit::new(format!("{}{}", src_base[b], number(k)), para));
        if k % 40 == 39 {
            truth.push(None);
            continue; // an omission
        }
        if k % 50 == 49
            && let Some(last) = tgt.last_mut()
        {
            let last: &mut Unit = last;
            last.text = format!("{} {}{}", last.text, tgt_base[b], number(k));
            truth.push(None);
            // The merged sentence's predecessor is no 1-1 pair either.
            if let Some(t) = truth.iter_mut().rev().nth(1) {
                *t = None;
            }
            continue; // a merge
        }
        truth.push(Some(tgt.len()));
        tgt.push(Unit::new(format!("{}{}", tgt_base[b], number(k)), para));
    }
    (src, tgt, truth)
}

fn run(n: usize, repetitive: bool, unrelated: bool, realign: bool) {
    let glossary = Glossary::load(Path::new("glossary/soviet.toml")).expect("glossary");
    let (s, t) = (
        TermMatcher::new(&glossary).unwrap(),
        TargetMatcher::new(&glossary).unwrap(),
    );
    let (src, mut tgt, truth) = synthetic(n, repetitive);
    if unrelated {
        tgt.reverse();
    }
    let start = Instant::now();
    let keys = GlossaryKeys {
        source: &s,
        source_lang: None,
        target: &t,
    };
    let config = Config {
        realign,
        ..Config::default()
    };
    let beads = align(&src, &tgt, &keys, &config);
    let secs = start.elapsed().as_secs_f64();
    let pairs = truth.iter().filter(|t| t.is_some()).count();
    let found = beads
        .iter()
        .filter(|b| b.source.len() == 1 && b.target.len() == 1)
        .filter(|b| truth[b.source[0]] == Some(b.target[0]))
        .count();
    println!(
        "  {:>6} source / {:>6} target sentences: {:>6.2} s, {:>7} beads, peak memory {:>7.1} MiB, 1-1 pairs found {:.3}",
        src.len(),
        tgt.len(),
        secs,
        beads.len(),
        common::peak_rss_mib(),
        found as f64 / pairs.max(1) as f64
    );
}

fn main() {
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let repetitive = args.iter().any(|a| a == "--repetitive");
    let unrelated = args.iter().any(|a| a == "--unrelated");
    let realign = !args.iter().any(|a| a == "--no-realign");
    args.retain(|a| a != "--repetitive" && a != "--unrelated" && a != "--no-realign");
    if args.first().map(String::as_str) == Some("--one") {
        let n = args[1].parse().expect("a number");
        run(n, repetitive, unrelated, realign);
        return;
    }
    let sizes: Vec<usize> = if !args.is_empty() {
        args.iter().map(|a| a.parse().expect("a number")).collect()
    } else if repetitive {
        vec![40000]
    } else {
        vec![5000, 10000, 20000, 40000]
    };
    let kind = match (repetitive, unrelated) {
        (true, true) => ", repeated passages, unrelated",
        (true, false) => ", repeated passages",
        (false, true) => ", unrelated",
        (false, false) => "",
    };
    let pass = if realign { "" } else { ", one pass" };
    println!("bench sentalign (one core{kind}{pass}):");
    let exe = std::env::current_exe().expect("own path");
    for n in sizes {
        let mut child = Command::new(&exe);
        child.args(["--one", &n.to_string()]);
        if repetitive {
            child.arg("--repetitive");
        }
        if unrelated {
            child.arg("--unrelated");
        }
        if !realign {
            child.arg("--no-realign");
        }
        let status = child.status().expect("child runs");
        assert!(status.success());
    }
}
