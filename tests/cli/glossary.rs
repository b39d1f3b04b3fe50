//! The glossaries themselves: the project's own loads, lints clean, is canonical and finds
//! terms; the shared test glossaries are canonical and lint clean. `glossa glossary
//! lint|fmt` as a user runs them (messages at file:line:column; exit 0 clean, 1 problems
//! or not canonical, 2 unreadable or broken) are cases in `tests/cmd/glossary-*`.

use std::path::{Path, PathBuf};

use glossa::glossary::Glossary;
use glossa::lang::Lang;
use glossa::terms::TermMatcher;

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
            "bilingual.toml",
            "check.toml",
            "suggest.toml",
            "translation.toml"
        ]
    );
}
