//! What changed between two sets of alignment files, by concept and by unit of review.
//!
//! Files are paired by source path; inside a file, units (beads with a translation,
//! sentences without) are paired as [`units`] describes, so an edited sentence or a fixed
//! translation is one [`Hunk`] with both versions, not a removal plus an addition. Inside
//! a paired unit, occurrences are paired by surface form and rank among equal surfaces; a
//! paired occurrence whose concept, English rendering or tier differs is *remapped*, an
//! unpaired one is *added* or *removed*, and what the translation did with a term is
//! compared the same way. Where a unit stands (line and column) is not a change: a unit
//! that only moved shows nothing.
//!
//! The result is data ([`AlignmentDiff`]); the command line renders it as text or JSON.
//! [`view`] is the one-file view for git's textconv.

mod units;
pub mod view;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::alignment_file::{AlignmentFile, TermRecord, TranslationRecord};
pub use units::{ALIKE, Step, Unit, pair, units};

/// One side's occurrence: the alignment file's record and the source it is of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Occ {
    pub source: String,
    #[serde(flatten)]
    pub term: TermRecord,
}

/// A change of one occurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Change {
    Added { new: Occ },
    Removed { old: Occ },
    Remapped { old: Occ, new: Occ },
}

/// What the translation did with one term, on one side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Status {
    /// `expected`, `admitted`, `forbidden` or `missing`.
    pub rendering: String,
    /// The English words found (empty when missing).
    pub found: String,
    /// The rendering the glossary expects.
    pub english: String,
}

impl From<&TranslationRecord> for Status {
    fn from(x: &TranslationRecord) -> Status {
        Status {
            rendering: x.rendering.as_str().to_string(),
            found: x.found.clone(),
            english: x.english.clone(),
        }
    }
}

/// A change of what the translation did with one term occurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TranslationChange {
    pub concept: String,
    /// The source surface form.
    pub surface: String,
    /// `None` where that side has no check (no translation, or no such term).
    pub old: Option<Status>,
    pub new: Option<Status>,
}

/// One side of a hunk: the unit's ids, text and, in a bead, its translation and score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Ids of the source sentences (of the bead, or the one sentence).
    pub sentences: Vec<String>,
    /// Ids of the target sentences (empty without a translation).
    pub targets: Vec<String>,
    /// The raw line of the first sentence with terms, when there is one.
    pub line: Option<usize>,
    /// The source language.
    pub lang: String,
    pub text: String,
    /// The translation's sentences, in a bead.
    pub target: Option<String>,
    /// The bead's score and review flag, in a bead.
    pub score: Option<String>,
    pub review: Option<bool>,
}

impl Side {
    fn of(u: &Unit) -> Side {
        Side {
            sentences: match &u.pair {
                Some(p) => p.source.clone(),
                None => u.sentences.iter().map(|s| s.id.clone()).collect(),
            },
            targets: u.pair.as_ref().map_or(Vec::new(), |p| p.target.clone()),
            line: u.line(),
            lang: u.lang(),
            text: u.text(),
            target: u.pair.as_ref().map(|p| p.target_text.clone()),
            score: u.pair.as_ref().map(|p| p.score.clone()),
            review: u.pair.as_ref().map(|p| p.review),
        }
    }
}

/// One changed unit of review: an added, removed or edited sentence or bead, or one whose
/// terms, renderings, translation statuses or score changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hunk {
    pub source: String,
    /// `None` for an added unit.
    pub old: Option<Side>,
    /// `None` for a removed unit.
    pub new: Option<Side>,
    /// Changed occurrences, in order.
    pub terms: Vec<Change>,
    /// Changed translation statuses, in order.
    pub translations: Vec<TranslationChange>,
}

/// The summary of one concept's changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ConceptSummary {
    pub concept: String,
    /// Added occurrences by surface form, with counts.
    pub added: BTreeMap<String, usize>,
    /// Removed occurrences by surface form, with counts.
    pub removed: BTreeMap<String, usize>,
    /// Renderings that changed: `(old english, new english) -> count`.
    pub renderings: BTreeMap<(String, String), usize>,
    /// Occurrences that moved to or from another concept: `(old, new) -> count`.
    pub concepts: BTreeMap<(String, String), usize>,
    /// Tier changes: `(old tier, new tier) -> count`.
    pub tiers: BTreeMap<(String, String), usize>,
    /// Changes of what the translation did: `(old rendering, new rendering) -> count`
    /// (`expected`, `admitted`, `forbidden`, `missing`, or `none` where there was no check).
    pub translations: BTreeMap<(String, String), usize>,
}

