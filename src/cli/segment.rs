//! `glossa segment`: sentences, one per line, or JSON lines with spans and the language of
//! each segment.

use std::io::Write;

use glossa::detect::Detector;
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
            }
        }
        (SegmentFormat::Jsonl, None) => {
            // One language configured: every segment is in the language of its rules.
            for doc in &settings.docs {
                for s in segment_document(doc, &opts) {
                    record(&mut out, doc, &s, s.lang.code())?;
                }
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
            kind: seg.kind,
            start: seg.span.start,
            end: seg.span.end,
            line: seg.line,
            column: seg.column,
            lang,
            footnote: seg.footnote,
            text: &seg.text,
        },
    )
}
