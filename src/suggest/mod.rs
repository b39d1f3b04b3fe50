//! Candidate glossary entries: words of a corpus that look like Russian borrowings,
//! transliterated names or acronyms and that the glossary does not cover yet.
//!
//! [`suggest`] reads documents as `glossa align` does (normalise, segment), runs the term
//! matcher and sets every matched word aside, in English sentences (a translation) also the
//! glossary's English renderings. Each remaining word is scored (`score`):
//!
//! - the vocabulary (`lexicon`): how common the Russian word is that the word
//!   spells through its transliteration key (`Machno` is `махно`), against how common the
//!   word is in German, Dutch or, by its key, English (`Periode`, `Partisanen` are
//!   internationalisms, `Klasse` is German); a word spelt exactly as its language
//!   transliterates the Russian word gains a little;
//! - spelling cues per language (`data/suggest/cues.txt`: `schtsch`, `tsch`, `-ow`, `-stwo`,
//!   `-skij`; Dutch `tsj`, `zj`, `-stvo`, `-ov` …; against: Latin suffixes, the case endings
//!   of cited Russian titles), and native word parts that only look Russian
//!   (`data/suggest/native.txt`: `deutsch`, `Wirtschaft`, Dutch `meisje`);
//! - a character-trigram model: how much more the word resembles the glossary's own forms
//!   (Russian spellings) than the words of the corpus (German and Dutch);
//! - acronyms (`RGASPI`, `OGPU`), minus the Western ones (`data/suggest/acronyms.txt`), more
//!   when they spell a Russian abbreviation (`NKWD`, `ZK`);
//! - a capital letter inside a Dutch sentence (names); a lowercase German word (not a noun)
//!   and a word seen only in footnotes lose;
//! - how often the word occurs and in how many documents.
//!
//! Words are then grouped by their transliteration key ([`crate::translit`]) with and
//! without inflectional endings, so that `Netschajew`, `Netschajews` and Dutch
//! `Netsjajev` form one group; compounds whose first or last part is a group's word
//! (`Kolchosvorsitzender`, `Betriebsnatschalstwo`) join it. A word seen mostly inside a
//! hyphenated name or a quoted Russian phrase stands for it (`Brest-Litowsk`, `po novomu`).
//! Groups are ranked by score. Words of the glossary's and the project's `ignore` lists,
//! and words with their keys, never come back.

mod explain;
mod lexicon;
mod model;
mod score;

pub use explain::{Explanation, Placed, Reason, explain};

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::error::Result;
use crate::fold::fold_str;
use crate::glossary::{Category, Compound, Concept, Form, Glossary, Inflect, Status};
use crate::lang::Lang;
use crate::normalize::normalize;
use crate::segment::{Options, SegmentKind, segment_normalized};
use crate::source::Document;
use crate::terms::TermMatcher;
use crate::terms::context;
use crate::terms::english::TargetMatcher;
use crate::translit;

use self::lexicon::{Lexicon, plain};
use self::model::TrigramModel;
use self::score::{FUNCTION_WORDS, RUSSIAN, Trace, entries, is_doctrine, score};

/// The score of a group's best word from which frequency and spread count in full.
const CONFIDENT: f64 = 1.0;

/// What a group gains whose word two languages spell differently.
const SPELT_APART: f64 = 1.0;

/// Settings of a run.
#[derive(Clone, Debug, Default)]
pub struct SuggestOptions {
    /// Words never to propose (with their transliteration variants).
    pub ignore: Vec<String>,
    /// Segmentation options (the language of each block).
    pub segment: Options,
}

/// Where a candidate was seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Context {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub lang: Lang,
    /// The sentence around the word, the word marked `[[…]]`.
    pub text: String,
}

/// One surface form of a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    pub form: String,
    pub lang: Lang,
    pub count: usize,
    /// Whether the form is a compound of the group's word (`Kolchosvorsitzender`).
    pub compound: bool,
}

