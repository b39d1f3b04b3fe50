//! The page as a whole: lines, line width, spacing, and the document's own vocabulary.
//!
//! Decisions about a single line break are made with evidence from the whole document:
//! how wide a full line is, whether every line is followed by a blank one, whether lines
//! normally end with a space, which words occur in the middle of lines (and so are real
//! words, not fragments of a broken one), which words are spelled with a hyphen.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (as in rustc): the vocabulary is hashed once per word of the document, and
/// SipHash's protection against hash flooding buys nothing here.
#[derive(Default)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(v))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A hash map with [`FxHasher`], for keys that are hashes already or small integers.
pub(super) type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

const WORD_HASH_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
const WORD_HASH_K2: u64 = 0x9e37_79b9_7f4a_7c15;

/// The full 128-bit product of `a` and `b`, its halves folded together (the mixing step
/// of foldhash and ahash): every input bit reaches every output bit.
fn folded_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The hash of a byte string fed a byte at a time: bytes are gathered eight to a word and
/// each word mixed in with one folded multiplication, so hashing costs a shift per byte
/// rather than a multiplication. Equal strings hash alike however they are fed.
#[derive(Clone, Copy, Default)]
pub(super) struct ByteHasher {
    h: u64,
    /// Bytes gathered, not yet mixed in.
    word: u64,
    /// How many bytes `word` holds.
    n: u32,
    /// Bytes fed in all.
    len: u64,
}

impl ByteHasher {
    pub(super) fn push(&mut self, b: u8) {
        self.word |= u64::from(b) << (8 * self.n);
        self.n += 1;
        self.len += 1;
        if self.n == 8 {
            self.h = folded_mul(self.h ^ self.word, WORD_HASH_K);
            self.word = 0;
            self.n = 0;
        }
    }

    pub(super) fn finish(&self) -> u64 {
        let h = folded_mul(self.h ^ self.word, WORD_HASH_K);
        folded_mul(h ^ self.len, WORD_HASH_K2)
    }
}

/// A hash of the lowercased word, computed without allocating. Two words colliding in
/// 64 bits would at worst make one lost-hyphen decision wrong.
fn word_hash(word: &str) -> u64 {
    let mut h = ByteHasher::default();
    if word.is_ascii() {
        word.bytes().for_each(|b| h.push(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(|b| h.push(b));
        }
    }
    h.finish()
}

/// The words of a line: runs of letters and hyphens, found byte by byte with a fast
/// path for ASCII. The reference that [`VocabularyScan`] is tested against.
#[cfg(test)]
struct Words<'a> {
    text: &'a str,
    pos: usize,
}

#[cfg(test)]
impl<'a> Words<'a> {
    fn new(text: &'a str) -> Words<'a> {
        Words { text, pos: 0 }
    }

    /// Whether a word character starts at byte `i`, and its length.
    fn word_char(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        if b.is_ascii() {
            (b.is_ascii_alphabetic() || b == b'-', 1)
        } else {
            let c = self.text[i..].chars().next().unwrap_or(' ');
            (c.is_alphabetic(), c.len_utf8())
        }
    }
}

#[cfg(test)]
impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        loop {
            while self.pos < len {
                let (is_word, n) = self.word_char(self.pos);
                if is_word {
                    break;
                }
                self.pos += n;
            }
            if self.pos >= len {
                return None;
            }
            let start = self.pos;
            while self.pos < len {
                let (is_word, n) = self.word_char(self.pos);
                if !is_word {
                    break;
                }
                self.pos += n;
            }
            let w = &self.text[start..self.pos];
            if w.bytes().any(|b| b != b'-') {
                return Some(w);
            }
        }
    }
}

/// One line of the document text, without its LF. A document has one per line, all held
/// at once: 32 bytes each.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    pub text: &'a str,
    /// Length in characters, trailing whitespace excluded (saturated: no line is that long).
    width: u32,
    /// Set in capitals (`DAS WINOGRADOW-TREFFEN`): a heading line.
    pub caps: bool,
}

impl<'a> Line<'a> {
    /// Byte offset just past the last character (the LF, if any, is at `end`).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn trimmed(&self) -> &'a str {
        self.text.trim()
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Starts with whitespace followed by text: in these extractions, a page's first line.
    pub fn is_indented(&self) -> bool {
        !self.is_blank() && self.text.starts_with(|c: char| c.is_whitespace())
    }

    pub fn has_trailing_space(&self) -> bool {
        self.text.ends_with(|c: char| c.is_whitespace())
    }

