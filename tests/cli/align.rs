//! `glossa align` as a user runs it, in a temporary project.

use std::path::PathBuf;
use std::process::Command;

use crate::support::{self, glossa, text};

const DE: &str = "Die Kolchosen\n\nDie Bauern gingen in die Kol-\nchosen. Das Betriebsnatschalstwo entschied.1\n\n1 Vgl. Meier, Das Natschalstwo, S. 3.\n";
const NL: &str = "De boeren gingen naar de kolchoz. Daar bleven ze.\n";

fn project(name: &str) -> PathBuf {
    support::project(
        &format!("align-{name}"),
        &[
            (
                "glossa.toml",
                "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\n",
            ),
            ("glossary/g.toml", support::glossaries::BASIC),
            ("corpus/de.txt", DE),
            ("corpus/nl.txt", NL),
        ],
    )
}

#[test]
fn align_writes_one_file_per_document_and_check_passes() {
    let dir = project("write");
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let de = std::fs::read_to_string(dir.join("alignments/de.txt.align")).unwrap();
    assert!(
        de.starts_with("# glossa alignment 2\n# source: corpus/de.txt\n# glossary: fnv1a64:"),
        "{de}"
    );
    assert!(
        de.contains("\tkolkhoz\tKolchosen\tkolkhoz\tinflected\t3:26\tbody\t"),
        "{de}"
    );
    assert!(
        de.contains("\tnachalstvo\tNatschalstwo\tnachalstvo\texact\t6:19\tfootnote\t"),
        "{de}"
    );
    assert!(dir.join("alignments/nl.txt.align").exists());
    let o = glossa(&dir, &["align", "--check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
}

#[test]
fn check_exits_1_with_a_diff_when_stale() {
    let dir = project("stale");
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    std::fs::write(dir.join("corpus/nl.txt"), "De kolchozen groeiden.\n").unwrap();
    let o = glossa(&dir, &["align", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    let diff = text(&o.stdout);
    assert!(
        diff.contains("-T\t") && diff.contains("+T\t") && diff.contains("kolchozen"),
        "{diff}"
    );
    // --check writes nothing.
    assert!(
        !std::fs::read_to_string(dir.join("alignments/nl.txt.align"))
            .unwrap()
            .contains("kolchozen")
    );
    // A removed source leaves a stale file behind, which --check reports.
    std::fs::remove_file(dir.join("corpus/nl.txt")).unwrap();
    let o = glossa(&dir, &["align", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("stale: "), "{}", text(&o.stdout));
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    assert!(!dir.join("alignments/nl.txt.align").exists());
}

#[test]
fn output_is_identical_for_any_number_of_threads() {
    let dir = project("threads");
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_glossa"))
            .args(["align", "--stdout"])
            .current_dir(&dir)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
}

#[test]
fn jsonl_records_have_the_contract_keys() {
    let dir = project("jsonl");
    let o = glossa(
        &dir,
        &["align", "--format", "jsonl", "--stdout", "corpus/de.txt"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let rows: Vec<serde_json::Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    for r in &rows {
        for key in [
            "file",
            "line",
            "column",
            "surface",
            "concept",
            "english",
            "tier",
            "lang",
            "in_footnote",
        ] {
            assert!(r.get(key).is_some(), "missing {key}: {r}");
        }
    }
    // The split word is printed joined and reported at its first letter.
    assert_eq!(rows[1]["surface"], "Kolchosen");
    assert_eq!(
        (rows[1]["line"].as_u64(), rows[1]["column"].as_u64()),
        (Some(3), Some(26))
    );
    assert_eq!(rows[3]["in_footnote"], true);
    assert!(!dir.join("alignments").exists(), "--stdout writes no files");
}

#[test]
fn errors_exit_2() {
    let dir = project("errors");
    std::fs::remove_file(dir.join("glossa.toml")).unwrap();
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("glossa.toml"),
        "{}",
        text(&o.stderr)
    );

    let dir = project("badglossary");
    std::fs::write(
        dir.join("glossary/g.toml"),
        "[concept.kolkhoz]\nenglish = \"kolkhoz\"\ncolour = 1\n",
    )
    .unwrap();
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("g.toml:3:1"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
