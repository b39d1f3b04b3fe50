//! An alignment file cut into units of review, and the pairing of units across two
//! versions of one file.
//!
//! A unit is a bead of the sentence alignment (a `P` record with the `S`, `T` and `X`
//! records of its source sentences) when the document was aligned with a translation, and
//! a sentence with its terms otherwise. Units are paired in three steps:
//!
//! 1. the longest common subsequence of their keys (the ids of their sentences on both
//!    sides, which are derived from the text): these are unchanged or changed only in what
//!    glossa made of them (renderings, statuses, scores);
//! 2. inside each stretch between two such anchors, units whose words are alike
//!    (Dice coefficient of their word multisets ≥ [`ALIKE`]) in order: an *edited*
//!    sentence or translation, shown as one hunk;
//! 3. what is left with an equal key anywhere in the file: a unit that only moved.
//!
//! Anything unpaired after that was added or removed.

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::alignment_file::{
    AlignmentFile, PairRecord, Record, SentenceRecord, TermRecord, TranslationRecord,
};
use crate::segment::SegmentKind;
use crate::terms::Tier;

/// How alike two units' words must be (Dice coefficient) to count as one edited unit.
pub const ALIKE: f64 = 0.5;

/// Inside a stretch of changed units, how far (in units) pairing looks for a partner when
/// the stretch is long, so that a rewritten file does not cost time quadratic in its size.
const WINDOW: usize = 32;

/// One unit of review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    pub pair: Option<PairRecord>,
    pub sentences: Vec<SentenceRecord>,
    pub terms: Vec<TermRecord>,
    pub translations: Vec<TranslationRecord>,
}

