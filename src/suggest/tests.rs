//! Ranking, grouping and the ignore list on a small corpus written for the tests.

use super::*;

const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }]
nl = [{ form = "kolchoz" }]

[concept.stalin]
english = "Stalin"
category = "person"
de = [{ form = "Stalin" }]
nl = [{ form = "Stalin" }]

[concept.molotov]
english = "Molotov"
category = "person"
de = [{ form = "Molotow" }]

[concept.cheka]
english = "Cheka"
category = "organisation"
de = [{ form = "Tscheka" }]
"#;

const DE: &str = "Die Kolchosen wurden unter Stalin gegründet. Das Natschalstwo der Kolchosen war \
mächtig. Chruschtschow kritisierte das Natschalstwo der Betriebe. Nach dem Tod Stalins \
sprach Chruschtschow auf dem Parteitag. Die Bauern arbeiteten in der Wirtschaft und in der \
Landwirtschaft. Das Kolchosnatschalstwo und das Betriebsnatschalstwo blieben. Die deutschen \
Bauern kannten das nicht. Das Natschalstwos Macht wuchs.\n";

const NL: &str = "De kolchozen werden onder Stalin opgericht. Het natsjalstvo van de kolchozen \
was machtig. Chroesjtsjov bekritiseerde het natsjalstvo. Het meisje werkte in de tuin.\n";

fn docs() -> Vec<Document> {
    vec![
        Document::from_bytes("de.txt", DE.as_bytes()).unwrap(),
        Document::from_bytes("nl.txt", NL.as_bytes()).unwrap(),
    ]
}

fn run(ignore: &[&str]) -> Vec<Suggestion> {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let options = SuggestOptions {
        ignore: ignore.iter().map(|s| s.to_string()).collect(),
        ..SuggestOptions::default()
    };
    suggest(&g, &docs(), &options).unwrap()
}

#[test]
fn russian_words_rank_first_and_group_across_languages() {
    let s = run(&[]);
    let top: Vec<&str> = s.iter().take(2).map(|s| s.key.as_str()).collect();
    assert!(top.contains(&"naCalstvo"), "{s:#?}");
    let nach = s.iter().find(|s| s.key == "naCalstvo").unwrap();
    for f in [
        "Natschalstwo",
        "natsjalstvo",
        "Betriebsnatschalstwo",
        "Natschalstwos",
    ] {
        assert!(
            nach.forms.iter().any(|x| x == f),
            "{f} missing: {:?}",
            nach.forms
        );
    }
    assert_eq!(nach.documents, 2);
    assert_eq!(nach.contexts.len(), 2);
    assert_ne!(nach.contexts[0].file, nach.contexts[1].file);
    let khr = s
        .iter()
        .find(|s| s.forms.iter().any(|f| f == "Chruschtschow"))
        .unwrap();
    assert!(khr.forms.iter().any(|f| f == "Chroesjtsjov"), "{khr:?}");
}

#[test]
fn glossary_words_and_native_words_are_not_suggested() {
    let s = run(&[]);
    let all: Vec<&str> = s
        .iter()
        .flat_map(|s| s.forms.iter().map(String::as_str))
        .collect();
    for w in [
        "Kolchosen",
        "kolchozen",
        "Stalins",
        "Wirtschaft",
        "Landwirtschaft",
        "deutschen",
        "meisje",
    ] {
        assert!(!all.contains(&w), "{w} suggested: {all:?}");
    }
}

#[test]
fn ignored_words_never_come_back() {
    let s = run(&["Natschalstwo"]);
    assert!(s.iter().all(|s| s.key != "naCalstvo"), "{s:#?}");
    assert!(
        s.iter()
            .all(|s| !s.forms.iter().any(|f| f == "natsjalstvo"))
    );
    // The Dutch spelling in the list silences the German one too.
    let s = run(&["Chroesjtsjov"]);
    assert!(
        s.iter()
            .all(|s| !s.forms.iter().any(|f| f == "Chruschtschow")),
        "{s:#?}"
    );
}

#[test]
fn a_suggestion_is_a_valid_proposed_entry() {
    let s = run(&[]);
    let nach = s.iter().find(|s| s.key == "naCalstvo").unwrap();
    let c = nach.to_concept();
    assert_eq!(c.id, "nachalstvo");
    assert_eq!(c.english, "nachalstvo");
    assert!(c.forms.iter().all(|f| f.status == Status::Proposed));
    let g = Glossary {
        concepts: vec![c],
        ..Glossary::default()
    };
    let text = g.to_toml();
    let back = Glossary::parse("p.toml", &text).unwrap();
    assert!(back.problems().is_empty(), "{text}");
    assert!(
        text.contains("{ form = \"Natschalstwo\", status = \"proposed\" }"),
        "{text}"
    );
}
