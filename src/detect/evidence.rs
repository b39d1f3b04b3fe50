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
    // Cut by a byte scan that says which words are ASCII (issue 20).
    for (word, ascii) in lang::words(text) {
        // Most words are lowercase already: lowercase only the others (ASCII ones without
        // the Unicode tables).
        let lower: &str = if !has_uppercase(word, ascii) {
            word
        } else if ascii {
            buffer.clear();
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
            &buffer
        } else {
            buffer.clear();
            buffer.extend(word.chars().flat_map(char::to_lowercase));
            &buffer
        };
        visit(
            word,
            lang::function_word(lower),
            evidence_letters(word, ascii, lower),
        );
    }
}

/// Whether a word has an uppercase letter (ASCII words, as `ascii` says, without the
/// Unicode tables).
pub(super) fn has_uppercase(word: &str, ascii: bool) -> bool {
    if ascii {
        word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().any(char::is_uppercase)
    }
}

/// Whether a word tells anything about the language of its sentence.
#[cfg(test)]
pub(super) fn is_evidence(word: &str, lower: &str) -> bool {
    evidence_letters(word, word.is_ascii(), lower).is_some()
}

/// The letters of a word that tells anything about the language of its sentence; `None`
/// for a word that does not.
fn evidence_letters(word: &str, ascii: bool, lower: &str) -> Option<usize> {
    // ASCII words (most) are counted without the Unicode tables, and in one pass.
    let (letters, upper, digit) = if ascii {
        word.bytes().fold((0, 0, false), |(l, u, d), b| {
            (
                l + usize::from(b.is_ascii_alphabetic()),
                u + usize::from(b.is_ascii_uppercase()),
                d || b.is_ascii_digit(),
            )
        })
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
    (!is_shared_word(word, lower)).then_some(letters)
}

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
    // Capitalised names with Russian endings: Molotow, Breschnew, Ivanova, Trotzkij.
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    const NAME_ENDINGS: &[&str] = &[
        "ow", "ew", "ov", "ev", "owa", "ewa", "ova", "eva", "ski", "skij", "skaja", "kij", "yj",
        "aja", "itsch", "itsj", "vich",
    ];
    capital
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

/// Whether a lowercase word starts with one of the shared stems: one anchored pass of an
/// automaton over the stems, instead of comparing the word with every stem (that was a
/// tenth of detection's time on the corpus, issue 20).
pub(super) fn starts_with_shared_stem(lower: &str) -> bool {
    static PREFIXES: OnceLock<AhoCorasick> = OnceLock::new();
    let prefixes = PREFIXES.get_or_init(|| {
        AhoCorasick::builder()
            .start_kind(StartKind::Anchored)
            .build(shared_stems())
            .expect("the shared stems are a small, valid pattern set")
    });
    prefixes.is_match(Input::new(lower).anchored(Anchored::Yes))
}

/// The stems of `data/detect/shared_stems.txt`, in file order.
pub(super) fn shared_stems() -> &'static Vec<String> {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS.get_or_init(|| data_lines(SHARED_STEMS).map(str::to_string).collect())
}

const SHARED_STEMS: &str = include_str!("../../data/detect/shared_stems.txt");
