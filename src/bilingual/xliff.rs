//! XLIFF 1.2 (`<file>`, `<group>`, `<trans-unit>`, with or without `<seg-source>`) and
//! XLIFF 2.x (`<file>`, `<group>`, `<unit>`, `<segment>`): the structure down to the
//! segments; their content is read by [`read_content`].

use super::reader::{Item, Reader, Start, read_content};
use super::{SegmentPair, Text};
use crate::error::Result;

/// How deep `<group>`s may nest (deeper is refused rather than risking the stack).
const MAX_DEPTH: usize = 200;

/// What a unit inherits from the elements around it.
#[derive(Clone, Debug, Default)]
struct Context {
    source_lang: Option<String>,
    target_lang: Option<String>,
    translate: bool,
    depth: usize,
}

impl Context {
    /// The context inside `s` (a `<file>` or `<group>`), which may set the languages and
    /// `translate`.
    fn inside(&self, s: &Start, r: &Reader<'_>, source: &str, target: &str) -> Result<Context> {
        if self.depth >= MAX_DEPTH {
            return Err(r.error_at(
                s.offset,
                format!("<{}> nested more than {MAX_DEPTH} deep", s.name),
            ));
        }
        Ok(Context {
            source_lang: s
                .attr(source)
                .map(str::to_string)
                .or_else(|| self.source_lang.clone()),
            target_lang: s
                .attr(target)
                .map(str::to_string)
                .or_else(|| self.target_lang.clone()),
            translate: self.translate && s.attr("translate") != Some("no"),
            depth: self.depth + 1,
        })
    }
}

/// The id of a unit: its `id`, or where its start tag stands when it has none.
fn unit_id(r: &Reader<'_>, s: &Start, attr: &str) -> String {
    s.attr(attr).map_or_else(
        || {
            let (line, column) = r.line_col(s.offset);
            format!("{line}:{column}")
        },
        str::to_string,
    )
}

/// A target that holds text, or `None`.
fn translated(t: Option<Text>) -> Option<Text> {
    t.filter(|t| !t.is_blank())
}

/// Whether a target's `state` says it is not translated yet, whatever it holds (tools
/// copy the source into it or pre-translate it): XLIFF 1.2 `new` and
/// `needs-translation`, XLIFF 2 `initial`.
fn untranslated(state: Option<&str>) -> bool {
    matches!(state, Some("new" | "needs-translation" | "initial"))
}

/// The segments of an XLIFF 1.x document whose root element `root` was just read.
pub(super) fn read_v1(r: &mut Reader<'_>, root: &Start) -> Result<Vec<SegmentPair>> {
    let mut out = Vec::new();
    let ctx = Context {
        translate: true,
        ..Context::default()
    };
    if !root.empty {
        walk(&V1, r, &ctx, &mut out)?;
    }
    Ok(out)
}

/// What differs between the XLIFF versions for [`walk`]: the elements that hold units,
/// the attributes that name the languages, the unit element and how a unit is read.
struct Version {
    containers: &'static [&'static str],
    source_lang: &'static str,
    target_lang: &'static str,
    unit: &'static str,
    read_unit: fn(&mut Reader<'_>, &Start, &Context, &mut Vec<SegmentPair>) -> Result<()>,
}

const V1: Version = Version {
    containers: &["file", "body", "group"],
    source_lang: "source-language",
    target_lang: "target-language",
    unit: "trans-unit",
    read_unit: unit_v1,
};

const V2: Version = Version {
    containers: &["file", "group"],
    source_lang: "srcLang",
    target_lang: "trgLang",
    unit: "unit",
    read_unit: unit_v2,
};

/// The units of the element being read, down through its containers; anything else
/// (<header>, <bin-unit>, <skeleton>, <notes>, foreign elements) is skipped.
fn walk(v: &Version, r: &mut Reader<'_>, ctx: &Context, out: &mut Vec<SegmentPair>) -> Result<()> {
    loop {
        match r.next()? {
            Item::End | Item::Eof => return Ok(()),
            Item::Text { .. } => {}
            Item::Start(s) if s.core && !s.empty && v.containers.contains(&s.name.as_str()) => {
                let inner = ctx.inside(&s, r, v.source_lang, v.target_lang)?;
                walk(v, r, &inner, out)?;
            }
            Item::Start(s) if s.is(v.unit) => (v.read_unit)(r, &s, ctx, out)?,
            Item::Start(s) => r.skip(&s)?,
        }
    }
}

