//! Grouping the scored words: by transliteration key, with and without inflectional
//! endings (`Netschajew`, `Netschajews`, Dutch `Netsjajev`); groups whose word is a
//! compound of another's join it (`Betriebsnatschalstwo`); then the words that were no
//! candidates by themselves join as inflected forms (`Zaren` of `Zar`) or compounds
//! (`Kolchosvorsitzender`).

use std::collections::{HashMap, HashSet};

use super::corpus::{Vocabulary, Word, main_lang};
use super::lexicon::{Lexicon, plain};
use super::roots::roots;
use super::stems::{is_acronym, stem_keys, stems_down_to};
use crate::fold::fold_str;
use crate::lang::Lang;
use crate::translit;

/// How many words of the corpus may end in a group's base for the base to gather
/// compounds (`Kolchos` in `Musterkolchos`, `Großkolchos`).
const MAX_HEADS: usize = 12;

/// The fewest symbols of a key for the fuzzy join ([`translit::same_word`]).
const FUZZY_KEY: usize = 6;

/// A candidate: a word of the corpus with its score by itself.
#[derive(Debug)]
pub(super) struct Scored<'a> {
    pub(super) surface: &'a String,
    /// The Russian word it is made of, when it is a derivation or compound of one.
    pub(super) root: Option<String>,
    pub(super) lang: Lang,
    pub(super) score: f64,
}

/// A group being built.
#[derive(Debug, Default)]
pub(super) struct Cluster {
    /// (surface form, is a compound of the base).
    pub(super) members: Vec<(String, bool)>,
    /// Members that joined as inflected forms of a member without being candidates
    /// themselves: shown, but not counted for the ranking.
    pub(super) inflected: HashSet<String>,
    pub(super) keys: HashSet<String>,
    pub(super) score: f64,
}

impl Cluster {
    /// The group's bases: its simple forms, folded, the shortest first.
    fn bases(&self) -> Vec<String> {
        let mut bases: Vec<String> = self
            .members
            .iter()
            .filter(|(s, compound)| !compound && !is_acronym(s))
            .map(|(s, _)| fold_str(s))
            .collect();
        bases.sort_by_key(String::len);
        bases
    }
}

/// The groups of the candidates `scored` (best first), with the other words of `words`
/// that join them.
pub(super) fn group(
    scored: &[Scored],
    words: &HashMap<String, Word>,
    vocabulary: &Vocabulary,
) -> Vec<Cluster> {
    let clusters = by_key(scored);
    let mut clusters = merge_compounds(clusters, vocabulary);
    // The bases of the candidates alone: inflected forms, which join next, gather no
    // compounds of their own.
    let bases = compound_bases(&clusters);
    let mut sorted_words: Vec<&String> = words.keys().collect();
    sorted_words.sort();
    let mut in_cluster: HashSet<String> = clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|(s, _)| s.clone()))
        .collect();
    join_inflected(&mut clusters, words, &sorted_words, &mut in_cluster);
    join_compounds(
        &mut clusters,
        &sorted_words,
        &in_cluster,
        &bases,
        vocabulary,
    );
    clusters
}

/// The clusters' keys: exactly, and those of [`FUZZY_KEY`] symbols or more by their first
/// symbol, for the fuzzy join.
#[derive(Debug, Default)]
struct KeyIndex {
    exact: HashMap<String, usize>,
    by_initial: HashMap<char, Vec<(String, usize)>>,
}

impl KeyIndex {
    /// The cluster of the first of `keys` that one has, else of the first that is within a
    /// key's tolerance of one.
    fn find(&self, keys: &[String]) -> Option<usize> {
        keys.iter()
            .find_map(|k| self.exact.get(k).copied())
            .or_else(|| {
                keys.iter()
                    .filter(|k| k.chars().count() >= FUZZY_KEY)
                    .find_map(|k| {
                        let initial = k.chars().next()?;
                        self.by_initial
                            .get(&initial)?
                            .iter()
                            .find(|(ck, _)| translit::same_word(ck, k))
                            .map(|(_, i)| *i)
                    })
            })
    }

    fn insert(&mut self, k: &str, i: usize) {
        self.exact.entry(k.to_string()).or_insert(i);
        if k.chars().count() >= FUZZY_KEY
            && let Some(initial) = k.chars().next()
        {
            self.by_initial
                .entry(initial)
                .or_default()
                .push((k.to_string(), i));
        }
    }
}

/// Groups the candidates by key: a word joins the first cluster sharing a stem key, or one
/// within the key's tolerance.
fn by_key(scored: &[Scored]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = KeyIndex::default();
    for s in scored {
        // A derivation also goes by its root's keys (`sowjetischen` joins `Sowjets`).
        let mut keys = stem_keys(s.surface, s.lang);
        for k in s.root.iter().flat_map(|r| stem_keys(r, s.lang)) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let i = match index.find(&keys) {
            Some(i) => i,
            None => {
                clusters.push(Cluster {
                    score: f64::NEG_INFINITY,
                    ..Cluster::default()
                });
                clusters.len() - 1
            }
        };
        let c = &mut clusters[i];
        c.members.push((s.surface.clone(), false));
        c.score = c.score.max(s.score);
        for k in keys {
            index.insert(&k, i);
            c.keys.insert(k);
        }
    }
    clusters
}

