//! Scores the sentence aligner on a directory of aligned document pairs: the hand-aligned set
//! in tests/fixtures/sentalign/, or the simulated sets of scripts/sentalign-sim.py (shared by
//! the evaluation test and the example that prints the figures).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use glossa::align::GlossaryKeys;
use glossa::align::evidence::{KeySource, NoKeys, WithDictionary};
use glossa::align::score::{Pair, Prf, lax, parse_gold, strict};
use glossa::align::{Bead, Config, Dictionary, Unit, align, presegmented};
use glossa::glossary::Glossary;
use glossa::terms::TermMatcher;
use glossa::terms::english::TargetMatcher;

/// Scores of one document pair, and of all together.
pub struct Scores {
    pub name: String,
    pub strict: Prf,
    pub lax: Prf,
    /// Beads of the gold alignment.
    pub beads: usize,
    /// Predicted beads, those wrong (not in the gold), those flagged for review, and those
    /// both flagged and wrong.
    pub predicted: usize,
    pub wrong: usize,
    pub flagged: usize,
    pub flagged_wrong: usize,
    /// Null beads (1-0, 0-1) of the gold, those predicted exactly, and predicted null beads
    /// that are not in the gold.
    pub gold_nulls: usize,
    pub found_nulls: usize,
    pub false_nulls: usize,
    /// The mean score of the predicted beads.
    pub mean_score: f64,
    /// With a dictionary: the mean share of dictionary words matched, over the beads that
    /// have some.
    pub mean_coverage: Option<f64>,
    /// The mean share of distinctive keys (names, numbers, concepts, placeholders) shared
    /// across a bead, over the beads that have some when five or more do (as the pipeline
    /// measures it), and how many beads have some.
    pub mean_keys: Option<f64>,
    pub keyed_beads: usize,
    /// The correlation of the log character lengths of the 1-1 beads' two sides.
    pub length_correlation: Option<f64>,
    /// Each wrong bead with its texts and the gold beads it overlaps, for reading.
    pub wrong_beads: Vec<String>,
    /// Per bead kind (see [`KINDS`]): beads of the gold, beads predicted, predicted beads
    /// that are in the gold.
    pub kinds: [Kind; KINDS.len()],
    /// The lengths of the runs of consecutive wrong beads, in document order: how long
    /// the path stays out of step after a wrong bead.
    pub wrong_runs: Vec<usize>,
    /// Each predicted bead as the review flag sees it: `(source sentences, target
    /// sentences, margin, score, coverage, wrong)`, for calibrating the flag.
    pub flag_inputs: Vec<(usize, usize, f64, f64, Option<f64>, bool)>,
}

/// Bead kinds counted apart: 1-1, 1-2, 2-1, 2-2, null (1-0 and 0-1), and the rest.
pub const KINDS: [&str; 6] = ["1-1", "1-2", "2-1", "2-2", "null", "other"];

/// Counts of one bead kind.
#[derive(Clone, Copy, Debug, Default)]
pub struct Kind {
    pub gold: usize,
    pub found: usize,
    pub right: usize,
}

fn kind(p: &Pair) -> usize {
    match (p.0.len(), p.1.len()) {
        (1, 1) => 0,
        (1, 2) => 1,
        (2, 1) => 2,
        (2, 2) => 3,
        (0, _) | (_, 0) => 4,
        _ => 5,
    }
}

/// The lengths of the runs of consecutive beads of `pred` (in order) that `gold` lacks.
fn wrong_runs(pred: &[(Pair, bool)], gold: &[Pair]) -> Vec<usize> {
    let in_gold: HashSet<&Pair> = gold.iter().collect();
    let mut runs = Vec::new();
    let mut run = 0;
    for (p, _) in pred {
        if in_gold.contains(p) {
            if run > 0 {
                runs.push(run);
            }
            run = 0;
        } else {
            run += 1;
        }
    }
    if run > 0 {
        runs.push(run);
    }
    runs
}

// The review flag's figures and the wrong beads' texts are printed by the example.
#[allow(dead_code)]
impl Scores {
    /// Of the flagged beads, the share that is wrong.
    pub fn flag_precision(&self) -> f64 {
        ratio(self.flagged_wrong, self.flagged)
    }
    /// Of the wrong beads, the share that is flagged.
    pub fn flag_recall(&self) -> f64 {
        ratio(self.flagged_wrong, self.wrong)
    }
}

