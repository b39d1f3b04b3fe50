//! Stage 4, detect: the language of every paragraph and sentence, with a confidence.
//!
//! This module is the only place that knows lingua; its types are converted to and from
//! [`Lang`] privately and never leave the module.
//!
//! The decision, in order:
//!
//! 1. **Evidence.** Only words that say something about the language count. Numbers,
//!    acronyms (`KPD`, `NKWD`), initials, and words that German, Dutch and English texts on
//!    Soviet history share (Russian loanwords and names in any transliteration:
//!    `Chruschtschow`, `Natschalstwo`, `Kolchos`, `koelakken`, `Brezjnev`) are left out,
//!    so a German sentence full of them is still judged by its German words.
//! 2. **Paragraphs.** Every block of the normalised text (paragraph, heading, footnote
//!    entry) is judged as a whole. A block with too little evidence (a one-word heading,
//!    `Ebd., S. 12.`) is not guessed: it inherits from its neighbouring blocks of the same
//!    kind (body or footnotes) when they agree, else from the document's language.
//! 3. **Abbreviation rules.** With [`segment::LangChoice::Auto`], each block is cut into
//!    sentences with the abbreviation rules of its detected language.
//! 4. **Sentences.** A sentence keeps its paragraph's language unless it clearly belongs
//!    to another: enough evidence of its own, lingua sure of the other language, and the
//!    sentence's function words (`der`/`het`/`the`) not favouring the paragraph's. Short
//!    sentences inherit from the sentences around them, or from the paragraph.
//!
//! "Unknown" is a legitimate answer: it is what a block without evidence gets when no
//! neighbour is known either.
//!
//! lingua keeps its language models in process-wide tables, loaded on first use; a
//! [`Detector`] preloads them when it is built, so build one per process and share it
//! (it is `Sync`): [`Detector::detect_documents`] runs documents in parallel with rayon and
//! returns the results in input order.

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::lang::{self, ByLang, FunctionWords, Lang};
use crate::normalize::{self, BlockKind, Normalized};
use crate::segment::rules::data_lines;
use crate::segment::{self, LangChoice, Segment};
use crate::source::Document;
use crate::span::Span;

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
    /// The candidate languages (at least two).
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
    /// [`Error::TooFewLanguages`] when fewer than two distinct languages are given.
    pub fn from_codes(list: &str, accuracy: Accuracy) -> Result<DetectConfig> {
        let config = DetectConfig {
            languages: Lang::parse_list(list)?,
            accuracy,
        };
        config.validate()?;
        Ok(config)
    }

    /// Checks what lingua's builder would panic on: fewer than two languages.
    pub fn validate(&self) -> Result<()> {
        let mut distinct = self.languages.clone();
        distinct.sort();
        distinct.dedup();
        if distinct.len() < 2 {
            return Err(Error::TooFewLanguages {
                given: distinct
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(","),
            });
        }
        Ok(())
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
    /// The document's main language (by evidence-weighted paragraphs), if any.
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

/// Evidence needed before a text's language is guessed rather than inherited.
const MIN_WORDS: usize = 3;
const MIN_LETTERS: usize = 15;
/// lingua confidence needed for a text's own decision.
const BLOCK_MIN_CONFIDENCE: f64 = 0.6;
/// For a paragraph, decided by the vote of its sentences: the winner's share of the vote
/// and its lead over the runner-up. A paragraph that mixes languages sentence by sentence
/// has no large majority, but its plurality is still its language, provided at least one
/// of its sentences is confidently in it.
const PARAGRAPH_MIN_SHARE: f64 = 0.4;
const PARAGRAPH_MIN_LEAD: f64 = 0.05;
/// lingua confidence needed for a sentence to override its paragraph.
const OVERRIDE_MIN_CONFIDENCE: f64 = 0.9;
/// How much an inherited decision is trusted relative to its source.
const INHERIT_FACTOR: f64 = 0.8;

/// The language detector: lingua, built once with the configured languages.
pub struct Detector {
    lingua: LanguageDetector,
    languages: Vec<Lang>,
    accuracy: Accuracy,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("languages", &self.languages)
            .field("accuracy", &self.accuracy)
            .finish_non_exhaustive()
    }
}

