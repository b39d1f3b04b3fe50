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
//! Frequencies are those of the `wordfreq` lists in `data/lexicon/` (CC BY-SA 4.0; see
//! `data/lexicon/README.md`), which suggest reads too. Detection keeps only the words that
//! can point anywhere, in `data/detect/telling_words.txt.gz` (built from those lists by
//! `scripts/build-detect-words.py`; a test checks that it is what the lists make): at least
//! Zipf [`MIN_ZIPF10`]` / 10` in some language and [`MIN_LEAD_ZIPF10`]` / 10` higher there
//! than in another, about 77,000 words sorted, searched by bisection. Loading them costs a
//! few milliseconds once per process, and only when a sentence needs them; the whole lists
//! cost a tenth of a second.

use std::io::Read;
use std::sync::OnceLock;

use crate::lang::{ByLang, Lang};

const TELLING_WORDS: &[u8] = include_bytes!("../../data/detect/telling_words.txt.gz");

/// Ten times the Zipf value (log10 of occurrences per billion words) a word needs in a
/// language to point to it: once in a million words.
const MIN_ZIPF10: u8 = 30;

/// How much more frequent (ten times the difference of Zipf values) a word must be in
/// another language than in the context's to point there: ten times as frequent. A word
/// missing from the context language's list counts as 0 (the lists end at Zipf 2).
const MIN_LEAD_ZIPF10: u8 = 10;

/// The telling words: lines `word<TAB>DE<TAB>NL<TAB>EN`, sorted by word, and where each
/// line starts.
struct Table {
    text: String,
    lines: Vec<u32>,
}

impl Table {
    /// Ten times the Zipf value per language of a lowercase word (0: not in the list), if
    /// it is a telling word.
    fn get(&self, word: &str) -> Option<ByLang<u8>> {
        let i = self
            .lines
            .binary_search_by(|&at| self.word_at(at).cmp(word))
            .ok()?;
        let line = self.text[self.lines[i] as usize..].lines().next()?;
        let mut fields = line
            .split('\t')
            .skip(1)
            .map(|z| z.parse::<u8>().unwrap_or(0));
        let mut zipf = ByLang::default();
        for lang in Lang::ALL {
            zipf[lang] = fields.next().unwrap_or(0);
        }
        Some(zipf)
    }

    /// The word of the line that starts at `at`.
    fn word_at(&self, at: u32) -> &str {
        let rest = &self.text[at as usize..];
        rest.split('\t').next().unwrap_or("")
    }
}

/// The telling words, read on first use. The file is compiled in and checked by the tests:
/// a broken one is a bug, and an empty table (nothing points elsewhere, lingua decides as
/// before) is the safe reading of it.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut text = String::new();
        if flate2::read::GzDecoder::new(TELLING_WORDS)
            .read_to_string(&mut text)
            .is_err()
        {
            text.clear();
        }
        let mut lines = Vec::with_capacity(80_000);
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            lines.push(at as u32);
            at += line.len();
        }
        Table { text, lines }
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
    fn the_telling_words_are_what_the_lists_make() {
        // What scripts/build-detect-words.py makes of data/lexicon: every word at least
        // MIN_ZIPF10 in one language and MIN_LEAD_ZIPF10 more than in another, sorted.
        let mut zipf: std::collections::HashMap<String, ByLang<u8>> = Default::default();
        for lang in Lang::ALL {
            let gz: &[u8] = match lang {
                Lang::De => include_bytes!("../../data/lexicon/de.txt.gz"),
                Lang::Nl => include_bytes!("../../data/lexicon/nl.txt.gz"),
                Lang::En => include_bytes!("../../data/lexicon/en.txt.gz"),
            };
            let mut text = String::new();
            flate2::read::GzDecoder::new(gz)
                .read_to_string(&mut text)
                .unwrap();
            for line in text.lines() {
                let (z, words) = line.split_once('\t').unwrap();
                let z: u8 = z.parse().unwrap();
                for w in words.split(' ').filter(|w| !w.is_empty()) {
                    let entry = zipf.entry(w.to_string()).or_default();
                    if entry[lang] == 0 {
                        entry[lang] = z;
                    }
                }
            }
        }
        let mut telling: Vec<(String, ByLang<u8>)> = zipf
            .into_iter()
            .filter(|(_, z)| {
                Lang::ALL.iter().any(|&m| {
                    Lang::ALL.iter().any(|&c| {
                        m != c && z[m] >= MIN_ZIPF10 && z[m] >= z[c].saturating_add(MIN_LEAD_ZIPF10)
                    })
                })
            })
            .collect();
        telling.sort_by(|a, b| a.0.cmp(&b.0));
        let want: String = telling
            .iter()
            .map(|(w, z)| format!("{w}\t{}\t{}\t{}\n", z[Lang::De], z[Lang::Nl], z[Lang::En]))
            .collect();
        assert!(
            table().text == want,
            "data/detect/telling_words.txt.gz is stale: run scripts/build-detect-words.py"
        );
    }

    #[test]
    fn words_are_found_by_bisection() {
        let t = table();
        assert!(t.lines.len() > 50_000, "{} words", t.lines.len());
        let z = t.get("zwijgt").unwrap();
        assert!(z[Lang::Nl] >= 30 && z[Lang::De] == 0, "{z:?}");
        let first = t.word_at(t.lines[0]).to_string();
        let last = t.word_at(*t.lines.last().unwrap()).to_string();
        assert!(t.get(&first).is_some() && t.get(&last).is_some());
        // Words that say nothing (as frequent everywhere) or are not words are not kept.
        assert_eq!(t.get("in"), None);
        assert_eq!(t.get(""), None);
        assert_eq!(t.get("zzzzzzzz"), None);
    }
}
