//! How common a word is in German, Dutch, English and Russian: the vocabulary signal of
//! suggest, its only user (hence its place here).
//!
//! Two questions decide whether a word of a German or Dutch text is a Russian borrowing:
//! is it known vocabulary of its own language (`Chaos`, `Bonbon`), and does it, read back
//! through the transliteration key, spell a Russian (or Ukrainian) word (`Machno` is `махно`, `Prawda` is
//! `правда`)? Both are answered from word frequencies: the lists of the `wordfreq` project
//! (Robyn Speer et al., data CC BY-SA 4.0), compiled in from `data/lexicon/*.txt.gz`
//! (built by `scripts/build-lexicon.py`; see its header for the format). Frequencies are
//! Zipf values: log10 of the occurrences per billion words, 7 for `der`, 3 for a word seen
//! once in a million, 0 for a word the list does not hold: `Haus` is above 5 in German,
//! `Natschalstwo` is 0, and its key spells `начальство`, above 3 in Russian (the tests below).

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::lang::{ByLang, Lang};
use crate::translit;

const DE: &[u8] = include_bytes!("../../data/lexicon/de.txt.gz");
const NL: &[u8] = include_bytes!("../../data/lexicon/nl.txt.gz");
const EN: &[u8] = include_bytes!("../../data/lexicon/en.txt.gz");
const RU: &[u8] = include_bytes!("../../data/lexicon/ru.txt.gz");
const UK: &[u8] = include_bytes!("../../data/lexicon/uk.txt.gz");

/// The frequency lists, loaded once per process (about a tenth of a second).
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    /// Plain spelling ([`plain`]) to ten times its Zipf value, per language.
    native: ByLang<HashMap<String, u8>>,
    /// Transliteration key to the most frequent Russian word with that key and ten times
    /// its Zipf value.
    russian: HashMap<String, (u8, Box<str>)>,
    /// Transliteration key (read as English) to ten times the Zipf value of the most
    /// frequent English word with that key.
    english_keys: HashMap<String, u8>,
    /// Transliteration key ([`key_ukrainian`]) to the most frequent Ukrainian word with
    /// that key and ten times its Zipf value.
    ukrainian: HashMap<String, (u8, Box<str>)>,
}

/// The transliteration key of a Ukrainian word: its letters as the Russian key reads
/// them, but `г` as `h` (`голодомор` is `holodomor`, as German and Dutch write it), `ґ` as
/// `g`, `и` as `ы`, `і` as `и`, `ї` and `є` with their glide.
pub(super) fn key_ukrainian(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    for c in word.chars() {
        match c {
            'г' | 'Г' => out.push('h'),
            'ґ' | 'Ґ' => out.push('г'),
            'и' | 'И' => out.push('ы'),
            'і' | 'І' => out.push('и'),
            'ї' | 'Ї' => out.push_str("йи"),
            'є' | 'Є' => out.push_str("йе"),
            'е' | 'Е' => out.push('э'),
            '\'' | '’' | 'ʼ' => {}
            c => out.push(c),
        }
    }
    translit::key_cyrillic(&out)
}

