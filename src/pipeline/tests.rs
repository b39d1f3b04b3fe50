use super::*;
use crate::segment::LangChoice;
use crate::terms::english::Rendering;

const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }]

[concept.nachalstvo]
english = "nachalstvo"
category = "term"
compound = "both"
de = [{ form = "Natschalstwo" }]
"#;

fn aligner() -> Aligner {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    Aligner::new(
        &g,
        Options {
            lang: LangChoice::Fixed(Lang::De),
        },
    )
    .unwrap()
}

#[test]
fn a_split_term_is_found_at_its_first_letter() {
    let raw = "Titel\n\nDort herrschte das Ministerialnat-\nschalstwo über die Kolchosen.\n";
    let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
    let a = aligner().align(&doc, "t.txt");
    let occ: Vec<(&str, &str, usize, usize)> = a
        .occurrences
        .iter()
        .map(|o| {
            (
                o.term.surface.as_str(),
                o.term.concept.as_str(),
                o.term.line,
                o.term.column,
            )
        })
        .collect();
    assert_eq!(
        occ,
        [
            ("Ministerialnatschalstwo", "nachalstvo", 3, 20),
            ("Kolchosen", "kolkhoz", 4, 20)
        ]
    );
    assert_eq!(
        &raw[a.occurrences[0].start..a.occurrences[0].start + 4],
        "Mini"
    );
    assert!(a.occurrences[1].term.context.contains("[[Kolchosen]]"));
}

#[test]
fn a_term_split_around_a_footnote_block_is_found_at_its_first_letter() {
    let filler = "Die Genossenschaften des Dorfes arbeiteten seit dem Frühjahr gemeinsam auf den";
    let raw = format!(
        "{filler}\nFeldern.12 Die Bauern gingen damals, wie es hieß, freiwillig in die Kol-\n\n12 Vgl. Meier, S. 3.\n chosen des Bezirks.\n"
    );
    let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
    let a = aligner().align(&doc, "t.txt");
    let o = a
        .occurrences
        .iter()
        .find(|o| o.term.surface == "Kolchosen")
        .expect("the split term");
    assert_eq!((o.term.line, o.term.column), (2, 69));
    assert!(!o.term.in_footnote);
    assert_eq!(&raw[o.start..o.start + 3], "Kol");
}

#[test]
fn terms_in_footnotes_are_marked() {
    let raw = "Die Bauern gingen in die Kolchosen.1 Dann kam der Winter.\n\n1 Vgl. Meier, Das Natschalstwo, S. 3.\n";
    let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
    let a = aligner().align(&doc, "t.txt");
    let foot: Vec<bool> = a.occurrences.iter().map(|o| o.term.in_footnote).collect();
    assert_eq!(foot, [false, true]);
}

#[test]
fn output_is_deterministic_and_parses_back() {
    let raw = "Die Kolchosen wuchsen. Die Kolchosen wuchsen.\n";
    let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
    let a = aligner();
    let one = a.align(&doc, "t.txt").file.render();
    assert_eq!(one, a.align(&doc, "t.txt").file.render());
    let parsed = AlignmentFile::parse("t.align", &one).unwrap();
    assert_eq!(parsed.render(), one);
    assert!(
        one.contains("-2\t"),
        "a repeated sentence gets a numbered id: {one}"
    );
}

