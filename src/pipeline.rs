//! Wires the stages together for one document: decode → normalise → segment → match →
//! alignment records.
//!
//! [`Aligner`] holds what is built once per run (the compiled glossary); [`Aligner::align`]
//! is a pure function of one document, so documents can run in parallel in any order and
//! still give byte-identical files.

use std::time::{Duration, Instant};

use crate::align::GlossaryKeys;
use crate::align::{Config as SentenceConfig, Unit, align as align_sentences};
use crate::alignment_file::{
    AlignmentFile, PairRecord, Record, SentenceIds, SentenceRecord, TermRecord, TranslationRecord,
    fingerprint,
};
use crate::terms::english::{Rendering, TargetHit, TargetMatcher, judge};
use std::collections::HashSet;

use crate::detect::{DetectConfig, Detector};
use crate::error::Result;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::normalize::{Normalized, normalize};
use crate::segment::{Options, Segment, SegmentKind, segment_normalized};
use crate::source::Document;
use crate::terms::{TermMatcher, Tier, context};

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
    /// With a translation: the sentence alignment.
    pub beads: Vec<BeadOut>,
    /// With a translation: what it did with each source term.
    pub translations: Vec<TranslationCheck>,
    /// The number of segments (sentences, headings, footnote sentences).
    pub sentences: usize,
    /// Segments per language code (`unknown` included), sorted by code.
    pub languages: Vec<(String, usize)>,
    /// Every word of the document's sentences, when asked for with
    /// [`Aligner::with_words`] (for checks that look at what the glossary did not match).
    pub words: Vec<Word>,
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
    target_matcher: TargetMatcher,
    presegmented: bool,
    /// The concepts that have forms in a language: in text of that language only those
    /// forms are looked for; concepts without any are looked for in every language's.
    covered: HashSet<(String, Lang)>,
    /// The languages in which some concept has no form (only there is a fallback needed).
    partial: HashSet<Lang>,
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
            target_matcher: TargetMatcher::new(glossary)?,
            presegmented: false,
            partial: Lang::ALL
                .into_iter()
                .filter(|&l| {
                    glossary
                        .concepts
                        .iter()
                        .any(|c| c.forms.iter().all(|f| f.lang != l))
                })
                .collect(),
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
        if !self.partial.contains(&lang) {
            // Every concept has forms in this language: nothing to fall back on.
            return hits;
        }
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
                    .map(|s| (s.clone(), Some(s.lang)))
                    .collect()
            }
        };
        (norm, segments)
    }

    /// The translation's body sentences (footnotes are not aligned).
    fn target_segments(&self, translation: &Translation<'_>) -> Vec<Segment> {
        let lang: Lang = translation.lang.parse().unwrap_or(Lang::En);
        let segs = if self.presegmented {
            crate::segment::presegmented(translation.doc, lang).1
        } else {
            let opts = Options {
                lang: crate::segment::LangChoice::Fixed(lang),
            };
            crate::segment::segment_document(translation.doc, &opts)
        };
        let mut segs: Vec<Segment> = segs
            .into_iter()
            .filter(|s| s.kind != SegmentKind::Footnote)
            .collect();
        segs.sort_by_key(|s| (s.span.start, s.span.end));
        segs
    }

    /// Records for one source sentence: `S`, its `T`s and, with a translation, its `X`s.
    #[allow(clippy::too_many_arguments)]
    fn emit_sentence(
        &self,
        doc: &Document,
        norm: &Normalized,
        seg: &Segment,
        lang: Option<Lang>,
        id: &str,
        target: Option<(&[TargetHit], &str)>,
        out: &mut Aligned,
        timings: &mut Timings,
    ) {
        let lang_code = lang.map_or("unknown", Lang::code);
        let t = Instant::now();
        // English text (a quoted title) is searched with every language's forms.
        let hits = self.find(&seg.text, lang.filter(|l| *l != Lang::En));
        timings.matching += t.elapsed();
        timings.matched_bytes += seg.text.len();
        if hits.is_empty() {
            return;
        }
        out.file.records.push(Record::Sentence(SentenceRecord {
            id: id.to_string(),
            lang: lang_code.to_string(),
            line: seg.line,
            column: seg.column,
            kind: kind_name(seg.kind).to_string(),
            text: seg.text.clone(),
        }));
        let mut checks = Vec::new();
        for hit in hits {
            let occ = occurrence(doc, norm, seg, lang_code, id, &hit);
            out.file.records.push(Record::Term(TermRecord {
                sentence: id.to_string(),
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
            if let Some((hits, text)) = target {
                let (rendering, hit) = judge(&occ.concept, hits);
                checks.push(Record::Translation(TranslationRecord {
                    sentence: id.to_string(),
                    concept: occ.concept.clone(),
                    surface: occ.surface.clone(),
                    rendering: rendering.as_str().to_string(),
                    found: hit.map_or(String::new(), |h| h.surface.clone()),
                    english: occ.english.clone(),
                }));
                out.translations.push(TranslationCheck {
                    occurrence: out.occurrences.len(),
                    rendering,
                    found: hit.map(|h| h.surface.clone()),
                    form: hit.map(|h| h.form.clone()),
                    target: text.to_string(),
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
        let (norm, mut segments) = self.source_segments(doc, timings);
        // Records go in source order: footnotes where they stand in the file.
        segments.sort_by_key(|(s, _)| (s.span.start, s.span.end));
        let mut ids = SentenceIds::default();
        let sids: Vec<String> = segments.iter().map(|(s, _)| ids.next(&s.text)).collect();
        let mut out = Aligned {
            file: AlignmentFile {
                source: source.to_string(),
                glossary: self.fingerprint.clone(),
                target: translation.map(|t| (t.lang.to_string(), t.name.to_string())),
                records: Vec::new(),
            },
            occurrences: Vec::new(),
            words: if self.words {
                segments
                    .iter()
                    .flat_map(|(seg, lang)| sentence_words(doc, &norm, seg, *lang))
                    .collect()
            } else {
                Vec::new()
            },
            beads: Vec::new(),
            translations: Vec::new(),
            sentences: segments.len(),
            languages: {
                let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
                for (_, lang) in &segments {
                    *counts
                        .entry(lang.map_or("unknown", Lang::code).to_string())
                        .or_default() += 1;
                }
                counts.into_iter().collect()
            },
        };
        let Some(translation) = translation else {
            for (k, (seg, lang)) in segments.iter().enumerate() {
                self.emit_sentence(doc, &norm, seg, *lang, &sids[k], None, &mut out, timings);
            }
            return out;
        };

        // Sentence alignment of the body with the translation's body.
        let body: Vec<usize> = (0..segments.len())
            .filter(|&k| segments[k].0.kind != SegmentKind::Footnote)
            .collect();
        let units = |segs: &mut dyn Iterator<Item = &Segment>| -> Vec<Unit> {
            let mut para = 0;
            let mut last_block = None;
            segs.map(|s| {
                if last_block.is_some_and(|b| b != s.block) {
                    para += 1;
                }
                last_block = Some(s.block);
                Unit::new(s.text.clone(), para)
            })
            .collect()
        };
        let src_units = units(&mut body.iter().map(|&k| &segments[k].0));
        let tgt_segs = self.target_segments(translation);
        let tgt_units = units(&mut tgt_segs.iter());
        let mut tids = SentenceIds::default();
        let tgt_ids: Vec<String> = tgt_segs.iter().map(|s| tids.next(&s.text)).collect();
        let tgt_hits: Vec<Vec<TargetHit>> = tgt_segs
            .iter()
            .map(|s| self.target_matcher.find(&s.text))
            .collect();
        let keys = GlossaryKeys {
            source: &self.matcher,
            source_lang: None,
            target: &self.target_matcher,
        };
        let beads = align_sentences(&src_units, &tgt_units, &keys, &SentenceConfig::default());

        // Interleave beads and footnotes by source position.
        let emit = |k: usize,
                    target: Option<(&[TargetHit], &str)>,
                    out: &mut Aligned,
                    timings: &mut Timings| {
            let (seg, lang) = &segments[k];
            self.emit_sentence(doc, &norm, seg, *lang, &sids[k], target, out, timings);
        };
        let footnotes: Vec<usize> = (0..segments.len())
            .filter(|&k| segments[k].0.kind == SegmentKind::Footnote)
            .collect();
        let mut next_footnote = 0;
        for bead in &beads {
            if let Some(&first) = bead.source.first() {
                let start = segments[body[first]].0.span.start;
                while next_footnote < footnotes.len()
                    && segments[footnotes[next_footnote]].0.span.start < start
                {
                    emit(footnotes[next_footnote], None, &mut out, timings);
                    next_footnote += 1;
                }
            }
            let src_lang = bead
                .source
                .first()
                .and_then(|&i| segments[body[i]].1)
                .map_or("unknown", Lang::code);
            let target_text = join(bead.target.iter().map(|&j| tgt_segs[j].text.as_str()));
            out.file.records.push(Record::Pair(PairRecord {
                source: bead.source.iter().map(|&i| sids[body[i]].clone()).collect(),
                target: bead.target.iter().map(|&j| tgt_ids[j].clone()).collect(),
                score: format!("{:.3}", bead.score),
                review: bead.review,
                lang: src_lang.to_string(),
                source_text: join(
                    bead.source
                        .iter()
                        .map(|&i| segments[body[i]].0.text.as_str()),
                ),
                target_text: target_text.clone(),
            }));
            let hits: Vec<TargetHit> = bead
                .target
                .iter()
                .flat_map(|&j| tgt_hits[j].iter().cloned())
                .collect();
            for &i in &bead.source {
                emit(body[i], Some((&hits, &target_text)), &mut out, timings);
            }
            out.beads.push(BeadOut {
                source: bead.source.iter().map(|i| i + 1).collect(),
                target: bead.target.iter().map(|j| j + 1).collect(),
                score: bead.score,
                review: bead.review,
            });
        }
        for &k in &footnotes[next_footnote..] {
            emit(k, None, &mut out, timings);
        }
        out
    }
}

/// One bead of the sentence alignment, numbered as aligners print them.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct BeadOut {
    /// 1-based numbers of the source sentences (body sentences and headings, in order).
    pub source: Vec<usize>,
    /// 1-based numbers of the target sentences.
    pub target: Vec<usize>,
    pub score: f64,
    pub review: bool,
}

/// What the translation did with one occurrence (`Aligned::occurrences[occurrence]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslationCheck {
    pub occurrence: usize,
    pub rendering: Rendering,
    /// The English words found.
    pub found: Option<String>,
    /// The glossary rendering they are a form of (`collective farm`).
    pub form: Option<String>,
    /// The aligned target sentences, for showing both sides.
    pub target: String,
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join(" ")
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
    fn a_term_split_around_a_footnote_block_is_found_at_its_first_letter() {
        let filler =
            "Die Genossenschaften des Dorfes arbeiteten seit dem Frühjahr gemeinsam auf den";
        let raw = format!(
            "{filler}\nFeldern.12 Die Bauern gingen damals, wie es hieß, freiwillig in die Kol-\n\n12 Vgl. Meier, S. 3.\n chosen des Bezirks.\n"
        );
        let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
        let a = aligner().align(&doc, "t.txt");
        let o = a
            .occurrences
            .iter()
            .find(|o| o.surface == "Kolchosen")
            .expect("the split term");
        assert_eq!((o.line, o.column), (2, 69));
        assert!(!o.in_footnote);
        assert_eq!(&raw[o.start..o.start + 3], "Kol");
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
}
