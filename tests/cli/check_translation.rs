//! The translation diagnostics of `glossa check`: each triggered by one input and quiet
//! on another.

use std::path::{Path, PathBuf};

use crate::support::{self, glossa};

/// kolkhoz (with an admitted and a forbidden rendering) and kulak.
const GLOSSARY: &str = support::glossaries::TRANSLATION;

const SOURCE: &str = "Die Kolchosen wuchsen schnell.\n\nDer Kolchos im Dorf war arm.\n\nDer Kulak floh nach Sibirien.\n\nDie Kolchosbauern schwiegen.\n";

fn project(name: &str, translation: &str) -> PathBuf {
    let d = support::project(
        &format!("checktr-{name}"),
        &[
            ("glossary/g.toml", GLOSSARY),
            (
                "glossa.toml",
                "glossaries = [\"glossary/g.toml\"]\n[[pairs]]\nsource = \"corpus/a.txt\"\ntarget = \"corpus/en/a.txt\"\n",
            ),
            ("corpus/a.txt", SOURCE),
            ("corpus/en/a.txt", translation),
        ],
    );
    let o = glossa(&d, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", support::text(&o.stderr));
    d
}

/// The codes of the findings of `glossa check --format json`.
fn codes(dir: &Path) -> (Option<i32>, Vec<String>) {
    let o = glossa(dir, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&o.stderr)));
    let codes = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    (o.status.code(), codes)
}

const GOOD: &str = "The kolkhozes grew fast.\n\nThe kolkhoz in the village was poor.\n\nThe kulak fled to Siberia.\n\nThe kolkhoz peasants kept silent.\n";

#[test]
fn a_faithful_translation_is_quiet() {
    let d = project("good", GOOD);
    assert_eq!(codes(&d), (Some(0), vec![]));
}

#[test]
fn missing_translation() {
    let d = project("missing", &GOOD.replace("The kulak fled", "The man fled"));
    let (status, codes) = codes(&d);
    assert_eq!(codes, ["missing-translation"]);
    assert_eq!(status, Some(0), "missing-translation warns by default");
    let o = glossa(&d, &["check"]);
    let human = String::from_utf8_lossy(&o.stdout);
    assert!(
        human.contains("`Kulak` (kulak) has no rendering"),
        "{human}"
    );
    assert!(
        human.contains("aligned English: \"The man fled to Siberia.\""),
        "both sides shown: {human}"
    );
}

#[test]
fn forbidden_translation() {
    let d = project(
        "forbidden",
        &GOOD.replace("The kolkhoz in the village", "The Kolchos in the village"),
    );
    let (status, codes) = codes(&d);
    assert_eq!(codes, ["forbidden-translation"]);
    assert_eq!(
        status,
        Some(1),
        "forbidden-translation is denied by default"
    );
}

#[test]
fn inconsistent_translation() {
    let d = project(
        "inconsistent",
        &GOOD.replace(
            "The kolkhoz in the village",
            "The collective farm in the village",
        ),
    );
    let (_, codes) = codes(&d);
    assert_eq!(codes, ["inconsistent-translation"]);
    let o = glossa(&d, &["check"]);
    let human = String::from_utf8_lossy(&o.stdout);
    assert!(
        human.contains("`collective farm` 1×, `kolkhoz` "),
        "{human}"
    );
    // Levels from the command line.
    let o = glossa(&d, &["check", "--allow", "inconsistent-translation"]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("inconsistent-translation"));
    let o = glossa(&d, &["check", "--deny", "inconsistent-translation"]);
    assert_eq!(o.status.code(), Some(1));
}
