//! A bilingual file (XLIFF, TMX) checked as it is: its segment pairs are already aligned,
//! so there is no normalising, no sentence splitting and no sentence alignment. Each
//! source segment is matched in its own language (the file's language tag; any other
//! language, or none, is matched with every language's forms), and each term is judged in
//! the target of its own segment. Every occurrence, word and rendering found is placed at
//! the file's own line and column.
//!
//! A segment without a target (not translated yet) keeps its terms, each judged
//! `missing`: the check says so rather than passing over them. Each segment pair is a
//! bead of its own in [`Aligned::beads`] (numbered by segment, from 1), one without a
//! target marked for review.

use super::records::{BeadOut, Occurrence, TranslationCheck, Word};
use super::{Aligned, Aligner};
use crate::alignment_file::{AlignmentFile, Record, SentenceRecord, TermRecord, TranslationRecord};
use crate::bilingual::{Bilingual, SegmentPair, Text, primary};
use crate::lang::Lang;
use crate::segment::SegmentKind;
use crate::source::Document;
use crate::terms::context;
use crate::terms::english::{Rendering, judge};

/// The language glossa knows a segment's source to be in, if any.
fn source_lang(seg: &SegmentPair) -> Option<Lang> {
    seg.source_lang
        .as_deref()
        .and_then(|l| primary(l).parse().ok())
}

/// The language code written into the records: glossa's code, the tag's primary subtag,
/// or `unknown`.
fn lang_code(seg: &SegmentPair) -> String {
    match (source_lang(seg), &seg.source_lang) {
        (Some(l), _) => l.code().to_string(),
        (None, Some(tag)) if !primary(tag).is_empty() => primary(tag),
        _ => "unknown".to_string(),
    }
}

/// The 1-based line and column in the file of byte `offset` of a segment's text.
fn line_col(doc: &Document, text: &Text, offset: usize) -> (usize, usize) {
    doc.line_col(text.doc_offset(offset))
}

/// The characters `start..end` of a segment's text cover in the file, when markup or an
/// entity stands between them (`None`: as many as the text has).
fn file_width(doc: &Document, text: &Text, start: usize, end: usize) -> Option<usize> {
    let last = text.text[start..end].char_indices().last()?;
    let (from, to) = (
        text.doc_offset(start),
        text.doc_offset(start + last.0) + last.1.len_utf8(),
    );
    let in_file = doc.text().get(from..to)?.chars().count();
    (in_file != text.text[start..end].chars().count()).then_some(in_file)
}

/// The words of a source segment (runs of letters), placed in the file.
fn words(doc: &Document, seg: &SegmentPair, lang: Option<Lang>) -> Vec<Word> {
    let text = &seg.source.text;
    super::records::letter_runs(text)
        .map(|(s, i)| {
            let (line, column) = line_col(doc, &seg.source, s);
            Word {
                file: doc.name().to_string(),
                text: text[s..i].to_string(),
                lang,
                line,
                column,
                start: doc.raw_offset(seg.source.doc_offset(s)),
                end: doc.raw_offset(seg.source.doc_offset(i)),
                in_footnote: false,
            }
        })
        .collect()
}

impl Aligner {
    /// Checks the segment pairs of a bilingual file `file` read from `doc`: every source
    /// term, and what the segment's target did with it.
    pub fn align_bilingual(&self, doc: &Document, file: &Bilingual) -> Aligned {
        let target_lang = file
            .segments
            .iter()
            .find_map(|s| s.target_lang.clone())
            .unwrap_or_else(|| "en".to_string());
        let mut out = Aligned {
            file: AlignmentFile {
                source: doc.name().to_string(),
                glossary: self.fingerprint.clone(),
                target: Some((target_lang, doc.name().to_string())),
                dictionary: None,
                records: Vec::new(),
            },
            ..Aligned::empty()
        };
        let mut languages: std::collections::BTreeMap<String, usize> = Default::default();
        for seg in file.segments.iter().filter(|s| !s.source.is_blank()) {
            out.sentences += 1;
            // Each segment pair is a bead of its own; one not translated yet is to review.
            out.beads.push(BeadOut {
                source: vec![out.sentences],
                target: seg
                    .target
                    .as_ref()
                    .map_or(Vec::new(), |_| vec![out.sentences]),
                score: 1.0,
                review: seg.target.is_none(),
                ..BeadOut::default()
            });
            let code = lang_code(seg);
            *languages.entry(code.clone()).or_default() += 1;
            self.emit_segment(doc, seg, &code, &mut out);
        }
        out.languages = languages.into_iter().collect();
        out
    }

    /// The records of one segment pair: `S`, its `T`s and their `X`s.
    fn emit_segment(&self, doc: &Document, seg: &SegmentPair, code: &str, out: &mut Aligned) {
        let lang = source_lang(seg);
        let source = &seg.source.text;
        if self.words {
            out.words.extend(words(doc, seg, lang));
        }
        // An English source (a reversed pair) is searched with every language's forms.
        let hits = self.find(source, lang.filter(|l| *l != Lang::En));
        if hits.is_empty() {
            return;
        }
        let (line, column) = line_col(doc, &seg.source, 0);
        out.file.records.push(Record::Sentence(SentenceRecord {
            id: seg.id.clone(),
            lang: code.to_string(),
            line,
            column,
            kind: SegmentKind::Sentence,
            text: source.clone(),
        }));
        let target_hits = seg
            .target
            .as_ref()
            .map(|t| self.target_matcher.find(&t.text))
            .unwrap_or_default();
        let mut checks = Vec::new();
        for hit in hits {
            let (line, column) = line_col(doc, &seg.source, hit.start);
            let occ = Occurrence {
                file: doc.name().to_string(),
                form: hit.form.clone(),
                start: doc.raw_offset(seg.source.doc_offset(hit.start)),
                end: doc.raw_offset(seg.source.doc_offset(hit.end)),
                term: TermRecord {
                    sentence: seg.id.clone(),
                    lang: code.to_string(),
                    concept: hit.concept.clone(),
                    surface: source[hit.start..hit.end].to_string(),
                    english: hit.english.clone(),
                    tier: hit.tier,
                    line,
                    column,
                    in_footnote: false,
                    context: context(source, hit.start, hit.end),
                },
                segment: Some(seg.reference()),
                width: file_width(doc, &seg.source, hit.start, hit.end),
            };
            out.file.records.push(Record::Term(occ.term.clone()));
            let (rendering, found) = match &seg.target {
                Some(_) => judge(&occ.term.concept, &target_hits),
                None => (Rendering::Missing, None),
            };
            let record = TranslationRecord {
                sentence: seg.id.clone(),
                concept: occ.term.concept.clone(),
                surface: occ.term.surface.clone(),
                rendering,
                found: found.map_or(String::new(), |h| h.surface.clone()),
                english: occ.term.english.clone(),
            };
            checks.push(Record::Translation(record.clone()));
            out.translations.push(TranslationCheck {
                occurrence: out.occurrences.len(),
                record,
                form: found.map(|h| h.form.clone()),
                target: seg
                    .target
                    .as_ref()
                    .map_or(String::new(), |t| t.text.clone()),
                found_at: match (found, &seg.target) {
                    (Some(h), Some(t)) => Some(line_col(doc, t, h.start)),
                    _ => None,
                },
            });
            out.occurrences.push(occ);
        }
        out.file.records.extend(checks);
    }
}
