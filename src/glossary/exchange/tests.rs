//! Round trips through every format, and the readers on files glossa did not write: TBX
//! v2, broken or hostile XML, a plain OmegaT glossary.

use super::*;
use crate::glossary::Status;

const FULL: &str = r#"# Header.

ignore = [
    "Genosse",
]

[concept.kolkhoz]
english = "kolkhoz"
alternatives = ["collective farm"]
forbidden = ["kolchos"]
category = "term"
definition = "a Soviet collective farm; \"kolkhoz\", not \"kolchos\""
note = "from the corpus, see p. 3"
inflect = "stem"
compound = "modifier"
de = [
    { form = "Kolchos" },
    { form = "Kolchose", status = "deprecated", note = "an OCR; misreading=bad" },
    { form = "Kolchosbauer", status = "admitted", english = "kolkhoz peasant", compound = "none", endings = ["n", "ern"] },
]
nl = [
    { form = "kolchoz", status = "proposed" },
]
en = [
    { form = "kolkhoz", inflect = "none" },
]

[concept.nkvd]
english = "NKVD"
category = "organisation"
inflect = "none"
de = [
    { form = "NKWD" },
]

[concept.1917]
english = "October Revolution"
category = "term"
definition = "the seizure of power in Petrograd"
definitions = { de = "der Umsturz vom 7. November 1917", fr = "la prise du pouvoir; \"Octobre\"", uk = "переворот" }
de = [
    { form = "Oktoberrevolution", definition = "so in der DDR-Literatur" },
]
fr = [
    { form = "révolution d'Octobre" },
    { form = "Octobre rouge", status = "proposed", definition = "journalistique", note = "rare" },
]
pt-BR = [
    { form = "Revolução de Outubro", status = "deprecated" },
]
ru = [
    { form = "Октябрьская революция" },
]
"#;

fn round_trip(format: Format) {
    let g = Glossary::parse("g.toml", FULL).unwrap();
    let once = import("x", &export(&g, format), format).unwrap();
    let twice = import("x", &export(&once, format), format).unwrap();
    let strip = |g: &Glossary| {
        let mut g = g.clone();
        g.header.clear();
        g.path.clear();
        for c in &mut g.concepts {
            c.location = None;
            for f in &mut c.forms {
                f.location = None;
            }
            for f in &mut c.other_forms {
                f.location = None;
            }
        }
        g.to_toml()
    };
    let mut expected = g.clone();
    if format != Format::Tbx {
        // Only TBX has a place for the ignore list.
        expected.ignore.clear();
    }
    assert_eq!(
        strip(&once),
        strip(&expected),
        "{format:?} import of export"
    );
    assert_eq!(strip(&twice), strip(&once), "{format:?} second round");
    assert!(once.problems().is_empty());
}

#[test]
fn tbx_round_trip() {
    round_trip(Format::Tbx);
}

#[test]
fn csv_round_trip() {
    round_trip(Format::Csv);
}

#[test]
fn tsv_round_trip() {
    round_trip(Format::Tsv);
}

#[test]
fn tbx_is_v3_basic_dca() {
    let g = Glossary::parse("g.toml", FULL).unwrap();
    let t = to_tbx(&g);
    assert!(t.contains("<tbx style=\"dca\" type=\"TBX-Basic\""), "{t}");
    assert!(t.contains("xmlns=\"urn:iso:std:iso:30042:ed-2\""));
    assert!(t.contains("<conceptEntry id=\"kolkhoz\">"));
    assert!(t.contains("<langSec xml:lang=\"de\">"));
    assert!(t.contains("deprecatedTerm-admn-sts"));
    assert!(t.contains("<term>Kolchos</term>"));
}