/// A candidate entry: the forms of one (presumably) Russian word.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    /// The transliteration key of the group's base word.
    pub key: String,
    /// The surface forms found, the most frequent first.
    pub forms: Vec<String>,
    /// Occurrences of all forms.
    pub count: usize,
    /// Documents with an occurrence.
    pub documents: usize,
    pub score: f64,
    /// The base form per language (the entry's forms).
    pub base: Vec<(Lang, String)>,
    /// A guess at the English rendering, read from the key (`naCalstvo` → `nachalstvo`).
    pub english: String,
    pub category: Category,
    pub variants: Vec<Variant>,
    /// Two short contexts, from different documents where possible.
    pub contexts: Vec<Context>,
}

/// One word occurrence outside the glossary.
#[derive(Debug)]
struct Token {
    word: String,
    lang: Lang,
    doc: usize,
    /// The first word of its sentence.
    initial: bool,
    /// The hyphenated name the word is part of (`Brest-Litowsk` for `Litowsk`).
    chain: Option<String>,
    /// In a footnote.
    footnote: bool,
    /// The hyphenated word it is part of (`Kolyma-Gebiet`, `NEP-Politik`).
    hyphenated: Option<String>,
    context: Context,
}

/// Statistics of one spelling (by exact surface form).
#[derive(Debug, Default)]
struct Word {
    count: usize,
    docs: HashSet<usize>,
    langs: BTreeMap<Lang, usize>,
    /// Occurrences not at the start of a sentence, and of those the capitalised ones.
    inner: usize,
    inner_capital: usize,
    /// Hyphenated names the word was part of, with how often.
    chains: HashMap<String, usize>,
    /// Occurrences in footnotes, where Russian titles and archive names are cited as
    /// they are (`Vneshnei Politiki`) and not translated.
    footnotes: usize,
    /// Hyphenated words it was part of.
    hyphenated: BTreeSet<String>,
    contexts: Vec<Context>,
}

/// Inflectional endings stripped before keys are compared and end cues tried.
fn endings(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &[
            "s", "e", "en", "n", "es", "er", "ern", "em", "ens", "i", "sche", "schen",
        ],
        Lang::Nl => &["s", "en", "e", "n", "'s", "i", "se", "sche"],
        Lang::En => &["s", "es", "'s", "i"],
    }
}

/// The word and its stems without one ending (at least four letters remain).
fn stems(word: &str, lang: Lang) -> Vec<String> {
    stems_down_to(word, lang, 4)
}

/// The word and its stems without one ending, at least `min` letters long.
fn stems_down_to(word: &str, lang: Lang, min: usize) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for e in endings(lang) {
        if let Some(s) = word.strip_suffix(e) {
            if s.chars().count() >= min {
                out.push(s.to_string());
            }
        }
    }
    out
}

fn is_acronym(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let n = word.chars().count();
    (2..=7).contains(&n) && upper >= 2 && upper * 3 >= n * 2
}

/// How many words of the corpus may end in a group's base for the base to gather
/// compounds (`Kolchos` in `Musterkolchos`, `Großkolchos`).
const MAX_HEADS: usize = 12;

/// What the corpus says about its own vocabulary.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Every word written in lowercase, plain.
    lowercase: HashSet<String>,
    /// Every word written with a capital and lowercase letters after it, plain.
    capitalised: HashSet<String>,
    /// Folded endings (four letters or more) of words, with how many words end so.
    heads: HashMap<String, usize>,
}

impl Vocabulary {
    fn new<'a>(words: impl Iterator<Item = &'a String>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for w in words {
            let f = fold_str(w);
            let chars: Vec<(usize, char)> = f.char_indices().collect();
            for &(i, _) in chars.iter().skip(3) {
                if f.len() - i >= 4 {
                    *v.heads.entry(f[i..].to_string()).or_default() += 1;
                }
            }
            let mut chars = w.chars();
            match chars.next() {
                Some(c) if c.is_lowercase() => {
                    v.lowercase.insert(plain(w));
                }
                Some(c) if c.is_uppercase() && chars.all(char::is_lowercase) => {
                    v.capitalised.insert(plain(w));
                }
                _ => {}
            }
        }
        v
    }
}

/// The English reading of a key: `naCalstvo` → `nachalstvo`, `xruQov` → `khrushchov`.
pub fn english_of_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        match c {
            'C' => out.push_str("ch"),
            'S' => out.push_str("sh"),
            'Q' => out.push_str("shch"),
            'x' => out.push_str("kh"),
            'c' => out.push_str("ts"),
            c => out.push(c),
        }
    }
    out
}

