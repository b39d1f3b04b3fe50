//! Stage 5, match: find every occurrence of a glossary's forms in a text.
//!
//! [`TermMatcher::new`] compiles the whole glossary once: every form is folded (see
//! [`crate::fold`]) and becomes a pattern of one Aho-Corasick automaton. [`TermMatcher::find`]
//! folds the text the same way, runs the automaton once, and judges each candidate
//! inside the word that contains it:
//!
//! - the part before the match (up to a hyphen) must be empty, a derivational prefix
//!   (`anti`, `inner`, `nach`, `ent`, … for forms of five letters or more:
//!   `antistalinistische`, `Entkulakisierung`; `de` before a verbal noun's suffix:
//!   `Dekulakisierung`; Dutch `ont`, `de`: `ontkoelakisering`),
//!   or, for a form that may be a compound head, a word part of at least three letters
//!   (`Betriebsnatschalstwo`);
//! - the part after it (up to a hyphen) must be empty, an ending of the form's inflection
//!   class (`Kolchosen`, `Stalins`, `Bolschewiki`, Dutch `koelakken`), equal under the
//!   Snowball stemmer, or, for a form that may be a compound modifier, a word part of at
//!   least three letters (`Kolchosbauern`);
//! - a hyphen is always a boundary (`NEP-Politik`, `Beria-Krise`), whatever the form's
//!   compound setting.
//!
//! Words inside a URL or an e-mail address (see [`crate::links::links`]) are
//! not looked at: a slug such as `holodomor-hungertod-in-der-ukraine` names a web page.
//!
//! Among the candidates of one word the longest win (`Sowjetunion` over `Sowjet`,
//! `Leningrad` over `Lenin`), and a word yields at most one hit per concept; a compound of
//! two concepts yields both (`Kolchosnatschalstwo`: kolkhoz and nachalstvo). Every hit
//! covers the whole word and says how it matched ([`Tier`]).
//!
//! ```
//! use glossa::glossary::Glossary;
//! use glossa::lang::Lang;
//! use glossa::terms::{TermMatcher, Tier};
//!
//! let g = Glossary::parse("g.toml", r#"
//! [concept.kolkhoz]
//! english = "kolkhoz"
//! category = "term"
//! compound = "modifier"
//! de = [{ form = "Kolchos" }]
//! "#)?;
//! let matcher = TermMatcher::new(&g)?;
//! let hits = matcher.find("Die Kolchosbauern und die Kolchosen.", Some(Lang::De));
//! assert_eq!(hits.len(), 2);
//! assert_eq!((hits[0].start, hits[0].end, hits[0].tier), (4, 17, Tier::Compound));
//! assert_eq!(hits[1].tier, Tier::Inflected);
//! # Ok::<(), glossa::error::Error>(())
//! ```

pub mod english;

use std::collections::HashMap;
use std::fmt;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::fold::{Folded, fold, fold_str};
use crate::glossary::{Compound, Glossary, Inflect, Status};
use crate::lang::{ByLang, Lang, RUSSIAN_PLURAL_ENDINGS};

/// How a hit matched, from the most to the least certain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// The form itself (case aside).
    Exact,
    /// An inflected form: an ending or the same Snowball stem.
    Inflected,
    /// Inside a compound or after a derivational prefix, closed or hyphenated.
    Compound,
    /// A spelling variant that only folding equates (`Politburo` for `Politbüro`).
    Variant,
    /// A form the glossary marks as deprecated.
    Deprecated,
}

impl Tier {
    /// Every tier, from the most to the least certain.
    pub const ALL: [Tier; 5] = [
        Tier::Exact,
        Tier::Inflected,
        Tier::Compound,
        Tier::Variant,
        Tier::Deprecated,
    ];

