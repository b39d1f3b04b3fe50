//! The readers, one table of cases per producer style, written for these tests (the
//! structure of each producer's files reconstructed from the XLIFF 1.2, XLIFF 2 and TMX
//! specifications); and broken files.

use super::*;
use crate::error::Error;

fn read(name: &str, xml: &str) -> Bilingual {
    let doc = Document::from_bytes(name, xml.as_bytes()).unwrap();
    parse(&doc).unwrap_or_else(|e| panic!("{e}"))
}

fn broken(name: &str, xml: &str) -> String {
    let doc = Document::from_bytes(name, xml.as_bytes()).unwrap();
    match parse(&doc) {
        Err(e @ Error::Syntax { .. }) => e.to_string(),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// Where `needle` (in the segment's text) stands in the file, as line:column, checking
/// that the file has the word there.
fn place(xml: &str, text: &Text, needle: &str) -> (usize, usize) {
    let doc = Document::from_bytes("t", xml.as_bytes()).unwrap();
    let i = text
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in {:?}", text.text));
    let at = text.doc_offset(i);
    let word: String = needle.chars().take_while(|c| c.is_alphabetic()).collect();
    assert!(
        doc.text()[at..].starts_with(&word),
        "`{word}` is not at {at}: {:?}",
        &doc.text()[at..(at + 30).min(doc.text().len())]
    );
    doc.line_col(at)
}

fn texts(b: &Bilingual) -> Vec<(&str, &str, Option<&str>)> {
    b.segments
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.source.text.as_str(),
                s.target.as_ref().map(|t| t.text.as_str()),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// XLIFF 1.2, OmegaT style: plain trans-units, <g>/<x/> codes, file-level languages.

const OMEGAT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="kolchos.txt" source-language="de-DE" target-language="en-GB" datatype="plaintext">
    <header><tool tool-id="omegat" tool-name="OmegaT"/></header>
    <body>
      <trans-unit id="0">
        <source>Die <g id="1">Kolchosen</g> &amp; die MTS-Stationen.</source>
        <target>The <g id="1">kolkhozes</g> &amp; the MTS.</target>
        <note>Kolchos im Glossar prüfen</note>
      </trans-unit>
      <trans-unit id="1">
        <source>Vor&#xE4;rbeit<x id="2"/> im Kolchos&#160;Nr. 5.</source>
        <target/>
      </trans-unit>
      <trans-unit id="2" translate="no">
        <source>Kolchos</source>
        <target>Kolchos</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;

#[test]
fn omegat_units_markup_and_entities() {
    let b = read("omegat.xlf", OMEGAT);
    assert_eq!(b.format, Format::Xliff1);
    assert_eq!(
        texts(&b),
        [
            (
                "0",
                "Die Kolchosen & die MTS-Stationen.",
                Some("The kolkhozes & the MTS.")
            ),
            ("1", "Vorärbeit im Kolchos\u{a0}Nr. 5.", None),
        ]
    );
    let s = &b.segments[0];
    assert_eq!(s.unit, None);
    assert_eq!(s.source_lang.as_deref(), Some("de-DE"));
    assert_eq!(s.target_lang.as_deref(), Some("en-GB"));
    // After <g id="1">: the column counts the markup.
    assert_eq!(place(OMEGAT, &s.source, "Kolchosen"), (7, 31));
    // After an entity: `die` stands after `&amp; `.
    assert_eq!(place(OMEGAT, &s.source, "die MTS"), (7, 51));
    assert_eq!(
        place(OMEGAT, s.target.as_ref().unwrap(), "kolkhozes"),
        (8, 31)
    );
    // After a character reference and an <x/>.
    assert_eq!(place(OMEGAT, &b.segments[1].source, "Kolchos"), (12, 46));
}

// ---------------------------------------------------------------------------------------
// XLIFF 1.2, Trados Studio style (sdlxliff): GUID unit ids, <seg-source> and <target> cut
// into <mrk mtype="seg">, sdl: elements everywhere, proposals in <alt-trans>, a revision
// tracked in the target (the deleted words are not text).

const TRADOS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="C:\Projekte\kolchos.docx" datatype="x-sdlfilterframework2" source-language="de-DE" target-language="en-US">
<header><sdl:ref-files><sdl:ref-file uid="0" name="kolchos.docx"/></sdl:ref-files></header>
<body>
<group><sdl:cxts><sdl:cxt id="1"/></sdl:cxts>
<trans-unit id="7f3c9a10-52be-4d0e-9a51-1c0e2b6f4d21">
<source><g id="5">Die Tscheka verhaftete ihn.</g> Der Kolchos zerfiel.</source>
<seg-source><g id="5"><mrk mtype="seg" mid="3">Die Tscheka verhaftete ihn.</mrk></g> <mrk mtype="seg" mid="4">Der <x id="6"/>Kolchos zerfiel.</mrk></seg-source>
<target><g id="5"><mrk mtype="seg" mid="3">The <mrk mtype="x-sdl-deleted" sdl:revid="r1">Extraordinary Commission</mrk><mrk mtype="x-sdl-added" sdl:revid="r2">Cheka</mrk> arrested him.</mrk></g> <mrk mtype="seg" mid="4"/></target>
<alt-trans><source>Die Tscheka</source><target>The Cheka</target></alt-trans>
<sdl:seg-defs><sdl:seg id="3" conf="Translated" percent="0"/><sdl:seg id="4" conf="Draft"><sdl:value key="x">Kolchos</sdl:value></sdl:seg></sdl:seg-defs>
</trans-unit>
</group>
</body>
</file>
</xliff>"#;

#[test]
fn trados_segments_pair_by_mid() {
    let b = read("kolchos.docx.sdlxliff", TRADOS);
    assert_eq!(
        texts(&b),
        [
            (
                "3",
                "Die Tscheka verhaftete ihn.",
                Some("The Cheka arrested him.")
            ),
            ("4", "Der Kolchos zerfiel.", None),
        ]
    );
    assert_eq!(
        b.segments[0].unit.as_deref(),
        Some("7f3c9a10-52be-4d0e-9a51-1c0e2b6f4d21")
    );
    assert_eq!(
        b.segments[1].label(),
        "segment 4 of unit 7f3c9a10-52be-4d0e-9a51-1c0e2b6f4d21"
    );
    // Positions in <seg-source>, not in the unsegmented <source>.
    assert_eq!(place(TRADOS, &b.segments[0].source, "Tscheka"), (9, 52));
    assert_eq!(place(TRADOS, &b.segments[1].source, "Kolchos"), (9, 126));
}

// ---------------------------------------------------------------------------------------
// XLIFF 1.2, memoQ style (mqxliff): mq: attributes and elements, native codes in
// <bpt>/<ept>/<ph>/<it> with escaped markup inside, xml:lang on source and target.

const MEMOQ: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">
  <file original="kolchos.rtf" datatype="rtf" source-language="de" target-language="en">
    <body>
      <trans-unit id="1" mq:status="Confirmed" mq:percent="101">
        <source xml:space="preserve">Die <bpt id="1">&lt;b&gt;</bpt>Kolchos<ept id="1">&lt;/b&gt;</ept>-Bauern<ph id="2">{\footnote Kolchos}</ph> hungerten<it id="3" pos="open">&lt;i&gt;</it>.</source>
        <target xml:space="preserve" xml:lang="en-GB">The <bpt id="1">&lt;b&gt;</bpt>collective farm<ept id="1">&lt;/b&gt;</ept> peasants starved.</target>
        <mq:historical-unit><source>Kolchos</source><target>kolkhoz</target></mq:historical-unit>
      </trans-unit>
      <trans-unit id="2" mq:status="NotStarted"><source>Der <mrk mtype="protected">Sowchos</mrk>.</source><target></target></trans-unit>
    </body>
  </file>
</xliff>"#;

#[test]
fn memoq_codes_are_not_text() {
    let b = read("kolchos.mqxliff", MEMOQ);
    assert_eq!(
        texts(&b),
        [
            (
                "1",
                "Die Kolchos-Bauern hungerten.",
                Some("The collective farm peasants starved.")
            ),
            ("2", "Der Sowchos.", None),
        ]
    );
    let s = &b.segments[0];
    assert_eq!(s.target_lang.as_deref(), Some("en-GB"));
    assert_eq!(s.source_lang.as_deref(), Some("de"));
    assert_eq!(place(MEMOQ, &s.source, "Kolchos"), (6, 69));
    assert_eq!(place(MEMOQ, &s.source, "Bauern"), (6, 105));
    assert_eq!(place(MEMOQ, &b.segments[1].source, "Sowchos"), (10, 84));
}

// ---------------------------------------------------------------------------------------
// XLIFF 1.2, Okapi style: mids restart in every unit, a CDATA section, groups, a group
// not to translate, a unit whose <seg-source> has segments but whose target is whole.

const OKAPI: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:okp="okapi-framework:xliff-extensions">
<file original="gulag.html" source-language="nl" target-language="en" datatype="html">
<body>
<group id="g1" resname="p">
<trans-unit id="tu1" okp:engine="x">
<source xml:lang="nl">De goelag. De <![CDATA[kolchozen <zijn>]]> leeg.</source>
<seg-source><mrk mid="0" mtype="seg">De goelag.</mrk> <mrk mid="1" mtype="seg">De <![CDATA[kolchozen <zijn>]]> leeg.</mrk></seg-source>
<target xml:lang="en"><mrk mid="0" mtype="seg">The Gulag.</mrk> <mrk mid="1" mtype="seg">The kolkhozes are empty.</mrk></target>
</trans-unit>
<trans-unit id="tu2">
<source>De goelag.</source>
<seg-source><mrk mid="0" mtype="seg">De goelag.</mrk></seg-source>
<target>The camps.</target>
</trans-unit>
</group>
<group id="g2" translate="no"><trans-unit id="tu3"><source>De tsjeka.</source></trans-unit></group>
</body>
</file>
</xliff>"#;

#[test]
fn okapi_segments_cdata_and_groups() {
    let b = read("gulag.html.xlf", OKAPI);
    assert_eq!(
        texts(&b),
        [
            ("0", "De goelag.", Some("The Gulag.")),
            (
                "1",
                "De kolchozen <zijn> leeg.",
                Some("The kolkhozes are empty.")
            ),
            // A segmented source with a whole target: the unit is one segment.
            ("tu2", "De goelag.", Some("The camps.")),
        ]
    );
    assert_eq!(b.segments[1].unit.as_deref(), Some("tu1"));
    assert_eq!(b.segments[2].unit, None);
    assert_eq!(b.segments[0].source_lang.as_deref(), Some("nl"));
    assert_eq!(place(OKAPI, &b.segments[1].source, "kolchozen"), (8, 92));
}

// ---------------------------------------------------------------------------------------
// XLIFF 2.0: languages on <xliff>, several segments per unit (with and without ids),
// <ignorable>, <pc>, <sc/>/<ec/>, <ph/>, <cp/>, <mrk>, <originalData>, a matches module.

const XLIFF2: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="de" trgLang="en">
 <file id="f1">
  <notes><note>Kolchos</note></notes>
  <unit id="u1">
   <mtc:matches><mtc:match ref="#s1"><source>Kolchos</source><target>collective farm</target></mtc:match></mtc:matches>
   <originalData><data id="d1">&lt;b&gt;</data></originalData>
   <segment id="s1">
    <source>Der <pc id="1" dataRefStart="d1">Kolchos</pc> und<ph id="2"/> die <mrk id="m1" type="term">Tscheka</mrk>.</source>
    <target>The <pc id="1">kolkhoz</pc> and the <mrk id="m1" type="term">Cheka</mrk>.</target>
   </segment>
   <ignorable><source> </source></ignorable>
   <segment>
    <source>Die <sc id="3"/>Sowchose<ec startRef="3"/><cp hex="0003"/> brannte.</source>
    <target xml:lang="en-US">The sovkhoz burned.</target>
   </segment>
  </unit>
  <group id="g" translate="no"><unit id="u2"><segment><source>Kolchos</source></segment></unit></group>
 </file>
</xliff>"##;

#[test]
fn xliff2_segments_and_inline_codes() {
    let b = read("doc.xlf", XLIFF2);
    assert_eq!(b.format, Format::Xliff2);
    assert_eq!(
        texts(&b),
        [
            (
                "s1",
                "Der Kolchos und die Tscheka.",
                Some("The kolkhoz and the Cheka.")
            ),
            ("2", "Die Sowchose brannte.", Some("The sovkhoz burned.")),
        ]
    );
    assert_eq!(b.segments[0].label(), "segment s1 of unit u1");
    assert_eq!(b.segments[0].source_lang.as_deref(), Some("de"));
    assert_eq!(b.segments[1].target_lang.as_deref(), Some("en-US"));
    assert_eq!(place(XLIFF2, &b.segments[0].source, "Kolchos"), (9, 46));
    assert_eq!(place(XLIFF2, &b.segments[0].source, "Tscheka"), (9, 104));
    assert_eq!(place(XLIFF2, &b.segments[1].source, "Sowchose"), (14, 29));
}

#[test]
fn xliff_21_and_22_namespaces() {
    let v21 = XLIFF2.replace("version=\"2.0\"", "version=\"2.1\"");
    assert_eq!(read("a.xlf", &v21).segments.len(), 2);
    let v22 = XLIFF2
        .replace("document:2.0", "document:2.2")
        .replace("version=\"2.0\"", "version=\"2.2\"");
    assert_eq!(read("a.xlf", &v22).format, Format::Xliff2);
}

// ---------------------------------------------------------------------------------------
// TMX 1.4b: header srclang, tuid or none, CRLF line ends, <hi>, <ut>, a note and props,
// a third language, `*all*`, and TMX 1.1's `lang`.

const TMX: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\
<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\r\n\
<tmx version=\"1.4\">\r\n\
<header creationtool=\"OmegaT\" creationtoolversion=\"6\" segtype=\"sentence\" o-tmf=\"OmegaT TMX\" adminlang=\"EN-US\" srclang=\"DE-DE\" datatype=\"plaintext\"/>\r\n\
<body>\r\n\
<tu tuid=\"k-17\"><prop type=\"file\">a.txt</prop>\r\n\
<tuv xml:lang=\"en-GB\"><seg>The <hi type=\"b\">kolkhoz</hi>.</seg></tuv>\r\n\
<tuv xml:lang=\"de-DE\"><note>Kolchos</note><seg>Der <hi type=\"b\">Kolchos</hi><ut>{\\b}</ut>.</seg></tuv>\r\n\
<tuv xml:lang=\"fr-FR\"><seg>Le kolkhoze.</seg></tuv>\r\n\
</tu>\r\n\
<tu srclang=\"*all*\"><tuv lang=\"NL\"><seg>De kolchoz.</seg></tuv><tuv lang=\"EN\"><seg>The kolkhoz.</seg></tuv></tu>\r\n\
<tu><tuv xml:lang=\"de-DE\"><seg>Nur Kolchos.</seg></tuv></tu>\r\n\
</body>\r\n\
</tmx>\r\n";

#[test]
fn tmx_variants_chosen_by_language() {
    let b = read("memory.tmx", TMX);
    assert_eq!(b.format, Format::Tmx);
    assert_eq!(
        texts(&b),
        [
            ("k-17", "Der Kolchos.", Some("The kolkhoz.")),
            ("2", "De kolchoz.", Some("The kolkhoz.")),
            ("3", "Nur Kolchos.", None),
        ]
    );
    assert_eq!(b.segments[0].source_lang.as_deref(), Some("de-DE"));
    assert_eq!(b.segments[0].target_lang.as_deref(), Some("en-GB"));
    assert_eq!(b.segments[1].source_lang.as_deref(), Some("NL"));
    // CRLF counts as one line end.
    assert_eq!(place(TMX, &b.segments[0].source, "Kolchos"), (8, 65));
    assert_eq!(place(TMX, &b.segments[2].source, "Kolchos"), (12, 36));
}

// ---------------------------------------------------------------------------------------
// Broken files: an error at line:column, never a panic.

#[test]
fn broken_files_are_errors_with_a_place() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "cut off inside a unit",
            "<xliff version=\"1.2\">\n<file>\n<body>\n<trans-unit id=\"1\"><source>Kolchos</source>",
            "a.xlf:4:44: the file ends inside <trans-unit> (opened at 4:1): it is cut off",
        ),
        (
            "cut off inside a tag",
            "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><sour",
            "a.xlf:2:20: not well-formed XML",
        ),
        (
            "mismatched end tag",
            "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>K</target></trans-unit>",
            "a.xlf:2:29: not well-formed XML: ill-formed document: expected `</source>`",
        ),
        (
            "unknown entity",
            "<!DOCTYPE xliff [<!ENTITY k \"Kolchos\">]>\n<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>Der &k;</source></trans-unit></body></file></xliff>",
            "a.xlf:2:65: unknown entity `&k;`",
        ),
        (
            "a bare ampersand",
            "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\">\n<source>A & B</source></trans-unit></body></file></xliff>",
            "a.xlf:2:11: not well-formed XML: `&` that starts no entity",
        ),
        (
            "not XLIFF",
            "<?xml version=\"1.0\"?>\n<html><body/></html>",
            "a.xlf:2:1: not an XLIFF or TMX file: the root element is <html>",
        ),
        ("empty", "", "a.xlf:1:1: no root element"),
        (
            "unknown version",
            "<xliff version=\"3.0\"/>",
            "a.xlf:1:1: XLIFF version `3.0` is not one glossa reads",
        ),
        (
            "content after the root",
            "<tmx version=\"1.4\"><body/></tmx>\n<tmx/>",
            "a.xlf:2:1: not well-formed XML: content after the root element",
        ),
        (
            "an attribute without quotes",
            "<xliff version=\"1.2\"><file><body>\n<trans-unit id=1><source>K</source></trans-unit></body></file></xliff>",
            "a.xlf:2:1: not well-formed XML",
        ),
    ];
    for (what, xml, expected) in cases {
        let message = broken("a.xlf", xml);
        assert!(
            message.starts_with(expected),
            "{what}: {message:?} does not start with {expected:?}"
        );
    }
}

