//! What changed between two sets of alignment files, by concept and by sentence.
//!
//! Occurrences are paired across the two sides by where they stand, not by line number: the
//! source file, the sentence id (derived from the sentence's text), the surface form and its
//! rank among equal surfaces in that sentence. A paired occurrence whose concept, English
//! rendering or tier differs is *remapped*; an unpaired one is *added* or *removed*. A
//! sentence that only moved (same id, other line) is not a change of its terms.
//!
//! The result is data ([`AlignmentDiff`]); the command line renders it as text or JSON.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::alignment_file::{AlignmentFile, PairRecord, Record, SentenceRecord, TermRecord};

/// Where an occurrence stands: source, sentence id, surface, rank among equal surfaces.
type Key = (String, String, String, usize);

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

impl Change {
    /// The source file and sentence id the change belongs to.
    pub fn place(&self) -> (&str, &str) {
        let o = match self {
            Change::Added { new } | Change::Remapped { new, .. } => new,
            Change::Removed { old } => old,
        };
        (&o.source, &o.term.sentence)
    }
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
    /// Changed occurrences, grouped by source and sentence in order.
    pub changes: Vec<Change>,
    /// Sentences (with terms) on each side by `(source, id)`, for showing their text.
    #[serde(skip)]
    pub sentences: BTreeMap<(String, String), SentenceRecord>,
    /// Sources present on one side only.
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
    /// Sources whose glossary fingerprint changed.
    pub glossary_changed: Vec<String>,
    /// Sentence pairs (beads with a translation) only in the old or only in the new set.
    pub pairs_removed: Vec<(String, PairRecord)>,
    pub pairs_added: Vec<(String, PairRecord)>,
}

impl AlignmentDiff {
    /// Whether the two sides are the same (apart from line numbers of moved sentences).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.only_old.is_empty()
            && self.only_new.is_empty()
            && self.glossary_changed.is_empty()
            && self.pairs_removed.is_empty()
            && self.pairs_added.is_empty()
    }
}

/// What one alignment file holds, indexed for pairing with the other side.
#[derive(Default)]
struct Side {
    occ: BTreeMap<Key, Occ>,
    order: Vec<Key>,
    sentences: BTreeMap<String, SentenceRecord>,
    /// Translation checks: key -> (concept, rendering, found).
    translations: BTreeMap<Key, (String, String, String)>,
    pairs: Vec<PairRecord>,
}

fn occurrences(file: &AlignmentFile) -> Side {
    let mut side = Side::default();
    let mut rank: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut xrank: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &file.records {
        match r {
            Record::Sentence(s) => {
                side.sentences.insert(s.id.clone(), s.clone());
            }
            Record::Pair(p) => side.pairs.push(p.clone()),
            Record::Translation(x) => {
                let n = xrank
                    .entry((x.sentence.clone(), x.surface.clone()))
                    .or_insert(0);
                let key = (
                    file.source.clone(),
                    x.sentence.clone(),
                    x.surface.clone(),
                    *n,
                );
                *n += 1;
                side.translations.insert(
                    key,
                    (
                        x.concept.clone(),
                        x.rendering.as_str().to_string(),
                        x.found.clone(),
                    ),
                );
            }
            Record::Term(t) => {
                let TermRecord {
                    sentence, surface, ..
                } = t;
                let n = rank.entry((sentence.clone(), surface.clone())).or_insert(0);
                let key = (file.source.clone(), sentence.clone(), surface.clone(), *n);
                *n += 1;
                side.order.push(key.clone());
                side.occ.insert(
                    key,
                    Occ {
                        source: file.source.clone(),
                        term: t.clone(),
                    },
                );
            }
        }
    }
    side
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
    let sources: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let mut summaries = Summaries::default();
    for source in sources {
        let empty = AlignmentFile {
            source: source.clone(),
            glossary: String::new(),
            target: None,
            records: Vec::new(),
        };
        let (o, n) = (old.get(source), new.get(source));
        match (o, n) {
            (Some(_), None) => d.only_old.push(source.clone()),
            (None, Some(_)) => d.only_new.push(source.clone()),
            (Some(a), Some(b)) if a.glossary != b.glossary => {
                d.glossary_changed.push(source.clone())
            }
            _ => {}
        }
        let old_side = occurrences(o.unwrap_or(&empty));
        let new_side = occurrences(n.unwrap_or(&empty));
        compare_translations(&old_side, &new_side, &mut summaries);
        compare_pairs(source, &old_side, &new_side, &mut d);
        for (id, s) in old_side.sentences.iter().chain(&new_side.sentences) {
            d.sentences.insert((source.clone(), id.clone()), s.clone());
        }
        let changes = compare_terms(&old_side, &new_side, &mut summaries);
        d.changes.extend(by_sentence(changes));
    }
    d.summary = summaries.0.into_values().collect();
    d
}

