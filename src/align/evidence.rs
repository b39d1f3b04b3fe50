//! Lexical evidence for sentence alignment: keys a source and a target sentence can share.
//!
//! Keys are strings with a kind prefix, hashed:
//!
//! - `c:<concept>`: a glossary concept, found by the caller's [`KeySource`] on each side
//!   (German `Kolchosen` and English `kolkhozes` both give `c:kolkhoz`);
//! - `w:<token>`: a token of four letters or more written alike on both sides after case
//!   and accent folding (names, cognates), weighted by its rarity (full weight in few
//!   sentences of each text, none in half of them);
//!   an acronym of two or three capitals (`KPD`, `ZK`) or a name with digits (`SOCKSv5`);
//! - `x:<prefix>`: the first four letters of such a token, for cognates spelt a little
//!   differently (`Passwort` and `password`, `Signatur` and `signature`: Simard, Foster &
//!   Isabelle's 4-prefix cognates), down-weighted, and weighted by rarity as `w:` keys are;
//! - `n:<digits>`: a number of two digits or more, down-weighted (page and footnote
//!   numbers mislead);
//! - `f:<placeholder>#<k>`: the `k`-th format placeholder of a kind in the sentence
//!   (`%s`, `%d`, `%.*s`, `{0}`; a positional `%1$s` is read as `%s`), weighted by rarity
//!   as `w:` keys are: a translation keeps its placeholders, so a sentence with two `%s`
//!   goes with the one of its neighbours that has two, and one without with one without,
//!   while the first `%s` of a catalog where most messages have one says little;
//! - `p:?`, `p:!`, `p::`, `p:(`, `p:"`: a question mark, an exclamation mark, a colon, a
//!   parenthesis, a quotation;
//! - with a bilingual [`Dictionary`](super::Dictionary): a word and its translation. These
//!   keys are evidence when both sentences have them and never counter-evidence (a word's
//!   translations are many, the translator picks one), and only those in few sentences of
//!   each text count (a translation of `die` or `ist` is in every sentence).
//!
//! A key counts only when it occurs on both sides somewhere in the texts: a name that the
//! translation spells differently is no evidence, and no counter-evidence either.

use std::collections::{HashMap, HashSet};

use super::Unit;
use super::dictionary::DictionaryWord;
use crate::fold::fold_str;

/// A hashed evidence key.
pub type Key = u64;

/// Which side a sentence is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

/// Extra keys for a sentence, e.g. the glossary concepts found in it.
pub trait KeySource {
    /// Concept ids (or any other shared labels) found in `text` on `side`.
    fn keys(&self, text: &str, side: Side) -> Vec<String>;

    /// Translation keys from a bilingual dictionary (see [`WithDictionary`]): a source
    /// sentence's words give the ids of their translations, a target sentence's words
    /// their own ids.
    fn dictionary_words(&self, _text: &str, _side: Side) -> Vec<DictionaryWord> {
        Vec::new()
    }
}

/// A dictionary's keys next to another key source's.
pub struct WithDictionary<'a> {
    pub keys: &'a dyn KeySource,
    pub dictionary: &'a super::Dictionary,
}

impl std::fmt::Debug for WithDictionary<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WithDictionary")
            .field("dictionary", self.dictionary)
            .finish_non_exhaustive()
    }
}

impl KeySource for WithDictionary<'_> {
    fn keys(&self, text: &str, side: Side) -> Vec<String> {
        self.keys.keys(text, side)
    }

    fn dictionary_words(&self, text: &str, side: Side) -> Vec<DictionaryWord> {
        match side {
            Side::Source => self.dictionary.source_words(text),
            Side::Target => self.dictionary.target_words(text),
        }
    }
}

/// No extra keys: length, shared tokens and punctuation only.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoKeys;

impl KeySource for NoKeys {
    fn keys(&self, _: &str, _: Side) -> Vec<String> {
        Vec::new()
    }
}

