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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `text` (lines end with LF).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
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
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
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
