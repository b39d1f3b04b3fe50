//! Prints strict and lax bead precision, recall and F1 of the sentence aligner, the review
//! flag's precision and recall (of the beads it flags, how many are wrong; of the wrong
//! beads, how many it flags) and how null beads (omissions, additions) fare:
//!
//!     cargo run --release --example sentalign_eval [-- [--no-glossary] [--dictionary] [--show-wrong] [--per-document] [--kinds] [DIR]]
//!
//! With `--kinds`, it prints per bead kind (1-1, 1-2, 2-1, 2-2, null, other) the beads of
//! the gold, those predicted and those predicted right, and the runs of consecutive wrong
//! beads (how long the path stays out of step after a wrong bead).
//! Per document (with `--per-document`, or when there are 12 or fewer) it prints the
//! evidence of the `unlikely-translation` verdict: the mean dictionary coverage of the
//! beads (with `--dictionary`), their mean key agreement (names, numbers, concepts,
//! placeholders found on both sides) and the length correlation of the 1-1 beads, and
//! whether the verdict says the target is not a translation of the source.
//! With `--dictionary`, the installed FreeDict dictionaries (Debian's `dict-freedict-deu-eng`
//! and `dict-freedict-nld-eng`, under /usr/share/dictd) add their word pairs as evidence.
//!
//! DIR defaults to the hand-aligned set tests/fixtures/sentalign; `scripts/sentalign-sim.py`
//! makes larger sets from real translations (its `clean/`, `damaged/`, `omissions/`,
//! `unrelated/`, `mixed/`, `ratio/` and `literary/` directories).
#![allow(clippy::print_stdout)]

#[path = "../tests/cli/sentalign_score.rs"]
mod sentalign_score;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let no_glossary = args.iter().any(|a| a == "--no-glossary");
    let dir = args
        .iter()
        .enumerate()
        .find(|(k, a)| !a.starts_with("--") && (*k == 0 || args[k - 1] != "--flag-inputs"))
        .map(|(_, a)| a)
        .map_or("tests/fixtures/sentalign", String::as_str);
    let glossary = (!no_glossary).then(|| {
        glossa::glossary::Glossary::load(Path::new("glossary/soviet.toml")).expect("glossary loads")
    });
    let mut dictionaries = std::collections::HashMap::new();
    if args.iter().any(|a| a == "--dictionary") {
        for lang in ["de", "nl"] {
            let dir = Path::new(glossa::align::dictionary::DICTD_DIR);
            let Some(path) = glossa::align::Dictionary::find(dir, lang, "en") else {
                println!("no {lang}-en dictionary in {}", dir.display());
                continue;
            };
            let t = std::time::Instant::now();
            let d = glossa::align::Dictionary::load(&path, lang, "en").expect("dictionary loads");
            println!(
                "{}: {} word pairs of {} source words, loaded in {:.2} s",
                path.display(),
                d.pairs(),
                d.headwords(),
                t.elapsed().as_secs_f64()
            );
            dictionaries.insert(lang.to_string(), d);
        }
    }
    let scores = sentalign_score::evaluate(Path::new(dir), glossary.as_ref(), &dictionaries);
    let all_only = scores.len() > 12 && !args.iter().any(|a| a == "--per-document");
    println!(
        "{:<24} {:>5}  {:>19}  {:>19}  {:>13}  {:>14}  {:>5}",
        "pair",
        "beads",
        "strict P / R / F1",
        "lax P / R / F1",
        "flag P / R",
        "nulls found/gold false",
        "score"
    );
    for s in &scores {
        if all_only && s.name != "all" {
            continue;
        }
        println!(
            "{:<24} {:>5}  {:.3} / {:.3} / {:.3}  {:.3} / {:.3} / {:.3}  {:.3} / {:.3}  {:>5}/{:<5} {:>5}  {:.3}",
            s.name,
            s.beads,
            s.strict.precision,
            s.strict.recall,
            s.strict.f1,
            s.lax.precision,
            s.lax.recall,
            s.lax.f1,
            s.flag_precision(),
            s.flag_recall(),
            s.found_nulls,
            s.gold_nulls,
            s.false_nulls,
            s.mean_score,
        );
        if let Some(c) = s.mean_coverage {
            println!("{:<24} dictionary coverage {c:.3}", "");
        }
        if let Some(k) = s.mean_keys {
            println!(
                "{:<24} key agreement {k:.3} over {} beads",
                "", s.keyed_beads
            );
        }
        if let Some(r) = s.length_correlation {
            println!("{:<24} length correlation {r:.3}", "");
        }
        // The verdict of the pipeline (`unlikely-translation`), per document.
        if s.name != "all" {
            let verdict =
                glossa::pipeline::unlikely(s.mean_coverage, s.mean_keys, s.length_correlation);
            println!(
                "{:<24} unlikely translation: {}",
                "",
                if verdict.is_some() { "yes" } else { "no" }
            );
        }
    }
    if args.iter().any(|a| a == "--show-wrong") {
        for s in &scores {
            for w in &s.wrong_beads {
                print!("{w}");
            }
        }
    }
    let all = scores.last().unwrap();
    if let Some(k) = args.iter().position(|a| a == "--flag-inputs") {
        // One line per predicted bead: kind, margin, score, coverage, wrong (for a grid
        // search of the review flag's thresholds across sets).
        let path = args.get(k + 1).expect("--flag-inputs FILE");
        let mut out = String::new();
        for (ds, dt, margin, score, coverage, wrong) in &all.flag_inputs {
            let coverage = coverage.map_or("-".to_string(), |c| format!("{c:.3}"));
            out.push_str(&format!(
                "{ds}-{dt}\t{margin:.4}\t{score:.3}\t{coverage}\t{}\n",
                u8::from(*wrong)
            ));
        }
        std::fs::write(path, out).expect("flag inputs written");
    }
    if args.iter().any(|a| a == "--kinds") {
        println!("{:<6} {:>6} {:>6} {:>6}", "kind", "gold", "found", "right");
        for (name, k) in sentalign_score::KINDS.iter().zip(&all.kinds) {
            println!("{name:<6} {:>6} {:>6} {:>6}", k.gold, k.found, k.right);
        }
        let runs = &all.wrong_runs;
        let count = |lo: usize, hi: usize| runs.iter().filter(|&&r| r >= lo && r <= hi).count();
        println!(
            "runs of wrong beads: {} (mean length {:.2}, longest {}); of length 1: {}, 2: {}, 3-7: {}, 8 or more: {}",
            runs.len(),
            runs.iter().sum::<usize>() as f64 / runs.len().max(1) as f64,
            runs.iter().max().unwrap_or(&0),
            count(1, 1),
            count(2, 2),
            count(3, 7),
            count(8, usize::MAX),
        );
    }
    println!(
        "beads predicted {}, wrong {}, flagged {} ({} of them wrong)",
        all.predicted, all.wrong, all.flagged, all.flagged_wrong
    );
}