#[test]
fn a_bilingual_file_is_judged_segment_by_segment() {
    let g = Glossary::parse(
        "g.toml",
        r#"
[concept.kolkhoz]
english = "kolkhoz"
alternatives = ["collective farm"]
forbidden = ["kolchos"]
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }]
"#,
    )
    .unwrap();
    let xml = "<tmx version=\"1.4\"><header srclang=\"de\"/><body>\n\
<tu tuid=\"a\"><tuv xml:lang=\"de\"><seg>Der Kolchos.</seg></tuv><tuv xml:lang=\"en\"><seg>The kolkhoz.</seg></tuv></tu>\n\
<tu tuid=\"b\"><tuv xml:lang=\"de\"><seg>Die &lt;Kolchosen&gt;.</seg></tuv><tuv xml:lang=\"en\"><seg>The collective farms.</seg></tuv></tu>\n\
<tu tuid=\"c\"><tuv xml:lang=\"de\"><seg>Kein Kolchos.</seg></tuv><tuv xml:lang=\"en\"><seg>No kolchos.</seg></tuv></tu>\n\
<tu tuid=\"d\"><tuv xml:lang=\"de\"><seg>Ein Kolchos.</seg></tuv></tu>\n\
</body></tmx>\n";
    let doc = Document::from_bytes("m.tmx", xml.as_bytes()).unwrap();
    let file = crate::bilingual::parse(&doc).unwrap();
    let a = Aligner::new(&g, Options::default())
        .unwrap()
        .with_words()
        .align_bilingual(&doc, &file);
    let got: Vec<(&str, &str, Rendering, usize, usize)> = a
        .translations
        .iter()
        .map(|t| {
            let o = &a.occurrences[t.occurrence];
            (
                o.segment.as_ref().unwrap().segment.as_str(),
                o.term.surface.as_str(),
                t.record.rendering,
                o.term.line,
                o.term.column,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("a", "Kolchos", Rendering::Expected, 2, 42),
            ("b", "Kolchosen", Rendering::Admitted, 3, 46),
            ("c", "Kolchos", Rendering::Forbidden, 4, 43),
            ("d", "Kolchos", Rendering::Missing, 5, 42),
        ]
    );
    // Raw offsets point at the term in the file.
    let o = &a.occurrences[1];
    assert_eq!(&xml[o.start..o.end], "Kolchosen");
    assert_eq!(a.translations[2].found_at, Some((4, 90)));
    assert_eq!(a.sentences, 4);
    let beads: Vec<(Vec<usize>, Vec<usize>, bool)> = a
        .beads
        .iter()
        .map(|b| (b.source.clone(), b.target.clone(), b.review))
        .collect();
    assert_eq!(
        beads,
        [
            (vec![1], vec![1], false),
            (vec![2], vec![2], false),
            (vec![3], vec![3], false),
            (vec![4], vec![], true)
        ]
    );
    assert_eq!(a.languages, [("de".to_string(), 4)]);
    // Words for the source-side checks, placed in the file.
    let w = a.words.iter().find(|w| w.text == "Kein").unwrap();
    assert_eq!((w.line, w.column), (4, 38));
}

/// A document and its translation for the edit property: two sentences per raw line, so
/// that an edit moves the positions of later terms on its line.
const EDIT_SOURCE: &[&str] = &[
    "Im Jahre 1929 kam der Kolchos in das Dorf.",
    "Das Natschalstwo des Rayons befahl den Eintritt.",
    "Wer sich weigerte, verlor 1930 sein Haus in Tambow.",
    "Die Bauern schlachteten ihr Vieh, bevor der Kolchos es nahm.",
    "Im Winter 1932 fehlte in Poltawa das Brot.",
    "Die Kolchosbauern arbeiteten für Tagewerke statt Lohn.",
    "Das Natschalstwo aß, während das Dorf hungerte.",
    "Erst 1956 sprach Chruschtschow von den Opfern.",
];

const EDIT_TARGET: &[&str] = &[
    "In 1929 the kolkhoz came to the village.",
    "The district nachalstvo ordered everyone to join.",
    "Whoever refused lost his house in Tambov in 1930.",
    "The peasants slaughtered their livestock before the kolkhoz could take it.",
    "In the winter of 1932 there was no bread in Poltava.",
    "The kolkhoz farmers worked for labour days instead of wages.",
    "The nachalstvo ate while the village starved.",
    "Only in 1956 did Khrushchev speak of the victims.",
];

/// Two sentences per line, a blank line after every second line.
fn edit_text(sentences: &[String]) -> String {
    let mut out = String::new();
    for (k, pair) in sentences.chunks(2).enumerate() {
        out.push_str(&pair.join(" "));
        out.push('\n');
        if k % 2 == 1 {
            out.push('\n');
        }
    }
    out
}

