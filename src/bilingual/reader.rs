//! The XML events the bilingual readers need, with their places in the document: element
//! starts with their namespace and attributes, ends, and text (raw, decoded into a
//! [`Text`] on demand so that every character keeps its place). Open elements are tracked,
//! so that a file cut off is reported where it ends, naming the element left open.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use super::Text;
use crate::error::{Error, Result};
use crate::source::Document;

/// The start of the XLIFF namespaces (`…:1.2`, `…:2.0`, `…:2.2`).
pub(super) const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:";

/// An element's start tag.
#[derive(Debug)]
pub(super) struct Start {
    /// The local name (without a prefix).
    pub name: String,
    /// The namespace, if the element is in one.
    pub namespace: Option<String>,
    /// In no namespace (TMX, old XLIFF) or an XLIFF namespace: not a foreign extension.
    pub core: bool,
    /// Attributes by their name as written (`id`, `xml:lang`, `mq:status`), unescaped.
    pub attrs: Vec<(String, String)>,
    /// Byte offset of its `<` in the document's text.
    pub offset: usize,
    /// `<x/>`: no content and no end tag follow.
    pub empty: bool,
}

impl Start {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether it is the core element `name`.
    pub fn is(&self, name: &str) -> bool {
        self.core && self.name == name
    }
}

/// What the readers see.
#[derive(Debug)]
pub(super) enum Item {
    Start(Start),
    End,
    /// Character data at `start..end` of the document's text: raw (entities not yet
    /// decoded) or, for a CDATA section, its content.
    Text {
        start: usize,
        end: usize,
        cdata: bool,
    },
    Eof,
}

pub(super) struct Reader<'d> {
    doc: &'d Document,
    xml: NsReader<&'d [u8]>,
    /// The elements open, with the offsets of their start tags.
    open: Vec<(String, usize)>,
}