/// The weighted keys of one sentence, sorted by key and deduplicated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    pub keys: Vec<(Key, f64)>,
    /// Keys that occur exactly once in their whole text (anchor candidates).
    pub unique: Vec<Key>,
    /// Dictionary words with their weights: evidence when matched, never counter-evidence.
    pub soft: Vec<(DictionaryWord, f64)>,
    /// The ids of `soft`'s words, sorted, once each (see [`Evidence::index_soft`]): made
    /// once per sentence, not once per bead the search tries.
    pub soft_ids: Vec<u32>,
    /// The `x:` keys (possible cognates), sorted: they guide the path, as evidence and
    /// counter-evidence, but stay out of a bead's written score, which would otherwise
    /// move when an edit elsewhere makes a prefix appear on both sides.
    pub cognates: Vec<(Key, f64)>,
    /// The summed weight of the sentence's kept-in-translation keys (glossary concepts,
    /// numbers, placeholders, acronyms and names with digits) that the other text has
    /// nowhere: no evidence for the path, but a translation has few of them and a text
    /// that is not one many (see [`key_agreement`]).
    pub lost: f64,
}

impl Evidence {
    /// Sets `soft_ids` from `soft`: call after changing `soft`.
    pub fn index_soft(&mut self) {
        let mut v: Vec<u32> = self
            .soft
            .iter()
            .flat_map(|(w, _)| w.ids.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        self.soft_ids = v;
    }
}

const CONCEPT_WEIGHT: f64 = 2.0;
const WORD_WEIGHT: f64 = 1.5;
const NUMBER_WEIGHT: f64 = 0.6;
const COGNATE_WEIGHT: f64 = 0.8;
const COGNATE_PREFIX: usize = 4;
const COGNATE_MIN: usize = 5;
const PUNCT_WEIGHT: f64 = 0.4;
const PLACEHOLDER_WEIGHT: f64 = 1.0;
const DICTIONARY_WEIGHT: f64 = 0.6;
/// A dictionary word in this share of the sentences of its text or fewer counts fully…
const DICTIONARY_RARE: f64 = 1.0 / 20.0;
/// …and one in more than this share not at all (a translation of `die` or `ist`).
const DICTIONARY_COMMON: f64 = 0.5;
/// A sentence of a bead with fewer of its dictionary words matched than this share pays
/// part of the unmatched penalty, all of it when none is matched (measured on simulated
/// merges and omissions, scripts/sentalign-sim.py: 0.25 to 0.65 all help, 0.65 most).
const DICTIONARY_COVERAGE: f64 = 0.65;
/// A sentence merged with another needs this much evidence weight (keys and dictionary
/// words) before its shortfall counts: with less, its length has to decide.
const MERGED_EVIDENCE: f64 = 1.0;

const fn hash(s: &str) -> Key {
    // FNV-1a: stable across runs and machines, so alignments are deterministic.
    let bytes = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The raw keys of a sentence, with their weights, before the both-sides filter.
fn raw_keys(text: &str, side: Side, source: &dyn KeySource) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = source
        .keys(text, side)
        .into_iter()
        .map(|c| (format!("c:{c}"), CONCEPT_WEIGHT))
        .collect();
    let folded = fold_str(text);
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        if token.chars().count() >= 4 && token.chars().all(char::is_alphabetic) {
            out.push((format!("w:{token}"), WORD_WEIGHT));
            if token.chars().count() >= COGNATE_MIN {
                let prefix: String = token.chars().take(COGNATE_PREFIX).collect();
                out.push((format!("x:{prefix}"), COGNATE_WEIGHT));
            }
        } else if token.len() >= 2 && token.bytes().all(|b| b.is_ascii_digit()) {
            out.push((format!("n:{token}"), NUMBER_WEIGHT));
        }
    }
    // Acronyms (`KPD`, `NKWD` is a word already) and names with digits (`T-34` is two
    // tokens, `SOCKSv5` one) are written alike in any language.
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = (2..=3).contains(&letters)
            && letters == token.chars().count()
            && token.chars().all(char::is_uppercase);
        let with_digits = letters >= 2 && letters < token.chars().count();
        if acronym || with_digits {
            out.push((format!("w:{}", fold_str(token)), WORD_WEIGHT));
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for p in placeholders(text) {
        let k = seen.iter().filter(|q| **q == p).count() + 1;
        out.push((format!("f:{p}#{k}"), PLACEHOLDER_WEIGHT));
        seen.push(p);
    }
    for (c, key) in [('?', "p:?"), ('!', "p:!"), (':', "p::"), ('(', "p:(")] {
        if text.contains(c) {
            out.push((key.to_string(), PUNCT_WEIGHT));
        }
    }
    if text.contains(['"', '„', '“', '”', '»', '«']) {
        out.push(("p:\"".to_string(), PUNCT_WEIGHT));
    }
    out
}

/// The format placeholders of a text, in order: printf's (`%s`, `%5.2f`, `%.*s`, `%lu`;
/// `%1$s` as `%s`, since a translation may number what the original does not; `%%` is
/// none, and so is `% d`, printf's space flag: `50 % der Stimmen` is German prose) and
/// braces around a name or number (`{0}`, `{name}`, `{}`).
fn placeholders(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b'%' if b.get(k + 1) == Some(&b'%') => k += 2,
            b'%' => {
                let mut e = k + 1;
                // A position, `1$`, is dropped.
                let digits = b[e..].iter().take_while(|c| c.is_ascii_digit()).count();
                if digits > 0 && b.get(e + digits) == Some(&b'$') {
                    e += digits + 1;
                }
                let start = e;
                let skip = |e: &mut usize, f: fn(u8) -> bool| {
                    while b.get(*e).is_some_and(|&c| f(c)) {
                        *e += 1;
                    }
                };
                skip(&mut e, |c| matches!(c, b'-' | b'+' | b'#' | b'0' | b'\''));
                skip(&mut e, |c| c.is_ascii_digit() || c == b'*');
                if b.get(e) == Some(&b'.') {
                    e += 1;
                    skip(&mut e, |c| c.is_ascii_digit() || c == b'*');
                }
                skip(&mut e, |c| {
                    matches!(c, b'h' | b'l' | b'L' | b'q' | b'j' | b'z' | b't')
                });
                if b.get(e).is_some_and(|c| b"diouxXeEfFgGaAcspn".contains(c)) {
                    // Flags, width and length are ASCII: `start..=e` is a char boundary.
                    out.push(format!("%{}", &text[start..=e]));
                    k = e + 1;
                } else {
                    k += 1;
                }
            }
            b'{' => {
                let inner = b[k + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                    .count();
                if inner <= 30 && b.get(k + 1 + inner) == Some(&b'}') {
                    out.push(text[k..k + inner + 2].to_string());
                    k += inner + 2;
                } else {
                    k += 1;
                }
            }
            _ => k += 1,
        }
    }
    out
}

