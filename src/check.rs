//! Term-consistency diagnostics over aligned documents and their glossary, like compiler
//! lints: every [`Finding`] has a stable [`Code`], a place and a message; a [`Level`] per
//! code (from `glossa.toml` and the command line) says whether it is denied, a warning,
//! or not reported at all. This module returns data; rendering is the command line's job.
//!
//! The codes:
//!
//! - `deprecated-form`: a deprecated source form is used ([`deprecated_forms`]);
//! - `unknown-variant`: a word that is almost a glossary form but not listed, e.g. a
//!   Dutch `kolchoze` or a German `Tschecka` ([`unknown_variants`]);
//! - `inconsistent-spelling`: one concept written in two spellings of the same status in
//!   the checked texts ([`inconsistent_spellings`]);
//! - `stale-alignments`: committed alignment files differ from what glossa would write
//!   ([`stale_alignments`]);
//! - `glossary`: problems in the glossary itself ([`glossary_problems`]).
//!
//! A [`Baseline`] records accepted findings by code, file, concept and surface (never by
//! line), so that editing other parts of a text does not bring them back.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::alignments::{Stale, Staleness};
use crate::error::{Error, Result};
use crate::fold::fold_str;
use crate::glossary::{Form, Glossary, Problem, Status};
use crate::lang::Lang;
use crate::pipeline::{Aligned, Occurrence, Word};
use crate::terms::Tier;
use crate::terms::english::Rendering;

/// A diagnostic's stable name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    DeprecatedForm,
    UnknownVariant,
    InconsistentSpelling,
    StaleAlignments,
    Glossary,
    MissingTranslation,
    ForbiddenTranslation,
    InconsistentTranslation,
}

impl Code {
    /// Every code, in the order they are documented.
    pub const ALL: [Code; 8] = [
        Code::DeprecatedForm,
        Code::UnknownVariant,
        Code::InconsistentSpelling,
        Code::StaleAlignments,
        Code::Glossary,
        Code::MissingTranslation,
        Code::ForbiddenTranslation,
        Code::InconsistentTranslation,
    ];

    /// The code as written in `glossa.toml`, on the command line and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::DeprecatedForm => "deprecated-form",
            Code::UnknownVariant => "unknown-variant",
            Code::InconsistentSpelling => "inconsistent-spelling",
            Code::StaleAlignments => "stale-alignments",
            Code::Glossary => "glossary",
            Code::MissingTranslation => "missing-translation",
            Code::ForbiddenTranslation => "forbidden-translation",
            Code::InconsistentTranslation => "inconsistent-translation",
        }
    }

    /// The level a code has unless configured: what breaks the project (stale files, a
    /// glossary with problems) is denied, matters of style warn.
    pub fn default_level(self) -> Level {
        match self {
            Code::StaleAlignments | Code::Glossary | Code::ForbiddenTranslation => Level::Deny,
            Code::DeprecatedForm
            | Code::UnknownVariant
            | Code::InconsistentSpelling
            | Code::MissingTranslation
            | Code::InconsistentTranslation => Level::Warn,
        }
    }

    /// One sentence on what the code reports (rule descriptions in SARIF, `--help`).
    pub fn summary(self) -> &'static str {
        match self {
            Code::DeprecatedForm => "A source form the glossary marks as deprecated is used.",
            Code::UnknownVariant => {
                "A word is almost a glossary form but is not listed: a spelling variant the glossary lacks, or a typo."
            }
            Code::InconsistentSpelling => {
                "One concept is written in two spellings of the same status in the checked texts."
            }
            Code::StaleAlignments => {
                "Committed alignment files differ from what glossa would write now."
            }
            Code::Glossary => "The glossary has a problem (as `glossa glossary lint` reports).",
            Code::MissingTranslation => {
                "A source term has no rendering of its concept in the aligned translation."
            }
            Code::ForbiddenTranslation => {
                "A source term is rendered with an English rendering the glossary forbids."
            }
            Code::InconsistentTranslation => {
                "One concept is rendered in different ways across a document or the corpus."
            }
        }
    }

    /// The names of all codes, comma-separated (for messages).
    pub fn names() -> String {
        Code::ALL.map(Code::as_str).join(", ")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = Error;

    fn from_str(s: &str) -> Result<Code> {
        Code::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                Error::Invalid(format!("unknown check `{s}` (known: {})", Code::names()))
            })
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What happens to a code's findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported; the run still succeeds.
    Warn,
    /// Reported; the run fails.
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// The level of every code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Levels(BTreeMap<Code, Level>);

