//! Scores the sentence aligner on the hand-aligned set in tests/fixtures/sentalign/
//! (shared by the evaluation test and the example that prints the figures).

use std::path::Path;

use glossa::align::GlossaryKeys;
use glossa::align::score::{Pair, Prf, lax, parse_gold, strict};
use glossa::align::{Config, align, presegmented};
use glossa::glossary::Glossary;
use glossa::terms::TermMatcher;
use glossa::terms::english::TargetMatcher;

/// Scores of one document pair, and of all together.
pub struct Scores {
    pub name: String,
    pub strict: Prf,
    pub lax: Prf,
    pub beads: usize,
}

/// Aligns every `NAME.src.txt` / `NAME.tgt.txt` of `dir` and compares with `NAME.gold`.
/// With `glossary`, its concepts are used as anchors.
pub fn evaluate(dir: &Path, glossary: Option<&Glossary>) -> Vec<Scores> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".gold")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    let matchers = glossary.map(|g| (TermMatcher::new(g).unwrap(), TargetMatcher::new(g).unwrap()));
    let mut all_pred: Vec<Pair> = Vec::new();
    let mut all_gold: Vec<Pair> = Vec::new();
    let mut out = Vec::new();
    for name in names {
        let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap();
        let (src, tgt) = (
            presegmented(&read("src.txt")),
            presegmented(&read("tgt.txt")),
        );
        let gold = parse_gold(&read("gold")).unwrap();
        let beads = match &matchers {
            Some((s, t)) => align(
                &src,
                &tgt,
                &GlossaryKeys {
                    source: s,
                    source_lang: None,
                    target: t,
                },
                &Config::default(),
            ),
            None => align(
                &src,
                &tgt,
                &glossa::align::evidence::NoKeys,
                &Config::default(),
            ),
        };
        let pred: Vec<Pair> = beads
            .iter()
            .map(|b| {
                (
                    b.source.iter().map(|i| i + 1).collect(),
                    b.target.iter().map(|j| j + 1).collect(),
                )
            })
            .collect();
        // Offset the numbers so that the documents can be pooled.
        let off = (all_gold.len() * 1000, all_gold.len() * 1000);
        let shift = |p: &Pair| -> Pair {
            (
                p.0.iter().map(|i| i + off.0).collect(),
                p.1.iter().map(|j| j + off.1).collect(),
            )
        };
        out.push(Scores {
            name: name.clone(),
            strict: strict(&pred, &gold),
            lax: lax(&pred, &gold),
            beads: gold.len(),
        });
        all_pred.extend(pred.iter().map(shift));
        all_gold.extend(gold.iter().map(shift));
    }
    out.push(Scores {
        name: "all".into(),
        strict: strict(&all_pred, &all_gold),
        lax: lax(&all_pred, &all_gold),
        beads: all_gold.len(),
    });
    out
}