    /// Parses [`Tier::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The tier's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Exact => "exact",
            Tier::Inflected => "inflected",
            Tier::Compound => "compound",
            Tier::Variant => "variant",
            Tier::Deprecated => "deprecated",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One occurrence of a concept in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermHit {
    /// Byte range of the whole word (or hyphenated compound) in the text.
    pub start: usize,
    pub end: usize,
    /// The concept's id.
    pub concept: String,
    /// The glossary form that fired.
    pub form: String,
    /// The English rendering of that form (or of its concept).
    pub english: String,
    pub tier: Tier,
    /// The language of the form that fired.
    pub lang: Lang,
    /// The form's status.
    pub status: Status,
}

/// Smallest word part (in folded bytes) accepted before or after a form in a closed
/// compound.
const MIN_COMPOUND_PART: usize = 3;

/// Shortest form that a derivational prefix may precede.
const MIN_PREFIXED_FORM: usize = 5;

/// Derivational prefixes that may precede any form of five letters or more, folded.
const PREFIXES_DE: &[&str] = &[
    "anti", "inner", "nach", "post", "pro", "neo", "ex", "ent", "un", "vor", "pseudo", "ur", "alt",
    "spat", "fruh", "gesamt", "nicht", "gegen", "prae", "pra",
];
const PREFIXES_NL: &[&str] = &[
    "anti", "post", "pro", "neo", "ex", "na", "niet", "voor", "de", "on", "ont", "oud", "pseudo",
];

/// Prefixes that undo, taken only before the suffix of a verbal noun (`-isierung`,
/// `-isieren`, `-ifizierung`: [`UNDOING_SUFFIX_START`]), where they cannot be a word part of
/// their own: `Dekulakisierung` as `Entkulakisierung`, but not `Denatschalstwo`.
const UNDOING_PREFIXES_DE: &[&str] = &["de", "des"];

/// How the tail of a verbal noun starts after the form (`kulak|isierung`, `kulak|ifizierung`).
const UNDOING_SUFFIX_START: &[&str] = &["is", "if"];
const PREFIXES_EN: &[&str] = &["anti", "post", "pro", "neo", "ex", "de", "non", "pseudo"];

/// A compiled form.
#[derive(Debug)]
struct Entry {
    concept: String,
    english: String,
    form: String,
    lower: String,
    lang: Lang,
    /// The languages in which the entry's concept has forms of its own.
    concept_langs: ByLang<bool>,
    status: Status,
    inflect: Inflect,
    compound: Compound,
    folded_len: usize,
    endings: Vec<String>,
    stem: String,
}

/// The whole glossary compiled for matching. Build once, share freely (it is `Sync`).
pub struct TermMatcher {
    automaton: AhoCorasick,
    /// Automaton pattern -> entries with that folded form.
    patterns: Vec<Vec<usize>>,
    entries: Vec<Entry>,
    stemmers: ByLang<Stemmer>,
}

impl fmt::Debug for TermMatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TermMatcher")
            .field("patterns", &self.patterns.len())
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// A candidate: an entry matched at `s..e` inside the word `ws..we` (folded offsets).
#[derive(Clone, Copy, Debug)]
struct Candidate {
    ws: usize,
    we: usize,
    s: usize,
    e: usize,
    entry: usize,
    tier: Tier,
    /// A spelling of another language than the text's (see [`TermMatcher::find`]).
    foreign: bool,
}

impl TermMatcher {
    /// Compiles a glossary. Forms that can never match are skipped (the glossary's
    /// validation reports them); an automaton that cannot be built is an error.
    pub fn new(glossary: &Glossary) -> Result<TermMatcher> {
        let stemmers = ByLang([
            Stemmer::create(Algorithm::German),
            Stemmer::create(Algorithm::Dutch),
            Stemmer::create(Algorithm::English),
        ]);
        let mut by_folded: HashMap<String, usize> = HashMap::new();
        let mut pattern_texts: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<usize>> = Vec::new();
        let mut entries = Vec::new();
        for c in &glossary.concepts {
            let concept_langs = ByLang::from_fn(|l| c.forms.iter().any(|f| f.lang == l));
            let mut spellings: Vec<String> = Vec::new();
            let mut add = |entry: Entry, folded: String, entries: &mut Vec<Entry>| {
                let id = *by_folded.entry(folded.clone()).or_insert_with(|| {
                    pattern_texts.push(folded);
                    patterns.push(Vec::new());
                    patterns.len() - 1
                });
                patterns[id].push(entries.len());
                entries.push(entry);
            };
            for f in &c.forms {
                let folded = fold_str(&f.text);
                if !matchable(&folded) {
                    continue;
                }
                spellings.push(folded.clone());
                let stem = stemmers[f.lang].stem(&folded).into_owned();
                let entry = Entry {
                    concept: c.id.clone(),
                    english: f.english_in(c).to_string(),
                    form: f.text.clone(),
                    lower: f.text.to_lowercase(),
                    lang: f.lang,
                    concept_langs,
                    status: f.status,
                    inflect: f.inflect_in(c),
                    compound: f.compound_in(c),
                    folded_len: folded.len(),
                    endings: f.endings.iter().map(|e| fold_str(e)).collect(),
                    stem,
                };
                add(entry, folded, &mut entries);
            }
            // The English renderings are spellings too (`Cheka`, `Comintern` in a German
            // sentence), without their glosses (`Kiev (Kyiv)`): English forms.
            let renderings = std::iter::once(c.english.as_str())
                .chain(c.forms.iter().filter_map(|f| f.english.as_deref()));
            for english in renderings {
                let text = english.split(" (").next().unwrap_or(english).trim();
                let folded = fold_str(text);
                if !matchable(&folded) || spellings.contains(&folded) {
                    continue;
                }
                spellings.push(folded.clone());
                let stem = stemmers[Lang::En].stem(&folded).into_owned();
                let entry = Entry {
                    concept: c.id.clone(),
                    english: english.to_string(),
                    form: text.to_string(),
                    lower: text.to_lowercase(),
                    lang: Lang::En,
                    concept_langs,
                    status: Status::Preferred,
                    inflect: c.inflect.unwrap_or_default(),
                    compound: c.compound.unwrap_or_default(),
                    folded_len: folded.len(),
                    endings: Vec::new(),
                    stem,
                };
                add(entry, folded, &mut entries);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // A few hundred short patterns: the DFA is small and the fastest for the
            // overlapping search.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pattern_texts)
            .map_err(|e| {
                Error::Invalid(format!(
                    "cannot compile the glossary {}: {e}",
                    glossary.path
                ))
            })?;
        Ok(TermMatcher {
            automaton,
            patterns,
            entries,
            stemmers,
        })
    }

    /// Finds every occurrence of a concept in `text`, in text order.
    ///
    /// Every spelling the glossary knows is looked for: the forms of every language and
    /// the English renderings. In text of a language (`Some(lang)`), a spelling of another
    /// language is a [`Tier::Variant`] when its concept has forms of its own in `lang`
    /// (`Cheka` or Dutch `Tsjeka` in a German sentence, where the glossary spells it
    /// `Tscheka`), and matches as in its own language when the concept has none (a name
    /// the glossary lists in Dutch only); deprecated forms stay [`Tier::Deprecated`]. In
    /// the same word, a spelling of the text's language wins over a foreign one. With
    /// `None` (text of unknown language, or English) every spelling is the text's own.
    pub fn find(&self, text: &str, lang: Option<Lang>) -> Vec<TermHit> {
        let folded = fold(text);
        // URLs and e-mail addresses are tokens of their own: a form inside one (a slug's
        // `holodomor-hungertod-…`) is no occurrence.
        let links = crate::links::links(text);
        let mut cands = Vec::new();
        for m in self.automaton.find_overlapping_iter(folded.as_str()) {
            let (s, e) = (m.start(), m.end());
            let mut word = None;
            for &ei in &self.patterns[m.pattern().as_usize()] {
                let entry = &self.entries[ei];
                let foreign = lang.is_some_and(|l| l != entry.lang && entry.concept_langs[l]);
                let (ws, we) = *word.get_or_insert_with(|| folded.word_around(s, e));
                if let Some(tier) = self.judge(text, &folded, entry, ws, s, e, we) {
                    let tier = if foreign && tier != Tier::Deprecated {
                        Tier::Variant
                    } else {
                        tier
                    };
                    cands.push(Candidate {
                        ws,
                        we,
                        s,
                        e,
                        entry: ei,
                        tier,
                        foreign,
                    });
                }
            }
        }
        let mut hits = self.select(text, &folded, cands);
        if !links.is_empty() {
            hits.retain(|h| links.iter().all(|&(s, e)| h.end <= s || e <= h.start));
        }
        overlaps_resolved(hits)
    }

    /// Keeps, per word, the longest non-overlapping candidates, one per concept.
    fn select(&self, text: &str, folded: &Folded, mut cands: Vec<Candidate>) -> Vec<TermHit> {
        // A form that is the whole word wins; otherwise a deprecated form loses to any
        // other reading (`Kolchosen` is the plural of `Kolchos`, not the deprecated
        // `Kolchose` inflected); then the longest wins.
        cands.sort_by_key(|c| {
            let whole = c.s == c.ws && c.e == c.we;
            let deprecated = c.tier == Tier::Deprecated;
            (
                c.ws,
                c.we,
                c.foreign,
                !whole,
                deprecated,
                std::cmp::Reverse(c.e - c.s),
                c.s,
                c.entry,
            )
        });
        let mut hits = Vec::new();
        let mut i = 0;
        while i < cands.len() {
            let (ws, we) = (cands[i].ws, cands[i].we);
            let mut chosen: Vec<Candidate> = Vec::new();
            while i < cands.len() && cands[i].ws == ws && cands[i].we == we {
                let c = cands[i];
                let concept = &self.entries[c.entry].concept;
                let free = chosen.iter().all(|k| c.e <= k.s || k.e <= c.s);
                let new = chosen
                    .iter()
                    .all(|k| &self.entries[k.entry].concept != concept);
                if free && new {
                    chosen.push(c);
                }
                i += 1;
            }
            chosen.sort_by_key(|c| c.s);
            let start = folded.source(ws);
            let end = source_end(text, folded, we);
            for c in chosen {
                let entry = &self.entries[c.entry];
                hits.push(TermHit {
                    start,
                    end,
                    concept: entry.concept.clone(),
                    form: entry.form.clone(),
                    english: entry.english.clone(),
                    tier: c.tier,
                    lang: entry.lang,
                    status: entry.status,
                });
            }
        }
        hits
    }

    /// Whether an entry matched at `s..e` inside the word `ws..we` is an occurrence, and
    /// how.
    #[allow(clippy::too_many_arguments)]
    fn judge(
        &self,
        text: &str,
        f: &Folded,
        entry: &Entry,
        ws: usize,
        s: usize,
        e: usize,
        we: usize,
    ) -> Option<Tier> {
        let b = f.as_bytes();
        let joints = f.joints_in(ws, we);
        // The word part the match sits in, bounded by hyphens.
        let part_start = joints
            .iter()
            .rev()
            .map(|&j| j as usize)
            .find(|&j| j > ws && j <= s)
            .unwrap_or(ws);
        let part_end = joints
            .iter()
            .map(|&j| j as usize)
            .find(|&j| j >= e && j < we)
            .unwrap_or(we);
        let hyphenated = part_start > ws || part_end < we;
        let prefix = &b[part_start..s];
        let tail = &b[e..part_end];

        let undoing = entry.lang == Lang::De
            && UNDOING_PREFIXES_DE.iter().any(|p| p.as_bytes() == prefix)
            && UNDOING_SUFFIX_START
                .iter()
                .any(|x| b[e..part_end].starts_with(x.as_bytes()));
        let prefixed = if prefix.is_empty() {
            false
        } else if (entry.compound.head() && prefix.len() >= MIN_COMPOUND_PART)
            || (entry.folded_len >= MIN_PREFIXED_FORM
                && (self.is_prefix(entry.lang, prefix) || undoing))
        {
            true
        } else {
            return None;
        };

        let mut inflected = false;
        let mut compounded = false;
        if !tail.is_empty() {
            if self.is_ending(entry, b, s, tail) || self.same_stem(entry, &b[s..part_end], tail) {
                inflected = true;
            } else if entry.compound.modifier() && tail.len() >= MIN_COMPOUND_PART {
                compounded = true;
            } else {
                return None;
            }
        }

        Some(if entry.status == Status::Deprecated {
            Tier::Deprecated
        } else if prefixed || compounded || hyphenated {
            Tier::Compound
        } else if inflected {
            Tier::Inflected
        } else if surface(text, f, s, e).to_lowercase() != entry.lower {
            Tier::Variant
        } else {
            Tier::Exact
        })
    }

    fn is_prefix(&self, lang: Lang, prefix: &[u8]) -> bool {
        let list = match lang {
            Lang::De => PREFIXES_DE,
            Lang::Nl => PREFIXES_NL,
            Lang::En => PREFIXES_EN,
        };
        list.iter().any(|p| p.as_bytes() == prefix)
    }

    fn is_ending(&self, entry: &Entry, b: &[u8], s: usize, tail: &[u8]) -> bool {
        if entry.endings.iter().any(|x| x.as_bytes() == tail) {
            return true;
        }
        if entry.inflect == Inflect::None {
            return false;
        }
        if entry.lang.endings().iter().any(|x| x.as_bytes() == tail) {
            return true;
        }
        if entry.inflect == Inflect::RussianPlural
            && RUSSIAN_PLURAL_ENDINGS.iter().any(|x| x.as_bytes() == tail)
        {
            return true;
        }
        // Dutch doubles a final consonant after a short vowel: koelak -> koelakken.
        if entry.lang == Lang::Nl && tail.len() >= 2 {
            let last = b[s + entry.folded_len - 1];
            let doubled = tail[0] == last && !is_vowel(last);
            return doubled && [&b"en"[..], b"e", b"er", b"ers"].contains(&&tail[1..]);
        }
        false
    }

    /// Snowball stem equality, guarded: the tail is short, and the form's own stem is not
    /// much shorter than the form (an over-stemmed form would equate unrelated words).
    fn same_stem(&self, entry: &Entry, word: &[u8], tail: &[u8]) -> bool {
        if entry.inflect == Inflect::None || tail.len() > 4 {
            return false;
        }
        if entry.stem.len() < 4 || entry.stem.len() + 2 < entry.folded_len {
            return false;
        }
        let Ok(word) = std::str::from_utf8(word) else {
            return false;
        };
        self.stemmers[entry.lang].stem(word) == entry.stem.as_str()
    }
}

/// Resolves hits that overlap across words (a form of several words, a spelling with a
/// dot): of one concept the surer one stays (`Petersburg` over the English `St.Petersburg`
/// in German text), and a hit inside a longer one of another concept goes (`Soviet` in
/// `Soviet Union`). Hits on the same word (a compound of two concepts) all stay.
fn overlaps_resolved(hits: Vec<TermHit>) -> Vec<TermHit> {
    let rank = |h: &TermHit| (h.tier == Tier::Variant, std::cmp::Reverse(h.end - h.start));
    let beaten = |h: &TermHit, k: &TermHit| {
        let overlap = k.start < h.end && h.start < k.end;
        let same_place = k.start == h.start && k.end == h.end;
        if !overlap || same_place {
            return false;
        }
        if k.concept == h.concept {
            rank(k) < rank(h)
        } else {
            k.start <= h.start && h.end <= k.end
        }
    };
    let keep: Vec<bool> = hits
        .iter()
        .map(|h| !hits.iter().any(|k| beaten(h, k)))
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// Whether a folded spelling can be a pattern: long enough, no space at either end.
fn matchable(folded: &str) -> bool {
    folded.trim().len() >= crate::glossary::MIN_FORM_LEN && folded.trim().len() == folded.len()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The input offset just past the character folded byte `i - 1` came from.
fn source_end(text: &str, f: &Folded, i: usize) -> usize {
    if i == 0 {
        return f.source(0);
    }
    let o = f.source(i - 1);
    o + text[o..].chars().next().map_or(0, char::len_utf8)
}

/// The input text of the folded range `s..e`.
fn surface<'t>(text: &'t str, f: &Folded, s: usize, e: usize) -> &'t str {
    &text[f.source(s)..source_end(text, f, e)]
}

/// How many characters of context to show on each side of a term.
const CONTEXT_CHARS: usize = 40;

/// The sentence around `start..end`, the term marked `[[…]]`, cut to about
/// `CONTEXT_CHARS` characters on each side.
pub fn context(text: &str, start: usize, end: usize) -> String {
    let before = &text[..start];
    let after = &text[end..];
    let cut_before = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let cut_after = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let mut out = String::new();
    if cut_before > 0 {
        out.push('…');
    }
    out.push_str(&before[cut_before..]);
    out.push_str("[[");
    out.push_str(&text[start..end]);
    out.push_str("]]");
    out.push_str(&after[..cut_after]);
    if cut_after < after.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
