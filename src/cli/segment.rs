//! `glossa segment`: sentences, one per line, or JSON lines with spans and the detected
//! language of each segment.

use std::io::Write;

use glossa::detect::Detector;
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
    /// The detected language (ISO 639-1) or `unknown`.
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<u32>,
    text: &'a str,
}

pub fn run(settings: SegmentSettings) -> anyhow::Result<Outcome> {
    let docs = read_all(&settings.files)?;
    let mut out = stdout();
    if settings.format == SegmentFormat::Text {
        // Plain sentences need no language model: the abbreviation rules come from
        // `--lang` or from each block's function words. This keeps `segment` fast.
        let opts = Options {
            lang: settings.lang,
        };
        for doc in &docs {
            let segments = segment_document(doc, &opts);
            let (body, notes): (Vec<_>, Vec<_>) = segments
                .iter()
                .partition(|s| s.kind != SegmentKind::Footnote);
            for s in body {
                writeln!(out, "{}", s.text)?;
            }
            if settings.footnotes {
                for s in notes {
                    writeln!(out, "{}", s.text)?;
                }
            }
        }
        out.flush()?;
        return Ok(Outcome::Clean);
    }
    let detector = Detector::new(&settings.detect)?;
    let results = detector.detect_documents(&docs, settings.lang);
    for (doc, langs) in docs.iter().zip(&results) {
        for s in &langs.sentences {
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
    out.flush()?;
    Ok(Outcome::Clean)
}