/// What the translations did, compared occurrence by occurrence (`none` where a side has
/// no check).
fn compare_translations(old: &Side, new: &Side, summaries: &mut Summaries) {
    for (key, (concept, rendering, _)) in &new.translations {
        let was = old.translations.get(key).map_or("none", |x| x.1.as_str());
        if was != rendering {
            *summaries
                .of(concept)
                .translations
                .entry((was.to_string(), rendering.clone()))
                .or_default() += 1;
        }
    }
    for (key, (concept, rendering, _)) in &old.translations {
        if !new.translations.contains_key(key) {
            *summaries
                .of(concept)
                .translations
                .entry((rendering.clone(), "none".to_string()))
                .or_default() += 1;
        }
    }
}

/// Sentence pairs only on one side.
fn compare_pairs(source: &str, old: &Side, new: &Side, d: &mut AlignmentDiff) {
    for p in old.pairs.iter().filter(|p| !new.pairs.contains(p)) {
        d.pairs_removed.push((source.to_string(), p.clone()));
    }
    for p in new.pairs.iter().filter(|p| !old.pairs.contains(p)) {
        d.pairs_added.push((source.to_string(), p.clone()));
    }
}

/// The changed occurrences with the line each stands on: the new side's order, then what
/// only the old side has, so that removals come next to their neighbours.
fn compare_terms(old: &Side, new: &Side, summaries: &mut Summaries) -> Vec<(usize, Change)> {
    let mut changes: Vec<(usize, Change)> = Vec::new();
    for key in &new.order {
        let new_o = &new.occ[key];
        let Some(old_o) = old.occ.get(key) else {
            *summaries
                .of(&new_o.term.concept)
                .added
                .entry(new_o.term.surface.clone())
                .or_default() += 1;
            changes.push((new_o.term.line, Change::Added { new: new_o.clone() }));
            continue;
        };
        let (a, b) = (&old_o.term, &new_o.term);
        if a.concept == b.concept && a.english == b.english && a.tier == b.tier {
            continue;
        }
        let s = summaries.of(&b.concept);
        if a.concept != b.concept {
            *s.concepts
                .entry((a.concept.clone(), b.concept.clone()))
                .or_default() += 1;
        }
        if a.english != b.english {
            *s.renderings
                .entry((a.english.clone(), b.english.clone()))
                .or_default() += 1;
        }
        if a.tier != b.tier {
            *s.tiers
                .entry((a.tier.to_string(), b.tier.to_string()))
                .or_default() += 1;
        }
        changes.push((
            b.line,
            Change::Remapped {
                old: old_o.clone(),
                new: new_o.clone(),
            },
        ));
    }
    for key in old.order.iter().filter(|k| !new.occ.contains_key(*k)) {
        let old_o = &old.occ[key];
        *summaries
            .of(&old_o.term.concept)
            .removed
            .entry(old_o.term.surface.clone())
            .or_default() += 1;
        changes.push((old_o.term.line, Change::Removed { old: old_o.clone() }));
    }
    changes
}