/// A text's raw guess: the best language, its confidence, the confidence of every
/// candidate, and how much evidence there was.
#[derive(Clone, Debug)]
struct Guess {
    /// Confidence per candidate language, in the detector's language order.
    scores: Vec<(Lang, f64)>,
    words: usize,
    letters: usize,
    function_words: FunctionWords,
    /// Per language: whether some sentence is confidently in it.
    confident: ByLang<bool>,
}

impl Guess {
    fn enough(&self) -> bool {
        self.words >= MIN_WORDS && self.letters >= MIN_LETTERS
    }

    fn best(&self) -> Option<(Lang, f64)> {
        self.scores
            .iter()
            .copied()
            .filter(|&(_, c)| c > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// How far the best language leads the second.
    fn lead(&self) -> f64 {
        let mut c: Vec<f64> = self.scores.iter().map(|s| s.1).collect();
        c.sort_by(|a, b| b.total_cmp(a));
        c.first().copied().unwrap_or(0.0) - c.get(1).copied().unwrap_or(0.0)
    }

    fn score(&self, lang: Lang) -> f64 {
        self.scores
            .iter()
            .find(|s| s.0 == lang)
            .map_or(0.0, |s| s.1)
    }

    fn function_words(&self, lang: Lang) -> usize {
        self.function_words.get(lang)
    }
}

impl Detector {
    /// Builds the detector and loads lingua's models for the configured languages.
    ///
    /// Fails, without calling lingua, when the configuration has fewer than two
    /// languages.
    pub fn new(config: &DetectConfig) -> Result<Detector> {
        config.validate()?;
        let mut languages = config.languages.clone();
        languages.sort();
        languages.dedup();
        let lingua_langs: Vec<Language> = languages.iter().map(|&l| to_lingua(l)).collect();
        let mut builder = LanguageDetectorBuilder::from_languages(&lingua_langs);
        builder.with_preloaded_language_models();
        if config.accuracy == Accuracy::Low {
            builder.with_low_accuracy_mode();
        }
        Ok(Detector {
            lingua: builder.build(),
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
    /// evidence (see the module documentation) are "unknown".
    pub fn detect_text(&self, text: &str) -> Detection {
        let guess = self.guess(text);
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
    /// rules of its detected language (German where unknown); otherwise with the given
    /// language's.
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
        // Abbreviation rules first, from the blocks' function words (cheap), so that the
        // sentences can be cut and judged; a block whose final language differs is cut
        // again below.
        let prelim: Vec<Lang> = match rules {
            LangChoice::Fixed(l) => vec![l; norm.blocks.len()],
            LangChoice::Auto => segment::block_rules(norm),
        };
        let mut segments = segment::segment_blocks(doc, norm, &prelim);
        // A paragraph whose function words leave no doubt lets its sentences be decided
        // from fewer of their own (see `guess_in`).
        let mut block_words = vec![FunctionWords::default(); norm.blocks.len()];
        let evidences: Vec<Evidence> = segments.par_iter().map(|s| evidence(&s.text)).collect();
        for (s, ev) in segments.iter().zip(&evidences) {
            block_words[s.block].add(&ev.function_words);
        }
        let block_lang: Vec<Option<Lang>> =
            block_words.iter().map(unmistakable_paragraph).collect();
        let mut seg_guesses: Vec<Guess> = segments
            .par_iter()
            .zip(evidences)
            .map(|(s, ev)| self.guess_evidence(ev, block_lang[s.block]))
            .collect();

        // Paragraphs: the evidence of their sentences taken together.
        let block_guesses = self.block_guesses(norm.blocks.len(), &segments, &seg_guesses);
        let is_note: Vec<bool> = norm
            .blocks
            .iter()
            .map(|b| b.kind == BlockKind::Footnote)
            .collect();
        let (decisions, main) = decide_blocks(&block_guesses, &is_note);

        if rules == LangChoice::Auto {
            let fallback = main.unwrap_or(Lang::De);
            let fin: Vec<Lang> = decisions
                .iter()
                .map(|d| d.lang.unwrap_or(fallback))
                .collect();
            if fin != prelim {
                let again = segment::segment_blocks(doc, norm, &fin);
                let mut old = segments.into_iter().zip(seg_guesses).peekable();
                let mut guesses = Vec::with_capacity(again.len());
                for s in &again {
                    // Reuse the guesses of blocks cut with unchanged rules.
                    while old.next_if(|(o, _)| o.block < s.block).is_some() {}
                    let reused = if fin[s.block] == prelim[s.block] {
                        old.next_if(|(o, _)| o.block == s.block && o.span == s.span)
                            .map(|(_, g)| g)
                    } else {
                        None
                    };
                    guesses.push(reused);
                }
                seg_guesses = again
                    .par_iter()
                    .zip(guesses)
                    .map(|(s, g)| g.unwrap_or_else(|| self.guess(&s.text)))
                    .collect();
                segments = again;
            }
        }
        let seg_decisions = decide_sentences(&segments, &seg_guesses, &decisions);

        let paragraphs = norm
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let src = b.text.source_span(0, b.text.as_str().len());
                let (line, column) = doc.line_col(src.start);
                ParagraphLanguage {
                    block: i,
                    kind: b.kind,
                    span: Span::new(doc.raw_offset(src.start), doc.raw_offset(src.end)),
                    line,
                    column,
                    detection: decisions[i],
                }
            })
            .collect();
        let sentences = segments
            .into_iter()
            .zip(seg_decisions)
            .map(|(segment, detection)| SentenceLanguage { segment, detection })
            .collect();
        DocumentLanguages {
            paragraphs,
            sentences,
            main,
        }
    }

    /// Each block's guess from its sentences' guesses: confidences averaged with the square
    /// root of the sentences' evidence (letters) as weights, so that a paragraph's language
    /// is that of most of its sentences without short ones counting as much as long ones;
    /// evidence and function words summed. Long
    /// texts in lingua get all-or-nothing confidences that follow the language whose model
    /// is least surprised by the other; a vote of the sentences is fairer to a paragraph
    /// that mixes languages.
    fn block_guesses(&self, blocks: usize, segments: &[Segment], guesses: &[Guess]) -> Vec<Guess> {
        let mut out: Vec<Guess> = (0..blocks)
            .map(|_| Guess {
                scores: self.languages.iter().map(|&l| (l, 0.0)).collect(),
                words: 0,
                letters: 0,
                function_words: FunctionWords::default(),
                confident: ByLang::default(),
            })
            .collect();
        let mut weights = vec![0.0; blocks];
        for (s, g) in segments.iter().zip(guesses) {
            let b = &mut out[s.block];
            let w = (g.letters as f64).sqrt();
            weights[s.block] += w;
            for (score, (_, c)) in b.scores.iter_mut().zip(&g.scores) {
                score.1 += c * w;
            }
            b.words += g.words;
            b.letters += g.letters;
            b.function_words.add(&g.function_words);
            for lang in Lang::ALL {
                b.confident[lang] |= g.confident[lang];
            }
        }
        for (b, w) in out.iter_mut().zip(weights) {
            if w > 0.0 {
                b.scores.iter_mut().for_each(|s| s.1 /= w);
            }
        }
        out
    }

    /// lingua's confidences for the evidence words of `text`.
    fn guess(&self, text: &str) -> Guess {
        self.guess_in(text, None)
    }

    /// [`Detector::guess`] for a sentence of a paragraph whose function words are
    /// unmistakably of `context`: there, two function words of that language and none of
    /// another decide the sentence without lingua.
    fn guess_in(&self, text: &str, context: Option<Lang>) -> Guess {
        self.guess_evidence(evidence(text), context)
    }

    /// [`Detector::guess_in`] from a text's evidence.
    fn guess_evidence(&self, ev: Evidence, context: Option<Lang>) -> Guess {
        let in_context = context.filter(|&lang| {
            let own = ev.function_words.get(lang);
            own >= 2
                && ev.function_words.others(lang) == 0
                && ev.words >= MIN_WORDS
                && self.languages.contains(&lang)
        });
        let scores = if ev.words == 0 {
            self.languages.iter().map(|&l| (l, 0.0)).collect()
        } else if let Some(lang) = self.unmistakable(&ev).or(in_context) {
            // Many function words of one language and none of another: lingua would only
            // agree, at a hundred times the cost.
            self.languages
                .iter()
                .map(|&l| (l, if l == lang { FAST_CONFIDENCE } else { 0.0 }))
                .collect()
        } else {
            let values = self.lingua.compute_language_confidence_values(ev.text);
            self.languages
                .iter()
                .map(|&l| {
                    let c = values
                        .iter()
                        .find(|v| v.0 == to_lingua(l))
                        .map_or(0.0, |v| v.1);
                    (l, c)
                })
                .collect()
        };
        let mut guess = Guess {
            scores,
            words: ev.words,
            letters: ev.letters,
            function_words: ev.function_words,
            confident: ByLang::default(),
        };
        if let Some((lang, c)) = guess.best() {
            guess.confident[lang] = guess.enough() && c >= BLOCK_MIN_CONFIDENCE;
        }
        guess
    }
}

/// Function words of one language a text must have (and none of another) to be decided
/// without lingua.
const FAST_MIN_FUNCTION_WORDS: usize = 4;

/// The confidence given to such a decision.
const FAST_CONFIDENCE: f64 = 0.99;

impl Detector {
    /// The language of a text whose function words leave no doubt: at least
    /// [`FAST_MIN_FUNCTION_WORDS`] of one configured language, none of any other, and
    /// enough evidence words besides.
    fn unmistakable(&self, ev: &Evidence) -> Option<Lang> {
        let lang = ev.function_words.top()?;
        (ev.function_words.others(lang) == 0
            && ev.function_words.get(lang) >= FAST_MIN_FUNCTION_WORDS
            && ev.words >= MIN_WORDS
            && self.languages.contains(&lang))
        .then_some(lang)
    }
}

/// The language of a paragraph whose function words are unmistakable: at least twelve of
/// one language and fewer than one in twenty of any other.
fn unmistakable_paragraph(words: &FunctionWords) -> Option<Lang> {
    let lang = words.top()?;
    let own = words.get(lang);
    (own >= 12 && words.others(lang) * 20 < own).then_some(lang)
}

/// The words of a text that tell its language, and its function words.
struct Evidence {
    /// The evidence words, separated by spaces.
    text: String,
    words: usize,
    letters: usize,
    function_words: FunctionWords,
}

fn evidence(text: &str) -> Evidence {
    let mut ev = Evidence {
        text: String::with_capacity(text.len()),
        words: 0,
        letters: 0,
        function_words: FunctionWords::default(),
    };
    for word in lang::words(text) {
        let lower = word.to_lowercase();
        if let Some(lang) = lang::function_word(&lower) {
            ev.function_words.0[lang] += 1;
        }
        if !is_evidence(word, &lower) {
            continue;
        }
        ev.words += 1;
        ev.letters += word.chars().filter(|c| c.is_alphabetic()).count();
        ev.text.push_str(word);
        ev.text.push(' ');
    }
    ev
}

/// Decides every block: its own evidence where there is enough, else its neighbours of
/// the same kind (body or footnote), else the document's main language. Also returns the
/// main language.
fn decide_blocks(guesses: &[Guess], is_note: &[bool]) -> (Vec<Detection>, Option<Lang>) {
    let own: Vec<Option<Detection>> = guesses
        .iter()
        .map(|g| match g.best() {
            Some((lang, c))
                if g.enough()
                    && c >= PARAGRAPH_MIN_SHARE
                    && g.lead() >= PARAGRAPH_MIN_LEAD
                    && g.confident[lang] =>
            {
                Some(Detection {
                    lang: Some(lang),
                    confidence: c,
                    basis: Basis::Detected,
                })
            }
            _ => None,
        })
        .collect();
    // The main language: the one with most evidence (letters) in decided blocks.
    let mut weight: ByLang<usize> = ByLang::default();
    for (g, d) in guesses.iter().zip(&own) {
        if let Some(Detection { lang: Some(l), .. }) = d {
            weight[*l] += g.letters;
        }
    }
    // The heaviest; on a tie, the first in [`Lang::ALL`] order.
    let main = weight
        .iter()
        .filter(|(_, w)| **w > 0)
        .max_by_key(|(l, w)| (**w, std::cmp::Reverse(l.index())))
        .map(|(l, _)| l);
    let main_confidence = {
        let total: usize = weight.iter().map(|(_, w)| *w).sum();
        main.map_or(0.0, |l| weight[l] as f64 / total as f64)
    };
    // A block in another language than the document's whose function words favour the
    // document's language is not sure of itself (unless it mixes both languages, sentence
    // by sentence); it is judged by its neighbours.
    let own: Vec<Option<Detection>> = own
        .into_iter()
        .zip(guesses)
        .map(|(d, g)| match (d, main) {
            (Some(Detection { lang: Some(l), .. }), Some(m))
                if l != m && !g.confident[m] && g.function_words(m) > g.function_words(l) =>
            {
                None
            }
            _ => d,
        })
        .collect();

    let decisions = (0..guesses.len())
        .map(|i| {
            if let Some(d) = own[i] {
                return d;
            }
            let same = |j: &usize| is_note[*j] == is_note[i] && own[*j].is_some();
            let prev = (0..i).rev().find(same).and_then(|j| own[j]);
            let next = (i + 1..guesses.len()).find(same).and_then(|j| own[j]);
            inherit(prev, next, &guesses[i], main.map(|l| (l, main_confidence)))
        })
        .collect();
    (decisions, main)
}

/// The decision for a text without enough evidence of its own: the neighbours' language
/// where they agree (or only one exists); where they disagree, the one the text's own
/// weak evidence (function words, then lingua) favours; else the fallback.
fn inherit(
    prev: Option<Detection>,
    next: Option<Detection>,
    own: &Guess,
    fallback: Option<(Lang, f64)>,
) -> Detection {
    let neighbours = |d: Detection, c: f64| Detection {
        lang: d.lang,
        confidence: c * INHERIT_FACTOR,
        basis: Basis::Neighbours,
    };
    match (prev, next) {
        (Some(p), Some(n)) if p.lang == n.lang => neighbours(p, p.confidence.min(n.confidence)),
        (Some(d), None) | (None, Some(d)) => neighbours(d, d.confidence),
        (Some(p), Some(n)) if favoured(own, p.lang, n.lang).is_some() => {
            let d = if favoured(own, p.lang, n.lang) == p.lang {
                p
            } else {
                n
            };
            neighbours(d, d.confidence * 0.5)
        }
        _ => match fallback {
            Some((lang, c)) => Detection {
                lang: Some(lang),
                confidence: c * INHERIT_FACTOR,
                basis: Basis::Document,
            },
            None => Detection::UNKNOWN,
        },
    }
}

/// Of two languages, the one a text's evidence favours (more function words, else a
/// higher lingua score), if either.
fn favoured(g: &Guess, a: Option<Lang>, b: Option<Lang>) -> Option<Lang> {
    let (a, b) = (a?, b?);
    let key = |l: Lang| (g.function_words(l), g.score(l));
    let (ka, kb) = (key(a), key(b));
    if ka.0 != kb.0 {
        Some(if ka.0 > kb.0 { a } else { b })
    } else if ka.1 != kb.1 {
        Some(if ka.1 > kb.1 { a } else { b })
    } else {
        None
    }
}

/// Decides every segment against its paragraph's decision.
fn decide_sentences(
    segments: &[Segment],
    guesses: &[Guess],
    blocks: &[Detection],
) -> Vec<Detection> {
    let own: Vec<Option<Detection>> = segments
        .iter()
        .zip(guesses)
        .map(|(s, g)| {
            let para = blocks.get(s.block).copied().unwrap_or(Detection::UNKNOWN);
            decide_sentence(g, para)
        })
        .collect();
    (0..segments.len())
        .map(|i| {
            if let Some(d) = own[i] {
                return d;
            }
            let para = blocks
                .get(segments[i].block)
                .copied()
                .unwrap_or(Detection::UNKNOWN);
            let block = segments[i].block;
            let prev = (0..i)
                .rev()
                .take_while(|&j| segments[j].block == block)
                .find_map(|j| own[j]);
            let next = (i + 1..segments.len())
                .take_while(|&j| segments[j].block == block)
                .find_map(|j| own[j]);
            match (prev, next) {
                (Some(p), Some(n)) if p.lang == n.lang && p.lang != para.lang => Detection {
                    lang: p.lang,
                    confidence: p.confidence.min(n.confidence) * INHERIT_FACTOR,
                    basis: Basis::Neighbours,
                },
                _ if para.lang.is_some() => Detection {
                    lang: para.lang,
                    confidence: para.confidence,
                    basis: Basis::Paragraph,
                },
                _ => inherit(prev, next, &guesses[i], None),
            }
        })
        .collect()
}

/// A sentence's own decision given its paragraph's, or `None` when it has too little
/// evidence and should inherit.
fn decide_sentence(g: &Guess, para: Detection) -> Option<Detection> {
    if !g.enough() {
        return None;
    }
    let (best, c) = g.best()?;
    let Some(plang) = para.lang else {
        return (c >= BLOCK_MIN_CONFIDENCE).then_some(Detection {
            lang: Some(best),
            confidence: c,
            basis: Basis::Detected,
        });
    };
    if best == plang {
        return Some(Detection {
            lang: Some(best),
            confidence: c.max(para.confidence),
            basis: Basis::Detected,
        });
    }
    // A paragraph language that was not detected from the paragraph's own text is a weak
    // prior: the sentence's own evidence decides.
    let weak = para.basis != Basis::Detected
        && c >= BLOCK_MIN_CONFIDENCE
        && g.function_words(best) >= g.function_words(plang);
    Some(if weak || clearly(g, best, plang) {
        Detection {
            lang: Some(best),
            confidence: c,
            basis: Basis::Detected,
        }
    } else {
        Detection {
            lang: Some(plang),
            confidence: (para.confidence + g.score(plang)) / 2.0,
            basis: Basis::Paragraph,
        }
    })
}

/// Whether a text's evidence clearly says `lang` rather than the context's `context`:
/// lingua is sure, and the function words do not favour the context's language.
fn clearly(g: &Guess, lang: Lang, context: Lang) -> bool {
    let (fw, fw_context) = (g.function_words(lang), g.function_words(context));
    let c = g.score(lang);
    (c >= OVERRIDE_MIN_CONFIDENCE && fw >= fw_context)
        || (c >= BLOCK_MIN_CONFIDENCE && fw >= fw_context + 2)
}

/// Whether a word tells anything about the language of its sentence.
fn is_evidence(word: &str, lower: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // Acronyms: KPD, NKWD, SED, KPdSU.
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if upper >= 2 && upper * 2 >= letters {
        return false;
    }
    !is_shared_word(word, lower)
}

/// Whether a word is a Russian loanword or name, shared by all three languages: a stem of
/// `data/detect/shared_stems.txt`, or a transliteration cue.
fn is_shared_word(word: &str, lower: &str) -> bool {
    if shared_stems().iter().any(|s| lower.starts_with(s.as_str())) {
        return true;
    }
    // Letter groups that transliterate Russian sounds and are rare in native words:
    // German `tsch`/`schtsch`, Dutch `tsj`/`sjtsj`/`zj`, English `shch`, and English `kh`/`zh`
    // at the start or after a vowel (`Kharkov`, `Brezhnev`; not Dutch `-lijkheid` or
    // German `Schutzhaft`).
    const CUES: &[&str] = &["tsch", "tsj", "sjt", "shch", "zj"];
    if CUES.iter().any(|c| lower.contains(c)) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    let vowel = |c: char| "aeiouy".contains(c);
    if chars
        .windows(2)
        .enumerate()
        .any(|(i, w)| matches!(w, ['k' | 'z', 'h']) && (i == 0 || vowel(chars[i - 1])))
    {
        return true;
    }
    // Capitalised names with Russian endings: Molotow, Breschnew, Ivanova, Trotzkij.
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    const NAME_ENDINGS: &[&str] = &[
        "ow", "ew", "ov", "ev", "owa", "ewa", "ova", "eva", "ski", "skij", "skaja", "kij", "yj",
        "aja", "itsch", "itsj", "vich",
    ];
    capital
        && NAME_ENDINGS.iter().any(|e| lower.ends_with(e))
        && !lower.ends_with("lich")
        && !lower.ends_with("ig")
}

fn shared_stems() -> &'static Vec<String> {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS.get_or_init(|| data_lines(SHARED_STEMS).map(str::to_string).collect())
}

const SHARED_STEMS: &str = include_str!("../data/detect/shared_stems.txt");

fn to_lingua(lang: Lang) -> Language {
    match lang {
        Lang::De => Language::German,
        Lang::Nl => Language::Dutch,
        Lang::En => Language::English,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One detector for all tests: lingua's models load once per process.
    fn detector() -> &'static Detector {
        static DETECTOR: OnceLock<Detector> = OnceLock::new();
        DETECTOR.get_or_init(|| Detector::new(&DetectConfig::default()).unwrap())
    }

    fn detect(text: &str) -> DocumentLanguages {
        let doc = Document::from_bytes("test.txt", text.as_bytes()).unwrap();
        detector().detect_document(&doc, LangChoice::Auto)
    }

    fn sentence_codes(d: &DocumentLanguages) -> Vec<&'static str> {
        d.sentences.iter().map(|s| s.detection.code()).collect()
    }

    fn paragraph_codes(d: &DocumentLanguages) -> Vec<&'static str> {
        d.paragraphs.iter().map(|p| p.detection.code()).collect()
    }