    /// Length in characters, trailing whitespace excluded.
    pub fn width(&self) -> usize {
        self.width as usize
    }

    /// The first character that is not whitespace.
    pub fn first_char(&self) -> Option<char> {
        self.text.trim_start().chars().next()
    }

    /// The last character that is not whitespace.
    pub fn last_char(&self) -> Option<char> {
        self.text.trim_end().chars().next_back()
    }

    fn new(start: usize, text: &'a str) -> Line<'a> {
        let trimmed = text.trim_end();
        // Characters are the bytes that are not UTF-8 continuation bytes; capitals are
        // counted on ASCII letters, which is enough to tell a heading in capitals.
        let (mut width, mut upper, mut lower) = (0usize, 0usize, 0usize);
        for &b in trimmed.as_bytes() {
            width += ((b & 0xC0) != 0x80) as usize;
            upper += b.is_ascii_uppercase() as usize;
            lower += b.is_ascii_lowercase() as usize;
        }
        Line {
            start,
            text,
            width: u32::try_from(width).unwrap_or(u32::MAX),
            caps: upper >= 4 && lower * 10 <= upper,
        }
    }
}

/// Splits a text into lines (the LF belongs to no line). A big text is cut into pieces of
/// about [`LINES_PIECE`] bytes at line ends, whose lines are counted, then made into the
/// one vector in parallel, each piece into its own part of it.
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    use rayon::prelude::*;
    let bytes = text.as_bytes();
    // Where each piece starts: a line's start.
    let mut starts = vec![0];
    while let Some(&last) = starts.last() {
        let at = last + LINES_PIECE;
        match bytes.get(at..).and_then(|rest| memchr::memchr(b'\n', rest)) {
            Some(nl) if at + nl + 1 < text.len() => starts.push(at + nl + 1),
            _ => break,
        }
    }
    let pieces: Vec<(usize, usize)> = starts
        .iter()
        .zip(starts.iter().skip(1).chain([&text.len()]))
        .map(|(&s, &e)| (s, e))
        .collect();
    // Counted first: a big document's lines are held at once, and a vector grown by
    // doubling would hold up to twice the room (and copy it).
    let counts: Vec<usize> = pieces
        .par_iter()
        .map(|&(s, e)| lines_in(&text[s..e]))
        .collect();
    let placeholder = Line {
        start: 0,
        text: "",
        width: 0,
        caps: false,
    };
    let mut out = vec![placeholder; counts.iter().sum()];
    let mut parts = Vec::with_capacity(pieces.len());
    let mut rest = out.as_mut_slice();
    for &n in &counts {
        let (part, tail) = rest.split_at_mut(n);
        parts.push(part);
        rest = tail;
    }
    parts
        .into_par_iter()
        .zip(pieces)
        .for_each(|(part, (s, e))| fill_lines(text, s, e, part));
    out
}

/// Bytes of text cut into lines as one task of the thread pool.
const LINES_PIECE: usize = 1 << 20;

/// How many lines [`fill_lines`] makes of `piece` (a whole number of lines).
fn lines_in(piece: &str) -> usize {
    let ends = memchr::memchr_iter(b'\n', piece.as_bytes()).count();
    ends + usize::from(!piece.ends_with('\n') && !piece.is_empty())
}

/// Makes the lines of `text[start..end]` (a whole number of lines) into `out`.
fn fill_lines<'a>(text: &'a str, start: usize, end: usize, out: &mut [Line<'a>]) {
    let mut slots = out.iter_mut();
    let mut from = start;
    for nl in memchr::memchr_iter(b'\n', &text.as_bytes()[start..end]) {
        let nl = start + nl;
        if let Some(slot) = slots.next() {
            *slot = Line::new(from, &text[from..nl]);
        }
        from = nl + 1;
    }
    if from < end
        && let Some(slot) = slots.next()
    {
        *slot = Line::new(from, &text[from..end]);
    }
}

/// Lines measured as one task of the thread pool.
const MEASURE_LINES: usize = 4096;

/// Document-wide measurements.
#[derive(Debug)]
pub(super) struct Layout<'a> {
    /// The width of a full line (90th percentile of line widths), in characters.
    pub width: usize,
    /// Whether there were enough lines to measure the width.
    pub measured: bool,
    /// Every line is followed by a blank line, so a single blank line is not a paragraph break.
    pub double_spaced: bool,
    /// Lines that end inside a sentence normally end with a space; a line ending in a
    /// letter without one is a sign of a lost hyphen.
    pub trailing_space_convention: bool,
    /// Hashes of the lowercased words seen in the middle of a line; built on first use
    /// (many documents never need it).
    vocab: std::sync::OnceLock<FastSet<u64>>,
    /// Lowercased words spelled with an inner hyphen somewhere in the middle of a line.
    hyphenated: FastSet<String>,
    lines: &'a [Line<'a>],
}

