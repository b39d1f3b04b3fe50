//! `glossa segment`: sentences, one per line, or JSON lines with spans and the language of
//! each segment.

use std::io::Write;

use glossa::detect::{Detector, SentenceLanguage};
use glossa::normalize::{Dropped, normalize};
use glossa::segment::{LangChoice, Options, Segment, SegmentKind, segment_normalized};
use glossa::source::Document;
use rayon::prelude::*;
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

/// A document's segments, with the languages detected or as their rules say.
enum Cut {
    Plain(Vec<Segment>),
    Detected(Vec<SentenceLanguage>),
}

impl Cut {
    /// Each segment with its language code (`unknown` when not detected).
    fn with_languages(&self) -> Vec<(&Segment, &'static str)> {
        match self {
            Cut::Plain(segments) => segments.iter().map(|s| (s, s.lang.code())).collect(),
            Cut::Detected(sentences) => sentences
                .iter()
                .map(|s| (&s.segment, s.detection.code()))
                .collect(),
        }
    }
}

/// Records serialised as one task of the thread pool.
const RECORD_BATCH: usize = 2048;

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
    // Documents go through in groups of a few per thread, each normalised once and cut
    // (and detected) in parallel, then printed in input order: the output is the same for
    // any `--jobs`, and only one group's sentences are held at a time.
    let group = 2 * rayon::current_num_threads();
    for docs in settings.docs.chunks(group) {
        let done: Vec<(Vec<Dropped>, Cut)> = docs
            .par_iter()
            .map(|doc| {
                let norm = normalize(doc.text());
                let cut = match (settings.format, &settings.detector) {
                    (SegmentFormat::Jsonl, Some(detector)) => Cut::Detected(
                        detector
                            .detect_normalized(doc, &norm, settings.rules)
                            .sentences,
                    ),
                    // Plain sentences need no language model: the abbreviation rules come
                    // from `--lang` or from each block's function words. With one language
                    // configured, every segment is in the language of its rules.
                    _ => Cut::Plain(segment_normalized(doc, &norm, &opts)),
                };
                // Only the dropped lines are printed from the normalised text: the rest
                // is freed here, before the records are made.
                (norm.dropped, cut)
            })
            .collect();
        for (doc, (dropped, cut)) in docs.iter().zip(&done) {
            let segments = cut.with_languages();
            match settings.format {
                SegmentFormat::Text => {
                    let (body, notes): (Vec<&Segment>, Vec<&Segment>) = segments
                        .iter()
                        .map(|&(s, _)| s)
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
                SegmentFormat::Jsonl => {
                    // A big file's records are serialised in parallel, a window at a time.
                    let window = RECORD_BATCH * rayon::current_num_threads();
                    for window in segments.chunks(window) {
                        let parts: Vec<Vec<u8>> = window
                            .par_chunks(RECORD_BATCH)
                            .map(|batch| {
                                let mut buf = Vec::new();
                                for (s, lang) in batch {
                                    record(&mut buf, doc, s, lang)?;
                                }
                                Ok(buf)
                            })
                            .collect::<anyhow::Result<_>>()?;
                        for part in parts {
                            out.write_all(&part)?;
                        }
                    }
                    dropped_records(&mut out, doc, dropped)?;
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
fn dropped_records(
    out: &mut impl Write,
    doc: &Document,
    dropped: &[Dropped],
) -> anyhow::Result<()> {
    for &Dropped { kind, span } in dropped {
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
