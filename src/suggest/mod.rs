//! Candidate glossary entries: words of a corpus that look like Russian borrowings,
//! transliterated names or acronyms and that the glossary does not cover yet.
//!
//! [`suggest`] reads documents as `glossa align` does (normalise, segment), runs the term
//! matcher and sets every matched word aside, in English sentences (a translation) also the
//! glossary's English renderings. Each remaining word is scored (`score`):
//!
//! - the vocabulary ([`crate::lexicon`]): how common the Russian word is that the word
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
mod model;

pub use explain::{Explanation, Placed, Reason, explain};

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::align::terms::TargetMatcher;
use crate::error::Result;
use crate::fold::fold_str;
use crate::glossary::{Category, Compound, Concept, Form, Glossary, Inflect, Status};
use crate::lang::Lang;
use crate::lexicon::{Lexicon, plain};
use crate::normalize::normalize;
use crate::pipeline::context;
use crate::segment::{Options, SegmentKind, segment_normalized};
use crate::source::Document;
use crate::terms::TermMatcher;
use crate::translit;

use model::TrigramModel;

/// What a Russian word behind a candidate's key adds to its score.
const RUSSIAN_WORD: f64 = 0.5;
/// And per Zipf step that the Russian word is more common than the word in its own language.
const RUSSIAN_MARGIN: f64 = 0.8;
/// Known vocabulary loses this much per Zipf step above [`KNOWN_FLOOR`] when no Russian
/// word stands behind it, and [`COMMON_PENALTY`] per step above [`COMMON_FLOOR`] in any case:
/// `Klasse` is `класс` too, but a German word first.
const KNOWN_PENALTY: f64 = 1.0;
const KNOWN_FLOOR: f64 = 2.5;
const COMMON_PENALTY: f64 = 2.0;
const COMMON_FLOOR: f64 = 3.3;

/// Whether a word of three letters or fewer is a candidate: a capitalised one that spells
/// a Russian word more common than itself (`Zar`, for `царь`). Most short words are
/// function words or abbreviations.
fn short_russian(surface: &str, plain: &str, lang: Lang) -> bool {
    let lexicon = Lexicon::get();
    let russian = lexicon.russian(&translit::key(plain, lang));
    surface.chars().count() == 3
        && surface.chars().next().is_some_and(char::is_uppercase)
        && (SHORT_RUSSIAN..=FUNCTION_WORDS).contains(&russian)
        && russian > lexicon.zipf(lang, plain)
}

/// The Zipf value from which an all-capitals word is a heading's word of the language.
const HEADING_WORD: f64 = 4.0;

/// An acronym's score, and what a Russian abbreviation behind it (of at least
/// [`ACRONYM_READING`]) adds.
const ACRONYM: f64 = 2.0;
const ACRONYM_RUSSIAN: f64 = 1.5;
const ACRONYM_READING: f64 = 2.5;

/// What a name (a capitalised word inside a Dutch or English sentence) with a Russian
/// reading or spelling gains.
const NAME: f64 = 1.0;

/// What a word spelt exactly as its language transliterates the Russian word gains.
const EXACT_SPELLING: f64 = 0.5;

/// How much less a word counts as known when it is known in another of the languages.
const OTHER_LANGUAGE: f64 = 0.5;

/// The score of a group's best word from which frequency and spread count in full.
const CONFIDENT: f64 = 1.0;

/// What a lowercase word of a German text loses.
const LOWERCASE: f64 = 2.0;

/// What a word seen only in footnotes loses.
const FOOTNOTES_ONLY: f64 = 1.0;

/// By how much the Russian reading of a word with a native part must be more common than
/// the word itself for it to count as Russian.
const NATIVE_MARGIN: f64 = 1.5;

/// What a group gains whose word two languages spell differently.
const SPELT_APART: f64 = 1.0;

/// The least Zipf value of the Russian word behind a three-letter candidate.
const SHORT_RUSSIAN: f64 = 3.0;

/// The vocabulary's say: `known` is the word's Zipf value in its own language, `russian`
/// that of the Russian word it spells (0 for none).
fn lexical_score(known: f64, russian: f64) -> f64 {
    let common = COMMON_PENALTY * (known - COMMON_FLOOR).max(0.0);
    if russian > 0.0 {
        RUSSIAN_WORD + RUSSIAN_MARGIN * (russian - known.max(1.0)).clamp(-2.0, 3.0) - common
    } else {
        -KNOWN_PENALTY * (known - KNOWN_FLOOR).max(0.0) - common
    }
}

