//! `glossa segment`: sentences, one per line, or JSON lines with spans and the detected
//! language of each segment.

use std::io::Write;

use glossa::detect::Detector;
use glossa::segment::SegmentKind;
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
    /// The detected language (ISO 639-1) or `unknown`.
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<u32>,
    text: &'a str,
}

pub fn run(settings: SegmentSettings) -> anyhow::Result<Outcome> {
    let docs = read_all(&settings.files)?;
    let detector = Detector::new(&settings.detect)?;
    let results = detector.detect_documents(&docs, settings.lang);
    let mut out = stdout();
    for (doc, langs) in docs.iter().zip(&results) {
        let segments = &langs.sentences;
        match settings.format {
            SegmentFormat::Text => {
                for s in segments
                    .iter()
                    .filter(|s| s.segment.kind != SegmentKind::Footnote)
                {
                    writeln!(out, "{}", s.segment.text)?;
                }
                if settings.footnotes {
                    for s in segments
                        .iter()
                        .filter(|s| s.segment.kind == SegmentKind::Footnote)
                    {
                        writeln!(out, "{}", s.segment.text)?;
                    }
                }
            }
            SegmentFormat::Jsonl => {
                for s in segments {
                    let seg = &s.segment;
                    json_line(
                        &mut out,
                        &Record {
                            file: doc.name(),
                            kind: seg.kind,
                            start: seg.span.start,
                            end: seg.span.end,
                            line: seg.line,
                            column: seg.column,
                            lang: s.detection.code(),
                            footnote: seg.footnote,
                            text: &seg.text,
                        },
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
