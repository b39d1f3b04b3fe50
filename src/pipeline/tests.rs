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
    assert_eq!(a.languages, [("de".to_string(), 4)]);
    // Words for the source-side checks, placed in the file.
    let w = a.words.iter().find(|w| w.text == "Kein").unwrap();
    assert_eq!((w.line, w.column), (4, 38));
}
