//! Turning a group of words into a [`Suggestion`]: its variants and contexts, its base
//! form per language (or the hyphenated name or Russian word it stands for), its name, and
//! its score as a group (the best word's, with frequency and spread).

use std::collections::{HashMap, HashSet};

use super::corpus::{Word, main_lang};
use super::group::Cluster;
use super::lexicon::{Lexicon, plain};
use super::name::{Evidence, category, english};
use super::readings::{AS_WRITTEN, LENGTHENING_H_READ, readings};
use super::roots::is_doctrine;
use super::stems::{is_acronym, stems};
use super::suggestion::{Context, Suggestion, Variant};
use crate::fold::fold_str;
use crate::lang::Lang;
use crate::translit;

/// The score of a group's best word from which frequency and spread count in full.
const CONFIDENT: f64 = 1.0;

/// The score of a word's own evidence up to which it counts in full in its group's score,
/// and the share of it that counts beyond ([`sure`]).
const SURE: f64 = 3.5;
const BEYOND_SURE: f64 = 0.25;

/// What a group gains whose word two languages spell differently.
const SPELT_APART: f64 = 1.0;

/// The suggestion a group makes. `roots` holds the Russian word each derivation or
/// compound of the corpus is made of.
pub(super) fn build(
    c: Cluster,
    words: &HashMap<String, Word>,
    roots: &HashMap<&String, String>,
) -> Suggestion {
    let mut variants = variants(&c, words);
    let count = variants.iter().map(|v| v.count).sum();
    let docs: HashSet<usize> = c
        .members
        .iter()
        .flat_map(|(s, _)| words[s].docs.iter().copied())
        .collect();
    let contexts = contexts(&variants, words);
    let mut base = base_forms(&variants, words);
    name_after_roots(&mut base, &mut variants, roots);
    let (lang0, base0) = base
        .first()
        .cloned()
        .unwrap_or((Lang::De, variants[0].form.clone()));
    let key = if is_acronym(&base0) {
        plain(&base0)
    } else {
        translit::key(&base0, lang0)
    };
    // A derivation or compound is named after the Russian word it is made of
    // (`Stachanowarbeiter` after `Stachanow`, `Schdanowismus` is Zhdanovism).
    let (named, ism) = match roots.get(&base0) {
        Some(root) => (root.clone(), is_doctrine(&base0)),
        None => (base0.clone(), false),
    };
    let ev = evidence(&variants, words);
    let category = category(&base0, &named, lang0, ism, ev);
    let gloss = variants.iter().find_map(|v| words[&v.form].gloss.clone());
    // An English translation in the text is the phrase's English.
    let english = match &gloss {
        Some(g) if base0.contains(' ') && is_english(g) => g.clone(),
        _ => english(&base0, &named, lang0, ism, category, ev.proper),
    };
    let score = group_score(&c, words, &base);
    Suggestion {
        key,
        forms: forms(&base, &variants, words),
        count,
        documents: docs.len(),
        score: (score * 100.0).round() / 100.0,
        base,
        english,
        category,
        variants,
        contexts,
        variant_of: None,
        gloss,
    }
}

/// Whether a gloss is English: most of its words are more common in English than in
/// German and Dutch (`People's Commissariat of Enlightenment`, not `Volkskommissariat für
/// Bildung`).
fn is_english(gloss: &str) -> bool {
    let lexicon = Lexicon::get();
    let words: Vec<String> = gloss
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(plain)
        .collect();
    let english = words
        .iter()
        .filter(|w| {
            let en = lexicon.zipf(Lang::En, w);
            en > 0.0 && en > lexicon.zipf(Lang::De, w) && en > lexicon.zipf(Lang::Nl, w)
        })
        .count();
    !words.is_empty() && english * 2 > words.len()
}

/// What the simple forms' occurrences say of the group's category.
fn evidence(variants: &[Variant], words: &HashMap<String, Word>) -> Evidence {
    let mut ev = Evidence::default();
    let (mut inner, mut inner_capital) = (0, 0);
    for v in variants.iter().filter(|v| !v.compound) {
        let w = &words[&v.form];
        ev.count += w.count;
        ev.beside_name += w.beside_name;
        ev.after_place += w.after_place;
        if v.lang != Lang::De {
            inner += w.inner;
            inner_capital += w.inner_capital;
        }
    }
    ev.proper = inner > 0 && inner_capital * 2 >= inner;
    ev
}