    #[test]
    fn config_rejects_too_few_and_unknown_languages() {
        let err = DetectConfig::from_codes("de", Accuracy::High).unwrap_err();
        assert!(
            matches!(err, Error::TooFewLanguages { ref given } if given == "de"),
            "{err}"
        );
        let err = DetectConfig::from_codes("de,de", Accuracy::High).unwrap_err();
        assert!(matches!(err, Error::TooFewLanguages { .. }), "{err}");
        let err = DetectConfig::from_codes("de,xx", Accuracy::High).unwrap_err();
        assert!(
            matches!(err, Error::UnknownLanguage { ref code, .. } if code == "xx"),
            "{err}"
        );
        let config = DetectConfig::from_codes("nl, de", Accuracy::Low).unwrap();
        assert_eq!(config.languages, [Lang::Nl, Lang::De]);
        let too_few = DetectConfig {
            languages: vec![Lang::En],
            accuracy: Accuracy::High,
        };
        assert!(
            Detector::new(&too_few).is_err(),
            "checked before lingua's builder panics"
        );
    }

    // Which words count as evidence of a language: a table, one row per case.
    const EVIDENCE: &[(&str, bool)] = &[
        ("Bauern", true),
        ("verantwoordelijkheid", true),
        ("the", true),
        ("Partij", true),
        ("Schutzhaft", true),
        ("Reich", true),
        ("Chruschtschow", false),
        ("Chroesjtsjov", false),
        ("Khrushchev", false),
        ("Natschalstwo", false),
        ("Kolchosen", false),
        ("koelakken", false),
        ("kolkhoz", false),
        ("Kharkov", false),
        ("Zhdanov", false),
        ("Brezjnev", false),
        ("Molotow", false),
        ("Stalins", false),
        ("Sowjetunion", false),
        ("NKWD", false),
        ("KPdSU", false),
        ("1937", false),
        ("G", false),
    ];