impl<'d> Reader<'d> {
    pub fn new(doc: &'d Document) -> Reader<'d> {
        Reader {
            doc,
            xml: NsReader::from_str(doc.text()),
            open: Vec::new(),
        }
    }

    /// A syntax error at byte `offset` of the document's text.
    pub fn error_at(&self, offset: usize, message: String) -> Error {
        let (line, column) = self.doc.line_col(offset);
        Error::Syntax {
            path: self.doc.name().to_string(),
            line,
            column,
            message,
        }
    }

    /// The next item; comments, processing instructions, the XML declaration and the
    /// DTD are passed over (the DTD is never read).
    pub fn next(&mut self) -> Result<Item> {
        loop {
            let before = self.xml.buffer_position() as usize;
            let (ns, event) = match self.xml.read_resolved_event() {
                Ok(x) => x,
                Err(e) => {
                    let at = self.xml.error_position() as usize;
                    return Err(self.error_at(at, format!("not well-formed XML: {e}")));
                }
            };
            let namespace = match ns {
                ResolveResult::Bound(n) => Some(String::from_utf8_lossy(n.as_ref()).into_owned()),
                ResolveResult::Unbound => None,
                ResolveResult::Unknown(p) => {
                    Some(format!("undeclared prefix {}", String::from_utf8_lossy(&p)))
                }
            };
            let after = self.xml.buffer_position() as usize;
            return Ok(match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(event, Event::Empty(_));
                    let mut attrs = Vec::new();
                    for a in e.attributes() {
                        let a = a.map_err(|err| {
                            self.error_at(before, format!("not well-formed XML: {err}"))
                        })?;
                        let value = a.unescape_value().map_err(|err| {
                            self.error_at(before, format!("not well-formed XML: {err}"))
                        })?;
                        attrs.push((
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            value.into_owned(),
                        ));
                    }
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    if !empty {
                        self.open.push((name.clone(), before));
                    }
                    Item::Start(Start {
                        core: namespace.as_deref().is_none_or(|n| n.starts_with(XLIFF_NS)),
                        namespace,
                        name,
                        attrs,
                        offset: before,
                        empty,
                    })
                }
                Event::End(_) => {
                    self.open.pop();
                    Item::End
                }
                Event::Text(_) => Item::Text {
                    start: before,
                    end: after,
                    cdata: false,
                },
                Event::CData(_) => Item::Text {
                    start: before + "<![CDATA[".len(),
                    end: after.saturating_sub("]]>".len()),
                    cdata: true,
                },
                Event::Eof => {
                    if let Some((name, at)) = self.open.last() {
                        let (line, column) = self.doc.line_col(*at);
                        return Err(self.error_at(
                            self.doc.text().len(),
                            format!("the file ends inside <{name}> (opened at {line}:{column}): it is cut off"),
                        ));
                    }
                    Item::Eof
                }
                _ => continue,
            });
        }
    }

    /// The 1-based line and column of a byte offset of the document's text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.doc.line_col(offset)
    }

    /// The byte offset the reader has reached.
    pub fn position(&self) -> usize {
        self.xml.buffer_position() as usize
    }

    /// Reads past the end of the element whose start was just read (nothing for an empty
    /// one).
    pub fn skip(&mut self, start: &Start) -> Result<()> {
        if start.empty {
            return Ok(());
        }
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Item::Start(s) if !s.empty => depth += 1,
                Item::End => depth -= 1,
                Item::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// After the root element: only comments and white space may follow.
    pub fn finish(&mut self) -> Result<()> {
        loop {
            let at = self.position();
            match self.next()? {
                Item::Eof => return Ok(()),
                Item::Text { start, end, .. } if self.doc.text()[start..end].trim().is_empty() => {}
                _ => {
                    return Err(self.error_at(
                        at,
                        "not well-formed XML: content after the root element".into(),
                    ));
                }
            }
        }
    }

    /// Appends the text at `start..end` to `out`, decoding the predefined entities and
    /// character references (a CDATA section is taken as it is). Any other entity is an
    /// error: the DTD that could declare it is never read.
    pub fn decode_into(&self, start: usize, end: usize, cdata: bool, out: &mut Text) -> Result<()> {
        let s = self.doc.text().get(start..end).unwrap_or_default();
        if cdata {
            out.push(s, start);
            return Ok(());
        }
        let mut last = 0;
        while let Some(i) = s[last..].find('&').map(|i| last + i) {
            out.push(&s[last..i], start + last);
            let name_end = s[i..]
                .char_indices()
                .take(12)
                .find(|&(_, c)| c == ';')
                .map(|(k, _)| i + k)
                .ok_or_else(|| {
                    self.error_at(
                        start + i,
                        "not well-formed XML: `&` that starts no entity (write `&amp;`)".into(),
                    )
                })?;
            let name = &s[i + 1..name_end];
            let ch = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "apos" => Some('\''),
                "quot" => Some('"'),
                _ => name.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix('x') {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            let Some(ch) = ch else {
                return Err(self.error_at(
                    start + i,
                    format!(
                        "unknown entity `&{name};`: glossa decodes the five XML entities and character references, never entities a DTD declares"
                    ),
                ));
            };
            let mut buf = [0u8; 4];
            out.push(ch.encode_utf8(&mut buf), start + i);
            last = name_end + 1;
        }
        out.push(&s[last..], start + last);
        Ok(())
    }
}

/// The native codes whose content is not text (XLIFF 1.2 and TMX): their content, `<sub>`
/// flows included, is skipped. XLIFF 2's `<ph/>` is always empty.
const CODES: [&str; 6] = ["ph", "bpt", "ept", "it", "ut", "sub"];

/// Text a reviser deleted with track changes on (Trados Studio's `<mrk
/// mtype="x-sdl-deleted">`): no longer part of the translation.
fn deleted(s: &Start) -> bool {
    s.name == "mrk" && s.attr("mtype") == Some("x-sdl-deleted")
}

/// The content of a `<source>`, `<seg-source>`, `<target>` or `<seg>`.
#[derive(Debug, Default)]
pub(super) struct Content {
    /// All its text.
    pub whole: Text,
    /// With segment markers asked for: the text of each `<mrk mtype="seg">`, by `mid`.
    pub segments: Vec<(String, Text)>,
}

/// Reads the content of the element `start` (just read) up to its end: text of its own and
/// of `<g>`, `<mrk>`, `<pc>`, `<hi>` and other inline elements of the core namespace, not
/// of native codes ([`CODES`]) or of foreign elements. With `segments`, each `<mrk
/// mtype="seg">` is also a segment of its own.
pub(super) fn read_content(r: &mut Reader<'_>, start: &Start, segments: bool) -> Result<Content> {
    let mut out = Content::default();
    if start.empty {
        return Ok(out);
    }
    let mut depth = 1usize;
    // The depth at which the segment marker being read was opened.
    let mut in_segment: Option<usize> = None;
    loop {
        match r.next()? {
            Item::Text { start, end, cdata } => {
                r.decode_into(start, end, cdata, &mut out.whole)?;
                if in_segment.is_some()
                    && let Some((_, seg)) = out.segments.last_mut()
                {
                    r.decode_into(start, end, cdata, seg)?;
                }
            }
            Item::Start(s) => {
                if !s.core || CODES.contains(&s.name.as_str()) || deleted(&s) {
                    r.skip(&s)?;
                } else if !s.empty {
                    // An inline element that holds text (placeholders are empty).
                    depth += 1;
                    if segments
                        && in_segment.is_none()
                        && s.name == "mrk"
                        && s.attr("mtype") == Some("seg")
                    {
                        let mid = s
                            .attr("mid")
                            .map_or_else(|| (out.segments.len() + 1).to_string(), str::to_string);
                        out.segments.push((mid, Text::default()));
                        in_segment = Some(depth);
                    }
                }
            }
            Item::End => {
                if in_segment == Some(depth) {
                    in_segment = None;
                }
                depth -= 1;
                if depth == 0 {
                    return Ok(out);
                }
            }
            Item::Eof => return Ok(out),
        }
    }
}