/// Extracts the evidence of every sentence of both sides.
pub fn extract(
    src: &[Unit],
    tgt: &[Unit],
    source: &dyn KeySource,
) -> (Vec<Evidence>, Vec<Evidence>) {
    let raw_s: Vec<Vec<(String, f64)>> = src
        .iter()
        .map(|u| raw_keys(&u.text, Side::Source, source))
        .collect();
    let raw_t: Vec<Vec<(String, f64)>> = tgt
        .iter()
        .map(|u| raw_keys(&u.text, Side::Target, source))
        .collect();
    // In how many sentences of each side a key occurs.
    let df = |raw: &[Vec<(String, f64)>]| -> HashMap<String, usize> {
        let mut m: HashMap<String, usize> = HashMap::new();
        for keys in raw {
            let distinct: HashSet<&String> = keys.iter().map(|(k, _)| k).collect();
            for k in distinct {
                *m.entry(k.clone()).or_default() += 1;
            }
        }
        m
    };
    let (df_s, df_t) = (df(&raw_s), df(&raw_t));
    // A word shared by many sentences (`sowjetunion` in every paragraph) says little.
    let rare_s = (src.len() / 20).max(3);
    let rare_t = (tgt.len() / 20).max(3);
    // The share of its weight a key keeps: none when it is on one side only; for a
    // token, all when it is rare on both sides (in `rare` sentences or fewer), less the
    // more sentences have it (`GID` in six messages of a catalog still tells them from
    // those with `UID`), none in half of the sentences or more.
    let part = |df: usize, rare: usize, n: usize| -> f64 {
        if df <= rare {
            1.0
        } else if 2 * df >= n {
            0.0
        } else {
            ((n as f64 / df as f64).ln() / (n as f64 / rare as f64).ln()).max(0.0)
        }
    };
    let keep = |k: &str| -> f64 {
        let (Some(&a), Some(&b)) = (df_s.get(k), df_t.get(k)) else {
            return 0.0;
        };
        if ["w:", "n:", "x:", "f:"].iter().any(|p| k.starts_with(p)) {
            part(a, rare_s, src.len()).min(part(b, rare_t, tgt.len()))
        } else {
            1.0
        }
    };
    let build = |raw: Vec<Vec<(String, f64)>>,
                 df_own: &HashMap<String, usize>,
                 df_other: &HashMap<String, usize>| {
        raw.into_iter()
            .map(|keys| {
                let mut ev = Evidence::default();
                let mut seen = HashSet::new();
                for (k, w) in keys {
                    if !seen.insert(k.clone()) {
                        continue;
                    }
                    let part = keep(&k);
                    if part <= 0.0 {
                        if df_other.get(&k).is_none() && kept_in_translation(&k) {
                            ev.lost += w;
                        }
                        continue;
                    }
                    let w = w * part;
                    let h = hash(&k);
                    if k.starts_with("x:") {
                        ev.cognates.push((h, w));
                        continue;
                    }
                    ev.keys.push((h, w));
                    if !k.starts_with("p:")
                        && !k.starts_with("f:")
                        && df_own.get(&k) == Some(&1)
                        && df_other.get(&k) == Some(&1)
                    {
                        ev.unique.push(h);
                    }
                }
                ev.keys.sort_by_key(|a| a.0);
                ev.cognates.sort_by_key(|a| a.0);
                ev.unique.sort_unstable();
                ev
            })
            .collect::<Vec<_>>()
    };
    let (mut ev_s, mut ev_t) = (build(raw_s, &df_s, &df_t), build(raw_t, &df_t, &df_s));
    add_dictionary_keys(src, tgt, source, &mut ev_s, &mut ev_t);
    (ev_s, ev_t)
}