impl Default for Levels {
    fn default() -> Levels {
        Levels(Code::ALL.map(|c| (c, c.default_level())).into())
    }
}

impl Levels {
    pub fn get(&self, code: Code) -> Level {
        self.0.get(&code).copied().unwrap_or(code.default_level())
    }

    pub fn set(&mut self, code: Code, level: Level) {
        self.0.insert(code, level);
    }

    /// Whether a code's findings are wanted at all (not `allow`).
    pub fn enabled(&self, code: Code) -> bool {
        self.get(code) != Level::Allow
    }

    /// Gives each finding its code's level and drops the allowed ones.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                f.level = self.get(f.code);
                (f.level != Level::Allow).then_some(f)
            })
            .collect()
    }
}

/// One diagnostic at one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub level: Level,
    /// The file, as named when it was read.
    pub file: String,
    /// 1-based line and column (in characters) of the start.
    pub line: usize,
    pub column: usize,
    /// How many characters on that line the finding covers (0: a place, not a span).
    pub width: usize,
    pub message: String,
    pub help: Option<String>,
    /// The concept concerned, if any.
    pub concept: Option<String>,
    /// The word as printed, if any.
    pub surface: Option<String>,
}

impl Finding {
    fn new(code: Code, file: &str, line: usize, column: usize, message: String) -> Finding {
        Finding {
            code,
            level: code.default_level(),
            file: file.to_string(),
            line,
            column,
            width: 0,
            message,
            help: None,
            concept: None,
            surface: None,
        }
    }

    fn at_occurrence(code: Code, o: &Occurrence, message: String) -> Finding {
        Finding {
            width: first_line_width(&o.surface),
            concept: Some(o.concept.clone()),
            surface: Some(o.surface.clone()),
            ..Finding::new(code, &o.file, o.line, o.column, message)
        }
    }

    fn help(mut self, help: String) -> Finding {
        self.help = Some(help);
        self
    }

    /// The finding's key in a [`Baseline`].
    pub fn key(&self) -> BaselineEntry {
        BaselineEntry {
            code: self.code.as_str().to_string(),
            file: self.file.clone(),
            concept: self.concept.clone(),
            surface: self.surface.clone(),
        }
    }
}

/// Characters of a surface as printed on its first line (a word split across lines is
/// joined in the surface, so this is an upper bound the renderer clips to the line).
fn first_line_width(surface: &str) -> usize {
    surface.chars().count()
}

/// Sorts findings by file, place and code, the order every output uses.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.code, &b.message))
    });
}

// ---------------------------------------------------------------------------------------
// deprecated-form

/// The glossary form an occurrence matched.
fn form_of<'g>(glossary: &'g Glossary, o: &Occurrence) -> Option<&'g Form> {
    glossary
        .concept(&o.concept)?
        .forms
        .iter()
        .find(|f| f.text == o.form)
}

/// `deprecated-form`: every occurrence that matched a deprecated form, with the preferred
/// form of the same language as help.
pub fn deprecated_forms(glossary: &Glossary, occurrences: &[Occurrence]) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in occurrences.iter().filter(|o| o.tier == Tier::Deprecated) {
        let Some(concept) = glossary.concept(&o.concept) else {
            continue;
        };
        let form = form_of(glossary, o);
        let lang = form.map(|f| f.lang);
        let preferred = concept
            .forms
            .iter()
            .filter(|f| f.status == Status::Preferred)
            .min_by_key(|f| Some(f.lang) != lang);
        let why = form
            .and_then(|f| f.note.as_deref())
            .map_or(String::new(), |n| format!(" ({n})"));
        let message = format!(
            "`{}` uses the deprecated form `{}` of `{}`{why}",
            o.surface, o.form, o.concept
        );
        let help = match preferred {
            Some(p) => format!(
                "write the preferred form `{}` ({} → {})",
                p.text, o.concept, concept.english
            ),
            None => format!("`{}` has no preferred form; see the glossary", o.concept),
        };
        out.push(Finding::at_occurrence(Code::DeprecatedForm, o, message).help(help));
    }
    out
}

// ---------------------------------------------------------------------------------------
// inconsistent-spelling

