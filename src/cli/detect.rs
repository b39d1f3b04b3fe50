//! `glossa detect`: the language of each paragraph and sentence, with a confidence, and a
//! summary per document.

use std::io::Write;

use glossa::detect::{
    Basis, Detection, Detector, DocumentLanguages, ParagraphLanguage, SentenceLanguage,
};
use glossa::normalize::BlockKind;
use glossa::segment::{LangChoice, SegmentKind};
use glossa::source::Document;
use serde::Serialize;

use super::args::DetectFormat;
use super::exit::Outcome;
use super::output::{json_line, stdout};

/// The settings of `detect`.
#[derive(Debug)]
pub struct DetectSettings {
    /// The inputs, decoded.
    pub docs: Vec<Document>,
    pub detector: Detector,
    pub format: DetectFormat,
}

/// One line of `--format jsonl`: a paragraph, a sentence, or the document's summary.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    /// `paragraph`, `sentence` or `document`.
    kind: &'static str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    /// ISO 639-1 code or `unknown`.
    lang: &'static str,
    confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<Basis>,
    /// Index of the paragraph (block) in the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    /// For a paragraph: `paragraph`, `heading` or `footnote`.
    #[serde(skip_serializing_if = "Option::is_none")]
    block: Option<BlockKind>,
    /// For a sentence: `sentence`, `heading` or `footnote`.
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<SegmentKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<u32>,
    /// For the document: the number of sentences per language.
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

pub fn run(settings: DetectSettings) -> anyhow::Result<Outcome> {
    let results = settings
        .detector
        .detect_documents(&settings.docs, LangChoice::Auto);
    let mut out = stdout();
    for (doc, langs) in settings.docs.iter().zip(&results) {
        match settings.format {
            DetectFormat::Text => write_text(&mut out, doc, langs)?,
            DetectFormat::Jsonl => write_jsonl(&mut out, doc, langs)?,
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn round(c: f64) -> f64 {
    (c * 1000.0).round() / 1000.0
}

/// `de 97.4% (376), en 1.0% (4), unknown 1.6% (6)`.
fn summary_text(langs: &DocumentLanguages) -> String {
    let total: usize = langs.sentences.len();
    let parts: Vec<String> = langs
        .summary()
        .iter()
        .map(|&(l, n)| {
            let code = l.map_or("unknown", |l| l.code());
            format!("{code} {:.1}% ({n})", 100.0 * n as f64 / total as f64)
        })
        .collect();
    if parts.is_empty() {
        "no sentences".to_string()
    } else {
        parts.join(", ")
    }
}

fn write_text<W: Write>(
    out: &mut W,
    doc: &Document,
    langs: &DocumentLanguages,
) -> anyhow::Result<()> {
    let mut sentences = langs.sentences.iter().peekable();
    for p in &langs.paragraphs {
        writeln!(
            out,
            "{}:{}:{}: {} {} {:.2} [{}]",
            doc.name(),
            p.line,
            p.column,
            block_name(p.kind),
            p.detection.code(),
            p.detection.confidence,
            basis_name(&p.detection)
        )?;
        while let Some(s) = sentences.next_if(|s| s.segment.block == p.block) {
            writeln!(
                out,
                "{}:{}:{}:   {} {:.2} {}",
                doc.name(),
                s.segment.line,
                s.segment.column,
                s.detection.code(),
                s.detection.confidence,
                s.segment.text
            )?;
        }
    }
    let main = langs.main.map_or("unknown", |l| l.code());
    writeln!(
        out,
        "{}: {} sentences, {} paragraphs, main language {main}: {}",
        doc.name(),
        langs.sentences.len(),
        langs.paragraphs.len(),
        summary_text(langs)
    )?;
    Ok(())
}

fn write_jsonl<W: Write>(
    out: &mut W,
    doc: &Document,
    langs: &DocumentLanguages,
) -> anyhow::Result<()> {
    let mut sentences = langs.sentences.iter().peekable();
    for p in &langs.paragraphs {
        json_line(out, &Record::paragraph(doc, p))?;
        while let Some(s) = sentences.next_if(|s| s.segment.block == p.block) {
            json_line(out, &Record::sentence(doc, s))?;
        }
    }
    json_line(out, &Record::document(doc, langs))
}

impl<'a> Record<'a> {
    /// A record of the whole document; the other kinds narrow it down.
    fn new(doc: &'a Document, kind: &'static str, detection: Option<&Detection>) -> Record<'a> {
        Record {
            file: doc.name(),
            kind,
            line: 1,
            column: 1,
            start: 0,
            end: doc.raw_len(),
            lang: detection.map_or("unknown", Detection::code),
            confidence: detection.map_or(0.0, |d| round(d.confidence)),
            basis: detection.map(|d| d.basis),
            paragraph: None,
            block: None,
            segment: None,
            footnote: None,
            sentences: None,
            text: None,
        }
    }

    fn paragraph(doc: &'a Document, p: &ParagraphLanguage) -> Record<'a> {
        Record {
            line: p.line,
            column: p.column,
            start: p.span.start,
            end: p.span.end,
            paragraph: Some(p.block),
            block: Some(p.kind),
            ..Record::new(doc, "paragraph", Some(&p.detection))
        }
    }

    fn sentence(doc: &'a Document, s: &'a SentenceLanguage) -> Record<'a> {
        let seg = &s.segment;
        Record {
            line: seg.line,
            column: seg.column,
            start: seg.span.start,
            end: seg.span.end,
            paragraph: Some(seg.block),
            segment: Some(seg.kind),
            footnote: seg.footnote,
            text: Some(&seg.text),
            ..Record::new(doc, "sentence", Some(&s.detection))
        }
    }

    /// The document's summary: its main language, that language's share of the sentences
    /// as the confidence, and the sentences per language.
    fn document(doc: &'a Document, langs: &DocumentLanguages) -> Record<'a> {
        let total = langs.sentences.len();
        let summary = langs.summary();
        let counts = summary
            .iter()
            .map(|&(l, n)| {
                (
                    l.map_or("unknown", |l| l.code()).to_string(),
                    serde_json::Value::from(n),
                )
            })
            .collect();
        let main_share = langs
            .main
            .and_then(|m| summary.iter().find(|s| s.0 == Some(m)))
            .map_or(0.0, |&(_, n)| n as f64 / total.max(1) as f64);
        Record {
            lang: langs.main.map_or("unknown", |l| l.code()),
            confidence: round(main_share),
            sentences: Some(counts),
            ..Record::new(doc, "document", None)
        }
    }
}

fn block_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Paragraph => "paragraph",
        BlockKind::Heading => "heading",
        BlockKind::Footnote => "footnote",
    }
}

fn basis_name(d: &Detection) -> &'static str {
    match d.basis {
        Basis::Detected => "detected",
        Basis::Paragraph => "paragraph",
        Basis::Neighbours => "neighbours",
        Basis::Document => "document",
        Basis::Configured => "configured",
        Basis::Unknown => "unknown",
    }
}
