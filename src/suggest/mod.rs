//! Candidate glossary entries: words of a corpus that look like Russian borrowings,
//! transliterated names or acronyms and that the glossary does not cover yet.
//!
//! [`suggest`] reads documents as `glossa align` does (normalise, segment), runs the term
//! matcher and sets every matched word aside. Each remaining word is scored
//! ([`score`]):
//!
//! - spelling cues per language (`data/suggest/cues.txt`: `schtsch`, `tsch`, `-ow`, `-stwo`,
//!   `-skij`; Dutch `tsj`, `zj`, `-stvo`, `-ov` …), and native word parts that only look
//!   Russian (`data/suggest/native.txt`: `deutsch`, `Wirtschaft`, Dutch `meisje`);
//! - a character-trigram model: how much more the word resembles the glossary's own forms
//!   (Russian spellings) than the words of the corpus (German and Dutch);
//! - acronyms (`RGASPI`, `OGPU`), minus the Western ones (`data/suggest/acronyms.txt`);
//! - a capital letter inside a Dutch sentence (names);
//! - how often the word occurs and in how many documents.
//!
//! Words are then grouped by their transliteration key ([`crate::translit`]) with and
//! without inflectional endings, so that `Netschajew`, `Netschajews` and Dutch
//! `Netsjajev` form one group; compounds whose first or last part is a group's word
//! (`Kolchosvorsitzender`, `Betriebsnatschalstwo`) join it. Groups are ranked by score.
//! Words of the glossary's and the project's `ignore` lists, and words with their keys,
//! never come back.

mod model;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::Result;
use crate::fold::fold_str;
use crate::glossary::{Category, Compound, Concept, Form, Glossary, Inflect, Status};
use crate::lang::Lang;
use crate::normalize::normalize;
use crate::pipeline::context;
use crate::segment::{Options, SegmentKind, segment_normalized};
use crate::source::Document;
use crate::terms::TermMatcher;
use crate::translit;

use model::TrigramModel;

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
    after_article: bool,
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
    /// Occurrences right after an article (`der`, `ein`, `het`): common nouns have them,
    /// names mostly do not.
    after_article: usize,
    contexts: Vec<Context>,
}

struct Cue {
    lang: Option<Lang>,
    pattern: String,
    start: bool,
    end: bool,
    weight: f64,
}

const CUES: &str = include_str!("../../data/suggest/cues.txt");
const NATIVE: &str = include_str!("../../data/suggest/native.txt");
const ACRONYMS: &str = include_str!("../../data/suggest/acronyms.txt");
const RUSSIAN: &str = include_str!("../../data/suggest/russian.txt");
const COMMON: &str = include_str!("../../data/suggest/common.txt");

fn common_words() -> &'static HashSet<String> {
    static C: OnceLock<HashSet<String>> = OnceLock::new();
    C.get_or_init(|| {
        COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(plain)
            .collect()
    })
}

fn parse_cues(text: &str, weighted: bool) -> Vec<Cue> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (lang, pattern, weight) = match (parts.as_slice(), weighted) {
            ([l, p, w], true) => (*l, *p, w.parse().unwrap_or(0.0)),
            ([l, p], false) => (*l, *p, 0.0),
            _ => continue,
        };
        let lang = lang.parse().ok();
        let start = pattern.starts_with('^');
        let end = pattern.ends_with('$');
        out.push(Cue {
            lang,
            pattern: plain(pattern.trim_start_matches('^').trim_end_matches('$')),
            start,
            end,
            weight,
        });
    }
    out
}

fn cues() -> &'static [Cue] {
    static C: OnceLock<Vec<Cue>> = OnceLock::new();
    C.get_or_init(|| parse_cues(CUES, true))
}

fn natives() -> &'static [Cue] {
    static C: OnceLock<Vec<Cue>> = OnceLock::new();
    C.get_or_init(|| parse_cues(NATIVE, false))
}

fn acronym_stoplist() -> &'static HashSet<String> {
    static C: OnceLock<HashSet<String>> = OnceLock::new();
    C.get_or_init(|| {
        ACRONYMS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    })
}

