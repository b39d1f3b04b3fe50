//! The word lists of `data/suggest`, read once: spelling cues and native word parts
//! (`cues.txt`, `native.txt`), Western acronyms (`acronyms.txt`), common words never
//! proposed (`common.txt`), countries ranked low (`countries.txt`) and Russian words for the spelling model (`russian.txt`).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::lexicon::plain;
use super::stems::stems;
use crate::lang::Lang;

/// A spelling cue, or a native word part: a pattern anchored at the start (`^`), the end
/// (`$`), both or neither, for one language or all.
struct Cue {
    lang: Option<Lang>,
    pattern: String,
    start: bool,
    end: bool,
    weight: f64,
    /// A suffix of internationalisms (`-ist`, `-ion`).
    international: bool,
}

const CUES: &str = include_str!("../../data/suggest/cues.txt");
const NATIVE: &str = include_str!("../../data/suggest/native.txt");
const ACRONYMS: &str = include_str!("../../data/suggest/acronyms.txt");
pub(super) const RUSSIAN: &str = include_str!("../../data/suggest/russian.txt");
const COMMON: &str = include_str!("../../data/suggest/common.txt");
const COUNTRIES: &str = include_str!("../../data/suggest/countries.txt");

/// The entries of a word list: its lines, trimmed, without blanks and `#` comments.
pub(super) fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The words of `common.txt`, plain: never candidates.
pub(super) fn common_words() -> &'static HashSet<String> {
    static C: OnceLock<HashSet<String>> = OnceLock::new();
    C.get_or_init(|| entries(COMMON).map(plain).collect())
}

/// The names of `countries.txt`, plain.
fn countries() -> &'static HashSet<String> {
    static C: OnceLock<HashSet<String>> = OnceLock::new();
    C.get_or_init(|| entries(COUNTRIES).map(plain).collect())
}

/// Whether a plain word of `lang`, or a stem of it, names a country (`Tschad`,
/// `Kasachstans`).
pub(super) fn is_country(plain: &str, lang: Lang) -> bool {
    stems(plain, lang).iter().any(|s| countries().contains(s))
}

fn parse_cues(text: &str, weighted: bool) -> Vec<Cue> {
    let mut out = Vec::new();
    for line in entries(text) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (lang, pattern, weight, international) = match (parts.as_slice(), weighted) {
            ([l, p, w], true) => (*l, *p, w.parse().unwrap_or(0.0), false),
            ([l, p, w, t], true) => (*l, *p, w.parse().unwrap_or(0.0), *t == "international"),
            ([l, p], false) => (*l, *p, 0.0, false),
            _ => continue,
        };
        let lang = lang.parse().ok();
        let start = pattern.starts_with('^');
        let end = pattern.ends_with('$');
        out.push(Cue {
            lang,
            pattern: plain(pattern.trim_start_matches('^').trim_end_matches('$')),
            start,
            end,
            weight,
            international,
        });
    }
    out
}

fn cues() -> &'static [Cue] {
    static C: OnceLock<Vec<Cue>> = OnceLock::new();
    C.get_or_init(|| parse_cues(CUES, true))
}

fn natives() -> &'static [Cue] {
    static C: OnceLock<Vec<Cue>> = OnceLock::new();
    C.get_or_init(|| parse_cues(NATIVE, false))
}

/// The Western acronyms of `acronyms.txt`, as written.
pub(super) fn acronym_stoplist() -> &'static HashSet<String> {
    static C: OnceLock<HashSet<String>> = OnceLock::new();
    C.get_or_init(|| entries(ACRONYMS).map(str::to_string).collect())
}

fn cue_matches(cue: &Cue, word: &str) -> bool {
    match (cue.start, cue.end) {
        (true, true) => word == cue.pattern,
        (true, false) => word.starts_with(&cue.pattern),
        (false, true) => word.ends_with(&cue.pattern),
        (false, false) => word.contains(&cue.pattern),
    }
}

/// Whether a word is native vocabulary by `data/suggest/native.txt`.
pub(super) fn native(plain: &str, lang: Lang) -> bool {
    natives()
        .iter()
        .any(|c| c.lang.is_none_or(|l| l == lang) && cue_matches(c, plain))
}

/// The spelling-cue score of a word, and the part of it that the suffixes of
/// internationalisms make.
pub(super) fn cue_score(plain: &str, lang: Lang) -> (f64, f64) {
    let forms = stems(plain, lang);
    let matched: Vec<&Cue> = cues()
        .iter()
        .filter(|c| c.lang.is_none_or(|l| l == lang))
        .filter(|c| forms.iter().any(|f| cue_matches(c, f)))
        .collect();
    let international = matched
        .iter()
        .filter(|c| c.international)
        .map(|c| c.weight)
        .sum();
    (
        matched.iter().map(|c| c.weight).sum::<f64>().min(5.0),
        international,
    )
}
