//! Tests of the sentence aligner: each bead type, anchors, the band, determinism.

use super::evidence::Side;
use super::*;

/// Concept keys from a tiny bilingual word list, as a glossary would give them.
struct Lexicon;

impl KeySource for Lexicon {
    fn keys(&self, text: &str, side: Side) -> Vec<String> {
        let pairs: &[(&str, &str, &str)] = &[
            ("kolkhoz", "Kolchos", "kolkhoz"),
            ("kulak", "Kulak", "kulak"),
            ("cheka", "Tscheka", "Cheka"),
            ("moscow", "Moskau", "Moscow"),
        ];
        pairs
            .iter()
            .filter(|(_, de, en)| text.contains(if side == Side::Source { de } else { en }))
            .map(|(id, _, _)| id.to_string())
            .collect()
    }
}

fn units(lines: &[&str]) -> Vec<Unit> {
    lines.iter().map(|l| Unit::new(*l, 0)).collect()
}

fn pairs(beads: &[Bead]) -> Vec<(Vec<usize>, Vec<usize>)> {
    beads
        .iter()
        .map(|b| (b.source.clone(), b.target.clone()))
        .collect()
}

const DE: &[&str] = &[
    "Im Jahr 1929 begann die Kollektivierung der Landwirtschaft in der ganzen Sowjetunion.",
    "Die Bauern wurden gezwungen, ihr Land und ihr Vieh in den Kolchos einzubringen.",
    "Wer sich weigerte, galt als Kulak.",
    "Die Tscheka und ihre Nachfolger verhafteten Hunderttausende.",
    "Viele wurden nach Sibirien oder Kasachstan deportiert, wo sie in Sondersiedlungen lebten.",
    "In Moskau feierte man derweil die Erfolge des Fünfjahrplans.",
    "Die Ernte des Jahres 1932 war schlecht.",
    "Trotzdem wurde Getreide exportiert.",
    "Millionen Menschen verhungerten in der Ukraine und in Kasachstan.",
    "Erst Jahrzehnte später sprach man offen darüber.",
];

const EN: &[&str] = &[
    "In 1929 the collectivisation of agriculture began throughout the Soviet Union.",
    "The peasants were forced to bring their land and their livestock into the kolkhoz.",
    "Whoever refused was considered a kulak.",
    "The Cheka and its successors arrested hundreds of thousands.",
    "Many were deported to Siberia or Kazakhstan, where they lived in special settlements.",
    "Meanwhile in Moscow the successes of the Five-Year Plan were celebrated.",
    "The harvest of 1932 was poor.",
    "Grain was exported nevertheless.",
    "Millions of people starved in Ukraine and in Kazakhstan.",
    "Only decades later did people speak about it openly.",
];

#[test]
fn one_to_one() {
    let beads = align(&units(DE), &units(EN), &Lexicon, &Config::default());
    let expected: Vec<(Vec<usize>, Vec<usize>)> = (0..10).map(|i| (vec![i], vec![i])).collect();
    assert_eq!(pairs(&beads), expected);
    assert!(beads.iter().all(|b| b.score > 0.0 && b.score <= 1.0));
}

#[test]
fn merge_split_omission_and_addition() {
    let mut en: Vec<&str> = EN.to_vec();
    // 2-1: sentences 7 and 8 merged.
    en[6] = "The harvest of 1932 was poor, yet grain was exported nevertheless.";
    en.remove(7);
    // 1-2: sentence 1 split (after the removal, indices of the first part are unchanged).
    en[1] = "The peasants were forced to bring in their land.";
    en.insert(2, "Their livestock, too, went into the kolkhoz.");
    // 1-0: sentence 9 omitted (last source sentence but one).
    en.retain(|s| !s.starts_with("Millions"));
    // 0-1: an added explanatory sentence, before the one about the settlements.
    en.insert(
        5,
        "Special settlements were villages under the control of the secret police.",
    );
    let beads = align(&units(DE), &units(&en), &Lexicon, &Config::default());
    let got = pairs(&beads);
    assert!(got.contains(&(vec![1], vec![1, 2])), "1-2 in {got:?}");
    assert!(got.contains(&(vec![6, 7], vec![8])), "2-1 in {got:?}");
    assert!(got.contains(&(vec![8], vec![])), "1-0 in {got:?}");
    assert!(got.contains(&(vec![], vec![5])), "0-1 in {got:?}");
    let omitted = beads.iter().find(|b| b.source == vec![8]).unwrap();
    assert!(omitted.review, "an omission is marked for review");
}

