//! A word's stems and their transliteration keys: how suggest sees `Netschajews` as
//! `Netschajew` and `Zaren` as `Zar` before it compares keys and tries end cues. Acronyms
//! are keyed by their letters and never stemmed.

use super::lexicon::plain;
use crate::lang::{ByLang, Lang, RUSSIAN_PLURAL_ENDINGS};
use crate::translit;

/// Derivational suffixes stripped besides the inflectional endings: the adjectives German
/// and Dutch make of a name (`Netschajewsche`, `Netschajewschen`, Dutch `Moskouse`), so
/// that they group with it. (The suffixes that lead from a derivation to its Russian word,
/// `-ismus`, `-isten`, are `roots`.)
const DERIVATIONAL: ByLang<&[&str]> = ByLang([&["sche", "schen"], &["se", "sche"], &[]]);

/// Inflectional endings suggest does not strip, as measured with `examples/suggest_eval`
/// (folds 0, 1 and 2) when its endings came to be derived from [`Lang::endings`]:
///
/// - German `-y`: the English spelling of Western names (`Kautsky`, `Zarusky`,
///   `Gorodetsky`) lost it and read as Russian `-sk`; they climbed into the top 50, `Levy`
///   joined `leven`, and recall fell from 0.84 to 0.82 in fold 1 (`Wolga` dropped out);
/// - Dutch `-er`: it changed the ranking below the top 50 only (`krantenuitgever` came
///   in at 1.70, `omroeper` went), recall and the top 30 unchanged; left out so that the
///   ranking stays as it was.
///
/// German `'s`, Dutch `-es`, `-ers`, `-y` and English `-y` changed nothing.
const NOT_STRIPPED: ByLang<&[&str]> = ByLang([&["y"], &["er"], &[]]);

/// The endings stripped before keys are compared and end cues tried: the language's
/// inflectional endings ([`Lang::endings`], the term matcher's), the Russian plural endings
/// of borrowed words ([`RUSSIAN_PLURAL_ENDINGS`]) and the [`DERIVATIONAL`] suffixes, less
/// those [`NOT_STRIPPED`].
fn endings(lang: Lang) -> impl Iterator<Item = &'static str> {
    lang.endings()
        .iter()
        .chain(RUSSIAN_PLURAL_ENDINGS)
        .chain(DERIVATIONAL[lang])
        .copied()
        .filter(move |e| !NOT_STRIPPED[lang].contains(e))
}

/// The word and its stems without one ending (at least four letters remain).
pub(super) fn stems(word: &str, lang: Lang) -> Vec<String> {
    stems_down_to(word, lang, 4)
}

/// The word and its stems without one ending, at least `min` letters long.
pub(super) fn stems_down_to(word: &str, lang: Lang, min: usize) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for e in endings(lang) {
        if let Some(s) = word.strip_suffix(e)
            && s.chars().count() >= min
        {
            out.push(s.to_string());
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