    #[test]
    fn evidence_words() {
        for &(word, expected) in EVIDENCE {
            assert_eq!(is_evidence(word, &word.to_lowercase()), expected, "{word}");
        }
    }

    #[test]
    fn shared_stems_are_sorted_and_unique() {
        let stems: Vec<&str> = data_lines(SHARED_STEMS).collect();
        for w in stems.windows(2) {
            assert!(
                w[0].as_bytes() < w[1].as_bytes(),
                "`{}` and `{}` out of order",
                w[0],
                w[1]
            );
        }
        assert!(
            stems.iter().all(|s| s == &s.to_lowercase()),
            "stems are lowercase"
        );
    }

    #[test]
    fn single_languages() {
        let de = detect(
            "Die Bauern mussten ihr Vieh in die Kolchosen einbringen. Wer sich weigerte, wurde verhaftet.\n",
        );
        assert_eq!(sentence_codes(&de), ["de", "de"]);
        assert_eq!(de.main, Some(Lang::De));
        let nl = detect(
            "De boeren moesten hun vee naar de kolchoz brengen. Wie weigerde, werd gearresteerd.\n",
        );
        assert_eq!(sentence_codes(&nl), ["nl", "nl"]);
        let en = detect(
            "The peasants had to bring their cattle to the collective farm. Those who refused were arrested.\n",
        );
        assert_eq!(sentence_codes(&en), ["en", "en"]);
    }