/// Lowercase, without diacritics, `ß` as `ss`: how the lexicon compares spellings
/// (`Straße` and `strasse`, `Kiew` and `kiew`). Unlike [`crate::fold::fold_str`] it keeps
/// Dutch `oe`.
pub(super) fn plain(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The lines of a compiled list: (ten times the Zipf value, the words).
fn entries(gz: &[u8]) -> impl Iterator<Item = (u8, Vec<String>)> {
    let mut text = String::new();
    // The lists are compiled in and checked by the tests: a broken one is a bug, and an
    // empty lexicon (no signal) is the safe reading of it.
    if flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .is_err()
    {
        text.clear();
    }
    let lines: Vec<(u8, Vec<String>)> = text
        .lines()
        .filter_map(|line| {
            let (zipf, words) = line.split_once('\t')?;
            let zipf: u8 = zipf.parse().ok()?;
            Some((zipf, words.split(' ').map(str::to_string).collect()))
        })
        .collect();
    lines.into_iter()
}

/// Plain spelling to ten times the Zipf value, from one compiled list.
fn load_native(gz: &[u8]) -> HashMap<String, u8> {
    let mut map = HashMap::with_capacity(1 << 18);
    for (zipf, words) in entries(gz) {
        for w in words {
            // Lines run from the most frequent down: the first reading of a plain spelling
            // (`schon` before `schön`) is the highest.
            map.entry(plain(&w)).or_insert(zipf);
        }
    }
    map
}

/// Transliteration key to the most frequent Russian word with it.
fn load_russian() -> HashMap<String, (u8, Box<str>)> {
    let mut map = HashMap::with_capacity(1 << 19);
    for (zipf, words) in entries(RU) {
        for w in words {
            // German and English write й after a vowel as `i` as often as `j`
            // (`Perestroika`, `Sergei`), which the key keeps where it drops `j`.
            if w.contains('й') {
                let i = translit::key_cyrillic(&w.replace('й', "и"));
                map.entry(i).or_insert_with(|| (zipf, w.clone().into()));
            }
            map.entry(translit::key_cyrillic(&w))
                .or_insert_with(|| (zipf, w.into()));
        }
    }
    map
}

/// Transliteration key to the most frequent Ukrainian word with it.
fn load_ukrainian() -> HashMap<String, (u8, Box<str>)> {
    let mut map = HashMap::with_capacity(1 << 17);
    for (zipf, words) in entries(UK) {
        for w in words {
            map.entry(key_ukrainian(&w))
                .or_insert_with(|| (zipf, w.into()));
        }
    }
    map
}

impl Lexicon {
    /// The lexicon, built on first use.
    pub(super) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// Builds the maps, the Russian one (the largest) beside the others.
    fn load() -> Lexicon {
        let ((russian, ukrainian), (native, english_keys)) = rayon::join(
            || rayon::join(load_russian, load_ukrainian),
            || {
                rayon::join(
                    || ByLang([DE, NL, EN].map(load_native)),
                    || {
                        let mut keys = HashMap::new();
                        for (zipf, words) in entries(EN) {
                            for w in words {
                                keys.entry(translit::key(&w, Lang::En)).or_insert(zipf);
                            }
                        }
                        keys
                    },
                )
            },
        );
        Lexicon {
            native,
            russian,
            english_keys,
            ukrainian,
        }
    }

    /// The Zipf value of a word in `lang` (any case, diacritics ignored); 0 when the list
    /// does not hold it.
    pub(super) fn zipf(&self, lang: Lang, word: &str) -> f64 {
        self.native[lang]
            .get(&plain(word))
            .map_or(0.0, |z| f64::from(*z) / 10.0)
    }

    /// How common a paradigm of plain forms is in `lang`: the Zipf value of all its forms
    /// together (`Apparat` alone is at 3.7, with `Apparate`, `Apparates` … at 3.8); 0 when
    /// the list holds none of them.
    pub(super) fn paradigm_zipf(&self, lang: Lang, forms: &[String]) -> f64 {
        let per_billion: f64 = forms
            .iter()
            .filter_map(|f| self.native[lang].get(f.as_str()))
            .map(|z| 10f64.powf(f64::from(*z) / 10.0))
            .sum();
        if per_billion > 0.0 {
            per_billion.log10()
        } else {
            0.0
        }
    }

    /// The Zipf value of the most frequent Russian word with this transliteration key
    /// ([`translit::key`]); 0 when there is none.
    pub(super) fn russian(&self, key: &str) -> f64 {
        self.russian
            .get(key)
            .map_or(0.0, |(z, _)| f64::from(*z) / 10.0)
    }

    /// The Zipf value of the most frequent English word with this transliteration key (read
    /// as English spells Russian): `partisan` for German `Partisan`; 0 when there is none.
    pub(super) fn english_by_key(&self, key: &str) -> f64 {
        self.english_keys
            .get(key)
            .map_or(0.0, |z| f64::from(*z) / 10.0)
    }

    /// The Zipf value and the word of the most frequent Ukrainian word with this key
    /// ([`key_ukrainian`]), if any.
    pub(super) fn ukrainian(&self, key: &str) -> Option<(f64, &str)> {
        self.ukrainian
            .get(key)
            .map(|(z, w)| (f64::from(*z) / 10.0, &**w))
    }

    /// The most frequent Russian word (lowercase Cyrillic) with this transliteration key.
    pub(super) fn russian_word(&self, key: &str) -> Option<&str> {
        self.russian.get(key).map(|(_, w)| &**w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translit::key;

    #[test]
    fn every_list_loads() {
        let l = Lexicon::get();
        for (lang, native) in l.native.iter() {
            assert!(native.len() > 40_000, "{lang:?}: {}", native.len());
        }
        assert!(l.russian.len() > 200_000, "{}", l.russian.len());
        assert!(l.ukrainian.len() > 50_000, "{}", l.ukrainian.len());
    }

    #[test]
    fn native_vocabulary() {
        let l = Lexicon::get();
        assert!(l.zipf(Lang::De, "Straße") > 4.0);
        assert_eq!(l.zipf(Lang::De, "Straße"), l.zipf(Lang::De, "strasse"));
        assert!(l.zipf(Lang::Nl, "boerderij") > 3.0);
        assert!(l.zipf(Lang::En, "farm") > 4.0);
        assert_eq!(l.zipf(Lang::De, "Tschekisten"), 0.0);
        assert!(l.zipf(Lang::De, "Haus") > 5.0);
        assert_eq!(l.zipf(Lang::De, "Natschalstwo"), 0.0);
    }

    #[test]
    fn russian_words_behind_transliterations() {
        let l = Lexicon::get();
        for (word, lang) in [
            ("Kolchos", Lang::De),
            ("Machno", Lang::De),
            ("Prawda", Lang::De),
            ("Tsjeka", Lang::Nl),
            ("Sergei", Lang::De),
            ("Sergej", Lang::De),
            ("Perestroika", Lang::De),
        ] {
            assert!(l.russian(&key(word, lang)) >= 2.0, "{word}");
        }
        assert_eq!(l.russian_word(&key("Kolchos", Lang::De)), Some("колхоз"));
        // `Natschalstwo` spells `начальство`, a common Russian word.
        assert!(l.russian(&key("Natschalstwo", Lang::De)) > 3.0);
        // Ukrainian read with its own г: `Holodomor` is `голодомор`.
        assert_eq!(
            l.ukrainian(&key("Holodomor", Lang::De)).map(|(_, w)| w),
            Some("голодомор")
        );
        // German words with no Russian word behind them.
        for word in ["Wirtschaft", "Bauernhof", "zusammen"] {
            assert_eq!(l.russian(&key(word, Lang::De)), 0.0, "{word}");
        }
    }
}
