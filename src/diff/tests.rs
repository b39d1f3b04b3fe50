//! Unit tests of the diff: pairing, netting and what counts as a change.

use std::collections::BTreeSet;

use super::*;
use crate::alignment_file::{Record, SentenceRecord};

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
        dictionary: None,
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
    assert_eq!(d.changes().count(), 2);
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
    old.records.insert(0, pair("The kolkhoz."));
    old.records.push(check("expected", "kolkhoz"));
    new.records.insert(0, pair("The collective farm."));
    new.records.push(check("admitted", "collective farm"));
    let d = diff(&[old], &[new]);
    assert!(!d.is_empty());
    assert_eq!(
        d.summary[0].lines(),
        ["kolkhoz: 1 translation now admitted, were expected"]
    );
    // One bead, both versions: not a removal plus an addition.
    assert_eq!(d.hunks.len(), 1);
    let h = &d.hunks[0];
    assert_eq!(
        (
            h.old.as_ref().unwrap().target.as_deref(),
            h.new.as_ref().unwrap().target.as_deref()
        ),
        (Some("The kolkhoz."), Some("The collective farm."))
    );
    assert!(h.terms.is_empty());
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

/// A file without a translation made of sentences `(text, [(concept, surface)])`, the ids
/// derived from the text as glossa does.
fn sentences(items: &[(&str, &[(&str, &str)])]) -> AlignmentFile {
    let mut ids = crate::alignment_file::SentenceIds::default();
    let mut records = Vec::new();
    for (line, (text, terms)) in items.iter().enumerate() {
        let id = ids.next(text);
        records.push(Record::Sentence(SentenceRecord {
            id: id.clone(),
            lang: "de".into(),
            line: line + 1,
            column: 1,
            kind: crate::segment::SegmentKind::Sentence,
            text: text.to_string(),
        }));
        for (concept, surface) in terms.iter() {
            records.push(Record::Term(TermRecord {
                sentence: id.clone(),
                lang: "de".into(),
                concept: concept.to_string(),
                surface: surface.to_string(),
                english: concept.to_string(),
                tier: crate::terms::Tier::Exact,
                line: line + 1,
                column: text.find(surface).unwrap() + 1,
                in_footnote: false,
                context: text.replace(surface, &format!("[[{surface}]]")),
            }));
        }
    }
    AlignmentFile {
        source: "corpus/a.txt".into(),
        glossary: "fnv1a64:0".into(),
        target: None,
        dictionary: None,
        records,
    }
}

#[test]
fn an_edited_sentence_is_one_hunk_and_its_terms_net_out() {
    let old = sentences(&[
        ("Stalin sprach.", &[("stalin", "Stalin")]),
        (
            "Chruschtschow kritisierte später die Kolchosen.",
            &[("khrushchev", "Chruschtschow"), ("kolkhoz", "Kolchosen")],
        ),
        ("Das Ende.", &[]),
    ]);
    let new = sentences(&[
        ("Stalin sprach.", &[("stalin", "Stalin")]),
        (
            "Chruschtschow kritisierte viel später die Kolchosen.",
            &[("khrushchev", "Chruschtschow"), ("kolkhoz", "Kolchosen")],
        ),
        ("Das Ende.", &[]),
    ]);
    let d = diff(&[old], &[new]);
    assert_eq!(d.hunks.len(), 1, "{:#?}", d.hunks);
    let h = &d.hunks[0];
    assert!(h.old.is_some() && h.new.is_some());
    assert!(h.terms.is_empty(), "{:?}", h.terms);
    assert!(d.summary.is_empty(), "{:?}", d.summary);
}

#[test]
fn a_new_form_in_an_edited_sentence_is_its_only_change() {
    let old = sentences(&[("Die Kolchosen blieben.", &[("kolkhoz", "Kolchosen")])]);
    let new = sentences(&[(
        "Die Kolchosen und die Sowchosen blieben.",
        &[("kolkhoz", "Kolchosen"), ("sovkhoz", "Sowchosen")],
    )]);
    let d = diff(&[old], &[new]);
    assert_eq!(d.hunks.len(), 1);
    assert_eq!(d.summary.len(), 1);
    assert_eq!(d.summary[0].lines(), ["sovkhoz: +1 (Sowchosen)"]);
}

#[test]
fn unrelated_sentences_are_a_removal_and_an_addition() {
    let old = sentences(&[
        ("Stalin sprach.", &[("stalin", "Stalin")]),
        ("Die Kolchosen blieben lange.", &[("kolkhoz", "Kolchosen")]),
    ]);
    let new = sentences(&[
        ("Stalin sprach.", &[("stalin", "Stalin")]),
        ("Der Gulag wuchs.", &[("gulag", "Gulag")]),
    ]);
    let d = diff(&[old], &[new]);
    let kinds: Vec<_> = d
        .hunks
        .iter()
        .map(|h| (h.old.is_some(), h.new.is_some()))
        .collect();
    assert_eq!(kinds, [(true, false), (false, true)]);
    let lines: Vec<String> = d.summary.iter().flat_map(|s| s.lines()).collect();
    assert_eq!(lines, ["gulag: +1 (Gulag)", "kolkhoz: -1 (Kolchosen)"]);
}

#[test]
fn sentences_that_only_moved_are_no_change() {
    let a = ("Stalin sprach.", &[("stalin", "Stalin")][..]);
    let b = ("Die Kolchosen blieben.", &[("kolkhoz", "Kolchosen")][..]);
    let c = ("Der Gulag wuchs.", &[("gulag", "Gulag")][..]);
    let old = sentences(&[a, b, c]);
    let new = sentences(&[c, a, b]);
    assert!(diff(&[old], &[new]).is_empty());
}

#[test]
fn a_rewritten_file_pairs_in_linear_windows() {
    // 2,000 sentences, every one edited: each still pairs with its new version.
    let texts: Vec<String> = (0..2000)
        .map(|i| format!("Satz {i} über die Kolchosen im Jahr {}.", 1900 + i))
        .collect();
    let edited: Vec<String> = texts.iter().map(|t| t.replace("über", "zu")).collect();
    let terms: &[(&str, &str)] = &[("kolkhoz", "Kolchosen")];
    let old = sentences(
        &texts
            .iter()
            .map(|t| (t.as_str(), terms))
            .collect::<Vec<_>>(),
    );
    let new = sentences(
        &edited
            .iter()
            .map(|t| (t.as_str(), terms))
            .collect::<Vec<_>>(),
    );
    let d = diff(&[old], &[new]);
    assert_eq!(d.hunks.len(), 2000);
    assert!(d.hunks.iter().all(|h| h.old.is_some() && h.new.is_some()));
    assert!(d.summary.is_empty());
}