impl<'a> Layout<'a> {
    pub fn measure(lines: &'a [Line<'a>]) -> Layout<'a> {
        use rayon::prelude::*;
        // Counts and sets over the lines, made in parallel runs of lines and added up.
        let mut widths: Vec<usize> = lines
            .par_iter()
            .with_min_len(MEASURE_LINES)
            .filter(|l| !l.is_blank())
            .map(Line::width)
            .collect();
        // The 90th percentile: the width that a sort would put there.
        let at = widths.len() * 9 / 10;
        let width = if at < widths.len() {
            *widths.select_nth_unstable(at).1
        } else {
            80
        }
        .max(40);

        let nonblank = widths.len();
        let followed_by_blank = lines
            .par_windows(2)
            .with_min_len(MEASURE_LINES)
            .filter(|w| !w[0].is_blank() && w[1].is_blank())
            .count();
        let double_spaced = nonblank >= 6 && followed_by_blank * 10 >= nonblank * 6;

        let (mid_sentence, with_space) = lines
            .par_iter()
            .with_min_len(MEASURE_LINES)
            .filter(|l| l.last_char().is_some_and(|c| c.is_alphabetic() || c == ','))
            .map(|l| (1usize, usize::from(l.has_trailing_space())))
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let trailing_space_convention = mid_sentence >= 10 && with_space * 10 >= mid_sentence * 7;

        Layout {
            width,
            measured: widths.len() >= 8,
            double_spaced,
            trailing_space_convention,
            vocab: std::sync::OnceLock::new(),
            hyphenated: lines
                .par_chunks(MEASURE_LINES)
                .map(hyphenated_words)
                .reduce(FastSet::default, |a, b| {
                    let (mut a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                    a.extend(b);
                    a
                }),
            lines,
        }
    }

    /// Whether a line is short of a full line (a paragraph's last line, a heading).
    pub fn is_short(&self, line: &Line<'_>) -> bool {
        line.width() * 10 < self.width * 7
    }

    /// Whether a line is about as wide as a full line (never said of a page too short
    /// to measure).
    pub fn is_full(&self, line: &Line<'_>) -> bool {
        self.measured && line.width() * 100 >= self.width * 85
    }

    /// Whether the lowercased `word` occurs in the middle of some line.
    pub fn knows(&self, word: &str) -> bool {
        self.vocab
            .get_or_init(|| vocabulary(self.lines))
            .contains(&word_hash(word))
    }

    /// Whether the document spells `left` and `right` joined with a hyphen elsewhere
    /// (in any inflection: the right part is compared on its first letters).
    pub fn spells_hyphenated(&self, left: &str, right: &str) -> bool {
        self.hyphenated.contains(&hyphen_key(left, right))
    }
}

