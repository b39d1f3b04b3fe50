//! `glossa suggest`, `glossa concordance` and `glossa glossary export|import` as a user
//! runs them, on a small project written here (never on ../shared).

use std::path::PathBuf;
use std::process::Output;

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

const DE: &str = "Die Kolchosen wurden unter Stalin gegründet.\n\nDas Natschalstwo der Kolchosen \
war mächtig. Chruschtschow kritisierte das Natschalstwo der Betriebe.\n\nNach dem Tod Stalins \
sprach Chruschtschow auf dem Parteitag. Das Betriebsnatschalstwo blieb.\n";

const NL: &str = "De kolchozen werden onder Stalin opgericht. Het natsjalstvo van de kolchozen \
was machtig. Chroesjtsjov bekritiseerde het natsjalstvo.\n";

#[test]
fn suggest_json_lists_groups_with_forms_count_score_key() {
    let dir = scratch("json");
    let out = ok(&glossa(&dir, &["suggest", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let groups = v.as_array().unwrap();
    let nach = groups
        .iter()
        .find(|g| g["key"] == "naCalstvo")
        .unwrap_or_else(|| panic!("{out}"));
    let forms: Vec<&str> = nach["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        forms.contains(&"Natschalstwo") && forms.contains(&"natsjalstvo"),
        "{forms:?}"
    );
    assert!(nach["count"].as_u64().unwrap() >= 5);
    assert!(nach["score"].as_f64().is_some());
    assert!(
        !out.contains("\"Kolchosen\""),
        "a glossary word was suggested: {out}"
    );
}

#[test]
fn suggest_reads_the_translations_of_the_project() {
    let en = "The kolkhozes were founded under Stalin.\n\nThe nachalstvo of the kolkhozes was \
powerful. Khrushchev criticised the nachalstvo of the enterprises.\n\nAfter Stalin's death \
Khrushchev spoke at the party congress. The enterprise nachalstvo remained.\n";
    let dir = support::project(
        "suggest-pairs",
        &[
            (
                "glossa.toml",
                "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\n\n\
                 [[pairs]]\nsource = \"corpus/de.txt\"\ntarget = \"en/de.txt\"\n",
            ),
            ("glossary/g.toml", GLOSSARY),
            ("corpus/de.txt", DE),
            ("en/de.txt", en),
        ],
    );
    let out = ok(&glossa(
        &dir,
        &["suggest", "--format", "json", "--limit", "0"],
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let forms_of = |key: &str| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .find(|g| g["key"] == key)
            .unwrap_or_else(|| panic!("no {key}: {out}"))["forms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect()
    };
    // The English spelling joins the German one's group.
    let nach = forms_of("naCalstvo");
    assert!(nach.contains(&"nachalstvo".to_string()), "{nach:?}");
    assert!(forms_of("xruQov").contains(&"Khrushchev".to_string()));
    // The glossary's own rendering in the translation is no candidate.
    assert!(!out.contains("\"kolkhozes\""), "{out}");
}

#[test]
fn suggest_text_shows_counts_and_contexts() {
    let dir = scratch("text");
    let out = ok(&glossa(&dir, &["suggest", "--limit", "3"]));
    assert!(out.contains("nachalstvo  [naCalstvo]"), "{out}");
    assert!(
        out.contains("[[Natschalstwo]]") || out.contains("[[natsjalstvo]]"),
        "{out}"
    );
}

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
    assert!(written.contains("status = \"proposed\""), "{written}");
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
    let count = again.matches("[concept.nachalstvo").count();
    assert_eq!(count, 1, "{again}");

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
}

#[test]
fn glossa_toml_with_an_unknown_key_is_an_error() {
    let dir = scratch("badconfig");
    std::fs::write(dir.join("glossa.toml"), "ignroe = []\n").unwrap();
    let o = glossa(&dir, &["suggest"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("glossa.toml:1:1"));
}

#[test]
fn concordance_by_concept_and_by_key() {
    let dir = scratch("kwic");
    let out = ok(&glossa(&dir, &["concordance", "kolkhoz"]));
    assert!(out.starts_with("# concept kolkhoz: 4 occurrences"), "{out}");
    assert!(out.contains("corpus/de.txt:1:5"), "{out}");
    assert!(out.contains("[Kolchosen]"), "{out}");
    let out = ok(&glossa(
        &dir,
        &["concordance", "Chroesjtsjov", "--format", "json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let terms: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["term"].as_str().unwrap())
        .collect();
    assert_eq!(
        terms,
        ["Chruschtschow", "Chruschtschow", "Chroesjtsjov"],
        "{out}"
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
    let o = glossa(&dir, &["glossary", "import", "glossary/g.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format"));
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

#[test]
fn suggest_explain_tells_why_a_word_ranks_or_is_left_out() {
    let dir = scratch("explain");
    let out = ok(&glossa(&dir, &["suggest", "--explain", "Natschalstwo"]));
    assert!(out.starts_with("Natschalstwo: "), "{out}");
    assert!(out.contains("spelling cues"), "{out}");
    assert!(out.contains("by itself"), "{out}");
    assert!(out.contains("its group [naCalstvo] ranks 1 of"), "{out}");
    // A word of the glossary is never proposed, and says so.
    let out = ok(&glossa(&dir, &["suggest", "--explain", "Kolchosen"]));
    assert!(out.contains("concept kolkhoz"), "{out}");
    // A German word is no candidate.
    let out = ok(&glossa(&dir, &["suggest", "--explain", "Parteitag"]));
    assert!(out.contains("not proposed"), "{out}");
    // Json carries the same.
    let out = ok(&glossa(
        &dir,
        &["suggest", "--explain", "Natschalstwo", "--format", "json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["word"], "Natschalstwo");
    assert!(v["reasons"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(v["group"]["rank"], 1);
    // --explain and --write do not go together.
    let o = glossa(&dir, &["suggest", "--explain", "X", "--write", "g.toml"]);
    assert_eq!(o.status.code(), Some(2));
}
