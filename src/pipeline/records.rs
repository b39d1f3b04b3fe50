//! What aligning one document gives: its alignment file, and beside it what only a run
//! knows (raw byte ranges, the glossary form that matched, the words of the sentences,
//! the sentence alignment with numbers), for the consumers that need more than the file.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::alignment_file::{AlignmentFile, TermRecord, TranslationRecord};
use crate::bilingual::SegmentRef;
use crate::lang::Lang;
use crate::normalize::Normalized;
use crate::segment::{Segment, SegmentKind};
use crate::source::Document;
use crate::terms::{TermHit, context};

/// One term occurrence: the record the alignment file writes ([`TermRecord`]), with the
/// document it is in, the glossary form that matched and its raw byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The document's name (path as given).
    pub file: String,
    /// The glossary form that matched (`Kolchos` for `Kolchosbauern`).
    pub form: String,
    /// Raw byte range of the term.
    pub start: usize,
    pub end: usize,
    /// The occurrence as the alignment file records it.
    pub term: TermRecord,
    /// In a bilingual file (XLIFF, TMX): the segment it is in.
    pub segment: Option<SegmentRef>,
    /// How many characters the term covers in the file from its first letter, when that
    /// is not the length of its surface: markup inside the word in a bilingual file
    /// (`Kol<g id="3">chos`).
    pub width: Option<usize>,
}

/// One JSON object per occurrence (`glossa align --format jsonl`, `--stream`): the keys
/// are a documented interface, in this order.
impl Serialize for Occurrence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = &self.term;
        let mut o = s.serialize_struct("Occurrence", 14)?;
        o.serialize_field("file", &self.file)?;
        o.serialize_field("line", &t.line)?;
        o.serialize_field("column", &t.column)?;
        o.serialize_field("surface", &t.surface)?;
        o.serialize_field("concept", &t.concept)?;
        o.serialize_field("form", &self.form)?;
        o.serialize_field("english", &t.english)?;
        o.serialize_field("tier", &t.tier)?;
        o.serialize_field("lang", &t.lang)?;
        o.serialize_field("in_footnote", &t.in_footnote)?;
        o.serialize_field("start", &self.start)?;
        o.serialize_field("end", &self.end)?;
        o.serialize_field("sentence", &t.sentence)?;
        o.serialize_field("context", &t.context)?;
        o.end()
    }
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

impl Aligned {
    /// Nothing aligned yet: the records and occurrences of a batch of sentences before
    /// they join their document's, and what a document's alignment starts from.
    pub(super) fn empty() -> Aligned {
        Aligned {
            file: AlignmentFile {
                source: String::new(),
                glossary: String::new(),
                target: None,
                dictionary: None,
                records: Vec::new(),
            },
            occurrences: Vec::new(),
            beads: Vec::new(),
            translations: Vec::new(),
            sentences: 0,
            languages: Vec::new(),
            dropped: 0,
            coverage: None,
            key_agreement: None,
            length_correlation: None,
            words: Vec::new(),
            text: None,
            rendered_terms: 0,
        }
    }

    /// The alignment file's text: the one rendered as the records were made (see
    /// [`super::Keep::Text`]), taken out of `self`, or else rendered from the file's records.
    pub fn take_text(&mut self) -> String {
        self.text.take().unwrap_or_else(|| self.file.render())
    }

    /// Whether the evidence says the translation is not one of this source, and on what
    /// evidence. With a dictionary: its coverage is below `UNLIKELY_COVERAGE` (0.15);
    /// translations of software messages and prose measured 0.29 to 0.59, unrelated texts
    /// on similar topics 0.00 to 0.10 (scripts/sentalign-sim.py, FreeDict). Without one,
    /// from the keys (see [`crate::align::evidence::key_agreement`]): the beads' mean key
    /// agreement is below `UNLIKELY_KEYS` (0.18), or below `DOUBTFUL_KEYS` (0.30) while
    /// the lengths of the 1-1 beads' sides correlate less than `LENGTH_CORRELATION` (0.5).
    /// Translations measured a key agreement of 0.21 to 1.00 (0.21 and 0.29 those whose
    /// target sentences were cut short, with length correlations 0.61 and 0.99), unrelated
    /// texts 0.00 to 0.26 (52 of 53 below 0.15; the one above with a correlation of 0.45).
    pub fn unlikely_translation(&self) -> Option<Unlikely> {
        unlikely(self.coverage, self.key_agreement, self.length_correlation)
    }

    /// The number of term occurrences, whichever of the records, the occurrences and the
    /// text were kept (see [`super::Keep`]).
    pub fn terms(&self) -> usize {
        let records = self
            .file
            .records
            .iter()
            .filter(|r| matches!(r, crate::alignment_file::Record::Term(_)))
            .count();
        self.occurrences.len().max(records).max(self.rendered_terms)
    }

