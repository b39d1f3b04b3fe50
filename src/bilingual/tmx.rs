//! TMX (1.4b, and 1.1 to 1.4): `<header srclang>`, `<body>`, `<tu>` with a `<tuv>` per
//! language, each with its `<seg>`; the content of a `<seg>` is read by [`read_content`].

use super::reader::{Item, Reader, Start, read_content};
use super::{SegmentPair, Text, primary};
use crate::error::Result;

/// The segments of a TMX document whose root element `root` was just read.
pub(super) fn read(r: &mut Reader<'_>, root: &Start) -> Result<Vec<SegmentPair>> {
    let mut out = Vec::new();
    let mut srclang = None;
    let mut number = 0;
    if !root.empty {
        walk(r, &mut srclang, &mut number, &mut out, false)?;
    }
    Ok(out)
}

/// The `<header>` and `<body>` of `<tmx>` (`in_body`: the `<tu>`s of `<body>`).
fn walk(
    r: &mut Reader<'_>,
    srclang: &mut Option<String>,
    number: &mut usize,
    out: &mut Vec<SegmentPair>,
    in_body: bool,
) -> Result<()> {
    loop {
        match r.next()? {
            Item::End | Item::Eof => return Ok(()),
            Item::Text { .. } => {}
            Item::Start(s) if s.is("header") && !in_body => {
                *srclang = s.attr("srclang").map(str::to_string);
                r.skip(&s)?;
            }
            Item::Start(s) if s.is("body") && !s.empty && !in_body => {
                walk(r, srclang, number, out, true)?
            }
            Item::Start(s) if s.is("tu") => {
                *number += 1;
                tu(r, &s, srclang.as_deref(), *number, out)?;
            }
            Item::Start(s) => r.skip(&s)?,
        }
    }
}

/// One `<tu>`: its variants, then the source and target chosen among them.
fn tu(
    r: &mut Reader<'_>,
    s: &Start,
    header_srclang: Option<&str>,
    number: usize,
    out: &mut Vec<SegmentPair>,
) -> Result<()> {
    let id = s
        .attr("tuid")
        .map_or_else(|| number.to_string(), str::to_string);
    let srclang = s
        .attr("srclang")
        .or(header_srclang)
        .filter(|l| !l.eq_ignore_ascii_case("*all*"));
    let mut variants: Vec<(String, Text)> = Vec::new();
    if !s.empty {
        loop {
            match r.next()? {
                Item::End | Item::Eof => break,
                Item::Text { .. } => {}
                Item::Start(v) if v.is("tuv") => {
                    let lang = v
                        .attr("xml:lang")
                        .or_else(|| v.attr("lang"))
                        .unwrap_or_default()
                        .to_string();
                    let mut seg = Text::default();
                    if !v.empty {
                        loop {
                            match r.next()? {
                                Item::End | Item::Eof => break,
                                Item::Text { .. } => {}
                                Item::Start(c) if c.is("seg") => {
                                    seg = read_content(r, &c, false)?.whole;
                                }
                                // <prop>, <note>.
                                Item::Start(c) => r.skip(&c)?,
                            }
                        }
                    }
                    variants.push((lang, seg));
                }
                // <prop>, <note>.
                Item::Start(c) => r.skip(&c)?,
            }
        }
    }
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b) || primary(a) == primary(b);
    let source = match srclang {
        Some(l) => variants
            .iter()
            .position(|(v, _)| v.eq_ignore_ascii_case(l))
            .or_else(|| variants.iter().position(|(v, _)| same(v, l))),
        None => variants.iter().position(|(v, _)| primary(v) != "en"),
    }
    .or((!variants.is_empty()).then_some(0));
    let Some(source) = source else {
        return Ok(());
    };
    let (source_lang, source_text) = variants.remove(source);
    let target = variants
        .iter()
        .position(|(v, _)| primary(v) == "en")
        .or((!variants.is_empty()).then_some(0))
        .map(|k| variants.remove(k));
    let (target_lang, target_text) = match target {
        Some((l, t)) => (Some(l), Some(t).filter(|t| !t.is_blank())),
        None => (None, None),
    };
    out.push(SegmentPair {
        id,
        unit: None,
        source: source_text,
        target: target_text,
        source_lang: Some(source_lang).filter(|l| !l.is_empty()),
        target_lang: target_lang.filter(|l| !l.is_empty()),
    });
    Ok(())
}