/// `inconsistent-spelling`: a concept written in two or more forms that are spellings of
/// one word (same language, status and English rendering, and at most an edit or two
/// apart: `Komintern`/`Cominform`, not `Bolschewik`/`Bolschewist` or
/// `Stalinist`/`stalinistisch`). Every occurrence of the less frequent spellings is
/// reported with the counts of both, over all the checked documents and in its own.
pub fn inconsistent_spellings(glossary: &Glossary, occurrences: &[Occurrence]) -> Vec<Finding> {
    // (concept, lang, status, english) -> form -> occurrences
    type Group<'o> = BTreeMap<String, Vec<&'o Occurrence>>;
    let mut groups: BTreeMap<(String, Lang, Status, String), Group> = BTreeMap::new();
    for o in occurrences {
        let Some(concept) = glossary.concept(&o.concept) else {
            continue;
        };
        let Some(form) = form_of(glossary, o) else {
            continue;
        };
        if form.status == Status::Deprecated {
            continue;
        }
        groups
            .entry((
                o.concept.clone(),
                form.lang,
                form.status,
                form.english_in(concept).to_string(),
            ))
            .or_default()
            .entry(form.text.clone())
            .or_default()
            .push(o);
    }
    let mut out = Vec::new();
    for group in groups.values() {
        if group.len() < 2 {
            continue;
        }
        // The most frequent spelling is the norm (ties: the first in glossary order).
        let order = |form: &str| {
            glossary
                .concept(&group.values().next().unwrap()[0].concept)
                .and_then(|c| c.forms.iter().position(|f| f.text == form))
                .unwrap_or(usize::MAX)
        };
        let (norm, norm_occ) = group
            .iter()
            .max_by_key(|(f, o)| (o.len(), std::cmp::Reverse(order(f))))
            .unwrap();
        for (form, occs) in group {
            if form == norm || !spelling_variants(form, norm) {
                continue;
            }
            for o in occs {
                let here = |list: &[&Occurrence]| list.iter().filter(|x| x.file == o.file).count();
                let message = format!(
                    "`{}` is spelt `{form}` here but `{norm}` elsewhere: `{form}` {}×, `{norm}` {}× in the checked texts ({} and {} in this one)",
                    o.surface,
                    occs.len(),
                    norm_occ.len(),
                    here(occs),
                    here(norm_occ),
                );
                let help = format!(
                    "write `{norm}` throughout, or mark one spelling as preferred in the glossary"
                );
                out.push(Finding::at_occurrence(Code::InconsistentSpelling, o, message).help(help));
            }
        }
    }
    out
}

/// Whether two forms of a concept are spellings of one word rather than two words.
fn spelling_variants(a: &str, b: &str) -> bool {
    let (a, b) = (fold_str(a), fold_str(b));
    if a.starts_with(&b) || b.starts_with(&a) {
        return false;
    }
    let bound = if a.len().min(b.len()) >= 12 { 2 } else { 1 };
    damerau_levenshtein(&a, &b, bound).is_some()
}

// ---------------------------------------------------------------------------------------
// unknown-variant

/// How close a word is to a glossary form. The default is [`EditDistance`]; a
/// transliteration key (`Tschecka` and `Tscheka` share one) can replace it.
pub trait Similarity: Sync {
    /// The cost of reading `word` as `form`, both folded (see [`crate::fold`]); `None`
    /// when they are not close enough to be one word. Lower is closer.
    fn cost(&self, word: &str, form: &str) -> Option<usize>;
}

/// A weighted edit distance on folded text (so `ß`/`ss`, umlauts and case are already
/// equal) that knows how transliterations of Russian vary: an edit that German and Dutch
/// spellings of one Russian word commonly differ by costs 1, any other edit 2.
///
/// - cheap substitutions: within `c k q`, `c s z`, `i j y`, `v w f`, `d t`, `b p`
///   (`Kolchoz`/`Kolchos`, `Molotov`/`Molotow`, `Trotzkij`/`Trotzky`);
/// - cheap insertions and deletions: `h` (`Tschecka`/`Tscheka` aside, `kh`/`k`), `j`
///   (`Berija`/`Beria`), `e`, a doubled letter, `t` before `s`/`z` (`Trotzki`/`Trotski`),
///   `c` before `k` (`Tschecka`/`Tscheka`);
/// - everything else, transpositions included, costs 2.
///
/// The bound grows with the form's length: one cheap edit for forms of five to seven
/// letters, two for eight to eleven, three from twelve; so `werkt` is not `Werst` (an
/// arbitrary `k`/`s`), but `Tschecka` is `Tscheka`.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditDistance;