#[allow(dead_code)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The names of the pairs of `dir`: every `NAME.src.txt` with its `NAME.tgt.txt`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".src.txt")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// Aligns two presegmented texts, with the glossary's concepts and the dictionary's word
/// pairs as evidence when given.
pub fn run(
    src: &[Unit],
    tgt: &[Unit],
    matchers: Option<&(TermMatcher, TargetMatcher)>,
    dictionary: Option<&Dictionary>,
    config: &Config,
) -> Vec<Bead> {
    let glossary;
    let keys: &dyn KeySource = match matchers {
        Some((s, t)) => {
            glossary = GlossaryKeys {
                source: s,
                source_lang: None,
                target: t,
            };
            &glossary
        }
        None => &NoKeys,
    };
    match dictionary {
        Some(dictionary) => align(src, tgt, &WithDictionary { keys, dictionary }, config),
        None => align(src, tgt, keys, config),
    }
}

/// Aligns every `NAME.src.txt` / `NAME.tgt.txt` of `dir` and compares with `NAME.gold`;
/// a pair without a gold file counts every bead as wrong (texts that are not translations
/// of each other). With `glossary`, its concepts are used as evidence, and the dictionary
/// of a pair's language (the first two letters of its name: `de1`, `nl-apt`) when given.
pub fn evaluate(
    dir: &Path,
    glossary: Option<&Glossary>,
    dictionaries: &HashMap<String, Dictionary>,
) -> Vec<Scores> {
    let matchers = glossary.map(|g| (TermMatcher::new(g).unwrap(), TargetMatcher::new(g).unwrap()));
    let mut all_pred: Vec<(Pair, bool)> = Vec::new();
    let mut all_gold: Vec<Pair> = Vec::new();
    let mut all_scores = Vec::new();
    let mut all_runs = Vec::new();
    let mut all_flags = Vec::new();
    let mut out = Vec::new();
    for name in names(dir) {
        let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}")));
        let (src, tgt) = (
            presegmented(&read("src.txt").unwrap()),
            presegmented(&read("tgt.txt").unwrap()),
        );
        let gold = read("gold").map_or_else(|_| Vec::new(), |g| parse_gold(&g).unwrap());
        let dictionary = dictionaries.get(name.get(..2).unwrap_or(""));
        let beads = run(
            &src,
            &tgt,
            matchers.as_ref(),
            dictionary,
            &Config::default(),
        );
        let pred: Vec<(Pair, bool)> = beads
            .iter()
            .map(|b| {
                (
                    (
                        b.source.iter().map(|i| i + 1).collect(),
                        b.target.iter().map(|j| j + 1).collect(),
                    ),
                    b.review,
                )
            })
            .collect();
        all_scores.extend(beads.iter().map(|b| b.score));
        // Offset the numbers so that the documents can be pooled.
        let off = all_gold.len().max(all_pred.len()) * 10_000;
        let shift = |p: &Pair| -> Pair {
            (
                p.0.iter().map(|i| i + off).collect(),
                p.1.iter().map(|j| j + off).collect(),
            )
        };
        let mean = beads.iter().map(|b| b.score).sum::<f64>() / beads.len().max(1) as f64;
        let mut s = scores(&name, &pred, &gold, mean);
        let cov: Vec<f64> = beads.iter().filter_map(|b| b.coverage).collect();
        s.mean_coverage = (!cov.is_empty()).then(|| cov.iter().sum::<f64>() / cov.len() as f64);
        let keyed: Vec<f64> = beads.iter().filter_map(|b| b.keys).collect();
        s.keyed_beads = keyed.len();
        s.mean_keys = (keyed.len() >= 5).then(|| keyed.iter().sum::<f64>() / keyed.len() as f64);
        s.length_correlation = length_correlation(&beads, &src, &tgt);
        s.wrong_beads = describe_wrong(&name, &beads, &gold, &src, &tgt);
        let in_gold: HashSet<&Pair> = gold.iter().collect();
        s.flag_inputs = beads
            .iter()
            .zip(&pred)
            .map(|(b, (p, _))| {
                let wrong = !in_gold.contains(p);
                (
                    b.source.len(),
                    b.target.len(),
                    b.margin,
                    b.score,
                    b.coverage,
                    wrong,
                )
            })
            .collect();
        all_flags.extend_from_slice(&s.flag_inputs);
        if !gold.is_empty() {
            all_runs.extend_from_slice(&s.wrong_runs);
        }
        out.push(s);
        all_pred.extend(pred.iter().map(|(p, r)| (shift(p), *r)));
        all_gold.extend(gold.iter().map(shift));
    }
    let mean = all_scores.iter().sum::<f64>() / all_scores.len().max(1) as f64;
    let mut all = scores("all", &all_pred, &all_gold, mean);
    // Runs end where a document does.
    all.wrong_runs = all_runs;
    all.flag_inputs = all_flags;
    out.push(all);
    out
}