    /// The beads marked for review, and all beads.
    pub fn doubtful(&self) -> (usize, usize) {
        (
            self.beads.iter().filter(|b| b.review).count(),
            self.beads.len(),
        )
    }
}

/// Below this dictionary coverage a translation is unlikely to be one.
pub const UNLIKELY_COVERAGE: f64 = 0.15;

/// Below this mean key agreement (see [`crate::align::evidence::key_agreement`]), and
/// without a dictionary, a translation is unlikely to be one.
pub const UNLIKELY_KEYS: f64 = 0.18;

/// Below this mean key agreement, and without a dictionary, a translation whose 1-1
/// beads' lengths correlate less than `LENGTH_CORRELATION` is unlikely to be one.
pub const DOUBTFUL_KEYS: f64 = 0.30;

/// See [`DOUBTFUL_KEYS`].
pub const LENGTH_CORRELATION: f64 = 0.5;

/// The verdict of [`Aligned::unlikely_translation`] from a document's dictionary
/// coverage, mean key agreement and length correlation.
pub fn unlikely(
    coverage: Option<f64>,
    key_agreement: Option<f64>,
    length_correlation: Option<f64>,
) -> Option<Unlikely> {
    match (coverage, key_agreement) {
        (Some(c), _) => (c < UNLIKELY_COVERAGE).then_some(Unlikely::Dictionary(c)),
        (None, Some(agreement)) => {
            let uncorrelated = length_correlation.is_none_or(|r| r < LENGTH_CORRELATION);
            (agreement < UNLIKELY_KEYS || (agreement < DOUBTFUL_KEYS && uncorrelated)).then_some(
                Unlikely::Keys {
                    agreement,
                    correlation: length_correlation,
                },
            )
        }
        (None, None) => None,
    }
}

/// The Pearson correlation of the logarithms of the character lengths of the 1-1 beads'
/// two sides (`lengths`), when `COVERAGE_BEADS` (5) or more are given and the lengths
/// vary: a translation's sentences are long where the source's are (0.61 to 0.99 on
/// the simulated sets, 0.95 and more on prose), while the sentences of two unrelated
/// texts that the path forced together often are not.
pub fn length_correlation(lengths: impl Iterator<Item = (usize, usize)>) -> Option<f64> {
    let ln = |n: usize| (n.max(1) as f64).ln();
    let pairs: Vec<(f64, f64)> = lengths.map(|(a, b)| (ln(a), ln(b))).collect();
    if pairs.len() < COVERAGE_BEADS {
        return None;
    }
    let n = pairs.len() as f64;
    let mx = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in &pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Why a translation is unlikely to be one (see [`Aligned::unlikely_translation`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unlikely {
    /// The dictionary's coverage: the mean share of the beads' dictionary words that find
    /// their translation across the bead.
    Dictionary(f64),
    /// Without a dictionary, the mean key agreement (the share of the beads' concepts,
    /// numbers, placeholders and acronyms that the other side has too) and the length
    /// correlation of the 1-1 beads.
    Keys {
        agreement: f64,
        correlation: Option<f64>,
    },
}

/// The fewest beads with dictionary words (or with keys) that make a verdict.
pub const COVERAGE_BEADS: usize = 5;

/// One bead of the sentence alignment, numbered as aligners print them.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct BeadOut {
    /// 1-based numbers of the source sentences (body sentences and headings, in order).
    pub source: Vec<usize>,
    /// 1-based numbers of the target sentences.
    pub target: Vec<usize>,
    pub score: f64,
    pub review: bool,
    /// Where the bead starts in the source and in the translation (1-based line and
    /// column of its first sentence on each side), for documents glossa aligned itself.
    #[serde(skip)]
    pub source_at: Option<(usize, usize)>,
    #[serde(skip)]
    pub target_at: Option<(usize, usize)>,
    /// The bead's source and target sentences, joined.
    #[serde(skip)]
    pub source_text: String,
    #[serde(skip)]
    pub target_text: String,
}

/// What the translation did with one occurrence (`Aligned::occurrences[occurrence]`): the
/// record the alignment file writes, with what the consumers show beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslationCheck {
    pub occurrence: usize,
    pub record: TranslationRecord,
    /// The glossary rendering the English words found are a form of (`collective farm`).
    pub form: Option<String>,
    /// The aligned target sentences, for showing both sides.
    pub target: String,
    /// In a bilingual file: the 1-based line and column of the English words found.
    pub found_at: Option<(usize, usize)>,
}

impl TranslationCheck {
    /// The English words found, if any.
    pub fn found(&self) -> Option<&str> {
        Some(self.record.found.as_str()).filter(|f| !f.is_empty())
    }
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
    /// Lines of text left out as page furniture (page numbers, running heads).
    pub dropped: usize,
    /// With a translation and a dictionary: the mean share of the beads' dictionary words
    /// that find their translation across the bead, when enough beads have some (see
    /// [`Aligned::unlikely_translation`]).
    pub coverage: Option<f64>,
    /// With a translation: the mean share of the beads' distinctive keys (concepts,
    /// numbers, placeholders, acronyms) found on both sides of the bead, when enough beads
    /// have some (see [`Aligned::unlikely_translation`]).
    pub key_agreement: Option<f64>,
    /// With a translation: the correlation of the log lengths of the 1-1 beads' two
    /// sides, when there are enough of them.
    pub length_correlation: Option<f64>,
    /// Every word of the document's sentences, when asked for with
    /// [`super::Aligner::with_words`] (for checks that look at what the glossary did not
    /// match).
    pub words: Vec<Word>,
    /// With [`super::Keep::Text`] (and no translation): the alignment file's text, whose
    /// records [`Aligned::file`] does not hold (see [`Aligned::take_text`]).
    pub text: Option<String>,
    /// The term records in [`Aligned::text`].
    pub(super) rendered_terms: usize,
}

/// The byte ranges of the words of `text`: its runs of letters.
pub(super) fn letter_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, ch)| match (ch.is_alphabetic(), start) {
            (true, None) => {
                start = Some(i);
                None
            }
            (false, Some(s)) => {
                start = None;
                Some((s, i))
            }
            _ => None,
        })
}