impl Similarity for EditDistance {
    fn cost(&self, word: &str, form: &str) -> Option<usize> {
        let bound = match form.chars().count() {
            0..MIN_VARIANT_LEN => return None,
            MIN_VARIANT_LEN..=7 => 1,
            8..=11 => 2,
            _ => 3,
        };
        weighted_distance(word, form, bound)
    }
}

/// The shortest word and form (in folded characters) compared at all.
pub const MIN_VARIANT_LEN: usize = 5;

fn similar_letters(a: char, b: char) -> bool {
    const CLASSES: &[&str] = &["ckq", "csz", "ijy", "vwf", "dt", "bp"];
    CLASSES.iter().any(|c| c.contains(a) && c.contains(b))
}

/// The cost of a letter present in one spelling only, between `prev` and `next`.
fn indel_cost(c: char, prev: Option<char>, next: Option<char>) -> usize {
    let cheap = matches!(c, 'h' | 'j' | 'e')
        || prev == Some(c)
        || next == Some(c)
        || (c == 't' && matches!(next, Some('s' | 'z')))
        || (c == 'c' && next == Some('k'));
    if cheap { 1 } else { 2 }
}

/// Restricted Damerau-Levenshtein distance with costs: `indel(s, i)` for letter `i` of
/// `s` present in one spelling only, `sub(x, y)` for a substitution, `swap` for two
/// neighbours transposed. `None` when above `bound` (rows stop as soon as they are).
fn bounded_distance(
    a: &str,
    b: &str,
    bound: usize,
    indel: impl Fn(&[char], usize) -> usize,
    sub: impl Fn(char, char) -> usize,
    swap: usize,
) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for j in 1..w {
        d[j] = d[j - 1] + indel(&b, j - 1);
    }
    for i in 1..=a.len() {
        let del_a = indel(&a, i - 1);
        d[i * w] = d[(i - 1) * w] + del_a;
        let mut row_min = d[i * w];
        for j in 1..w {
            let mut v = (d[(i - 1) * w + j] + del_a)
                .min(d[i * w + j - 1] + indel(&b, j - 1))
                .min(d[(i - 1) * w + j - 1] + sub(a[i - 1], b[j - 1]));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + swap);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > bound {
            return None;
        }
    }
    let dist = d[a.len() * w + b.len()];
    (dist <= bound).then_some(dist)
}

/// [`EditDistance`]'s weighted restricted Damerau-Levenshtein distance, or `None` when
/// above `bound`.
pub fn weighted_distance(a: &str, b: &str, bound: usize) -> Option<usize> {
    let indel = |s: &[char], i: usize| {
        let prev = i.checked_sub(1).and_then(|k| s.get(k)).copied();
        indel_cost(s[i], prev, s.get(i + 1).copied())
    };
    let sub = |x: char, y: char| {
        if x == y {
            0
        } else if similar_letters(x, y) {
            1
        } else {
            2
        }
    };
    bounded_distance(a, b, bound, indel, sub, 2)
}

/// Restricted Damerau-Levenshtein distance over characters (every edit costs 1), or
/// `None` when above `bound`.
pub fn damerau_levenshtein(a: &str, b: &str, bound: usize) -> Option<usize> {
    bounded_distance(a, b, bound, |_, _| 1, |x, y| usize::from(x != y), 1)
}

/// The inflectional endings stripped from a word of a sentence in `lang` before it is
/// compared (`Tscheckas` is compared as `Tschecka`): the language's (see
/// [`Lang::endings`]), or every language's when the sentence's language is unknown.
fn endings(lang: Option<Lang>) -> Vec<&'static str> {
    match lang {
        Some(l) => l.endings().to_vec(),
        None => {
            let mut all: Vec<&str> = Lang::ALL
                .iter()
                .flat_map(|l| l.endings())
                .copied()
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        }
    }
}

/// A glossary form a word may be a variant of.
struct Target<'g> {
    folded: String,
    concept: &'g str,
    english: &'g str,
    form: &'g Form,
}

