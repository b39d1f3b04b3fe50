//! Stage 4, detect: the language of every paragraph and sentence, with a confidence.
//!
//! This module is the only place that knows lingua, and only `guess.rs` calls it; lingua's
//! types are converted to and from [`Lang`] there and never leave it.
//!
//! The decision, in order:
//!
//! 1. **Evidence** (`evidence.rs`). Only words that say something about the language count.
//!    Numbers, acronyms (`KPD`, `NKWD`), initials, and words that German, Dutch and English
//!    texts on Soviet history share (Russian loanwords and names in any transliteration:
//!    `Chruschtschow`, `Natschalstwo`, `Kolchos`, `koelakken`, `Brezjnev`) are left out,
//!    so a German sentence full of them is still judged by its German words.
//! 2. **A cheap first pass** (`guess.rs`). lingua is a hundred times dearer than counting
//!    function words, so it is called only where they leave doubt. Every block gets a
//!    context language from its function words: its own where they are many and more than
//!    four in five of them are of one language, else that of such blocks around it when
//!    its own few agree with them. A sentence with more function words of its
//!    block's context language than of all others together is decided without lingua
//!    (lingua could not make it override its paragraph, see step 6); a sentence of a block
//!    without context, or one with no function words or too many of another language,
//!    goes to lingua, unless nothing in it points elsewhere (see 3). On the corpus that
//!    left lingua one sentence in sixteen (it was one in six).
//! 3. **Sentences without a say** (`lexicon.rs`). A sentence whose function words do not
//!    decide (`Die Bevölkerung feierte ihren Sieg.`: `die` is Dutch too) takes its block's
//!    context language, as does one of a block without any function words (a heading,
//!    `Ebd., S. 12.`) between blocks of that context, when nothing in it points elsewhere:
//!    no function word of another language, no word much more frequent in another
//!    language than in the context's (`zwijgt`, `starvation`), no other script. lingua
//!    agreed with the context on every such sentence of the corpus; it is now asked about
//!    one sentence in a hundred (it was one in sixteen).
//! 4. **Paragraphs** (`decide.rs`). Every block of the normalised text (paragraph, heading,
//!    footnote entry) is judged as a whole. A block with too little evidence (a one-word
//!    heading, `Ebd., S. 12.`) is not guessed: it inherits from its neighbouring blocks of
//!    the same kind (body or footnotes) when they agree, else from the document's language.
//! 5. **Abbreviation rules** (`cut.rs`). With [`segment::LangChoice::Auto`], each block is
//!    cut into sentences with the abbreviation rules of its detected language.
//! 6. **Sentences** (`decide.rs`). A sentence keeps its paragraph's language unless it
//!    clearly belongs to another: enough evidence of its own, lingua sure of the other
//!    language, and the sentence's function words (`der`/`het`/`the`) not favouring the
//!    paragraph's. Short sentences inherit from the sentences around them, or from the
//!    paragraph. A change of language in the middle of a block splits it for detection:
//!    consecutive sentences that each lean to the same other language (a quotation of two
//!    short sentences run into a German paragraph) are judged again as one text, and take
//!    that language where the text says it clearly.
//!
//! "Unknown" is a legitimate answer: it is what a block without evidence gets when no
//! neighbour is known either.
//!
//! A project in one language has nothing to detect: a detector configured with a single
//! language does not build lingua at all, and gives every paragraph and sentence that
//! language, with [`Basis::Configured`] (see [`Detector::new`]).
//!
//! lingua keeps its language models in process-wide tables, loaded on first use; a
//! [`Detector`] preloads them when it is built, so build one per process and share it
//! (it is `Sync`): [`Detector::detect_documents`] runs documents in parallel with rayon and
//! returns the results in input order.

mod cut;
mod decide;
mod evidence;
mod guess;
mod lexicon;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::normalize::{self, BlockKind, Normalized};
use crate::segment::{self, LangChoice, Segment};
use crate::source::Document;
use crate::span::Span;
use cut::Cut;
use guess::{BLOCK_MIN_CONFIDENCE, Guesser};

