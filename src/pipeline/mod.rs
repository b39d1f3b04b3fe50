//! Wires the stages together for one document: decode → normalise → segment → match →
//! alignment records.
//!
//! [`Aligner`] holds what is built once per run (the compiled glossary); [`Aligner::align`]
//! is a pure function of one document, so documents can run in parallel in any order and
//! still give byte-identical files.

use std::time::{Duration, Instant};

use rayon::prelude::*;

mod bilingual;
mod records;
mod translation;

pub use records::{Aligned, BeadOut, Occurrence, TranslationCheck, Unlikely, Word};
pub use records::{UNLIKELY_KEYS, length_correlation, unlikely};

use crate::alignment_file::{
    AlignmentFile, Record, SentenceIds, SentenceRecord, TranslationRecord, fingerprint,
    render_records,
};
use crate::detect::{DetectConfig, Detector};
use crate::error::Result;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::normalize::{Normalized, normalize};
use crate::segment::{Options, Segment, segment_normalized};
use crate::source::Document;
use crate::terms::english::{TargetHit, TargetMatcher, judge};
use crate::terms::{TermHit, TermMatcher};
use records::{occurrence, sentence_words};

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

/// A translation of a source document.
#[derive(Clone, Copy, Debug)]
pub struct Translation<'a> {
    pub doc: &'a Document,
    /// The path written into the alignment file's header.
    pub name: &'a str,
    /// Its language code (any language; the glossary's renderings are English).
    pub lang: &'a str,
}

/// The compiled glossary and the settings of a run.
#[derive(Debug)]
pub struct Aligner {
    matcher: TermMatcher,
    fingerprint: String,
    options: Options,
    detector: Option<Detector>,
    target_matcher: TargetMatcher,
    presegmented: bool,
    /// Whether [`Aligned::words`] is filled.
    words: bool,
    /// Bilingual dictionaries for sentence alignment.
    dictionaries: Option<std::sync::Arc<crate::align::Dictionaries>>,
    /// What is kept of each occurrence of a document aligned without a translation.
    keep: Keep,
}

/// What [`Aligner::align`] keeps of each term occurrence of a document aligned without a
/// translation: the alignment file's records and the [`Occurrence`]s beside them (the
/// default), or only one of the two, for a consumer that reads only one (`glossa align`
/// writing files, or printing JSON lines). Each occurrence is otherwise held twice; on a
/// 20 MB document that was a quarter of the peak memory (issue 20). A document aligned
/// with a translation always keeps both (its checks point at its occurrences).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    #[default]
    Both,
    /// Only [`Aligned::file`]'s records; [`Aligned::occurrences`] stays empty.
    Records,
    /// Only [`Aligned::occurrences`]; the file has its header and no records.
    Occurrences,
    /// Only the alignment file's text ([`Aligned::text`]), rendered from each batch of
    /// sentences as its records are made, on the thread pool; the file has its header and
    /// no records, [`Aligned::occurrences`] stays empty. For a consumer that writes,
    /// compares or prints the file: the records of a big document are never held all at
    /// once (on a 20 MB document they were the largest thing alive, issue 20), and the
    /// rendering runs beside the making instead of after it. A document aligned with a
    /// translation keeps both, as with [`Keep::Both`], and has no text.
    Text,
}

impl Aligner {
    /// Compiles the glossary once for the whole run.
    pub fn new(glossary: &Glossary, options: Options) -> Result<Aligner> {
        Ok(Aligner {
            matcher: TermMatcher::new(glossary)?,
            // The canonical form, so that reformatting a glossary changes nothing.
            fingerprint: fingerprint(glossary.to_toml().as_bytes()),
            options,
            detector: None,
            target_matcher: TargetMatcher::new(glossary)?,
            presegmented: false,
            words: false,
            dictionaries: None,
            keep: Keep::Both,
        })
    }

    /// Decides the language of every sentence with lingua (models loaded once here), so
    /// that each sentence is matched against its own language's forms.
    pub fn with_detection(mut self, config: &DetectConfig) -> Result<Aligner> {
        self.detector = Some(Detector::new(config)?);
        Ok(self)
    }

