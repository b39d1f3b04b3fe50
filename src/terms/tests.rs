//! Table tests of the matcher: one row per behaviour, grouped by tier.

use super::*;
use crate::glossary::Glossary;

const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }, { form = "Kolchose", status = "deprecated" }]
nl = [{ form = "kolchoz" }]

[concept.nachalstvo]
english = "nachalstvo"
category = "term"
compound = "head"
de = [{ form = "Natschalstwo" }]

[concept.soviet]
english = "soviet"
category = "term"
compound = "modifier"
de = [{ form = "Sowjet" }, { form = "sowjetisch", english = "Soviet" }, { form = "innersowjetisch", english = "intra-Soviet" }]
nl = [{ form = "Sovjet" }, { form = "sovjetisch", english = "Soviet" }]

[concept.soviet-union]
english = "Soviet Union"
category = "place"
de = [{ form = "Sowjetunion" }, { form = "UdSSR", inflect = "none" }]
nl = [{ form = "Sovjet-Unie" }]

[concept.kulak]
english = "kulak"
category = "term"
compound = "modifier"
de = [{ form = "Kulak" }]
nl = [{ form = "koelak" }]

[concept.bolshevik]
english = "Bolshevik"
category = "term"
inflect = "russian-plural"
de = [{ form = "Bolschewik" }, { form = "Bolschewismus", english = "Bolshevism" }]
nl = [{ form = "bolsjewiek" }]

[concept.politburo]
english = "Politburo"
category = "organisation"
compound = "modifier"
de = [{ form = "Politbüro" }]

[concept.nep]
english = "NEP"
category = "term"
de = [{ form = "NEP", inflect = "none" }]

[concept.urals]
english = "Urals"
category = "place"
de = [{ form = "Ural" }]

[concept.stalin]
english = "Stalin"
category = "person"
de = [{ form = "Stalin" }, { form = "stalinistisch", english = "Stalinist" }]
nl = [{ form = "Stalin" }]

[concept.leningrad]
english = "Leningrad"
category = "place"
de = [{ form = "Leningrad" }]

[concept.lenin]
english = "Lenin"
category = "person"
compound = "modifier"
de = [{ form = "Lenin" }]

[concept.gulag]
english = "Gulag"
category = "organisation"
compound = "modifier"
de = [{ form = "Gulag" }]

[concept.khrushchev]
english = "Khrushchev"
category = "person"
de = [{ form = "Chruschtschow" }, { form = "Chruschy", status = "admitted", english = "Khrushchev (nickname)" }]
nl = [{ form = "Chroesjtsjov" }]

[concept.cheka]
english = "Cheka"
category = "organisation"
de = [{ form = "Tscheka" }]
nl = [{ form = "Tsjeka" }]

[concept.petersburg]
english = "St Petersburg"
category = "place"
de = [{ form = "Petersburg" }]

[concept.makhno]
english = "Makhno"
category = "person"
nl = [{ form = "Machno" }]

[concept.po-novomu]
english = "po-novomu"
category = "term"
de = [{ form = "po novomu", inflect = "none" }]
"#;

fn matcher() -> TermMatcher {
    let g = Glossary::parse("test.toml", GLOSSARY).unwrap();
    assert!(g.problems().is_empty(), "{:?}", g.problems());
    TermMatcher::new(&g).unwrap()
}

/// (name, language, text, expected hits as (surface, concept, tier))
type Row = (
    &'static str,
    Option<Lang>,
    &'static str,
    &'static [(&'static str, &'static str, Tier)],
);

const DE: Option<Lang> = Some(Lang::De);
const NL: Option<Lang> = Some(Lang::Nl);