fn unit_v1(
    r: &mut Reader<'_>,
    unit: &Start,
    ctx: &Context,
    out: &mut Vec<SegmentPair>,
) -> Result<()> {
    let id = unit_id(r, unit, "id");
    if unit.empty {
        return Ok(());
    }
    let (mut source, mut seg_source, mut target) = (None, None, None);
    let (mut source_lang, mut target_lang) = (None, None);
    loop {
        match r.next()? {
            Item::End | Item::Eof => break,
            Item::Text { .. } => {}
            Item::Start(s) if s.is("source") => {
                source_lang = s.attr("xml:lang").map(str::to_string);
                source = Some(read_content(r, &s, false)?.whole);
            }
            Item::Start(s) if s.is("seg-source") => seg_source = Some(read_content(r, &s, true)?),
            Item::Start(s) if s.is("target") => {
                target_lang = s.attr("xml:lang").map(str::to_string);
                let content = read_content(r, &s, true)?;
                target = (!untranslated(s.attr("state"))).then_some(content);
            }
            // <alt-trans> (proposals), <note>, <context-group>, foreign elements.
            Item::Start(s) => r.skip(&s)?,
        }
    }
    if !ctx.translate || unit.attr("translate") == Some("no") {
        return Ok(());
    }
    let source_lang = source_lang.or_else(|| ctx.source_lang.clone());
    let target_lang = target_lang.or_else(|| ctx.target_lang.clone());
    let pair = |id: String, unit: Option<String>, source: Text, target: Option<Text>| SegmentPair {
        id,
        unit,
        source,
        target: translated(target),
        source_lang: source_lang.clone(),
        target_lang: target_lang.clone(),
    };
    // Segmented with <mrk mtype="seg">: pair by mid, unless the target is one whole text.
    let segmented = seg_source.as_ref().is_some_and(|s| !s.segments.is_empty())
        && target
            .as_ref()
            .is_none_or(|t| !t.segments.is_empty() || t.whole.is_blank());
    if let (true, Some(seg_source)) = (segmented, seg_source) {
        let mut target_segments = target.map(|t| t.segments).unwrap_or_default();
        for (mid, src) in seg_source.segments {
            let tgt = target_segments
                .iter()
                .position(|(m, _)| *m == mid)
                .map(|k| target_segments.remove(k).1);
            out.push(pair(mid, Some(id.clone()), src, tgt));
        }
    } else if let Some(source) = source {
        out.push(pair(id, None, source, target.map(|t| t.whole)));
    }
    Ok(())
}

/// The segments of an XLIFF 2.x document whose root element `root` was just read.
pub(super) fn read_v2(r: &mut Reader<'_>, root: &Start) -> Result<Vec<SegmentPair>> {
    let mut out = Vec::new();
    let ctx = Context {
        source_lang: root.attr("srcLang").map(str::to_string),
        target_lang: root.attr("trgLang").map(str::to_string),
        translate: true,
        depth: 0,
    };
    if !root.empty {
        walk(&V2, r, &ctx, &mut out)?;
    }
    Ok(out)
}

fn unit_v2(
    r: &mut Reader<'_>,
    unit: &Start,
    ctx: &Context,
    out: &mut Vec<SegmentPair>,
) -> Result<()> {
    let id = unit_id(r, unit, "id");
    if unit.empty {
        return Ok(());
    }
    let translate = ctx.translate && unit.attr("translate") != Some("no");
    let mut number = 0;
    loop {
        match r.next()? {
            Item::End | Item::Eof => return Ok(()),
            Item::Text { .. } => {}
            Item::Start(s) if s.is("segment") => {
                number += 1;
                let seg_id = s
                    .attr("id")
                    .map_or_else(|| number.to_string(), str::to_string);
                let state = s.attr("state").map(str::to_string);
                let (mut source, mut target) = (None, None);
                let (mut source_lang, mut target_lang) = (None, None);
                if !s.empty {
                    loop {
                        match r.next()? {
                            Item::End | Item::Eof => break,
                            Item::Text { .. } => {}
                            Item::Start(c) if c.is("source") => {
                                source_lang = c.attr("xml:lang").map(str::to_string);
                                source = Some(read_content(r, &c, false)?.whole);
                            }
                            Item::Start(c) if c.is("target") => {
                                target_lang = c.attr("xml:lang").map(str::to_string);
                                target = Some(read_content(r, &c, false)?.whole);
                            }
                            Item::Start(c) => r.skip(&c)?,
                        }
                    }
                }
                if let (true, Some(source)) = (translate, source) {
                    out.push(SegmentPair {
                        id: seg_id,
                        unit: Some(id.clone()),
                        source,
                        target: translated(target).filter(|_| !untranslated(state.as_deref())),
                        source_lang: source_lang.or_else(|| ctx.source_lang.clone()),
                        target_lang: target_lang.or_else(|| ctx.target_lang.clone()),
                    });
                }
            }
            // <ignorable>, <originalData>, <notes>, foreign elements (mtc:matches …).
            Item::Start(s) => r.skip(&s)?,
        }
    }
}