/// `unknown-variant`: words of the documents that are not glossary terms but are almost a
/// glossary form, naming the concept they probably mean. `words` and `occurrences` are
/// those of every checked document (see [`crate::pipeline::Aligner::with_words`]).
///
/// The guards against ordinary vocabulary, each tested:
///
/// - a word and a form of fewer than [`MIN_VARIANT_LEN`] letters are never compared, and
///   the [`Similarity`] bounds the distance by the form's length;
/// - a word the matcher matched anywhere is not a candidate, nor is a word that is an
///   inflection of a matched word or of a glossary form (`Stalins` is not a variant of a
///   form `Stalino`);
/// - a word that starts with the form differs only in an ending or a compound part: that
///   is the matcher's business, not a variant (a form that starts with the word is
///   compared: `Tuchatschewski` for `Tuchatschewskij`);
/// - a word is only compared with the forms the aligner would look for in its sentence's
///   language (a Dutch word with Dutch forms, and with other languages' forms of concepts
///   that have none in Dutch);
/// - a lowercase word is not compared with a form of a person or place (German and Dutch
///   capitalise names; `lenin` would be a common word), nor a capitalised word with a
///   lowercase form in German text, where capitals mark nouns and lowercase adjectives;
/// - a word that is frequent in the texts in its own right (at least
///   [`FREQUENT_WORD`] times and more often than the concept it resembles) is ordinary
///   vocabulary, and so is a word whose best reading is tied between two concepts.
pub fn unknown_variants(
    glossary: &Glossary,
    words: &[Word],
    occurrences: &[Occurrence],
    similarity: &dyn Similarity,
) -> Vec<Finding> {
    let targets: Vec<Target> = glossary
        .concepts
        .iter()
        .flat_map(|c| c.forms.iter().map(move |f| (c, f)))
        .filter(|(_, f)| f.status != Status::Deprecated)
        .map(|(c, f)| Target {
            folded: fold_str(&f.text),
            concept: &c.id,
            english: f.english_in(c),
            form: f,
        })
        .filter(|t| t.folded.chars().count() >= MIN_VARIANT_LEN && !t.folded.contains(' '))
        .collect();
    let covered: HashSet<(&str, Lang)> = glossary
        .concepts
        .iter()
        .flat_map(|c| c.forms.iter().map(|f| (c.id.as_str(), f.lang)))
        .collect();
    let category: HashMap<&str, crate::glossary::Category> = glossary
        .concepts
        .iter()
        .map(|c| (c.id.as_str(), c.category))
        .collect();

    // Everything the matcher matched, by place and by folded word.
    let mut matched_at: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut matched_words: HashSet<String> = HashSet::new();
    let mut concept_count: HashMap<&str, usize> = HashMap::new();
    for o in occurrences {
        matched_at
            .entry(o.file.as_str())
            .or_default()
            .push((o.start, o.end));
        for part in o.surface.split(|c: char| !c.is_alphabetic()) {
            matched_words.insert(fold_str(part));
        }
        *concept_count.entry(o.concept.as_str()).or_default() += 1;
    }
    let known_forms: HashSet<&str> = targets.iter().map(|t| t.folded.as_str()).collect();

    // The frequency of every word over all texts.
    let mut word_count: HashMap<String, usize> = HashMap::new();
    let folded: Vec<String> = words.iter().map(|w| fold_str(&w.text)).collect();
    for f in &folded {
        *word_count.entry(f.clone()).or_default() += 1;
    }

    // The verdict per (folded word, language, capitalised), computed once.
    let mut verdicts: HashMap<(String, Option<Lang>, bool), Option<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (w, f) in words.iter().zip(&folded) {
        if f.chars().count() < MIN_VARIANT_LEN || matched_words.contains(f) {
            continue;
        }
        if matched_at
            .get(w.file.as_str())
            .is_some_and(|r| r.iter().any(|&(s, e)| w.start < e && s < w.end))
        {
            continue;
        }
        let capital = w.text.chars().next().is_some_and(char::is_uppercase);
        let verdict = *verdicts
            .entry((f.clone(), w.lang, capital))
            .or_insert_with(|| {
                let inflection_of_known = endings(w.lang).iter().any(|e| {
                    f.strip_suffix(e).is_some_and(|base| {
                        base.chars().count() >= 3
                            && (matched_words.contains(base) || known_forms.contains(base))
                    })
                });
                if inflection_of_known {
                    return None;
                }
                best_target(
                    f, w.lang, capital, &targets, &covered, &category, similarity,
                )
            });
        let Some(ti) = verdict else {
            continue;
        };
        let t = &targets[ti];
        let seen = word_count.get(f).copied().unwrap_or(0);
        let concept_seen = concept_count.get(t.concept).copied().unwrap_or(0);
        if seen >= FREQUENT_WORD && seen > concept_seen {
            continue;
        }
        let message = format!(
            "`{}` is not in the glossary but looks like `{}` ({} → {})",
            w.text, t.form.text, t.concept, t.english
        );
        let help = format!(
            "if it is a spelling of `{}`, add it to the glossary as an admitted or deprecated {} form; otherwise correct it",
            t.concept,
            t.form.lang.code()
        );
        out.push(
            Finding {
                width: w.text.chars().count(),
                concept: Some(t.concept.to_string()),
                surface: Some(w.text.clone()),
                ..Finding::new(
                    Code::UnknownVariant,
                    w.file.as_str(),
                    w.line,
                    w.column,
                    message,
                )
            }
            .help(help),
        );
    }
    out
}