const ROWS: &[Row] = &[
    // exact
    (
        "exact",
        DE,
        "Im Kolchos wurde gearbeitet.",
        &[("Kolchos", "kolkhoz", Tier::Exact)],
    ),
    (
        "exact ignores case",
        DE,
        "DER KOLCHOS",
        &[("KOLCHOS", "kolkhoz", Tier::Exact)],
    ),
    (
        "exact acronym",
        DE,
        "die UdSSR.",
        &[("UdSSR", "soviet-union", Tier::Exact)],
    ),
    (
        "exact two words",
        DE,
        "ein Leben po novomu.",
        &[("po novomu", "po-novomu", Tier::Exact)],
    ),
    (
        "exact dutch",
        NL,
        "de kolchoz is",
        &[("kolchoz", "kolkhoz", Tier::Exact)],
    ),
    // inflected
    (
        "german plural",
        DE,
        "die Kolchosen",
        &[("Kolchosen", "kolkhoz", Tier::Inflected)],
    ),
    (
        "german genitive",
        DE,
        "Chruschtschows Rede",
        &[("Chruschtschows", "khrushchev", Tier::Inflected)],
    ),
    (
        "german adjective",
        DE,
        "der sowjetischen Macht",
        &[("sowjetischen", "soviet", Tier::Inflected)],
    ),
    (
        "russian plural",
        DE,
        "die Bolschewiki",
        &[("Bolschewiki", "bolshevik", Tier::Inflected)],
    ),
    (
        "dutch doubled consonant",
        NL,
        "de koelakken",
        &[("koelakken", "kulak", Tier::Inflected)],
    ),
    (
        "dutch plural",
        NL,
        "de bolsjewieken",
        &[("bolsjewieken", "bolshevik", Tier::Inflected)],
    ),
    (
        "apostrophe genitive",
        DE,
        "Chruschy's Witz",
        &[("Chruschy's", "khrushchev", Tier::Inflected)],
    ),
    ("acronym does not inflect", DE, "die UdSSRen", &[]),
    // compound
    (
        "modifier",
        DE,
        "die Kolchosbauern",
        &[("Kolchosbauern", "kolkhoz", Tier::Compound)],
    ),
    (
        "head",
        DE,
        "das Betriebsnatschalstwo",
        &[("Betriebsnatschalstwo", "nachalstvo", Tier::Compound)],
    ),
    (
        "two concepts in one compound",
        DE,
        "das Kolchosnatschalstwo",
        &[
            ("Kolchosnatschalstwo", "kolkhoz", Tier::Compound),
            ("Kolchosnatschalstwo", "nachalstvo", Tier::Compound),
        ],
    ),
    (
        "hyphen compound of a short form",
        DE,
        "die NEP-Politik",
        &[("NEP-Politik", "nep", Tier::Compound)],
    ),
    (
        "hyphen head",
        DE,
        "das MTS-Natschalstwo",
        &[("MTS-Natschalstwo", "nachalstvo", Tier::Compound)],
    ),
    (
        "hyphen compound of a no-compound form",
        DE,
        "im Ural-Gebiet",
        &[("Ural-Gebiet", "urals", Tier::Compound)],
    ),
    (
        "derivational prefix",
        DE,
        "antistalinistische Kräfte",
        &[("antistalinistische", "stalin", Tier::Compound)],
    ),
    (
        "gulag modifier",
        DE,
        "im Gulagsystem",
        &[("Gulagsystem", "gulag", Tier::Compound)],
    ),
    // longest match
    (
        "union beats soviet",
        DE,
        "die Sowjetunion",
        &[("Sowjetunion", "soviet-union", Tier::Exact)],
    ),
    (
        "leningrad beats lenin",
        DE,
        "in Leningrad",
        &[("Leningrad", "leningrad", Tier::Exact)],
    ),
    (
        "leningrad inflected",
        DE,
        "Leningrader Arbeiter",
        &[("Leningrader", "leningrad", Tier::Inflected)],
    ),
    (
        "explicit derived form wins",
        DE,
        "innersowjetische",
        &[("innersowjetische", "soviet", Tier::Inflected)],
    ),
    (
        "derived form english",
        DE,
        "Bolschewismus",
        &[("Bolschewismus", "bolshevik", Tier::Exact)],
    ),
    // variants
    (
        "umlaut folded",
        DE,
        "das Politburo",
        &[("Politburo", "politburo", Tier::Variant)],
    ),
    (
        "old umlaut spelling",
        DE,
        "das POLITBUERO",
        &[("POLITBUERO", "politburo", Tier::Variant)],
    ),
    (
        "hyphenated spelling",
        DE,
        "die Sowjet-Union",
        &[("Sowjet-Union", "soviet-union", Tier::Variant)],
    ),
    (
        "dutch hyphen form unhyphenated",
        NL,
        "de Sovjetunie",
        &[("Sovjetunie", "soviet-union", Tier::Variant)],
    ),
    // deprecated
    (
        "deprecated",
        DE,
        "die Kolchose",
        &[("Kolchose", "kolkhoz", Tier::Deprecated)],
    ),
    // short-form guards
    ("nep not inside neptun", DE, "Neptun und Nepal", &[]),
    ("ural not inside uralt", DE, "eine uralte Sitte", &[]),
    ("lenin no head", DE, "Marxleninismus", &[]),
    (
        "not inside an unrelated word",
        DE,
        "Kulakow und Stalinorgel",
        &[],
    ),
    ("short prefix is no head", DE, "Denatschalstwo", &[]),
    // Issue 17: prefixes that undo, and words inside links.
    (
        "ent- before a verbal noun",
        DE,
        "die Entkulakisierung",
        &[("Entkulakisierung", "kulak", Tier::Compound)],
    ),
    (
        "de- before a verbal noun, as ent-",
        DE,
        "die Dekulakisierung der Dörfer",
        &[("Dekulakisierung", "kulak", Tier::Compound)],
    ),
    (
        "dutch ont- and de-",
        NL,
        "de ontkoelakisering en de dekoelakisering",
        &[
            ("ontkoelakisering", "kulak", Tier::Compound),
            ("dekoelakisering", "kulak", Tier::Compound),
        ],
    ),
    (
        "a term in a URL's slug is no hit",
        DE,
        "Siehe https://example.org/gulag-lager-in-sibirien-100.html, dort der Gulag.",
        &[("Gulag", "gulag", Tier::Exact)],
    ),
    (
        "a term in a www address or an e-mail address is no hit",
        DE,
        "Schreiben Sie an kolchos@example.org oder lesen Sie www.kolchos-archiv.de/kulak.",
        &[],
    ),
    // languages
    // Issue 17: spellings of another language, one rule (TermMatcher::find).
    (
        "a german form in dutch text is a variant",
        NL,
        "de Kolchosen",
        &[("Kolchosen", "kolkhoz", Tier::Variant)],
    ),
    (
        "a dutch form in german text is a variant",
        DE,
        "die Tsjeka und die koelakken",
        &[
            ("Tsjeka", "cheka", Tier::Variant),
            ("koelakken", "kulak", Tier::Variant),
        ],
    ),
    (
        "an english rendering in german or dutch text is a variant",
        DE,
        "Die Cheka, später die Comintern.",
        &[("Cheka", "cheka", Tier::Variant)],
    ),
    (
        "the text's own spelling wins in the same word",
        DE,
        "die Tscheka",
        &[("Tscheka", "cheka", Tier::Exact)],
    ),
    (
        "a concept without a form in the text's language keeps its tiers",
        DE,
        "Machno kämpfte.",
        &[("Machno", "makhno", Tier::Exact)],
    ),
    (
        "of two overlapping hits of one concept the text's own spelling stays",
        DE,
        "in St.Petersburg",
        &[("Petersburg", "petersburg", Tier::Exact)],
    ),
    (
        "a hit inside a longer one of another concept goes",
        DE,
        "German Communism and the Soviet Union, 1933",
        &[("Soviet Union", "soviet-union", Tier::Variant)],
    ),
    (
        "english renderings in text of unknown language are the text's own",
        None,
        "The Cheka and the kulaks.",
        &[
            ("Cheka", "cheka", Tier::Exact),
            ("kulaks", "kulak", Tier::Inflected),
        ],
    ),
    (
        "dutch form in dutch text",
        NL,
        "Chroesjtsjov sprak",
        &[("Chroesjtsjov", "khrushchev", Tier::Exact)],
    ),
    (
        "fallback: all languages",
        None,
        "Kolchos en kolchoz",
        &[
            ("Kolchos", "kolkhoz", Tier::Exact),
            ("kolchoz", "kolkhoz", Tier::Exact),
        ],
    ),
];

