//! The second pass (hunalign's `-realign` idea): word pairs that co-occur in the beads the
//! first pass is sure of become evidence for the second, as a dictionary's words are.
//!
//! A pair counts when its two words share at least `MIN_BEADS` sure beads and their Dice
//! coefficient (twice the beads they share over the beads each is in) reaches
//! `MIN_DICE`. Learnt words weigh in a bead's dictionary match as a dictionary's words do:
//! matched they are evidence, unmatched they count against the bead (taking them as
//! evidence only was measured and lost omissions: damaged set without a dictionary, strict
//! F1 .944 → .937). They are never keys of their own (they make no anchors) and never count
//! in a document's dictionary coverage, so a pair learnt from beads that were wrong cannot
//! make two texts look like translations.

use std::collections::{HashMap, HashSet};

use super::Unit;
use super::dictionary::DictionaryWord;
use super::evidence::Evidence;
use crate::fold::fold_str;

/// Beads a word pair must share.
const MIN_BEADS: usize = 2;
/// The Dice coefficient a word pair must reach.
const MIN_DICE: f64 = 0.8;
/// A learnt word weighs this much when rare (as much as a dictionary word)…
const WEIGHT: f64 = 0.6;
/// …and is left out when in more than this share of its text's sentences.
const COMMON: f64 = 0.5;
/// Ids of learnt target words start here, above any dictionary's.
const FIRST_ID: u32 = 0x8000_0000;

/// The words of a sentence the pass learns from: folded, three letters or more, cut to
/// six (a stem of sorts, for any language).
fn words(text: &str) -> Vec<String> {
    let mut v: Vec<String> = fold_str(text)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(2).is_some())
        .map(|w| w.chars().take(6).collect())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Learns word pairs from the `sure` beads (source and target sentence indices, 1-1) and
/// adds them to the evidence of every sentence. Returns the number of pairs learnt.
pub fn learn_and_add(
    src: &[Unit],
    tgt: &[Unit],
    sure: &[(usize, usize)],
    ev_s: &mut [Evidence],
    ev_t: &mut [Evidence],
) -> usize {
    let words_s: Vec<Vec<String>> = src.iter().map(|u| words(&u.text)).collect();
    let words_t: Vec<Vec<String>> = tgt.iter().map(|u| words(&u.text)).collect();
    let mut pair_count: HashMap<(&str, &str), usize> = HashMap::new();
    let mut count_s: HashMap<&str, usize> = HashMap::new();
    let mut count_t: HashMap<&str, usize> = HashMap::new();
    for &(i, j) in sure {
        for s in &words_s[i] {
            *count_s.entry(s).or_default() += 1;
        }
        for t in &words_t[j] {
            *count_t.entry(t).or_default() += 1;
        }
        for s in &words_s[i] {
            for t in &words_t[j] {
                if s != t {
                    *pair_count.entry((s, t)).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<(&str, &str)> = pair_count
        .into_iter()
        .filter(|&((s, t), c)| {
            c >= MIN_BEADS && 2.0 * c as f64 / (count_s[s] + count_t[t]) as f64 >= MIN_DICE
        })
        .map(|(p, _)| p)
        .collect();
    pairs.sort_unstable();
    if pairs.is_empty() {
        return 0;
    }
    let mut target_ids: HashMap<&str, u32> = HashMap::new();
    let mut translations: HashMap<&str, Vec<u32>> = HashMap::new();
    for &(s, t) in &pairs {
        let next = FIRST_ID + target_ids.len() as u32;
        let id = *target_ids.entry(t).or_insert(next);
        translations.entry(s).or_default().push(id);
    }
    let key = |side: &str, w: &str| -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in side.bytes().chain(w.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h | (1 << 63)
    };
    let found_s: Vec<Vec<DictionaryWord>> = words_s
        .iter()
        .map(|ws| {
            ws.iter()
                .filter_map(|w| {
                    let ids = translations.get(w.as_str())?;
                    Some(DictionaryWord {
                        key: key("s:", w),
                        ids: ids.clone(),
                    })
                })
                .collect()
        })
        .collect();
    let found_t: Vec<Vec<DictionaryWord>> = words_t
        .iter()
        .map(|ws| {
            ws.iter()
                .filter_map(|w| {
                    let id = target_ids.get(w.as_str())?;
                    Some(DictionaryWord {
                        key: key("t:", w),
                        ids: vec![*id],
                    })
                })
                .collect()
        })
        .collect();
    add(found_s, ev_s);
    add(found_t, ev_t);
    pairs.len()
}

/// Adds learnt words to the sentences' evidence, weighted by rarity as dictionary words are.
fn add(found: Vec<Vec<DictionaryWord>>, evs: &mut [Evidence]) {
    let mut df: HashMap<u64, usize> = HashMap::new();
    for words in &found {
        let distinct: HashSet<u64> = words.iter().map(|w| w.key).collect();
        for k in distinct {
            *df.entry(k).or_default() += 1;
        }
    }
    let n = evs.len().max(1) as f64;
    let full = 20f64.ln();
    for (ev, words) in evs.iter_mut().zip(found) {
        for w in words {
            let p = df[&w.key] as f64 / n;
            if p <= COMMON {
                let weight = WEIGHT * ((1.0 / p).ln() / full).min(1.0);
                ev.soft.push((w, weight));
            }
        }
        ev.index_soft();
    }
}

/// Whether a word of a sentence's evidence was learnt by this pass (not a dictionary's).
pub fn learnt(word: &DictionaryWord) -> bool {
    word.ids.first().is_some_and(|&id| id >= FIRST_ID)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_of_sure_beads_become_evidence_and_not_dictionary_coverage() {
        let src: Vec<Unit> = [
            "Der Hafen war leer.",
            "Im Hafen lag Eis.",
            "Ein Wort.",
            "Noch eins.",
            "Und ein drittes.",
        ]
        .iter()
        .map(|t| Unit::new(*t, 0))
        .collect();
        let tgt: Vec<Unit> = [
            "The harbour was empty.",
            "Ice lay in a harbour.",
            "A word.",
            "Another.",
            "And a third.",
        ]
        .iter()
        .map(|t| Unit::new(*t, 0))
        .collect();
        let (mut ev_s, mut ev_t) = (vec![Evidence::default(); 5], vec![Evidence::default(); 5]);
        // hafen/harbou share both sure beads; a pair seen once is not learnt.
        assert_eq!(
            learn_and_add(&src, &tgt, &[(0, 0), (1, 1)], &mut ev_s, &mut ev_t),
            1
        );
        assert_eq!(ev_s[0].soft.len(), 1);
        assert_eq!(ev_t[1].soft.len(), 1);
        assert!(ev_s[2].soft.is_empty() && learnt(&ev_s[0].soft[0].0));
        let coverage = super::super::evidence::dictionary_coverage(&ev_s[..1], &ev_t[..1]);
        assert_eq!(coverage, None);
    }
}