/// The dictionary words of every sentence, weighted by rarity: a word in one sentence in
/// twenty or fewer counts fully, one in half of the sentences or more not at all.
fn add_dictionary_keys(
    src: &[Unit],
    tgt: &[Unit],
    source: &dyn KeySource,
    ev_s: &mut [Evidence],
    ev_t: &mut [Evidence],
) {
    for (units, side, evs) in [(src, Side::Source, ev_s), (tgt, Side::Target, ev_t)] {
        let raw: Vec<Vec<DictionaryWord>> = units
            .iter()
            .map(|u| source.dictionary_words(&u.text, side))
            .collect();
        let mut df: HashMap<u64, usize> = HashMap::new();
        for words in &raw {
            for w in words {
                *df.entry(w.key).or_default() += 1;
            }
        }
        let n = units.len() as f64;
        let full = (1.0 / DICTIONARY_RARE).ln();
        for (ev, words) in evs.iter_mut().zip(raw) {
            ev.soft = words
                .into_iter()
                .filter_map(|w| {
                    let p = df[&w.key] as f64 / n;
                    let weight = DICTIONARY_WEIGHT * ((1.0 / p).ln() / full).min(1.0);
                    (p <= DICTIONARY_COMMON).then_some((w, weight))
                })
                .collect();
            ev.index_soft();
        }
    }
}

