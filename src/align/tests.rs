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
    // Neither the omitted sentence nor the one after it has any evidence here (no key,
    // no number, no name), but their lengths differ by a quarter: the path that drops 9
    // instead costs more than the review margin, and the null bead is not marked.
    let omitted = beads.iter().find(|b| b.source == vec![8]).unwrap();
    assert!(!omitted.review && omitted.score == 0.0, "{beads:?}");
}

#[test]
fn an_omission_among_sentences_alike_is_marked_for_review() {
    // Two neighbours of the same length and no evidence of their own: which of them went
    // untranslated is a toss-up, and the null bead says so, whichever it is.
    let mut de: Vec<&str> = DE.to_vec();
    de.insert(7, "Auch das wurde nie gesagt.");
    de.insert(8, "Auch dies wurde kaum gesagt.");
    let mut en: Vec<&str> = EN.to_vec();
    en.insert(7, "That too was never said.");
    let beads = align(&units(&de), &units(&en), &Lexicon, &Config::default());
    let null: Vec<&Bead> = beads.iter().filter(|b| b.target.is_empty()).collect();
    assert_eq!(null.len(), 1, "{beads:?}");
    assert!([7, 8].contains(&null[0].source[0]), "{beads:?}");
    assert!(null[0].review, "{beads:?}");
    // The sure pairs around them are not marked.
    assert!(beads.iter().filter(|b| b.review).count() <= 2, "{beads:?}");
}

#[test]
fn an_omission_between_sure_pairs_is_not_marked_for_review() {
    // Sentence 1 (kolkhoz) dropped: its neighbours are held by a year and by kulak.
    let mut en: Vec<&str> = EN.to_vec();
    en.remove(1);
    let beads = align(&units(DE), &units(&en), &Lexicon, &Config::default());
    let got = pairs(&beads);
    assert!(got.contains(&(vec![1], vec![])), "1-0 in {got:?}");
    let omitted = beads.iter().find(|b| b.source == vec![1]).unwrap();
    assert!(!omitted.review && omitted.score == 0.0, "{beads:?}");
}