/// A group being built.
#[derive(Debug, Default)]
struct Cluster {
    /// (surface form, is a compound of the base).
    members: Vec<(String, bool)>,
    /// Members that joined as inflected forms of a member without being candidates
    /// themselves: shown, but not counted for the ranking.
    inflected: HashSet<String>,
    keys: HashSet<String>,
    score: f64,
}

/// Finds candidate entries in `docs` that `glossary` does not cover, best first.
pub fn suggest(
    glossary: &Glossary,
    docs: &[Document],
    options: &SuggestOptions,
) -> Result<Vec<Suggestion>> {
    let corpus = Corpus::new(glossary, docs, options)?;
    Ok(rank(glossary, &corpus, options))
}

/// The corpus as suggest sees it: its words outside the glossary, the spelling model
/// and what the corpus says of its vocabulary.
struct Corpus {
    words: HashMap<String, Word>,
    model: TrigramModel,
    vocabulary: Vocabulary,
}

impl Corpus {
    fn new(glossary: &Glossary, docs: &[Document], options: &SuggestOptions) -> Result<Corpus> {
        let matcher = TermMatcher::new(glossary)?;
        let renderings = TargetMatcher::new(glossary)?;
        let tokens = tokens(&matcher, &renderings, docs, options);

        let mut words: HashMap<String, Word> = HashMap::new();
        for t in tokens {
            let w = words.entry(t.word.clone()).or_default();
            w.count += 1;
            w.docs.insert(t.doc);
            *w.langs.entry(t.lang).or_default() += 1;
            if t.footnote {
                w.footnotes += 1;
            }
            if let Some(chain) = t.chain {
                *w.chains.entry(chain).or_default() += 1;
            }
            if let Some(h) = t.hyphenated {
                w.hyphenated.insert(h);
            }
            if !t.initial {
                w.inner += 1;
                if t.word.chars().next().is_some_and(char::is_uppercase) {
                    w.inner_capital += 1;
                }
            }
            // Contexts from different documents first.
            if w.contexts.len() < 2 && w.contexts.iter().all(|c| c.file != t.context.file) {
                w.contexts.push(t.context);
            }
        }

        // The model: glossary forms against the corpus's own words.
        let positive: Vec<String> = glossary
            .concepts
            .iter()
            .flat_map(|c| c.forms.iter().map(|f| plain(&f.text)))
            .chain(entries(RUSSIAN).map(plain))
            .collect();
        let negative: Vec<String> = words.keys().map(|w| plain(w)).collect();
        let model = TrigramModel::new(&positive, &negative);
        let vocabulary = Vocabulary::new(words.keys());
        Ok(Corpus {
            words,
            model,
            vocabulary,
        })
    }
}

