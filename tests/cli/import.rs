//! `glossa glossary import` on the files translators have, written here to be as awkward
//! as real exports (issue 18): a termbase with languages glossa does not match, definitions
//! in `descripGrp`, DCT-style statuses, a shared id and an empty term; memoQ's CSV; a
//! spreadsheet with a column per language; OmegaT's headerless CSV and its TSV; a file
//! that breaks off; a legacy encoding. Each imported glossary must load (`glossary lint`
//! exits 0) and export back to what it was read from.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! import::` rewrites them.

use std::path::PathBuf;
use std::process::Output;

use snapbox::{assert_data_eq, str};

use crate::support::{self, glossa, text};

/// A project with the files of one test.
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::project(&format!("import-{name}"), files)
}

/// Standard output and error of a run that must succeed.
fn ok(o: &Output) -> (String, String) {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", text(&o.stderr));
    (text(&o.stdout), text(&o.stderr))
}

/// Writes an import to `out`, then checks that the glossary lints clean and that exporting
/// it in `format` and importing that gives the same glossary.
fn loads_and_round_trips(dir: &std::path::Path, out: &str, format: &str) {
    let o = glossa(dir, &["glossary", "lint", out]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let exported = format!("{out}.{format}");
    ok(&glossa(
        dir,
        &[
            "glossary", "export", "--format", format, "-o", &exported, out,
        ],
    ));
    let again = format!("{out}.again.toml");
    ok(&glossa(
        dir,
        &["glossary", "import", &exported, "-o", &again],
    ));
    let a = std::fs::read_to_string(dir.join(out)).unwrap();
    let b = std::fs::read_to_string(dir.join(&again)).unwrap();
    assert_eq!(a, b, "{format} round trip of {out}");
}

const TERMBASE_DCT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
  <tbxHeader><fileDesc><sourceDesc><p>Kollektivierung, Glossar der Redaktion</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="T-0017">
      <min:subjectField>Landwirtschaft</min:subjectField>
      <descripGrp><basic:definition>a collective farm of the Soviet Union</basic:definition><admin type="source">Redaktion</admin></descripGrp>
      <langSec xml:lang="de-DE">
        <descripGrp><basic:definition>landwirtschaftlicher Großbetrieb in Gemeineigentum</basic:definition></descripGrp>
        <termSec><term>Kolchos</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
        <termSec><term>Kolchose</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus><note>DDR-Schreibung</note></termSec>
        <termSec><term></term></termSec>
      </langSec>
      <langSec xml:lang="en">
        <termSec><term>kolkhoz</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
        <termSec><term>kolchos</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
      </langSec>
      <langSec xml:lang="fr"><termSec><term>kolkhoze</term></termSec></langSec>
      <langSec xml:lang="ru"><basic:definition>коллективное хозяйство</basic:definition><termSec><term>колхоз</term></termSec></langSec>
      <langSec xml:lang="uk"><termSec><term>колгосп</term><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="T-0017">
      <langSec xml:lang="de"><termSec><term>Sowchos</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>sovkhoz</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"#;

#[test]
fn a_termbase_keeps_every_language_definition_and_status_and_loads() {
    let dir = scratch("tbx", &[("termbase.tbx", TERMBASE_DCT)]);
    let (stdout, stderr) = ok(&glossa(
        &dir,
        &["glossary", "import", "termbase.tbx", "-o", "g.toml"],
    ));
    assert_eq!(stdout, "");
    assert_data_eq!(
        stderr,
        str![[r#"
glossa: warning: termbase.tbx: 2 entries renamed, as an id was taken by an earlier entry or is not a glossa id (lowercase letters, digits and -): `T-0017` as `t-0017`, `T-0017` as `t-0017-2`
glossa: warning: termbase.tbx: 1 empty term left out, in `t-0017`
glossa: warning: termbase.tbx: not kept, as a glossary has no place for them: source (1)

"#]]
    );
    assert_data_eq!(
        std::fs::read_to_string(dir.join("g.toml")).unwrap(),
        str![[r#"
[concept.t-0017]
english = "kolkhoz"
forbidden = ["kolchos"]
category = "term"
definition = "a collective farm of the Soviet Union"
definitions = { de = "landwirtschaftlicher Großbetrieb in Gemeineigentum", ru = "коллективное хозяйство" }
note = "subject field: Landwirtschaft"
de = [
    { form = "Kolchos" },
    { form = "Kolchose", status = "deprecated", note = "DDR-Schreibung" },
]
fr = [
    { form = "kolkhoze" },
]
ru = [
    { form = "колхоз" },
]
uk = [
    { form = "колгосп", status = "admitted" },
]

[concept.t-0017-2]
english = "sovkhoz"
category = "term"
de = [
    { form = "Sowchos" },
]

"#]]
    );
    loads_and_round_trips(&dir, "g.toml", "tbx");
    loads_and_round_trips(&dir, "g.toml", "csv");
    loads_and_round_trips(&dir, "g.toml", "tsv");
}

#[test]
fn a_termbase_cut_off_is_an_error_where_it_ends() {
    let cut = &TERMBASE_DCT[..TERMBASE_DCT.find("<langSec xml:lang=\"fr\">").unwrap()];
    let dir = scratch("cut", &[("cut.tbx", cut)]);
    let o = glossa(&dir, &["glossary", "import", "cut.tbx"]);
    assert_eq!(o.status.code(), Some(2));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
glossa: error: cut.tbx:18:7: not well-formed XML: the file breaks off here, inside <conceptEntry> (opened at 5:5) and 3 elements around it

"#]]
    );
}

#[test]
fn a_legacy_encoded_file_is_decoded_with_a_warning() {
    let latin1: Vec<u8> =
        b"Deutsch;English;Bemerkung\nSchl\xfcsselbegriff;key term;f\xfcr die Redaktion\n".to_vec();
    let dir = support::project("import-latin1", &[]);
    std::fs::write(dir.join("legacy.csv"), latin1).unwrap();
    let (stdout, stderr) = ok(&glossa(&dir, &["glossary", "import", "legacy.csv"]));
    assert_data_eq!(
        stderr,
        str![[r#"
glossa: warning: legacy.csv: not UTF-8 (first invalid byte at 2:5); decoded as windows-1252

"#]]
    );
    assert_data_eq!(
        stdout,
        str![[r#"
[concept.schlusselbegriff]
english = "key term"
category = "term"
note = "für die Redaktion"
de = [
    { form = "Schlüsselbegriff" },
]

"#]]
    );
}

/// memoQ's export: entry fields, then per language its definition, then per term the term,
/// its info and example; semicolons, CRLF, a quoted field with the separator in it, a
/// second German term, and an entry id used twice.
const MEMOQ: &str = "Entry_ID;Entry_Subject;Entry_Domain;Entry_Note;German_Def;German;Term_Info;Term_Example;German;Term_Info;Term_Example;English_Def;English;Term_Info;Term_Example;Russian;Term_Info;Term_Example\r\n\
12;Landwirtschaft;Geschichte;\"Quelle: Lexikon; S. 4\";Kollektivwirtschaft;Kolchos;;Die Kolchosbauern zogen;Kolchose;;;collective farm;kolkhoz;;;колхоз;;\r\n\
12;;;;;Sowchos;;;;;;;sovkhoz;;;;;\r\n";

#[test]
fn a_memoq_export_is_read_one_entry_a_row() {
    let dir = scratch("memoq", &[("memoq.csv", MEMOQ)]);
    let (stdout, stderr) = ok(&glossa(
        &dir,
        &["glossary", "import", "memoq.csv", "-o", "g.toml"],
    ));
    assert_eq!(stdout, "");
    assert_data_eq!(
        stderr,
        str![[r#"
glossa: warning: memoq.csv: 1 entry renamed, as an id was taken by an earlier row or is not a glossa id

"#]]
    );
    assert_data_eq!(
        std::fs::read_to_string(dir.join("g.toml")).unwrap(),
        str![[r#"
[concept.12]
english = "kolkhoz"
category = "term"
definitions = { de = "Kollektivwirtschaft", en = "collective farm" }
note = "Entry_Subject: Landwirtschaft/nEntry_Domain: Geschichte/nQuelle: Lexikon; S. 4"
de = [
    { form = "Kolchos", note = "Term_Example: Die Kolchosbauern zogen" },
    { form = "Kolchose", status = "admitted" },
]
ru = [
    { form = "колхоз" },
]

[concept.12-2]
english = "sovkhoz"
category = "term"
de = [
    { form = "Sowchos" },
]

"#]]
    );
    loads_and_round_trips(&dir, "g.toml", "csv");
}

#[test]
fn a_spreadsheet_with_a_column_per_language_never_imports_its_header() {
    // Tab-separated, headers in German, a region, a column the reader does not know.
    let sheet = "Deutsch\tnl-NL\tEnglisch\tBearbeiter\n\
                 Tscheka\tTsjeka\tCheka\tAB\n\
                 Natschalstwo\tnatsjalstvo\tnachalstvo\t\n";
    let dir = scratch("sheet", &[("sheet.csv", sheet)]);
    let (stdout, _) = ok(&glossa(&dir, &["glossary", "import", "sheet.csv"]));
    assert!(!stdout.contains("Deutsch"), "{stdout}");
    assert_data_eq!(
        stdout,
        str![[r#"
[concept.natschalstwo]
english = "nachalstvo"
category = "term"
de = [
    { form = "Natschalstwo" },
]
nl = [
    { form = "natsjalstvo" },
]

[concept.tscheka]
english = "Cheka"
category = "term"
note = "Bearbeiter: AB"
de = [
    { form = "Tscheka" },
]
nl = [
    { form = "Tsjeka" },
]

"#]]
    );
}

#[test]
fn omegat_csv_has_no_header_and_columns_say_what_a_file_holds() {
    // OmegaT's CSV: source, target, comment; a source term listed once per translation.
    let omegat =
        "Kolchos,kolkhoz,\"häufig, auch Kolchose\"\nTscheka,Cheka\nKolchos,collective farm\n";
    // An unusual layout, said with --columns: its header is skipped.
    let columns = "Englisch;Kommentar;Niederländisch;Deutsch\nkulak;;koelak;Kulak\n";
    let dir = scratch(
        "omegat-csv",
        &[("omegat.csv", omegat), ("columns.csv", columns)],
    );
    let (stdout, _) = ok(&glossa(
        &dir,
        &["glossary", "import", "--source-lang", "de", "omegat.csv"],
    ));
    assert_data_eq!(
        stdout,
        str![[r#"
[concept.kolchos]
english = "kolkhoz"
alternatives = ["collective farm"]
category = "term"
note = "häufig, auch Kolchose"
de = [
    { form = "Kolchos" },
]

[concept.tscheka]
english = "Cheka"
category = "term"
de = [
    { form = "Tscheka" },
]

"#]]
    );
    let (stdout, stderr) = ok(&glossa(
        &dir,
        &[
            "glossary",
            "import",
            "--columns",
            "en,note,nl,de",
            "columns.csv",
        ],
    ));
    assert_eq!(stderr, "");
    assert_data_eq!(
        stdout,
        str![[r#"
[concept.koelak]
english = "kulak"
category = "term"
de = [
    { form = "Kulak" },
]
nl = [
    { form = "koelak" },
]

"#]]
    );
    // Without --columns, four columns without a header glossa knows are refused.
    std::fs::write(dir.join("bare.csv"), "kulak;x;koelak;Kulak\n").unwrap();
    let o = glossa(&dir, &["glossary", "import", "bare.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
glossa: error: bare.csv:1:1: cannot tell what the 4 columns hold: the first row (kulak;x;koelak;Kulak) is no header glossa knows; hint: say it with --columns (`--columns de,en,note`)

"#]]
    );
}

#[test]
fn omegat_tsv_source_language_is_told_or_taken_from_the_terms() {
    // A Dutch OmegaT glossary (.tab) without a comment column on some lines.
    let tab = "# OmegaT glossary\n\
               koelakken\tkulaks\tmeervoud\n\
               de collectivisatie van de landbouw\tcollectivisation of agriculture\n\
               het volkscommissariaat van binnenlandse zaken\tNKVD\n\
               de vijfjarenplannen van de sovjetregering\tfive-year plans\n\
               Сталин\tStalin\n\
               Хрущёв\tKhrushchev\n";
    let dir = scratch("omegat-tsv", &[("glossary.tab", tab)]);
    let (told, _) = ok(&glossa(
        &dir,
        &["glossary", "import", "--source-lang", "nl", "glossary.tab"],
    ));
    let (guessed, _) = ok(&glossa(&dir, &["glossary", "import", "glossary.tab"]));
    assert_eq!(told, guessed);
    assert_data_eq!(
        told,
        str![[r#"
[concept.de-collectivisatie-van-de-landbouw]
english = "collectivisation of agriculture"
category = "term"
nl = [
    { form = "de collectivisatie van de landbouw" },
]

[concept.de-vijfjarenplannen-van-de-sovjetregering]
english = "five-year plans"
category = "term"
nl = [
    { form = "de vijfjarenplannen van de sovjetregering" },
]

[concept.het-volkscommissariaat-van-binnenlandse-zaken]
english = "NKVD"
category = "term"
nl = [
    { form = "het volkscommissariaat van binnenlandse zaken" },
]

[concept.khrushchev]
english = "Khrushchev"
category = "term"
nl = [
    { form = "Хрущёв" },
]

[concept.koelakken]
english = "kulaks"
category = "term"
note = "meervoud"
nl = [
    { form = "koelakken" },
]

[concept.stalin]
english = "Stalin"
category = "term"
nl = [
    { form = "Сталин" },
]

"#]]
    );
}
