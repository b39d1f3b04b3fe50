//! A text's raw guess: the confidence of every candidate language, from lingua or, where
//! the function words leave no doubt, from them alone; and a paragraph's guess from its
//! sentences'.
//!
//! This is the only file that calls lingua. lingua's builder panics with fewer than two
//! languages, so a [`Guesser`] exists only for two or more (see [`super::Detector::new`]).

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use rayon::prelude::*;

use super::Accuracy;
use super::evidence::{Evidence, evidence, evidence_text};
use super::lexicon;
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

/// Function words of its block's context language (see [`contexts`]) a sentence must have,
/// and more than of all other languages together, to be decided without lingua.
const FAST_IN_CONTEXT: usize = 1;

/// The confidence given to such a decision.
const FAST_CONFIDENCE: f64 = 0.99;

/// The confidence given to a sentence that takes its context's language because nothing in
/// it points elsewhere (see [`Guesser::quiet`]): it has no function words of its own to
/// say so, but enough to be confident with enough evidence (see [`BLOCK_MIN_CONFIDENCE`]).
const QUIET_CONFIDENCE: f64 = 0.9;

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
    /// Whether lingua was asked (the tests count its calls).
    #[cfg_attr(not(test), allow(dead_code))]
    pub lingua: bool,
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
        self.guess_evidence(text, evidence(text), None)
    }

    /// The guess of every segment of a document with `blocks` blocks, and every block's
    /// context language (see [`contexts`]). In a block with a context, a sentence whose
    /// function words say the context's language is decided without lingua (see
    /// [`Guesser::guess_evidence`]).
    pub fn sentence_guesses(
        &self,
        blocks: usize,
        segments: &[Segment],
    ) -> (Vec<Guess>, Vec<Option<Lang>>) {
        let mut block_words = vec![FunctionWords::default(); blocks];
        let evidences: Vec<Evidence> = segments.par_iter().map(|s| evidence(&s.text)).collect();
        for (s, ev) in segments.iter().zip(&evidences) {
            block_words[s.block].add(&ev.function_words);
        }
        let context = contexts(&block_words);
        let guesses = segments
            .par_iter()
            .zip(evidences)
            .map(|(s, ev)| self.guess_evidence(&s.text, ev, context[s.block]))
            .collect();
        (guesses, context)
    }

    /// The guess of a text in a block whose context language is `context`.
    pub fn guess_in_context(&self, text: &str, context: Option<Lang>) -> Guess {
        self.guess_evidence(text, evidence(text), context)
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
                lingua: false,
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

    /// The guess of `text`, whose evidence is `ev`. In a block whose context language is
    /// `context` (see [`contexts`]), a sentence with more function words of that language
    /// than of all others together is decided without lingua, and so is one where nothing
    /// points elsewhere (see [`Guesser::quiet`]); lingua reads the evidence words alone.
    ///
    /// lingua could not change the language of such a sentence: a sentence overrides its
    /// paragraph only when the other language's function words are at least as many as
    /// the paragraph's (see `decide::clearly`), and this sentence has fewer. Calling
    /// lingua there cost most of its calls on the corpus (issue 20).
    fn guess_evidence(&self, text: &str, ev: Evidence, context: Option<Lang>) -> Guess {
        let in_context = context.filter(|&lang| {
            let own = ev.function_words.get(lang);
            own >= FAST_IN_CONTEXT
                && own > ev.function_words.others(lang)
                && ev.words >= MIN_WORDS
                && self.languages.contains(&lang)
        });
        let only = |lang: Lang, c: f64| -> Vec<(Lang, f64)> {
            self.languages
                .iter()
                .map(|&l| (l, if l == lang { c } else { 0.0 }))
                .collect()
        };
        let mut lingua = false;
        let scores = if ev.words == 0 {
            self.languages.iter().map(|&l| (l, 0.0)).collect()
        } else if let Some(lang) = self.unmistakable(&ev).or(in_context) {
            // Many function words of one language and none of another: lingua would only
            // agree, at a hundred times the cost.
            only(lang, FAST_CONFIDENCE)
        } else if let Some(lang) = self.quiet(text, &ev, context) {
            only(lang, QUIET_CONFIDENCE)
        } else {
            lingua = true;
            self.lingua_scores(&evidence_text(text))
        };
        let mut guess = Guess {
            scores,
            words: ev.words,
            letters: ev.letters,
            function_words: ev.function_words,
            confident: ByLang::default(),
            lingua,
        };
        if let Some((lang, c)) = guess.best() {
            guess.confident[lang] = guess.enough() && c >= BLOCK_MIN_CONFIDENCE;
        }
        guess
    }

    /// The context language of a sentence in a block whose context is `context` (see
    /// [`contexts`]) where nothing in the sentence points elsewhere: no function word of
    /// another language, no word much more frequent in another language, no other script
    /// (see [`lexicon::points_elsewhere`]). `Die Bevölkerung feierte ihren Sieg.` in a German
    /// paragraph has no function word (`die` is Dutch too) and is German without lingua;
    /// `Niemand stemde tegen.` there still goes to lingua.
    ///
    /// lingua agreed with the context on every such sentence of the corpus, and they were
    /// most of its calls that were left (issue 20).
    fn quiet(&self, text: &str, ev: &Evidence, context: Option<Lang>) -> Option<Lang> {
        let lang = context?;
        (ev.function_words.others(lang) == 0
            && self.languages.contains(&lang)
            && !lexicon::points_elsewhere(&evidence_text(text), lang, &self.languages))
        .then_some(lang)
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

/// Function words a block needs of one language to be its own context.
const CONTEXT_MIN_WORDS: usize = 12;

/// The language of most of a block's function words: more than four in five of them
/// (a German paragraph keeps its `de facto` and its quoted `the`).
fn dominant(words: &FunctionWords) -> Option<Lang> {
    let lang = words.top()?;
    (words.others(lang) * 4 < words.get(lang)).then_some(lang)
}

/// Every block's context language, the cheap first pass that spares lingua: the
/// language of a block with at least [`CONTEXT_MIN_WORDS`] function words, nearly all of
/// one language (see [`dominant`]); for a block with fewer (a heading, a footnote, a
/// short paragraph), the language of the nearest such blocks before and after it where
/// they agree (or only one exists), provided the block's own function words are mostly
/// of that language too, or it has no function words at all. A block with too many of
/// another language has no context: its sentences are left to lingua.
///
/// A context only lets a sentence skip lingua when the sentence's own function words
/// favour the context's language (see [`Guesser::guess_evidence`]), or when it has none
/// of another language and nothing else in it points elsewhere (see [`Guesser::quiet`]);
/// a Dutch sentence in a German paragraph is still judged by lingua.
pub(super) fn contexts(block_words: &[FunctionWords]) -> Vec<Option<Lang>> {
    let sure: Vec<Option<Lang>> = block_words
        .iter()
        .map(|w| dominant(w).filter(|&l| w.get(l) >= CONTEXT_MIN_WORDS))
        .collect();
    let mut before = Vec::with_capacity(sure.len());
    let mut last = None;
    for s in &sure {
        before.push(last);
        last = s.or(last);
    }
    let mut after = vec![None; sure.len()];
    let mut next = None;
    for i in (0..sure.len()).rev() {
        after[i] = next;
        next = sure[i].or(next);
    }
    let neighbours = |i: usize| match (before[i], after[i]) {
        (Some(b), Some(a)) if a == b => Some(a),
        (Some(l), None) | (None, Some(l)) => Some(l),
        _ => None,
    };
    let with_words: Vec<Option<Lang>> = (0..sure.len())
        .map(|i| {
            sure[i].or_else(|| {
                let lang = neighbours(i)?;
                (dominant(&block_words[i]) == Some(lang)).then_some(lang)
            })
        })
        .collect();
    // A block without function words (a heading, `Ebd., S. 12.`, a title split over
    // lines) has nothing to disagree with: it takes its neighbours' context where the
    // nearest blocks with function words on either side have that context too (not in the
    // middle of an English title cut into lines), and its sentences take it only where
    // nothing in them points elsewhere (see `Guesser::quiet`).
    let has_words = |i: usize| block_words[i].total() > 0;
    let mut previous = Vec::with_capacity(sure.len());
    let mut last = None;
    for (i, &context) in with_words.iter().enumerate() {
        previous.push(last);
        if has_words(i) {
            last = Some(context);
        }
    }
    let mut following = vec![None; sure.len()];
    let mut next = None;
    for i in (0..sure.len()).rev() {
        following[i] = next;
        if has_words(i) {
            next = Some(with_words[i]);
        }
    }
    (0..sure.len())
        .map(|i| {
            if has_words(i) {
                return with_words[i];
            }
            let lang = neighbours(i)?;
            let agrees = |side: Option<Option<Lang>>| side.is_none_or(|c| c == Some(lang));
            (agrees(previous[i]) && agrees(following[i])).then_some(lang)
        })
        .collect()
}

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

    /// Function words per block: German, Dutch, English.
    fn words(de: usize, nl: usize, en: usize) -> FunctionWords {
        FunctionWords(ByLang([de, nl, en]))
    }

    /// A case: its name, each block's German, Dutch and English function words, and the
    /// context languages the first pass gives the blocks.
    type ContextCase = (
        &'static str,
        &'static [(usize, usize, usize)],
        &'static [Option<Lang>],
    );

    // One row per case.
    const CONTEXTS: &[ContextCase] = &[
        (
            "a block with many function words of one language is its own context",
            &[(20, 0, 0), (0, 15, 0), (0, 0, 12)],
            &[Some(Lang::De), Some(Lang::Nl), Some(Lang::En)],
        ),
        (
            "fewer than one in five of other languages: still its own context",
            &[(41, 5, 5), (40, 5, 5)],
            // The second has one in five: no context of its own, and its neighbour's
            // language does not have four in five of its words.
            &[Some(Lang::De), None],
        ),
        (
            "a short block between two German ones, with German words only",
            &[(20, 0, 0), (2, 0, 0), (30, 0, 0)],
            &[Some(Lang::De), Some(Lang::De), Some(Lang::De)],
        ),
        (
            "short blocks at the end take the last long one's",
            &[(20, 0, 0), (1, 0, 0), (3, 0, 0)],
            &[Some(Lang::De), Some(Lang::De), Some(Lang::De)],
        ),
        (
            "a short block with a fifth of another language has no context",
            &[(20, 0, 0), (4, 1, 0), (30, 0, 0), (5, 1, 0)],
            &[Some(Lang::De), None, Some(Lang::De), Some(Lang::De)],
        ),
        (
            "a short block with no function words takes its neighbours' context",
            &[(20, 0, 0), (0, 0, 0), (30, 0, 0), (0, 0, 0)],
            &[
                Some(Lang::De),
                Some(Lang::De),
                Some(Lang::De),
                Some(Lang::De),
            ],
        ),
        (
            "a block with no function words between German and Dutch has no context",
            &[(20, 0, 0), (0, 0, 0), (0, 14, 0)],
            &[Some(Lang::De), None, Some(Lang::Nl)],
        ),
        (
            "nor one next to a short English block inside German text",
            &[
                (20, 0, 0),
                (0, 0, 2),
                (0, 0, 0),
                (0, 0, 0),
                (1, 0, 0),
                (30, 0, 0),
            ],
            &[
                Some(Lang::De),
                None,
                None,
                None,
                Some(Lang::De),
                Some(Lang::De),
            ],
        ),
        (
            "a short block between a German and a Dutch one has no context",
            &[(20, 0, 0), (2, 0, 0), (0, 14, 0)],
            &[Some(Lang::De), None, Some(Lang::Nl)],
        ),
        (
            "a short Dutch block between German ones has no context",
            &[(20, 0, 0), (0, 3, 0), (30, 0, 0)],
            &[Some(Lang::De), None, Some(Lang::De)],
        ),
        (
            "no long block anywhere: no context",
            &[(3, 0, 0), (0, 2, 0)],
            &[None, None],
        ),
        (
            "a long block of two languages has no context, nor its neighbours",
            &[(12, 10, 0), (2, 0, 0)],
            &[None, None],
        ),
    ];

    #[test]
    fn context_languages() {
        for &(name, blocks, want) in CONTEXTS {
            let blocks: Vec<FunctionWords> =
                blocks.iter().map(|&(d, n, e)| words(d, n, e)).collect();
            assert_eq!(contexts(&blocks), want, "{name}");
        }
    }
}
