//! `glossa glossary lint|fmt` as a user runs them: messages with file, line and column,
//! and the exit codes (0 clean, 1 problems or not canonical, 2 unreadable or broken).
//! Also: the project's own glossary loads, lints clean and is canonical.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use glossa::glossary::Glossary;
use glossa::lang::Lang;
use glossa::terms::TermMatcher;

use crate::support;

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("glossary_cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn glossa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn lint_clean_glossary_exits_0() {
    let dir = scratch("clean");
    std::fs::write(dir.join("g.toml"), support::glossaries::BASIC).unwrap();
    let o = glossa(&dir, &["glossary", "lint", "g.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn lint_reports_problems_at_line_and_column_and_exits_1() {
    let dir = scratch("problems");
    let text = "[concept.a]\nenglish = \"\"\ncategory = \"term\"\nde = [{ form = \"Politbüro\" }]\n\n\
                [concept.b]\nenglish = \"b\"\ncategory = \"term\"\nde = [{ form = \"Politburo\" }, { form = \"NEP\", compound = \"head\" }]\n";
    std::fs::write(dir.join("g.toml"), text).unwrap();
    let o = glossa(&dir, &["glossary", "lint", "g.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("g.toml:2:11: concept `a` has an empty English rendering"),
        "{out}"
    );
    assert!(
        lines[1].starts_with(
            "g.toml:9:7: form `Politburo` (de) is claimed by both `a` (line 4) and `b`"
        ),
        "{out}"
    );
    assert!(
        lines[2].starts_with("g.toml:9:31: form `NEP` of `b` can never match"),
        "{out}"
    );
}

#[test]
fn unknown_key_is_exit_2_with_line_column_and_hint() {
    let dir = scratch("unknown-key");
    std::fs::write(
        dir.join("g.toml"),
        "[concept.a]\nenglish = \"a\"\ncategory = \"term\"\nru = [{ form = \"Kolchos\" }]\n",
    )
    .unwrap();
    let o = glossa(&dir, &["glossary", "lint", "g.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("glossa: error: g.toml:4:1: unknown field `ru`"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn broken_toml_is_exit_2_not_a_panic() {
    let dir = scratch("broken");
    std::fs::write(dir.join("g.toml"), "[concept.a\nenglish = \"a\"\n").unwrap();
    let o = glossa(&dir, &["glossary", "lint", "g.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("glossa: error: g.toml:1:"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn missing_file_is_exit_2() {
    let dir = scratch("missing");
    let o = glossa(&dir, &["glossary", "lint", "nope.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read nope.toml"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn fmt_check_names_the_file_then_fmt_fixes_it() {
    let dir = scratch("fmt");
    let messy = "[concept.zz]\ncategory = \"term\"\nenglish = \"z\"\nde = [{form=\"Zett\"}]\n\n[concept.aa]\nenglish = \"a\"\ncategory = \"term\"\nde = [{ form = \"Aah\" }]\n";
    std::fs::create_dir(dir.join("glossary")).unwrap();
    let path = dir.join("glossary/g.toml");
    std::fs::write(&path, messy).unwrap();

    // Default files: glossary/*.toml.
    let o = glossa(&dir, &["glossary", "fmt", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "glossary/g.toml: not in canonical form; run `glossa glossary fmt`\n"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check must not write"
    );

    let o = glossa(&dir, &["glossary", "fmt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("[concept.aa]\nenglish = \"a\"\ncategory = \"term\"\n"),
        "{text}"
    );
    assert!(text.contains("[concept.zz]\nenglish = \"z\"\ncategory = \"term\"\nde = [\n    { form = \"Zett\" },\n]\n"), "{text}");

    let o = glossa(&dir, &["glossary", "fmt", "--check"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn help_has_examples() {
    let dir = scratch("help");
    for cmd in ["lint", "fmt"] {
        let o = glossa(&dir, &["glossary", cmd, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        assert!(
            stdout(&o).contains(&format!("glossa glossary {cmd}")),
            "{}",
            stdout(&o)
        );
    }
}

fn project_glossary() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary/soviet.toml")
}

#[test]
fn project_glossary_loads_lints_clean_and_is_canonical() {
    let path = project_glossary();
    let g = Glossary::load(&path).unwrap();
    assert!(g.concepts.len() >= 100, "{} concepts", g.concepts.len());
    assert!(g.problems().is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        g.to_toml() == text,
        "glossary/soviet.toml is not canonical: run `glossa glossary fmt`"
    );
}

#[test]
fn project_glossary_finds_terms_in_german_and_dutch() {
    let g = Glossary::load(&project_glossary()).unwrap();
    let m = TermMatcher::new(&g).unwrap();
    let concepts = |text: &str, lang| -> Vec<String> {
        m.find(text, Some(lang))
            .into_iter()
            .map(|h| h.concept)
            .collect()
    };
    assert_eq!(
        concepts(
            "Die Kolchosbauern fürchteten das Betriebsnatschalstwo mehr als die Tscheka.",
            Lang::De
        ),
        ["kolkhoz", "nachalstvo", "cheka"]
    );
    assert_eq!(
        concepts(
            "Nach Chruschtschows Rede sprach man in Moskau vom Stalinismus.",
            Lang::De
        ),
        ["khrushchev", "moscow", "stalin"]
    );
    assert_eq!(
        concepts(
            "De koelakken werden naar de goelag gestuurd, schreef Boecharin.",
            Lang::Nl
        ),
        ["kulak", "gulag", "bukharin"]
    );
    assert_eq!(
        concepts("Eine Beratung über den Neptun und das Rathaus.", Lang::De),
        Vec::<String>::new()
    );
}

#[test]
fn fixture_glossaries_load_lint_clean_and_are_canonical() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossaries");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let g = Glossary::load(&path).unwrap();
        assert!(g.problems().is_empty(), "{}", path.display());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            g.to_toml() == text,
            "{} is not canonical: run `glossa glossary fmt`",
            path.display()
        );
        names.push(path.file_name().unwrap().to_string_lossy().into_owned());
    }
    names.sort();
    assert_eq!(
        names,
        [
            "basic.toml",
            "check.toml",
            "suggest.toml",
            "translation.toml"
        ]
    );
}
