//! Ranking: every word of the corpus scored by itself, the candidates grouped, the groups
//! on the ignore lists left out, the rest made suggestions and sorted by score, and groups
//! that came out with one key folded together.

use std::collections::{HashMap, HashSet};

use super::SuggestOptions;
use super::build::build;
use super::corpus::{Corpus, main_lang};
use super::covered::Covered;
use super::group::{Scored, group};
use super::score::{Trace, score};
use super::stems::is_acronym;
use super::suggestion::Suggestion;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::translit;

/// The groups of `corpus`, best first.
pub(super) fn rank(
    glossary: &Glossary,
    corpus: &Corpus,
    options: &SuggestOptions,
) -> Vec<Suggestion> {
    let scored = candidates(corpus);
    let roots: HashMap<&String, String> = scored
        .iter()
        .filter_map(|s| s.root.clone().map(|r| (s.surface, r)))
        .collect();
    let ignore = ignore_keys(glossary, options);
    let mut out: Vec<Suggestion> = group(&scored, &corpus.words, &corpus.vocabulary)
        .into_iter()
        .filter(|c| !c.keys.iter().any(|k| ignore.contains(k)))
        .map(|c| build(c, &corpus.words, &roots))
        .collect();
    // Frequency and spread add to the best word's score.
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.key.cmp(&b.key))
    });
    let covered = Covered::new(glossary);
    let mut out = merge_same_keys(out);
    for s in &mut out {
        s.variant_of = covered.concept_of(s);
    }
    out
}

/// Every word of the corpus that is a candidate, scored; the best first (ties by
/// spelling).
fn candidates(corpus: &Corpus) -> Vec<Scored<'_>> {
    let mut scored: Vec<Scored> = corpus
        .words
        .iter()
        .filter_map(|(s, w)| {
            let lang = main_lang(w);
            score(
                s,
                w,
                lang,
                &corpus.model,
                &corpus.vocabulary,
                &mut Trace::default(),
            )
            .map(|(score, root)| Scored {
                surface: s,
                root,
                lang,
                score,
            })
        })
        .collect();
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.surface.cmp(b.surface))
    });
    scored
}

/// The keys of the words never to propose, the glossary's and the run's, as each of the
/// languages would write them.
fn ignore_keys(glossary: &Glossary, options: &SuggestOptions) -> HashSet<String> {
    options
        .ignore
        .iter()
        .chain(&glossary.ignore)
        .flat_map(|w| Lang::ALL.map(|l| translit::key(w, l)))
        .collect()
}

/// Folds groups that came out with one key (the parts of `Brest-Litowsk`, each standing
/// for the name) into the best of them. An acronym's key is its capitals, so that German's
/// `UdSSR` meets English `USSR`.
fn merge_same_keys(ranked: Vec<Suggestion>) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::with_capacity(ranked.len());
    let mut at: HashMap<String, usize> = HashMap::new();
    for s in ranked {
        let key = match s.base.first() {
            Some((_, b)) if is_acronym(b) => b
                .chars()
                .filter(char::is_ascii_uppercase)
                .collect::<String>()
                .to_lowercase(),
            _ => s.key.clone(),
        };
        let Some(&i) = at.get(&key) else {
            at.insert(key, out.len());
            out.push(s);
            continue;
        };
        let t = &mut out[i];
        for v in s.variants {
            if !t.variants.iter().any(|x| x.form == v.form) {
                t.count += v.count;
                t.forms.push(v.form.clone());
                t.variants.push(v);
            }
        }
        t.documents = t.documents.max(s.documents);
    }
    out
}
