//! Bilingual files of CAT tools, read as translation input that is already aligned segment
//! by segment: XLIFF 1.2 (and 1.0, 1.1) and XLIFF 2.x as OmegaT, memoQ (`.mqxliff`), Trados
//! Studio (`.sdlxliff`) and Okapi write them, and TMX (1.4b, and 1.1 to 1.4).
//!
//! [`parse`] reads a decoded [`Document`] into a [`Bilingual`]: its [`SegmentPair`]s, each
//! with the segment's id, the source and target as plain [`Text`] and their languages.
//! Every character of a [`Text`] maps back to its place in the document, so a term found in
//! a segment is shown at the file's own `line:column`.
//!
//! What is text and what is not:
//!
//! - Inline markup is not text but keeps positions right: the content of `<g>`, `<mrk>`,
//!   `<pc>` (XLIFF 2) and `<hi>` (TMX) is text; `<x/>`, `<bx/>`, `<ex/>`, `<sc/>`, `<ec/>`,
//!   `<sm/>`, `<em/>`, `<cp/>` and XLIFF 2's `<ph/>` are nothing; the content of the native
//!   codes `<ph>`, `<bpt>`, `<ept>`, `<it>` and `<ut>` (XLIFF 1.2, TMX), `<sub>` flows
//!   inside them included, is skipped, and so is text deleted with track changes on
//!   (Trados Studio's `<mrk mtype="x-sdl-deleted">`).
//! - Entities (`&amp;`, `&#x4E2D;` …) and CDATA sections decode; a term after an entity is
//!   still placed where it stands in the file. The DTD is never read: an entity it declares
//!   is refused as unknown (no external entity is fetched, none is expanded).
//! - Elements of other namespaces (memoQ's `mq:`, Trados's `sdl:`, XLIFF 2 modules such as
//!   `mtc:matches`) are skipped with all they hold, and so are XLIFF 1.2's `<alt-trans>`
//!   (translation-memory proposals), `<note>`, `<context-group>`, `<bin-unit>`, XLIFF 2's
//!   `<originalData>`, `<notes>`, `<ignorable>`, and TMX's `<prop>` and `<note>`.
//!
//! Segments and their ids:
//!
//! - XLIFF 1.2: a `<trans-unit>` is one segment with the unit's `id`. When the unit is cut
//!   into `<mrk mtype="seg" mid="…">` in `<seg-source>` and `<target>` (Trados Studio,
//!   Okapi), each is a segment of its own, with the `mid` as its id and the unit's `id` as
//!   its unit; source and target segments pair by `mid`.
//! - XLIFF 2: each `<segment>` of a `<unit>`, with the segment's `id` (or, when it has
//!   none, its number in the unit, from 1) and the unit's `id`.
//! - TMX: a `<tu>`, with its `tuid` (or, when it has none, its number in the file, from 1).
//! - Units marked `translate="no"` (XLIFF 1.2 and 2, on a unit, a group or a file) are not
//!   for translation and are left out. A segment without a target, with an empty one, or
//!   with one whose `state` says it is not translated yet (XLIFF 1.2 `new` or
//!   `needs-translation` on the `<target>`, XLIFF 2 `initial` on the `<segment>`: tools
//!   copy the source there) is kept with [`SegmentPair::target`] `None`.
//!
//! Languages: XLIFF 1.2's `source-language` and `target-language` on `<file>`, XLIFF 2's
//! `srcLang` and `trgLang` on `<xliff>`, and `xml:lang` on a `<source>` or `<target>`,
//! which wins. TMX: the source is the `<tuv>` in the `srclang` of the `<tu>` or the
//! `<header>` (`*all*` or none: the first `<tuv>` not in English); the target is the
//! first other `<tuv>` in English (the glossary's renderings are English), else the first
//! other one. A `<tuv>` names its language with `xml:lang` (TMX 1.4) or `lang` (1.1).
//!
//! A file that is not well-formed XML, is cut off, or is neither XLIFF nor TMX is an
//! [`crate::error::Error::Syntax`] at the `line:column` where it breaks; never a panic.
//!
//! ```
//! use glossa::{bilingual, source::Document};
//!
//! let doc = Document::from_bytes("a.xlf", br#"<xliff version="1.2">
//! <file source-language="de" target-language="en"><body>
//! <trans-unit id="7"><source>Der <g id="1">Kolchos</g> &amp; die Bauern.</source>
//! <target>The kolkhoz &amp; the peasants.</target></trans-unit>
//! </body></file></xliff>"#)?;
//! let file = bilingual::parse(&doc)?;
//! let seg = &file.segments[0];
//! assert_eq!((seg.id.as_str(), seg.source.text.as_str()), ("7", "Der Kolchos & die Bauern."));
//! // `Kolchos` stands after the markup, at line 3, column 42 of the file.
//! let at = seg.source.doc_offset(seg.source.text.find("Kolchos").unwrap());
//! assert_eq!(doc.line_col(at), (3, 42));
//! # Ok::<(), glossa::error::Error>(())
//! ```

mod reader;
mod tmx;
mod xliff;

#[cfg(test)]
mod tests;

use std::path::Path;

use crate::error::Result;
use crate::source::Document;

