//! Wires the stages together for one document: decode → normalise → segment → match →
//! alignment records.
//!
//! [`Aligner`] holds what is built once per run (the compiled glossary); [`Aligner::align`]
//! is a pure function of one document, so documents can run in parallel in any order and
//! still give byte-identical files.

use std::time::{Duration, Instant};

use crate::alignment_file::{
    AlignmentFile, Record, SentenceIds, SentenceRecord, TermRecord, fingerprint,
};
use std::collections::HashSet;

use crate::detect::{DetectConfig, Detector};
use crate::error::Result;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::normalize::{Normalized, normalize};
use crate::segment::{Options, Segment, SegmentKind, segment_normalized};
use crate::source::Document;
use crate::terms::{TermMatcher, Tier};

/// How many characters of context to show on each side of a term.
const CONTEXT_CHARS: usize = 40;

/// One term occurrence with everything the outputs need.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Occurrence {
    /// The document's name (path as given).
    pub file: String,
    /// 1-based raw line and column of the term's first letter.
    pub line: usize,
    pub column: usize,
    /// The word as printed (a word split across lines joined).
    pub surface: String,
    /// The glossary concept id.
    pub concept: String,
    /// The glossary form that matched (`Kolchos` for `Kolchosbauern`).
    pub form: String,
    pub english: String,
    pub tier: Tier,
    /// Language of the sentence the term was found in (ISO 639-1, or `unknown`).
    pub lang: String,
    pub in_footnote: bool,
    /// Raw byte range of the term.
    pub start: usize,
    pub end: usize,
    /// The id of its sentence in the alignment file.
    pub sentence: String,
    /// The sentence with the term marked `[[…]]`, shortened around it.
    pub context: String,
}

/// Time spent per stage, summed over documents (for benchmarks and `--verbose` runs).
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    pub normalize: Duration,
    pub segment: Duration,
    pub matching: Duration,
    pub detect: Duration,
    /// Bytes of sentence text the matcher read.
    pub matched_bytes: usize,
}

/// The result of aligning one document.
#[derive(Clone, Debug)]
pub struct Aligned {
    pub file: AlignmentFile,
    pub occurrences: Vec<Occurrence>,
    /// Every word of the document's sentences, when asked for with
    /// [`Aligner::with_words`] (for checks that look at what the glossary did not match).
    pub words: Vec<Word>,
}

/// A word of a sentence: a run of letters (a hyphen ends it), where it stands in the raw
/// input and the language of its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The document's name (path as given).
    pub file: String,
    /// The word as printed (a word split across lines joined).
    pub text: String,
    /// Language of its sentence (`None`: unknown).
    pub lang: Option<Lang>,
    /// 1-based raw line and column of its first letter.
    pub line: usize,
    pub column: usize,
    /// Raw byte range.
    pub start: usize,
    pub end: usize,
    pub in_footnote: bool,
}

/// The compiled glossary and the settings of a run.
#[derive(Debug)]
pub struct Aligner {
    matcher: TermMatcher,
    fingerprint: String,
    options: Options,
    detector: Option<Detector>,
    /// The concepts that have forms in a language: in text of that language only those
    /// forms are looked for; concepts without any are looked for in every language's.
    covered: HashSet<(String, Lang)>,
    /// Whether [`Aligned::words`] is filled.
    words: bool,
}

impl Aligner {
    /// Compiles the glossary once for the whole run.
    pub fn new(glossary: &Glossary, options: Options) -> Result<Aligner> {
        let covered = glossary
            .concepts
            .iter()
            .flat_map(|c| c.forms.iter().map(|f| (c.id.clone(), f.lang)))
            .collect();
        Ok(Aligner {
            matcher: TermMatcher::new(glossary)?,
            // The canonical form, so that reformatting a glossary changes nothing.
            fingerprint: fingerprint(glossary.to_toml().as_bytes()),
            options,
            detector: None,
            covered,
            words: false,
        })
    }

    /// Decides the language of every sentence with lingua (models loaded once here), so
    /// that each sentence is matched against its own language's forms.
    pub fn with_detection(mut self, config: &DetectConfig) -> Result<Aligner> {
        self.detector = Some(Detector::new(config)?);
        Ok(self)
    }

    /// Also collects every word of every sentence into [`Aligned::words`].
    pub fn with_words(mut self) -> Aligner {
        self.words = true;
        self
    }