    /// Aligns sentences with the word pairs of these dictionaries too.
    pub fn with_dictionaries(
        mut self,
        dictionaries: std::sync::Arc<crate::align::Dictionaries>,
    ) -> Aligner {
        self.dictionaries = Some(dictionaries);
        self
    }

    /// Also collects every word of every sentence into [`Aligned::words`].
    pub fn with_words(mut self) -> Aligner {
        self.words = true;
        self
    }

    /// Keeps only what `keep` says of each occurrence (see [`Keep`]).
    pub fn keeping(mut self, keep: Keep) -> Aligner {
        self.keep = keep;
        self
    }

    /// The hits in a sentence of language `lang` (`None`: unknown): every spelling of
    /// the glossary, those of other languages as [`crate::terms::Tier::Variant`] where the
    /// concept has its own (see [`TermMatcher::find`]).
    fn find(&self, text: &str, lang: Option<Lang>) -> Vec<TermHit> {
        self.matcher.find(text, lang)
    }

    /// The segmentation options (the abbreviation rules).
    pub fn options(&self) -> Options {
        self.options
    }

    /// The glossary fingerprint written into alignment files.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Reads sources (and translations) as pre-segmented text: one sentence per line.
    pub fn presegmented(mut self, yes: bool) -> Aligner {
        self.presegmented = yes;
        self
    }

    /// Aligns one document; `source` is the path written into the file's header.
    pub fn align(&self, doc: &Document, source: &str) -> Aligned {
        self.align_full(doc, source, None, &mut Timings::default())
    }

    /// [`Aligner::align`], adding the time spent in each stage to `timings`.
    pub fn align_timed(&self, doc: &Document, source: &str, timings: &mut Timings) -> Aligned {
        self.align_full(doc, source, None, timings)
    }

    /// Aligns one document and its translation: sentence pairs, and for every term what
    /// the translation did with it.
    pub fn align_translation(
        &self,
        doc: &Document,
        source: &str,
        translation: &Translation<'_>,
    ) -> Aligned {
        self.align_full(doc, source, Some(translation), &mut Timings::default())
    }

    /// The source's sentences with their languages.
    fn source_segments(
        &self,
        doc: &Document,
        timings: &mut Timings,
    ) -> (Normalized, Vec<(Segment, Option<Lang>)>) {
        let fixed = match self.options.lang {
            crate::segment::LangChoice::Fixed(l) => Some(l),
            crate::segment::LangChoice::Auto => None,
        };
        if self.presegmented {
            let lang = fixed.unwrap_or_else(|| crate::segment::guess_lang(doc.text()));
            let (norm, segs) = crate::segment::presegmented(doc, lang);
            return (norm, segs.into_iter().map(|s| (s, Some(lang))).collect());
        }
        let t = Instant::now();
        let norm = normalize(doc.text());
        timings.normalize += t.elapsed();
        let t = Instant::now();
        let segments = match &self.detector {
            Some(detector) => {
                let langs = detector.sentence_languages(doc, &norm, self.options.lang);
                timings.detect += t.elapsed();
                langs
                    .into_iter()
                    .map(|s| (s.segment, s.detection.lang))
                    .collect()
            }
            None => {
                let segs = segment_normalized(doc, &norm, &self.options);
                timings.segment += t.elapsed();
                segs.into_iter()
                    .map(|s| (s.clone(), Some(s.lang)))
                    .collect()
            }
        };
        (norm, segments)
    }