    #[test]
    fn russian_loanwords_and_names_do_not_flip_a_german_sentence() {
        let d = detect(
            "Chruschtschow besuchte den Kolchos, und das Natschalstwo des Rayons empfing ihn mit Brot und Salz.\n",
        );
        assert_eq!(sentence_codes(&d), ["de"]);
        let d =
            detect("Chroesjtsjov bezocht de kolchoz en sprak met de koelakken over de oogst.\n");
        assert_eq!(sentence_codes(&d), ["nl"]);
    }

    #[test]
    fn a_clear_sentence_overrides_its_paragraph() {
        let d = detect(
            "Die Hungersnot von 1932 traf vor allem die Ukraine und Kasachstan. Millionen Menschen starben. \
             The famine was the result of deliberate policy, not of a bad harvest. Erst spät wurde darüber offen gesprochen.\n",
        );
        assert_eq!(paragraph_codes(&d), ["de"]);
        assert_eq!(sentence_codes(&d), ["de", "de", "en", "de"]);
    }

    #[test]
    fn short_segments_inherit_instead_of_guessing() {
        // A one-word heading between German paragraphs, and `Ja.` inside one.
        let d = detect(
            "Die Partei beschloss im Winter die vollständige Kollektivierung der Landwirtschaft.\n\n\
             Gulag\n\n\
             Ja. Die Lager wuchsen in den folgenden Jahren sehr schnell, vor allem im Norden.\n",
        );
        assert_eq!(paragraph_codes(&d), ["de", "de", "de"]);
        assert_eq!(d.paragraphs[1].detection.basis, Basis::Neighbours);
        assert_eq!(sentence_codes(&d), ["de", "de", "de", "de"]);
        assert_eq!(d.sentences[2].detection.basis, Basis::Paragraph);
    }

