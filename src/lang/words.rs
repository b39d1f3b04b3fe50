//! Words and function words at the speed of a byte scan: the one word cutter of
//! [`super::words`] and the one function-word counter of [`super::FunctionWords::count`].
//!
//! Every word of a document is looked at for its language at least three times:
//! normalisation reads the lines on either side of a possible paragraph break (the joining
//! of lines), each block's counts decide its abbreviation rules in segmentation, and
//! detection weighs every sentence's words. The cutter reads ASCII a byte at a time
//! against a table and decodes only bytes that may start a separator beyond ASCII; an
//! ASCII function word is lowercased on the stack and looked up as one integer, a word
//! with a character beyond ASCII is lowercased on the stack and looked up with
//! [`super::function_word`]. Property tests compare both with the plain definitions (a
//! split on characters, a trim with the Unicode tables, `str::to_lowercase`), which live in
//! the tests only (issue 20: normalisation and detection each had a copy).

use std::sync::OnceLock;

use super::Lang;

/// What a byte is to the word cutter (in this order: the scan goes on over the first
/// three without looking further).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
enum Byte {
    /// An ASCII letter or digit: kept when trimming.
    Alphanumeric,
    /// Other ASCII: trimmed at a word's ends.
    Other,
    /// Any byte beyond ASCII that cannot start white space, `–` or `—`: part of a word.
    Beyond,
    /// The first byte of a character that may be white space, `–` or `—` (U+0085, U+00A0,
    /// U+1680, U+2000 to U+205F, U+3000 start with these): decoded.
    MaybeSeparator,
    /// ASCII white space or `/`: ends a word.
    Separator,
}

/// The class of every byte, as `char::is_whitespace` and `char::is_alphanumeric` say.
const CLASSES: [Byte; 256] = {
    let mut t = [Byte::Beyond; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            if matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                Byte::MaybeSeparator
            } else {
                Byte::Beyond
            }
        } else if c == b'/' || matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            Byte::Separator
        } else if c.is_ascii_alphanumeric() {
            Byte::Alphanumeric
        } else {
            Byte::Other
        };
        b += 1;
    }
    t
};

/// The longest ASCII word that can be a function word, in bytes.
const LONGEST: usize = 7;

/// A lowercase ASCII word of at most [`LONGEST`] bytes as one integer: its bytes, then
/// its length in the top byte (so that no two words share a key).
fn key(lower: &[u8]) -> u64 {
    let mut k = (lower.len() as u64) << 56;
    for (i, &b) in lower.iter().enumerate() {
        k |= u64::from(b) << (8 * i);
    }
    k
}

/// An open-addressing table from [`key`] to language, holding the ASCII function words.
struct Table {
    slots: Vec<(u64, Option<Lang>)>,
}

const SLOTS_BITS: u32 = 9;

impl Table {
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS_BITS)) as usize
    }

    fn build() -> Table {
        let mut slots = vec![(0u64, None); 1 << SLOTS_BITS];
        for lang in Lang::ALL {
            for w in lang.function_words() {
                if !w.is_ascii() {
                    continue; // `für`, `über`, `daß`: only a word beyond ASCII can be one
                }
                debug_assert!(w.len() <= LONGEST, "{w} is longer than {LONGEST} bytes");
                let k = key(w.as_bytes());
                let mut i = Table::slot(k);
                while slots[i].1.is_some() && slots[i].0 != k {
                    i = (i + 1) & ((1 << SLOTS_BITS) - 1);
                }
                slots[i] = (k, Some(lang));
            }
        }
        Table { slots }
    }

    fn get(&self, k: u64) -> Option<Lang> {
        let mut i = Table::slot(k);
        loop {
            match self.slots[i] {
                (_, None) => return None,
                (s, lang) if s == k => return lang,
                _ => i = (i + 1) & ((1 << SLOTS_BITS) - 1),
            }
        }
    }

    fn get_or_init() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(Table::build)
    }
}

/// The language whose function words include `word` (as [`words`] cuts it, `ascii` saying
/// whether it is ASCII), in any case: an ASCII word is lowercased on the stack and looked
/// up as one integer, any other lowercased on the stack and looked up by
/// [`super::function_word`].
#[inline]
pub(crate) fn function_word_any_case(word: &str, ascii: bool) -> Option<Lang> {
    if ascii {
        if word.len() > LONGEST {
            return None;
        }
        let mut k = (word.len() as u64) << 56;
        for (j, &b) in word.as_bytes().iter().enumerate() {
            k |= u64::from(b.to_ascii_lowercase()) << (8 * j);
        }
        return Table::get_or_init().get(k);
    }
    // A lowercased character is one or more characters of one byte or more: a word of
    // more characters than the longest function word has bytes is none (and one of more
    // than 16 bytes has more characters than that).
    if word.len() > 16 || word.bytes().filter(|&b| (b & 0xC0) != 0x80).count() > LONGEST {
        return None;
    }
    super::lowercase_short(word).and_then(|(buf, len)| {
        std::str::from_utf8(&buf[..len])
            .ok()
            .and_then(super::function_word)
    })
}

/// Whether `c` separates words, for [`words`] and [`FunctionWords::count`]: white space,
/// `/`, `–`, `—`.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '/' | '–' | '—')
}

/// The iterator of [`super::words`].
#[derive(Clone, Debug)]
pub struct Words<'a> {
    text: &'a str,
    i: usize,
}

