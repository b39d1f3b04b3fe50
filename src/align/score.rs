//! Precision, recall and F1 of beads against a gold alignment, strict and lax.
//!
//! - strict: a bead counts when the gold has exactly the same bead (same source and
//!   target sentences);
//! - lax: a predicted bead counts when it shares a source-target sentence link with some
//!   gold bead, and a gold bead is found when some predicted bead shares a link with it
//!   (empty beads, 1-0 and 0-1, must match exactly in both modes).

use std::collections::HashSet;

/// A bead as two lists of sentence numbers.
pub type Pair = (Vec<usize>, Vec<usize>);

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(tp_pred: usize, n_pred: usize, tp_gold: usize, n_gold: usize) -> Prf {
    let precision = if n_pred == 0 {
        0.0
    } else {
        tp_pred as f64 / n_pred as f64
    };
    let recall = if n_gold == 0 {
        0.0
    } else {
        tp_gold as f64 / n_gold as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

fn links(b: &Pair) -> HashSet<(usize, usize)> {
    b.0.iter()
        .flat_map(|&i| b.1.iter().map(move |&j| (i, j)))
        .collect()
}

/// Strict scores.
pub fn strict(pred: &[Pair], gold: &[Pair]) -> Prf {
    let g: HashSet<&Pair> = gold.iter().collect();
    let p: HashSet<&Pair> = pred.iter().collect();
    let tp = pred.iter().filter(|b| g.contains(b)).count();
    let tpg = gold.iter().filter(|b| p.contains(b)).count();
    prf(tp, pred.len(), tpg, gold.len())
}

/// Lax scores.
pub fn lax(pred: &[Pair], gold: &[Pair]) -> Prf {
    let overlaps = |a: &Pair, others: &[Pair]| -> bool {
        if a.0.is_empty() || a.1.is_empty() {
            return others.contains(a);
        }
        let la = links(a);
        others.iter().any(|o| !links(o).is_disjoint(&la))
    };
    let tp = pred.iter().filter(|b| overlaps(b, gold)).count();
    let tpg = gold.iter().filter(|b| overlaps(b, pred)).count();
    prf(tp, pred.len(), tpg, gold.len())
}

/// Parses a gold file: one bead per line, `SOURCE<TAB>TARGET`, each side a space-separated
/// list of 1-based sentence numbers or `-`.
pub fn parse_gold(text: &str) -> Result<Vec<Pair>, String> {
    let side = |s: &str, line: usize| -> Result<Vec<usize>, String> {
        let s = s.trim();
        if s == "-" || s.is_empty() {
            return Ok(Vec::new());
        }
        s.split_whitespace()
            .map(|n| {
                n.parse::<usize>()
                    .map_err(|_| format!("line {line}: `{n}` is not a sentence number"))
            })
            .collect()
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(k, l)| {
            let (a, b) = l
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected SOURCE<TAB>TARGET", k + 1))?;
            Ok((side(a, k + 1)?, side(b, k + 1)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_and_lax() {
        let gold = vec![(vec![1], vec![1]), (vec![2, 3], vec![2]), (vec![4], vec![])];
        let pred = vec![
            (vec![1], vec![1]),
            (vec![2], vec![2]),
            (vec![3], vec![]),
            (vec![4], vec![]),
        ];
        let s = strict(&pred, &gold);
        assert_eq!((s.precision, s.recall), (0.5, 2.0 / 3.0));
        let l = lax(&pred, &gold);
        assert_eq!((l.precision, l.recall), (0.75, 1.0));
        assert_eq!(parse_gold("1\t1\n2 3\t2\n4\t-\n").unwrap(), gold);
    }
}