impl Unit {
    /// The ids that make the unit: its source sentences and, in a bead, its target ones.
    pub fn key(&self) -> String {
        match &self.pair {
            Some(p) => format!("P {}|{}", p.source.join(","), p.target.join(",")),
            None => format!(
                "S {}",
                self.sentences
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    /// The source side's text.
    pub fn text(&self) -> String {
        match &self.pair {
            Some(p) => p.source_text.clone(),
            None => self
                .sentences
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The source language (of the bead, or of the first sentence).
    pub fn lang(&self) -> String {
        self.pair
            .as_ref()
            .map(|p| p.lang.clone())
            .or_else(|| self.sentences.first().map(|s| s.lang.clone()))
            .unwrap_or_default()
    }

    /// The raw line of the unit's first sentence with terms, when it has one.
    pub fn line(&self) -> Option<usize> {
        self.sentences.first().map(|s| s.line)
    }

    /// Whether two units say the same, apart from where they stand (line and column).
    pub fn same_apart_from_place(&self, other: &Unit) -> bool {
        fn placeless_s(s: &SentenceRecord) -> (&str, &str, SegmentKind, &str) {
            (&s.id, &s.lang, s.kind, &s.text)
        }
        fn placeless_t(t: &TermRecord) -> (&str, &str, &str, &str, Tier, bool, &str) {
            let TermRecord {
                sentence,
                concept,
                surface,
                english,
                tier,
                in_footnote,
                context,
                ..
            } = t;
            (
                sentence,
                concept,
                surface,
                english,
                *tier,
                *in_footnote,
                context,
            )
        }
        self.pair == other.pair
            && self.translations == other.translations
            && self
                .sentences
                .iter()
                .map(placeless_s)
                .eq(other.sentences.iter().map(placeless_s))
            && self
                .terms
                .iter()
                .map(placeless_t)
                .eq(other.terms.iter().map(placeless_t))
    }

    fn words(&self) -> HashMap<String, usize> {
        let mut words = HashMap::new();
        let target = self.pair.as_ref().map_or("", |p| p.target_text.as_str());
        for w in self
            .text()
            .split(|c: char| !c.is_alphanumeric())
            .chain(target.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
        {
            *words.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        words
    }
}

/// The units of a file, in order.
pub fn units(file: &AlignmentFile) -> Vec<Unit> {
    let beads = file.records.iter().any(|r| matches!(r, Record::Pair(_)));
    let mut units: Vec<Unit> = Vec::new();
    for r in &file.records {
        match r {
            Record::Pair(p) => units.push(Unit {
                pair: Some(p.clone()),
                ..Unit::default()
            }),
            Record::Sentence(s) => {
                let in_bead = beads
                    && units
                        .last()
                        .and_then(|u| u.pair.as_ref())
                        .is_some_and(|p| p.source.contains(&s.id));
                if !in_bead {
                    units.push(Unit::default());
                }
                units.last_mut().unwrap().sentences.push(s.clone());
            }
            Record::Term(t) => last(&mut units).terms.push(t.clone()),
            Record::Translation(x) => last(&mut units).translations.push(x.clone()),
        }
    }
    units
}

/// The unit records belong to (a parsed file never starts with a `T` or `X`, but a unit
/// of its own keeps such a record rather than losing it).
fn last(units: &mut Vec<Unit>) -> &mut Unit {
    if units.is_empty() {
        units.push(Unit::default());
    }
    units.last_mut().unwrap()
}

/// A step of the walk through two versions of a file, in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Old unit `.0` is new unit `.1` (same, edited, or changed in what glossa made of it).
    Paired(usize, usize),
    Removed(usize),
    Added(usize),
}

/// Pairs the units of two versions of a file; the steps cover every unit of both once, in
/// the new file's order with removed units where they stood.
pub fn pair(old: &[Unit], new: &[Unit]) -> Vec<Step> {
    let old_keys: Vec<String> = old.iter().map(Unit::key).collect();
    let new_keys: Vec<String> = new.iter().map(Unit::key).collect();
    let mut steps = Vec::new();
    let mut stretch: Option<(std::ops::Range<usize>, std::ops::Range<usize>)> = None;
    let flush = |stretch: &mut Option<_>, steps: &mut Vec<Step>| {
        if let Some((o, n)) = stretch.take() {
            steps.extend(pair_alike(old, new, o, n));
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                flush(&mut stretch, &mut steps);
                steps.extend((0..len).map(|k| Step::Paired(old_index + k, new_index + k)));
            }
            _ => {
                let (o, n) = (op.old_range(), op.new_range());
                let s = stretch.get_or_insert((o.start..o.start, n.start..n.start));
                s.0.end = o.end;
                s.1.end = n.end;
            }
        }
    }
    flush(&mut stretch, &mut steps);
    pair_moved(&old_keys, &new_keys, steps)
}

/// Pairs alike units inside one stretch, in order; the rest are removed or added.
fn pair_alike(
    old: &[Unit],
    new: &[Unit],
    o: std::ops::Range<usize>,
    n: std::ops::Range<usize>,
) -> Vec<Step> {
    let new_words: Vec<_> = n.clone().map(|j| new[j].words()).collect();
    let mut steps = Vec::new();
    let mut next_new = n.start;
    for i in o.clone() {
        let words = old[i].words();
        // Where this old unit would stand in the new stretch, for the window.
        let expected = n.start + (i - o.start) * n.len() / o.len().max(1);
        let lo = next_new.max(expected.saturating_sub(WINDOW));
        let hi = n.end.min(expected + WINDOW).max(lo);
        let best = (lo..hi)
            .map(|j| (j, dice(&words, &new_words[j - n.start])))
            .filter(|&(_, d)| d >= ALIKE)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((j, _)) => {
                steps.extend((next_new..j).map(Step::Added));
                steps.push(Step::Paired(i, j));
                next_new = j + 1;
            }
            None => steps.push(Step::Removed(i)),
        }
    }
    steps.extend((next_new..n.end).map(Step::Added));
    steps
}

/// A removed unit whose key an added one has elsewhere only moved: the two are paired
/// (the pair keeps the added unit's place).
fn pair_moved(old_keys: &[String], new_keys: &[String], steps: Vec<Step>) -> Vec<Step> {
    let mut removed: HashMap<&str, Vec<usize>> = HashMap::new();
    for s in &steps {
        if let Step::Removed(i) = s {
            removed.entry(old_keys[*i].as_str()).or_default().push(*i);
        }
    }
    if removed.is_empty() {
        return steps;
    }
    let mut moved = vec![false; old_keys.len()];
    let steps: Vec<Step> = steps
        .into_iter()
        .map(|s| match s {
            Step::Added(j) => match removed.get_mut(new_keys[j].as_str()) {
                Some(v) if !v.is_empty() => {
                    let i = v.remove(0);
                    moved[i] = true;
                    Step::Paired(i, j)
                }
                _ => s,
            },
            s => s,
        })
        .collect();
    steps
        .into_iter()
        .filter(|s| !matches!(s, Step::Removed(i) if moved[*i]))
        .collect()
}

fn dice(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> f64 {
    let total: usize = a.values().sum::<usize>() + b.values().sum::<usize>();
    if total == 0 {
        return 1.0;
    }
    let common: usize = a
        .iter()
        .map(|(w, n)| b.get(w).map_or(0, |m| (*n).min(*m)))
        .sum();
    2.0 * common as f64 / total as f64
}
