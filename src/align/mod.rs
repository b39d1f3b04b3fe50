//! Stage 6, align: a source document's sentences against its translation's.
//!
//! The method follows Gale & Church and hunalign: dynamic programming over *beads* (1-1,
//! 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3 sentences) whose cost combines
//!
//! - a length model: the character length of the target part is normally distributed
//!   around the source length times the texts' overall ratio (Gale & Church's δ);
//! - a prior per bead type (most beads are 1-1; omissions and merges are rare);
//! - lexical evidence ([`Evidence`]): keys shared by the two sides. With a glossary these
//!   are concepts (`Kolchosen` in the source, `kolkhozes` in the target, both the concept
//!   `kolkhoz`); always, rare tokens written alike on both sides (names, acronyms,
//!   cognates) or beginning alike (four letters: `Passwort`, `password`), numbers
//!   (down-weighted: page and footnote numbers mislead), and `?`, `!`, `:`, `(` and quotes;
//!   with a bilingual dictionary, words and their translations. A sentence merged with
//!   another into one bead must find its own evidence on the other side (not what the
//!   sentence beside it found), or the bead pays as a pair out of step does; and when it
//!   has evidence but none of it its own while the rest of the bead is well supported,
//!   the merge costs more than that rest and the sentence alone: a dropped sentence
//!   comes out alone, not inside a merge;
//! - paragraph boundaries, when both sides have comparable paragraphs.
//!
//! A second pass ([`Config::realign`], hunalign's realign) aligns again with the word
//! pairs that co-occur in the first pass's sure beads as evidence ([`realign`]), in a
//! band around the first path.
//!
//! To stay near-linear on book-length texts, a chain of confident anchors is fixed first:
//! sentence pairs that share a key occurring exactly once in each text, of which the
//! longest non-crossing chain is kept ([`anchor_chain`]) and then verified: an anchor whose
//! neighbours in the chain disagree with it on the diagonal is dropped ([`verify_chain`]),
//! so that no single wrong anchor pulls the path away. The dynamic programming then runs
//! only in a narrow band around the line through those anchors (or the diagonal, when
//! there are none, as on text of repeated passages). Where the best path touches the
//! band's edge, the band is widened there and the path sought again, until it runs free
//! of the edges: time and memory grow with the number of sentences times the band width,
//! not with its square, and the band is wide only where the texts part (an omitted
//! passage).
//!
//! The aligner knows nothing about languages: it works on any pair, from plain sentences
//! plus whatever evidence keys the caller extracted.

pub mod dictionary;
mod dp;
pub mod evidence;
mod keys;
pub mod realign;
pub mod score;

pub use dictionary::{Dictionaries, Dictionary, DictionarySetting};
pub use dp::{Bead, Config, Review, align};
pub use evidence::{Evidence, Key, KeySource, WithDictionary};
pub use keys::GlossaryKeys;

/// A sentence to align: its text and the paragraph it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub text: String,
    /// Index of its paragraph (0-based, in order); all 0 when the text has no paragraphs.
    pub paragraph: usize,
}

impl Unit {
    pub fn new(text: impl Into<String>, paragraph: usize) -> Unit {
        Unit {
            text: text.into(),
            paragraph,
        }
    }
}

/// Reads pre-segmented text: one sentence per line, a blank line between paragraphs.
pub fn presegmented(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut blank = false;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            blank = true;
            continue;
        }
        if blank && !out.is_empty() {
            paragraph += 1;
        }
        blank = false;
        out.push(Unit::new(t, paragraph));
    }
    out
}

/// The longest chain of anchors `(i, j)` strictly increasing in both coordinates: the
/// longest non-crossing subset. Deterministic: ties keep the earliest pairs.
pub fn anchor_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Sort by i ascending and, within one i, by j descending, so that two pairs of the
    // same source sentence can never both be in a strictly increasing run of j.
    let mut sorted = pairs.to_vec();
    sorted.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    sorted.dedup();
    // Patience sorting on j with predecessor links: O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; sorted.len()];
    for (k, &(_, j)) in sorted.iter().enumerate() {
        let pos = tails.partition_point(|&t| sorted[t].1 < j);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut chain = Vec::new();
    let mut k = tails.last().copied();
    while let Some(x) = k {
        chain.push(sorted[x]);
        k = prev[x];
    }
    chain.reverse();
    chain
}

/// Whether anchors `a` and `b` lie on one plausible path: the target distance between
/// them matches the source distance times `ratio`, give or take a few sentences plus a
/// tenth of the distance (omissions, additions and merges between them).
fn agree(a: (usize, usize), b: (usize, usize), ratio: f64) -> bool {
    let di = a.0.abs_diff(b.0) as f64;
    let dj = a.1.abs_diff(b.1) as f64;
    (dj - di * ratio).abs() <= 4.0 + 0.1 * di.max(dj)
}

/// The anchors of `chain` (strictly increasing, within an `n` by `m` alignment) that their
/// neighbours confirm: each anchor is compared with the two before and the two after it
/// (the alignment's start and end count as anchors that always hold), and dropped unless
/// it agrees on the diagonal with at least half of them. A wrong anchor, far off the
/// path its neighbours trace, disagrees with all of them and goes; its right neighbours
/// keep the support of theirs.
pub fn verify_chain(chain: &[(usize, usize)], n: usize, m: usize) -> Vec<(usize, usize)> {
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let ratio = m as f64 / n as f64;
    let mut points = Vec::with_capacity(chain.len() + 2);
    points.push((0, 0));
    points.extend_from_slice(chain);
    points.push((n, m));
    let last = points.len() - 1;
    (1..last)
        .filter(|&k| {
            let neighbours = (k.saturating_sub(2)..k).chain(k + 1..(k + 3).min(last + 1));
            let (mut agreeing, mut all) = (0, 0);
            for x in neighbours {
                all += 1;
                if agree(points[k], points[x], ratio) {
                    agreeing += 1;
                }
            }
            2 * agreeing >= all
        })
        .map(|k| points[k])
        .collect()
}

#[cfg(test)]
mod tests;