#[test]
fn a_target_whose_state_says_untranslated_is_none() {
    // OmegaT and others copy the source into the target of an untranslated segment.
    let v1 = r#"<xliff version="1.2"><file source-language="de" target-language="en"><body>
<trans-unit id="1"><source>Der Kolchos.</source><target state="new">Der Kolchos.</target></trans-unit>
<trans-unit id="2"><source>Der Kolchos.</source><target state="needs-translation">Der Kolchos.</target></trans-unit>
<trans-unit id="3"><source>Der Kolchos.</source><target state="needs-review-translation">The kolkhoz.</target></trans-unit>
</body></file></xliff>"#;
    let v2 = r#"<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f"><unit id="u">
<segment id="1" state="initial"><source>Der Kolchos.</source><target>Der Kolchos.</target></segment>
<segment id="2" state="translated"><source>Der Kolchos.</source><target>The kolkhoz.</target></segment>
</unit></file></xliff>"#;
    let targets = |b: Bilingual| -> Vec<Option<String>> {
        b.segments
            .into_iter()
            .map(|s| s.target.map(|t| t.text))
            .collect()
    };
    assert_eq!(
        targets(read("a.xlf", v1)),
        [None, None, Some("The kolkhoz.".to_string())]
    );
    assert_eq!(
        targets(read("b.xlf", v2)),
        [None, Some("The kolkhoz.".to_string())]
    );
}