/// The groups of `corpus`, best first.
fn rank(glossary: &Glossary, corpus: &Corpus, options: &SuggestOptions) -> Vec<Suggestion> {
    let Corpus {
        words,
        model,
        vocabulary,
    } = corpus;
    let ignore_keys: HashSet<String> = options
        .ignore
        .iter()
        .chain(&glossary.ignore)
        .flat_map(|w| Lang::ALL.map(|l| translit::key(w, l)))
        .collect();

    // Score every spelling; the candidates, best first (ties by spelling).
    let mut scored: Vec<(&String, Option<String>, Lang, f64)> = words
        .iter()
        .filter_map(|(s, w)| {
            let lang = main_lang(w);
            score(s, w, lang, model, vocabulary, &mut Trace::default())
                .map(|(sc, root)| (s, root, lang, sc))
        })
        .collect();
    scored.sort_by(|a, b| b.3.total_cmp(&a.3).then_with(|| a.0.cmp(b.0)));
    let roots: HashMap<&String, String> = scored
        .iter()
        .filter_map(|(s, root, _, _)| root.clone().map(|r| (*s, r)))
        .collect();

    // Group by key: a word joins the first cluster sharing a stem key, or one within the
    // key's tolerance.
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut key_index: HashMap<String, usize> = HashMap::new();
    // Keys of six symbols or more by their first symbol, for the fuzzy join.
    let mut by_initial: HashMap<char, Vec<(String, usize)>> = HashMap::new();
    for (surface, root, lang, sc) in &scored {
        // A derivation also goes by its root's keys (`sowjetischen` joins `Sowjets`).
        let mut keys = stem_keys(surface, *lang);
        for k in root.iter().flat_map(|r| stem_keys(r, *lang)) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let found = keys
            .iter()
            .find_map(|k| key_index.get(k).copied())
            .or_else(|| {
                keys.iter()
                    .filter(|k| k.chars().count() >= 6)
                    .find_map(|k| {
                        let initial = k.chars().next()?;
                        by_initial
                            .get(&initial)?
                            .iter()
                            .find(|(ck, _)| translit::same_word(ck, k))
                            .map(|(_, i)| *i)
                    })
            });
        let i = match found {
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
        c.members.push(((*surface).clone(), false));
        c.score = c.score.max(*sc);
        for k in keys {
            key_index.entry(k.clone()).or_insert(i);
            if k.chars().count() >= 6 {
                if let Some(initial) = k.chars().next() {
                    by_initial.entry(initial).or_default().push((k.clone(), i));
                }
            }
            c.keys.insert(k);
        }
    }

    // Compounds: a cluster whose base is a compound of another's joins it
    // (`Betriebsnatschalstwo`), and so does any other word of the corpus with a cluster's
    // base as its first or last part (`Kolchosvorsitzender`).
    // A cluster's bases: its simple forms, one per language.
    let base_of = |c: &Cluster| -> Vec<String> {
        let mut bases: Vec<String> = c
            .members
            .iter()
            .filter(|(s, compound)| !compound && !is_acronym(s))
            .map(|(s, _)| fold_str(s))
            .collect();
        bases.sort_by_key(String::len);
        bases
    };
    // A base that ends many words of the corpus is a suffix (`schen` from a broken line),
    // not a word compounds are made of.
    let compound_of = |word: &str, base: &str| {
        base.len() >= 5
            && vocabulary.heads.get(base).copied().unwrap_or(0) <= MAX_HEADS
            && word.len() >= base.len() + 4
            && (word.starts_with(base) || word.ends_with(base))
    };
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    let folded_bases: Vec<Vec<String>> = clusters.iter().map(base_of).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(folded_bases[i].first().map_or(0, String::len)));
    let mut merged: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    for &i in &order {
        let Some(b) = folded_bases[i].first() else {
            continue;
        };
        let target = (0..merged.len()).find(|&j| {
            j != i
                && merged[j].as_ref().is_some_and(|c| c.score > 0.0)
                && folded_bases[j].iter().any(|bj| compound_of(b, bj))
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
    let mut clusters: Vec<Cluster> = merged.into_iter().flatten().collect();
    let bases: Vec<(usize, String)> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.score > 0.0)
        .flat_map(|(i, c)| base_of(c).into_iter().map(move |b| (i, b)))
        .filter(|(_, b)| b.len() >= 5)
        .collect();
    let mut in_cluster: HashSet<String> = clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|(s, _)| s.clone()))
        .collect();
    // Inflected forms that were no candidates by themselves join their group by key
    // (`Zaren` joins `Zar`), to be shown with it; the ranking leaves them out.
    let by_key: HashMap<&str, usize> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.score > 0.0)
        .flat_map(|(i, c)| c.keys.iter().map(move |k| (k.as_str(), i)))
        .collect();
    let mut sorted_words: Vec<&String> = words.keys().collect();
    sorted_words.sort();
    let mut inflected = Vec::new();
    for w in &sorted_words {
        if in_cluster.contains(*w) || is_acronym(w) {
            continue;
        }
        let lang = main_lang(&words[*w]);
        let keys = stem_keys(w, lang);
        let Some(&i) = keys.iter().find_map(|k| by_key.get(k.as_str())) else {
            continue;
        };
        // An inflected form is spelt as a member with an ending (`Zaren` of `Zar`); a word
        // that only shares the key (`Schüben` with `Shub`) is another word.
        let own = stems_down_to(&plain(w), lang, 2);
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
    for w in sorted_words {
        if in_cluster.contains(w) {
            continue;
        }
        let f = fold_str(w);
        let Some(&(i, _)) = bases.iter().find(|(_, b)| compound_of(&f, b)) else {
            continue;
        };
        clusters[i].members.push((w.clone(), true));
        in_cluster.insert(w.clone());
    }

    let mut out = Vec::new();
    for c in clusters {
        if c.keys.iter().any(|k| ignore_keys.contains(k)) {
            continue;
        }
        out.push(build(c, words, &roots));
    }
    // Frequency and spread add to the best word's score.
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.key.cmp(&b.key))
    });
    merge_same_keys(out)
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

