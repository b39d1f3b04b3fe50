//! `unknown-variant`: words that are almost a glossary form but are not listed, and the
//! edit distances that say how close a word is to a form.

use std::collections::{HashMap, HashSet};

use super::{Code, Finding};
use crate::fold::fold_str;
use crate::glossary::{Category, Form, Glossary, Status};
use crate::lang::Lang;
use crate::pipeline::{Occurrence, Word};

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
    let forms = Forms::new(glossary);
    let matched = Matched::new(occurrences);
    // The frequency of every word over all texts.
    let folded: Vec<String> = words.iter().map(|w| fold_str(&w.text)).collect();
    let mut word_count: HashMap<&str, usize> = HashMap::new();
    for f in &folded {
        *word_count.entry(f.as_str()).or_default() += 1;
    }
    // The verdict per (folded word, language, capitalised), computed once.
    let mut verdicts: HashMap<(&str, Option<Lang>, bool), Option<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (w, f) in words.iter().zip(&folded) {
        if f.chars().count() < MIN_VARIANT_LEN || matched.covers(w, f) {
            continue;
        }
        let capital = w.text.chars().next().is_some_and(char::is_uppercase);
        let verdict = *verdicts
            .entry((f.as_str(), w.lang, capital))
            .or_insert_with(|| {
                if matched.inflects_known(f, w.lang, &forms) {
                    return None;
                }
                forms.best(f, w.lang, capital, similarity)
            });
        let Some(t) = verdict.map(|i| &forms.targets[i]) else {
            continue;
        };
        let seen = word_count.get(f.as_str()).copied().unwrap_or(0);
        let concept_seen = matched.concepts.get(t.concept).copied().unwrap_or(0);
        if seen >= FREQUENT_WORD && seen > concept_seen {
            continue;
        }
        out.push(finding(w, t));
    }
    out
}

/// The glossary forms a word may be a variant of, with what the guards need to know of
/// their concepts.
struct Forms<'g> {
    targets: Vec<Target<'g>>,
    /// The folded forms, for telling an inflection of a form.
    known: HashSet<String>,
    /// (concept, language) for every language a concept has forms in.
    covered: HashSet<(&'g str, Lang)>,
    category: HashMap<&'g str, Category>,
}

impl<'g> Forms<'g> {
    fn new(glossary: &'g Glossary) -> Forms<'g> {
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
        Forms {
            known: targets.iter().map(|t| t.folded.clone()).collect(),
            covered: glossary
                .concepts
                .iter()
                .flat_map(|c| c.forms.iter().map(|f| (c.id.as_str(), f.lang)))
                .collect(),
            category: glossary
                .concepts
                .iter()
                .map(|c| (c.id.as_str(), c.category))
                .collect(),
            targets,
        }
    }
}

/// Everything the matcher matched: places per file, folded words, counts per concept.
struct Matched<'o> {
    /// Per file, the matched byte ranges sorted by start, each with the largest end of
    /// the ranges up to it: a word overlaps a match when the ranges starting before its
    /// end reach past its start, found by a binary search (a TMX file of 50,000 segments
    /// is one file: a scan per word would be quadratic).
    at: HashMap<&'o str, Vec<(usize, usize)>>,
    words: HashSet<String>,
    concepts: HashMap<&'o str, usize>,
}

impl<'o> Matched<'o> {
    fn new(occurrences: &'o [Occurrence]) -> Matched<'o> {
        let mut m = Matched {
            at: HashMap::new(),
            words: HashSet::new(),
            concepts: HashMap::new(),
        };
        for o in occurrences {
            m.at.entry(o.file.as_str())
                .or_default()
                .push((o.start, o.end));
            for part in o.term.surface.split(|c: char| !c.is_alphabetic()) {
                m.words.insert(fold_str(part));
            }
            *m.concepts.entry(o.term.concept.as_str()).or_default() += 1;
        }
        for ranges in m.at.values_mut() {
            ranges.sort_unstable();
            let mut reach = 0;
            for r in ranges.iter_mut() {
                reach = reach.max(r.1);
                r.1 = reach;
            }
        }
        m
    }

    /// Whether a word (folded `f`) was matched, here or as the same word anywhere.
    fn covers(&self, w: &Word, f: &str) -> bool {
        self.words.contains(f)
            || self.at.get(w.file.as_str()).is_some_and(|r| {
                // The ranges that start before the word ends; the last one's reach is the
                // furthest any of them ends.
                let before = r.partition_point(|&(s, _)| s < w.end);
                before > 0 && r[before - 1].1 > w.start
            })
    }

    /// Whether `f` is an inflection (in `lang`) of a matched word or of a glossary form.
    fn inflects_known(&self, f: &str, lang: Option<Lang>, forms: &Forms<'_>) -> bool {
        endings(lang).iter().any(|e| {
            f.strip_suffix(e).is_some_and(|base| {
                base.chars().count() >= 3
                    && (self.words.contains(base) || forms.known.contains(base))
            })
        })
    }
}

/// The finding for a word that looks like the form `t`.
fn finding(w: &Word, t: &Target<'_>) -> Finding {
    let message = format!(
        "`{}` is not in the glossary but looks like `{}` ({} → {})",
        w.text, t.form.text, t.concept, t.english
    );
    let help = format!(
        "if it is a spelling of `{}`, add it to the glossary as an admitted or deprecated {} form; otherwise correct it",
        t.concept,
        t.form.lang.code()
    );
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
    .help(help)
}

/// A word seen at least this often (and more often than the concept it resembles) is
/// ordinary vocabulary of the texts, not a variant of a term.
pub const FREQUENT_WORD: usize = 4;

impl Forms<'_> {
    /// The form a folded word most probably is a variant of, if any (its index in
    /// `targets`).
    fn best(
        &self,
        f: &str,
        lang: Option<Lang>,
        capital: bool,
        similarity: &dyn Similarity,
    ) -> Option<usize> {
        let (targets, covered, category) = (&self.targets, &self.covered, &self.category);
        let mut bases = vec![f];
        for e in endings(lang) {
            if let Some(b) = f.strip_suffix(e)
                && b.chars().count() >= MIN_VARIANT_LEN
            {
                bases.push(b);
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
}