#[test]
fn tbx_v2_is_read() {
    let v2 = r#"<?xml version="1.0"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="gulag">
      <descrip type="definition">the camp administration</descrip>
      <langSet xml:lang="de">
        <tig><term>Gulag</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>GULag</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="en-GB">
        <tig><term>Gulag</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>"#;
    let g = from_tbx("v2.tbx", v2).unwrap();
    assert_eq!(g.concepts.len(), 1);
    let c = &g.concepts[0];
    assert_eq!((c.id.as_str(), c.english.as_str()), ("gulag", "Gulag"));
    assert_eq!(c.definition.as_deref(), Some("the camp administration"));
    assert_eq!(c.forms.len(), 2);
    assert_eq!(c.forms[1].status, Status::Deprecated);
}

#[test]
fn a_file_that_breaks_off_is_an_error_where_it_ends() {
    let cut = "<tbx>\n<text><body>\n  <conceptEntry id=\"a\">\n    <langSec xml:lang=\"de\">\n";
    let e = from_tbx("cut.tbx", cut).unwrap_err().to_string();
    assert_eq!(
        e,
        "cut.tbx:5:1: not well-formed XML: the file breaks off here, inside <langSec> (opened at 4:5) and 4 elements around it"
    );
}

#[test]
fn broken_xml_is_an_error_with_a_place() {
    let e = from_tbx("b.tbx", "<tbx><text><body>\n<conceptEntry></tbx>").unwrap_err();
    assert!(e.to_string().starts_with("b.tbx:"), "{e}");
}

#[test]
fn plain_omegat_glossary_imports() {
    let g = from_tsv(
        "o.txt",
        "Kolchos\tkolkhoz\tcollective farm\nTscheka\tCheka\n",
    )
    .unwrap();
    assert_eq!(g.concepts.len(), 2);
    assert_eq!(g.concepts[0].id, "kolchos");
    assert_eq!(g.concepts[0].note.as_deref(), Some("collective farm"));
    assert_eq!(g.concepts[1].english, "Cheka");
}

#[test]
fn entities_from_a_dtd_are_refused_not_expanded() {
    // An external entity (XXE) and a nested one (billion laughs): the DTD is never read,
    // so both references are unknown entities and the file is refused.
    let xxe = "<!DOCTYPE tbx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\
               <tbx><text><body><conceptEntry><langSec xml:lang=\"de\">\
               <termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>";
    let lol = "<!DOCTYPE tbx [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n\
               <tbx xml:lang=\"&b;\"><text/></tbx>";
    for (name, text) in [("xxe.tbx", xxe), ("lol.tbx", lol)] {
        let e = from_tbx(name, text).unwrap_err().to_string();
        assert!(e.starts_with(&format!("{name}:2:")), "{e}");
        assert!(e.contains("unrecognized entity"), "{e}");
    }
}

/// One termbase in the DCA style, the DCT style (TBX-Basic's and TBX-Min's prefixes) and
/// v2, with what real exports have: languages glossa does not match, definitions in a
/// `descripGrp` at the language level, statuses in both spellings, a shared id, an empty
/// term, an id from digits.
fn termbase(style: &str) -> String {
    let dca = style == "dca";
    let status = |s: &str| {
        if dca {
            format!("<termNote type=\"administrativeStatus\">{s}</termNote>")
        } else {
            format!("<min:administrativeStatus>{s}</min:administrativeStatus>")
        }
    };
    let def = |d: &str| {
        if dca {
            format!("<descrip type=\"definition\">{d}</descrip>")
        } else {
            format!("<basic:definition>{d}</basic:definition>")
        }
    };
    let subject = if dca {
        "<descrip type=\"subjectField\">agriculture</descrip>"
    } else {
        "<min:subjectField>agriculture</min:subjectField>"
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="{style}" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
<tbxHeader><fileDesc><sourceDesc><p>written for a test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c17">
  {subject}
  {cdef}
  <langSec xml:lang="de-DE">
    <descripGrp>{ddef}<admin type="source">Handbuch, S. 12</admin></descripGrp>
    <termSec><term>Kolchos</term>{pref}</termSec>
    <termSec><term>Kolchose</term>{depr}</termSec>
    <termSec><term> </term>{pref}</termSec>
  </langSec>
  <langSec xml:lang="en">
    <termSec><term>kolkhoz</term>{pref}</termSec>
    <termSec><term>kolchos</term>{depr}</termSec>
    <termSec><term>collective farm</term>{adm}</termSec>
  </langSec>
  <langSec xml:lang="fr">{fdef}<termSec><term>kolkhoze</term>{pref}</termSec></langSec>
  <langSec xml:lang="ru"><termSec><term>колхоз</term></termSec></langSec>
  <langSec xml:lang="pl"><termSec><term>kołchoz</term>{adm}</termSec></langSec>
</conceptEntry>
<conceptEntry id="c17">
  <langSec xml:lang="de"><termSec><term>Sowchos</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>sovkhoz</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="1917">
  <langSec xml:lang="nl"><termSec><term>Oktoberrevolutie</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>October Revolution</term></termSec></langSec>
</conceptEntry>
</body></text>
</tbx>"#,
        cdef = def("a collective farm"),
        ddef = def("landwirtschaftlicher Großbetrieb"),
        fdef = def("exploitation agricole collective"),
        pref = status("preferredTerm-admn-sts"),
        depr = status("deprecatedTerm-admn-sts"),
        adm = status("admittedTerm-admn-sts"),
    )
}