/// Everything that changed between two alignment sets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AlignmentDiff {
    /// Per concept, sorted by concept id.
    pub summary: Vec<ConceptSummary>,
    /// Changed units, by source and in document order.
    pub hunks: Vec<Hunk>,
    /// Sources present on one side only.
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
    /// Sources whose glossary fingerprint changed.
    pub glossary_changed: Vec<String>,
}

impl AlignmentDiff {
    /// Whether the two sides are the same (apart from where units stand).
    pub fn is_empty(&self) -> bool {
        self.hunks.is_empty()
            && self.only_old.is_empty()
            && self.only_new.is_empty()
            && self.glossary_changed.is_empty()
    }

    /// Every changed occurrence, in hunk order.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.hunks.iter().flat_map(|h| &h.terms)
    }
}

/// The summaries by concept, made as changes are found.
#[derive(Default)]
struct Summaries(BTreeMap<String, ConceptSummary>);

impl Summaries {
    fn of(&mut self, concept: &str) -> &mut ConceptSummary {
        self.0
            .entry(concept.to_string())
            .or_insert_with(|| ConceptSummary {
                concept: concept.to_string(),
                ..ConceptSummary::default()
            })
    }

    fn count(&mut self, change: &Change) {
        match change {
            Change::Added { new } => {
                *self
                    .of(&new.term.concept)
                    .added
                    .entry(new.term.surface.clone())
                    .or_default() += 1
            }
            Change::Removed { old } => {
                *self
                    .of(&old.term.concept)
                    .removed
                    .entry(old.term.surface.clone())
                    .or_default() += 1
            }
            Change::Remapped { old, new } => {
                let (a, b) = (&old.term, &new.term);
                let s = self.of(&b.concept);
                let bump = |m: &mut BTreeMap<(String, String), usize>, x: &str, y: &str| {
                    if x != y {
                        *m.entry((x.to_string(), y.to_string())).or_default() += 1;
                    }
                };
                bump(&mut s.concepts, &a.concept, &b.concept);
                bump(&mut s.renderings, &a.english, &b.english);
                bump(&mut s.tiers, a.tier.as_str(), b.tier.as_str());
            }
        }
    }

    fn count_translation(&mut self, x: &TranslationChange) {
        fn name(s: &Option<Status>) -> &str {
            s.as_ref().map_or("none", |s| s.rendering.as_str())
        }
        let (was, now) = (name(&x.old), name(&x.new));
        if was != now {
            *self
                .of(&x.concept)
                .translations
                .entry((was.to_string(), now.to_string()))
                .or_default() += 1;
        }
    }
}

/// Compares two alignment sets (each a list of files; files are paired by source path).
pub fn diff(old: &[AlignmentFile], new: &[AlignmentFile]) -> AlignmentDiff {
    let by_source = |files: &[AlignmentFile]| -> BTreeMap<String, AlignmentFile> {
        files
            .iter()
            .map(|f| (f.source.clone(), f.clone()))
            .collect()
    };
    let (old, new) = (by_source(old), by_source(new));
    let mut d = AlignmentDiff::default();
    let mut summaries = Summaries::default();
    let sources: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for source in sources {
        let (o, n) = (old.get(source), new.get(source));
        match (o, n) {
            (Some(_), None) => d.only_old.push(source.clone()),
            (None, Some(_)) => d.only_new.push(source.clone()),
            (Some(a), Some(b)) if a.glossary != b.glossary => {
                d.glossary_changed.push(source.clone())
            }
            _ => {}
        }
        let old_units = o.map_or(Vec::new(), units);
        let new_units = n.map_or(Vec::new(), units);
        for step in pair(&old_units, &new_units) {
            let hunk = match step {
                Step::Paired(i, j) => compare(source, &old_units[i], &new_units[j]),
                Step::Removed(i) => Some(one_sided(source, &old_units[i], true)),
                Step::Added(j) => Some(one_sided(source, &new_units[j], false)),
            };
            if let Some(h) = hunk {
                h.terms.iter().for_each(|c| summaries.count(c));
                h.translations
                    .iter()
                    .for_each(|x| summaries.count_translation(x));
                d.hunks.push(h);
            }
        }
    }
    d.summary = summaries.0.into_values().collect();
    d
}

/// A unit on one side only: all its terms added or removed.
fn one_sided(source: &str, u: &Unit, removed: bool) -> Hunk {
    let occ = |t: &TermRecord| Occ {
        source: source.to_string(),
        term: t.clone(),
    };
    let status = |x: &TranslationRecord| Some(Status::from(x));
    Hunk {
        source: source.to_string(),
        old: removed.then(|| Side::of(u)),
        new: (!removed).then(|| Side::of(u)),
        terms: u
            .terms
            .iter()
            .map(|t| match removed {
                true => Change::Removed { old: occ(t) },
                false => Change::Added { new: occ(t) },
            })
            .collect(),
        translations: u
            .translations
            .iter()
            .map(|x| TranslationChange {
                concept: x.concept.clone(),
                surface: x.surface.clone(),
                old: if removed { status(x) } else { None },
                new: if removed { None } else { status(x) },
            })
            .collect(),
    }
}

