use super::*;
use proptest::prelude::*;

fn sample() -> AlignmentFile {
    let mut ids = SentenceIds::default();
    let sid = ids.next("Die Kolchosbauern litten.");
    AlignmentFile {
        source: "corpus/de-kolchosen.txt".into(),
        glossary: fingerprint(b"[concept.kolkhoz]"),
        target: Some(("en".into(), "corpus/de-kolchosen.en.txt".into())),
        dictionary: None,
        records: vec![
            Record::Pair(PairRecord {
                source: vec![sid.clone()],
                target: vec!["0a1b2c3d4e5f".into(), "abcdef012345".into()],
                score: "0.917".into(),
                review: false,
                lang: "de".into(),
                source_text: "Die Kolchosbauern litten.".into(),
                target_text: "The kolkhoz peasants suffered. They \\ said\tso.".into(),
            }),
            Record::Pair(PairRecord {
                source: vec![],
                target: vec!["ffff00001111".into()],
                score: "0.000".into(),
                review: true,
                lang: "de".into(),
                source_text: String::new(),
                target_text: "An added sentence.".into(),
            }),
            Record::Sentence(SentenceRecord {
                id: sid.clone(),
                lang: "de".into(),
                line: 4,
                column: 1,
                kind: SegmentKind::Sentence,
                text: "Die Kolchosbauern litten.".into(),
            }),
            Record::Term(TermRecord {
                sentence: sid,
                lang: "de".into(),
                concept: "kolkhoz".into(),
                surface: "Kolchosbauern".into(),
                english: "kolkhoz peasants".into(),
                tier: Tier::Compound,
                line: 4,
                column: 5,
                in_footnote: false,
                context: "Die [[Kolchosbauern]] litten.\tmit Tab\\".into(),
            }),
            Record::Translation(TranslationRecord {
                sentence: "x".into(),
                concept: "kolkhoz".into(),
                surface: "Kolchosbauern".into(),
                rendering: Rendering::Expected,
                found: "kolkhoz peasants".into(),
                english: "kolkhoz peasant".into(),
            }),
        ],
    }
}

#[test]
fn write_parse_write_is_the_identity() {
    let f = sample();
    let text = f.render();
    let back = AlignmentFile::parse("a.tsv", &text).unwrap();
    assert_eq!(back, f);
    assert_eq!(back.render(), text);
    assert!(text.ends_with('\n') && !text.contains('\r'));
}

#[test]
fn ids_depend_on_content_not_position() {
    let mut a = SentenceIds::default();
    let mut b = SentenceIds::default();
    let x = a.next("Erster Satz.");
    b.next("Ein ganz anderer Satz davor.");
    assert_eq!(b.next("Erster Satz."), x);
    assert_eq!(a.next("Erster Satz."), format!("{x}-2"));
}

#[test]
fn parse_errors_name_the_line() {
    let text = sample().render().replace("\tcompound\t", "\tcompound\tx\t");
    let err = AlignmentFile::parse("a.tsv", &text)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("a.tsv:8:1:"), "{err}");
    let err = AlignmentFile::parse("b.tsv", "hello\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a glossa alignment file"), "{err}");
}

#[test]
fn unknown_values_and_truncated_files_are_refused() {
    let text = sample().render();
    for (from, to, message) in [
        ("\tcompound\t", "\tcompund\t", "expected exact, inflected"),
        ("\tbody\t", "\tbodies\t", "expected body or footnote"),
        ("\tsentence\t", "\tsatz\t", "expected sentence, heading"),
        ("\texpected\t", "\tfine\t", "expected expected, admitted"),
        ("\t0.917\t", "\thigh\t", "expected a score"),
    ] {
        let bad = text.replacen(from, to, 1);
        let err = AlignmentFile::parse("a.align", &bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains(message), "{from}: {err}");
        assert!(err.starts_with("a.align:"), "{err}");
    }
    // Cut inside the last record: its line, not a shorter record.
    let cut = &text[..text.len() - 5];
    let err = AlignmentFile::parse("a.align", cut)
        .unwrap_err()
        .to_string();
    let last = text.lines().count();
    assert!(err.starts_with(&format!("a.align:{last}:1:")), "{err}");
    assert!(err.contains("truncated"), "{err}");
}

#[test]
fn atomic_write_leaves_the_file_whole() {
    let dir = std::env::temp_dir().join(format!("glossa-af-{}", std::process::id()));
    let path = dir.join("x.align");
    sample().write_atomic(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), sample().render());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
}

