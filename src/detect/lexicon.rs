//! Whether a word of a sentence points away from its paragraph's language: the cheap test
//! that lets a sentence without function words take its context's language without lingua.
//!
//! A sentence whose function words do not decide (`Die Bevölkerung feierte ihren Sieg.`:
//! `die` is Dutch too) usually sits in a paragraph that is clearly one language, and lingua
//! only agrees with it, at a hundred times the cost of counting words. It is still asked
//! where something in the sentence points elsewhere: a word much more frequent in another
//! configured language than in the context's (`stemde`, `zweeg` and `rampzalig` are Dutch
//! and no German; `power` and `collected` are English), or a letter of another script.
//!
//! Frequencies are those of `data/lexicon/{de,nl,en}.txt.gz` (the `wordfreq` lists, CC
//! BY-SA 4.0; see `data/lexicon/README.md`), which suggest reads too. Only words with a
//! Zipf value of at least [`MIN_ZIPF10`]` / 10` in some language are kept (about 80,000
//! words, loaded once per process and only when a sentence needs them): a rarer word is
//! not telling enough to point anywhere.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use crate::lang::{ByLang, Lang};

const DE: &[u8] = include_bytes!("../../data/lexicon/de.txt.gz");
const NL: &[u8] = include_bytes!("../../data/lexicon/nl.txt.gz");
const EN: &[u8] = include_bytes!("../../data/lexicon/en.txt.gz");

/// Ten times the Zipf value (log10 of occurrences per billion words) a word needs in a
/// language to point to it: once in a million words.
const MIN_ZIPF10: u8 = 30;

/// How much more frequent (ten times the difference of Zipf values) a word must be in
/// another language than in the context's to point there: ten times as frequent. A word
/// missing from the context language's list counts as 0 (the lists end at Zipf 2).
const MIN_LEAD_ZIPF10: u8 = 10;

/// Lowercase word to ten times its Zipf value per language (0: not in the list).
type Table = HashMap<Box<str>, ByLang<u8>>;

/// The frequency table, built on first use.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: ByLang<String> = ByLang::from_fn(|lang| {
            decompress(match lang {
                Lang::De => DE,
                Lang::Nl => NL,
                Lang::En => EN,
            })
        });
        let mut table = Table::with_capacity(1 << 17);
        // Words frequent enough in some language first, then the lower frequencies of
        // those words in the other languages.
        for (lang, text) in lists.iter() {
            for (zipf, word) in entries(text).filter(|&(z, _)| z >= MIN_ZIPF10) {
                table.entry(word.into()).or_default()[lang] = zipf;
            }
        }
        for (lang, text) in lists.iter() {
            for (zipf, word) in entries(text).filter(|&(z, _)| z < MIN_ZIPF10) {
                if let Some(z) = table.get_mut(word) {
                    z[lang] = zipf;
                }
            }
        }
        table
    })
}

/// The text of a compiled list. The lists are compiled in and checked by the tests: a
/// broken one is a bug, and an empty table (nothing points elsewhere, lingua decides as
/// before) is the safe reading of it.
fn decompress(gz: &[u8]) -> String {
    let mut text = String::new();
    if flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .is_err()
    {
        text.clear();
    }
    text
}

/// Every word of a list with ten times its Zipf value. A line is `ZIPF10<TAB>word word …`;
/// a word listed twice (it is not) would keep its first, highest value.
fn entries(text: &str) -> impl Iterator<Item = (u8, &str)> {
    text.lines().flat_map(|line| {
        let (zipf, words) = line.split_once('\t').unwrap_or(("", ""));
        let zipf: u8 = zipf.parse().unwrap_or(0);
        words
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(move |w| (zipf, w))
    })
}

/// Whether some word of `words` (evidence words separated by spaces) points away from
/// `context` to another of `languages`: a letter outside the Latin script, or a word (or a
/// part of a hyphenated word) at least [`MIN_ZIPF10`] frequent in another language and
/// [`MIN_LEAD_ZIPF10`] more frequent there than in `context`.
pub(super) fn points_elsewhere(words: &str, context: Lang, languages: &[Lang]) -> bool {
    let table = table();
    let mut lower = String::new();
    words
        .split(|c: char| !c.is_alphabetic())
        .filter(|part| !part.is_empty())
        .any(|part| {
            if !part.chars().all(is_latin) {
                return true;
            }
            let key: &str = if part.chars().any(char::is_uppercase) {
                lower.clear();
                lower.extend(part.chars().flat_map(char::to_lowercase));
                &lower
            } else {
                part
            };
            table.get(key).is_some_and(|z| {
                languages.iter().any(|&other| {
                    other != context
                        && z[other] >= MIN_ZIPF10
                        && z[other] >= z[context].saturating_add(MIN_LEAD_ZIPF10)
                })
            })
        })
}

/// Whether a letter is of the Latin script (basic, Latin-1, the extended blocks).
fn is_latin(c: char) -> bool {
    c < '\u{0250}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[Lang] = &Lang::ALL;

    // One row per case: the words, the context language, whether they point elsewhere.
    const ROWS: &[(&str, Lang, bool)] = &[
        ("Bevölkerung feierte ihren Sieg", Lang::De, false),
        (
            "Hungersnöte erzeugten immer wieder Bauernrevolten",
            Lang::De,
            false,
        ),
        ("Niemand stemde tegen", Lang::De, true),
        (
            "Rampzalig isolement rampzalige burgeroorlog",
            Lang::De,
            true,
        ),
        ("Stalin Power", Lang::De, true),
        ("Collected Works", Lang::De, true),
        ("Alles war weg", Lang::Nl, true),
        ("Socialisme één land", Lang::Nl, false),
        ("Ebd", Lang::De, false),
        // A hyphenated word is looked at part by part.
        ("Nach-Lenin-Zeit", Lang::De, false),
        ("Wahl-campagne", Lang::De, true),
        // Another script.
        ("Правда schrieb", Lang::De, true),
    ];

    #[test]
    fn words_that_point_elsewhere() {
        for &(words, context, want) in ROWS {
            assert_eq!(points_elsewhere(words, context, ALL), want, "{words}");
        }
    }

    #[test]
    fn only_configured_languages_count() {
        // `power` points to English, which a German and Dutch project does not detect.
        assert!(!points_elsewhere("Power", Lang::De, &[Lang::De, Lang::Nl]));
    }

    #[test]
    fn the_lists_load() {
        let t = table();
        assert!(t.len() > 50_000, "{} words", t.len());
        let z = t["der"];
        assert!(z[Lang::De] >= 70 && z[Lang::En] < 50, "{z:?}");
        assert!(t["het"][Lang::Nl] >= 70);
    }
}
