//! The Russian word behind a word of the corpus, read through its transliteration key, and
//! how English spells a key.

use super::lexicon::{Lexicon, plain};
use super::score::FUNCTION_WORDS;
use super::stems::stems;
use crate::lang::Lang;
use crate::translit;

/// Whether a plain word of `lang`, or a stem, is spelt exactly as `lang` transliterates the
/// Russian word behind it.
pub(super) fn transliterated(word: &str, lang: Lang) -> bool {
    let lexicon = Lexicon::get();
    stems(word, lang).iter().any(|stem| {
        lexicon
            .russian_word(&translit::key(stem, lang))
            .is_some_and(|w| plain(&translit::spell_cyrillic(w, lang)) == *stem)
    })
}

/// The Russian word behind a word of `lang`, in lowercase Cyrillic: the one the word
/// spells (`Tomski` → `томский`), else the most common one a stem spells (`Kulaken` →
/// `кулак`).
pub(super) fn russian_word(word: &str, lang: Lang) -> Option<&'static str> {
    let lexicon = Lexicon::get();
    let readings: Vec<(f64, &str)> = stems(&plain(word), lang)
        .into_iter()
        .map(|s| translit::key(&s, lang))
        .filter(|k| k.chars().count() >= 3)
        .filter_map(|k| Some((lexicon.russian(&k), lexicon.russian_word(&k)?)))
        .filter(|(z, _)| *z <= FUNCTION_WORDS)
        .collect();
    let own = readings
        .first()
        .filter(|_| lexicon.russian(&translit::key(word, lang)) > 0.0);
    own.or_else(|| readings.iter().max_by(|a, b| a.0.total_cmp(&b.0)))
        .map(|(_, w)| *w)
}

/// The English reading of a key: `naCalstvo` → `nachalstvo`, `xruQov` → `khrushchov`.
pub fn english_of_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        match c {
            'C' => out.push_str("ch"),
            'S' => out.push_str("sh"),
            'Q' => out.push_str("shch"),
            'x' => out.push_str("kh"),
            'c' => out.push_str("ts"),
            c => out.push(c),
        }
    }
    out
}