    /// The records of one source sentence: `S`, its `T`s and, with the translation's
    /// aligned hits and text, its `X`s.
    fn emit_sentence(
        &self,
        doc: &SourceDoc<'_>,
        k: usize,
        hits: &[TermHit],
        target: Option<(&[TargetHit], &str)>,
        keep: Keep,
        out: &mut Aligned,
    ) {
        let (seg, lang) = &doc.segments[k];
        let lang_code = lang.map_or("unknown", Lang::code);
        if hits.is_empty() {
            return;
        }
        let id = doc.id(k);
        let records = keep != Keep::Occurrences;
        if records {
            out.file.records.push(Record::Sentence(SentenceRecord {
                id: id.clone(),
                lang: lang_code.to_string(),
                line: seg.line,
                column: seg.column,
                kind: seg.kind,
                text: seg.text.clone(),
            }));
        }
        let mut checks = Vec::new();
        for hit in hits {
            let occ = occurrence(doc.doc, &doc.norm, seg, lang_code, &id, hit);
            if keep == Keep::Records {
                out.file.records.push(Record::Term(occ.term));
                continue;
            }
            if records {
                out.file.records.push(Record::Term(occ.term.clone()));
            }
            if let Some((hits, text)) = target {
                let (rendering, hit) = judge(&occ.term.concept, hits);
                let record = TranslationRecord {
                    sentence: id.clone(),
                    concept: occ.term.concept.clone(),
                    surface: occ.term.surface.clone(),
                    rendering,
                    found: hit.map_or(String::new(), |h| h.surface.clone()),
                    english: occ.term.english.clone(),
                };
                checks.push(Record::Translation(record.clone()));
                out.translations.push(TranslationCheck {
                    occurrence: out.occurrences.len(),
                    record,
                    form: hit.map(|h| h.form.clone()),
                    target: text.to_string(),
                    found_at: None,
                });
            }
            out.occurrences.push(occ);
        }
        out.file.records.extend(checks);
    }

    fn align_full(
        &self,
        doc: &Document,
        source: &str,
        translation: Option<&Translation<'_>>,
        timings: &mut Timings,
    ) -> Aligned {
        // Aligned without a translation into text, a document's sentences are matched
        // batch by batch where their records are made: the hits of the whole document
        // are never held at once (issue 20).
        let fused = translation.is_none() && self.keep == Keep::Text;
        let src = self.source_doc(doc, timings, !fused);
        let mut out = Aligned {
            file: AlignmentFile {
                source: source.to_string(),
                glossary: self.fingerprint.clone(),
                target: translation.map(|t| (t.lang.to_string(), t.name.to_string())),
                dictionary: None,
                records: Vec::new(),
            },
            occurrences: Vec::new(),
            words: if self.words {
                src.segments
                    .iter()
                    .flat_map(|(seg, lang)| sentence_words(doc, &src.norm, seg, *lang))
                    .collect()
            } else {
                Vec::new()
            },
            beads: Vec::new(),
            translations: Vec::new(),
            sentences: src.segments.len(),
            languages: language_counts(&src.segments),
            dropped: src.norm.dropped.len(),
            coverage: None,
            key_agreement: None,
            length_correlation: None,
            text: None,
            rendered_terms: 0,
        };
        match translation {
            None if self.keep == Keep::Text => {
                // Each batch's records rendered where they are made, and dropped: the
                // file's text is the header and the batches' lines joined in order.
                let n = src.segments.len();
                let parts: Vec<(String, usize)> = (0..n.div_ceil(MATCH_BATCH))
                    .into_par_iter()
                    .map(|b| {
                        let mut part = Aligned::empty();
                        for k in b * MATCH_BATCH..((b + 1) * MATCH_BATCH).min(n) {
                            let hits = self.sentence_hits(&src.segments[k]);
                            self.emit_sentence(&src, k, &hits, None, Keep::Records, &mut part);
                        }
                        let mut text = String::with_capacity(part.file.records.len() * 160);
                        render_records(&mut text, &part.file.records);
                        (text, part.terms())
                    })
                    .collect();
                let mut text = out.file.render_header();
                text.reserve(parts.iter().map(|(t, _)| t.len()).sum());
                for (part, terms) in parts {
                    text.push_str(&part);
                    out.rendered_terms += terms;
                }
                out.text = Some(text);
            }
            None => {
                // Records are made in parallel, in batches of sentences joined in order:
                // the same file for any number of threads.
                let n = src.segments.len();
                let parts: Vec<Aligned> = (0..n.div_ceil(MATCH_BATCH))
                    .into_par_iter()
                    .map(|b| {
                        let mut part = Aligned::empty();
                        for k in b * MATCH_BATCH..((b + 1) * MATCH_BATCH).min(n) {
                            self.emit_sentence(&src, k, &src.hits[k], None, self.keep, &mut part);
                        }
                        part
                    })
                    .collect();
                out.file
                    .records
                    .reserve(parts.iter().map(|p| p.file.records.len()).sum());
                out.occurrences
                    .reserve(parts.iter().map(|p| p.occurrences.len()).sum());
                for part in parts {
                    out.file.records.extend(part.file.records);
                    out.occurrences.extend(part.occurrences);
                }
            }
            Some(translation) => self.emit_aligned(&src, translation, &mut out),
        }
        // A big document's sentences, hits and normalised text are hundreds of thousands
        // of allocations: they are freed on the thread pool while the caller goes on with
        // the records (writing them, say).
        let SourceDoc {
            norm,
            segments,
            ids,
            hits,
            ..
        } = src;
        if segments.len() > MATCH_BATCH {
            rayon::spawn(move || drop((norm, segments, ids, hits)));
        }
        out
    }