/// Whether `word` (folded) is a compound of `base` (folded): it starts or ends with it. A
/// base that ends many words of the corpus is a suffix (`schen` from a broken line), not a
/// word compounds are made of.
///
/// A word that spells a Russian word of its own is no compound of the part it starts with:
/// `Stalingrad` is `сталинград`, a city, not a compound of `Stalin`.
fn compound_of(word: &str, base: &str, vocabulary: &Vocabulary) -> bool {
    base.len() >= 5
        && vocabulary.heads.get(base).copied().unwrap_or(0) <= MAX_HEADS
        && word.len() >= base.len() + 4
        && (word.starts_with(base) || word.ends_with(base))
        && !Lang::ALL
            .iter()
            .any(|l| Lexicon::get().russian(&translit::key(word, *l)) > 0.0)
}

/// A cluster whose base is a compound of another's joins it (`Betriebsnatschalstwo`
/// joins `Natschalstwo`), at half its score; the longest bases go first.
fn merge_compounds(clusters: Vec<Cluster>, vocabulary: &Vocabulary) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    let folded_bases: Vec<Vec<String>> = clusters.iter().map(Cluster::bases).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(folded_bases[i].first().map_or(0, String::len)));
    let mut merged: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    for &i in &order {
        let Some(b) = folded_bases[i].first() else {
            continue;
        };
        let target = (0..merged.len()).find(|&j| {
            j != i
                && merged[j].as_ref().is_some_and(|c| c.score > 0.0)
                && folded_bases[j]
                    .iter()
                    .any(|bj| compound_of(b, bj, vocabulary))
        });
        if let Some(j) = target {
            let Some(c) = merged[i].take() else { continue };
            let t = merged[j].as_mut().expect("checked above");
            t.members
                .extend(c.members.into_iter().map(|(s, _)| (s, true)));
            t.keys.extend(c.keys);
            t.score = t.score.max(c.score * 0.5);
        }
    }
    merged.into_iter().flatten().collect()
}

/// The bases that other words of the corpus may be compounds of: those of the clusters
/// that score, five letters or more, with their cluster.
fn compound_bases(clusters: &[Cluster]) -> Vec<(usize, String)> {
    clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.score > 0.0)
        .flat_map(|(i, c)| c.bases().into_iter().map(move |b| (i, b)))
        .filter(|(_, b)| b.len() >= 5)
        .collect()
}

/// Inflected forms and derivations that were no candidates by themselves join their group
/// by key (`Zaren` joins `Zar`, `sowjetischen` joins `Sowjets`), to be shown with it; the
/// ranking leaves them out.
fn join_inflected(
    clusters: &mut [Cluster],
    words: &HashMap<String, Word>,
    sorted_words: &[&String],
    in_cluster: &mut HashSet<String>,
) {
    let by_key: HashMap<&str, usize> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.score > 0.0)
        .flat_map(|(i, c)| c.keys.iter().map(move |k| (k.as_str(), i)))
        .collect();
    let mut inflected = Vec::new();
    for w in sorted_words {
        if in_cluster.contains(*w) || is_acronym(w) {
            continue;
        }
        let lang = main_lang(&words[*w]);
        // Its stems, and the Russian words a derivation of it may be made of (`sowjet` of
        // `sowjetischen`, which the language knows too well to be a candidate itself).
        let mut own = stems_down_to(&plain(w), lang, 2);
        own.extend(roots(w, lang).iter().map(|r| plain(r)));
        let keys: Vec<String> = own.iter().map(|s| translit::key(s, lang)).collect();
        let Some(&i) = keys.iter().find_map(|k| by_key.get(k.as_str())) else {
            continue;
        };
        // An inflected form is spelt as a member with an ending (`Zaren` of `Zar`); a word
        // that only shares the key (`Schüben` with `Shub`) is another word.
        let spelt_alike = clusters[i].members.iter().any(|(m, _)| {
            let m = plain(m);
            own.contains(&m) || stems_down_to(&m, lang, 2).iter().any(|s| own.contains(s))
        });
        if spelt_alike {
            inflected.push((i, (*w).clone()));
        }
    }
    for (i, w) in inflected {
        in_cluster.insert(w.clone());
        clusters[i].inflected.insert(w.clone());
        clusters[i].members.push((w, false));
    }
}

/// Any other word of the corpus with a group's base as its first or last part joins the
/// group as a compound (`Kolchosvorsitzender`).
fn join_compounds(
    clusters: &mut [Cluster],
    sorted_words: &[&String],
    in_cluster: &HashSet<String>,
    bases: &[(usize, String)],
    vocabulary: &Vocabulary,
) {
    for w in sorted_words {
        if in_cluster.contains(*w) {
            continue;
        }
        let f = fold_str(w);
        let Some(&(i, _)) = bases.iter().find(|(_, b)| compound_of(&f, b, vocabulary)) else {
            continue;
        };
        clusters[i].members.push(((*w).clone(), true));
    }
}