/// A word seen at least this often (and more often than the concept it resembles) is
/// ordinary vocabulary of the texts, not a variant of a term.
pub const FREQUENT_WORD: usize = 4;

/// The form a folded word most probably is a variant of, if any.
fn best_target(
    f: &str,
    lang: Option<Lang>,
    capital: bool,
    targets: &[Target],
    covered: &HashSet<(&str, Lang)>,
    category: &HashMap<&str, crate::glossary::Category>,
    similarity: &dyn Similarity,
) -> Option<usize> {
    use crate::glossary::Category;
    let mut bases = vec![f];
    for e in endings(lang) {
        if let Some(b) = f.strip_suffix(e) {
            if b.chars().count() >= MIN_VARIANT_LEN {
                bases.push(b);
            }
        }
    }
    let mut best: Option<(usize, usize)> = None;
    let mut tied = false;
    for (i, t) in targets.iter().enumerate() {
        let lang_ok = match lang {
            None | Some(Lang::En) => true,
            Some(l) => t.form.lang == l || !covered.contains(&(t.concept, l)),
        };
        if !lang_ok {
            continue;
        }
        let proper = matches!(
            category.get(t.concept),
            Some(Category::Person | Category::Place)
        );
        if proper && !capital {
            continue;
        }
        let form_capital = t.form.text.chars().next().is_some_and(char::is_uppercase);
        if lang == Some(Lang::De) && t.form.lang == Lang::De && capital != form_capital {
            continue;
        }
        if f.starts_with(&t.folded) {
            continue;
        }
        let Some(cost) = bases
            .iter()
            .filter(|b| !b.starts_with(&t.folded))
            .filter_map(|b| similarity.cost(b, &t.folded))
            .min()
        else {
            continue;
        };
        match best {
            Some((c, j)) if c == cost && targets[j].concept != t.concept => tied = true,
            Some((c, _)) if c <= cost => {}
            _ => {
                best = Some((cost, i));
                tied = false;
            }
        }
    }
    if tied { None } else { best.map(|(_, i)| i) }
}

// ---------------------------------------------------------------------------------------
// stale-alignments and glossary

/// `stale-alignments`: one finding per stale alignment file, at its first changed line.
pub fn stale_alignments(stale: &[Stale]) -> Vec<Finding> {
    stale
        .iter()
        .map(|s| {
            let file = s.path.display().to_string();
            let (line, message, help) = match s.how {
                Staleness::Missing => (
                    1,
                    "alignment file is missing".to_string(),
                    "run `glossa align` to write it",
                ),
                Staleness::Changed { line } => (
                    line,
                    format!("alignment file is stale: glossa would write it differently from line {line} on"),
                    "run `glossa align` to update it, and review the change with `glossa diff`",
                ),
                Staleness::Orphan => (
                    1,
                    "alignment file of a source that is no longer in the corpus".to_string(),
                    "run `glossa align` to remove it",
                ),
            };
            Finding::new(Code::StaleAlignments, &file, line, 1, message).help(help.to_string())
        })
        .collect()
}

