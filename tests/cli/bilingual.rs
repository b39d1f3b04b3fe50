//! Bilingual files (XLIFF, TMX) beyond one command's output: `glossa report` shows the
//! findings `glossa check` reports on them, each next to its occurrence; every finding
//! stands where the file has the term; a named file and the same file listed in
//! glossa.toml give the same findings; the glossary's renderings judged per segment.

use std::path::Path;

use crate::support::{glossa, text};

/// The project of the `check-bilingual` cases: one file per producer style.
fn cases_project() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cmd/check-bilingual.in"
    ))
}

fn findings(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let o = glossa(dir, args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        text(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn every_finding_stands_where_the_file_has_the_term() {
    let dir = cases_project();
    let all = findings(dir, &["check", "--format", "json"]);
    assert!(all.len() >= 8, "{all:?}");
    for f in &all {
        let file = std::fs::read_to_string(dir.join(f["file"].as_str().unwrap())).unwrap();
        let line = file
            .lines()
            .nth(f["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let at: String = line
            .chars()
            .skip(f["column"].as_u64().unwrap() as usize - 1)
            .collect();
        // The surface as printed; markup inside a word (`Kol<g id="3">chos`) is not.
        let surface = f["surface"].as_str().unwrap();
        let first: String = surface.chars().take(3).collect();
        assert!(at.starts_with(&first), "{f}: the file has {at:?}");
        assert!(f["segment"].is_string(), "{f}");
    }
}

#[test]
fn named_files_give_what_the_settings_give() {
    let dir = cases_project();
    let all = findings(dir, &["check", "--format", "json"]);
    let mut named = Vec::new();
    let mut files: Vec<String> = std::fs::read_dir(dir.join("cat"))
        .unwrap()
        .map(|e| format!("cat/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    named.extend(findings(dir, &args));
    assert_eq!(all, named);
}

#[test]
fn report_shows_the_findings_of_bilingual_files() {
    let dir = cases_project();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bilingual-report.html");
    let o = glossa(dir, &["report", "-q", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    for f in findings(dir, &["check", "--format", "json"]) {
        let message = f["message"].as_str().unwrap();
        let escaped = message
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(html.contains(&escaped), "the report lacks: {message}");
        let place = format!(
            "{}:{}:{}",
            f["file"].as_str().unwrap(),
            f["line"],
            f["column"]
        );
        assert!(html.contains(&place), "the report lacks {place}");
    }
    // The documents table names every bilingual file, and a segment's target is shown
    // beside its term.
    for name in [
        "cat/omegat.xlf",
        "cat/memory.tmx",
        "cat/stadt.docx.sdlxliff",
    ] {
        assert!(html.contains(name), "{name}");
    }
    assert!(html.contains("The kolchos bought seed."));
}

#[test]
fn every_rendering_is_judged_in_its_own_segment() {
    // The same source term in three segments whose targets do three different things.
    let xlf = r#"<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de-AT" trgLang="en-GB">
<file id="f"><unit id="u">
<segment id="a"><source>Der Kolchos.</source><target>The kolkhoz.</target></segment>
<segment id="b"><source>Der Kolchos.</source><target>The kolchos.</target></segment>
<segment id="c"><source>Der Kolchos.</source><target>The farm.</target></segment>
</unit></file></xliff>
"#;
    let dir = crate::support::project(
        "bilingual-judged",
        &[
            (
                "glossa.toml",
                "glossaries = [\"g.toml\"]\ncorpus = []\nbilingual = [\"t.xlf\"]\n",
            ),
            ("g.toml", crate::support::glossaries::TRANSLATION),
            ("t.xlf", xlf),
        ],
    );
    let all = findings(&dir, &["check", "--format", "json"]);
    let got: Vec<(&str, &str, u64, u64)> = all
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["segment"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("forbidden-translation", "b", 5, 29),
            ("missing-translation", "c", 6, 29),
        ]
    );
    assert_eq!(all[0]["unit"], "u");
}
