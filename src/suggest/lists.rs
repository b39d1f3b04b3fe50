//! The word lists of `data/suggest`, read once: spelling cues and native word parts
//! (`cues.txt`, `native.txt`), Western acronyms (`acronyms.txt`), common words never
//! proposed (`common.txt`), countries ranked low (`countries.txt`), Russian words for the
//! spelling model (`russian.txt`), German and Dutch exonyms of Russian places
//! (`exonyms.txt`), the clipped words of Soviet abbreviations (`clipped.txt`), the established English of Russian words that English does not spell
//! by BGN/PCGN (`established.txt`), Western given names (`given-names.txt`) and the peoples
//! and adjectives of countries outside the Soviet Union (`foreign.txt`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::lexicon::plain;
use super::stems::{stems, stems_down_to};
use crate::glossary::Category;
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
    /// Letters no transliteration of Russian into the language writes (`th`, Dutch `ee`):
    /// they count against a name only, see [`western_score`].
    western: bool,
}

const CUES: &str = include_str!("../../data/suggest/cues.txt");
const NATIVE: &str = include_str!("../../data/suggest/native.txt");
const ACRONYMS: &str = include_str!("../../data/suggest/acronyms.txt");
pub(super) const RUSSIAN: &str = include_str!("../../data/suggest/russian.txt");
const COMMON: &str = include_str!("../../data/suggest/common.txt");
const COUNTRIES: &str = include_str!("../../data/suggest/countries.txt");
const EXONYMS: &str = include_str!("../../data/suggest/exonyms.txt");
const ESTABLISHED: &str = include_str!("../../data/suggest/established.txt");
const GIVEN_NAMES: &str = include_str!("../../data/suggest/given-names.txt");
const CLIPPED: &str = include_str!("../../data/suggest/clipped.txt");
const FOREIGN: &str = include_str!("../../data/suggest/foreign.txt");

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

/// The exonyms of `exonyms.txt`: (language, plain form) to the Russian word; `None` for
/// a line meant for every language.
fn exonyms() -> &'static HashMap<(Option<Lang>, String), &'static str> {
    static C: OnceLock<HashMap<(Option<Lang>, String), &'static str>> = OnceLock::new();
    C.get_or_init(|| {
        entries(EXONYMS)
            .filter_map(
                |line| match line.split_whitespace().collect::<Vec<_>>()[..] {
                    [l, form, russian] => Some(((l.parse().ok(), plain(form)), russian)),
                    _ => None,
                },
            )
            .collect()
    })
}

/// The Russian word a plain word of `lang`, or a stem of it, is the German or Dutch
/// exonym of (`Moskau`, `Moskaus`: `москва`).
pub(super) fn exonym(plain: &str, lang: Lang) -> Option<&'static str> {
    let table = exonyms();
    stems_down_to(plain, lang, 3).iter().find_map(|s| {
        table
            .get(&(Some(lang), s.clone()))
            .or_else(|| table.get(&(None, s.clone())))
            .copied()
    })
}

/// The established English and category of a Russian word (`совет`: Soviet, a term), or
/// of its singular when it is a plural (`большевики`).
pub(super) fn established(russian: &str) -> Option<(String, Category)> {
    static C: OnceLock<HashMap<&'static str, (String, Category)>> = OnceLock::new();
    let table = C.get_or_init(|| {
        entries(ESTABLISHED)
            .filter_map(
                |line| match line.split_whitespace().collect::<Vec<_>>()[..] {
                    [russian, english, category] => {
                        let category = match category {
                            "person" => Category::Person,
                            "place" => Category::Place,
                            "organisation" => Category::Organisation,
                            _ => Category::Term,
                        };
                        Some((russian, (english.replace('_', " "), category)))
                    }
                    _ => None,
                },
            )
            .collect()
    });
    table.get(russian).cloned().or_else(|| {
        ['и', 'ы', 'а']
            .iter()
            .find_map(|e| table.get(russian.strip_suffix(*e)?).cloned())
    })
}

/// The clipped words of Soviet abbreviations (`clipped.txt`), each with its key.
pub(super) fn clipped() -> &'static [(String, &'static str)] {
    static C: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    C.get_or_init(|| {
        entries(CLIPPED)
            .map(|w| (crate::translit::key_cyrillic(w), w))
            .collect()
    })
}

/// Whether a word is a Western given name (`given-names.txt`): a name after it is no
/// Russian one (`Lynne Viola`, `Henk Sneevliet`).
pub(super) fn is_western_given_name(word: &str) -> bool {
    static C: OnceLock<HashSet<String>> = OnceLock::new();
    C.get_or_init(|| entries(GIVEN_NAMES).map(plain).collect())
        .contains(&plain(word))
}

/// Whether a word is a people, or the adjective, of a country outside the Soviet Union
/// (`foreign.txt`: `Bulgare`, `bulgarischen`, Dutch `Joegoslavische`): a name after it is
/// that country's.
pub(super) fn is_foreign_people(word: &str, lang: Lang) -> bool {
    static C: OnceLock<HashSet<String>> = OnceLock::new();
    let table = C.get_or_init(|| entries(FOREIGN).map(plain).collect());
    stems_down_to(&plain(word), lang, 3)
        .iter()
        .any(|s| table.contains(s))
}

fn parse_cues(text: &str, weighted: bool) -> Vec<Cue> {
    let mut out = Vec::new();
    for line in entries(text) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (lang, pattern, weight, tag) = match (parts.as_slice(), weighted) {
            ([l, p, w], true) => (*l, *p, w.parse().unwrap_or(0.0), ""),
            ([l, p, w, t], true) => (*l, *p, w.parse().unwrap_or(0.0), *t),
            ([l, p], false) => (*l, *p, 0.0, ""),
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
            international: tag == "international",
            western: tag == "western",
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
        .filter(|c| !c.western && c.lang.is_none_or(|l| l == lang))
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

/// What the letters of a plain word of `lang` say against it as a Russian name: the sum
/// of the (negative) weights of the cues tagged `western` that it shows, matched on the
/// word as written (`Sneevliet`, `Thälmann`), not on its stems.
pub(super) fn western_score(plain: &str, lang: Lang) -> f64 {
    cues()
        .iter()
        .filter(|c| c.western && c.lang.is_none_or(|l| l == lang))
        .filter(|c| cue_matches(c, plain))
        .map(|c| c.weight)
        .sum::<f64>()
        .max(-3.0)
}