#[test]
fn utf16_files_are_read_and_placed() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<tmx version=\"1.4\"><header srclang=\"de\"/><body>\r\n<tu><tuv xml:lang=\"de\"><seg>Über den Kolchos.</seg></tuv><tuv xml:lang=\"en\"><seg>On the kolkhoz.</seg></tuv></tu></body></tmx>\r\n";
    let mut raw = vec![0xFF, 0xFE];
    for u in xml.encode_utf16() {
        raw.extend_from_slice(&u.to_le_bytes());
    }
    let doc = Document::from_bytes("u16.tmx", &raw).unwrap();
    let b = parse(&doc).unwrap();
    let s = &b.segments[0];
    assert_eq!(s.source.text, "Über den Kolchos.");
    let at = s.source.doc_offset(s.source.text.find("Kolchos").unwrap());
    assert_eq!(doc.line_col(at), (3, 38));
}

#[test]
fn any_prefix_of_a_file_is_read_or_refused_without_panic() {
    for xml in [OMEGAT, TRADOS, MEMOQ, OKAPI, XLIFF2, TMX] {
        for (i, _) in xml.char_indices() {
            let doc = Document::from_bytes("cut.xlf", &xml.as_bytes()[..i]).unwrap();
            let _ = parse(&doc);
        }
    }
}

