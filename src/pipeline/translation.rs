//! A source document with its translation: the body sentences of both aligned (stage 6),
//! the sentence pairs written as `P` records, and each source term judged in the target
//! sentences of its bead (`X` records). Footnotes are not aligned: their records stand
//! where they are in the source, between the beads.

use super::records::BeadOut;
use super::{Aligned, Aligner, Keep, SourceDoc, Translation};
use crate::align::{
    Config as SentenceConfig, GlossaryKeys, Unit, WithDictionary, align as align_sentences,
};
use crate::alignment_file::{PairRecord, Record, SentenceIds};
use crate::lang::Lang;
use crate::segment::{LangChoice, Options, Segment, SegmentKind};
use crate::terms::english::TargetHit;

/// The translation's body sentences, their ids and the glossary renderings in each.
struct Target {
    segments: Vec<Segment>,
    ids: Vec<String>,
    hits: Vec<Vec<TargetHit>>,
}

impl Aligner {
    /// The records of a source aligned with its translation.
    pub(super) fn emit_aligned(
        &self,
        src: &SourceDoc<'_>,
        translation: &Translation<'_>,
        out: &mut Aligned,
    ) {
        let body: Vec<usize> = (0..src.segments.len())
            .filter(|&k| src.segments[k].0.kind != SegmentKind::Footnote)
            .collect();
        let target = self.target(translation);
        let beads = {
            let src_units = units(body.iter().map(|&k| &src.segments[k].0));
            let tgt_units = units(target.segments.iter());
            let keys = GlossaryKeys {
                source: &self.matcher,
                source_lang: None,
                target: &self.target_matcher,
            };
            let dictionary = self.dictionaries.as_ref().and_then(|d| {
                let source = majority_lang(body.iter().map(|&k| src.segments[k].1))?;
                d.for_pair(source.code(), translation.lang)
            });
            match &dictionary {
                Some(dictionary) => {
                    out.file.dictionary = Some(dictionary.name().to_string());
                    let keys = WithDictionary {
                        keys: &keys,
                        dictionary,
                    };
                    align_sentences(&src_units, &tgt_units, &keys, &SentenceConfig::default())
                }
                None => align_sentences(&src_units, &tgt_units, &keys, &SentenceConfig::default()),
            }
        };
        out.coverage = mean_of(beads.iter().map(|b| b.coverage));
        out.key_agreement = mean_of(beads.iter().map(|b| b.keys));
        out.length_correlation = super::records::length_correlation(beads.iter().filter_map(|b| {
            let (&[i], &[j]) = (&b.source[..], &b.target[..]) else {
                return None;
            };
            let source = &src.segments[body[i]].0.text;
            Some((
                source.chars().count(),
                target.segments[j].text.chars().count(),
            ))
        }));
        // Beads and footnotes interleaved by source position.
        let footnotes: Vec<usize> = (0..src.segments.len())
            .filter(|&k| src.segments[k].0.kind == SegmentKind::Footnote)
            .collect();
        let mut next_footnote = 0;
        for bead in &beads {
            if let Some(&first) = bead.source.first() {
                let start = src.segments[body[first]].0.span.start;
                while next_footnote < footnotes.len()
                    && src.segments[footnotes[next_footnote]].0.span.start < start
                {
                    let f = footnotes[next_footnote];
                    self.emit_sentence(src, f, &src.hits[f], None, Keep::Both, out);
                    next_footnote += 1;
                }
            }
            let source: Vec<usize> = bead.source.iter().map(|&i| body[i]).collect();
            let target_text = join(
                bead.target
                    .iter()
                    .map(|&j| target.segments[j].text.as_str()),
            );
            out.file.records.push(Record::Pair(pair(
                src,
                &source,
                &target,
                &bead.target,
                bead,
            )));
            let hits: Vec<TargetHit> = bead
                .target
                .iter()
                .flat_map(|&j| target.hits[j].iter().cloned())
                .collect();
            for &k in &source {
                self.emit_sentence(
                    src,
                    k,
                    &src.hits[k],
                    Some((&hits, &target_text)),
                    Keep::Both,
                    out,
                );
            }
            let source_text = join(source.iter().map(|&k| src.segments[k].0.text.as_str()));
            out.beads.push(BeadOut {
                source: bead.source.iter().map(|i| i + 1).collect(),
                target: bead.target.iter().map(|j| j + 1).collect(),
                score: bead.score,
                review: bead.review,
                source_at: source.first().map(|&k| {
                    let s = &src.segments[k].0;
                    (s.line, s.column)
                }),
                target_at: bead.target.first().map(|&j| {
                    let s = &target.segments[j];
                    (s.line, s.column)
                }),
                source_text,
                target_text,
            });
        }
        for &k in &footnotes[next_footnote..] {
            self.emit_sentence(src, k, &src.hits[k], None, Keep::Both, out);
        }
    }

    /// The translation's body sentences (footnotes are not aligned), in order.
    fn target(&self, translation: &Translation<'_>) -> Target {
        let lang: Lang = translation.lang.parse().unwrap_or(Lang::En);
        let segs = if self.presegmented {
            crate::segment::presegmented(translation.doc, lang).1
        } else {
            let opts = Options {
                lang: LangChoice::Fixed(lang),
            };
            crate::segment::segment_document(translation.doc, &opts)
        };
        let mut segments: Vec<Segment> = segs
            .into_iter()
            .filter(|s| s.kind != SegmentKind::Footnote)
            .collect();
        segments.sort_by_key(|s| (s.span.start, s.span.end));
        let mut ids = SentenceIds::default();
        Target {
            ids: segments.iter().map(|s| ids.next(&s.text)).collect(),
            hits: segments
                .iter()
                .map(|s| self.target_matcher.find(&s.text))
                .collect(),
            segments,
        }
    }
}

/// The `P` record of a bead: source segments `source` (indices into `src.segments`) with
/// target sentences `targets`.
fn pair(
    src: &SourceDoc<'_>,
    source: &[usize],
    target: &Target,
    targets: &[usize],
    bead: &crate::align::Bead,
) -> PairRecord {
    let lang = source
        .first()
        .and_then(|&k| src.segments[k].1)
        .map_or("unknown", Lang::code);
    PairRecord {
        source: source.iter().map(|&k| src.id(k)).collect(),
        target: targets.iter().map(|&j| target.ids[j].clone()).collect(),
        score: format!("{:.3}", bead.score),
        review: bead.review,
        lang: lang.to_string(),
        source_text: join(source.iter().map(|&k| src.segments[k].0.text.as_str())),
        target_text: join(targets.iter().map(|&j| target.segments[j].text.as_str())),
    }
}

/// Sentences as units to align, numbered by paragraph (a new block starts a new one).
fn units<'a>(segs: impl Iterator<Item = &'a Segment>) -> Vec<Unit> {
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
}

/// The mean of the values given, when `COVERAGE_BEADS` (5) beads or more have one: fewer
/// make no verdict.
fn mean_of(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let v: Vec<f64> = values.flatten().collect();
    (v.len() >= super::records::COVERAGE_BEADS).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join(" ")
}

/// The language most sentences are in, if any is known.
fn majority_lang(langs: impl Iterator<Item = Option<Lang>>) -> Option<Lang> {
    let mut counts: Vec<(Lang, usize)> = Vec::new();
    for lang in langs.flatten() {
        match counts.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, n)) => *n += 1,
            None => counts.push((lang, 1)),
        }
    }
    // Ties go to the language seen first, so that the choice is deterministic.
    counts.iter().rev().max_by_key(|(_, n)| *n).map(|(l, _)| *l)
}