/// The keys of a word and of its stems.
fn stem_keys(surface: &str, lang: Lang) -> Vec<String> {
    let p = plain(surface);
    if is_acronym(surface) {
        return vec![p];
    }
    // Stems of three letters too, so that `Zaren` joins `Zar`.
    let mut keys: Vec<String> = stems_down_to(&p, lang, 3)
        .iter()
        .map(|s| translit::key(s, lang))
        .collect();
    keys.dedup();
    keys
}

/// Whether a plain word of `lang`, or a stem, is spelt exactly as `lang` transliterates the
/// Russian word behind it.
fn transliterated(word: &str, lang: Lang) -> bool {
    let lexicon = Lexicon::get();
    stems(word, lang).iter().any(|stem| {
        lexicon
            .russian_word(&translit::key(stem, lang))
            .is_some_and(|w| plain(&translit::spell_cyrillic(w, lang)) == *stem)
    })
}

/// The Russian word behind a word of `lang`, in lowercase Cyrillic: the one the word
/// spells (`Tomski` → `томский`), else the most common one a stem spells (`Kulaken` →
/// `кулак`).
fn russian_word(word: &str, lang: Lang) -> Option<&'static str> {
    let lexicon = Lexicon::get();
    let readings: Vec<(f64, &str)> = stems(&plain(word), lang)
        .into_iter()
        .map(|s| translit::key(&s, lang))
        .filter(|k| k.chars().count() >= 3)
        .filter_map(|k| Some((lexicon.russian(&k), lexicon.russian_word(&k)?)))
        .filter(|(z, _)| *z <= FUNCTION_WORDS)
        .collect();
    let own = readings
        .first()
        .filter(|_| lexicon.russian(&translit::key(word, lang)) > 0.0);
    own.or_else(|| readings.iter().max_by(|a, b| a.0.total_cmp(&b.0)))
        .map(|(_, w)| *w)
}

/// The language most of a word's occurrences are in.
fn main_lang(w: &Word) -> Lang {
    w.langs
        .iter()
        .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))
        .map_or(Lang::De, |(l, _)| *l)
}