    /// The hits in a sentence of language `lang` (`None`: unknown): that language's forms,
    /// plus every language's forms of concepts that have none in it.
    fn find(&self, text: &str, lang: Option<Lang>) -> Vec<crate::terms::TermHit> {
        let Some(lang) = lang else {
            return self.matcher.find(text, None);
        };
        let mut hits = self.matcher.find(text, Some(lang));
        let extra: Vec<_> = self
            .matcher
            .find(text, None)
            .into_iter()
            .filter(|h| !self.covered.contains(&(h.concept.clone(), lang)))
            .filter(|h| {
                !hits
                    .iter()
                    .any(|k| k.start < h.end && h.start < k.end && k.concept == h.concept)
            })
            .collect();
        if !extra.is_empty() {
            hits.extend(extra);
            hits.sort_by_key(|h| (h.start, h.end));
        }
        hits
    }

    /// The glossary fingerprint written into alignment files.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Aligns one document; `source` is the path written into the file's header.
    pub fn align(&self, doc: &Document, source: &str) -> Aligned {
        self.align_timed(doc, source, &mut Timings::default())
    }

    /// [`Aligner::align`], adding the time spent in each stage to `timings`.
    pub fn align_timed(&self, doc: &Document, source: &str, timings: &mut Timings) -> Aligned {
        let t = Instant::now();
        let norm = normalize(doc.text());
        timings.normalize += t.elapsed();
        let t = Instant::now();
        let mut segments: Vec<(Segment, Option<Lang>)> = match &self.detector {
            Some(detector) => {
                let langs = detector.detect_normalized(doc, &norm, self.options.lang);
                timings.detect += t.elapsed();
                langs
                    .sentences
                    .into_iter()
                    .map(|s| (s.segment, s.detection.lang))
                    .collect()
            }
            None => {
                let segs = segment_normalized(doc, &norm, &self.options);
                timings.segment += t.elapsed();
                segs.into_iter()
                    .map(|s| {
                        let lang = s.lang;
                        (s, Some(lang))
                    })
                    .collect()
            }
        };
        // Records go in source order: footnotes where they stand in the file.
        segments.sort_by_key(|(s, _)| (s.span.start, s.span.end));
        let mut ids = SentenceIds::default();
        let mut records = Vec::new();
        let mut occurrences = Vec::new();
        let mut words = Vec::new();
        for (seg, lang) in &segments {
            let id = ids.next(&seg.text);
            if self.words {
                words.extend(sentence_words(doc, &norm, seg, *lang));
            }
            let lang_code = lang.map_or("unknown", Lang::code);
            let t = Instant::now();
            // English text (a quoted title) is searched with every language's forms.
            let hits = self.find(&seg.text, lang.filter(|l| *l != Lang::En));
            timings.matching += t.elapsed();
            timings.matched_bytes += seg.text.len();
            if hits.is_empty() {
                continue;
            }
            records.push(Record::Sentence(SentenceRecord {
                id: id.clone(),
                lang: lang_code.to_string(),
                line: seg.line,
                column: seg.column,
                kind: kind_name(seg.kind).to_string(),
                text: seg.text.clone(),
            }));
            for hit in hits {
                let occ = occurrence(doc, &norm, seg, lang_code, &id, &hit);
                records.push(Record::Term(TermRecord {
                    sentence: id.clone(),
                    lang: occ.lang.clone(),
                    concept: occ.concept.clone(),
                    surface: occ.surface.clone(),
                    english: occ.english.clone(),
                    tier: occ.tier.as_str().to_string(),
                    line: occ.line,
                    column: occ.column,
                    in_footnote: occ.in_footnote,
                    context: occ.context.clone(),
                }));
                occurrences.push(occ);
            }
        }
        Aligned {
            file: AlignmentFile {
                source: source.to_string(),
                glossary: self.fingerprint.clone(),
                records,
            },
            occurrences,
            words,
        }
    }
}

/// The words of a sentence, mapped back to the raw input.
fn sentence_words(
    doc: &Document,
    norm: &Normalized,
    seg: &Segment,
    lang: Option<Lang>,
) -> Vec<Word> {
    let block = &norm.blocks[seg.block].text;
    let mut out = Vec::new();
    let mut start = None;
    let text = &seg.text;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (ch.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let src = block.source_span(seg.in_block.0 + s, seg.in_block.0 + i);
                let (line, column) = doc.line_col(src.start);
                out.push(Word {
                    file: doc.name().to_string(),
                    text: text[s..i].to_string(),
                    lang,
                    line,
                    column,
                    start: doc.raw_offset(src.start),
                    end: doc.raw_offset(src.end),
                    in_footnote: seg.kind == SegmentKind::Footnote,
                });
            }
            _ => {}
        }
    }
    out
}