#[test]
fn anchors_chain_without_crossing() {
    let chain = anchor_chain(&[(0, 0), (1, 5), (2, 2), (3, 3), (3, 1), (5, 4), (6, 7)]);
    assert_eq!(chain, vec![(0, 0), (2, 2), (3, 3), (5, 4), (6, 7)]);
    assert!(anchor_chain(&[]).is_empty());
}

#[test]
fn paragraphs_are_read_from_blank_lines() {
    let u = presegmented("Eins.\nZwei.\n\n\nDrei.\n");
    assert_eq!(u.iter().map(|x| x.paragraph).collect::<Vec<_>>(), [0, 0, 1]);
}

#[test]
fn long_texts_stay_in_the_band_and_align_right() {
    // 2,000 sentences per side with one omission in the middle: the band around the
    // anchors (the unique numbers) must still find every bead.
    let src: Vec<Unit> = (0..2000)
        .map(|i| {
            Unit::new(
                format!(
                    "Der Bericht Nummer {} kam aus {}.",
                    1000 + i,
                    ["Moskau", "Kiew", "Minsk"][i % 3]
                ),
                0,
            )
        })
        .collect();
    let tgt: Vec<Unit> = (0..2000)
        .filter(|&i| i != 1000)
        .map(|i| {
            Unit::new(
                format!(
                    "Report number {} came from {}.",
                    1000 + i,
                    ["Moscow", "Kiev", "Minsk"][i % 3]
                ),
                0,
            )
        })
        .collect();
    let beads = align(&src, &tgt, &Lexicon, &Config::default());
    assert_eq!(beads.len(), 2000);
    assert!(beads.contains(&Bead {
        source: vec![1000],
        target: vec![],
        score: 0.0,
        review: true,
        coverage: None,
    }));
    assert!(
        beads
            .iter()
            .filter(|b| b.source.len() == 1 && b.target.len() == 1)
            .all(|b| b.target[0] + usize::from(b.source[0] > 1000) == b.source[0])
    );
}

#[test]
fn alignment_is_deterministic_and_works_without_lexicon() {
    let a = align(
        &units(DE),
        &units(EN),
        &evidence::NoKeys,
        &Config::default(),
    );
    let b = align(
        &units(DE),
        &units(EN),
        &evidence::NoKeys,
        &Config::default(),
    );
    assert_eq!(a, b);
    assert_eq!(
        a.len(),
        10,
        "length and shared tokens alone align these: {:?}",
        pairs(&a)
    );
}

#[test]
fn empty_sides() {
    let beads = align(&units(DE[..2].as_ref()), &[], &Lexicon, &Config::default());
    assert_eq!(pairs(&beads), vec![(vec![0], vec![]), (vec![1], vec![])]);
}

#[test]
fn editing_one_sentence_moves_only_its_own_beads_score() {
    let before = align(&units(DE), &units(EN), &Lexicon, &Config::default());
    // A word added to one source sentence, as a translator's fix would: the document's
    // length ratio moves, which must not move the scores of the other beads.
    let mut edited = DE.to_vec();
    edited[3] = "Die Tscheka und alle ihre Nachfolger verhafteten viele Hunderttausende.";
    let after = align(&units(&edited), &units(EN), &Lexicon, &Config::default());
    assert_eq!(pairs(&before), pairs(&after));
    let changed: Vec<usize> = before
        .iter()
        .zip(&after)
        .enumerate()
        .filter(|(_, (a, b))| a.score != b.score)
        .map(|(k, _)| k)
        .collect();
    assert_eq!(changed, vec![3], "{before:?}\n{after:?}");
}
