//! [`Lang`]: the languages glossa knows, with their ISO 639-1 codes, and what glossa knows
//! about each of them that more than one stage needs.
//!
//! This is the only place that names languages (the detector converts to and from lingua's
//! types privately) and the one place for per-language knowledge shared across stages:
//!
//! - [`Lang::index`] and [`ByLang`], the one way to keep a value per language;
//! - [`Lang::endings`], the inflectional endings the term matcher strips (the check for
//!   unknown variants and the concordance strip the same ones), and
//!   [`RUSSIAN_PLURAL_ENDINGS`];
//! - [`Lang::function_words`] and [`function_word`], the frequent words that tell German,
//!   Dutch and English apart, which normalisation (joining lines), segmentation
//!   (abbreviation rules per block) and detection (evidence) all count with
//!   [`FunctionWords`], on words cut by [`words`] (one byte scan for all of them).
//!
//! Knowledge only one stage needs stays there: abbreviations and sentence starters in
//! `data/abbreviations` and `data/starters` (segment), compound prefixes (terms),
//! transliteration tables (`data/translit`).

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::error::Error;

mod words;

pub use words::Words;
pub(crate) use words::{function_word_any_case, is_separator};

/// A language glossa can segment, detect or match terms in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    De = 0,
    Nl = 1,
    En = 2,
}

impl Lang {
    /// Every language, in a fixed order.
    pub const ALL: [Lang; 3] = [Lang::De, Lang::Nl, Lang::En];

    /// The language's position in [`Lang::ALL`]: the index of every per-language table
    /// (see [`ByLang`]).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The ISO 639-1 code (`de`, `nl`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The English name of the language.
    pub fn name(self) -> &'static str {
        match self {
            Lang::De => "German",
            Lang::Nl => "Dutch",
            Lang::En => "English",
        }
    }

    /// Parses a comma-separated list such as `de,nl,en`, without duplicates.
    pub fn parse_list(list: &str) -> Result<Vec<Lang>, Error> {
        let mut langs = Vec::new();
        for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let lang: Lang = code.parse()?;
            if !langs.contains(&lang) {
                langs.push(lang);
            }
        }
        Ok(langs)
    }
}

