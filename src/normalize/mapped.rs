//! [`MappedText`]: a normalised string that remembers where each piece came from.
//!
//! Modelled on huggingface tokenizers' `NormalizedString`: the text is built by appending
//! copies of source slices and replacements (a space for a line break, nothing for a
//! line-break hyphen), and every piece records its source range. Any range of the
//! normalised text maps back to a range of the source.

use crate::span::Span;

/// One piece of a [`MappedText`]: `norm` bytes of output made from `src` bytes of input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Chunk {
    /// Start of the piece in the normalised text.
    norm: usize,
    /// The source range it was made from.
    src: Span,
    /// Whether the piece is a verbatim copy (offsets inside it map one to one).
    copy: bool,
}

/// A string plus a map from its byte offsets to byte offsets of a source text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    chunks: Vec<Chunk>,
}

impl MappedText {
    /// An empty text.
    pub fn new() -> MappedText {
        MappedText::default()
    }

    /// An empty text with room for `bytes` bytes of text (and a piece per 32 bytes).
    pub fn with_capacity(bytes: usize) -> MappedText {
        MappedText {
            text: String::with_capacity(bytes),
            chunks: Vec::with_capacity(bytes / 32 + 1),
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `s`, a verbatim copy of the source starting at `src_start`.
    pub fn push_copy(&mut self, src_start: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let norm = self.text.len();
        self.text.push_str(s);
        let src = Span::new(src_start, src_start + s.len());
        if let Some(last) = self.chunks.last_mut()
            && last.copy
            && last.src.end == src_start
            && last.norm + last.src.len() == norm
        {
            last.src.end = src.end;
            return;
        }
        self.chunks.push(Chunk {
            norm,
            src,
            copy: true,
        });
    }

    /// Appends `s` (possibly empty) in place of the source range `src`.
    pub fn push_replacement(&mut self, src: Span, s: &str) {
        let norm = self.text.len();
        self.text.push_str(s);
        self.chunks.push(Chunk {
            norm,
            src,
            copy: false,
        });
    }

    /// The last character of the text.
    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Removes trailing spaces (and the pieces that made them) from the text.
    pub fn trim_end_spaces(&mut self) {
        let new_len = self.text.trim_end_matches(' ').len();
        self.truncate(new_len);
    }

    /// Shortens the text to `new_len` bytes (a char boundary), dropping the pieces past it.
    pub fn truncate(&mut self, new_len: usize) {
        if new_len >= self.text.len() {
            return;
        }
        self.text.truncate(new_len);
        while let Some(last) = self.chunks.last_mut() {
            if last.norm >= new_len {
                self.chunks.pop();
                continue;
            }
            if last.copy && last.norm + last.src.len() > new_len {
                last.src.end = last.src.start + (new_len - last.norm);
            }
            break;
        }
    }

    /// The source offset of normalised offset `i`, as the start of a range.
    pub fn source_start(&self, i: usize) -> usize {
        let k = self.chunks.partition_point(|c| c.norm <= i);
        if k == 0 {
            return self.chunks.first().map_or(0, |c| c.src.start);
        }
        let c = self.chunks[k - 1];
        if c.copy {
            (c.src.start + (i - c.norm)).min(c.src.end)
        } else if i == c.norm {
            c.src.start
        } else {
            c.src.end
        }
    }

    /// The source offset of normalised offset `i`, as the end of a range.
    pub fn source_end(&self, i: usize) -> usize {
        if i == 0 {
            return self.chunks.first().map_or(0, |c| c.src.start);
        }
        let k = self.chunks.partition_point(|c| c.norm < i);
        if k == 0 {
            return self.chunks.first().map_or(0, |c| c.src.start);
        }
        let c = self.chunks[k - 1];
        if c.copy {
            (c.src.start + (i - c.norm)).min(c.src.end)
        } else {
            c.src.end
        }
    }

    /// Maps a range of the normalised text to the source range it came from.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let s = self.source_start(start);
        let e = self.source_end(end).max(s);
        Span::new(s, e)
    }

    /// The source ranges copied verbatim into the text (used by the "nothing lost" checks).
    pub fn copied_sources(&self) -> impl Iterator<Item = Span> + '_ {
        self.chunks.iter().filter(|c| c.copy).map(|c| c.src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_and_replacements_map_back() {
        // source: "Be-\nsatzung macht"
        let mut m = MappedText::new();
        m.push_copy(0, "Be");
        m.push_replacement(Span::new(2, 4), "");
        m.push_copy(4, "satzung");
        m.push_replacement(Span::new(11, 13), " ");
        m.push_copy(13, "macht");
        assert_eq!(m.as_str(), "Besatzung macht");
        assert_eq!(m.source_span(0, 9), Span::new(0, 11));
        assert_eq!(m.source_span(2, 9), Span::new(4, 11));
        assert_eq!(m.source_span(10, 15), Span::new(13, 18));
    }

    #[test]
    fn adjacent_copies_merge() {
        let mut m = MappedText::new();
        m.push_copy(0, "ab");
        m.push_copy(2, "cd");
        assert_eq!(m.chunks.len(), 1);
        assert_eq!(m.source_span(1, 3), Span::new(1, 3));
    }

    #[test]
    fn trailing_spaces_are_trimmed_with_their_map() {
        let mut m = MappedText::new();
        m.push_copy(0, "ab");
        m.push_replacement(Span::new(2, 5), " ");
        m.trim_end_spaces();
        assert_eq!(m.as_str(), "ab");
        assert_eq!(m.source_span(0, 2), Span::new(0, 2));
    }
}