#[test]
fn table() {
    let m = matcher();
    let mut failures = Vec::new();
    for (name, lang, text, want) in ROWS {
        let got: Vec<(&str, &str, Tier)> = m
            .find(text, *lang)
            .iter()
            .map(|h| (&text[h.start..h.end], h.concept.as_str(), h.tier))
            .map(|(s, c, t)| {
                (
                    s,
                    ROWS_CONCEPTS
                        .iter()
                        .find(|x| **x == c)
                        .copied()
                        .unwrap_or("?"),
                    t,
                )
            })
            .collect();
        if got != *want {
            failures.push(format!(
                "{name}: {text:?}\n   want {want:?}\n    got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

const ROWS_CONCEPTS: &[&str] = &[
    "kolkhoz",
    "nachalstvo",
    "soviet",
    "soviet-union",
    "kulak",
    "bolshevik",
    "politburo",
    "nep",
    "urals",
    "stalin",
    "leningrad",
    "lenin",
    "gulag",
    "khrushchev",
    "po-novomu",
    "cheka",
    "makhno",
    "petersburg",
];

#[test]
fn hits_carry_form_english_and_language() {
    let m = matcher();
    let hits = m.find(
        "Der Bolschewismus und stalinistische Kader.",
        Some(Lang::De),
    );
    assert_eq!(hits.len(), 2);
    assert_eq!(
        (hits[0].form.as_str(), hits[0].english.as_str()),
        ("Bolschewismus", "Bolshevism")
    );
    assert_eq!(
        (hits[1].form.as_str(), hits[1].english.as_str()),
        ("stalinistisch", "Stalinist")
    );
    assert_eq!(hits[1].lang, Lang::De);
}

#[test]
fn offsets_are_bytes_of_the_input() {
    let m = matcher();
    let text = "Über „Groß-Kolchosen“ – Politbüros.";
    let hits = m.find(text, Some(Lang::De));
    let surfaces: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
    assert_eq!(surfaces, ["Groß-Kolchosen", "Politbüros"]);
}

#[test]
fn matcher_is_send_and_sync() {
    fn assert_sync<T: Send + Sync>() {}
    assert_sync::<TermMatcher>();
}

#[test]
fn context_is_cut_around_the_term() {
    let text = format!("{} Kolchos {}", "a".repeat(60), "b".repeat(60));
    let c = context(&text, 61, 68);
    assert!(
        c.starts_with('…') && c.ends_with('…') && c.contains("[[Kolchos]]"),
        "{c}"
    );
}