proptest! {
    #[test]
    fn any_field_round_trips(text in "\\PC*", ctx in ".*") {
        let mut f = sample();
        if let Record::Term(t) = &mut f.records[3] {
            t.context = format!("{ctx}\t\n\\{text}");
            t.surface = text.clone();
        }
        let back = AlignmentFile::parse("p", &f.render()).unwrap();
        prop_assert_eq!(back, f);
    }

    #[test]
    fn unescape_reads_what_a_character_at_a_time_reads(field in "([a-zäß\\\\tnrx€]|\\\\.)*") {
        prop_assert_eq!(unescape(&field), unescape_reference(&field));
    }
}

/// Unescaping as it was written first, a character at a time.
fn unescape_reference(field: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            _ => return None,
        }
    }
    Some(out)
}

#[test]
fn records_with_too_many_fields_are_refused() {
    let header = sample().render();
    let header: String = header
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let line = "T\ta\tb\tc\td\te\tf\tg\th\ti\tj\tk\n";
    let err = AlignmentFile::parse("p", &format!("{header}{line}")).unwrap_err();
    assert!(
        err.to_string().contains("found 12 field(s) starting `T`"),
        "{err}"
    );
    assert!(AlignmentFile::validate("p", &format!("{header}{line}")).is_err());
}

/// The example of docs/alignment-format.md is a file glossa reads and writes back as it is,
/// and the document describes the version glossa writes.
#[test]
fn docs_example_parses() {
    let doc = include_str!("../../docs/alignment-format.md");
    let title = doc.lines().next().unwrap();
    assert_eq!(
        title,
        format!("# The alignment file format (version {FORMAT_VERSION})")
    );
    assert!(doc.contains(&format!("alignment format {FORMAT_VERSION})")));
    let start = doc.find("```align\n").expect("an ```align block") + "```align\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc[start..end];
    let file = AlignmentFile::parse("docs/alignment-format.md", example).unwrap();
    assert_eq!(file.render(), example);
    for letter in ["P", "S", "T", "X"] {
        assert!(
            example
                .lines()
                .any(|l| l.starts_with(&format!("{letter}\t"))),
            "the example shows a {letter} record"
        );
    }
}

/// A file of many records (more than one chunk of the parallel renderer and parser): the
/// text is the same as record by record, it parses back, and `validate` reports the first
/// bad line in file order, as `parse` does.
#[test]
fn big_files_render_and_parse_in_chunks() {
    let mut f = sample();
    let one = f.records.clone();
    for i in 0..3 * RENDER_CHUNK {
        let mut r = one[i % one.len()].clone();
        if let Record::Sentence(s) = &mut r {
            s.text = format!("Satz {i}\tmit Tab \\ und\nZeile.");
        }
        f.records.push(r);
    }
    let text = f.render();
    let mut by_record = String::new();
    for r in &f.records {
        render_record(&mut by_record, r);
    }
    // The header and the records rendered in pieces, as the pipeline renders them.
    assert_eq!(text, format!("{}{by_record}", f.render_header()));
    assert_eq!(AlignmentFile::parse("big", &text).unwrap(), f);
    AlignmentFile::validate("big", &text).unwrap();

    // Two bad lines in different chunks: both report the first.
    let lines: Vec<&str> = text.lines().collect();
    let mut bad: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let first = 2 * RENDER_CHUNK + 7;
    bad[first] = bad[first].replacen('\t', "\tx\t", 1);
    bad[first + PARSE_CHUNK] = "Q\tnonsense".into();
    let bad = bad.join("\n") + "\n";
    let parsed = AlignmentFile::parse("big", &bad).unwrap_err().to_string();
    let validated = AlignmentFile::validate("big", &bad)
        .unwrap_err()
        .to_string();
    assert!(
        parsed.starts_with(&format!("big:{}:1:", first + 1)),
        "{parsed}"
    );
    assert_eq!(validated, parsed);
    // A bad header and a cut-off file are refused by both as well.
    for broken in [
        &text[..text.len() - 3],
        &text.replacen("# source", "# sauce", 1),
    ] {
        assert_eq!(
            AlignmentFile::validate("big", broken)
                .unwrap_err()
                .to_string(),
            AlignmentFile::parse("big", broken).unwrap_err().to_string()
        );
    }
}
