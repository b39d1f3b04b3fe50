//! [`Span`]: a half-open byte range into a document.
//!
//! Every stage reports its results as spans into the *raw* input bytes, so a sentence, a
//! footnote or a term can always be shown at `file:line:col` of the original file, however
//! much the text was repaired on the way. [`LineIndex`] is the one place that turns a byte
//! offset into `line:column`.

use serde::Serialize;

/// A half-open byte range `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// The starts of the lines of a text: the one place that turns byte offsets into 1-based
/// lines and columns (columns count characters, as editors and compilers show them).
///
/// ```
/// use glossa::span::LineIndex;
/// let text = "ab\nüx\n";
/// let lines = LineIndex::new(text);
/// assert_eq!(lines.line_col(text, 5), (2, 2));
/// assert_eq!(lines.line_text(text, 2), "üx");
/// ```
///
/// A lookup costs a binary search and a count of at most [`MARK_STEP`] bytes, however
/// long the line: inside long lines the index keeps a mark every `MARK_STEP` bytes with the
/// characters before it on its line, so that a 20 MB text on one line costs no more per
/// sentence and per term than the same text in short lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(byte offset, characters from its line's start)`, ascending, at character
    /// boundaries about every [`MARK_STEP`] bytes of lines longer than that.
    marks: Vec<(usize, usize)>,
}

/// The most bytes [`LineIndex::line_col`] counts characters over.
pub const MARK_STEP: usize = 4096;

impl LineIndex {
    /// The line starts of `text` (lines end with LF).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(text.len(), |&next| next - 1);
            let (mut at, mut chars) = (start, 0);
            while end - at > MARK_STEP {
                let mut next = at + MARK_STEP;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                chars += text[at..next].chars().count();
                marks.push((next, chars));
                at = next;
            }
        }
        LineIndex { starts, marks }
    }

    /// The nearest place at or before `offset` on line `line` (1-based) whose column is
    /// known, as `(byte offset, characters from the line's start)`.
    fn anchor(&self, line: usize, offset: usize) -> (usize, usize) {
        let start = self.starts[line - 1];
        let i = self.marks.partition_point(|&(at, _)| at <= offset);
        match i.checked_sub(1).map(|i| self.marks[i]) {
            Some((at, chars)) if at >= start => (at, chars),
            _ => (start, 0),
        }
    }

    /// The number of lines (a final LF does not start another).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are no lines (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The 1-based line and column of `offset` in `text` (the text the index was built
    /// from). An offset inside a character counts as that character; one past the end is
    /// the end.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let (at, chars) = self.anchor(line, offset);
        (line, chars + text[at..offset].chars().count() + 1)
    }

    /// The text of the 1-based line `line`, without its LF (clamped to the lines there are).
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.starts[line.clamp(1, self.starts.len()) - 1];
        let end = self
            .starts
            .get(line.max(1))
            .map_or(text.len(), |&next| next - 1);
        &text[start..end.max(start)]
    }
}

/// The 1-based line and column of `offset` in `text`, for a one-off lookup (see
/// [`LineIndex`] for many).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_and_clamps() {
        let text = "ab\nüx\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // inside `ü` (bytes 3..5): that character
        assert_eq!(idx.line_col(text, 4), (2, 1));
        assert_eq!(idx.line_col(text, 5), (2, 2));
        assert_eq!(idx.line_col(text, 7), (3, 1));
        assert_eq!(idx.line_col(text, 99), (3, 1));
        assert_eq!(line_col(text, 5), (2, 2));
    }

    /// The naive column: characters from the line start, counted every time.
    fn naive(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, text[start..offset].chars().count() + 1)
    }

    #[test]
    fn long_lines_give_the_columns_of_a_full_count() {
        // Multi-byte characters straddle the mark steps; short and long lines alternate.
        let long = "Genosse Žukov sprach über die Kolchose … ".repeat(700);
        let text = format!("kurz\n{long}\n\nÄ\n{long}{long}");
        let idx = LineIndex::new(&text);
        let offsets = (0..=text.len()).filter(|&o| text.is_char_boundary(o));
        for o in offsets.step_by(97).chain([text.len()]) {
            assert_eq!(idx.line_col(&text, o), naive(&text, o), "offset {o}");
        }
        // The ends of the marks themselves.
        for &(at, _) in &idx.marks {
            assert_eq!(idx.line_col(&text, at), naive(&text, at), "mark {at}");
        }
    }

    /// Guards the cost: a lookup anywhere in a 4 MB line counts characters over at most
    /// `MARK_STEP` bytes (plus one character), and the marks stay a small fraction of the
    /// text. Counted, not timed.
    #[test]
    fn a_lookup_counts_a_bounded_stretch_of_one_long_line() {
        let text = "Der Volkskommissar las über die Kolchose. ".repeat(100_000);
        let idx = LineIndex::new(&text);
        assert!(idx.marks.len() <= text.len() / MARK_STEP);
        for offset in (0..text.len()).step_by(1013) {
            let (at, _) = idx.anchor(1, offset);
            assert!(
                at <= offset && offset - at <= MARK_STEP + 4,
                "{offset}: from {at}"
            );
        }
        // Short lines need no marks.
        assert!(LineIndex::new(&"kurz\n".repeat(10_000)).marks.is_empty());
    }

    #[test]
    fn line_text_without_its_newline() {
        let text = "eins\nzwei\ndrei";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 3);
        assert_eq!(idx.line_text(text, 1), "eins");
        assert_eq!(idx.line_text(text, 3), "drei");
        assert_eq!(idx.line_text(text, 0), "eins");
        assert_eq!(idx.line_text(text, 9), "drei");
    }
}