/// Items numbered by rank among items with the same key, as a map from `(key, rank)`.
fn ranked<T>(items: &[T], key: impl Fn(&T) -> String) -> Vec<((String, usize), &T)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    items
        .iter()
        .map(|x| {
            let k = key(x);
            let n = seen.entry(k.clone()).or_insert(0);
            *n += 1;
            ((k, *n), x)
        })
        .collect()
}

/// Two versions of one unit; `None` when they say the same.
fn compare(source: &str, old: &Unit, new: &Unit) -> Option<Hunk> {
    if old.same_apart_from_place(new) {
        return None;
    }
    let occ = |t: &TermRecord| Occ {
        source: source.to_string(),
        term: t.clone(),
    };
    let mut terms = Vec::new();
    let old_terms = ranked(&old.terms, |t| t.surface.clone());
    let new_terms = ranked(&new.terms, |t| t.surface.clone());
    let old_by: BTreeMap<_, _> = old_terms.iter().cloned().collect();
    let new_keys: BTreeSet<_> = new_terms.iter().map(|(k, _)| k.clone()).collect();
    for (k, b) in &new_terms {
        match old_by.get(k) {
            None => terms.push(Change::Added { new: occ(b) }),
            Some(a) if (&a.concept, &a.english, a.tier) != (&b.concept, &b.english, b.tier) => {
                terms.push(Change::Remapped {
                    old: occ(a),
                    new: occ(b),
                })
            }
            Some(_) => {}
        }
    }
    for (k, a) in &old_terms {
        if !new_keys.contains(k) {
            terms.push(Change::Removed { old: occ(a) });
        }
    }
    let mut translations = Vec::new();
    let key = |x: &TranslationRecord| format!("{}\t{}", x.surface, x.concept);
    let old_x: BTreeMap<_, _> = ranked(&old.translations, key).into_iter().collect();
    let new_x = ranked(&new.translations, key);
    let new_x_keys: BTreeSet<_> = new_x.iter().map(|(k, _)| k.clone()).collect();
    for (k, b) in &new_x {
        let was = old_x.get(k).map(|a| Status::from(*a));
        let now = Some(Status::from(*b));
        if was != now {
            translations.push(TranslationChange {
                concept: b.concept.clone(),
                surface: b.surface.clone(),
                old: was,
                new: now,
            });
        }
    }
    for (k, a) in &old_x {
        if !new_x_keys.contains(k) {
            translations.push(TranslationChange {
                concept: a.concept.clone(),
                surface: a.surface.clone(),
                old: Some(Status::from(*a)),
                new: None,
            });
        }
    }
    Some(Hunk {
        source: source.to_string(),
        old: Some(Side::of(old)),
        new: Some(Side::of(new)),
        terms,
        translations,
    })
}

impl ConceptSummary {
    /// The summary as lines of text, e.g. `kolkhoz: +3 (Kolchosbauern x2, Kolchosschulden)`
    /// or `nachalstvo: 6 occurrences now nachalstvo, were bosses`.
    pub fn lines(&self) -> Vec<String> {
        let forms = |m: &BTreeMap<String, usize>| -> String {
            m.iter()
                .map(|(f, n)| {
                    if *n > 1 {
                        format!("{f} x{n}")
                    } else {
                        f.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = Vec::new();
        let c = &self.concept;
        let added: usize = self.added.values().sum();
        let removed: usize = self.removed.values().sum();
        if added > 0 {
            out.push(format!("{c}: +{added} ({})", forms(&self.added)));
        }
        if removed > 0 {
            out.push(format!("{c}: -{removed} ({})", forms(&self.removed)));
        }
        for ((old, new), n) in &self.renderings {
            out.push(format!(
                "{c}: {n} occurrence{} now {new}, were {old}",
                plural(*n)
            ));
        }
        for ((old, new), n) in &self.concepts {
            out.push(format!(
                "{c}: {n} occurrence{} moved here from {old} (were {old}, now {new})",
                plural(*n)
            ));
        }
        for ((old, new), n) in &self.tiers {
            out.push(format!(
                "{c}: {n} tier change{} ({old} -> {new})",
                plural(*n)
            ));
        }
        for ((old, new), n) in &self.translations {
            out.push(format!(
                "{c}: {n} translation{} now {new}, were {old}",
                plural(*n)
            ));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests;