fn build(
    c: Cluster,
    words: &HashMap<String, Word>,
    roots: &HashMap<&String, String>,
) -> Suggestion {
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
    let count = variants.iter().map(|v| v.count).sum();
    let docs: HashSet<usize> = c
        .members
        .iter()
        .flat_map(|(s, _)| words[s].docs.iter().copied())
        .collect();
    let mut contexts: Vec<Context> = Vec::new();
    for v in &variants {
        for ctx in &words[&v.form].contexts {
            if contexts.len() < 2 && contexts.iter().all(|k| k.file != ctx.file) {
                contexts.push(ctx.clone());
            }
        }
    }
    for v in &variants {
        for ctx in &words[&v.form].contexts {
            if contexts.len() < 2 && !contexts.contains(ctx) {
                contexts.push(ctx.clone());
            }
        }
    }
    // The base form per language: the shortest simple form, the most frequent of those.
    let mut base: Vec<(Lang, String)> = Vec::new();
    for lang in Lang::ALL {
        let best = variants
            .iter()
            .filter(|v| v.lang == lang && !v.compound)
            .min_by_key(|v| (v.form.chars().count(), std::cmp::Reverse(v.count)));
        if let Some(v) = best {
            // A word seen mostly inside one hyphenated name stands for the name.
            let chain = words[&v.form]
                .chains
                .iter()
                .filter(|(_, n)| **n * 2 >= v.count)
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(chain, _)| chain.clone());
            base.push((lang, chain.unwrap_or_else(|| v.form.clone())));
        }
    }
    // A compound or adjective of a Russian word has that word for its entry's form
    // (`Stachanow` for `Stachanowarbeiter`, `Tscheljabinsk` for `Tscheljabinsker`), and its
    // forms count as compounds; a doctrine in -ismus is a word of its own.
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
    let named_key = translit::key(&named, lang0);
    let acronym = is_acronym(&base0);
    let capital = base0.chars().next().is_some_and(char::is_uppercase);
    let category = if acronym {
        Category::Organisation
    } else if ism {
        Category::Term
    } else if ["grad", "sk", "burg", "gorod"]
        .iter()
        .any(|e| named_key.ends_with(e))
    {
        Category::Place
    } else if capital
        && (lang0 != Lang::De
            || ["ov", "ev", "in", "ski", "ki"]
                .iter()
                .any(|e| named_key.ends_with(e)))
    {
        Category::Person
    } else {
        Category::Term
    };
    let english = if acronym {
        base0.clone()
    } else {
        // The English spelling of the Russian word behind the base where the lexicon has
        // one (`Kerenski` is `керенский`, English `kerensky`), else the key read aloud.
        let e = named
            .split_inclusive(['-', ' '])
            .map(|part| {
                let (word, sep) = part.split_at(part.trim_end_matches(['-', ' ']).len());
                let english = russian_word(word, lang0).map_or_else(
                    || english_of_key(&translit::key(word, lang0)),
                    |w| translit::spell_cyrillic(w, Lang::En),
                );
                english + sep
            })
            .collect::<String>();
        if ism {
            // The doctrine of a person: `Zhdanovism`.
            let mut chars = e.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>() + "ism")
                .unwrap_or_default()
        } else if category == Category::Term {
            e
        } else {
            // Every part of a name capitalised (`Brest-Litovsk`).
            let mut out = String::with_capacity(e.len());
            let mut start = true;
            for c in e.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                start = c == '-' || c == ' ';
            }
            out
        }
    };
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
    // Spelt differently by two of the languages, each after its own transliteration
    // (`Chruschtschow`, `Chroesjtsjov`): a foreign name that both languages take over as
    // it is (`Tito`) is spelt alike.
    // Inflection aside: `Ulbrichts` is `Ulbricht`.
    let spellings: Vec<HashSet<String>> = base
        .iter()
        .filter(|(_, b)| !is_acronym(b))
        .map(|(l, b)| stems(&plain(b), *l).into_iter().collect())
        .collect();
    let apart = spellings
        .iter()
        .enumerate()
        .any(|(i, a)| spellings[i + 1..].iter().any(|b| a.is_disjoint(b)));
    let spelt_apart = if apart { SPELT_APART } else { 0.0 };
    let score = c.score
        + spelt_apart
        + confidence * ((ranked_count.max(1) as f64).ln() * 0.8 + spread * 0.7);
    Suggestion {
        key,
        // Hyphenated names and Russian phrases first: they were found whole, their parts
        // are what matched.
        forms: base
            .iter()
            .map(|(_, b)| b)
            .filter(|b| b.contains(['-', ' ']))
            .chain(variants.iter().map(|v| &v.form))
            // The hyphenated words its forms were part of, as printed.
            .chain(variants.iter().flat_map(|v| &words[&v.form].hyphenated))
            .fold(Vec::new(), |mut forms: Vec<String>, f| {
                if !forms.contains(f) {
                    forms.push(f.clone());
                }
                forms
            }),
        count,
        documents: docs.len(),
        score: (score * 100.0).round() / 100.0,
        base,
        english,
        category,
        variants,
        contexts,
    }
}