/// Hashes of the words in the middle of lines: neither the first nor the last word of a
/// line, which may be fragments of a word broken across lines. A long document's lines
/// are read in one run per thread, and the sets put together (a set: the same for any
/// number of threads).
fn vocabulary(lines: &[Line<'_>]) -> FastSet<u64> {
    use rayon::prelude::*;
    const MIN_LINES: usize = 8192;
    let per_thread = lines.len().div_ceil(rayon::current_num_threads());
    if lines.len() < 2 * MIN_LINES || per_thread >= lines.len() {
        return vocabulary_of(lines);
    }
    lines
        .par_chunks(per_thread.max(MIN_LINES))
        .map(vocabulary_of)
        .reduce(FastSet::default, |a, b| {
            let (mut a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            a.extend(b);
            a
        })
}

fn vocabulary_of(lines: &[Line<'_>]) -> FastSet<u64> {
    let mut scan = VocabularyScan::default();
    for l in lines {
        scan.line(l.text);
    }
    scan.vocab
}

/// The vocabulary of lines read in one pass over their bytes: the words (runs of letters
/// and hyphens that hold a letter) are cut, split at their hyphens and hashed ([`word_hash`]) as the bytes go by, and a word's
/// parts are added once the next word shows that it was not the line's last. No word is
/// looked at twice, and nothing is allocated per word.
#[derive(Default)]
struct VocabularyScan {
    vocab: FastSet<u64>,
    /// The parts of the line's last complete word, added if another word follows.
    pending: Vec<u64>,
    /// The parts of the word being read.
    current: Vec<u64>,
    /// Complete words so far on the line.
    words: usize,
    /// Inside a word (letters and hyphens).
    in_word: bool,
    /// The hash of the part being read, and its length in characters.
    hash: ByteHasher,
    part_len: usize,
}

impl VocabularyScan {
    fn end_part(&mut self) {
        if self.part_len > 0 {
            self.current.push(self.hash.finish());
        }
        self.hash = ByteHasher::default();
        self.part_len = 0;
    }

    fn end_word(&mut self) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        self.end_part();
        // A run of hyphens alone is no word.
        if self.current.is_empty() {
            return;
        }
        self.words += 1;
        // The pending word is neither the first nor (now) the last of the line.
        if self.words >= 3 {
            self.vocab.extend(self.pending.iter().copied());
        }
        std::mem::swap(&mut self.pending, &mut self.current);
        self.current.clear();
    }

    fn line(&mut self, text: &str) {
        self.words = 0;
        self.pending.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                if b.is_ascii_alphabetic() {
                    self.in_word = true;
                    self.hash.push(b.to_ascii_lowercase());
                    self.part_len += 1;
                } else if b == b'-' {
                    self.in_word = true;
                    self.end_part();
                } else {
                    self.end_word();
                }
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                if c.is_alphabetic() {
                    self.in_word = true;
                    let mut buf = [0u8; 4];
                    for lower in c.to_lowercase() {
                        for &b in lower.encode_utf8(&mut buf).as_bytes() {
                            self.hash.push(b);
                        }
                    }
                    self.part_len += 1;
                } else {
                    self.end_word();
                }
            }
        }
        // The line's last word shows that the one before it was not the last; it is
        // never added itself.
        self.end_word();
        self.pending.clear();
    }
}

/// The words spelled with an inner hyphen (`anti-sowjetisch`) in the middle of lines,
/// found from the hyphens alone, without reading every word.
fn hyphenated_words(lines: &[Line<'_>]) -> FastSet<String> {
    let mut out = FastSet::default();
    for l in lines {
        let text = l.text;
        let bytes = text.as_bytes();
        let is_word = |c: char| c.is_alphabetic() || c == '-';
        for p in memchr::memchr_iter(b'-', bytes) {
            let before = text[..p].chars().next_back();
            let after = text[p + 1..].chars().next();
            if !(before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic))
            {
                continue;
            }
            let start = text[..p]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_word(c))
                .last()
                .map_or(p, |(i, _)| i);
            let end = p + text[p..]
                .char_indices()
                .take_while(|&(_, c)| is_word(c))
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            // Not the first or the last word of the line.
            let first = !text[..start].chars().any(char::is_alphabetic);
            let last = !text[end..].chars().any(char::is_alphabetic);
            if first || last {
                continue;
            }
            let w = text[start..end].trim_matches('-');
            if let Some((left, right)) = w.split_once('-') {
                out.insert(hyphen_key(left, right));
            }
        }
    }
    out
}