fn kind_name(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Sentence => "sentence",
        SegmentKind::Heading => "heading",
        SegmentKind::Footnote => "footnote",
    }
}

fn occurrence(
    doc: &Document,
    norm: &Normalized,
    seg: &Segment,
    lang: &str,
    id: &str,
    hit: &crate::terms::TermHit,
) -> Occurrence {
    let block = &norm.blocks[seg.block].text;
    let (s, e) = (seg.in_block.0 + hit.start, seg.in_block.0 + hit.end);
    let src = block.source_span(s, e);
    let (line, column) = doc.line_col(src.start);
    Occurrence {
        file: doc.name().to_string(),
        line,
        column,
        surface: seg.text[hit.start..hit.end].to_string(),
        concept: hit.concept.clone(),
        form: hit.form.clone(),
        english: hit.english.clone(),
        tier: hit.tier,
        lang: lang.to_string(),
        in_footnote: seg.kind == SegmentKind::Footnote,
        start: doc.raw_offset(src.start),
        end: doc.raw_offset(src.end),
        sentence: id.to_string(),
        context: context(&seg.text, hit.start, hit.end),
    }
}

/// The sentence around `start..end`, the term marked `[[…]]`, cut to about
/// [`CONTEXT_CHARS`] characters on each side.
pub fn context(text: &str, start: usize, end: usize) -> String {
    let before = &text[..start];
    let after = &text[end..];
    let cut_before = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let cut_after = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let mut out = String::new();
    if cut_before > 0 {
        out.push('…');
    }
    out.push_str(&before[cut_before..]);
    out.push_str("[[");
    out.push_str(&text[start..end]);
    out.push_str("]]");
    out.push_str(&after[..cut_after]);
    if cut_after < after.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::LangChoice;

    const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }]

[concept.nachalstvo]
english = "nachalstvo"
category = "term"
compound = "both"
de = [{ form = "Natschalstwo" }]
"#;

    fn aligner() -> Aligner {
        let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
        Aligner::new(
            &g,
            Options {
                lang: LangChoice::Fixed(Lang::De),
            },
        )
        .unwrap()
    }

    #[test]
    fn a_split_term_is_found_at_its_first_letter() {
        let raw = "Titel\n\nDort herrschte das Ministerialnat-\nschalstwo über die Kolchosen.\n";
        let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
        let a = aligner().align(&doc, "t.txt");
        let occ: Vec<(&str, &str, usize, usize)> = a
            .occurrences
            .iter()
            .map(|o| (o.surface.as_str(), o.concept.as_str(), o.line, o.column))
            .collect();
        assert_eq!(
            occ,
            [
                ("Ministerialnatschalstwo", "nachalstvo", 3, 20),
                ("Kolchosen", "kolkhoz", 4, 20)
            ]
        );
        assert_eq!(
            &raw[a.occurrences[0].start..a.occurrences[0].start + 4],
            "Mini"
        );
        assert!(a.occurrences[1].context.contains("[[Kolchosen]]"));
    }

    #[test]
    fn terms_in_footnotes_are_marked() {
        let raw = "Die Bauern gingen in die Kolchosen.1 Dann kam der Winter.\n\n1 Vgl. Meier, Das Natschalstwo, S. 3.\n";
        let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
        let a = aligner().align(&doc, "t.txt");
        let foot: Vec<bool> = a.occurrences.iter().map(|o| o.in_footnote).collect();
        assert_eq!(foot, [false, true]);
    }

    #[test]
    fn output_is_deterministic_and_parses_back() {
        let raw = "Die Kolchosen wuchsen. Die Kolchosen wuchsen.\n";
        let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
        let a = aligner();
        let one = a.align(&doc, "t.txt").file.render();
        assert_eq!(one, a.align(&doc, "t.txt").file.render());
        let parsed = AlignmentFile::parse("t.align", &one).unwrap();
        assert_eq!(parsed.render(), one);
        assert!(
            one.contains("-2\t"),
            "a repeated sentence gets a numbered id: {one}"
        );
    }

    #[test]
    fn context_is_cut_around_the_term() {
        let text = format!("{} Kolchos {}", "a".repeat(60), "b".repeat(60));
        let c = context(&text, 61, 68);
        assert!(
            c.starts_with('…') && c.ends_with('…') && c.contains("[[Kolchos]]"),
            "{c}"
        );
    }
}
