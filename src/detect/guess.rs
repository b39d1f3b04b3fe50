//! A text's raw guess: the confidence of every candidate language, from lingua or, where
//! the function words leave no doubt, from them alone; and a paragraph's guess from its
//! sentences'.
//!
//! This is the only file that calls lingua. lingua's builder panics with fewer than two
//! languages, so a [`Guesser`] exists only for two or more (see [`super::Detector::new`]).

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use rayon::prelude::*;

use super::Accuracy;
use super::evidence::{Evidence, evidence};
use crate::lang::{ByLang, FunctionWords, Lang};
use crate::segment::Segment;

/// Evidence needed before a text's language is guessed rather than inherited.
pub(super) const MIN_WORDS: usize = 3;
pub(super) const MIN_LETTERS: usize = 15;
/// lingua confidence needed for a text's own decision.
pub(super) const BLOCK_MIN_CONFIDENCE: f64 = 0.6;

/// Function words of one language a text must have (and none of another) to be decided
/// without lingua.
const FAST_MIN_FUNCTION_WORDS: usize = 4;

/// Function words of the paragraph's language a sentence of an unmistakable paragraph
/// must have (and none of another) to be decided without lingua.
const FAST_IN_CONTEXT: usize = 1;

/// The confidence given to such a decision.
const FAST_CONFIDENCE: f64 = 0.99;

/// A text's raw guess: the best language, its confidence, the confidence of every
/// candidate, and how much evidence there was.
#[derive(Clone, Debug)]
pub(super) struct Guess {
    /// Confidence per candidate language, in the detector's language order.
    pub scores: Vec<(Lang, f64)>,
    pub words: usize,
    pub letters: usize,
    pub function_words: FunctionWords,
    /// Per language: whether some sentence is confidently in it.
    pub confident: ByLang<bool>,
}

impl Guess {
    /// Whether there is enough evidence to decide the text on its own.
    pub fn enough(&self) -> bool {
        self.words >= MIN_WORDS && self.letters >= MIN_LETTERS
    }

    pub fn best(&self) -> Option<(Lang, f64)> {
        self.scores
            .iter()
            .copied()
            .filter(|&(_, c)| c > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// How far the best language leads the second.
    pub fn lead(&self) -> f64 {
        let mut c: Vec<f64> = self.scores.iter().map(|s| s.1).collect();
        c.sort_by(|a, b| b.total_cmp(a));
        c.first().copied().unwrap_or(0.0) - c.get(1).copied().unwrap_or(0.0)
    }

    pub fn score(&self, lang: Lang) -> f64 {
        self.scores
            .iter()
            .find(|s| s.0 == lang)
            .map_or(0.0, |s| s.1)
    }

    pub fn function_words(&self, lang: Lang) -> usize {
        self.function_words.get(lang)
    }
}

/// lingua, built for two or more languages, and the languages in [`Lang`] order.
pub(super) struct Guesser {
    lingua: LanguageDetector,
    languages: Vec<Lang>,
}

impl Guesser {
    /// Builds lingua for `languages` (distinct, in [`Lang`] order) and loads its models.
    ///
    /// `languages` must hold at least two: lingua's builder panics with fewer.
    /// [`super::Detector::new`], the only caller, checks the count first.
    pub fn new(languages: &[Lang], accuracy: Accuracy) -> Guesser {
        let lingua_langs: Vec<Language> = languages.iter().map(|&l| to_lingua(l)).collect();
        let mut builder = LanguageDetectorBuilder::from_languages(&lingua_langs);
        builder.with_preloaded_language_models();
        if accuracy == Accuracy::Low {
            builder.with_low_accuracy_mode();
        }
        Guesser {
            lingua: builder.build(),
            languages: languages.to_vec(),
        }
    }

    /// lingua's confidences for the evidence words of `text`.
    pub fn guess(&self, text: &str) -> Guess {
        self.guess_evidence(evidence(text), None)
    }

    /// The guess of every segment of a document with `blocks` blocks. A paragraph whose
    /// function words leave no doubt lets its sentences be decided from fewer of their own
    /// (see [`Guesser::guess_evidence`]).
    pub fn sentence_guesses(&self, blocks: usize, segments: &[Segment]) -> Vec<Guess> {
        let mut block_words = vec![FunctionWords::default(); blocks];
        let evidences: Vec<Evidence> = segments.par_iter().map(|s| evidence(&s.text)).collect();
        for (s, ev) in segments.iter().zip(&evidences) {
            block_words[s.block].add(&ev.function_words);
        }
        let block_lang: Vec<Option<Lang>> =
            block_words.iter().map(unmistakable_paragraph).collect();
        segments
            .par_iter()
            .zip(evidences)
            .map(|(s, ev)| self.guess_evidence(ev, block_lang[s.block]))
            .collect()
    }

    /// Each block's guess from its sentences' guesses: confidences averaged with the square
    /// root of the sentences' evidence (letters) as weights, so that a paragraph's language
    /// is that of most of its sentences without short ones counting as much as long ones;
    /// evidence and function words summed. Long texts in lingua get all-or-nothing
    /// confidences that follow the language whose model is least surprised by the other; a
    /// vote of the sentences is fairer to a paragraph that mixes languages.
    pub fn block_guesses(
        &self,
        blocks: usize,
        segments: &[Segment],
        guesses: &[Guess],
    ) -> Vec<Guess> {
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

    /// A text's guess from its evidence. In a paragraph whose function words are
    /// unmistakably of `context`, one function word of that language and none of another
    /// decide the sentence without lingua.
    ///
    /// One is enough because lingua could not change the decision: a sentence overrides
    /// its paragraph only when the other language's function words are at least as many
    /// as the paragraph's (see `decide::clearly`), and this sentence has none. Calling
    /// lingua there cost about a sixth of its calls on the corpus (issue 20).
    fn guess_evidence(&self, ev: Evidence, context: Option<Lang>) -> Guess {
        let in_context = context.filter(|&lang| {
            let own = ev.function_words.get(lang);
            own >= FAST_IN_CONTEXT
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
            self.lingua_scores(&ev.text)
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

    /// lingua's confidence for every candidate language, in the detector's order.
    fn lingua_scores(&self, text: &str) -> Vec<(Lang, f64)> {
        let values = self.lingua.compute_language_confidence_values(text);
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
    }

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

fn to_lingua(lang: Lang) -> Language {
    match lang {
        Lang::De => Language::German,
        Lang::Nl => Language::Dutch,
        Lang::En => Language::English,
    }
}