/// How hard lingua tries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Accuracy {
    /// All n-gram models (1 to 5): best on short sentences, slower, more memory.
    #[default]
    High,
    /// Trigram models only: faster and smaller, weaker below ~120 characters.
    Low,
}

/// What the detector is built from: the languages to choose between and the accuracy
/// mode. `glossa.toml` and the command line both end up here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetectConfig {
    /// The candidate languages (at least one; with only one, nothing is detected).
    pub languages: Vec<Lang>,
    pub accuracy: Accuracy,
}

impl Default for DetectConfig {
    fn default() -> DetectConfig {
        DetectConfig {
            languages: Lang::ALL.to_vec(),
            accuracy: Accuracy::High,
        }
    }
}

impl DetectConfig {
    /// A configuration from a comma-separated list of language codes (`de,nl,en`).
    ///
    /// Fails with [`Error::UnknownLanguage`] naming the first unknown code, or with
    /// [`Error::TooFewLanguages`] when no language is given.
    pub fn from_codes(list: &str, accuracy: Accuracy) -> Result<DetectConfig> {
        let config = DetectConfig {
            languages: Lang::parse_list(list)?,
            accuracy,
        };
        config.validate()?;
        Ok(config)
    }

    /// Checks that at least one language is configured. One is enough: there is then
    /// nothing to detect, and lingua, which needs two, is not built (see [`Detector::new`]).
    pub fn validate(&self) -> Result<()> {
        if self.languages.is_empty() {
            return Err(Error::TooFewLanguages);
        }
        Ok(())
    }

    /// The configured languages in [`Lang`] order, without duplicates.
    fn distinct_languages(&self) -> Vec<Lang> {
        let mut languages = self.languages.clone();
        languages.sort();
        languages.dedup();
        languages
    }
}

/// A language decision with its confidence (0 to 1). `lang: None` is "unknown".
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Detection {
    pub lang: Option<Lang>,
    pub confidence: f64,
    /// How the decision was reached.
    pub basis: Basis,
}

impl Detection {
    const UNKNOWN: Detection = Detection {
        lang: None,
        confidence: 0.0,
        basis: Basis::Unknown,
    };

    /// The decision of a detector configured with the one language `lang`.
    fn configured(lang: Lang) -> Detection {
        Detection {
            lang: Some(lang),
            confidence: 1.0,
            basis: Basis::Configured,
        }
    }

    /// The ISO 639-1 code, or `unknown`.
    pub fn code(&self) -> &'static str {
        self.lang.map_or("unknown", Lang::code)
    }
}

/// How a [`Detection`] was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// From the text's own evidence.
    Detected,
    /// Kept the paragraph's language (the sentence had no clear language of its own).
    Paragraph,
    /// Too little evidence: taken over from the neighbouring paragraphs or sentences.
    Neighbours,
    /// Taken over from the document's main language.
    Document,
    /// Not detected: the only language the detector was configured with.
    Configured,
    /// Nothing to go by.
    Unknown,
}

/// The language of one block of a document.
#[derive(Clone, Debug)]
pub struct ParagraphLanguage {
    /// Index of the block in [`Normalized::blocks`] (as in [`Segment::block`]).
    pub block: usize,
    pub kind: BlockKind,
    /// Byte range in the raw input.
    pub span: Span,
    /// 1-based line and column of its first character.
    pub line: usize,
    pub column: usize,
    pub detection: Detection,
}

/// The language of one segment.
#[derive(Clone, Debug)]
pub struct SentenceLanguage {
    pub segment: Segment,
    pub detection: Detection,
}

/// The languages of a document: per block, per segment, and overall.
#[derive(Clone, Debug)]
pub struct DocumentLanguages {
    pub paragraphs: Vec<ParagraphLanguage>,
    pub sentences: Vec<SentenceLanguage>,
    /// The document's main language (by evidence-weighted paragraphs, or the one
    /// configured language), if any.
    pub main: Option<Lang>,
}

impl DocumentLanguages {
    /// The number of sentences per language (`None` = unknown), most frequent first, ties
    /// in [`Lang::ALL`] order then unknown.
    pub fn summary(&self) -> Vec<(Option<Lang>, usize)> {
        let mut counts: Vec<(Option<Lang>, usize)> = Lang::ALL
            .iter()
            .map(|&l| Some(l))
            .chain([None])
            .map(|l| {
                (
                    l,
                    self.sentences
                        .iter()
                        .filter(|s| s.detection.lang == l)
                        .count(),
                )
            })
            .filter(|&(_, n)| n > 0)
            .collect();
        counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        counts
    }
}

