//! Which words of a text count as evidence of its language, and its function words.
//!
//! Numbers, acronyms and initials say nothing about the language; neither do the Russian
//! loanwords and names that German, Dutch and English writing on Soviet history shares
//! (the stems of `data/detect/shared_stems.txt`, and words with transliteration cues or
//! Russian name endings). They are left out before lingua sees the text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};

use crate::lang::{self, FunctionWords};
use crate::segment::rules::data_lines;

/// How much a text tells of its language: its evidence words and their letters, and its
/// function words.
pub(super) struct Evidence {
    pub words: usize,
    pub letters: usize,
    pub function_words: FunctionWords,
}

/// The evidence of `text`: its words as [`lang::words`] cuts them, function words counted
/// whether or not they are evidence. The evidence words themselves (see [`evidence_text`])
/// are only needed where lingua is asked, or the context's language in doubt: about one
/// sentence in a hundred (issue 20), so they are not copied for every sentence.
pub(super) fn evidence(text: &str) -> Evidence {
    let mut ev = Evidence {
        words: 0,
        letters: 0,
        function_words: FunctionWords::default(),
    };
    walk(text, |_, function_word, letters| {
        if let Some(lang) = function_word {
            ev.function_words.0[lang] += 1;
        }
        if let Some(letters) = letters {
            ev.words += 1;
            ev.letters += letters;
        }
    });
    ev
}

/// The evidence words of `text` (those [`evidence`] counts), each followed by a space: what
/// lingua is asked about.
pub(super) fn evidence_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    walk(text, |word, _, letters| {
        if letters.is_some() {
            out.push_str(word);
            out.push(' ');
        }
    });
    out
}

/// Calls `visit` with every word of `text`, the language it is a function word of, and its
/// letters if it is evidence.
fn walk(text: &str, mut visit: impl FnMut(&str, Option<lang::Lang>, Option<usize>)) {
    // One buffer for the lowercased words: German capitalises every noun, and a `String`
    // per capitalised word was a fifth of this function's time (issue 20).
    let mut buffer = String::new();
    // Cut by a byte scan that says which words are ASCII; function words looked up in
    // any case without lowercasing the word first (issue 20).
    for (word, ascii) in lang::words(text) {
        visit(
            word,
            lang::function_word_any_case(word, ascii),
            evidence_letters(word, ascii, &mut buffer),
        );
    }
}

/// Whether a word tells anything about the language of its sentence.
#[cfg(test)]
pub(super) fn is_evidence(word: &str) -> bool {
    evidence_letters(word, word.is_ascii(), &mut String::new()).is_some()
}

/// The letters of a word that tells anything about the language of its sentence; `None`
/// for a word that does not. The word is lowercased (into `buffer`, where it has a
/// capital) only once its letters, digits and capitals have not ruled it out.
fn evidence_letters(word: &str, ascii: bool, buffer: &mut String) -> Option<usize> {
    // ASCII words (most) are counted without the Unicode tables, and in one pass.
    let (letters, upper, digit) = if ascii && word.len() < LANE as usize {
        // One table look-up a byte, no branches: the counts in three lanes of one integer
        // (a longer word, a line of bytes without a space, goes the general way).
        let sum = word
            .bytes()
            .fold(0u64, |sum, b| sum + ASCII_COUNTS[usize::from(b)]);
        (
            (sum & LANE) as usize,
            ((sum >> 21) & LANE) as usize,
            (sum >> 42) & LANE != 0,
        )
    } else {
        word.chars().fold((0, 0, false), |(l, u, d), c| {
            (
                l + usize::from(c.is_alphabetic()),
                u + usize::from(c.is_uppercase()),
                d || c.is_ascii_digit(),
            )
        })
    };
    if letters < 2 || digit {
        return None;
    }
    // Acronyms: KPD, NKWD, SED, KPdSU.
    if upper >= 2 && upper * 2 >= letters {
        return None;
    }
    // Most words are lowercase already: lowercase only the others (ASCII ones without
    // the Unicode tables).
    let lower: &str = if upper == 0 {
        word
    } else if ascii {
        buffer.clear();
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
        buffer
    } else {
        buffer.clear();
        buffer.extend(word.chars().flat_map(char::to_lowercase));
        buffer
    };
    (!is_shared_word(word, lower)).then_some(letters)
}

/// One lane of [`ASCII_COUNTS`]' sums.
const LANE: u64 = (1 << 21) - 1;

/// What an ASCII byte adds to a word's letters (lowest lane), capitals (middle lane) and
/// digits (top lane), each lane 21 bits wide.
const ASCII_COUNTS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = (c.is_ascii_alphabetic() as u64)
            | (c.is_ascii_uppercase() as u64) << 21
            | (c.is_ascii_digit() as u64) << 42;
        b += 1;
    }
    t
};

/// Capitalised names with Russian endings: Molotow, Breschnew, Ivanova, Trotzkij.
const NAME_ENDINGS: &[&str] = &[
    "ow", "ew", "ov", "ev", "owa", "ewa", "ova", "eva", "ski", "skij", "skaja", "kij", "yj", "aja",
    "itsch", "itsj", "vich",
];

