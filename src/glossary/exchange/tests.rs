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