/// The trigram model's say, and the least it can say against a word.
const RATIO_WEIGHT: f64 = 1.0;
const RATIO_FLOOR: f64 = -0.8;

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

struct Cue {
    lang: Option<Lang>,
    pattern: String,
    start: bool,
    end: bool,
    weight: f64,
    /// A suffix of internationalisms (`-ist`, `-ion`).
    international: bool,
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
        let (lang, pattern, weight, international) = match (parts.as_slice(), weighted) {
            ([l, p, w], true) => (*l, *p, w.parse().unwrap_or(0.0), false),
            ([l, p, w, t], true) => (*l, *p, w.parse().unwrap_or(0.0), *t == "international"),
            ([l, p], false) => (*l, *p, 0.0, false),
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
            international,
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

fn is_roman(word: &str) -> bool {
    word.chars().all(|c| "IVXLCDM".contains(c))
}

/// Whether a word is native vocabulary by `data/suggest/native.txt`.
fn native(plain: &str, lang: Lang) -> bool {
    natives()
        .iter()
        .any(|c| c.lang.is_none_or(|l| l == lang) && cue_matches(c, plain))
}

/// The spelling-cue score of a word, and the part of it that the suffixes of
/// internationalisms make.
fn cue_score(plain: &str, lang: Lang) -> (f64, f64) {
    let forms = stems(plain, lang);
    let matched: Vec<&Cue> = cues()
        .iter()
        .filter(|c| c.lang.is_none_or(|l| l == lang))
        .filter(|c| forms.iter().any(|f| cue_matches(c, f)))
        .collect();
    let international = matched
        .iter()
        .filter(|c| c.international)
        .map(|c| c.weight)
        .sum();
    (
        matched.iter().map(|c| c.weight).sum::<f64>().min(5.0),
        international,
    )
}

/// Where the scoring writes down its reasons, for [`explain`]: a label and what it added
/// (`None` for a verdict). Off, and free, in a plain run.
#[derive(Debug, Default)]
struct Trace(Option<Vec<(String, Option<f64>)>>);

impl Trace {
    fn on() -> Trace {
        Trace(Some(Vec::new()))
    }

    fn add(&mut self, what: impl FnOnce() -> String, value: f64) {
        if let Some(t) = &mut self.0 {
            // `+ 0.0` turns a negative zero into zero.
            t.push((what(), Some(value + 0.0)));
        }
    }

    fn say(&mut self, what: impl FnOnce() -> String) {
        if let Some(t) = &mut self.0 {
            t.push((what(), None));
        }
    }
}

/// How a word of the corpus scores as a candidate, by itself (frequency aside), with the
/// Russian word it was scored as when that is a root of it; `None` for words that are
/// never candidates.
fn score(
    surface: &str,
    w: &Word,
    lang: Lang,
    model: &TrigramModel,
    vocabulary: &Vocabulary,
    trace: &mut Trace,
) -> Option<(f64, Option<String>)> {
    let (s, russian, known) = score_word(surface, w, lang, model, vocabulary, trace)?;
    // A derivation or a compound of a Russian word (`Bucharinismus`, `Kronstädter`,
    // `Dekabristenaufstand`) that is no vocabulary itself scores as that word, a little
    // lower: a text may use the word only so.
    // The root goes with the word for grouping even where the word scores better by itself
    // (`sowjetischen` joins `Sowjet`).
    // The longest root that spells a Russian word: `sowjet` of `sowjetische`, not the
    // `sowje` before `Tische`.
    let mut root: Option<(f64, String)> = None;
    for r in roots(surface, lang) {
        if let Some((rs, reading, _)) =
            score_word(&r, w, lang, model, vocabulary, &mut Trace::default())
        {
            let longer = root.as_ref().is_none_or(|(bs, b)| {
                let (n, m) = (r.chars().count(), b.chars().count());
                n > m || (n == m && rs > *bs)
            });
            if reading > 0.0 && longer {
                root = Some((rs, r));
            }
        }
    }
    let mut best = s;
    if let Some((rs, r)) = &root {
        if russian <= known && known < COMMON_FLOOR && rs - DERIVED > s {
            best = rs - DERIVED;
            trace.add(
                || format!("scored as {r}, the Russian word it is made of, less {DERIVED}"),
                best - s,
            );
        } else {
            trace.say(|| format!("groups with {r}, the Russian word it is made of"));
        }
    }
    let keep = best > 0.0 || (russian > known && known < COMMON_FLOOR);
    if !keep {
        trace.say(|| "not a candidate: the score is not above 0".to_string());
    }
    keep.then_some((best, root.map(|(_, r)| r)))
}

/// Whether a word names a doctrine (`Schdanowismus`, `zjdanovisme`).
fn is_doctrine(word: &str) -> bool {
    let w = word.to_lowercase();
    ["ismus", "isme", "ism"].iter().any(|e| w.ends_with(e))
}

/// What a derivation or compound loses against the Russian word it is made of.
const DERIVED: f64 = 0.5;

/// The least Zipf value of a compound's last part for it to count as a word of the
/// language (`Aufstand` in `Dekabristenaufstand`).
const COMPOUND_TAIL: f64 = 2.5;

/// The Russian words a word may be made of, as it would spell them: without a suffix of
/// derivation (`Bucharin` of `Bucharinismus`, `Trotzki` of `Trotzkismus`, `Bolschewik` of
/// `Bolschewismus`, `Kronstadt` of `Kronstädter`), or the first part of a compound whose
/// last part is a word of the language (`Dekabristen` of `Dekabristenaufstand`).
fn roots(surface: &str, lang: Lang) -> Vec<String> {
    let suffixes: &[&str] = match lang {
        Lang::De => &[
            "ismus",
            "isten",
            "istin",
            "ist",
            "istische",
            "istischen",
            "istischer",
            "istisch",
            "ische",
            "ischen",
            "ischer",
            "isch",
            "er",
            "ern",
        ],
        Lang::Nl => &[
            "isme", "isten", "ist", "istische", "istisch", "ische", "isch",
        ],
        Lang::En => &["ism", "ists", "ist", "ite", "ites"],
    };
    let mut out: Vec<String> = Vec::new();
    let lower = surface.to_lowercase();
    if lower.len() == surface.len() {
        for suffix in suffixes {
            if !lower.ends_with(suffix) {
                continue;
            }
            let root = &surface[..surface.len() - suffix.len()];
            if root.chars().count() < 3 {
                continue;
            }
            // A name in -ki and a noun in -ik lose their ending before -ismus, -ist
            // (`Trotzk-ismus`, `Bolschew-ismus`); a place its umlaut (`Kronstädt-er`).
            let lost = match lower[..root.len()].chars().last() {
                _ if !suffix.starts_with("is") => "",
                Some('k') => "i",
                Some('w' | 'v') => "ik",
                _ => "",
            };
            let umlaut: String = root
                .chars()
                .map(|c| match c {
                    'ä' => 'a',
                    'ö' => 'o',
                    'ü' => 'u',
                    c => c,
                })
                .collect();
            for r in [format!("{root}{lost}"), umlaut] {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
    }
    // The longest last part that is a word: `Konter|revolution`, not `Konterr|evolution`.
    let lexicon = Lexicon::get();
    let split = surface.char_indices().skip(4).find(|&(i, _)| {
        let tail = &surface[i..];
        tail.chars().count() >= 5 && lexicon.zipf(lang, &plain(tail)) >= COMPOUND_TAIL
    });
    if let Some((i, _)) = split {
        let head = surface[..i].to_string();
        if !out.contains(&head) {
            out.push(head);
        }
    }
    out
}

/// A word's score by itself, with the Zipf values of the Russian word it spells and of
/// the word in its own languages.
fn score_word(
    surface: &str,
    w: &Word,
    lang: Lang,
    model: &TrigramModel,
    vocabulary: &Vocabulary,
    trace: &mut Trace,
) -> Option<(f64, f64, f64)> {
    let n = surface.chars().count();
    if n < 2 || surface.chars().any(|c| c.is_ascii_digit()) {
        trace.say(|| "not a candidate: one letter, or digits".to_string());
        return None;
    }
    if common_words().contains(&plain(surface)) {
        trace.say(|| "not a candidate: a common word (data/suggest/common.txt)".to_string());
        return None;
    }
    if is_acronym(surface) {
        let p = plain(surface);
        let lexicon = Lexicon::get();
        if is_roman(surface)
            || !surface.chars().all(|c| c.is_ascii_alphabetic())
            || acronym_stoplist().contains(surface)
            || vocabulary.lowercase.contains(&p)
            // An uppercase heading word (`TREFFEN`, `POLITIK`) is a word of the text or of
            // the language; `KPdSU` and `ZK` are acronyms however common.
            || (n >= 4
                && !surface.chars().any(char::is_lowercase)
                && (vocabulary.capitalised.contains(&p) || lexicon.zipf(lang, &p) >= HEADING_WORD))
        {
            trace.say(|| {
                "not a candidate: a roman numeral, a known abbreviation or a heading word"
                    .to_string()
            });
            return None;
        }
        // A Russian abbreviation read letter for letter (`NKWD` is `нквд`, `ZK` is `цк`).
        let russian = lexicon.russian(&translit::key(&p, lang));
        // Two letters spell some Russian abbreviation by chance (`SU`, `EB`): they must
        // recur to count.
        let spelt = (ACRONYM_READING..=FUNCTION_WORDS).contains(&russian) && (n > 2 || w.count > 1);
        // An acronym is derived from nothing: it counts as known, for [`score`].
        let s = ACRONYM + if spelt { ACRONYM_RUSSIAN } else { 0.0 };
        trace.add(|| "an acronym".to_string(), ACRONYM);
        if spelt {
            trace.add(
                || format!("spells a Russian abbreviation (Zipf {russian:.1})"),
                ACRONYM_RUSSIAN,
            );
        }
        return Some((s, 0.0, COMMON_FLOOR));
    }
    let p = plain(surface);
    if n < 4 && !short_russian(surface, &p, lang) {
        trace.say(|| "not a candidate: under four letters and no common Russian word".to_string());
        return None;
    }
    let (cues, international) = cue_score(&p, lang);
    let ratio = model.ratio(&p, true);
    let capital = surface.chars().next().is_some_and(char::is_uppercase);
    // The spelling model is a weak witness against a word: a Russian word without the
    // telltale spellings (`Machno`, `Beria`) looks German to it.
    let mut s = cues + RATIO_WEIGHT * ratio.max(RATIO_FLOOR);
    trace.add(|| "spelling cues (data/suggest/cues.txt)".to_string(), cues);
    trace.add(
        || "likeness to the glossary's forms (trigram model)".to_string(),
        RATIO_WEIGHT * ratio.max(RATIO_FLOOR),
    );
    // German writes nouns and names with a capital: a lowercase word is an adjective or a
    // verb (`marxistischen`), which a glossary lists under its noun, if at all; Russian
    // quoted as such (`po novomu`) is the exception.
    if lang == Lang::De && !capital && w.chains.is_empty() {
        s -= LOWERCASE;
        trace.add(|| "lowercase in a German text".to_string(), -LOWERCASE);
    }
    // The vocabulary: how common the word is in its own language, and how common the
    // Russian word it spells.
    // Known as it stands or without an ending (`Apparates` is rare, `Apparat` is not), in
    // any of the languages or, by its key, as an English word (`Partisanen`, `Periode`): a
    // word that English shares is an internationalism rather than a borrowing from Russian.
    // A word of another of the languages counts too: German quoted in a Dutch text
    // (`Gruppe`) is no more Russian than in a German one.
    let lexicon = Lexicon::get();
    let known = stems(&p, lang)
        .iter()
        .map(|stem| {
            let international = match lang {
                Lang::En => 0.0,
                _ => lexicon.english_by_key(&translit::key(stem, lang)),
            };
            Lang::ALL
                .iter()
                .map(|l| lexicon.zipf(*l, stem) - if *l == lang { 0.0 } else { OTHER_LANGUAGE })
                .fold(international, f64::max)
        })
        .fold(0.0, f64::max);
    let russian = russian_reading(&p, lang);
    // An internationalism is known vocabulary: a word no vocabulary knows that spells a
    // Russian word is a borrowing with a Latin suffix (`Dekabristen`), not one.
    if known == 0.0 && russian > 0.0 && international != 0.0 {
        s -= international;
        trace.add(
            || "a Latin suffix, but only Russian knows the word".to_string(),
            -international,
        );
    }
    // A native part (`mensch`, `wirtsch`) marks German vocabulary, unless the word spells
    // a Russian word more common than itself (`Menschewiki` is `меньшевики`).
    if native(&p, lang) && russian <= known + NATIVE_MARGIN {
        trace.say(|| "not a candidate: a native word part (data/suggest/native.txt)".to_string());
        return None;
    }
    s += lexical_score(known, russian);
    trace.add(
        || {
            let reading = match russian_word(&p, lang) {
                Some(r) if russian > 0.0 => format!("spells Russian {r} (Zipf {russian:.1})"),
                _ if russian > 0.0 => format!("a letter from a Russian word (Zipf {russian:.1})"),
                _ => "no Russian reading".to_string(),
            };
            format!("vocabulary: known at Zipf {known:.1}; {reading}")
        },
        lexical_score(known, russian),
    );
    // Spelt exactly as `lang` transliterates the Russian word (`Machno` for `махно`, but
    // not `Levi` for `леви`, which German would write `Lewi`).
    if russian > 0.0 && transliterated(&p, lang) {
        s += EXACT_SPELLING;
        trace.add(
            || "spelt as its language transliterates".to_string(),
            EXACT_SPELLING,
        );
    }
    // In Dutch (and English) only names are capitalised inside a sentence: a name with a
    // Russian reading or spelling is likely a Russian name.
    let name = lang != Lang::De && capital && w.inner > 0 && w.inner_capital * 2 >= w.inner;
    if name && (russian > 0.0 || cues > 0.0) {
        s += NAME;
        trace.add(|| "a name inside sentences".to_string(), NAME);
    }
    // A Russian reading more common than the word in its own language keeps it in the
    // running however it scores by itself: its frequency in the corpus may still lift it
    // (`Komintern`).
    if w.footnotes == w.count {
        s -= FOOTNOTES_ONLY;
        trace.add(|| "seen only in footnotes".to_string(), -FOOTNOTES_ONLY);
    }
    Some((s, russian, known))
}

/// The Zipf value of the Russian word that a plain word of `lang` spells, read through the
/// transliteration key, as it stands or without an inflectional ending (`Zaren` is `царь`);
/// failing that, a near reading (one symbol apart, among those that transliterations
/// confuse: German `Kronstadt` for `Кронштадт`), a little lower. 0 when there is none.
fn russian_reading(plain: &str, lang: Lang) -> f64 {
    let lexicon = Lexicon::get();
    let keys: Vec<String> = stems(plain, lang)
        .iter()
        .map(|s| translit::key(s, lang))
        .filter(|k| k.chars().count() >= 3)
        .collect();
    // The most common Russian words are function words (`есть`, `быть`), which no
    // borrowing spells: a key that reads as one is a coincidence (`Esten`).
    let reading = |k: &String| Some(lexicon.russian(k)).filter(|z| *z <= FUNCTION_WORDS);
    let exact = keys.iter().filter_map(reading).fold(0.0, f64::max);
    if exact > 0.0 {
        return exact;
    }
    const CONFUSED: &[(char, char)] = &[
        ('s', 'S'),
        ('S', 's'),
        ('e', 'i'),
        ('i', 'e'),
        ('o', 'a'),
        ('a', 'o'),
        ('e', 'o'),
        // Russian print writes ё as е (`буденный`), German and Dutch as `jo` (`Budjonny`).
        ('o', 'e'),
        ('k', 'x'),
        ('x', 'k'),
    ];
    let mut near: f64 = 0.0;
    for k in keys.iter().filter(|k| k.chars().count() >= 6) {
        let chars: Vec<char> = k.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            for &(_, to) in CONFUSED.iter().filter(|(from, _)| from == c) {
                let mut v = chars.clone();
                v[i] = to;
                let v: String = v.into_iter().collect();
                near = near.max(reading(&v).unwrap_or(0.0));
            }
            // Two letters swapped, a slip of typing or reading (`Tiblissi`).
            if i + 1 < chars.len() && chars[i] != chars[i + 1] {
                let mut v = chars.clone();
                v.swap(i, i + 1);
                let v: String = v.into_iter().collect();
                near = near.max(reading(&v).unwrap_or(0.0));
            }
        }
    }
    (near - NEAR_READING).max(0.0)
}

/// How many words of the corpus may end in a group's base for the base to gather
/// compounds (`Kolchos` in `Musterkolchos`, `Großkolchos`).
const MAX_HEADS: usize = 12;

/// The Zipf value above which Russian words are function words.
const FUNCTION_WORDS: f64 = 5.6;

/// What a near reading costs, in Zipf steps.
const NEAR_READING: f64 = 0.5;

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