/// The last bytes of the [`NAME_ENDINGS`]: a word that ends in none of them has none of
/// them (most words; the endings are compared only on the others).
const NAME_ENDING_LAST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < NAME_ENDINGS.len() {
        let e = NAME_ENDINGS[i].as_bytes();
        t[e[e.len() - 1] as usize] = true;
        i += 1;
    }
    t
};

/// Whether a word is a Russian loanword or name, shared by all three languages: a stem of
/// `data/detect/shared_stems.txt`, or a transliteration cue.
pub(super) fn is_shared_word(word: &str, lower: &str) -> bool {
    if starts_with_shared_stem(lower) {
        return true;
    }
    // Letter groups that transliterate Russian sounds and are rare in native words:
    // German `tsch`/`schtsch`, Dutch `tsj`/`sjtsj`/`zj`, English `shch`, and English `kh`/`zh`
    // at the start or after a vowel (`Kharkov`, `Brezhnev`; not Dutch `-lijkheid` or
    // German `Schutzhaft`).
    if has_transliteration_cue(lower.as_bytes()) {
        return true;
    }
    lower
        .as_bytes()
        .last()
        .is_some_and(|&b| NAME_ENDING_LAST[b as usize])
        && word.chars().next().is_some_and(char::is_uppercase)
        && NAME_ENDINGS.iter().any(|e| lower.ends_with(e))
        && !lower.ends_with("lich")
        && !lower.ends_with("ig")
}

/// Whether a lowercase word holds one of the transliteration cues `tsch`, `tsj`, `sjt`,
/// `shch`, `zj`, or `kh`/`zh` at its start or after a vowel: one pass over the word's
/// byte pairs (it was an automaton search and a second pass, issue 20). Bytes, not
/// characters: the letters looked at are ASCII, and the last byte of a letter beyond
/// ASCII (`ü`) is no ASCII vowel either.
pub(super) fn has_transliteration_cue(bytes: &[u8]) -> bool {
    let at = |i: usize, cue: &[u8]| bytes[i..].starts_with(cue);
    (0..bytes.len().saturating_sub(1)).any(|i| match (bytes[i], bytes[i + 1]) {
        (b't', b's') => at(i, b"tsch") || at(i, b"tsj"),
        (b's', b'j') => at(i, b"sjt"),
        (b's', b'h') => at(i, b"shch"),
        (b'z', b'j') => true,
        (b'k' | b'z', b'h') => i == 0 || b"aeiouy".contains(&bytes[i - 1]),
        _ => false,
    })
}

/// Whether a lowercase word starts with one of the shared stems: a filter on the word's
/// first three bytes rules out nearly every word (a tenth of a nanosecond's work, where
/// calling the automaton was a tenth of detection's evidence, issue 20), one anchored pass of
/// an automaton over the stems decides the rest (comparing the word with every stem was a
/// tenth of detection's time on the corpus).
pub(super) fn starts_with_shared_stem(lower: &str) -> bool {
    struct Stems {
        /// [`PREFIX`]-byte prefixes of the stems, hashed into a set of bits.
        prefixes: [u64; 64],
        shortest: usize,
        automaton: AhoCorasick,
    }
    /// The bytes of a word the filter reads.
    const PREFIX: usize = 3;
    fn bit(prefix: &[u8]) -> usize {
        let k = u32::from(prefix[0]) | u32::from(prefix[1]) << 8 | u32::from(prefix[2]) << 16;
        (k.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }
    static STEMS: OnceLock<Stems> = OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let mut prefixes = [0u64; 64];
        let shortest = shared_stems().iter().map(String::len).min().unwrap_or(0);
        if shortest < PREFIX {
            // A stem too short for the filter: every word goes to the automaton.
            prefixes = [u64::MAX; 64];
        }
        for stem in shared_stems().iter().filter(|s| s.len() >= PREFIX) {
            let b = bit(stem.as_bytes());
            prefixes[b / 64] |= 1 << (b % 64);
        }
        Stems {
            prefixes,
            shortest,
            automaton: AhoCorasick::builder()
                .start_kind(StartKind::Anchored)
                .build(shared_stems())
                .expect("the shared stems are a small, valid pattern set"),
        }
    });
    let bytes = lower.as_bytes();
    if bytes.len() < stems.shortest {
        return false;
    }
    if bytes.len() >= PREFIX {
        let b = bit(bytes);
        if stems.prefixes[b / 64] & (1 << (b % 64)) == 0 {
            return false;
        }
    }
    stems
        .automaton
        .is_match(Input::new(lower).anchored(Anchored::Yes))
}

/// The stems of `data/detect/shared_stems.txt`, in file order.
pub(super) fn shared_stems() -> &'static Vec<String> {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS.get_or_init(|| data_lines(SHARED_STEMS).map(str::to_string).collect())
}

const SHARED_STEMS: &str = include_str!("../../data/detect/shared_stems.txt");