/// Lowercase, without diacritics (`ß` → `ss`); unlike [`fold_str`] it keeps Dutch `oe`.
fn plain(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(word.len());
    for c in word.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn cue_matches(cue: &Cue, word: &str) -> bool {
    match (cue.start, cue.end) {
        (true, true) => word == cue.pattern,
        (true, false) => word.starts_with(&cue.pattern),
        (false, true) => word.ends_with(&cue.pattern),
        (false, false) => word.contains(&cue.pattern),
    }
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
    let mut out = vec![word.to_string()];
    for e in endings(lang) {
        if let Some(s) = word.strip_suffix(e) {
            if s.chars().count() >= 4 {
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

fn is_roman(word: &str) -> bool {
    word.chars().all(|c| "IVXLCDM".contains(c))
}

/// Whether a word is native vocabulary by `data/suggest/native.txt`.
fn native(plain: &str, lang: Lang) -> bool {
    natives()
        .iter()
        .any(|c| c.lang.is_none_or(|l| l == lang) && cue_matches(c, plain))
}

/// The spelling-cue score of a word.
fn cue_score(plain: &str, lang: Lang) -> f64 {
    let forms = stems(plain, lang);
    cues()
        .iter()
        .filter(|c| c.lang.is_none_or(|l| l == lang))
        .filter(|c| forms.iter().any(|f| cue_matches(c, f)))
        .map(|c| c.weight)
        .sum::<f64>()
        .min(5.0)
}

/// How a word of the corpus scores as a candidate, by itself (frequency aside); `None`
/// for words that are never candidates.
fn score(
    surface: &str,
    w: &Word,
    lang: Lang,
    model: &TrigramModel,
    vocabulary: &Vocabulary,
) -> Option<f64> {
    let n = surface.chars().count();
    if n < 2 || surface.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if common_words().contains(&plain(surface)) {
        return None;
    }
    if is_acronym(surface) {
        if is_roman(surface)
            || acronym_stoplist().contains(surface)
            || vocabulary.lowercase.contains(&plain(surface))
        {
            return None;
        }
        // An uppercase heading word (`TREFFEN`, `POLITIK`) is also written in lowercase.
        if n > 3 && !surface.chars().any(char::is_lowercase) {
            let ratio = model.ratio(&plain(surface), true);
            return (ratio > 0.0).then_some(1.5 + ratio.min(2.0));
        }
        return Some(2.5);
    }
    if n < 4 {
        return None;
    }
    let p = plain(surface);
    if native(&p, lang) {
        return None;
    }
    let cues = cue_score(&p, lang);
    let ratio = model.ratio(&p, true);
    let capital = surface.chars().next().is_some_and(char::is_uppercase);
    // In Dutch (and English) only names are capitalised inside a sentence.
    let name = lang != Lang::De && capital && w.inner > 0 && w.inner_capital * 2 >= w.inner;
    let mut s = cues + 1.2 * ratio + if name { 1.0 } else { 0.0 };
    if cues < 2.0 {
        // Known vocabulary: a word that heads other words' compounds or lives inside
        // lowercase words (`Regierung` in `Reichsregierung`, `Opfer` in `aufopfern`), or
        // that usually follows an article.
        let f = fold_str(surface);
        let family = vocabulary.family(&f);
        s -= 0.6 * family.min(3) as f64;
        s -= 1.0 * w.after_article as f64 / w.count as f64;
    }
    (s > 0.0).then_some(s)
}

/// What the corpus says about its own vocabulary.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Every word written in lowercase, plain.
    lowercase: HashSet<String>,
    /// Folded endings (four letters or more) of words, with how many words end so.
    heads: HashMap<String, usize>,
    /// Folded parts (four to twelve letters) of lowercase words, from their first five
    /// letters on (after a prefix such as `ge`, `ver`, `auf`).
    inside_lowercase: HashSet<String>,
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
            if w.chars().next().is_some_and(char::is_lowercase) {
                v.lowercase.insert(plain(w));
                for &(i, _) in chars.iter().take(5) {
                    for &(j, _) in chars.iter().skip(i + 4).take(9) {
                        v.inside_lowercase.insert(f[i..j].to_string());
                    }
                    v.inside_lowercase.insert(f[i..].to_string());
                }
            }
        }
        v
    }

    /// How many signs say that a folded word is native vocabulary.
    fn family(&self, f: &str) -> usize {
        let heads = self.heads.get(f).copied().unwrap_or(0);
        heads + 2 * usize::from(f.len() >= 4 && self.inside_lowercase.contains(f))
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
    keys: HashSet<String>,
    score: f64,
}

/// Finds candidate entries in `docs` that `glossary` does not cover, best first.
pub fn suggest(
    glossary: &Glossary,
    docs: &[Document],
    options: &SuggestOptions,
) -> Result<Vec<Suggestion>> {
    let matcher = TermMatcher::new(glossary)?;
    let tokens = tokens(&matcher, docs, options);

    let mut words: HashMap<String, Word> = HashMap::new();
    for t in tokens {
        let w = words.entry(t.word.clone()).or_default();
        w.count += 1;
        w.docs.insert(t.doc);
        *w.langs.entry(t.lang).or_default() += 1;
        if t.after_article {
            w.after_article += 1;
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
        .chain(
            RUSSIAN
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(plain),
        )
        .collect();
    let negative: Vec<String> = words.keys().map(|w| plain(w)).collect();
    let model = TrigramModel::new(&positive, &negative);
    let vocabulary = Vocabulary::new(words.keys());

    let ignore_keys: HashSet<String> = options
        .ignore
        .iter()
        .chain(&glossary.ignore)
        .flat_map(|w| Lang::ALL.map(|l| translit::key(w, l)))
        .collect();

    // Score every spelling; the candidates, best first (ties by spelling).
    let mut scored: Vec<(&String, &Word, Lang, f64)> = words
        .iter()
        .filter_map(|(s, w)| {
            let lang = main_lang(w);
            score(s, w, lang, &model, &vocabulary).map(|sc| (s, w, lang, sc))
        })
        .collect();
    scored.sort_by(|a, b| b.3.total_cmp(&a.3).then_with(|| a.0.cmp(b.0)));

    // Group by key: a word joins the first cluster sharing a stem key, or one within the
    // key's tolerance.
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut key_index: HashMap<String, usize> = HashMap::new();
    // Keys of six symbols or more by their first symbol, for the fuzzy join.
    let mut by_initial: HashMap<char, Vec<(String, usize)>> = HashMap::new();
    for (surface, _, lang, sc) in &scored {
        let keys = stem_keys(surface, *lang);
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
                clusters.push(Cluster::default());
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
    let compound_of = |word: &str, base: &str| {
        base.len() >= 5
            && word.len() >= base.len() + 3
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
            j != i && merged[j].is_some() && folded_bases[j].iter().any(|bj| compound_of(b, bj))
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
        .flat_map(|(i, c)| base_of(c).into_iter().map(move |b| (i, b)))
        .filter(|(_, b)| b.len() >= 5)
        .collect();
    let mut in_cluster: HashSet<String> = clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|(s, _)| s.clone()))
        .collect();
    let mut sorted_words: Vec<&String> = words.keys().collect();
    sorted_words.sort();
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
        out.push(build(c, &words));
    }
    // Frequency and spread add to the best word's score.
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.key.cmp(&b.key))
    });
    Ok(out)
}

/// The keys of a word and of its stems.
fn stem_keys(surface: &str, lang: Lang) -> Vec<String> {
    let p = plain(surface);
    if is_acronym(surface) {
        return vec![p];
    }
    let mut keys: Vec<String> = stems(&p, lang)
        .iter()
        .map(|s| translit::key(s, lang))
        .collect();
    keys.dedup();
    keys
}

/// The language most of a word's occurrences are in.
fn main_lang(w: &Word) -> Lang {
    w.langs
        .iter()
        .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))
        .map_or(Lang::De, |(l, _)| *l)
}