/// `glossary`: the problems `glossa glossary lint` reports.
pub fn glossary_problems(problems: &[Problem]) -> Vec<Finding> {
    problems
        .iter()
        .map(|p| Finding::new(Code::Glossary, &p.path, p.line, p.column, p.message.clone()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// baseline

/// A finding as recorded in a baseline.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub code: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surface: Option<String>,
}

/// Accepted findings: a project adopting glossa records today's findings and is told only
/// about new ones. Stored as JSON, sorted, one entry per distinct key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: BTreeSet<BaselineEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    glossa_baseline: u32,
    findings: Vec<BaselineEntry>,
}

impl Baseline {
    /// The baseline that accepts these findings.
    pub fn of(findings: &[Finding]) -> Baseline {
        Baseline {
            entries: findings.iter().map(Finding::key).collect(),
        }
    }

    /// Whether a finding is accepted.
    pub fn contains(&self, finding: &Finding) -> bool {
        self.entries.contains(&finding.key())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Parses a baseline file; `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<Baseline> {
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| Error::Syntax {
            path: name.to_string(),
            line: e.line(),
            column: e.column(),
            message: format!("not a glossa baseline: {e}"),
        })?;
        if file.glossa_baseline != 1 {
            return Err(Error::Invalid(format!(
                "{name}: baseline version {} is not supported (expected 1)",
                file.glossa_baseline
            )));
        }
        Ok(Baseline {
            entries: file.findings.into_iter().collect(),
        })
    }

    /// The baseline as JSON text, ending in a newline.
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            glossa_baseline: 1,
            findings: self.entries.iter().cloned().collect(),
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }
}

// ---------------------------------------------------------------------------------------
// missing-translation, forbidden-translation, inconsistent-translation

/// Shortens an aligned target text for a help line.
fn shorten(text: &str) -> String {
    const MAX: usize = 160;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}…")
}

/// `missing-translation` and `forbidden-translation`: what the translation did with each
/// source term, from the documents aligned with a translation. Both sides are shown: the
/// source term at its place, the aligned English in the help line.
pub fn translation_findings(aligned: &[Aligned]) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in aligned {
        for t in &a.translations {
            let o = &a.occurrences[t.occurrence];
            match t.rendering {
                Rendering::Missing => {
                    let message = format!(
                        "`{}` ({}) has no rendering in the aligned translation; expected `{}`",
                        o.surface, o.concept, o.english
                    );
                    let help = if t.target.is_empty() {
                        "the sentence has no counterpart in the translation (an omission?)"
                            .to_string()
                    } else {
                        format!("aligned English: \"{}\"", shorten(&t.target))
                    };
                    out.push(
                        Finding::at_occurrence(Code::MissingTranslation, o, message).help(help),
                    );
                }
                Rendering::Forbidden => {
                    let found = t.found.as_deref().unwrap_or("?");
                    let message = format!(
                        "`{}` ({}) is rendered `{found}`, which the glossary forbids; expected `{}`",
                        o.surface, o.concept, o.english
                    );
                    let help = format!("aligned English: \"{}\"", shorten(&t.target));
                    out.push(
                        Finding::at_occurrence(Code::ForbiddenTranslation, o, message).help(help),
                    );
                }
                Rendering::Expected | Rendering::Admitted => {}
            }
        }
    }
    out
}

/// How a rendering counts for consistency: every expected rendering (the concept's, or a
/// derived form's like `kolkhoz peasant`) is the agreed one, named by the concept's
/// rendering; each admitted alternative is a way of its own. Forbidden renderings are
/// `forbidden-translation`'s business.
fn rendering_key(t: &crate::pipeline::TranslationCheck, agreed: &str) -> Option<String> {
    match (t.rendering, &t.form) {
        (Rendering::Expected, _) => Some(agreed.to_lowercase()),
        (Rendering::Admitted, Some(form)) => Some(form.to_lowercase()),
        _ => None,
    }
}

/// `inconsistent-translation`: one concept rendered in two or more ways (the agreed
/// rendering and an alternative, or two alternatives: `kolkhoz` and `collective farm`)
/// across the checked documents. Every occurrence of a less frequent way is reported with
/// the counts of all.
pub fn inconsistent_translations(glossary: &Glossary, aligned: &[Aligned]) -> Vec<Finding> {
    let agreed = |concept: &str| {
        glossary
            .concept(concept)
            .map_or(concept.to_string(), |c| c.english.clone())
    };
    // concept -> rendering -> count
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for a in aligned {
        for t in &a.translations {
            let concept = &a.occurrences[t.occurrence].concept;
            if let Some(key) = rendering_key(t, &agreed(concept)) {
                *counts
                    .entry(concept.clone())
                    .or_default()
                    .entry(key)
                    .or_default() += 1;
            }
        }
    }
    let mut out = Vec::new();
    for a in aligned {
        for t in &a.translations {
            let o = &a.occurrences[t.occurrence];
            let english = agreed(&o.concept);
            let (Some(key), Some(by_key)) = (rendering_key(t, &english), counts.get(&o.concept))
            else {
                continue;
            };
            if by_key.len() < 2 {
                continue;
            }
            // The most frequent way is the norm; on a tie, the agreed rendering is.
            let norm = by_key
                .iter()
                .max_by_key(|(k, n)| (**n, **k == english.to_lowercase()))
                .map(|(k, _)| k.clone())
                .unwrap_or_default();
            if key == norm {
                continue;
            }
            let all: Vec<String> = by_key.iter().map(|(k, n)| format!("`{k}` {n}×")).collect();
            let message = format!(
                "`{}` ({}) is rendered `{}` here; the concept is rendered {} in the checked texts",
                o.surface,
                o.concept,
                t.found.as_deref().unwrap_or(&key),
                all.join(", ")
            );
            let help = format!(
                "aligned English: \"{}\"; the glossary's rendering is `{english}`",
                shorten(&t.target)
            );
            out.push(Finding::at_occurrence(Code::InconsistentTranslation, o, message).help(help));
        }
    }
    out
}

/// Every diagnostic about the texts themselves (not the files): deprecated forms, unknown
/// variants, inconsistent spellings and the translation checks, for the codes `levels`
/// enables. The words for `unknown-variant` must have been collected
/// ([`crate::pipeline::Aligner::with_words`]).
pub fn text_findings(glossary: &Glossary, aligned: &[Aligned], levels: &Levels) -> Vec<Finding> {
    let mut findings = Vec::new();
    let (words, occurrences) = flatten(aligned);
    if levels.enabled(Code::DeprecatedForm) {
        findings.extend(deprecated_forms(glossary, &occurrences));
    }
    if levels.enabled(Code::UnknownVariant) {
        findings.extend(unknown_variants(
            glossary,
            &words,
            &occurrences,
            &EditDistance,
        ));
    }
    if levels.enabled(Code::InconsistentSpelling) {
        findings.extend(inconsistent_spellings(glossary, &occurrences));
    }
    if levels.enabled(Code::MissingTranslation) || levels.enabled(Code::ForbiddenTranslation) {
        findings.extend(translation_findings(aligned));
    }
    if levels.enabled(Code::InconsistentTranslation) {
        findings.extend(inconsistent_translations(glossary, aligned));
    }
    findings
}

/// The words and occurrences of several aligned documents, flattened.
pub fn flatten(aligned: &[Aligned]) -> (Vec<Word>, Vec<Occurrence>) {
    let words = aligned
        .iter()
        .flat_map(|a| a.words.iter().cloned())
        .collect();
    let occ = aligned
        .iter()
        .flat_map(|a| a.occurrences.iter().cloned())
        .collect();
    (words, occ)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in Code::ALL {
            assert_eq!(c.as_str().parse::<Code>().unwrap(), c);
        }
        let err = "deprecated".parse::<Code>().unwrap_err().to_string();
        assert!(err.contains("deprecated-form"), "{err}");
    }

    #[test]
    fn damerau_levenshtein_bounded() {
        assert_eq!(damerau_levenshtein("tschecka", "tscheka", 2), Some(1));
        assert_eq!(damerau_levenshtein("kolchoz", "kolchos", 1), Some(1));
        assert_eq!(damerau_levenshtein("tschkea", "tscheka", 1), Some(1));
        assert_eq!(damerau_levenshtein("bauern", "kolchos", 2), None);
        assert_eq!(damerau_levenshtein("abc", "abcdef", 2), None);
    }

    #[test]
    fn weighted_distance_knows_transliteration() {
        let e = EditDistance;
        assert_eq!(e.cost("tschecka", "tscheka"), Some(1));
        assert_eq!(e.cost("kolchoz", "kolchos"), Some(1));
        assert_eq!(e.cost("berija", "beria"), Some(1));
        assert_eq!(e.cost("molotov", "molotow"), Some(1));
        assert_eq!(e.cost("werkt", "werst"), None);
        assert_eq!(e.cost("tschkea", "tscheka"), None);
        assert_eq!(e.cost("bauer", "bauer"), Some(0));
        assert_eq!(e.cost("tuchatschewski", "tuchatschewskij"), Some(1));
        assert_eq!(e.cost("vinogradov", "winogradow"), Some(2));
    }

    #[test]
    fn spelling_variants_are_not_derived_words() {
        assert!(spelling_variants("Komintern", "Comintern"));
        assert!(!spelling_variants("Bolschewik", "Bolschewist"));
        assert!(!spelling_variants("Stalinist", "stalinistisch"));
    }

    #[test]
    fn baseline_round_trips() {
        let f = Finding::new(Code::Glossary, "g.toml", 3, 1, "x".into());
        let b = Baseline::of(std::slice::from_ref(&f));
        let back = Baseline::parse("b.json", &b.to_json()).unwrap();
        assert!(back.contains(&f));
        assert!(Baseline::parse("b.json", "{}").is_err());
    }
}