    #[test]
    fn nothing_to_go_by_is_unknown() {
        let d = detect("KPD, SED, NKWD.\n");
        assert_eq!(paragraph_codes(&d), ["unknown"]);
        assert_eq!(sentence_codes(&d), ["unknown"]);
        assert_eq!(d.main, None);
        assert_eq!(detector().detect_text("NKWD 1937"), Detection::UNKNOWN);
    }

    #[test]
    fn a_dutch_paragraph_inside_a_german_text() {
        let d = detect(
            "Die Kollektivierung begann im Winter 1929 und dauerte mehrere Jahre.\n\n\
             In Nederland werd over deze gebeurtenissen lange tijd weinig geschreven. De kranten zwegen.\n\n\
             Erst nach der Öffnung der Archive wurde das ganze Ausmaß sichtbar.\n",
        );
        assert_eq!(paragraph_codes(&d), ["de", "nl", "de"]);
        assert_eq!(sentence_codes(&d), ["de", "nl", "nl", "de"]);
        assert_eq!(d.summary(), [(Some(Lang::De), 2), (Some(Lang::Nl), 2)]);
    }

    #[test]
    fn abbreviation_rules_follow_the_detected_language() {
        // `bijv.` is a Dutch abbreviation: with Dutch rules the sentence is not cut there.
        let d = detect(
            "Veel boeren verzetten zich, bijv. door hun vee te slachten. De partij reageerde hard.\n",
        );
        let texts: Vec<&str> = d
            .sentences
            .iter()
            .map(|s| s.segment.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Veel boeren verzetten zich, bijv. door hun vee te slachten.",
                "De partij reageerde hard."
            ]
        );
        assert!(d.sentences.iter().all(|s| s.segment.lang == Lang::Nl));
    }

    #[test]
    fn documents_come_back_in_order() {
        let docs: Vec<Document> = [
            "Die Bauern wurden enteignet und deportiert.\n",
            "De boeren werden onteigend en gedeporteerd.\n",
            "The peasants were expropriated and deported.\n",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_bytes(&format!("{i}.txt"), t.as_bytes()).unwrap())
        .collect();
        let mains: Vec<Option<Lang>> = detector()
            .detect_documents(&docs, LangChoice::Auto)
            .iter()
            .map(|d| d.main)
            .collect();
        assert_eq!(mains, [Some(Lang::De), Some(Lang::Nl), Some(Lang::En)]);
    }
}
