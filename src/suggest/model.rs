//! A character-trigram model of two word lists: how much more a word looks like the
//! first (the glossary's Russian spellings) than like the second (the corpus's words).

use std::collections::HashMap;

/// Counts of trigrams and their two-letter contexts, per side.
#[derive(Debug, Default)]
struct Counts {
    tri: HashMap<[char; 3], f64>,
    bi: HashMap<[char; 2], f64>,
}

impl Counts {
    fn add(&mut self, word: &str) {
        for t in trigrams(word) {
            *self.tri.entry(t).or_default() += 1.0;
            *self.bi.entry([t[0], t[1]]).or_default() += 1.0;
        }
    }

    /// Add-k smoothed P(c | ab) over an alphabet of `v` symbols, less `own` counts (the
    /// word's own, when it is one of the counted words).
    fn prob(&self, t: [char; 3], v: f64, own: f64) -> f64 {
        const K: f64 = 0.1;
        let n = (self.tri.get(&t).copied().unwrap_or(0.0) - own).max(0.0);
        let d = (self.bi.get(&[t[0], t[1]]).copied().unwrap_or(0.0) - own).max(0.0);
        (n + K) / (d + K * v)
    }
}

/// The two-sided model.
#[derive(Debug, Default)]
pub(super) struct TrigramModel {
    positive: Counts,
    negative: Counts,
    alphabet: f64,
}

fn trigrams(word: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = std::iter::repeat_n('^', 2)
        .chain(word.chars())
        .chain(std::iter::once('$'))
        .collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

impl TrigramModel {
    /// Builds the model; each word list is counted by type.
    pub(super) fn new(positive: &[String], negative: &[String]) -> TrigramModel {
        let mut m = TrigramModel::default();
        let mut alphabet = std::collections::HashSet::new();
        for w in positive {
            m.positive.add(w);
            alphabet.extend(w.chars());
        }
        for w in negative {
            m.negative.add(w);
            alphabet.extend(w.chars());
        }
        m.alphabet = (alphabet.len() + 1) as f64;
        m
    }

    /// The mean log-likelihood ratio per trigram: above 0, the word looks more like the
    /// positive list. A word of the negative list is scored against the others (leave
    /// one out): a rare word must not explain itself.
    pub(super) fn ratio(&self, word: &str, counted: bool) -> f64 {
        let t = trigrams(word);
        if t.is_empty() || self.positive.tri.is_empty() {
            return 0.0;
        }
        let own = if counted { 1.0 } else { 0.0 };
        let sum: f64 = t
            .iter()
            .map(|t| {
                let p = self.positive.prob(*t, self.alphabet, 0.0);
                let n = self.negative.prob(*t, self.alphabet, own);
                (p / n).ln()
            })
            .sum();
        sum / t.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_spellings_score_above_german_words() {
        let pos: Vec<String> = [
            "kolchos",
            "natschalstwo",
            "tscheka",
            "chruschtschow",
            "molotow",
        ]
        .map(String::from)
        .to_vec();
        let neg: Vec<String> = ["haus", "bauern", "wurden", "deutschen", "zeit", "arbeit"]
            .map(String::from)
            .to_vec();
        let m = TrigramModel::new(&pos, &neg);
        assert!(m.ratio("kolchosen", false) > 0.0);
        assert!(m.ratio("bauernhaus", false) < 0.0);
    }
}
