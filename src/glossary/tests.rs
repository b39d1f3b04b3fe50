//! Glossary parsing, validation and canonical form.

use super::*;

const SMALL: &str = r#"# A test glossary.

[concept.kolkhoz]
english = "kolkhoz"
category = "term"
compound = "both"
de = [
    { form = "Kolchos" },
    { form = "Kolchosbauern", status = "admitted", english = "kolkhoz peasants" },
]
nl = [{ form = "kolchoz" }]

[concept.gulag]
english = "Gulag"
category = "organisation"
de = [{ form = "Gulag", compound = "modifier" }]
"#;

fn err_of(text: &str) -> (usize, usize, String) {
    match Glossary::parse("g.toml", text) {
        Err(Error::Syntax {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

fn problems_of(text: &str) -> Vec<String> {
    Glossary::parse("g.toml", text)
        .unwrap()
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn parses_forms_with_their_settings() {
    let g = Glossary::parse("g.toml", SMALL).unwrap();
    assert!(g.problems().is_empty(), "{:?}", g.problems());
    let k = g.concept("kolkhoz").unwrap();
    assert_eq!(k.forms.len(), 3);
    assert_eq!(k.forms[1].english_in(k), "kolkhoz peasants");
    assert_eq!(k.forms[1].status, Status::Admitted);
    assert_eq!(k.forms[2].lang, Lang::Nl);
    assert_eq!(k.forms[0].compound_in(k), Compound::Both);
    assert_eq!(k.forms[0].inflect_in(k), Inflect::Stem);
    assert_eq!(k.forms[0].location, Some(Location { line: 8, column: 5 }));
}

#[test]
fn unknown_key_is_an_error_at_its_line() {
    let (line, column, message) =
        err_of("[concept.x]\nenglish = \"x\"\ncategory = \"term\"\nenglsh = \"y\"\n");
    assert_eq!((line, column), (4, 1));
    assert!(message.contains("unknown field `englsh`"), "{message}");
}

#[test]
fn a_region_of_a_known_language_gets_a_hint() {
    let (line, _, message) =
        err_of("[concept.x]\nenglish = \"x\"\ncategory = \"term\"\nde-AT = [{ form = \"x\" }]\n");
    assert_eq!(line, 4);
    assert!(
        message.contains("go under `de`, `nl` and `en`"),
        "{message}"
    );
    let (line, _, message) =
        err_of("[concept.x]\nenglish = \"x\"\ncategory = \"term\"\nFR = [{ form = \"x\" }]\n");
    assert_eq!(line, 4);
    assert!(message.contains("spelled `fr`"), "{message}");
}

#[test]
fn every_language_and_definition_is_kept_and_written_back() {
    let text = r#"[concept.kolkhoz]
english = "kolkhoz"
category = "term"
definition = "a collective farm of the Soviet Union"
definitions = { de = "landwirtschaftliche Großbetrieb", fr = "exploitation collective" }
de = [
    { form = "Kolchos", definition = "Kollektivwirtschaft" },
]
fr = [
    { form = "kolkhoze" },
    { form = "kolkhose", status = "deprecated", note = "old spelling" },
]
pt-BR = [
    { form = "colcoz", definition = "fazenda coletiva" },
]
ru = [
    { form = "колхоз" },
]
"#;
    let g = Glossary::parse("g.toml", text).unwrap();
    assert!(g.problems().is_empty(), "{:?}", g.problems());
    let c = &g.concepts[0];
    assert_eq!(c.forms.len(), 1);
    assert_eq!(
        c.forms[0].definition.as_deref(),
        Some("Kollektivwirtschaft")
    );
    let langs: Vec<&str> = c.other_forms.iter().map(|f| f.lang.as_str()).collect();
    assert_eq!(langs, ["fr", "fr", "pt-BR", "ru"]);
    assert_eq!(c.other_forms[1].status, Status::Deprecated);
    assert_eq!(c.definitions["fr"], "exploitation collective");
    assert_eq!(g.to_toml(), text);
}

#[test]
fn a_concept_with_terms_in_other_languages_only_loads() {
    let g = Glossary::parse(
        "g.toml",
        "[concept.x]\nenglish = \"x\"\ncategory = \"term\"\nfr = [{ form = \"ixe\" }]\n",
    )
    .unwrap();
    assert!(g.problems().is_empty(), "{:?}", g.problems());
    let p =
        problems_of("[concept.x]\nenglish = \"x\"\ncategory = \"term\"\nfr = [{ form = \" \" }]\n");
    assert_eq!(p, ["g.toml:4:7: a `fr` form of `x` is empty"]);
    let (line, _, message) = err_of(
        "[concept.x]\nenglish = \"x\"\ncategory = \"term\"\ndefinitions = { french = \"y\" }\nfr = [{ form = \"ixe\" }]\n",
    );
    assert_eq!(line, 4);
    assert!(message.contains("not a language tag"), "{message}");
}

#[test]
fn bad_status_names_the_choices() {
    let (line, column, message) = err_of(
        "[concept.x]\nenglish = \"x\"\ncategory = \"term\"\nde = [{ form = \"Xy\", status = \"prefered\" }]\n",
    );
    assert_eq!((line, column), (4, 31));
    assert!(message.contains("preferred"), "{message}");
}

#[test]
fn broken_toml_is_an_error_not_a_panic() {
    let (line, _, _) = err_of("[concept.x\nenglish = 1\n");
    assert_eq!(line, 1);
}

#[test]
fn two_concepts_claiming_one_form_is_a_problem() {
    let p = problems_of(
        "[concept.a]\nenglish = \"a\"\ncategory = \"term\"\nde = [{ form = \"Politbüro\" }]\n\n\
         [concept.b]\nenglish = \"b\"\ncategory = \"term\"\nde = [{ form = \"Politburo\" }]\n",
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with(
            "g.toml:9:7: form `Politburo` (de) is claimed by both `a` (line 4) and `b`"
        ),
        "{p:?}"
    );
}

#[test]
fn same_form_in_two_languages_is_fine() {
    let p = problems_of(
        "[concept.a]\nenglish = \"Stalin\"\ncategory = \"person\"\nde = [{ form = \"Stalin\" }]\nnl = [{ form = \"Stalin\" }]\n",
    );
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn empty_english_and_unmatchable_forms_are_problems() {
    let p = problems_of(
        "[concept.a]\nenglish = \" \"\ncategory = \"term\"\n\
         de = [{ form = \"--\" }, { form = \"NEP\", compound = \"modifier\" }, { form = \"X\" }]\n",
    );
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(
        p[0].contains("2:11: concept `a` has an empty English rendering"),
        "{p:?}"
    );
    assert!(p[1].contains("no letters"), "{p:?}");
    assert!(
        p[2].contains("too short (3 letters) to be found inside compounds"),
        "{p:?}"
    );
    assert!(p[3].contains("shorter than 2"), "{p:?}");
}

#[test]
fn canonical_form_sorts_and_round_trips() {
    let g = Glossary::parse("g.toml", SMALL).unwrap();
    let text = g.to_toml();
    assert!(
        text.starts_with("# A test glossary.\n\n[concept.gulag]\n"),
        "{text}"
    );
    let again = Glossary::parse("g.toml", &text).unwrap();
    assert_eq!(again.to_toml(), text);
    let strip = |g: &Glossary| {
        let mut cs = g.concepts.clone();
        for c in &mut cs {
            c.location = None;
            for f in &mut c.forms {
                f.location = None;
            }
        }
        cs.sort_by(|a, b| a.id.cmp(&b.id));
        cs
    };
    assert_eq!(strip(&g), strip(&again));
}

#[test]
fn ignore_list_and_proposed_status_round_trip() {
    let text = r#"# Header.

ignore = [
    "Genosse",
    "Woiwodschaft",
]

[concept.dacha]
english = "dacha"
category = "term"
de = [
    { form = "Datscha", status = "proposed" },
]
"#;
    let g = Glossary::parse("g.toml", text).unwrap();
    assert_eq!(g.ignore, ["Genosse", "Woiwodschaft"]);
    assert_eq!(g.concepts[0].forms[0].status, Status::Proposed);
    assert!(g.problems().is_empty());
    assert_eq!(g.to_toml(), text);
}

#[test]
fn ignore_must_be_a_list_of_strings() {
    let (line, _, message) = err_of("ignore = \"Genosse\"\n");
    assert_eq!(line, 1, "{message}");
}