    /// The source's sentences in source order (footnotes where they stand in the file),
    /// with their languages and content-derived ids.
    ///
    /// With `matching` false, [`SourceDoc::hits`] stays empty: the caller matches each
    /// sentence itself (see [`Aligner::sentence_hits`]).
    fn source_doc<'d>(
        &self,
        doc: &'d Document,
        timings: &mut Timings,
        matching: bool,
    ) -> SourceDoc<'d> {
        let (norm, mut segments) = self.source_segments(doc, timings);
        segments.sort_by_key(|(s, _)| (s.span.start, s.span.end));
        let hashes: Vec<u64> = segments
            .par_iter()
            .with_min_len(MATCH_BATCH)
            .map(|(s, _)| SentenceIds::hash(&s.text))
            .collect();
        // Numbered in order (one core), spelled out only where a record needs them.
        let mut ids = SentenceIds::default();
        let ids = hashes.into_iter().map(|h| (h, ids.count(h))).collect();
        // The sentences are matched in parallel, in batches (one big file keeps every
        // core busy); the records are then made in order, so the output is the same for
        // any number of threads.
        let t = Instant::now();
        let hits = if matching {
            segments
                .par_iter()
                .with_min_len(MATCH_BATCH)
                .map(|segment| self.sentence_hits(segment))
                .collect()
        } else {
            Vec::new()
        };
        timings.matching += t.elapsed();
        timings.matched_bytes += segments.iter().map(|(s, _)| s.text.len()).sum::<usize>();
        SourceDoc {
            doc,
            norm,
            segments,
            ids,
            hits,
        }
    }
}

impl Aligner {
    /// The glossary's hits in one sentence of the source.
    fn sentence_hits(&self, (seg, lang): &(Segment, Option<Lang>)) -> Vec<TermHit> {
        // English text (a quoted title) is searched with every language's forms.
        self.find(&seg.text, lang.filter(|l| *l != Lang::En))
    }
}

/// A source document cut into sentences, as the records are made from it.
struct SourceDoc<'d> {
    doc: &'d Document,
    norm: Normalized,
    /// Segments in source order, with their languages.
    segments: Vec<(Segment, Option<Lang>)>,
    /// The sentence id of each segment, as its hash and number (see [`SentenceIds::id`]).
    ids: Vec<(u64, usize)>,
    /// The glossary's hits in each segment (none where each batch matches its own, see
    /// [`Aligner::source_doc`]).
    hits: Vec<Vec<TermHit>>,
}

impl SourceDoc<'_> {
    /// The sentence id of segment `k`.
    fn id(&self, k: usize) -> String {
        let (hash, n) = self.ids[k];
        SentenceIds::id(hash, n)
    }
}

/// The fewest sentences matched as one task of the thread pool.
const MATCH_BATCH: usize = 256;

/// Segments per language code (`unknown` included), sorted by code.
fn language_counts(segments: &[(Segment, Option<Lang>)]) -> Vec<(String, usize)> {
    // Counted per language first: a `String` per sentence was a serial pass of a big
    // document's allocations (issue 20).
    let (mut known, mut unknown) = (crate::lang::ByLang::<usize>::default(), 0);
    for (_, lang) in segments {
        match lang {
            Some(l) => known[*l] += 1,
            None => unknown += 1,
        }
    }
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for (lang, &n) in known.iter().filter(|(_, n)| **n > 0) {
        counts.insert(lang.code(), n);
    }
    if unknown > 0 {
        counts.insert("unknown", unknown);
    }
    counts
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect()
}

#[cfg(test)]
mod tests;