/// The group's members as variants, the most frequent first (ties by spelling).
fn variants(c: &Cluster, words: &HashMap<String, Word>) -> Vec<Variant> {
    let mut variants: Vec<Variant> = c
        .members
        .iter()
        .map(|(s, compound)| {
            let w = &words[s];
            Variant {
                form: s.clone(),
                lang: main_lang(w),
                count: w.count,
                compound: *compound,
            }
        })
        .collect();
    variants.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.form.cmp(&b.form)));
    variants
}

/// Two contexts of the variants, from different documents where possible.
fn contexts(variants: &[Variant], words: &HashMap<String, Word>) -> Vec<Context> {
    let mut contexts: Vec<Context> = Vec::new();
    for v in variants {
        for ctx in &words[&v.form].contexts {
            if contexts.len() < 2 && contexts.iter().all(|k| k.file != ctx.file) {
                contexts.push(ctx.clone());
            }
        }
    }
    for v in variants {
        for ctx in &words[&v.form].contexts {
            if contexts.len() < 2 && !contexts.contains(ctx) {
                contexts.push(ctx.clone());
            }
        }
    }
    contexts
}

/// The base form per language: the shortest simple form the body prints (a form only
/// footnotes cite comes last), the most frequent of those; a word seen mostly inside one
/// hyphenated name stands for the name.
fn base_forms(variants: &[Variant], words: &HashMap<String, Word>) -> Vec<(Lang, String)> {
    let mut base: Vec<(Lang, String)> = Vec::new();
    for lang in Lang::ALL {
        // A form the body prints before one only a footnote cites (`Kyjiw`, not the
        // bibliography's scholarly `Kyïv`).
        let best = variants
            .iter()
            .filter(|v| v.lang == lang && !v.compound)
            .min_by_key(|v| {
                let w = &words[&v.form];
                (
                    w.footnotes >= w.count,
                    v.form.chars().count(),
                    std::cmp::Reverse(v.count),
                )
            });
        if let Some(v) = best {
            let chain = words[&v.form]
                .chains
                .iter()
                .filter(|(_, n)| **n * 2 >= v.count)
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(chain, _)| chain.clone());
            base.push((lang, chain.unwrap_or_else(|| lemma(&v.form, lang))));
        }
    }
    base
}

/// The endings of nouns and names, German, Dutch and Russian plurals: what [`lemma`] may
/// strip (not the endings of verbs and adjectives, which leave `Tscheki` of `Tschekist`).
const NOUN_ENDINGS: &[&str] = &["s", "es", "en", "n", "e", "ern", "i", "y"];

/// The readings a base form may be read by ([`lemma`]): as written, and with German's
/// lengthening `h` (`Ehrenburgs` is `Ehrenburg`, `эренбург`); not the letters
/// transliterations confuse, which spell some Russian word by chance.
const LEMMA_READINGS: &[&str] = &[AS_WRITTEN, LENGTHENING_H_READ];

/// The base form of a word as the Russian word behind it shows it: for a word that spells
/// no Russian word, the stem without an inflectional ending that spells the most common
/// one (`Stalin` of `Stalins`, `Kulak` of `Kulaken`, `Sergej` of `Sergeje`); else the word.
fn lemma(form: &str, lang: Lang) -> String {
    let p = plain(form);
    if is_acronym(form) || form.contains([' ', '-']) || p.chars().count() != form.chars().count() {
        return form.to_string();
    }
    // How well a Russian word read from the whole of `s` is supported: as written, or
    // through a reading German makes of one (`Ehrenburg` with its lengthening `h`).
    let reading = |s: &str| {
        readings(s, lang)
            .into_iter()
            .filter(|r| r.whole && LEMMA_READINGS.contains(&r.how))
            .map(|r| r.support())
            .max_by(f64::total_cmp)
    };
    // A word that spells a Russian word is its own base (`Tschekist`, not `Tscheki`).
    if reading(&p).is_some_and(|z| z > 0.0) {
        return form.to_string();
    }
    let best = NOUN_ENDINGS
        .iter()
        // The `-in` of a Russian surname is no German plural (`Ramzin`, not `Ramzi`).
        .filter(|e| !(**e == "n" && p.ends_with("in")))
        .filter_map(|e| p.strip_suffix(e))
        .filter(|s| s.chars().count() >= 3)
        .filter_map(|s| Some((reading(s)?, s.to_string())))
        .filter(|(z, _)| *z > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.len().cmp(&b.1.len())));
    match best {
        Some((_, s)) => form.chars().take(s.chars().count()).collect(),
        None => form.to_string(),
    }
}