/// The language detector: lingua, built once with the configured languages, or, for a
/// single language, no detection at all.
pub struct Detector {
    mode: Mode,
    languages: Vec<Lang>,
    accuracy: Accuracy,
}

/// What a [`Detector`] does with a text.
enum Mode {
    /// Only one language is configured: every text is in it.
    Configured(Lang),
    /// Several languages: lingua and the function words decide between them.
    Detect(Box<Guesser>),
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("languages", &self.languages)
            .field("accuracy", &self.accuracy)
            .finish_non_exhaustive()
    }
}

impl Detector {
    /// Builds the detector and loads lingua's models for the configured languages.
    ///
    /// With a single language there is nothing to choose between: lingua is not built (its
    /// builder would panic) and every text gets that language with [`Basis::Configured`].
    /// Fails with [`Error::TooFewLanguages`] when no language is configured.
    pub fn new(config: &DetectConfig) -> Result<Detector> {
        let languages = config.distinct_languages();
        let mode = match languages.as_slice() {
            [] => return Err(Error::TooFewLanguages),
            [only] => Mode::Configured(*only),
            [_, _, ..] => Mode::Detect(Box::new(Guesser::new(&languages, config.accuracy))),
        };
        Ok(Detector {
            mode,
            languages,
            accuracy: config.accuracy,
        })
    }

    /// The candidate languages, in [`Lang`] order.
    pub fn languages(&self) -> &[Lang] {
        &self.languages
    }

    /// The accuracy mode.
    pub fn accuracy(&self) -> Accuracy {
        self.accuracy
    }

    /// The language of a piece of text on its own, without context. Texts with too little
    /// evidence (see the module documentation) are "unknown", unless only one language is
    /// configured.
    pub fn detect_text(&self, text: &str) -> Detection {
        let guesser = match &self.mode {
            Mode::Configured(lang) => return Detection::configured(*lang),
            Mode::Detect(guesser) => guesser,
        };
        let guess = guesser.guess(text);
        match guess.best() {
            Some((lang, c)) if guess.enough() && c >= BLOCK_MIN_CONFIDENCE => Detection {
                lang: Some(lang),
                confidence: c,
                basis: Basis::Detected,
            },
            _ => Detection::UNKNOWN,
        }
    }

    /// Detects the languages of several documents in parallel; the results are in the
    /// order of `docs`.
    pub fn detect_documents(&self, docs: &[Document], rules: LangChoice) -> Vec<DocumentLanguages> {
        docs.par_iter()
            .map(|doc| self.detect_document(doc, rules))
            .collect()
    }

    /// Normalises and segments a document and decides the language of each block and
    /// segment. With [`LangChoice::Auto`] each block is segmented with the abbreviation
    /// rules of its detected language (German where unknown), or of the one configured
    /// language; otherwise with the given language's.
    pub fn detect_document(&self, doc: &Document, rules: LangChoice) -> DocumentLanguages {
        let norm = normalize::normalize(doc.text());
        self.detect_normalized(doc, &norm, rules)
    }

    /// As [`Detector::detect_document`], for an already normalised document.
    pub fn detect_normalized(
        &self,
        doc: &Document,
        norm: &Normalized,
        rules: LangChoice,
    ) -> DocumentLanguages {
        let (decisions, sentences, main) = self.decide(doc, norm, rules);
        DocumentLanguages {
            paragraphs: paragraphs(doc, norm, &decisions),
            sentences,
            main,
        }
    }

    /// The segments of an already normalised document with their languages, as
    /// [`Detector::detect_normalized`] gives them, without placing every paragraph in the
    /// raw input (what `glossa align` needs).
    pub fn sentence_languages(
        &self,
        doc: &Document,
        norm: &Normalized,
        rules: LangChoice,
    ) -> Vec<SentenceLanguage> {
        self.decide(doc, norm, rules).1
    }

