//! `glossa suggest` writing proposed entries and honouring `ignore`, its limits on many
//! groups, and `glossa glossary export|import` round trips, on small projects written
//! here (never on ../shared). Its JSON and text output, `--explain`, the translations it
//! reads, `glossa concordance` and the exports are cases in `tests/cmd/suggest-*`,
//! `concordance-*` and `glossary-export-*`.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! suggest::` rewrites them.

use std::path::PathBuf;
use std::process::Output;

use snapbox::{assert_data_eq, str};

use crate::support::{self, glossa};

fn scratch(name: &str) -> PathBuf {
    support::project(
        &format!("suggest-{name}"),
        &[
            (
                "glossa.toml",
                "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\n",
            ),
            ("glossary/g.toml", GLOSSARY),
            ("corpus/de.txt", DE),
            ("corpus/nl.txt", NL),
        ],
    )
}

fn ok(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const GLOSSARY: &str = support::glossaries::SUGGEST;

/// The texts of the cases' project `tests/cmd/suggest.in`.
const DE: &str = include_str!("../cmd/suggest.in/corpus/de.txt");
const NL: &str = include_str!("../cmd/suggest.in/corpus/nl.txt");

#[test]
fn suggest_write_appends_proposed_entries_and_ignore_holds() {
    let dir = scratch("write");
    let o = glossa(
        &dir,
        &[
            "suggest",
            "--limit",
            "2",
            "--write",
            "glossary/proposed.toml",
        ],
    );
    ok(&o);
    let written = std::fs::read_to_string(dir.join("glossary/proposed.toml")).unwrap();
    assert_data_eq!(
        &written,
        str![[r#"
[concept.khrushchev]
english = "Khrushchev"
category = "person"
note = "proposed by glossa suggest: 3 occurrences in 2 documents (Chruschtschow, Chroesjtsjov); check the English rendering"
de = [
    { form = "Chruschtschow", status = "proposed" },
]
nl = [
    { form = "Chroesjtsjov", status = "proposed" },
]

[concept.nachalstvo]
english = "nachalstvo"
category = "term"
note = "proposed by glossa suggest: 5 occurrences in 2 documents (Natschalstwo, natsjalstvo, Betriebsnatschalstwo); check the English rendering"
compound = "both"
de = [
    { form = "Natschalstwo", status = "proposed" },
]
nl = [
    { form = "natsjalstvo", status = "proposed" },
]

"#]]
    );
    // The written file is canonical and lints clean.
    let o = glossa(
        &dir,
        &["glossary", "fmt", "--check", "glossary/proposed.toml"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = glossa(&dir, &["glossary", "lint", "glossary/proposed.toml"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // Proposed entries are not proposed again when written to the same file.
    ok(&glossa(
        &dir,
        &[
            "suggest",
            "--limit",
            "2",
            "--write",
            "glossary/proposed.toml",
        ],
    ));
    let again = std::fs::read_to_string(dir.join("glossary/proposed.toml")).unwrap();
    assert_eq!(again, written);

    // Written to a glossary with comments, every comment stays with its concept.
    let commented = "# Proposals, reviewed weekly.\n\n# Rejected by the editor.\nignore = [\"Genosse\"]\n\n# kept: see the 1931 report\n[concept.zz-old] # first entry\nenglish = \"old\" # to check\ncategory = \"term\"\nde = [\n    # as printed\n    { form = \"Altes\" },\n]\n";
    std::fs::write(dir.join("glossary/commented.toml"), commented).unwrap();
    ok(&glossa(
        &dir,
        &[
            "suggest",
            "--limit",
            "1",
            "--write",
            "glossary/commented.toml",
        ],
    ));
    let written = std::fs::read_to_string(dir.join("glossary/commented.toml")).unwrap();
    assert_data_eq!(
        &written,
        str![[r##"
# Proposals, reviewed weekly.

# Rejected by the editor.
ignore = [
    "Genosse",
]

[concept.nachalstvo]
english = "nachalstvo"
category = "term"
note = "proposed by glossa suggest: 5 occurrences in 2 documents (Natschalstwo, natsjalstvo, Betriebsnatschalstwo); check the English rendering"
compound = "both"
de = [
    { form = "Natschalstwo", status = "proposed" },
]
nl = [
    { form = "natsjalstvo", status = "proposed" },
]

# kept: see the 1931 report
[concept.zz-old] # first entry
english = "old"  # to check
category = "term"
de = [
    # as printed
    { form = "Altes" },
]

"##]]
    );

    // A rejected candidate in glossa.toml never comes back.
    let dir = scratch("ignore");
    std::fs::write(
        dir.join("glossa.toml"),
        "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\nignore = [\"Natschalstwo\"]\n",
    )
    .unwrap();
    let out = ok(&glossa(
        &dir,
        &["suggest", "--format", "json", "--limit", "0"],
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for g in v.as_array().unwrap() {
        let forms = g["forms"].to_string();
        assert!(
            !forms.contains("natsjalstvo") && !forms.contains("Natschalstwo"),
            "{out}"
        );
    }
    assert_data_eq!(
        out,
        str![[r#"
[
  {
    "key": "xruQov",
    "forms": [
      "Chruschtschow",
      "Chroesjtsjov"
    ],
    "count": 3,
    "documents": 2,
    "score": 6.82,
    "base": [
      [
        "de",
        "Chruschtschow"
      ],
      [
        "nl",
        "Chroesjtsjov"
      ]
    ],
    "english": "Khrushchev",
    "category": "person",
    "variants": [
      {
        "form": "Chruschtschow",
        "lang": "de",
        "count": 2,
        "compound": false
      },
      {
        "form": "Chroesjtsjov",
        "lang": "nl",
        "count": 1,
        "compound": false
      }
    ],
    "contexts": [
      {
        "file": "corpus/de.txt",
        "line": 3,
        "column": 45,
        "lang": "de",
        "text": "[[Chruschtschow]] kritisierte das Natschalstwo …"
      },
      {
        "file": "corpus/nl.txt",
        "line": 1,
        "column": 91,
        "lang": "nl",
        "text": "[[Chroesjtsjov]] bekritiseerde het natsjalstvo…"
      }
    ],
    "variant_of": null
  }
]

"#]]
    );
}

#[test]
fn export_import_round_trips_in_every_format() {
    let dir = scratch("exchange");
    for (format, file) in [("tbx", "g.tbx"), ("csv", "g.csv"), ("tsv", "g.tsv")] {
        ok(&glossa(
            &dir,
            &[
                "glossary",
                "export",
                "--format",
                format,
                "-o",
                file,
                "glossary/g.toml",
            ],
        ));
        let back = ok(&glossa(&dir, &["glossary", "import", file]));
        assert_eq!(back, GLOSSARY, "{format}");
    }
}

#[test]
fn suggest_json_lists_every_group_unless_limited_and_text_the_best_30() {
    // Forty invented Russian surnames, one sentence each.
    let names: Vec<String> = (0..40)
        .map(|i| {
            let a = ["Bur", "Kal", "Mor", "Sel", "Tar", "Wol", "Pet", "Gor"][i % 8];
            let b = ["atschow", "enkow", "ischin", "uschkin", "owski"][i / 8];
            format!("{a}{b}")
        })
        .collect();
    let text: String = names
        .iter()
        .map(|n| format!("Danach sprach {n} lange.\n\n"))
        .collect();
    let dir = support::project(
        "suggest-limit",
        &[
            (
                "glossa.toml",
                "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\n",
            ),
            ("glossary/g.toml", GLOSSARY),
            ("corpus/de.txt", &text),
        ],
    );
    let groups = |args: &[&str]| -> usize {
        let out = ok(&glossa(&dir, args));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v.as_array().unwrap().len()
    };
    let all = groups(&["suggest", "--format", "json"]);
    assert!(all > 30, "{all} groups");
    assert_eq!(
        groups(&["suggest", "--format", "json", "--limit", "0"]),
        all
    );
    assert_eq!(groups(&["suggest", "--format", "json", "--limit", "7"]), 7);
    let text = ok(&glossa(&dir, &["suggest"]));
    // Each group's first line is its rank: `  1. Morovski  [morovski]  score …`.
    let shown = text
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            t.split_once(". ")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
        })
        .count();
    assert_eq!(shown, 30, "{text}");
}
