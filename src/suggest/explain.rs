//! Why a word is, or is not, proposed: `glossa suggest --explain WORD`.

use serde::Serialize;

use super::SuggestOptions;
use super::corpus::{Corpus, main_lang};
use super::lexicon::plain;
use super::rank::rank;
use super::readings::readings;
use super::score::{Trace, score};
use crate::error::Result;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::source::Document;
use crate::terms::TermMatcher;

/// One reason of a word's score: what it added, or `None` for a verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub reason: String,
    pub adds: Option<f64>,
}

/// What suggest made of one word of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    pub word: String,
    /// Occurrences outside the glossary's terms.
    pub count: usize,
    pub documents: usize,
    /// The language of most occurrences.
    pub lang: Option<Lang>,
    /// The concept whose form the word is, when the glossary covers it (it is then never
    /// proposed).
    pub covered_by: Option<String>,
    pub reasons: Vec<Reason>,
    /// The word's score by itself; `None` when it is no candidate.
    pub score: Option<f64>,
    /// The group it is shown in: its rank (from 1), key and score (frequency and spread
    /// added), and the rank of the last group `--limit` shows by default.
    pub group: Option<Placed>,
    /// The Russian readings its transliteration allows, the chosen (best supported) first.
    pub readings: Vec<RussianReading>,
}

/// One Russian reading of a word.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RussianReading {
    /// The Russian word, lowercase Cyrillic.
    pub russian: String,
    /// Its Zipf value in Russian.
    pub zipf: f64,
    /// How the word was read (`as written`, `o read as a`, `h read as Ukrainian г` …).
    pub how: String,
    /// The Zipf value less what the reading costs.
    pub support: f64,
}

/// Where a word's group ranks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placed {
    pub rank: usize,
    pub key: String,
    pub score: f64,
    pub groups: usize,
}

/// Explains how `word` (a surface form, as printed) fares in `glossa suggest` on `docs`.
pub fn explain(
    glossary: &Glossary,
    docs: &[Document],
    options: &SuggestOptions,
    word: &str,
) -> Result<Explanation> {
    let corpus = Corpus::new(glossary, docs, options)?;
    let covered_by = TermMatcher::new(glossary)?
        .find(word, None)
        .into_iter()
        .find(|h| h.start == 0 && h.end == word.len())
        .map(|h| h.concept);
    let mut out = Explanation {
        word: word.to_string(),
        count: 0,
        documents: 0,
        lang: None,
        covered_by,
        reasons: Vec::new(),
        score: None,
        group: None,
        readings: Vec::new(),
    };
    let Some(w) = corpus.words.get(word) else {
        return Ok(out);
    };
    let lang = main_lang(w);
    out.readings = readings(&plain(word), lang)
        .into_iter()
        .map(|r| RussianReading {
            russian: r.word.to_string(),
            zipf: round(r.zipf),
            how: r.how.to_string(),
            support: round(r.support()),
        })
        .collect();
    out.count = w.count;
    out.documents = w.docs.len();
    out.lang = Some(lang);
    let mut trace = Trace::on();
    out.score =
        score(word, w, lang, &corpus.model, &corpus.vocabulary, &mut trace).map(|(s, _)| round(s));
    out.reasons = trace
        .0
        .unwrap_or_default()
        .into_iter()
        .map(|(reason, adds)| Reason {
            reason,
            adds: adds.map(round),
        })
        .collect();
    let groups = rank(glossary, &corpus, options);
    out.group = groups
        .iter()
        .position(|g| g.variants.iter().any(|v| v.form == word))
        .map(|i| Placed {
            rank: i + 1,
            key: groups[i].key.clone(),
            score: groups[i].score,
            groups: groups.len(),
        });
    Ok(out)
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}
