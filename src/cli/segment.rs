//! `glossa segment`: sentences, one per line, or JSON lines with spans and the language of
//! each segment.

use std::io::Write;

use glossa::detect::{Detector, SentenceLanguage};
use glossa::normalize::{Dropped, Normalized, normalize};
use glossa::segment::{
    LangChoice, Options, Segment, SegmentKind, cut_normalized, segment_normalized,
};
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
    // any `--jobs`, and only one group's output is held at a time.
    let group = 2 * rayon::current_num_threads();
    for docs in settings.docs.chunks(group) {
        let done: Vec<Done> = docs
            .par_iter()
            .map(|doc| {
                let mut norm = normalize(doc.text());
                let dropped = std::mem::take(&mut norm.dropped);
                match (settings.format, &settings.detector) {
                    // Plain text needs neither a language model nor positions: the
                    // segments' texts are written straight from the normalised blocks, and
                    // the abbreviation rules come from `--lang` or from each block's
                    // function words.
                    (SegmentFormat::Text, _) => {
                        Done::Text(plain_text(&norm, &opts, settings.footnotes))
                    }
                    (SegmentFormat::Jsonl, Some(detector)) => Done::Records(
                        dropped,
                        Cut::Detected(
                            detector
                                .detect_normalized(doc, &norm, settings.rules)
                                .sentences,
                        ),
                    ),
                    // With one language configured, every segment is in the language of
                    // its rules.
                    (SegmentFormat::Jsonl, None) => {
                        Done::Records(dropped, Cut::Plain(segment_normalized(doc, &norm, &opts)))
                    }
                }
                // The rest of the normalised text is freed here, before anything is printed.
            })
            .collect();
        for (doc, done) in docs.iter().zip(&done) {
            match done {
                Done::Text(text) => out.write_all(text)?,
                Done::Records(dropped, cut) => {
                    let segments = cut.with_languages();
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

/// A document's output, made on the thread pool.
enum Done {
    /// The plain-text output, ready to print.
    Text(Vec<u8>),
    /// The lines left out as furniture, and the segments of the JSON lines.
    Records(Vec<Dropped>, Cut),
}

/// The plain-text output of a normalised document: its body segments one per line, then,
/// with `footnotes`, its footnote segments (footnote entries are the last blocks).
fn plain_text(norm: &Normalized, opts: &Options, footnotes: bool) -> Vec<u8> {
    let cuts = cut_normalized(norm, opts);
    let mut text = Vec::with_capacity(norm.blocks.iter().map(|b| b.text.as_str().len()).sum());
    for body in [true, false] {
        if !body && !footnotes {
            break;
        }
        for c in cuts
            .iter()
            .filter(|c| (c.kind != SegmentKind::Footnote) == body)
        {
            text.extend_from_slice(c.text(norm).as_bytes());
            text.push(b'\n');
        }
    }
    text
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