    /// Every block's decision, every segment with its language, the main language.
    fn decide(&self, doc: &Document, norm: &Normalized, rules: LangChoice) -> Decided {
        match &self.mode {
            Mode::Configured(lang) => configured(doc, norm, rules, *lang),
            Mode::Detect(guesser) => detected(guesser, doc, norm, rules),
        }
    }
}

/// What detection decided of a document: each block, each segment, the main language.
type Decided = (Vec<Detection>, Vec<SentenceLanguage>, Option<Lang>);

/// The languages of a document in a one-language project: all of it in `lang`, cut with
/// `lang`'s abbreviation rules unless others are asked for.
fn configured(doc: &Document, norm: &Normalized, rules: LangChoice, lang: Lang) -> Decided {
    let rules = match rules {
        LangChoice::Fixed(fixed) => fixed,
        LangChoice::Auto => lang,
    };
    let opts = segment::Options {
        lang: LangChoice::Fixed(rules),
    };
    let segments = segment::segment_normalized(doc, norm, &opts);
    let detection = Detection::configured(lang);
    let sentences = segments
        .into_iter()
        .map(|segment| SentenceLanguage { segment, detection })
        .collect();
    (vec![detection; norm.blocks.len()], sentences, Some(lang))
}

/// The languages of a document, detected: sentences cut with rules from the blocks'
/// function words and guessed, paragraphs decided from their sentences, blocks cut again
/// where their decided language's rules differ (with [`LangChoice::Auto`]), and every
/// sentence decided against its paragraph.
fn detected(guesser: &Guesser, doc: &Document, norm: &Normalized, rules: LangChoice) -> Decided {
    // Abbreviation rules first, from the blocks' function words (cheap), so that the
    // sentences can be cut and judged; a block whose decided language differs is cut again.
    let blocks = norm.blocks.len();
    let prelim: Vec<Lang> = match rules {
        LangChoice::Fixed(l) => vec![l; blocks],
        LangChoice::Auto => segment::block_rules(norm),
    };
    let cut = Cut::new(guesser, doc, norm, prelim);

    // Paragraphs: the evidence of their sentences taken together.
    let block_guesses = guesser.block_guesses(blocks, &cut.segments, &cut.guesses);
    let is_note: Vec<bool> = norm
        .blocks
        .iter()
        .map(|b| b.kind == BlockKind::Footnote)
        .collect();
    let (decisions, main) = decide::decide_blocks(&block_guesses, &is_note);

    let cut = match rules {
        LangChoice::Auto => cut.again(guesser, doc, norm, cut::final_rules(&decisions, main)),
        LangChoice::Fixed(_) => cut,
    };
    // Runs of sentences leaning to another language than their paragraph's are judged
    // again as one text each, as if the change of language had split the block (in
    // parallel: each may go to lingua).
    let runs: Vec<(std::ops::Range<usize>, guess::Guess)> =
        decide::other_language_runs(&cut.segments, &cut.guesses, &decisions)
            .into_par_iter()
            .map(|run| {
                let text: Vec<&str> = cut.segments[run.clone()]
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect();
                let joint = guesser.guess(&text.join(" "));
                (run, joint)
            })
            .collect();
    let sentence_decisions =
        decide::decide_sentences(&cut.segments, &cut.guesses, &decisions, &runs);
    let sentences = cut
        .segments
        .into_iter()
        .zip(sentence_decisions)
        .map(|(segment, detection)| SentenceLanguage { segment, detection })
        .collect();
    (decisions, sentences, main)
}

/// Every block of `norm` with its place in the raw input and its decision.
fn paragraphs(
    doc: &Document,
    norm: &Normalized,
    decisions: &[Detection],
) -> Vec<ParagraphLanguage> {
    norm.blocks
        .iter()
        .zip(decisions)
        .enumerate()
        .map(|(i, (b, &detection))| {
            let src = b.text.source_span(0, b.text.as_str().len());
            let (line, column) = doc.line_col(src.start);
            ParagraphLanguage {
                block: i,
                kind: b.kind,
                span: Span::new(doc.raw_offset(src.start), doc.raw_offset(src.end)),
                line,
                column,
                detection,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
