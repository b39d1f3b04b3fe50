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
    /// For a phrase or hyphenated name the texts print (`awgustowskaja sessija`,
    /// `Brest-Litowsk`), which suggest proposes whole: its words, each scored by itself;
    /// `count` is then how often the phrase occurs and `documents` in how many documents all
    /// its words do. Empty for a single word.
    pub parts: Vec<String>,
    /// The Russian readings its transliteration allows, the best supported first: the score
    /// takes the first's support. The Russian word the word spells (its English) may be
    /// another, the word as written when nearly as well supported (`Stalin` is `сталин`, but
    /// scores as `стали` + ending); the reasons name both.
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
        parts: Vec::new(),
    };
    let Some(w) = corpus.words.get(word) else {
        phrase(glossary, &corpus, options, word, &mut out);
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
    out.group = placed(glossary, &corpus, options, &[word]);
    Ok(out)
}

/// Fills in `out` for a phrase or hyphenated name of the texts, which is no word of the
/// corpus but a chain of words proposed whole; leaves it as it is when the texts print no
/// such chain.
fn phrase(
    glossary: &Glossary,
    corpus: &Corpus,
    options: &SuggestOptions,
    chain: &str,
    out: &mut Explanation,
) {
    let mut parts: Vec<(&String, &super::corpus::Word)> = corpus
        .words
        .iter()
        .filter(|(_, w)| w.chains.contains_key(chain))
        .collect();
    if parts.is_empty() {
        return;
    }
    // In the order the chain has them.
    parts.sort_by_key(|(form, _)| chain.find(form.as_str()).unwrap_or(usize::MAX));
    out.count = parts
        .iter()
        .map(|(_, w)| w.chains[chain])
        .max()
        .unwrap_or(0);
    let mut docs = parts[0].1.docs.clone();
    for (_, w) in &parts[1..] {
        docs.retain(|d| w.docs.contains(d));
    }
    out.documents = docs.len();
    out.lang = Some(main_lang(parts[0].1));
    out.parts = parts.iter().map(|(form, _)| form.to_string()).collect();
    let forms: Vec<&str> = parts.iter().map(|(form, _)| form.as_str()).collect();
    out.group = placed(glossary, corpus, options, &forms);
}

/// Where the group holding one of `forms` ranks.
fn placed(
    glossary: &Glossary,
    corpus: &Corpus,
    options: &SuggestOptions,
    forms: &[&str],
) -> Option<Placed> {
    let groups = rank(glossary, corpus, options);
    groups
        .iter()
        .position(|g| g.variants.iter().any(|v| forms.contains(&v.form.as_str())))
        .map(|i| Placed {
            rank: i + 1,
            key: groups[i].key.clone(),
            score: groups[i].score,
            groups: groups.len(),
        })
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}