impl Lang {
    /// The language glossa knows that a language tag names (`de`, `de-AT`, `deu`, `en_GB`),
    /// if any: only the primary subtag counts.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "de" | "deu" | "ger" => Some(Lang::De),
            "nl" | "nld" | "dut" => Some(Lang::Nl),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A language tag in its usual spelling, or `None` when `tag` is not one: an ISO 639 code
/// (two or three letters, lowercased), then optional subtags separated by `-` or `_`,
/// written with `-`: a region in capitals (`pt-BR`), a script in title case
/// (`sr-Latn`), anything else in lowercase. glossa matches the languages of [`Lang`]
/// and keeps the terms of every other language a termbase has.
pub fn language_tag(tag: &str) -> Option<String> {
    let mut parts = tag.trim().split(['-', '_']);
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    for sub in parts {
        if sub.is_empty() || sub.len() > 8 || !sub.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        match sub.len() {
            2 if sub.chars().all(|c| c.is_ascii_alphabetic()) => {
                out.push_str(&sub.to_ascii_uppercase())
            }
            4 if sub.chars().all(|c| c.is_ascii_alphabetic()) => {
                out.push_str(&sub[..1].to_ascii_uppercase());
                out.push_str(&sub[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&sub.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// Inflectional endings per language, folded (see [`crate::fold`]), as the term matcher
/// strips them from a word that starts with a glossary form: German case and plural
/// endings, Dutch plurals and the genitive `'s`, English plurals.
const ENDINGS: ByLang<&[&str]> = ByLang([
    &["e", "en", "n", "s", "es", "er", "ern", "em", "ens", "'s"],
    &["en", "n", "s", "'s", "e", "es", "er", "ers"],
    &["s", "'s", "es"],
]);

/// Russian plural endings, kept on borrowed words that inflect the Russian way (`kolchozy`,
/// `bolsjeviki`: a glossary form's `inflect = "russian-plural"`).
pub const RUSSIAN_PLURAL_ENDINGS: &[&str] = &["i", "y"];

/// Frequent function words per language, lowercase. A word two of the languages share
/// (`die`, `in`, `was`, `is`, `over`, `als`) is in none of the lists, so each word says one
/// language; `werden`, German and Dutch, counts as German.
const FUNCTION_WORDS: ByLang<&[&str]> = ByLang([
    &[
        "der", "das", "und", "ist", "nicht", "ein", "eine", "einen", "einem", "einer", "mit",
        "von", "zu", "den", "dem", "des", "im", "auf", "für", "sich", "auch", "wurde", "wurden",
        "werden", "wird", "hat", "haben", "waren", "sie", "es", "wir", "ich", "bei", "nach", "aus",
        "über", "unter", "durch", "gegen", "nur", "sehr", "aber", "oder", "wenn", "dass", "daß",
        "zum", "zur", "vom", "seine", "seiner", "ihre", "ihrer", "diese", "dieser", "um", "vor",
        "sind", "noch", "schon",
    ],
    &[
        "de", "het", "een", "en", "van", "niet", "met", "op", "te", "dat", "zijn", "voor", "ook",
        "werd", "wordt", "heeft", "hebben", "zij", "hij", "ze", "wij", "ik", "bij", "naar", "uit",
        "onder", "door", "tegen", "nog", "maar", "wanneer", "omdat", "deze", "dit", "hun", "haar",
        "zich", "geen", "worden", "kan", "zou", "na", "tot", "om", "aan", "zo", "al", "toen",
    ],
    &[
        "the", "and", "of", "not", "with", "on", "to", "that", "which", "this", "be", "for", "by",
        "from", "were", "has", "have", "had", "they", "he", "it", "we", "his", "their", "its",
        "been", "but", "or", "would", "could", "after", "into", "there", "who", "what", "when",
        "than", "as", "are", "these", "those", "did",
    ],
]);

impl Lang {
    /// The inflectional endings the term matcher strips in this language, folded.
    pub fn endings(self) -> &'static [&'static str] {
        ENDINGS[self]
    }

    /// The language's frequent function words, lowercase (see [`function_word`]).
    pub fn function_words(self) -> &'static [&'static str] {
        FUNCTION_WORDS[self]
    }
}

/// The length in bytes of the longest function word (`wanneer`): a longer word is none, and
/// is not looked up.
const LONGEST_FUNCTION_WORD: usize = 7;

/// The language whose function words include `lower` (a lowercase word), if any.
pub fn function_word(lower: &str) -> Option<Lang> {
    use std::collections::HashMap;
    use std::hash::BuildHasherDefault;
    use std::sync::OnceLock;
    if lower.len() > LONGEST_FUNCTION_WORD {
        return None;
    }
    static TABLE: OnceLock<HashMap<&'static str, Lang, BuildHasherDefault<Fnv>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        Lang::ALL
            .into_iter()
            .flat_map(|l| l.function_words().iter().map(move |w| (*w, l)))
            .collect()
    });
    table.get(lower).copied()
}

/// FNV-1a, the hash of the function-word table: its keys are a few bytes long, where the
/// standard hasher's setup costs more than the hashing (every word of every text is looked
/// up, by segmentation, normalisation and detection). The keys are our own, so there is
/// no flooding to guard against.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `w` lowercased character by character on the stack, with its length, when that takes at
/// most `LONGEST_FUNCTION_WORD` bytes (a longer word is no function word). Character by
/// character is how `str::to_lowercase` lowercases but for a final sigma, which no function
/// word has.
fn lowercase_short(w: &str) -> Option<([u8; LONGEST_FUNCTION_WORD], usize)> {
    let mut buf = [0u8; LONGEST_FUNCTION_WORD];
    let mut len = 0;
    let mut utf8 = [0u8; 4];
    for c in w.chars().flat_map(char::to_lowercase) {
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        buf.get_mut(len..len + bytes.len())?.copy_from_slice(bytes);
        len += bytes.len();
    }
    Some((buf, len))
}

/// The function words of a text, counted per language: the evidence that decides a
/// block's abbreviation rules (segment) and backs lingua up (detect).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FunctionWords(pub ByLang<usize>);

impl FunctionWords {
    /// Counts the function words of `text`, in any case, on its [`words`].
    pub fn count(text: &str) -> FunctionWords {
        let mut counts = FunctionWords::default();
        counts.add_text(text);
        counts
    }

    /// Adds the function words of `text` (as [`FunctionWords::count`] counts them).
    pub fn add_text(&mut self, text: &str) {
        for (word, ascii) in words(text) {
            self.add_word(word, ascii);
        }
    }

    /// Counts one word as [`words`] gives it (`ascii`: whether it is ASCII), in any case.
    #[inline]
    pub fn add_word(&mut self, word: &str, ascii: bool) {
        if let Some(lang) = words::function_word_any_case(word, ascii) {
            self.0[lang] += 1;
        }
    }

    /// Adds another text's counts.
    pub fn add(&mut self, other: &FunctionWords) {
        for lang in Lang::ALL {
            self.0[lang] += other.0[lang];
        }
    }

    /// The count of one language.
    pub fn get(&self, lang: Lang) -> usize {
        self.0[lang]
    }

    /// The count of every language but `lang`.
    pub fn others(&self, lang: Lang) -> usize {
        self.total() - self.0[lang]
    }

    /// All function words counted.
    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| *n).sum()
    }

    /// The language with strictly the most function words, if any has some.
    pub fn top(&self) -> Option<Lang> {
        let max = self.0.iter().map(|(_, n)| *n).max()?;
        let mut top = self.0.iter().filter(|(_, n)| **n == max);
        match (top.next(), top.next()) {
            (Some((lang, _)), None) if max > 0 => Some(lang),
            _ => None,
        }
    }
}

/// The words of a text as [`FunctionWords`] and the detector count them, each with whether
/// it is ASCII: separated by white space, `/`, `–` and `—`, trimmed of everything but
/// letters and digits at both ends, none empty.
pub fn words(text: &str) -> Words<'_> {
    Words::new(text)
}