#[test]
fn dca_and_dct_import_to_the_same_glossary_keeping_every_language() {
    let dca = tbx::read_tbx("t.tbx", &termbase("dca")).unwrap();
    let dct = tbx::read_tbx("t.tbx", &termbase("dct")).unwrap();
    assert_eq!(dca.glossary.to_toml(), dct.glossary.to_toml());
    assert_eq!(dca.warnings, dct.warnings);
    let g = dca.glossary;
    assert!(g.problems().is_empty(), "{:?}", g.problems());
    let c = &g.concepts[0];
    assert_eq!(c.id, "c17");
    assert_eq!(c.english, "kolkhoz");
    assert_eq!(c.forbidden, ["kolchos"]);
    assert_eq!(c.alternatives, ["collective farm"]);
    assert_eq!(c.definition.as_deref(), Some("a collective farm"));
    assert_eq!(c.definitions["de"], "landwirtschaftlicher Großbetrieb");
    assert_eq!(c.definitions["fr"], "exploitation agricole collective");
    assert_eq!(c.forms[1].status, Status::Deprecated);
    let other: Vec<(&str, &str, Status)> = c
        .other_forms
        .iter()
        .map(|f| (f.lang.as_str(), f.text.as_str(), f.status))
        .collect();
    assert_eq!(
        other,
        [
            ("fr", "kolkhoze", Status::Preferred),
            ("pl", "kołchoz", Status::Admitted),
            ("ru", "колхоз", Status::Preferred)
        ]
    );
    // The shared id and the empty term are named, not silently merged or written.
    let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c17", "c17-2", "1917"]);
    assert_eq!(dca.warnings.len(), 3, "{:?}", dca.warnings);
    assert!(
        dca.warnings[0].contains("`c17` as `c17-2`"),
        "{:?}",
        dca.warnings
    );
    assert!(
        dca.warnings[1].starts_with("1 empty term left out"),
        "{:?}",
        dca.warnings
    );
    // What import writes loads.
    let text = g.to_toml();
    let back = Glossary::parse("g.toml", &text).unwrap();
    assert!(back.problems().is_empty());
}

#[test]
fn tbx_min_usage_status_is_read() {
    let min = r#"<?xml version="1.0" encoding="UTF-8"?>
<TBX dialect="TBX-Min">
  <header><id>test</id><languages source="de" target="en"/></header>
  <body>
    <entry id="kolkhoz">
      <langGroup xml:lang="de">
        <termGroup><term>Kolchos</term><usageStatus>preferred</usageStatus></termGroup>
        <termGroup><term>Kolchose</term><usageStatus>notRecommended</usageStatus></termGroup>
      </langGroup>
      <langGroup xml:lang="en">
        <termGroup><term>kolkhoz</term><usageStatus>preferred</usageStatus></termGroup>
        <termGroup><term>kolchos</term><usageStatus>obsolete</usageStatus></termGroup>
      </langGroup>
    </entry>
  </body>
</TBX>"#;
    let g = from_tbx("m.tbx", min).unwrap();
    let c = &g.concepts[0];
    assert_eq!(c.forms[1].status, Status::Deprecated);
    assert_eq!(c.forbidden, ["kolchos"]);
    assert_eq!(c.english, "kolkhoz");
}