fn describe_wrong(
    name: &str,
    beads: &[Bead],
    gold: &[Pair],
    src: &[Unit],
    tgt: &[Unit],
) -> Vec<String> {
    let in_gold: HashSet<&Pair> = gold.iter().collect();
    let mut out = Vec::new();
    for b in beads {
        let p: Pair = (
            b.source.iter().map(|i| i + 1).collect(),
            b.target.iter().map(|j| j + 1).collect(),
        );
        if in_gold.contains(&p) || gold.is_empty() {
            continue;
        }
        let mut text = format!(
            "{name} {:?} -> {:?} score {} {}\n",
            p.0,
            p.1,
            b.score,
            if b.review { "review" } else { "ok" }
        );
        for &i in &b.source {
            text.push_str(&format!("    S{} {}\n", i + 1, src[i].text));
        }
        for &j in &b.target {
            text.push_str(&format!("    T{} {}\n", j + 1, tgt[j].text));
        }
        let near: Vec<&Pair> = gold
            .iter()
            .filter(|g| g.0.iter().any(|i| p.0.contains(i)) || g.1.iter().any(|j| p.1.contains(j)))
            .collect();
        text.push_str(&format!("    gold: {near:?}\n"));
        out.push(text);
    }
    out
}

fn scores(name: &str, pred: &[(Pair, bool)], gold: &[Pair], mean_score: f64) -> Scores {
    let beads: Vec<Pair> = pred.iter().map(|(p, _)| p.clone()).collect();
    let in_gold: HashSet<&Pair> = gold.iter().collect();
    let predicted: HashSet<&Pair> = beads.iter().collect();
    let null = |p: &Pair| p.0.is_empty() || p.1.is_empty();
    let wrong = |p: &Pair| !in_gold.contains(p);
    Scores {
        name: name.to_string(),
        strict: strict(&beads, gold),
        lax: lax(&beads, gold),
        beads: gold.len(),
        predicted: beads.len(),
        wrong: beads.iter().filter(|p| wrong(p)).count(),
        flagged: pred.iter().filter(|(_, r)| *r).count(),
        flagged_wrong: pred.iter().filter(|(p, r)| *r && wrong(p)).count(),
        gold_nulls: gold.iter().filter(|p| null(p)).count(),
        found_nulls: gold
            .iter()
            .filter(|p| null(p) && predicted.contains(p))
            .count(),
        false_nulls: beads.iter().filter(|p| null(p) && wrong(p)).count(),
        mean_score,
        mean_coverage: None,
        mean_keys: None,
        keyed_beads: 0,
        length_correlation: None,
        wrong_beads: Vec::new(),
        kinds: {
            let mut kinds = [Kind::default(); KINDS.len()];
            for g in gold {
                kinds[kind(g)].gold += 1;
            }
            for p in &beads {
                kinds[kind(p)].found += 1;
                if !wrong(p) {
                    kinds[kind(p)].right += 1;
                }
            }
            kinds
        },
        flag_inputs: Vec::new(),
        wrong_runs: if gold.is_empty() {
            Vec::new()
        } else {
            wrong_runs(pred, gold)
        },
    }
}

/// The correlation of the log lengths of the 1-1 beads' two sides, as the pipeline
/// measures it (see [`glossa::pipeline::length_correlation`]).
fn length_correlation(beads: &[Bead], src: &[Unit], tgt: &[Unit]) -> Option<f64> {
    glossa::pipeline::length_correlation(beads.iter().filter_map(|b| {
        let (&[i], &[j]) = (&b.source[..], &b.target[..]) else {
            return None;
        };
        Some((src[i].text.chars().count(), tgt[j].text.chars().count()))
    }))
}
