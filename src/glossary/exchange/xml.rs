//! A small XML element tree for the TBX reader: names without their namespace prefix,
//! attributes, children and the concatenated text of each element.
//!
//! The reader never reads the DTD: quick-xml hands the `<!DOCTYPE …>` over as one event,
//! which is skipped, so no external entity is fetched (XXE) and no entity declared there
//! is expanded (billion laughs). Text and attributes are unescaped with the five
//! predefined entities and character references only; a reference to any other entity
//! fails, and the file is refused as not well-formed.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};

/// A minimal element tree.
#[derive(Debug, Default)]
pub(super) struct Node {
    pub(super) name: String,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) children: Vec<Node>,
    pub(super) text: String,
}

impl Node {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn descendants<'a>(&'a self, names: &[&str], out: &mut Vec<&'a Node>) {
        for c in &self.children {
            if names.contains(&c.name.as_str()) {
                out.push(c);
            } else {
                c.descendants(names, out);
            }
        }
    }

    /// The elements below this one named one of `names`, in document order; the search
    /// does not go into an element it found, so `<note>` inside a found `<descrip>` is not
    /// found when both are asked for.
    pub(super) fn find_all<'a>(&'a self, names: &[&str]) -> Vec<&'a Node> {
        let mut out = Vec::new();
        self.descendants(names, &mut out);
        out
    }
}

fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    // Keep `xml:lang` as is; drop other prefixes.
    if s.starts_with("xml:") {
        s.into_owned()
    } else {
        s.rsplit(':').next().unwrap_or("").to_string()
    }
}

/// The tree of `text`, its document element below an unnamed root node; `name` is used in
/// messages, which say where the XML broke.
pub(super) fn parse_xml(name: &str, text: &str) -> Result<Node> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    // Where each open element starts, for the message of a file that breaks off.
    let mut opened: Vec<usize> = Vec::new();
    let err = |reader: &Reader<&[u8]>, e: String| {
        let pos = reader.buffer_position() as usize;
        let (line, column) = crate::span::line_col(text, pos);
        Error::Syntax {
            path: name.to_string(),
            line,
            column,
            message: format!("not well-formed XML: {e}"),
        }
    };
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| err(&reader, e.to_string()))?;
        let is_empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let node = element(&e).map_err(|e| err(&reader, e))?;
                if is_empty {
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(node);
                    }
                } else {
                    stack.push(node);
                    opened.push(before + leading_space(&text[before.min(text.len())..]));
                }
            }
            Event::End(_) => {
                opened.pop();
                let node = stack
                    .pop()
                    .ok_or_else(|| err(&reader, "unbalanced".into()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Err(err(&reader, "unbalanced end tag".into())),
                }
            }
            Event::Text(t) => {
                let t = t.unescape().map_err(|e| err(&reader, e.to_string()))?;
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t);
                }
            }
            Event::CData(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Eof => break,
            // The prolog, comments, processing instructions and the DTD carry nothing
            // a glossary needs (and the DTD is what must not be read; see above).
            _ => {}
        }
    }
    if stack.len() != 1 {
        // The file breaks off: say where it ends, and which element (opened where) is
        // left open, the innermost one.
        let (line, column) = crate::span::line_col(text, text.len());
        let open = stack.last().map_or("", |n| n.name.as_str());
        let at = opened.last().map_or(String::new(), |&p| {
            let (l, c) = crate::span::line_col(text, p);
            format!(" (opened at {l}:{c})")
        });
        return Err(Error::Syntax {
            path: name.to_string(),
            line,
            column,
            message: format!(
                "not well-formed XML: the file breaks off here, inside <{open}>{at}{}",
                match stack.len() - 2 {
                    0 => String::new(),
                    1 => " and 1 element around it".to_string(),
                    n => format!(" and {n} elements around it"),
                }
            ),
        });
    }
    Ok(stack.pop().unwrap_or_default())
}

/// The length of the white space that leads `s` (text before a tag is its own event, but
/// a position may still point at it).
fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// An element without its children: its name and unescaped attributes, or the message of
/// what was wrong with them.
fn element(e: &BytesStart) -> std::result::Result<Node, String> {
    let mut node = Node {
        name: local(e.name().as_ref()),
        ..Node::default()
    };
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let v = a.unescape_value().map_err(|e| e.to_string())?;
        node.attrs.push((local(a.key.as_ref()), v.into_owned()));
    }
    Ok(node)
}