#[test]
fn exported_tbx_is_tbx_basic() {
    let g = Glossary::parse("g.toml", FULL).unwrap();
    let t = to_tbx(&g);
    assert!(!t.contains("processStatus"), "{t}");
    // Every id is an XML name: a letter or `_` first.
    for line in t.lines().filter(|l| l.contains("<conceptEntry id=")) {
        let id = line.split('"').nth(1).unwrap();
        let first = id.chars().next().unwrap();
        assert!(first.is_ascii_alphabetic() || first == '_', "{line}");
    }
    assert!(t.contains("<conceptEntry id=\"_1917\">"), "{t}");
    // Only TBX-Basic data categories.
    for line in t
        .lines()
        .filter(|l| l.contains("<descrip ") || l.contains("<termNote "))
    {
        if let Some(rest) = line.split("type=\"").nth(1) {
            let kind = rest.split('"').next().unwrap();
            assert!(
                ["subjectField", "definition", "administrativeStatus"].contains(&kind),
                "{line}"
            );
        }
    }
    let back = tbx::read_tbx("x.tbx", &t).unwrap();
    assert!(back.glossary.concept("1917").is_some());
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
}

#[test]
fn csv_separators_are_told_from_the_first_line() {
    assert_eq!(csv::separator("a;b;\"c,d\"\n1,2,3,4"), ';');
    assert_eq!(csv::separator("German\tEnglish\n"), '\t');
    assert_eq!(csv::separator("\"x;y\",z\n"), ',');
    assert_eq!(csv::separator("Kolchos\n"), ',');
}

#[test]
fn a_quoted_csv_field_that_never_ends_is_an_error_where_it_opens() {
    let e = csv::csv_records(
        "q.csv",
        "German,English\nKolchos,\"kolkhoz\nTscheka,Cheka\n",
        ',',
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "q.csv:2:9: the quoted field that starts here never ends (the file breaks off at line 4)"
    );
}

#[test]
fn spreadsheet_rows_are_concepts_and_the_header_is_not() {
    let sheet = "German;Dutch;English;English;Definition (German);Remarks\n\
                 Kolchos;kolchoz;kolkhoz;collective farm;Kollektivwirtschaft;seen 1931\n\
                 ;;;;;\n\
                 Tscheka;tsjeka;;;;\n";
    let i = import_with("s.csv", sheet, Format::Csv, &ImportOptions::default()).unwrap();
    let g = &i.glossary;
    assert_eq!(g.concepts.len(), 2, "{}", g.to_toml());
    let k = g.concept("kolchos").unwrap();
    assert_eq!(k.english, "kolkhoz");
    assert_eq!(k.alternatives, ["collective farm"]);
    assert_eq!(k.definitions["de"], "Kollektivwirtschaft");
    assert_eq!(k.note.as_deref(), Some("Remarks: seen 1931"));
    // No English: the rendering is the first term, and the user is told.
    assert_eq!(g.concept("tscheka").unwrap().english, "Tscheka");
    assert_eq!(
        i.warnings,
        [
            "1 row without an English term: the rendering is the first term, to be checked",
            "1 row without a term left out"
        ]
    );
    assert!(g.problems().is_empty(), "{:?}", g.problems());
}

#[test]
fn plain_omegat_terms_without_latin_letters_never_merge() {
    let g = from_tsv(
        "o.txt",
        "Сталин\tStalin\n斯大林\tStalin (zh)\n列宁\tLenin (zh)\n---\tdash\n",
    )
    .unwrap();
    let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["stalin", "line-2", "line-3", "line-4"]);
}