impl<'a> Words<'a> {
    pub(super) fn new(text: &'a str) -> Words<'a> {
        Words { text, i: 0 }
    }
}

impl<'a> Iterator for Words<'a> {
    /// A word, and whether it is ASCII.
    type Item = (&'a str, bool);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, bool)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = self.i;
        while i < n {
            let start = i;
            let mut ascii = true;
            // The word runs to the next separator, `end`; `i` goes past it.
            let mut end = n;
            while i < n {
                let mut beyond = false;
                while i < n && CLASSES[bytes[i] as usize] <= Byte::Beyond {
                    beyond |= CLASSES[bytes[i] as usize] == Byte::Beyond;
                    i += 1;
                }
                ascii &= !beyond;
                if i == n {
                    break;
                }
                if CLASSES[bytes[i] as usize] == Byte::Separator {
                    end = i;
                    i += 1;
                    break;
                }
                // A byte that may start a separator beyond ASCII: decode its character.
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() || matches!(c, '–' | '—') {
                    end = i;
                    i += c.len_utf8();
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
            // Trimmed of ASCII that is not a letter or digit (character boundaries stay so).
            let mut s = start;
            let mut e = end;
            while s < e && matches!(CLASSES[bytes[s] as usize], Byte::Other) {
                s += 1;
            }
            while e > s && matches!(CLASSES[bytes[e - 1] as usize], Byte::Other) {
                e -= 1;
            }
            if s == e {
                continue;
            }
            if ascii {
                self.i = i;
                return Some((&text[s..e], true));
            }
            let w = text[s..e].trim_matches(|c: char| !c.is_alphanumeric());
            if !w.is_empty() {
                self.i = i;
                return Some((w, w.is_ascii()));
            }
        }
        self.i = n;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FunctionWords, function_word, words};
    use super::*;

    /// The words of a text by their definition: separated by white space, `/`, `–` and
    /// `—`, trimmed of everything but letters and digits at both ends, none empty.
    fn plain_words(text: &str) -> impl Iterator<Item = &str> {
        text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '–' | '—'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
    }

    /// The function words of a text by their definition: its plain words, lowercased.
    fn plain_count(text: &str) -> FunctionWords {
        let mut counts = FunctionWords::default();
        for w in plain_words(text) {
            if let Some(lang) = function_word(&w.to_lowercase()) {
                counts.0[lang] += 1;
            }
        }
        counts
    }

    /// Pieces that reach every branch: ASCII and other separators, capitals that lowercase
    /// to another length, non-breaking and thin spaces, control characters that are and
    /// are not white space, punctuation to trim, words of seven and eight letters.
    const PIECES: &[&str] = &[
        "Der", "DER", "dAs", "und", "İst", "ÜBER", "über", "Über", "Ünd", "wanneer", "WANNEER",
        "Wanneerx", "/", "–", "—", " ", "\u{a0}", "\u{2009}", "\t", "\n", "\x0b", "\x1c", ".", "(",
        "«", "»", "-", "1917", "Kolchos", "é", "e\u{301}", "ß", "HET", "het.", "„de“", "\r\n",
        "daß", "DASS", "de,het", "\u{85}", "\u{3000}", "of", "THE", "x\0y", "KOLCHOS", "\u{212A}",
        "Σ", "FÜR", "Füh", "ẞ", "ÜBERALL",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        #[test]
        fn counts_as_the_language_module_does(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            noise in "\\PC{0,40}",
        ) {
            for text in [pieces.concat(), noise.clone(), format!("{}{noise}", pieces.join(""))] {
                proptest::prop_assert_eq!(FunctionWords::count(&text), plain_count(&text), "{:?}", text);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        #[test]
        fn cuts_words_as_the_language_module_does(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            noise in "\\PC{0,40}",
        ) {
            for text in [pieces.concat(), noise.clone(), format!("{}{noise}", pieces.join(" "))] {
                let fast: Vec<(&str, bool)> = words(&text).collect();
                let slow: Vec<(&str, bool)> =
                    plain_words(&text).map(|w| (w, w.is_ascii())).collect();
                proptest::prop_assert_eq!(fast, slow, "{:?}", text);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// Counting two texts apart and the words across their seam apart is counting them
        /// joined: what normalisation's joints rely on (`join::glued_words`).
        #[test]
        fn separators_are_where_words_end(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            noise in "\\PC{0,40}",
        ) {
            for text in [pieces.concat(), format!("{}{noise}", pieces.join(""))] {
                // Cut at every separator: the counts of the pieces add up to the whole's.
                let mut sum = FunctionWords::default();
                for piece in text.split(is_separator) {
                    sum.add(&FunctionWords::count(piece));
                }
                proptest::prop_assert_eq!(sum, FunctionWords::count(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn words_are_cut_and_trimmed() {
        let text = "»Der« (Kolchos)/kolchoz – 1917, „über“ —  \u{a0}ẞ. .. «é»\u{2009}x\u{85}";
        let got: Vec<(&str, bool)> = words(text).collect();
        assert_eq!(
            got,
            [
                ("Der", true),
                ("Kolchos", true),
                ("kolchoz", true),
                ("1917", true),
                ("über", false),
                ("ẞ", false),
                ("é", false),
                ("x", true),
            ]
        );
    }

    #[test]
    fn counts_every_function_word_of_every_language() {
        for lang in Lang::ALL {
            for w in lang.function_words() {
                let text = format!("»{}«, ({w})/{w}", w.to_uppercase());
                assert_eq!(FunctionWords::count(&text), plain_count(&text), "{w}");
                assert_eq!(FunctionWords::count(&text).get(lang), 3, "{w}");
            }
        }
    }
}