/// Changes grouped by sentence, sentences in order of their first change's line.
fn by_sentence(mut changes: Vec<(usize, Change)>) -> impl Iterator<Item = Change> {
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    for (line, c) in &changes {
        let e = first_line.entry(c.place().1.to_string()).or_insert(*line);
        *e = (*e).min(*line);
    }
    changes.sort_by(|(la, a), (lb, b)| {
        let (sa, sb) = (a.place().1, b.place().1);
        (first_line[sa], sa, la).cmp(&(first_line[sb], sb, lb))
    });
    changes.into_iter().map(|(_, c)| c)
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
mod tests {
    use super::*;

    fn file(terms: &[(&str, &str, &str, &str, &str)]) -> AlignmentFile {
        // (sentence id, concept, surface, english, tier)
        let mut records = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, (sid, concept, surface, english, tier)) in terms.iter().enumerate() {
            if seen.insert(*sid) {
                records.push(Record::Sentence(SentenceRecord {
                    id: sid.to_string(),
                    lang: "de".into(),
                    line: i + 1,
                    column: 1,
                    kind: crate::segment::SegmentKind::Sentence,
                    text: format!("Satz {sid}"),
                }));
            }
            records.push(Record::Term(TermRecord {
                sentence: sid.to_string(),
                lang: "de".into(),
                concept: concept.to_string(),
                surface: surface.to_string(),
                english: english.to_string(),
                tier: crate::terms::Tier::parse(tier).unwrap(),
                line: i + 1,
                column: 5,
                in_footnote: false,
                context: format!("… [[{surface}]] …"),
            }));
        }
        AlignmentFile {
            source: "corpus/a.txt".into(),
            glossary: "fnv1a64:0".into(),
            target: None,
            records,
        }
    }

    #[test]
    fn equal_sets_have_no_changes() {
        let a = file(&[("s1", "kolkhoz", "Kolchosen", "kolkhoz", "inflected")]);
        let one = std::slice::from_ref(&a);
        assert!(diff(one, one).is_empty());
    }

    #[test]
    fn rendering_change_is_a_remap_with_its_count() {
        let old = file(&[
            ("s1", "nachalstvo", "Natschalstwo", "bosses", "exact"),
            ("s2", "nachalstvo", "Natschalstwo", "bosses", "exact"),
        ]);
        let new = file(&[
            ("s1", "nachalstvo", "Natschalstwo", "nachalstvo", "exact"),
            ("s2", "nachalstvo", "Natschalstwo", "nachalstvo", "exact"),
        ]);
        let d = diff(&[old], &[new]);
        assert_eq!(d.changes.len(), 2);
        assert_eq!(
            d.summary[0].lines(),
            ["nachalstvo: 2 occurrences now nachalstvo, were bosses"]
        );
    }

    #[test]
    fn additions_and_removals_list_their_forms() {
        let old = file(&[("s1", "kolkhoz", "Kolchos", "kolkhoz", "exact")]);
        let new = file(&[
            (
                "s2",
                "kolkhoz",
                "Kolchosbauern",
                "kolkhoz peasants",
                "compound",
            ),
            (
                "s3",
                "kolkhoz",
                "Kolchosbauern",
                "kolkhoz peasants",
                "compound",
            ),
            ("s3", "kolkhoz", "Kolchosschulden", "kolkhoz", "compound"),
        ]);
        let d = diff(&[old], &[new]);
        assert_eq!(
            d.summary[0].lines(),
            [
                "kolkhoz: +3 (Kolchosbauern x2, Kolchosschulden)",
                "kolkhoz: -1 (Kolchos)"
            ]
        );
    }

    #[test]
    fn translation_checks_and_pairs_are_compared() {
        use crate::alignment_file::{PairRecord, TranslationRecord};
        let check = |rendering: &str, found: &str| {
            Record::Translation(TranslationRecord {
                sentence: "s1".into(),
                concept: "kolkhoz".into(),
                surface: "Kolchos".into(),
                rendering: crate::terms::english::Rendering::parse(rendering).unwrap(),
                found: found.into(),
                english: "kolkhoz".into(),
            })
        };
        let pair = |target: &str| {
            Record::Pair(PairRecord {
                source: vec!["s1".into()],
                target: vec!["t1".into()],
                score: "0.900".into(),
                review: false,
                lang: "de".into(),
                source_text: "Satz s1".into(),
                target_text: target.into(),
            })
        };
        let mut old = file(&[("s1", "kolkhoz", "Kolchos", "kolkhoz", "exact")]);
        let mut new = old.clone();
        old.records
            .extend([pair("The kolkhoz."), check("expected", "kolkhoz")]);
        new.records.extend([
            pair("The collective farm."),
            check("admitted", "collective farm"),
        ]);
        let d = diff(&[old], &[new]);
        assert!(!d.is_empty());
        assert_eq!(
            d.summary[0].lines(),
            ["kolkhoz: 1 translation now admitted, were expected"]
        );
        assert_eq!((d.pairs_removed.len(), d.pairs_added.len()), (1, 1));
    }

    #[test]
    fn a_moved_sentence_is_no_change() {
        let old = file(&[("s1", "kolkhoz", "Kolchos", "kolkhoz", "exact")]);
        let mut new = old.clone();
        if let Record::Term(t) = &mut new.records[1] {
            t.line += 10;
        }
        assert!(diff(&[old], &[new]).is_empty());
    }
}