#[test]
fn what_import_writes_always_loads() {
    // Homonyms (`Rat` in two entries), a term that can never match, a form listed twice
    // in two spellings, an entry whose terms are all empty.
    let tbx = r#"<tbx><text><body>
<conceptEntry id="council">
  <langSec xml:lang="de"><termSec><term>Rat</term></termSec><termSec><term>Sowjet</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>council</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="advice">
  <langSec xml:lang="de"><termSec><term>Rat</term></termSec><termSec><term>Ratschlag</term></termSec>
    <termSec><term>RATSCHLAG</term></termSec><termSec><term>(m)</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>advice</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="nothing"><langSec xml:lang="de"><termSec><term/></termSec></langSec></conceptEntry>
</body></text></tbx>"#;
    let i = import_with("h.tbx", tbx, Format::Tbx, &ImportOptions::default()).unwrap();
    let g = &i.glossary;
    assert!(g.problems().is_empty(), "{:?}", g.problems());
    let advice = g.concept("advice").unwrap();
    let forms: Vec<&str> = advice.forms.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(forms, ["Ratschlag"]);
    assert_eq!(
        advice.note.as_deref(),
        Some(
            "(de) Rat [also a term of `council`]\n(de) (m) [cannot match: it starts or ends with something other than a letter or digit (`(m)`)]"
        )
    );
    assert!(g.concept("nothing").is_none());
    assert_eq!(
        i.warnings,
        [
            "1 empty term left out, in `nothing`",
            "1 entry without any term left out: `nothing`",
            "1 form listed twice for one concept (after folding case and accents) kept once",
            "1 term that can never match moved into the concept's note: `(m)` of `advice`",
            "1 term of two entries (homonyms or duplicates) kept as a form of the first only, and in the later one's note: `Rat` of `advice` (and `council`)"
        ]
    );
}

#[test]
fn what_a_glossary_has_no_place_for_is_named() {
    let tbx = r#"<tbx><text><body><conceptEntry id="c1">
  <transacGrp><transac type="transactionType">origination</transac></transacGrp>
  <langSec xml:lang="de"><termSec><term>Kolchos</term>
    <termNote type="partOfSpeech">noun</termNote>
    <termNote type="grammaticalGender">masculine</termNote>
    <termNote type="administrativeStatus">someTerm-admn-sts</termNote>
    <descrip type="context">Der Kolchos wurde 1930 gegründet.</descrip></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>kolkhoz</term><termNote type="partOfSpeech">noun</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
    let i = tbx::read_tbx("t.tbx", tbx).unwrap();
    assert_eq!(
        i.warnings,
        [
            "not kept, as a glossary has no place for them: administrativeStatus `someTerm-admn-sts` (1), grammaticalGender (1), partOfSpeech (2), transactionType (1)"
        ]
    );
    let f = &i.glossary.concepts[0].forms[0];
    assert_eq!(
        f.note.as_deref(),
        Some("context: Der Kolchos wurde 1930 gegründet.")
    );
}

#[test]
fn entries_without_ids_are_named_after_their_english_term() {
    // As Weblate and the Translate Toolkit write TBX: v2, no ids, untyped `descrip`.
    let v2 = r#"<martif type="TBX" xml:lang="en"><text><body>
  <termEntry>
    <langSet xml:lang="cs"><tig><term>kolchoz</term></tig><note from="translator">in Czech</note></langSet>
    <langSet xml:lang="en"><tig><term>collective farm</term></tig><descrip>the source explained</descrip></langSet>
  </termEntry>
  <termEntry>
    <langSet xml:lang="en"><tig><term>collective farm</term></tig></langSet>
    <langSet xml:lang="cs"><tig><term>JZD</term></tig></langSet>
  </termEntry>
</body></text></martif>"#;
    let i = tbx::read_tbx("w.tbx", v2).unwrap();
    let g = &i.glossary;
    let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["collective-farm", "collective-farm-2"]);
    assert_eq!(
        g.concepts[0].note.as_deref(),
        Some("(cs) in Czech\n(en) the source explained")
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}
