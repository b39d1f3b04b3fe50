//! The Russian word behind a word of the corpus, read through its transliteration key, and
//! how English spells a key.

use super::lexicon::{Lexicon, plain};
use super::lists::established;
use super::readings::{ABBREVIATION, readings};
use super::score::FUNCTION_WORDS;
use super::stems::stems;
use crate::lang::Lang;
use crate::translit;

/// Whether a plain word of `lang`, or a stem, is spelt exactly as `lang` transliterates the
/// Russian word behind it.
pub(super) fn transliterated(word: &str, lang: Lang) -> bool {
    let lexicon = Lexicon::get();
    // An abbreviation the word lists lack is spelt from its reading (`Kombedy`).
    let abbreviation = readings(word, lang)
        .first()
        .filter(|r| r.how == ABBREVIATION)
        .map(|r| r.word);
    stems(word, lang).iter().any(|stem| {
        lexicon
            .russian_word(&translit::key(stem, lang))
            .into_iter()
            .chain(abbreviation)
            .any(|w| plain(&translit::spell_cyrillic(w, lang)) == *stem)
    })
}

/// The Russian word behind a word of `lang`, in lowercase Cyrillic: the one the word
/// spells as written (`Tomski` → `томский`) unless another reading is much better
/// supported (`Rubel` → `рубль`, not the rare `рубель`), else the best supported reading
/// ([`readings`]: `Kulaken` → `кулак`, `Kosaken` → `казаки`).
pub(super) fn russian_word(word: &str, lang: Lang) -> Option<&'static str> {
    chosen(word, lang, false)
}

/// The Russian word behind a word as a whole ([`russian_word`] without the readings of its
/// stems): what a base form, the lemma the text's inflections share, is the English of
/// (`Ramzin` is no `рамзи` with an ending).
pub(super) fn russian_word_whole(word: &str, lang: Lang) -> Option<&'static str> {
    chosen(word, lang, true)
}

fn chosen(word: &str, lang: Lang, whole: bool) -> Option<&'static str> {
    let lexicon = Lexicon::get();
    let p = plain(word);
    let mut all = readings(&p, lang);
    if whole {
        all.retain(|r| r.whole);
    }
    let best = all.first()?;
    if best.how == super::readings::EXONYM {
        return Some(best.word);
    }
    let own = lexicon.russian(&translit::key(&p, lang));
    let own_word = lexicon
        .russian_word(&translit::key(&p, lang))
        .filter(|_| own > 0.0 && own <= FUNCTION_WORDS && own >= best.support() - OWN_MARGIN)
        // A better reading with an established English is the word (`Kosak` is `казак`,
        // Cossack, not `косяк`).
        .filter(|w| established(w).is_some() || established(best.word).is_none());
    Some(own_word.unwrap_or(best.word))
}

/// How much better supported another reading must be than the word as written.
const OWN_MARGIN: f64 = 1.5;

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
