//! A word's stems and their transliteration keys: how suggest sees `Netschajews` as
//! `Netschajew` and `Zaren` as `Zar` before it compares keys and tries end cues. Acronyms
//! are keyed by their letters and never stemmed.

use super::lexicon::plain;
use crate::lang::Lang;
use crate::translit;

/// Inflectional endings stripped before keys are compared and end cues tried.
fn endings(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &[
            "s", "e", "en", "n", "es", "er", "ern", "em", "ens", "i", "sche", "schen",
        ],
        Lang::Nl => &["s", "en", "e", "n", "'s", "i", "se", "sche"],
        Lang::En => &["s", "es", "'s", "i"],
    }
}

/// The word and its stems without one ending (at least four letters remain).
pub(super) fn stems(word: &str, lang: Lang) -> Vec<String> {
    stems_down_to(word, lang, 4)
}

/// The word and its stems without one ending, at least `min` letters long.
pub(super) fn stems_down_to(word: &str, lang: Lang, min: usize) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for e in endings(lang) {
        if let Some(s) = word.strip_suffix(e) {
            if s.chars().count() >= min {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// The keys of a word and of its stems.
pub(super) fn stem_keys(surface: &str, lang: Lang) -> Vec<String> {
    let p = plain(surface);
    if is_acronym(surface) {
        return vec![p];
    }
    // Stems of three letters too, so that `Zaren` joins `Zar`.
    let mut keys: Vec<String> = stems_down_to(&p, lang, 3)
        .iter()
        .map(|s| translit::key(s, lang))
        .collect();
    keys.dedup();
    keys
}

/// Whether a word is an acronym: two to seven letters, at least two thirds of them
/// capitals (`NKWD`, `KPdSU`).
pub(super) fn is_acronym(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let n = word.chars().count();
    (2..=7).contains(&n) && upper >= 2 && upper * 3 >= n * 2
}