impl Suggestion {
    /// The suggestion as a glossary concept with status `proposed`: one form per language
    /// (its base form), compounds allowed where the corpus had them, Russian plurals where
    /// a form ended in `-i`.
    pub fn to_concept(&self) -> Concept {
        let mut id: String = self
            .english
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        id = id.trim_matches('-').to_string();
        if id.is_empty() {
            id = "proposed".to_string();
        }
        let acronym = is_acronym(&self.forms[0]);
        let compound = if acronym || self.base.iter().any(|(_, b)| b.chars().count() < 4) {
            None
        } else if self.variants.iter().any(|v| v.compound) {
            Some(Compound::Both)
        } else {
            None
        };
        let plural = self
            .variants
            .iter()
            .any(|v| v.form.ends_with('i') && !v.compound);
        let inflect = if acronym {
            Some(Inflect::None)
        } else if plural {
            Some(Inflect::RussianPlural)
        } else {
            None
        };
        let mut seen: HashSet<(Lang, String)> = HashSet::new();
        let forms = self
            .base
            .iter()
            .filter(|(l, b)| seen.insert((*l, fold_str(b))))
            .map(|(lang, text)| Form {
                lang: *lang,
                text: text.clone(),
                status: Status::Proposed,
                english: None,
                inflect: None,
                compound: None,
                endings: Vec::new(),
                note: None,
                location: None,
            })
            .collect();
        Concept {
            id,
            english: self.english.clone(),
            alternatives: Vec::new(),
            forbidden: Vec::new(),
            category: self.category,
            definition: None,
            note: Some(format!(
                "proposed by glossa suggest: {} occurrence{} in {} document{} ({}); check the English rendering",
                self.count,
                if self.count == 1 { "" } else { "s" },
                self.documents,
                if self.documents == 1 { "" } else { "s" },
                self.forms
                    .iter()
                    .take(6)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            inflect,
            compound,
            forms,
            location: None,
        }
    }
}

/// Every word of every document that the matcher does not claim.
fn tokens(
    matcher: &TermMatcher,
    renderings: &TargetMatcher,
    docs: &[Document],
    options: &SuggestOptions,
) -> Vec<Token> {
    let mut out = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let norm = normalize(doc.text());
        let segments = segment_normalized(doc, &norm, &options.segment);
        for seg in &segments {
            // What the glossary covers: its forms, and in English its renderings (a
            // translation's `kolkhoz` is the glossary's, not a new word).
            let mut hits: Vec<(usize, usize)> = matcher
                .find(&seg.text, None)
                .iter()
                .map(|h| (h.start, h.end))
                .collect();
            if seg.lang == Lang::En {
                hits.extend(renderings.find(&seg.text).iter().map(|h| (h.start, h.end)));
            }
            let text = seg.text.as_str();
            let mut first = true;
            let mut start = None;
            let mut after_colon = false;
            for (i, ch) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                // The soft sign of scholarly transliteration, an apostrophe between two
                // letters, is part of the word (`Bol’saja`, `Gor’kij`).
                let soft_sign = matches!(ch, '’' | 'ʼ' | 'ʹ' | '\'')
                    && start.is_some()
                    && text[i + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if ch.is_alphabetic() || soft_sign {
                    start.get_or_insert(i);
                    continue;
                }
                let Some(s) = start.take() else {
                    if ch == ':' || ch == '»' || ch == '„' || ch == '"' || ch == '(' {
                        after_colon = true;
                    }
                    continue;
                };
                let e = i;
                let initial = first || after_colon;
                first = false;
                after_colon = matches!(ch, ':');
                if hits.iter().any(|&(hs, he)| hs < e && s < he) {
                    continue;
                }
                let block = &norm.blocks[seg.block].text;
                let src = block.source_span(seg.in_block.0 + s, seg.in_block.0 + e);
                let (line, column) = doc.line_col(src.start);
                out.push(Token {
                    word: text[s..e].to_string(),
                    lang: seg.lang,
                    doc: di,
                    initial: initial || seg.kind == SegmentKind::Heading,
                    chain: hyphen_chain(text, s, e)
                        .or_else(|| russian_phrase(text, s, e, seg.lang)),
                    footnote: seg.kind == SegmentKind::Footnote,
                    hyphenated: hyphenated(text, s, e).map(str::to_string),
                    context: Context {
                        file: doc.name().to_string(),
                        line,
                        column,
                        lang: seg.lang,
                        text: context_short(text, s, e),
                    },
                });
            }
        }
    }
    out
}

/// The hyphenated word the word at `s..e` of `text` is a part of (`Kolyma-Gebiet` for
/// `Kolyma`), if any.
fn hyphenated(text: &str, s: usize, e: usize) -> Option<&str> {
    let letter_or_hyphen = |c: char| c.is_alphabetic() || c == '-';
    let start = text[..s]
        .char_indices()
        .rev()
        .take_while(|(_, c)| letter_or_hyphen(*c))
        .last()
        .map_or(s, |(i, _)| i);
    let end = text[e..]
        .char_indices()
        .take_while(|(_, c)| letter_or_hyphen(*c))
        .last()
        .map_or(e, |(i, c)| e + i + c.len_utf8());
    let chain = text[start..end].trim_matches('-');
    chain.contains('-').then_some(chain)
}

/// The hyphenated name around the word at `s..e` of `text`, every part capitalised
/// (`Brest-Litowsk`, `Nowo-Tscherkassk`); `None` for a word on its own or in a hyphenated
/// compound (`Kolchos-Vorsitzender` is capitalised too, but it is rarely the only way a
/// word occurs, which is what [`build`] asks of a chain).
fn hyphen_chain(text: &str, s: usize, e: usize) -> Option<String> {
    let chain = hyphenated(text, s, e)?;
    let parts: Vec<&str> = chain.split('-').collect();
    let lexicon = Lexicon::get();
    let vocabulary = |p: &str| Lang::ALL.iter().any(|l| lexicon.zipf(*l, p) >= NAME_PART);
    // Every part a name: capitalised, and none common vocabulary (`Beria-Krise` is a
    // compound of the name) ...
    let name = parts
        .iter()
        .all(|p| p.chars().next().is_some_and(char::is_uppercase) && !vocabulary(p));
    // ... or a Russian phrase: every part lowercase and a Russian word (`po-novomu`).
    let phrase = parts.iter().all(|p| {
        p.chars().all(char::is_lowercase)
            && Lang::ALL
                .iter()
                .any(|l| lexicon.russian(&translit::key(p, *l)) > 0.0)
    }) && !vocabulary(parts[parts.len() - 1]);
    (name || phrase).then(|| chain.to_string())
}

/// The quoted Russian phrase around the lowercase word at `s..e` of `text`: the run of
/// lowercase words, one space apart, that are Russian words and not `lang`'s vocabulary,
/// or Russian function words (`po novomu`, `na mestach`); `None` for a word on its own.
fn russian_phrase(text: &str, s: usize, e: usize, lang: Lang) -> Option<String> {
    let lexicon = Lexicon::get();
    let russian = |w: &str| {
        let r = lexicon.russian(&translit::key(w, lang));
        w.chars().all(char::is_lowercase)
            && r > 0.0
            && (lexicon.zipf(lang, w) < NAME_PART || r > FUNCTION_WORDS)
    };
    if !russian(&text[s..e]) {
        return None;
    }
    let (mut start, mut end) = (s, e);
    // Words to the left, then to the right, one space apart.
    while let Some(before) = text[..start].strip_suffix(' ') {
        let w0 = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        if w0 == before.len() || !russian(&before[w0..]) {
            break;
        }
        start = w0;
    }
    while let Some(after) = text[end..].strip_prefix(' ') {
        let n = after
            .char_indices()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if n == 0 || !russian(&after[..n]) {
            break;
        }
        end += 1 + n;
    }
    let phrase = &text[start..end];
    let content = phrase
        .split(' ')
        .any(|w| lexicon.russian(&translit::key(w, lang)) <= FUNCTION_WORDS);
    (phrase.contains(' ') && content).then(|| phrase.to_string())
}

/// The Zipf value from which a word is vocabulary rather than part of a name.
const NAME_PART: f64 = 3.0;

/// A shorter context than the alignment files' (about 30 characters a side).
fn context_short(text: &str, s: usize, e: usize) -> String {
    let full = context(text, s, e);
    let Some(open) = full.find("[[") else {
        return full;
    };
    let close = full.find("]]").map_or(full.len(), |c| c + 2);
    let before: Vec<char> = full[..open].chars().collect();
    let after: Vec<char> = full[close..].chars().collect();
    let keep = 30;
    let b: String = if before.len() > keep {
        std::iter::once('…')
            .chain(before[before.len() - keep..].iter().copied())
            .collect()
    } else {
        before.iter().collect()
    };
    let a: String = if after.len() > keep {
        after[..keep]
            .iter()
            .copied()
            .chain(std::iter::once('…'))
            .collect()
    } else {
        after.iter().collect()
    };
    format!("{b}{}{a}", &full[open..close])
}

#[cfg(test)]
mod tests;