/// The words of a sentence, mapped back to the raw input.
pub(super) fn sentence_words(
    doc: &Document,
    norm: &Normalized,
    seg: &Segment,
    lang: Option<Lang>,
) -> Vec<Word> {
    let block = &norm.blocks[seg.block].text;
    letter_runs(&seg.text)
        .map(|(s, i)| {
            let src = block.source_span(seg.in_block.0 + s, seg.in_block.0 + i);
            let (line, column) = doc.line_col(src.start);
            Word {
                file: doc.name().to_string(),
                text: seg.text[s..i].to_string(),
                lang,
                line,
                column,
                start: doc.raw_offset(src.start),
                end: doc.raw_offset(src.end),
                in_footnote: seg.kind == SegmentKind::Footnote,
            }
        })
        .collect()
}

/// The occurrence of a hit in a sentence with id `id`, mapped back to the raw input.
pub(super) fn occurrence(
    doc: &Document,
    norm: &Normalized,
    seg: &Segment,
    lang: &str,
    id: &str,
    hit: &TermHit,
) -> Occurrence {
    let block = &norm.blocks[seg.block].text;
    let (s, e) = (seg.in_block.0 + hit.start, seg.in_block.0 + hit.end);
    let src = block.source_span(s, e);
    let (line, column) = doc.line_col(src.start);
    Occurrence {
        file: doc.name().to_string(),
        form: hit.form.clone(),
        start: doc.raw_offset(src.start),
        end: doc.raw_offset(src.end),
        term: TermRecord {
            sentence: id.to_string(),
            lang: lang.to_string(),
            concept: hit.concept.clone(),
            surface: seg.text[hit.start..hit.end].to_string(),
            english: hit.english.clone(),
            tier: hit.tier,
            line,
            column,
            in_footnote: seg.kind == SegmentKind::Footnote,
            context: context(&seg.text, hit.start, hit.end),
        },
        segment: None,
        width: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dictionary's verdict stands when there is one; without, low key agreement, or
    /// middling agreement with sentence lengths that do not correlate (issue 16).
    #[test]
    fn unlikely_translation_by_dictionary_or_by_keys_and_lengths() {
        let keys = |agreement, correlation| {
            Some(Unlikely::Keys {
                agreement,
                correlation,
            })
        };
        for (coverage, agreement, correlation, verdict) in [
            (
                Some(0.05),
                Some(0.9),
                Some(0.9),
                Some(Unlikely::Dictionary(0.05)),
            ),
            (Some(0.40), Some(0.05), Some(0.1), None),
            (None, Some(0.10), Some(0.9), keys(0.10, Some(0.9))),
            (None, Some(0.24), Some(-0.2), keys(0.24, Some(-0.2))),
            (None, Some(0.24), None, keys(0.24, None)),
            (None, Some(0.24), Some(0.61), None),
            (None, Some(0.35), Some(0.0), None),
            (None, None, Some(0.0), None),
        ] {
            assert_eq!(
                unlikely(coverage, agreement, correlation),
                verdict,
                "{coverage:?} {agreement:?} {correlation:?}"
            );
        }
    }

    #[test]
    fn length_correlation_needs_five_pairs_that_vary() {
        let pairs = [(10, 12), (40, 45), (80, 90), (20, 19), (60, 70)];
        let r = length_correlation(pairs.into_iter()).unwrap();
        assert!(r > 0.95, "{r}");
        let reversed = [(10, 90), (40, 45), (80, 12), (20, 70), (60, 19)];
        let r = length_correlation(reversed.into_iter()).unwrap();
        assert!(r < -0.5, "{r}");
        assert_eq!(length_correlation(pairs[..4].iter().copied()), None);
        assert_eq!(length_correlation([(10, 5); 6].into_iter()), None);
    }
}
