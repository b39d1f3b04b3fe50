//! Stage 2, normalise: undo what PDF extraction did to a text, without losing a byte.
//!
//! The input is a decoded document text. The output, [`Normalized`], is
//!
//! - a partition of the whole text into [`Region`]s of body text, footnotes and page
//!   furniture (page numbers, running heads, footnote separators): every byte of the
//!   input lies in exactly one region;
//! - a list of [`Block`]s in reading order (paragraphs, headings, footnote entries), each
//!   a [`MappedText`] whose every byte maps back to the document text.
//!
//! The steps, each a small function over the document's lines:
//!
//! 1. `layout`: measure the page (line width, whether blank lines double-space every
//!    line or separate paragraphs, whether lines end with a trailing space);
//! 2. classify each line: body, heading, footnote entry, furniture (`classify`);
//! 3. join the body lines of a paragraph (`join`): undo line-break hyphenation
//!    (`Be-\nsatzungsmacht`), keep real hyphens (`SPD-\nFührung`), rejoin words whose
//!    hyphen was lost (`Sow\n\njetunion`) when the document's own vocabulary says so, and
//!    rejoin a sentence that a footnote block or a page break interrupted, but end the
//!    paragraph where the language changes (function words of [`crate::lang`] before and
//!    after a blank line or a sentence start). How each pair of consecutive lines would
//!    join is decided in parallel runs of pairs; where each block starts is decided
//!    serially from those (the languages on either side of a break are read from the
//!    block's first line on); then the blocks' texts are built in parallel batches, in
//!    order. Everything line by line (lines, shapes, glued numbers, function words, the
//!    page's measures and vocabulary) runs in parallel runs of lines and is put together
//!    in order or as counts and sets: the same for any number of threads;
//! 4. inside each line: collapse whitespace, drop soft hyphens, detach footnote reference
//!    numbers glued to words (`geradlinig.357`), compose to NFC.

mod classify;
mod join;
mod layout;
mod mapped;
mod marks;

pub(crate) use join::looks_like_heading;
pub use mapped::MappedText;

use crate::lang::FunctionWords;
use crate::span::Span;

/// What a region of the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    /// Running text, headings included.
    Body,
    /// Footnote entries (their numbers included).
    Footnote,
    /// Page numbers, running heads, footnote separator lines.
    Furniture,
}

/// Why a line was set aside as page furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FurnitureKind {
    /// A number alone on its line, outside the footnote numbering.
    PageNumber,
    /// A short line repeated at page-like intervals (a title, an author's name).
    RunningHead,
    /// A rule or a long run of spaces before the footnotes.
    Separator,
}

impl FurnitureKind {
    /// The kind's name (`page-number`, `running-head`, `separator`).
    pub fn as_str(self) -> &'static str {
        match self {
            FurnitureKind::PageNumber => "page-number",
            FurnitureKind::RunningHead => "running-head",
            FurnitureKind::Separator => "separator",
        }
    }
}

/// A line of text left out of the body and the footnotes as page furniture, reported so
/// that nothing is dropped in silence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub kind: FurnitureKind,
    /// The line's text, without surrounding white space, in the document text.
    pub span: Span,
}

/// A run of the document text of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub kind: RegionKind,
    /// Byte range of the document text.
    pub span: Span,
}

/// What a block of normalised text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph of running text (one or more sentences).
    Paragraph,
    /// A heading on a line (or lines) of its own.
    Heading,
    /// One footnote entry.
    Footnote,
}

/// A footnote reference number detached from the word it was glued to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FootnoteRef {
    /// The number as printed.
    pub number: u32,
    /// Where the digits are in the document text.
    pub span: Span,
}

/// A unit of normalised text in reading order.
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// The normalised text, mapped back to the document text.
    pub text: MappedText,
    /// For a footnote entry, its number.
    pub footnote: Option<u32>,
    /// Footnote reference numbers detached from this block's words.
    pub refs: Vec<FootnoteRef>,
    /// The function words of `text`, as [`FunctionWords::count`] counts them: counted
    /// once, where the text is built, for the abbreviation rules of segmentation
    /// ([`crate::segment::block_rules`]) and for any later stage that weighs a block's
    /// languages.
    pub function_words: FunctionWords,
}

/// The result of normalising one document.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// A partition of the document text, in order.
    pub regions: Vec<Region>,
    /// Body blocks in reading order, then footnote entries in order.
    pub blocks: Vec<Block>,
    /// The furniture lines that hold text (page numbers, running heads), in order.
    pub dropped: Vec<Dropped>,
}

/// Normalises a document text (as decoded by [`crate::source`]).
pub fn normalize(text: &str) -> Normalized {
    let lines = layout::lines(text);
    let page = layout::Layout::measure(&lines);
    let glued = marks::Glued::find(&lines);
    let classes = classify::classify(&lines, &page, &glued);
    let regions = classify::regions(text, &lines, &classes);
    let blocks = join::blocks(&lines, &classes, &page, &glued);
    let dropped = classify::dropped(&lines, &classes);
    Normalized {
        regions,
        blocks,
        dropped,
    }
}

#[cfg(test)]
mod tests;