proptest::proptest! {
    /// Damage anywhere in a file (a run of bytes replaced by markup-like characters) gives
    /// segments or an error, never a panic; deep nesting is refused, not a stack overflow.
    #[test]
    fn damaged_files_never_panic(
        which in 0usize..6,
        at in 0.0f64..1.0,
        len in 0usize..40,
        junk in "[<>/&;#!\\[\\]\"'a-z0-9 =\\-:]{0,40}",
    ) {
        let xml = [OMEGAT, TRADOS, MEMOQ, OKAPI, XLIFF2, TMX][which];
        let mut start = (at * xml.len() as f64) as usize;
        while !xml.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(xml.len());
        while !xml.is_char_boundary(end) {
            end -= 1;
        }
        let damaged = format!("{}{junk}{}", &xml[..start], &xml[end..]);
        let doc = Document::from_bytes("d.xlf", damaged.as_bytes()).unwrap();
        let _ = parse(&doc);
    }
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!(
        "<xliff version=\"1.2\">{}{}</xliff>",
        "<group>".repeat(100_000),
        "</group>".repeat(100_000)
    );
    assert!(broken("deep.xlf", &deep).contains("nested more than"));
    let tmx = format!(
        "<tmx version=\"1.4\">{}{}</tmx>",
        "<body>".repeat(100_000),
        "</body>".repeat(100_000)
    );
    let doc = Document::from_bytes("deep.tmx", tmx.as_bytes()).unwrap();
    assert!(parse(&doc).unwrap().segments.is_empty());
}

#[test]
fn bilingual_paths_by_extension() {
    for (path, yes) in [
        ("a.xlf", true),
        ("a.XLIFF", true),
        ("a.docx.sdlxliff", true),
        ("a.mqxliff", true),
        ("tm.tmx", true),
        ("a.txt", false),
        ("xlf", false),
    ] {
        assert_eq!(is_bilingual(Path::new(path)), yes, "{path}");
    }
}
