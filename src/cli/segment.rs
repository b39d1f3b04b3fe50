//! `glossa segment`: sentences, one per line, or JSON lines with spans.

use std::io::Write;

use glossa::segment::{Options, SegmentKind, segment_document};
use serde::Serialize;

use super::args::{SegmentFormat, SegmentSettings};
use super::exit::Outcome;
use super::output::{json_line, read_all, stdout};

/// One line of `--format jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    kind: SegmentKind,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<u32>,
    text: &'a str,
}

pub fn run(settings: SegmentSettings) -> anyhow::Result<Outcome> {
    let docs = read_all(&settings.files)?;
    let opts = Options {
        lang: settings.lang,
    };
    let mut out = stdout();
    for doc in &docs {
        let segments = segment_document(doc, &opts);
        match settings.format {
            SegmentFormat::Text => {
                for s in segments.iter().filter(|s| s.kind != SegmentKind::Footnote) {
                    writeln!(out, "{}", s.text)?;
                }
                if settings.footnotes {
                    for s in segments.iter().filter(|s| s.kind == SegmentKind::Footnote) {
                        writeln!(out, "{}", s.text)?;
                    }
                }
            }
            SegmentFormat::Jsonl => {
                for s in &segments {
                    json_line(
                        &mut out,
                        &Record {
                            file: doc.name(),
                            kind: s.kind,
                            start: s.span.start,
                            end: s.span.end,
                            line: s.line,
                            column: s.column,
                            lang: s.lang.code(),
                            footnote: s.footnote,
                            text: &s.text,
                        },
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