/// A value per language, indexed by [`Lang`]: the one way glossa keeps per-language
/// tables (models, stemmers, counts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ByLang<T>(pub [T; 3]);

impl<T> ByLang<T> {
    /// A table with `f(lang)` for every language.
    pub fn from_fn(mut f: impl FnMut(Lang) -> T) -> ByLang<T> {
        ByLang(Lang::ALL.map(&mut f))
    }

    /// Every language with its value, in [`Lang::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &T)> {
        Lang::ALL.into_iter().zip(self.0.iter())
    }
}

impl<T> std::ops::Index<Lang> for ByLang<T> {
    type Output = T;

    fn index(&self, lang: Lang) -> &T {
        &self.0[lang.index()]
    }
}

impl<T> std::ops::IndexMut<Lang> for ByLang<T> {
    fn index_mut(&mut self, lang: Lang) -> &mut T {
        &mut self.0[lang.index()]
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(code: &str) -> Result<Lang, Error> {
        match code.to_ascii_lowercase().as_str() {
            "de" | "deu" | "ger" | "german" => Ok(Lang::De),
            "nl" | "nld" | "dut" | "dutch" => Ok(Lang::Nl),
            "en" | "eng" | "english" => Ok(Lang::En),
            _ => Err(Error::UnknownLanguage {
                code: code.to_string(),
                supported: Lang::ALL.map(Lang::code).join(", "),
            }),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
        }
    }

    #[test]
    fn index_is_the_position_in_all() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), i);
        }
        let t = ByLang::from_fn(Lang::code);
        assert_eq!(t[Lang::Nl], "nl");
        assert_eq!(
            t.iter().map(|(l, c)| (l, *c)).last(),
            Some((Lang::En, "en"))
        );
    }

    #[test]
    fn each_function_word_says_one_language() {
        let mut seen = std::collections::HashMap::new();
        for lang in Lang::ALL {
            for w in lang.function_words() {
                assert_eq!(w.to_lowercase(), *w);
                assert!(w.len() <= LONGEST_FUNCTION_WORD, "{w}");
                if let Some(other) = seen.insert(*w, lang) {
                    assert_eq!(other, lang, "`{w}` is listed twice");
                }
                assert_eq!(function_word(w), Some(lang));
            }
        }
        for shared in ["die", "in", "was", "is", "over", "als"] {
            assert_eq!(function_word(shared), None, "{shared}");
        }
    }

    #[test]
    fn words_are_lowercased_on_the_stack_as_to_lowercase_does() {
        for w in [
            "DER", "Über", "ÜBER", "İst", "DASS", "Daß", "\u{212A}", "Σ", "ẞ", "WANNEER",
            "WANNEERS", "FÜR", "İİİİ", "",
        ] {
            let lower = w.to_lowercase();
            let short = lowercase_short(w)
                .map(|(buf, len)| String::from_utf8(buf[..len].to_vec()).unwrap());
            if lower.len() <= LONGEST_FUNCTION_WORD {
                assert_eq!(short.as_deref(), Some(lower.as_str()), "{w}");
            } else {
                assert_eq!(short, None, "{w}");
            }
            let mut c = FunctionWords::default();
            c.add_word(w, w.is_ascii());
            let want = function_word(&lower).map_or(0, |_| 1);
            assert_eq!(c.total(), want, "{w}");
        }
    }

    #[test]
    fn function_words_are_counted_per_language() {
        let c = FunctionWords::count("Der Kolchos und die Bauern – de kolchoz/het dorp.");
        assert_eq!(
            (c.get(Lang::De), c.get(Lang::Nl), c.get(Lang::En)),
            (2, 2, 0)
        );
        assert_eq!(c.top(), None);
        let c = FunctionWords::count("Das ist nicht neu, sagt er.");
        assert_eq!(c.top(), Some(Lang::De));
        assert_eq!(c.others(Lang::De), 0);
    }

    #[test]
    fn language_tags_are_spelled_the_usual_way() {
        for (tag, want) in [
            ("fr", Some("fr")),
            ("RU", Some("ru")),
            ("pt_br", Some("pt-BR")),
            ("sr-latn-rs", Some("sr-Latn-RS")),
            ("gsw", Some("gsw")),
            ("", None),
            ("french", None),
            ("de-", None),
            ("x", None),
        ] {
            assert_eq!(language_tag(tag).as_deref(), want, "{tag}");
        }
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("nld"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn list_rejects_unknown_code_by_name() {
        let err = Lang::parse_list("de,xx").unwrap_err().to_string();
        assert!(err.contains("`xx`"), "{err}");
        assert_eq!(
            Lang::parse_list("de, nl,de").unwrap(),
            vec![Lang::De, Lang::Nl]
        );
    }
}