#[test]
fn beads_another_path_could_as_well_take_are_marked_for_review() {
    let sure = align(&units(DE), &units(EN), &Lexicon, &Config::default());
    assert!(sure.iter().all(|b| !b.review), "{sure:?}");
    // The same sentences in another order: no pair is better than its neighbours.
    let mut shuffled: Vec<&str> = EN.to_vec();
    shuffled.reverse();
    let doubtful = align(
        &units(DE),
        &units(&shuffled),
        &evidence::NoKeys,
        &Config::default(),
    );
    let marked = doubtful.iter().filter(|b| b.review).count();
    assert!(marked >= 3, "{doubtful:?}");
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
    // The omitted sentence's number, 2000, is nowhere in the translation: its key
    // agreement is 0.
    assert!(beads.iter().any(|b| b.source == [1000]
        && b.target.is_empty()
        && b.score == 0.0
        && !b.review
        && b.coverage.is_none()
        && b.keys == Some(0.0)));
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

#[test]
fn an_anchor_its_neighbours_disagree_with_is_dropped() {
    // (30, 38) lies eight sentences off the diagonal its neighbours trace.
    let chain = [(10, 10), (20, 20), (30, 38), (40, 40), (50, 50)];
    assert_eq!(
        verify_chain(&chain, 100, 100),
        vec![(10, 10), (20, 20), (40, 40), (50, 50)]
    );
    // A lone anchor is checked against the alignment's start and end.
    assert!(verify_chain(&[(500, 900)], 1000, 1000).is_empty());
    assert_eq!(verify_chain(&[(500, 480)], 1000, 960), vec![(500, 480)]);
    // Anchors that follow an omission agree with each other, not with the diagonal.
    let shifted = [(100, 100), (200, 140), (210, 150), (220, 160), (230, 170)];
    assert_eq!(verify_chain(&shifted, 300, 240), shifted[1..].to_vec());
    assert!(verify_chain(&[], 10, 10).is_empty());
    assert!(verify_chain(&[(1, 1)], 0, 10).is_empty());
}

#[test]
fn without_anchors_the_band_grows_where_an_omitted_passage_needs_it() {
    // 2,000 sentences of few distinct words (nothing occurs once per text, so no
    // anchor), with 60 target sentences omitted in the middle: the narrow band around
    // the diagonal must widen there, and only there, to find the omission.
    // Each sentence names one of 13 people (each named some 150 times: no anchor) and
    // varies in length.
    let people = [
        "Anna", "Boris", "Clara", "Dmitri", "Elena", "Fjodor", "Galina", "Igor", "Jakob", "Katja",
        "Lew", "Mira", "Nikolai",
    ];
    let hash = |i: usize| (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
    let words = |i: usize, w: &str| {
        let h = hash(i) as usize;
        format!(
            "{} {}.",
            people[h % 13],
            vec![w; 2 + (h / 13) % 17].join(" ")
        )
    };
    let src: Vec<Unit> = (0..2000).map(|i| Unit::new(words(i, "Wort"), 0)).collect();
    let tgt: Vec<Unit> = (0..2000)
        .filter(|i| !(1000..1060).contains(i))
        .map(|i| Unit::new(words(i, "word"), 0))
        .collect();
    let beads = align(&src, &tgt, &evidence::NoKeys, &Config::default());
    // The length model alone cannot place the omission sentence-exactly, but the path
    // must find it where it is, not spread over the text along a straight band.
    let nulls: Vec<&Bead> = beads
        .iter()
        .filter(|b| b.source.is_empty() || b.target.is_empty())
        .collect();
    assert!(
        nulls
            .iter()
            .all(|b| b.source.iter().all(|&i| (900..1160).contains(&i))),
        "{:?}",
        pairs(&beads)
    );
    let outside: Vec<&Bead> = beads
        .iter()
        .filter(|b| b.source.iter().all(|&i| !(900..1160).contains(&i)))
        .collect();
    assert_eq!(outside.len(), 1740);
    assert!(outside.iter().all(|b| b.source.len() == 1
        && b.target.len() == 1
        && b.target[0] + if b.source[0] >= 1060 { 60 } else { 0 } == b.source[0]));
    assert_eq!(
        beads,
        align(&src, &tgt, &evidence::NoKeys, &Config::default())
    );
}

#[test]
fn one_wrong_anchor_does_not_pull_the_path_away() {
    // Anchors every 50 sentences (a name found once per text) and one wrong one: a
    // name in source sentence 1025 and in target sentence 1048. The chain holds it
    // (it crosses no other anchor): the verification drops it, and were it kept, the
    // band would widen where the path meets its edge.
    let people = [
        "Anna", "Boris", "Clara", "Dmitri", "Elena", "Fjodor", "Galina",
    ];
    let hash = |i: usize| ((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize;
    let text = |i: usize, w: &str, wrong: bool| {
        let h = hash(i);
        let mut t = format!("{} {}", people[h % 7], vec![w; 2 + (h / 7) % 17].join(" "));
        if i.is_multiple_of(50) {
            let k = (i / 50) as u8;
            t += &format!(
                " Kow{}{}ski",
                (b'a' + k / 10) as char,
                (b'a' + k % 10) as char
            );
        }
        if wrong {
            t += " Zebrowski";
        }
        t + "."
    };
    let src: Vec<Unit> = (0..2000)
        .map(|i| Unit::new(text(i, "Wort", i == 1025), 0))
        .collect();
    let tgt: Vec<Unit> = (0..2000)
        .map(|i| Unit::new(text(i, "word", i == 1048), 0))
        .collect();
    let beads = align(&src, &tgt, &evidence::NoKeys, &Config::default());
    let wrong: Vec<(Vec<usize>, Vec<usize>)> = pairs(&beads)
        .into_iter()
        .filter(|(s, t)| s.len() != 1 || s != t)
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn acronyms_names_with_digits_colons_and_cognate_prefixes_are_shared_keys() {
    use super::evidence::{extract, overlap};
    let src = units(&[
        "Die KPD schickte den Passwort-Boten mit der Il2 los: sofort.",
        "Ein Satz ohne Gemeinsames.",
    ]);
    let tgt = units(&[
        "The KPD sent the password courier with the Il2: at once.",
        "A sentence with nothing shared.",
    ]);
    let (es, et) = extract(&src, &tgt, &evidence::NoKeys);
    // KPD (acronym), Il2 (name with digits), the colon: plain keys.
    let (shared, missing) = overlap(&es[..1], &et[..1], false);
    assert_eq!(es[0].keys.len(), 3, "{:?}", es[0].keys);
    assert!(shared > 3.0 && missing == 0.0, "{shared} {missing}");
    // Passwort / password begin alike: a cognate key, for the path only.
    assert_eq!(es[0].cognates.len(), 1);
    let (with, _) = overlap(&es[..1], &et[..1], true);
    assert!(with > shared);
    assert_eq!(overlap(&es[1..2], &et[1..2], true), (0.0, 0.0));
}

#[test]
fn a_sentence_merged_without_evidence_of_its_own_pays_as_a_pair_out_of_step() {
    use super::evidence::{dictionary_match, extract};
    let src = units(&[
        "Im Jahr 1931 kam Molotow nach Charkow.",
        "Dort sprach Kaganowitsch vor dem ZK über den Plan.",
    ]);
    let tgt = units(&[
        "In 1931 Molotov came to Kharkov.",
        "Kaganowitsch spoke there to the ZK about the plan.",
    ]);
    let (es, et) = extract(&src, &tgt, &evidence::NoKeys);
    // Each sentence finds its own evidence across its own pair…
    assert_eq!(dictionary_match(&es[..1], &et[..1]).unmatched, 0.0);
    assert_eq!(dictionary_match(&es[1..2], &et[1..2]).unmatched, 0.0);
    // …the second merged into the first pair finds none of its names: the full shortfall.
    assert_eq!(dictionary_match(&es[..2], &et[..1]).unmatched, 1.0);
    // Merged with its own translation, each finds its evidence.
    assert_eq!(dictionary_match(&es[..2], &et[..2]).unmatched, 0.0);
}

/// A German–English word list for the omission tests, as a dictionary file gives it.
fn famine_dictionary() -> Dictionary {
    let tsv = "getreide\tgrain\nkolchose\tkolkhoz\ndorf\tvillage\nbrigade\tbrigade\n\
               herbst\tautumn\nhaus\thouse\nsuchen\tsearch\nverstecken\thidden\n\
               winter\twinter\nhunger\tfamine\nfamilie\tfamily\nfrühjahr\tspring\n\
               kein\tno\nbezahlen\tpay\nbezahlt\tpaid\nlager\tstore\nbauer\tpeasant\n";
    Dictionary::parse_tsv("famine.tsv", tsv, "de", "en").unwrap()
}

const FAMINE_DE: &[&str] = &[
    "Im Herbst 1932 kamen die Brigaden in das Dorf.",
    "Sie suchten in jedem Haus nach verstecktem Getreide.",
    "Das Getreide lag im Lager.",
    "Kein Bauer wurde für das Getreide bezahlt.",
    "Im Winter begann der Hunger.",
    "Viele Familien verließen das Dorf im Frühjahr.",
    "Die Brigaden kehrten im Sommer zurück.",
    "Die Häuser standen leer.",
];

const FAMINE_EN: &[&str] = &[
    "In the autumn of 1932 the brigades came to the village.",
    "They searched every house for hidden grain.",
    "The grain lay in the store of the station for weeks on end.",
    // The translation leaves out the sentence on the peasants' pay.
    "In winter the famine began.",
    "Many families left the village in spring.",
    "The brigades returned in summer.",
    "The houses stood empty.",
];

#[test]
fn a_merged_sentence_is_measured_by_its_own_evidence_not_its_neighbours() {
    use super::evidence::{WithDictionary, dictionary_match, extract};
    let dictionary = famine_dictionary();
    let keys = WithDictionary {
        keys: &evidence::NoKeys,
        dictionary: &dictionary,
    };
    let (es, et) = extract(&units(FAMINE_DE), &units(FAMINE_EN), &keys);
    // `Kein Bauer … Getreide bezahlt`: its one match, `Getreide`/`grain`, is the sentence
    // before it's too; `kein`, `Bauer` and `bezahlt` find nothing. Merged with that
    // sentence it has no evidence of its own: the full shortfall, and it is bare.
    let m = dictionary_match(&es[2..4], &et[2..3]);
    assert_eq!(m.unmatched, 1.0, "{m:?}");
    assert_eq!(m.bare, Some((0, 1)));
    // The sentence before it alone finds its words.
    let alone = dictionary_match(&es[2..3], &et[2..3]);
    assert!(alone.unmatched == 0.0 && alone.matched > 0.0, "{alone:?}");
    // A true merge: each of the two finds a word of its own.
    let m = dictionary_match(&es[4..6], &et[3..5]);
    assert_eq!(m.bare, None, "{m:?}");
}

#[test]
fn a_sentence_that_brings_nothing_of_its_own_into_a_merge_is_an_omission() {
    let dictionary = famine_dictionary();
    let keys = WithDictionary {
        keys: &evidence::NoKeys,
        dictionary: &dictionary,
    };
    let beads = align(
        &units(FAMINE_DE),
        &units(FAMINE_EN),
        &keys,
        &Config::default(),
    );
    let got = pairs(&beads);
    assert!(got.contains(&(vec![3], vec![])), "1-0 in {got:?}");
    assert!(got.contains(&(vec![2], vec![2])), "1-1 in {got:?}");
    assert_eq!(got.len(), 8, "{got:?}");
}

#[test]
fn a_token_in_many_sentences_keeps_part_of_its_weight() {
    use super::evidence::extract;
    // `GID` in four sentences of twelve: more than `rare` (three), less than half.
    let mut src: Vec<String> = (0..12).map(|k| format!("Satz Nummer {k}.")).collect();
    let mut tgt: Vec<String> = (0..12).map(|k| format!("Sentence number {k}.")).collect();
    for k in 0..4 {
        src[k] = format!("Keine GID frei, Satz {k}.");
        tgt[k] = format!("No GID free, sentence {k}.");
    }
    // `UID` in the other eight: in half the sentences or more, it weighs nothing.
    for k in 4..12 {
        src[k] = format!("Keine UID frei, Satz {k}.");
        tgt[k] = format!("No UID free, sentence {k}.");
    }
    let s: Vec<&str> = src.iter().map(String::as_str).collect();
    let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let (es, _) = extract(&units(&s), &units(&t), &evidence::NoKeys);
    let weight = |k: usize| es[k].keys.iter().map(|x| x.1).sum::<f64>();
    // Sentence 0 holds the GID key at part of its weight (1.5 in full); sentence 4 no
    // UID key at all.
    assert!(weight(0) > 0.5 && weight(0) < 1.5, "{:?}", es[0].keys);
    assert_eq!(weight(4), 0.0, "{:?}", es[4].keys);
}

#[test]
fn the_local_length_ratio_follows_each_part_of_a_document() {
    // 100 source sentences of 50 characters; the first 50 translated at 30, the rest at
    // 70: each part's ratio, drawn a little towards the document's (1.0).
    let len_s = vec![50.0; 100];
    let len_t: Vec<f64> = (0..100).map(|i| if i < 50 { 30.0 } else { 70.0 }).collect();
    let pairs: Vec<(usize, usize)> = (0..100).map(|i| (i, i)).collect();
    let local = dp::local_ratios(&len_s, &len_t, &pairs, 1.0);
    assert_eq!(local.len(), 101);
    // After the start and before the end: each part's own.
    assert!((local[0].1 - 0.6).abs() < 0.06, "{local:?}");
    assert!((local[100].0 - 1.4).abs() < 0.06, "{local:?}");
    // At the seam, the part before and the part after, each its own.
    assert!((local[50].0 - 0.6).abs() < 0.06, "{local:?}");
    assert!((local[50].1 - 1.4).abs() < 0.06, "{local:?}");
    // No pairs: the document's ratio.
    let none = dp::local_ratios(&len_s, &len_t, &[], 1.0);
    assert!(none.iter().all(|&r| r == (1.0, 1.0)));
}

#[test]
fn a_condensed_part_and_an_expanded_part_align_one_to_one() {
    // A report whose first half the translator condensed and whose second half they
    // expanded: with one length ratio for the whole, the condensed sentences look too
    // short for one source sentence each and the expanded ones too long; with the local
    // ratio every bead is 1-1.
    let de: Vec<String> = (0..80)
        .map(|i| {
            let place = ["Tula", "Orjol", "Kursk", "Tambow"][i % 4];
            format!(
                "Der Bericht aus {place} sprach von Sorgen im Jahr {}.",
                1900 + i
            )
        })
        .collect();
    let en: Vec<String> = (0..80)
        .map(|i| {
            let place = ["Tula", "Oryol", "Kursk", "Tambov"][i % 4];
            if i < 40 {
                format!("{place}: worries, {}.", 1900 + i)
            } else {
                format!(
                    "The report from {place} spoke at great length of the many worries and troubles of the year {}.",
                    1900 + i
                )
            }
        })
        .collect();
    let (de, en): (Vec<&str>, Vec<&str>) = (
        de.iter().map(String::as_str).collect(),
        en.iter().map(String::as_str).collect(),
    );
    let beads = align(
        &units(&de),
        &units(&en),
        &evidence::NoKeys,
        &Config::default(),
    );
    let got = pairs(&beads);
    let expected: Vec<(Vec<usize>, Vec<usize>)> = (0..80).map(|i| (vec![i], vec![i])).collect();
    assert_eq!(got, expected);
}

#[test]
fn a_long_sentence_split_in_two_stays_one_bead_though_one_half_brings_no_words_of_its_own() {
    // Issue 16, item 1: the translation splits a long sentence in two and words its
    // second half freely (`Bauern`, `Getreide`, `Häuser` where the source has none of
    // them). That half finds no evidence of its own, yet the lengths say merge: the first
    // half alone is far too short for the source sentence. A null bead is the last resort.
    let dictionary = famine_dictionary();
    let keys = WithDictionary {
        keys: &evidence::NoKeys,
        dictionary: &dictionary,
    };
    let mut src: Vec<&str> = FAMINE_DE[..2].to_vec();
    src.push(
        "Im Winter begann der Hunger, und wer noch gehen konnte, zog mit den Kindern in \
         langen Zügen in die Städte, um dort um Brot zu betteln.",
    );
    src.extend_from_slice(&FAMINE_DE[5..]);
    let mut tgt: Vec<&str> = FAMINE_EN[..2].to_vec();
    tgt.push("In winter the famine began.");
    tgt.push("Peasants with no grain left their houses to beg for bread in the towns.");
    tgt.extend_from_slice(&FAMINE_EN[4..]);
    let got = pairs(&align(
        &units(&src),
        &units(&tgt),
        &keys,
        &Config::default(),
    ));
    assert!(got.contains(&(vec![2], vec![2, 3])), "1-2 in {got:?}");
    assert_eq!(got.len(), 6, "{got:?}");
}