/// The file extensions read as bilingual files (lower case, without the dot).
pub const EXTENSIONS: [&str; 5] = ["xlf", "xliff", "sdlxliff", "mqxliff", "tmx"];

/// Whether a path names a bilingual file, by its extension (case-insensitive).
pub fn is_bilingual(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The format of a bilingual file, told from its root element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// XLIFF 1.0, 1.1 or 1.2.
    Xliff1,
    /// XLIFF 2.0, 2.1 or 2.2.
    Xliff2,
    Tmx,
}

impl Format {
    /// The format's name, as messages show it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Xliff1 => "XLIFF 1.2",
            Format::Xliff2 => "XLIFF 2",
            Format::Tmx => "TMX",
        }
    }
}

/// Text read out of a `<source>`, `<target>` or `<seg>`, with a map back to the document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The text: markup left out, entities and CDATA decoded.
    pub text: String,
    /// Breakpoints `(text offset, document offset)`, sorted; between two, both advance
    /// together.
    map: Vec<(usize, usize)>,
}

impl Text {
    /// Appends `s`, which stands at byte `at` of the document's text.
    fn push(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        let continues = self
            .map
            .last()
            .is_some_and(|&(t, d)| self.text.len() - t == at.wrapping_sub(d));
        if !continues {
            self.map.push((self.text.len(), at));
        }
        self.text.push_str(s);
    }

    /// The byte offset in the document's text of byte `offset` of [`Text::text`].
    pub fn doc_offset(&self, offset: usize) -> usize {
        let i = self.map.partition_point(|&(t, _)| t <= offset);
        match i.checked_sub(1).map(|i| self.map[i]) {
            Some((t, d)) => d + (offset - t),
            None => self.map.first().map_or(0, |&(_, d)| d),
        }
    }

    /// Whether the text has nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// One segment of a bilingual file: a source and, once translated, its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentPair {
    /// The segment's id (see the module documentation for where it comes from).
    pub id: String,
    /// The id of the unit the segment is part of, when it is not the segment itself
    /// (XLIFF 1.2 `<mrk mtype="seg">` segments, XLIFF 2 segments).
    pub unit: Option<String>,
    pub source: Text,
    /// `None`: no target, or an empty one (not translated yet).
    pub target: Option<Text>,
    /// The source language as the file names it (`de-DE`), if it does.
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
}

impl SegmentPair {
    /// The segment's id and unit, as findings name them.
    pub fn reference(&self) -> SegmentRef {
        SegmentRef {
            segment: self.id.clone(),
            unit: self.unit.clone(),
        }
    }

    /// How messages name the segment: `segment 12` or `segment 2 of unit u7`.
    pub fn label(&self) -> String {
        self.reference().label()
    }
}

/// Which segment of a bilingual file something is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SegmentRef {
    /// The segment's id ([`SegmentPair::id`]).
    pub segment: String,
    /// The unit's id, when it is not the segment itself ([`SegmentPair::unit`]).
    pub unit: Option<String>,
}

impl SegmentRef {
    /// `segment 12`, or `segment 2 of unit u7`.
    pub fn label(&self) -> String {
        match &self.unit {
            Some(unit) => format!("segment {} of unit {unit}", self.segment),
            None => format!("segment {}", self.segment),
        }
    }
}

/// A bilingual file read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bilingual {
    pub format: Format,
    /// The segments in file order.
    pub segments: Vec<SegmentPair>,
}

/// Reads an XLIFF or TMX document (the format is told from its root element).
pub fn parse(doc: &Document) -> Result<Bilingual> {
    let mut r = reader::Reader::new(doc);
    let root = loop {
        match r.next()? {
            reader::Item::Start(e) => break e,
            reader::Item::Eof => {
                return Err(r.error_at(r.position(), "no root element: the file is empty".into()));
            }
            reader::Item::Text { .. } | reader::Item::End => {}
        }
    };
    let format = match (root.name.as_str(), root.core) {
        ("xliff", true) => {
            let version = root.attr("version").unwrap_or_default();
            let ns = root.namespace.as_deref().unwrap_or_default();
            if version.starts_with('2')
                || (version.is_empty() && ns.starts_with(reader::XLIFF_NS) && !ns.ends_with(":1.2"))
            {
                Format::Xliff2
            } else if version.is_empty() || version.starts_with('1') {
                Format::Xliff1
            } else {
                return Err(r.error_at(
                    root.offset,
                    format!(
                        "XLIFF version `{version}` is not one glossa reads (1.0 to 1.2, 2.0 to 2.2)"
                    ),
                ));
            }
        }
        ("tmx", true) => Format::Tmx,
        (name, _) => {
            return Err(r.error_at(
                root.offset,
                format!("not an XLIFF or TMX file: the root element is <{name}>, expected <xliff> or <tmx>"),
            ));
        }
    };
    let segments = match format {
        Format::Xliff1 => xliff::read_v1(&mut r, &root)?,
        Format::Xliff2 => xliff::read_v2(&mut r, &root)?,
        Format::Tmx => tmx::read(&mut r, &root)?,
    };
    r.finish()?;
    Ok(Bilingual { format, segments })
}

/// The primary language subtag of a language tag, lower case (`de-DE` → `de`).
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}
