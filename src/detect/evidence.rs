//! Which words of a text count as evidence of its language, and its function words.
//!
//! Numbers, acronyms and initials say nothing about the language; neither do the Russian
//! loanwords and names that German, Dutch and English writing on Soviet history shares
//! (the stems of `data/detect/shared_stems.txt`, and words with transliteration cues or
//! Russian name endings). They are left out before lingua sees the text.

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};

use crate::lang::{self, FunctionWords};
use crate::segment::rules::data_lines;

/// The words of a text that tell its language, and its function words.
pub(super) struct Evidence {
    /// The evidence words, separated by spaces.
    pub text: String,
    pub words: usize,
    pub letters: usize,
    pub function_words: FunctionWords,
}

/// The evidence of `text`: its words as [`lang::words`] cuts them, function words counted
/// whether or not they are evidence.
pub(super) fn evidence(text: &str) -> Evidence {
    let mut ev = Evidence {
        text: String::with_capacity(text.len()),
        words: 0,
        letters: 0,
        function_words: FunctionWords::default(),
    };
    for word in lang::words(text) {
        // Most words are lowercase already: lowercase (and allocate) only the others.
        let lower: Cow<str> = if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        if let Some(lang) = lang::function_word(&lower) {
            ev.function_words.0[lang] += 1;
        }
        if !is_evidence(word, &lower) {
            continue;
        }
        ev.words += 1;
        ev.letters += word.chars().filter(|c| c.is_alphabetic()).count();
        ev.text.push_str(word);
        ev.text.push(' ');
    }
    ev
}

/// Whether a word tells anything about the language of its sentence.
pub(super) fn is_evidence(word: &str, lower: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // Acronyms: KPD, NKWD, SED, KPdSU.
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if upper >= 2 && upper * 2 >= letters {
        return false;
    }
    !is_shared_word(word, lower)
}

/// Whether a word is a Russian loanword or name, shared by all three languages: a stem of
/// `data/detect/shared_stems.txt`, or a transliteration cue.
fn is_shared_word(word: &str, lower: &str) -> bool {
    if starts_with_shared_stem(lower) {
        return true;
    }
    // Letter groups that transliterate Russian sounds and are rare in native words:
    // German `tsch`/`schtsch`, Dutch `tsj`/`sjtsj`/`zj`, English `shch`, and English `kh`/`zh`
    // at the start or after a vowel (`Kharkov`, `Brezhnev`; not Dutch `-lijkheid` or
    // German `Schutzhaft`).
    static CUES: OnceLock<AhoCorasick> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        AhoCorasick::new(["tsch", "tsj", "sjt", "shch", "zj"])
            .expect("five short cues are a valid pattern set")
    });
    if cues.is_match(lower) {
        return true;
    }
    // Bytes, not characters: the letters looked at are ASCII, and the last byte of a
    // letter beyond ASCII (`ü`) is no ASCII vowel either.
    let bytes = lower.as_bytes();
    if bytes.windows(2).enumerate().any(|(i, w)| {
        matches!(w, [b'k' | b'z', b'h']) && (i == 0 || b"aeiouy".contains(&bytes[i - 1]))
    }) {
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