fn build(c: Cluster, words: &HashMap<String, Word>) -> Suggestion {
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
            base.push((lang, v.form.clone()));
        }
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
    let acronym = is_acronym(&base0);
    let capital = base0.chars().next().is_some_and(char::is_uppercase);
    let category = if acronym {
        Category::Organisation
    } else if ["grad", "sk", "burg", "gorod"]
        .iter()
        .any(|e| key.ends_with(e))
    {
        Category::Place
    } else if capital
        && (lang0 != Lang::De
            || ["ov", "ev", "in", "ski", "ki"]
                .iter()
                .any(|e| key.ends_with(e)))
    {
        Category::Person
    } else {
        Category::Term
    };
    let english = if acronym {
        base0.clone()
    } else {
        let e = english_of_key(&key);
        if category == Category::Term {
            e
        } else {
            let mut cs = e.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        }
    };
    let spread = docs.len().saturating_sub(1) as f64;
    let score = c.score + (count as f64).ln() * 0.8 + spread * 0.7;
    Suggestion {
        key,
        forms: variants.iter().map(|v| v.form.clone()).collect(),
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
                "proposed by glossa suggest: {} occurrences in {} documents ({}); check the English rendering",
                self.count,
                self.documents,
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
fn tokens(matcher: &TermMatcher, docs: &[Document], options: &SuggestOptions) -> Vec<Token> {
    let mut out = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let norm = normalize(doc.text());
        let segments = segment_normalized(doc, &norm, &options.segment);
        for seg in &segments {
            let hits = matcher.find(&seg.text, None);
            let text = seg.text.as_str();
            let mut first = true;
            let mut start = None;
            let mut after_colon = false;
            let mut previous = "";
            for (i, ch) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                if ch.is_alphabetic() {
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
                let after_article = ARTICLES.contains(&previous.to_lowercase().as_str());
                previous = &text[s..e];
                if hits.iter().any(|h| h.start < e && s < h.end) {
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
                    after_article,
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

/// German and Dutch articles.
const ARTICLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "de", "het", "een",
];

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