/// Anchor candidates: sentence pairs sharing a key that is unique in both texts, sorted.
pub fn anchor_candidates(src: &[Evidence], tgt: &[Evidence]) -> Vec<(usize, usize)> {
    let mut where_t: HashMap<Key, usize> = HashMap::new();
    for (j, e) in tgt.iter().enumerate() {
        for &k in &e.unique {
            where_t.insert(k, j);
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, e) in src.iter().enumerate() {
        for k in &e.unique {
            if let Some(&j) = where_t.get(k) {
                out.push((i, j));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The summed weight of keys shared by two multisets of evidence, and of the keys of
/// either side missing from the other; the cognate keys too with `cognates`. A key in two
/// sentences of one side counts once.
///
/// The search asks this of every bead of every cell, most of them merges: it works on the
/// sentences' own sorted key lists, with no allocation.
pub fn overlap(src: &[Evidence], tgt: &[Evidence], cognates: bool) -> (f64, f64) {
    let (mut shared, mut missing) = one_way(src, tgt, |e| &e.keys[..]);
    missing += one_way(tgt, src, |e| &e.keys[..]).1;
    if cognates {
        let (s, m) = one_way(src, tgt, |e| &e.cognates[..]);
        shared += s;
        missing += m + one_way(tgt, src, |e| &e.cognates[..]).1;
    }
    (shared, missing)
}

/// Over the distinct keys (`list` of each sentence) of side `a`: the summed weight of
/// those side `b` has too, and of those it does not.
fn one_way(
    a: &[Evidence],
    b: &[Evidence],
    list: impl Fn(&Evidence) -> &[(Key, f64)],
) -> (f64, f64) {
    let has = |evs: &[Evidence], key: Key| {
        evs.iter()
            .any(|e| list(e).binary_search_by_key(&key, |x| x.0).is_ok())
    };
    let (mut shared, mut missing) = (0.0, 0.0);
    for (k, e) in a.iter().enumerate() {
        for &(key, weight) in list(e) {
            if k > 0 && has(&a[..k], key) {
                continue;
            }
            if has(b, key) {
                shared += weight;
            } else {
                missing += weight;
            }
        }
    }
    (shared, missing)
}

/// Whether a sentence of `evs` has the dictionary id `id` (see [`Evidence::soft_ids`]).
fn has_id(evs: &[Evidence], id: u32) -> bool {
    evs.iter().any(|e| e.soft_ids.binary_search(&id).is_ok())
}

/// Whether a sentence of `evs` has the key `key`, cognate keys included.
fn has_key(evs: &[Evidence], key: Key) -> bool {
    evs.iter().any(|e| {
        e.keys.binary_search_by_key(&key, |x| x.0).is_ok()
            || e.cognates.binary_search_by_key(&key, |x| x.0).is_ok()
    })
}

/// The weight of the dictionary words matched across a bead (a source word by one of its
/// translations on the target side, a target word by a source word it translates; each
/// word once per side, so that a word repeated in a merge's two sentences counts once;
/// the mean of the two sides), and how far
/// its sentences fall short of `DICTIONARY_COVERAGE` (0.65), summed (1 for a sentence with
/// nothing matched): the mark of a sentence merged into a bead it does not belong to, or
/// of a pair out of step. A sentence is measured by its dictionary words (two or more);
/// one of several on its side of the bead (a merge) also by its other keys (names,
/// numbers, punctuation), so that a merge must show evidence for each of its sentences,
/// with or without a dictionary; and such a sentence only by its own evidence: a word
/// whose every match across the bead a sentence beside it matches too, or a key a
/// sentence beside it has too, is no sign that this sentence belongs (words the second
/// pass learnt excepted: they are often function words that both halves of a true merge
/// repeat). See [`Match`]. No allocation, as [`overlap`].
pub fn dictionary_match(src: &[Evidence], tgt: &[Evidence]) -> Match {
    let words = |evs: &[Evidence]| evs.iter().any(|e| !e.soft_ids.is_empty());
    let dictionary = words(src) && words(tgt);
    let mut unmatched = 0.0;
    let mut bare = None;
    let mut side_shared = [0.0, 0.0];
    for (side, (evs, other)) in [(src, tgt), (tgt, src)].into_iter().enumerate() {
        let merged = evs.len() >= 2;
        for (k, e) in evs.iter().enumerate() {
            // A merged sentence is measured by its own evidence: a word or key that a
            // sentence beside it in the merge has too is no sign that this one belongs
            // (`Kein Passwort angegeben.` merged with the sentence before it, whose
            // `Passwort` already found `password`).
            let beside = |id: u32| has_id(&evs[..k], id) || has_id(&evs[k + 1..], id);
            let (mut matched, mut total) = (0.0, 0.0);
            if dictionary {
                for (w, weight) in &e.soft {
                    total += weight;
                    let found = |id: &u32| has_id(other, *id);
                    if !w.ids.iter().any(found) {
                        continue;
                    }
                    // A word's own when one of the words it matches across the bead is
                    // matched by no word of the sentences beside it.
                    let own = !merged
                        || super::realign::learnt(w)
                        || w.ids.iter().any(|id| found(id) && !beside(*id));
                    if own {
                        matched += weight;
                    }
                    // A word repeated in two sentences of a merge counts once.
                    let before = evs[..k]
                        .iter()
                        .any(|s| s.soft.iter().any(|(x, _)| x.key == w.key));
                    if !before {
                        side_shared[side] += weight;
                    }
                }
            }
            let shortfall = |matched: f64, total: f64| -> f64 {
                ((DICTIONARY_COVERAGE - matched / total) / DICTIONARY_COVERAGE).max(0.0)
            };
            let mut short = if e.soft.len() >= 2 && total > 0.0 {
                shortfall(matched, total)
            } else {
                0.0
            };
            if merged {
                for &(key, weight) in e.keys.iter().chain(&e.cognates) {
                    total += weight;
                    let own = !has_key(&evs[..k], key) && !has_key(&evs[k + 1..], key);
                    if own && has_key(other, key) {
                        matched += weight;
                    }
                }
                if total >= MERGED_EVIDENCE {
                    short = short.max(shortfall(matched, total));
                }
            }
            unmatched += short;
            if merged && short >= 1.0 && bare.is_none() && (k == 0 || k + 1 == evs.len()) {
                bare = Some((side, k));
            }
        }
    }
    Match {
        matched: (side_shared[0] + side_shared[1]) / 2.0,
        unmatched,
        bare,
    }
}

/// What [`dictionary_match`] finds across a bead.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Match {
    /// The weight of the dictionary words matched across the bead.
    pub matched: f64,
    /// How far the bead's sentences fall short of having their dictionary words matched,
    /// summed: 1 for a sentence with nothing matched. A sentence of a merge is measured
    /// by its own evidence only.
    pub unmatched: f64,
    /// A sentence of a merge, first or last on its side (`(0, k)` the `k`-th source
    /// sentence of the bead, `(1, k)` the `k`-th target sentence), that has evidence but
    /// finds none of its own across the bead: the bead may be a pair and an omission.
    pub bare: Option<(usize, usize)>,
}

/// The weighted share of a bead's dictionary words (both sides) that find a match on the
/// other side; `None` when neither side has dictionary words.
pub fn dictionary_coverage(src: &[Evidence], tgt: &[Evidence]) -> Option<f64> {
    let (mut matched, mut total) = (0.0, 0.0);
    for (evs, other) in [(src, tgt), (tgt, src)] {
        // The dictionary's words only: pairs the second pass learnt from this very text
        // would make any two texts look like translations.
        let words = evs.iter().flat_map(|e| e.soft.iter());
        for (w, weight) in words.filter(|(w, _)| !super::realign::learnt(w)) {
            total += weight;
            if w.ids.iter().any(|id| has_id(other, *id)) {
                matched += weight;
            }
        }
    }
    (total > 0.0).then(|| matched / total)
}

/// Whether a translation keeps the key `k` as it is: a glossary concept, a number, a
/// placeholder, an acronym (`KPD`) or a name with digits (`T-34`, `SOCKSv5`), but not a
/// word written alike (a cognate of the other language's or not) or punctuation.
fn kept_in_translation(k: &str) -> bool {
    match k.split_at_checked(2) {
        Some(("c:" | "n:" | "f:", _)) => true,
        Some(("w:", token)) => {
            token.chars().count() <= 3 || token.chars().any(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The punctuation keys (`p:?`, `p:!`, `p::`, `p:(`, `p:"`): in most sentences of any
/// text, evidence for the path but no sign that two texts say the same.
fn is_punctuation(key: Key) -> bool {
    // Hashed once, when compiled: this runs for every key of every bead of the path.
    const PUNCTUATION: [Key; 5] = [
        hash("p:?"),
        hash("p:!"),
        hash("p::"),
        hash("p:("),
        hash("p:\""),
    ];
    PUNCTUATION.contains(&key)
}

/// The weighted share of a bead's distinctive keys (glossary concepts, names, acronyms,
/// words written alike, numbers, placeholders: not punctuation, not the cognate prefixes)
/// that the other side has too, both sides counted; `None` when the bead has none. Keys
/// count only when both texts have them somewhere (see [`extract`]): a translation keeps
/// most of its sentences' names, numbers and concepts in the sentence they stand in, two
/// unrelated texts on one topic share a few (`Stalin`, `1929`, `kolkhoz`), and the path
/// can pair only some of the sentences that have them. The verdict on a translation
/// without a dictionary (see `Aligned::unlikely_translation`) is made of these.
pub fn key_agreement(src: &[Evidence], tgt: &[Evidence]) -> Option<f64> {
    let has = |evs: &[Evidence], key: Key| {
        evs.iter()
            .any(|e| e.keys.binary_search_by_key(&key, |x| x.0).is_ok())
    };
    let (mut shared, mut total) = (0.0, 0.0);
    for (evs, other) in [(src, tgt), (tgt, src)] {
        for (k, e) in evs.iter().enumerate() {
            total += e.lost;
            for &(key, weight) in &e.keys {
                // A key in two sentences of one side counts once.
                if is_punctuation(key) || has(&evs[..k], key) {
                    continue;
                }
                total += weight;
                if has(other, key) {
                    shared += weight;
                }
            }
        }
    }
    (total > 0.0).then(|| shared / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_read_in_order_without_their_positions() {
        assert_eq!(
            placeholders(
                "Kon %1$s niet naar %2$s kopiëren: 100%% klaar, %.*s en %-5lu {0} {naam} {x y}"
            ),
            ["%s", "%s", "%.*s", "%-5lu", "{0}", "{naam}"]
        );
        assert!(placeholders("50 % der Stimmen, {  }, %").is_empty());
    }

    fn units(lines: &[&str]) -> Vec<Unit> {
        lines.iter().map(|l| Unit::new(*l, 0)).collect()
    }

    /// A translation's pair shares its numbers, acronyms and placeholders; a number of the
    /// source that the other text has nowhere counts against the bead (`lost`), words
    /// written alike and punctuation count neither way.
    #[test]
    fn key_agreement_counts_kept_keys_and_those_the_other_text_lacks() {
        let src = units(&[
            "Im Jahr 1929 tagte das ZK in Moskau.",
            "Die Bauern lieferten 1931 nur 22 Prozent ab?",
            "Kein Fehler bei %s gefunden.",
        ]);
        let tgt = units(&[
            "In 1929 the ZK met in Moscow.",
            "The peasants delivered only a little?",
            "No error found in %s.",
        ]);
        let (es, et) = extract(&src, &tgt, &NoKeys);
        // 1929 and ZK on both sides.
        assert_eq!(key_agreement(&es[..1], &et[..1]), Some(1.0));
        // 1931 and 22 are nowhere in the translation: lost, and nothing else counts (the
        // question mark is punctuation).
        assert!(es[1].lost > 0.0);
        assert_eq!(key_agreement(&es[1..2], &et[1..2]), Some(0.0));
        // The placeholder is kept.
        assert_eq!(key_agreement(&es[2..], &et[2..]), Some(1.0));
        // Out of step: the keys are in the texts, but not across the bead.
        assert_eq!(key_agreement(&es[..1], &et[2..]), Some(0.0));
        // A bead of sentences without such keys says nothing.
        let (es, et) = extract(
            &units(&["Die Ernte war gut."]),
            &units(&["The harvest was good."]),
            &NoKeys,
        );
        assert_eq!(key_agreement(&es, &et), None);
    }

    /// Only kept-in-translation keys are lost: a word the other language writes otherwise
    /// (`Getreide`, `grain`) is not, an acronym or a name with digits is.
    #[test]
    fn kept_in_translation_keys_are_concepts_numbers_placeholders_and_acronyms() {
        for (key, kept) in [
            ("c:kolkhoz", true),
            ("n:1929", true),
            ("f:%s#1", true),
            ("w:kpd", true),
            ("w:t34", true),
            ("w:getreide", false),
            ("x:getr", false),
            ("p:?", false),
        ] {
            assert_eq!(kept_in_translation(key), kept, "{key}");
        }
    }
}
