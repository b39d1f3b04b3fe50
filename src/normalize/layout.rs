//! The page as a whole: lines, line width, spacing, and the document's own vocabulary.
//!
//! Decisions about a single line break are made with evidence from the whole document:
//! how wide a full line is, whether every line is followed by a blank one, whether lines
//! normally end with a space, which words occur in the middle of lines (and so are real
//! words, not fragments of a broken one), which words are spelled with a hyphen.

use std::collections::{HashMap, HashSet};

/// One line of the document text, without its LF.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character (the LF, if any, is at `end`).
    pub end: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
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
        self.text.trim_end().chars().count()
    }

    /// The first character that is not whitespace.
    pub fn first_char(&self) -> Option<char> {
        self.text.trim_start().chars().next()
    }

    /// The last character that is not whitespace.
    pub fn last_char(&self) -> Option<char> {
        self.text.trim_end().chars().next_back()
    }
}

/// Splits a text into lines (the LF belongs to no line).
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 60 + 1);
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(Line {
            start,
            end: nl,
            text: &text[start..nl],
        });
        start = nl + 1;
    }
    if start < text.len() {
        out.push(Line {
            start,
            end: text.len(),
            text: &text[start..],
        });
    }
    out
}

/// Document-wide measurements.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// The width of a full line (90th percentile of line widths), in characters.
    pub width: usize,
    /// Whether there were enough lines to measure the width.
    pub measured: bool,
    /// Every line is followed by a blank line, so a single blank line is not a paragraph break.
    pub double_spaced: bool,
    /// Lines that end inside a sentence normally end with a space; a line ending in a
    /// letter without one is a sign of a lost hyphen.
    pub trailing_space_convention: bool,
    /// Lowercased words seen in the middle of a line, with counts.
    vocab: HashMap<String, u32>,
    /// Lowercased words spelled with an inner hyphen somewhere in the middle of a line.
    hyphenated: HashSet<String>,
}

impl Layout {
    pub fn measure(text: &str, lines: &[Line<'_>]) -> Layout {
        let mut widths: Vec<usize> = lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(Line::width)
            .collect();
        widths.sort_unstable();
        let width = widths
            .get(widths.len() * 9 / 10)
            .copied()
            .unwrap_or(80)
            .max(40);

        let nonblank = lines.iter().filter(|l| !l.is_blank()).count();
        let followed_by_blank = lines
            .windows(2)
            .filter(|w| !w[0].is_blank() && w[1].is_blank())
            .count();
        let double_spaced = nonblank >= 6 && followed_by_blank * 10 >= nonblank * 6;

        let (mut mid_sentence, mut with_space) = (0usize, 0usize);
        for l in lines {
            if let Some(c) = l.last_char() {
                if c.is_alphabetic() || c == ',' {
                    mid_sentence += 1;
                    with_space += l.has_trailing_space() as usize;
                }
            }
        }
        let trailing_space_convention = mid_sentence >= 10 && with_space * 10 >= mid_sentence * 7;

        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut hyphenated = HashSet::new();
        let mut key = String::new();
        for l in lines {
            let words: Vec<&str> = l
                .text
                .split(|c: char| !(c.is_alphabetic() || c == '-'))
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let n = words.len();
            for (i, w) in words.iter().enumerate() {
                if i == 0 || i + 1 == n {
                    continue;
                }
                let w = w.trim_matches('-');
                if let Some((left, right)) = w.split_once('-') {
                    hyphenated.insert(hyphen_key(left, right));
                }
                for part in w.split('-') {
                    if part.is_empty() {
                        continue;
                    }
                    key.clear();
                    key.extend(part.chars().flat_map(char::to_lowercase));
                    if let Some(c) = vocab.get_mut(key.as_str()) {
                        *c += 1;
                    } else {
                        vocab.insert(key.clone(), 1);
                    }
                }
            }
        }
        let _ = text;
        Layout {
            width,
            measured: widths.len() >= 8,
            double_spaced,
            trailing_space_convention,
            vocab,
            hyphenated,
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
        self.vocab.contains_key(&word.to_lowercase())
    }

    /// Whether the document spells `left` and `right` joined with a hyphen elsewhere
    /// (in any inflection: the right part is compared on its first letters).
    pub fn spells_hyphenated(&self, left: &str, right: &str) -> bool {
        self.hyphenated.contains(&hyphen_key(left, right))
    }
}

/// `anti-sowjetische` and `anti-sowjetisch` share the key `anti-sowje`.
fn hyphen_key(left: &str, right: &str) -> String {
    let mut key: String = left.chars().flat_map(char::to_lowercase).collect();
    key.push('-');
    key.extend(right.chars().take(5).flat_map(char::to_lowercase));
    key
}