fn render_with_translation(source: &[String]) -> String {
    let target: Vec<String> = EDIT_TARGET.iter().map(|s| s.to_string()).collect();
    let doc = Document::from_bytes("s.txt", edit_text(source).as_bytes()).unwrap();
    let tdoc = Document::from_bytes("t.txt", edit_text(&target).as_bytes()).unwrap();
    let t = Translation {
        doc: &tdoc,
        name: "t.txt",
        lang: "en",
    };
    aligner().align_translation(&doc, "s.txt", &t).file.render()
}

/// The id of the sentence with this text (each sentence of the test text is unique), and
/// a check that the file has it.
fn sentence_id(file: &str, text: &str) -> String {
    let id = SentenceIds::default().next(text);
    assert!(file.contains(&id), "no sentence {id} ({text:?}) in\n{file}");
    id
}

/// Lines of `a` not in `b`, as multisets.
fn only_in<'a>(a: &'a str, b: &str) -> Vec<&'a str> {
    let mut rest: Vec<&str> = b.lines().collect();
    a.lines()
        .filter(|l| match rest.iter().position(|r| r == l) {
            Some(k) => {
                rest.swap_remove(k);
                false
            }
            None => true,
        })
        .collect()
}

/// An `S` or `T` record without its `line:col` field.
fn without_position(line: &str) -> Option<String> {
    let mut f: Vec<&str> = line.split('\t').collect();
    let at = match f[0] {
        "S" => 3,
        "T" => 7,
        _ => return None,
    };
    (f.len() > at).then(|| {
        f.remove(at);
        f.join("\t")
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// A single-sentence edit of a document with a translation changes only that
    /// sentence's records (its pair, sentence, terms and translation statuses) and the
    /// positions of later terms on the same raw line.
    #[test]
    fn a_one_sentence_edit_changes_only_that_sentences_records(
        k in 0..EDIT_SOURCE.len(),
        at in 1usize..6,
        word in proptest::sample::select(vec!["damals", "ganz", "sehr", "wieder", "offenbar", "1931", "Kolchose"]),
    ) {
        let before: Vec<String> = EDIT_SOURCE.iter().map(|s| s.to_string()).collect();
        let mut after = before.clone();
        let mut words: Vec<&str> = before[k].split(' ').collect();
        let at = at.min(words.len() - 1);
        words.insert(at, word);
        after[k] = words.join(" ");
        let (old, new) = (render_with_translation(&before), render_with_translation(&after));
        let (old_id, new_id) = (sentence_id(&old, &before[k]), sentence_id(&new, &after[k]));
        let removed = only_in(&old, &new);
        let added = only_in(&new, &old);
        // Later sentences and terms on the edited line may move; nothing else of another sentence may.
        let line = k / 2 + 1 + k / 4; // two sentences a line, a blank line every two lines
        let on_line = |l: &str| l.split('\t').any(|f| f.starts_with(&format!("{line}:")));
        let moved = |l: &str, other: &[&str]| {
            on_line(l)
                && without_position(l)
                    .is_some_and(|p| other.iter().any(|o| without_position(o) == Some(p.clone())))
        };
        for l in &removed {
            proptest::prop_assert!(l.contains(&old_id) || moved(l, &added), "removed {l:?}\n{old}\n{new}");
        }
        for l in &added {
            proptest::prop_assert!(l.contains(&new_id) || moved(l, &removed), "added {l:?}\n{old}\n{new}");
        }
        proptest::prop_assert!(!added.is_empty());
    }
}

/// Issue 20: one long line costs what the same text in short lines costs. Counted, not
/// timed: the matcher reads each sentence once (no rescans of the paragraph per sentence),
/// and every term's column, far into the line, is its character count from the line start.
#[test]
fn a_long_single_line_is_read_once_and_placed_exactly() {
    let sentence = |i: usize| {
        format!(
            "Im Jahr 19{:02} meldete die Kolchose Nr. {i} dem Rayon, dass das Natschalstwo \
             über {} Tonnen Getreide verfügte. ",
            20 + i % 20,
            i * 7 % 1000
        )
    };
    let raw: String = (0..3000).map(sentence).collect();
    let doc = Document::from_bytes("lang.txt", raw.as_bytes()).unwrap();
    let mut timings = Timings::default();
    let a = aligner().align_timed(&doc, "lang.txt", &mut timings);
    assert!(
        timings.matched_bytes <= raw.len(),
        "the matcher read {} bytes of a {}-byte text",
        timings.matched_bytes,
        raw.len()
    );
    assert_eq!(a.sentences, 3000);
    assert_eq!(a.occurrences.len(), 6000);
    for o in &a.occurrences {
        let column = raw[..o.start].chars().count() + 1;
        assert_eq!(
            (o.term.line, o.term.column),
            (1, column),
            "{}",
            o.term.surface
        );
    }
}

/// Keeping only the records, only the occurrences or only the text gives the same records,
/// the same occurrences, the same text and the same count as keeping both, on a document
/// of more sentences than a batch of the parallel record maker, with repeats, a split word
/// and footnotes.
#[test]
fn keeping_one_side_gives_the_same_as_keeping_both() {
    let mut raw = String::new();
    for i in 0..3 * MATCH_BATCH / 2 {
        raw.push_str(&format!(
            "Satz {i}: Die Kolchosen wuchsen, das Natschal-\nstwo entschied.{n}\n\n",
            n = i % 7
        ));
        if i % 50 == 0 {
            raw.push_str("Die Kolchosen wuchsen.\n\nOhne Begriff hier.\n\n");
        }
    }
    raw.push_str("1 Vgl. Meier, Die Kolchosen, S. 3.\n");
    let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
    let both = aligner().align(&doc, "t.txt");
    let records = aligner().keeping(Keep::Records).align(&doc, "t.txt");
    let occurrences = aligner().keeping(Keep::Occurrences).align(&doc, "t.txt");
    let mut text = aligner().keeping(Keep::Text).align(&doc, "t.txt");
    assert!(both.occurrences.len() > 2 * MATCH_BATCH);
    assert!(text.file.records.is_empty() && text.occurrences.is_empty());
    assert_eq!(text.terms(), both.occurrences.len());
    assert_eq!(text.take_text(), both.file.render());
    assert_eq!(text.text, None);
    assert_eq!(text.terms(), both.occurrences.len());
    assert_eq!(records.clone().take_text(), both.file.render());
    assert_eq!(records.file, both.file);
    assert!(records.occurrences.is_empty());
    assert_eq!(occurrences.occurrences, both.occurrences);
    assert!(occurrences.file.records.is_empty());
    for a in [&records, &occurrences] {
        assert_eq!(a.terms(), both.occurrences.len());
    }
    assert_eq!(both.terms(), both.occurrences.len());
}

/// Sentences per language code, `unknown` among them, in code order, none counted zero.
#[test]
fn languages_are_counted_per_code_in_code_order() {
    let seg = |lang| {
        let segment = Segment {
            kind: crate::segment::SegmentKind::Sentence,
            text: "Satz.".into(),
            span: crate::span::Span::new(0, 5),
            line: 1,
            column: 1,
            block: 0,
            footnote: None,
            lang: Lang::De,
            in_block: (0, 5),
        };
        (segment, lang)
    };
    let segments = [
        seg(Some(Lang::Nl)),
        seg(None),
        seg(Some(Lang::De)),
        seg(Some(Lang::Nl)),
        seg(Some(Lang::En)),
    ];
    let want = |pairs: &[(&str, usize)]| -> Vec<(String, usize)> {
        pairs.iter().map(|(c, n)| (c.to_string(), *n)).collect()
    };
    assert_eq!(
        language_counts(&segments),
        want(&[("de", 1), ("en", 1), ("nl", 2), ("unknown", 1)])
    );
    assert_eq!(language_counts(&segments[..1]), want(&[("nl", 1)]));
    assert_eq!(language_counts(&[]), want(&[]));
}
