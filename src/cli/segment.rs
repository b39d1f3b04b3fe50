//! `glossa segment`: sentences, one per line, or JSON lines with spans and the language of
//! each segment.

use std::io::Write;

use glossa::detect::Detector;
use glossa::normalize::{Dropped, normalize};
use glossa::segment::{LangChoice, Options, Segment, SegmentKind, segment_document};
use glossa::source::Document;
use serde::Serialize;

use super::args::SegmentFormat;
use super::exit::Outcome;
use super::output::{json_line, stdout};

/// The settings of `segment`.
#[derive(Debug)]
pub struct SegmentSettings {
    /// The inputs, decoded.
    pub docs: Vec<Document>,
    /// The abbreviation rules: each block's, or one language's.
    pub rules: LangChoice,
    pub format: SegmentFormat,
    pub footnotes: bool,
    /// The detector that gives each segment its language in JSON lines (`None`: plain
    /// text needs none, and with one language every segment is in it).
    pub detector: Option<Detector>,
}

/// One line of `--format jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    /// A [`SegmentKind`], or `dropped` for a line left out as page furniture.
    kind: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    /// The detected language (ISO 639-1) or `unknown`.
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<u32>,
    /// For a dropped line, why: `page-number` or `running-head`.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    text: &'a str,
}

pub fn run(settings: SegmentSettings) -> anyhow::Result<Outcome> {
    let mut out = stdout();
    let opts = Options {
        lang: settings.rules,
    };
    match (settings.format, &settings.detector) {
        (SegmentFormat::Text, _) => {
            // Plain sentences need no language model: the abbreviation rules come from
            // `--lang` or from each block's function words. This keeps `segment` fast.
            for doc in &settings.docs {
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
        }
        (SegmentFormat::Jsonl, Some(detector)) => {
            let results = detector.detect_documents(&settings.docs, settings.rules);
            for (doc, langs) in settings.docs.iter().zip(&results) {
                for s in &langs.sentences {
                    record(&mut out, doc, &s.segment, s.detection.code())?;
                }
                dropped_records(&mut out, doc)?;
            }
        }
        (SegmentFormat::Jsonl, None) => {
            // One language configured: every segment is in the language of its rules.
            for doc in &settings.docs {
                for s in segment_document(doc, &opts) {
                    record(&mut out, doc, &s, s.lang.code())?;
                }
                dropped_records(&mut out, doc)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn record(out: &mut impl Write, doc: &Document, seg: &Segment, lang: &str) -> anyhow::Result<()> {
    json_line(
        out,
        &Record {
            file: doc.name(),
            kind: seg.kind.as_str(),
            start: seg.span.start,
            end: seg.span.end,
            line: seg.line,
            column: seg.column,
            lang,
            footnote: seg.footnote,
            reason: None,
            text: &seg.text,
        },
    )
}

/// The lines of `doc` left out as page furniture, one record each, after its segments:
/// nothing is dropped in silence.
fn dropped_records(out: &mut impl Write, doc: &Document) -> anyhow::Result<()> {
    for Dropped { kind, span } in normalize(doc.text()).dropped {
        let (line, column) = doc.line_col(span.start);
        json_line(
            out,
            &Record {
                file: doc.name(),
                kind: "dropped",
                start: doc.raw_offset(span.start),
                end: doc.raw_offset(span.end),
                line,
                column,
                lang: "unknown",
                footnote: None,
                reason: Some(kind.as_str()),
                text: &doc.text()[span.start..span.end],
            },
        )?;
    }
    Ok(())
}