/// A compound or adjective of a Russian word has that word for its entry's form
/// (`Stachanow` for `Stachanowarbeiter`, `Tscheljabinsk` for `Tscheljabinsker`), and its
/// forms count as compounds; a doctrine in -ismus is a word of its own.
fn name_after_roots(
    base: &mut [(Lang, String)],
    variants: &mut [Variant],
    roots: &HashMap<&String, String>,
) {
    for (_, b) in base.iter_mut() {
        let Some(root) = roots.get(b) else { continue };
        if is_doctrine(b) {
            continue;
        }
        let r = fold_str(root);
        for v in variants.iter_mut() {
            let f = fold_str(&v.form);
            if f.starts_with(&r) && f.len() >= r.len() + 4 {
                v.compound = true;
            }
        }
        *b = root.clone();
    }
}

/// The group's score: its best word's ([`sure`]), with what frequency and spread add, and
/// [`SPELT_APART`] when two languages spell it differently.
fn group_score(c: &Cluster, words: &HashMap<String, Word>, base: &[(Lang, String)]) -> f64 {
    // Frequency and spread of the candidates and their compounds.
    let ranked: Vec<&String> = c
        .members
        .iter()
        .map(|(s, _)| s)
        .filter(|s| !c.inflected.contains(*s))
        .collect();
    let ranked_count: usize = ranked.iter().map(|s| words[*s].count).sum();
    let ranked_docs: HashSet<usize> = ranked
        .iter()
        .flat_map(|s| words[*s].docs.iter().copied())
        .collect();
    let spread = ranked_docs.len().saturating_sub(1) as f64;
    // Frequency lifts a group as far as its best word is evidently Russian: a weak one
    // (`Marsch`, `Sekretär`) does not climb on its many compounds.
    let confidence = (c.score / CONFIDENT).clamp(0.2, 1.0);
    let apart = if spelt_apart(base) { SPELT_APART } else { 0.0 };
    sure(c.score) + apart + confidence * ((ranked_count.max(1) as f64).ln() * 0.8 + spread * 0.7)
}

/// A group's best word's score as it enters the group's: in full up to [`SURE`], and
/// [`BEYOND_SURE`] of the rest. The word's own evidence (spelling cues, the Russian word's
/// frequency, the trigram model) says how surely it is Russian, not how much the texts need
/// it: a person named once whose name is full of telltale letters (Dutch `Vysjinski`:
/// `sj`, `-ski`, a name inside sentences) would otherwise outrank a term the texts use in
/// several documents that spells its Russian word plainly (`Narkompros`, `Glasnost`).
/// Among words that are surely Russian, frequency and spread decide.
fn sure(score: f64) -> f64 {
    if score > SURE {
        SURE + BEYOND_SURE * (score - SURE)
    } else {
        score
    }
}

/// Whether two of the languages spell the base differently, each after its own
/// transliteration (`Chruschtschow`, `Chroesjtsjov`): a foreign name that both languages
/// take over as it is (`Tito`) is spelt alike. Inflection aside: `Ulbrichts` is `Ulbricht`.
fn spelt_apart(base: &[(Lang, String)]) -> bool {
    let spellings: Vec<HashSet<String>> = base
        .iter()
        .filter(|(_, b)| !is_acronym(b))
        .map(|(l, b)| stems(&plain(b), *l).into_iter().collect())
        .collect();
    spellings
        .iter()
        .enumerate()
        .any(|(i, a)| spellings[i + 1..].iter().any(|b| a.is_disjoint(b)))
}

/// The group's forms as printed: hyphenated names and Russian phrases first (they were
/// found whole, their parts are what matched), then the variants, then the hyphenated
/// words the variants were part of.
fn forms(
    base: &[(Lang, String)],
    variants: &[Variant],
    words: &HashMap<String, Word>,
) -> Vec<String> {
    base.iter()
        .map(|(_, b)| b)
        .filter(|b| b.contains(['-', ' ']))
        .chain(variants.iter().map(|v| &v.form))
        .chain(variants.iter().flat_map(|v| &words[&v.form].hyphenated))
        .fold(Vec::new(), |mut forms: Vec<String>, f| {
            if !forms.contains(f) {
                forms.push(f.clone());
            }
            forms
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_words_own_evidence_counts_in_full_up_to_sure_and_a_quarter_beyond() {
        assert_eq!(sure(-1.0), -1.0);
        assert_eq!(sure(2.0), 2.0);
        assert_eq!(sure(SURE), SURE);
        assert_eq!(sure(SURE + 4.0), SURE + 1.0);
        // Still ordered: more evidence is never less.
        assert!(sure(SURE + 2.0) > sure(SURE + 1.0));
    }
}