/// `anti-sowjetische` and `anti-sowjetisch` share the key `anti-sowje`.
fn hyphen_key(left: &str, right: &str) -> String {
    let mut key: String = left.chars().flat_map(char::to_lowercase).collect();
    key.push('-');
    key.extend(right.chars().take(5).flat_map(char::to_lowercase));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vocabulary as the words iterator and the hash of a whole word make it: the
    /// reference for the one-pass scan.
    fn vocabulary_slow(lines: &[Line<'_>]) -> FastSet<u64> {
        let mut vocab = FastSet::default();
        for l in lines {
            let mut words = Words::new(l.text).skip(1).peekable();
            while let Some(w) = words.next() {
                if words.peek().is_none() {
                    break;
                }
                for part in w.split('-').filter(|p| !p.is_empty()) {
                    vocab.insert(word_hash(part));
                }
            }
        }
        vocab
    }

    const PIECES: &[&str] = &[
        "Kol",
        "chosen",
        "-",
        "--",
        " ",
        "  ",
        "\n",
        "ÜBER",
        "Straße",
        "İst",
        "e\u{301}",
        "é",
        "1917",
        ".",
        ",",
        "«",
        "–",
        "\u{a0}",
        "Anti",
        "-Sowjet",
        "ΣΟΦΊΑ",
        "x",
        "\t",
        "ǅ",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        #[test]
        fn the_one_pass_vocabulary_is_the_words_hashed_one_by_one(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            noise in "\\PC{0,40}",
        ) {
            for text in [pieces.concat(), noise.clone(), format!("{}{noise}", pieces.join(""))] {
                let lines = lines(&text);
                proptest::prop_assert!(vocabulary_of(&lines) == vocabulary_slow(&lines), "{:?}", text);
            }
        }
    }

    /// The lines one by one, as the parallel pieces must make them.
    fn lines_serial(text: &str) -> Vec<Line<'_>> {
        let mut out = Vec::new();
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
            out.push(Line::new(start, &text[start..nl]));
            start = nl + 1;
        }
        if start < text.len() {
            out.push(Line::new(start, &text[start..]));
        }
        out
    }

    #[test]
    fn lines_made_in_pieces_are_the_lines_one_by_one() {
        let key = |lines: &[Line<'_>]| -> Vec<(usize, String, usize, bool)> {
            lines
                .iter()
                .map(|l| (l.start, l.text.to_string(), l.width(), l.caps))
                .collect()
        };
        // Pieces of LINES_PIECE bytes cut at line ends: texts around a piece's size, with
        // and without a final LF, blank lines and a line longer than a piece.
        let page: String = (0..30_000)
            .map(|i| match i % 5 {
                0 => String::new(),
                1 => "DAS WINOGRADOW-TREFFEN  ".to_string(),
                _ => format!("Zeile {i} über die Kolchose"),
            } + "\n")
            .collect();
        let long = "x".repeat(LINES_PIECE + 7);
        for text in [
            String::new(),
            "\n".to_string(),
            "ohne Ende".to_string(),
            page.clone() + &page + &page,
            page.clone() + &page + "ohne Ende",
            format!("{page}{long}\n{page}"),
            format!("{long}{long}"),
        ] {
            assert_eq!(
                key(&lines(&text)),
                key(&lines_serial(&text)),
                "{} bytes",
                text.len()
            );
        }
    }

    #[test]
    fn the_page_is_measured_the_same_for_any_number_of_threads() {
        // Runs of lines of different widths, double spacing in places, trailing spaces on
        // some lines, hyphenated words in the middle of lines: several runs of lines.
        let text: String = (0..6 * MEASURE_LINES)
            .map(|i| match i % 7 {
                0 => String::new(),
                1 => format!("Die anti-sowjetische Haltung Nr. {i} der Kolchose, "),
                2 => "kurz".to_string(),
                3 => format!("{} und die SPD-Führung {i}", "Wort ".repeat(i % 13)),
                _ => format!("Zeile {i} mit Be-Wort{} darin,", i % 97),
            } + "\n")
            .collect();
        let lines = lines(&text);
        let measure = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let page = pool.install(|| Layout::measure(&lines));
            (
                page.width,
                page.measured,
                page.double_spaced,
                page.trailing_space_convention,
                page.hyphenated,
            )
        };
        let one = measure(1);
        assert!(one.4.contains(&hyphen_key("anti", "sowjetische")));
        for threads in [2, 3] {
            assert!(measure(threads) == one, "{threads} threads");
        }
    }

    #[test]
    fn word_hashes_ignore_case_and_tell_words_apart() {
        assert_eq!(word_hash("Kolchosbauern"), word_hash("KOLCHOSBAUERN"));
        assert_eq!(word_hash("Über"), word_hash("über"));
        let words: Vec<String> = (0..20_000)
            .map(|i| format!("{}{}", "ab".repeat(i % 9), i))
            .chain((0..20_000).map(|i| format!("kolchos{i}bauer")))
            .chain(["a", "aa", "aaaaaaaa", "aaaaaaaaa", "ü", "u"].map(String::from))
            .collect();
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| word_hash(w)).collect();
        assert_eq!(hashes.len(), words.len());
    }

    #[test]
    fn the_vocabulary_is_the_same_for_any_number_of_threads() {
        let text: String = (0..40_000)
            .map(|i| format!("Zeile {i} mit Kol-\nchosen und Wort{} darin\n", i % 977))
            .collect();
        let lines = lines(&text);
        let one = vocabulary_of(&lines);
        assert!(one.contains(&word_hash("mit")) && !one.contains(&word_hash("chosen")));
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            assert!(
                pool.install(|| vocabulary(&lines)) == one,
                "{threads} threads"
            );
        }
    }
}
