//! Ranking, grouping and the ignore list on a small corpus written for the tests.

use super::corpus::{Vocabulary, Word};
use super::model::TrigramModel;
use super::roots::roots;
use super::score::{Trace, score};
use super::*;
use crate::glossary::{Category, Compound, Glossary, Status};
use crate::lang::Lang;
use crate::source::Document;

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

/// A second text: Russian names and words without telltale spellings, among
/// internationalisms that German shares with Russian and English.
const VOCABULARY: &str = "Im Süden kämpfte Machno mit seinen Bauern. Die Zeitung Prawda \
schrieb über Machno. Beria leitete später die Polizei, und Beria fürchtete man. Machno \
verlor. In dieser Periode bildeten sich Partisanen. Die Opposition und das Proletariat \
stritten über die Periode. Die Partisanen zogen weiter. Die Prawda lobte den Zaren nie. \
Der Zar floh, die Zaren waren vergessen, der Zar blieb ein Symbol. Der Friede von \
Brest-Litowsk wurde in Brest-Litowsk unterzeichnet. Die Beria-Krise kam später. Man lebte \
po novomu, sagte er. Das NKWD verhaftete ihn; das NKWD war überall. Gor’kij schrieb \
darüber. Das Zentralkomitee tagte. POLITIK UND MACHT. Die Politik siegte. Kerenski floh. \
Die Kulaken wurden enteignet.\n";

fn run_on(text: &str) -> Vec<Suggestion> {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let docs = vec![Document::from_bytes("v.txt", text.as_bytes()).unwrap()];
    suggest(&g, &docs, &SuggestOptions::default()).unwrap()
}

fn rank(s: &[Suggestion], form: &str) -> Option<usize> {
    s.iter().position(|g| g.forms.iter().any(|f| f == form))
}

#[test]
fn russian_words_without_spelling_cues_outrank_internationalisms() {
    let s = run_on(VOCABULARY);
    let worst_russian = ["Machno", "Prawda", "Beria"]
        .map(|w| rank(&s, w).unwrap_or_else(|| panic!("{w} missing: {s:#?}")))
        .into_iter()
        .max()
        .unwrap();
    for w in ["Periode", "Partisanen", "Opposition", "Proletariat"] {
        assert!(
            rank(&s, w).is_none_or(|r| r > worst_russian),
            "{w} ranks above a Russian word: {:?}",
            s.iter().map(|g| &g.forms[0]).collect::<Vec<_>>()
        );
    }
}

#[test]
fn names_and_phrases_are_proposed_whole() {
    let s = run_on(VOCABULARY);
    let brest = &s[rank(&s, "Brest-Litowsk").expect("hyphenated name")];
    assert_eq!(brest.base[0].1, "Brest-Litowsk");
    assert!(rank(&s, "po novomu").is_some(), "{s:#?}");
    // A compound of a name with a German word is not a name: it is listed with the name.
    let beria = &s[rank(&s, "Beria").expect("Beria")];
    assert_eq!(beria.base[0].1, "Beria");
    assert!(beria.forms.iter().any(|f| f == "Beria-Krise"), "{beria:?}");
    // The soft sign's apostrophe stays inside the word.
    assert!(rank(&s, "Gor’kij").is_some(), "{s:#?}");
}

#[test]
fn short_words_acronyms_and_headings() {
    let s = run_on(VOCABULARY);
    // Zar is short, but spells царь; its inflected form joins it.
    let zar = &s[rank(&s, "Zar").expect("Zar")];
    assert!(zar.forms.iter().any(|f| f == "Zaren"), "{zar:?}");
    assert!(rank(&s, "NKWD").is_some());
    // A heading in capitals is the text's own word.
    assert!(rank(&s, "POLITIK").is_none());
    assert!(rank(&s, "MACHT").is_none());
}

#[test]
fn the_english_rendering_is_the_russian_words_english_spelling() {
    let s = run_on(VOCABULARY);
    let english = |form: &str| s[rank(&s, form).unwrap()].english.clone();
    assert_eq!(english("Kerenski"), "Kerensky");
    assert_eq!(english("Kulaken"), "kulak");
    assert!(english("Machno").eq_ignore_ascii_case("makhno"));
    assert_eq!(english("Brest-Litowsk"), "Brest-Litovsk");
}

#[test]
fn a_translation_joins_its_words_to_their_groups_but_not_the_glossary_renderings() {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let de = "Machno kämpfte im Süden. Die Kolchosen litten, und Machno floh. Später \
schrieb man über Machno.\n";
    let en = "Makhno fought in the south. The kolkhozes suffered, and Makhno fled. Later \
people wrote about Makhno.\n";
    let docs = vec![
        Document::from_bytes("de.txt", de.as_bytes()).unwrap(),
        Document::from_bytes("en/de.txt", en.as_bytes()).unwrap(),
    ];
    let s = suggest(&g, &docs, &SuggestOptions::default()).unwrap();
    let makhno = &s[rank(&s, "Machno").expect("Machno")];
    let english = makhno.variants.iter().find(|v| v.form == "Makhno");
    assert_eq!(english.map(|v| v.lang), Some(Lang::En), "{makhno:?}");
    // `kolkhozes` is the glossary's rendering of Kolchos: nothing to propose.
    assert!(rank(&s, "kolkhozes").is_none(), "{s:#?}");
}

#[test]
fn a_native_part_does_not_hide_a_russian_word() {
    let s = run_on(
        "Die Menschewiki stritten mit den Menschen. Tuchatschewski führte die Truppen. \
Die Apparatschiki herrschten. Die deutsche Wirtschaft wuchs.\n",
    );
    for w in ["Menschewiki", "Tuchatschewski", "Apparatschiki"] {
        assert!(rank(&s, w).is_some(), "{w} missing: {s:#?}");
    }
    for w in ["Menschen", "deutsche", "Wirtschaft"] {
        assert!(rank(&s, w).is_none(), "{w} proposed: {s:#?}");
    }
}

#[test]
fn an_acronym_with_a_lowercase_letter_meets_its_plain_spelling() {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let de = "Die UdSSR schwieg. Später brach die UdSSR auseinander.\n";
    let en = "The USSR kept silent. Later the USSR fell apart.\n";
    let docs = vec![
        Document::from_bytes("de.txt", de.as_bytes()).unwrap(),
        Document::from_bytes("en/de.txt", en.as_bytes()).unwrap(),
    ];
    let s = suggest(&g, &docs, &SuggestOptions::default()).unwrap();
    let i = rank(&s, "UdSSR").expect("UdSSR");
    assert_eq!(rank(&s, "USSR"), Some(i), "{s:#?}");
    assert_eq!(s[i].count, 4);
}

#[test]
fn a_word_two_languages_spell_apart_is_a_transliteration() {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let score = |nl: &str| {
        let docs = vec![
            Document::from_bytes("de.txt", "Die Prawda schrieb darüber.\n".as_bytes()).unwrap(),
            Document::from_bytes("nl.txt", nl.as_bytes()).unwrap(),
        ];
        let s = suggest(&g, &docs, &SuggestOptions::default()).unwrap();
        let group = &s[rank(&s, "Prawda").expect("Prawda")];
        assert_eq!(group.count, 2, "{group:?}");
        group.score
    };
    // Dutch `Pravda` against German `Prawda`: each language's own transliteration.
    let apart = score("De Pravda schreef erover.\n");
    let alike = score("De Prawda schreef erover.\n");
    assert!(apart > alike + 0.5, "{apart} vs {alike}");
}

#[test]
fn a_latin_suffix_does_not_count_against_a_word_only_russian_knows() {
    let model = TrigramModel::new(&[], &[]);
    let vocabulary = Vocabulary::default();
    let word = Word {
        count: 1,
        inner: 1,
        inner_capital: 1,
        ..Word::default()
    };
    let at = |w: &str| {
        score(
            w,
            &word,
            Lang::De,
            &model,
            &vocabulary,
            &mut Trace::default(),
        )
        .map_or(f64::MIN, |s| s.0)
    };
    // `Dekabristen` is `декабристы`, unknown to German; `Marxisten` is German vocabulary.
    let decembrists = at("Dekabristen");
    assert!(decembrists > at("Marxisten") + 2.0, "{decembrists}");
    assert!(decembrists > 2.0, "{decembrists}");
}

#[test]
fn derivations_and_compounds_of_a_russian_word_are_proposed() {
    // Each Russian word occurs only derived or in a compound.
    let s = run_on(
        "Der Bucharinismus wurde verurteilt. Der Zarismus fiel. Der Bolschewismus siegte. \
Der Kronstädter Aufstand scheiterte. Der Dekabristenaufstand war früher. Im Kolyma-Gebiet \
lagen Lager. Der Kommunismus und der Marxismus blieben. Die Telefonleitung riss. Die \
Reformanläufe scheiterten.\n",
    );
    for w in [
        "Bucharinismus",
        "Zarismus",
        "Bolschewismus",
        "Kronstädter",
        "Dekabristenaufstand",
    ] {
        assert!(rank(&s, w).is_some(), "{w} missing: {s:#?}");
    }
    // The hyphenated compound is listed with its Russian part, as printed.
    let kolyma = &s[rank(&s, "Kolyma").expect("Kolyma")];
    assert!(
        kolyma.forms.iter().any(|f| f == "Kolyma-Gebiet"),
        "{kolyma:?}"
    );
    // German vocabulary, and compounds of internationalisms, are not.
    // `Reform|anläufe`, not `Reforman|läufe`.
    for w in [
        "Kommunismus",
        "Marxismus",
        "Telefonleitung",
        "Reformanläufe",
    ] {
        assert!(rank(&s, w).is_none(), "{w} proposed: {s:#?}");
    }
}

#[test]
fn roots_of_derivations_and_compounds() {
    let r = |w: &str| roots(w, Lang::De);
    assert!(r("Trotzkismus").contains(&"Trotzki".to_string()));
    assert!(r("Bolschewismus").contains(&"Bolschewik".to_string()));
    assert!(r("Kronstädter").contains(&"Kronstadt".to_string()));
    assert!(r("Dekabristenaufstand").contains(&"Dekabristen".to_string()));
    // The longest last part that is a word decides the split.
    assert!(r("Konterrevolution").contains(&"Konter".to_string()));
    assert!(!r("Konterrevolution").contains(&"Konterr".to_string()));
}

#[test]
fn two_swapped_letters_still_read_as_the_russian_word() {
    // `Tiblissi` for `Tbilissi` (Тбилиси).
    let s = run_on("Er reiste dann nach Tiblissi und blieb dort.\n");
    assert!(rank(&s, "Tiblissi").is_some(), "{s:#?}");
}

#[test]
fn a_derivation_joins_the_group_of_its_root() {
    let s = run_on(
        "Die Sowjets tagten. Die sowjetischen Truppen kamen. Die sowjetische Macht wuchs. \
Das Sowjetsystem hielt. Die Sowjets blieben.\n",
    );
    let i = rank(&s, "Sowjets").expect("Sowjets");
    for w in ["sowjetischen", "Sowjetsystem"] {
        assert_eq!(rank(&s, w), Some(i), "{w}: {s:#?}");
    }
}

#[test]
fn a_word_that_only_shares_the_key_is_no_inflected_form() {
    let s = run_on(
        "Der Historiker Shub schrieb. Shub lebte in New York. Die Revolution kam in Schüben. \
Der Zar floh, die Zaren waren vergessen.\n",
    );
    let shub = &s[rank(&s, "Shub").expect("Shub")];
    assert!(!shub.forms.iter().any(|f| f == "Schüben"), "{shub:?}");
    let zar = &s[rank(&s, "Zar").expect("Zar")];
    assert!(zar.forms.iter().any(|f| f == "Zaren"), "{zar:?}");
}

#[test]
fn a_derived_group_is_named_after_its_russian_word() {
    let s = run_on(
        "Der Schdanowismus prägte die Kultur. Die Stachanowbewegung wuchs schnell. Im \
Tscheljabinsker Werk arbeiteten viele.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    assert_eq!(group("Schdanowismus").english, "Zhdanovism");
    let stakhanov = group("Stachanowbewegung");
    assert_eq!(stakhanov.english, "Stakhanov");
    // The entry holds the Russian word, compounds allowed.
    let entry = stakhanov.to_concept();
    assert_eq!(entry.forms[0].text, "Stachanow");
    assert_eq!(entry.compound, Some(Compound::Both));
    let chelyabinsk = group("Tscheljabinsker");
    assert_eq!(chelyabinsk.english, "Chelyabinsk");
    assert_eq!(chelyabinsk.category, Category::Place);
}

// Issue 19: proposals ready to accept.
#[test]
fn a_proposal_has_the_printed_base_form_and_a_category_from_evidence() {
    let s = run_on(
        "Nach dem Tod Jeschows kam Berija. Der Volkskommissar Nikolai Jeschow wurde \
abgesetzt. Die Schriften Nikolai Jeschows wurden verboten. Die Kulaken wurden nach \
Workuta deportiert. Viele Kulaken starben in Workuta. Die Familien kamen nach Workuta.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    // Only inflected forms were printed: the base is the form the inflections share.
    let yezhov = group("Jeschows");
    assert_eq!(yezhov.base[0].1, "Jeschow", "{yezhov:#?}");
    assert_eq!(yezhov.category, Category::Person);
    assert_eq!(yezhov.english, "Yezhov");
    assert_eq!(group("Kulaken").base[0].1, "Kulak");
    // A first name: beside another name each time.
    let nikolai = group("Nikolai");
    assert_eq!(nikolai.category, Category::Person, "{nikolai:#?}");
    assert_eq!(nikolai.english, "Nikolay");
    // A name's `-i` is no Russian plural.
    assert_eq!(nikolai.to_concept().inflect, None);
    // A place: after prepositions of place.
    let vorkuta = group("Workuta");
    assert_eq!(vorkuta.category, Category::Place, "{vorkuta:#?}");
    assert_eq!(vorkuta.english, "Vorkuta");
}

// Issue 19: a name read through German's lengthening `h` has its base and English from
// that reading, a given name beside it makes it a person whatever its `-burg`, and place
// evidence outweighs a surname ending; a genitive before its noun is no object of `nach`.
#[test]
fn a_person_ending_in_burg_and_a_place_ending_in_ow_are_told_by_context() {
    let s = run_on(
        "Die Leser kannten die Memoiren Ilja Ehrenburgs. Man schickte ihn ins Lager bei Tambow, später starb er im Gefängnis von Tambow. Nach Kasimirs Tod kam Ordnung.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    let ehrenburg = group("Ehrenburgs");
    assert_eq!(ehrenburg.base[0].1, "Ehrenburg", "{ehrenburg:#?}");
    assert_eq!(ehrenburg.english, "Ehrenburg");
    assert_eq!(ehrenburg.category, Category::Person);
    let tambov = group("Tambow");
    assert_eq!(tambov.category, Category::Place, "{tambov:#?}");
    assert_eq!(tambov.english, "Tambov");
}

// Issue 19: the Russian plural of a noun of agents names a group of people, not a person,
// though it ends in `-ki` as a surname does; a surname in `-ki` stays a person.
#[test]
fn a_russian_plural_of_agents_is_a_term_not_a_person() {
    let s = run_on(
        "Auf den Bahnhöfen warteten die Mjeschotschniki mit ihren Säcken. Die \
Mjeschotschniki fuhren nach Süden. Ohne die Mjeschotschniki hungerte die Stadt. Die \
Schestidesjatniki lasen Gedichte, und die Schestidesjatniki stritten. Der Dichter Twardowski \
schrieb, und Twardowski schwieg.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    for plural in ["Mjeschotschniki", "Schestidesjatniki"] {
        let g = group(plural);
        assert_eq!(g.category, Category::Term, "{g:#?}");
    }
    assert_eq!(group("Twardowski").category, Category::Person);
}

// Issue 19: the Russian name of a journal or a newspaper, an adjective and a noun both
// capitalised, is one candidate: its words are no persons of their own. A given name and an
// adjectival surname are a person's.
#[test]
fn a_russian_title_of_adjective_and_noun_is_one_candidate() {
    let s = run_on(
        "Die Zeitschrift Nowy Mir druckte die Erzählung. Der Redakteur von Nowy Mir verlor \
seinen Posten. Die Zeitung Sowjetskaja Rossija druckte einen Brief, und Sowjetskaja Rossija \
schwieg danach. Marschall Semjon Budjonny ritt voran; Budjonny siegte.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    let novy = group("Nowy");
    assert_eq!(novy.base[0].1, "Nowy Mir", "{novy:#?}");
    assert_eq!(novy.category, Category::Organisation, "{novy:#?}");
    let rossiya = group("Rossija");
    assert_eq!(rossiya.base[0].1, "Sowjetskaja Rossija", "{rossiya:#?}");
    assert_ne!(rossiya.category, Category::Person, "{rossiya:#?}");
    let budyonny = group("Budjonny");
    assert_eq!(budyonny.base[0].1, "Budjonny", "{budyonny:#?}");
    assert_eq!(budyonny.category, Category::Person, "{budyonny:#?}");
}

// Issue 19: the base form is one the body prints, not the scholarly transliteration of a
// footnote's bibliography.
#[test]
fn the_base_form_is_printed_in_the_body_not_only_in_a_footnote() {
    let s = run_on(
        "Die Hauptstadt kehrte nach Kyjiw zurück. In Kyjiw blieben die Behörden. Kyjiw wuchs.\n\n\
1 Vgl. O. Rubl'ov, Istorija, Kyïv 2004.\n",
    );
    let kyiv = &s[rank(&s, "Kyjiw").unwrap_or_else(|| panic!("{s:#?}"))];
    assert!(kyiv.forms.iter().any(|f| f == "Kyïv"), "{kyiv:#?}");
    assert_eq!(kyiv.base[0].1, "Kyjiw", "{kyiv:#?}");
}

// Issue 19: a noun of a place before a name in apposition makes it a place whatever its
// surname ending.
#[test]
fn a_name_after_a_noun_of_place_is_a_place() {
    let s = run_on("Im Gouvernement Tambow erhoben sich die Bauern gegen die Abteilungen.\n");
    let tambov = &s[rank(&s, "Tambow").unwrap_or_else(|| panic!("{s:#?}"))];
    assert_eq!(tambov.category, Category::Place, "{tambov:#?}");
}

#[test]
fn a_genitive_before_its_noun_is_no_place_after_a_preposition() {
    let s = run_on(
        "Nach Schdanows Rede schwieg man. Nach Schdanows Tod sprach man wieder. Schdanow \
war gefürchtet.\n",
    );
    let zhdanov = &s[rank(&s, "Schdanows").unwrap_or_else(|| panic!("{s:#?}"))];
    assert_eq!(zhdanov.category, Category::Person, "{zhdanov:#?}");
}

// Issue 19: a Russian title a footnote cites gives no single words to propose.
#[test]
fn words_of_a_cited_russian_title_are_no_candidates() {
    let text = "Die Kolchosen wurden gegründet.1 Der Kolchos blieb.\n\n1 Pjotr Semjonow, Sudba krestjanstva Rossii, Moskau 1991, S. 12.\n";
    let s = run_on(text);
    for word in ["Sudba", "krestjanstva", "Rossii"] {
        assert_eq!(rank(&s, word), None, "{word}: {s:#?}");
    }
    assert!(rank(&s, "Pjotr").is_some(), "{s:#?}");
}

#[test]
fn a_name_inside_another_russian_name_is_no_compound_of_it() {
    let s = run_on(
        "Kalinin sprach in Kaliningrad. Kalinin kam nach Kaliningrad zurück. Die \
Kalininverehrung wuchs.\n",
    );
    let kalinin = &s[rank(&s, "Kalinin").unwrap_or_else(|| panic!("{s:#?}"))];
    assert!(
        !kalinin.forms.iter().any(|f| f == "Kaliningrad"),
        "{kalinin:#?}"
    );
    assert!(kalinin.forms.iter().any(|f| f == "Kalininverehrung"));
    assert_eq!(kalinin.to_concept().compound, Some(Compound::Both));
}

#[test]
fn countries_rank_below_russian_words() {
    let s = run_on(
        "Die Kolchosen im Tschad und in Kasachstan. Der Tschad liegt fern. Das \
Natschalstwo regierte. Kasachstan war groß.\n",
    );
    let nach = rank(&s, "Natschalstwo").expect("Natschalstwo");
    for country in ["Tschad", "Kasachstan"] {
        if let Some(r) = rank(&s, country) {
            assert!(r > nach, "{country} ranks {r}, above Natschalstwo: {s:#?}");
        }
    }
}

#[test]
fn a_variant_of_a_covered_concept_is_proposed_as_a_new_form_of_it() {
    let s = run_on(
        "Die Tschekisten verhafteten ihn. Ein Tschekist kam am Abend. Die Tschekisten \
schwiegen. Das Natschalstwo regierte.\n",
    );
    let chekist = &s[rank(&s, "Tschekisten").unwrap_or_else(|| panic!("{s:#?}"))];
    assert_eq!(chekist.variant_of.as_deref(), Some("cheka"), "{chekist:#?}");
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let forms = chekist.new_forms(g.concept("cheka").unwrap());
    assert_eq!(forms.len(), 1, "{forms:?}");
    assert_eq!(forms[0].text, "Tschekist");
    assert_eq!(forms[0].status, Status::Proposed);
    let nach = &s[rank(&s, "Natschalstwo").unwrap()];
    assert_eq!(nach.variant_of, None);
}

#[test]
fn a_word_cut_by_a_broken_byte_is_not_proposed() {
    let s = run_on("Die Sanato\u{FFFD}rien der Nomenklatura. Die Nomenklatura wuchs.\n");
    assert!(rank(&s, "Sanato").is_none(), "{s:#?}");
    assert!(rank(&s, "Nomenklatura").is_some(), "{s:#?}");
}

#[test]
fn a_transliterated_phrase_in_parentheses_is_one_candidate() {
    let s = run_on(
        "Die Tscheka (Wserossijskaja tschreswytschainaja komissija po borbe s \
kontrrewoluzijei i sabotaschem) verhaftete ihn. Der Holodomor traf die Ukraine; den \
Holodomor leugnete man lange.\n",
    );
    let phrase =
        "Wserossijskaja tschreswytschainaja komissija po borbe s kontrrewoluzijei i sabotaschem";
    let i = rank(&s, phrase).unwrap_or_else(|| panic!("{s:#?}"));
    assert_eq!(s[i].base[0].1, phrase);
    assert_eq!(s[i].category, Category::Organisation);
    // Its words are no candidates of their own.
    for part in ["borbe", "sabotaschem", "komissija"] {
        assert!(
            s.iter().all(|g| g.base.iter().all(|(_, b)| b != part)),
            "{part}: {s:#?}"
        );
    }
    // A Ukrainian word is read through Ukrainian г, and spelt as written.
    let holodomor = &s[rank(&s, "Holodomor").unwrap_or_else(|| panic!("{s:#?}"))];
    assert!(
        holodomor.english.eq_ignore_ascii_case("holodomor"),
        "{holodomor:?}"
    );
}

#[test]
fn exonyms_are_read_as_the_russian_place_and_named_in_established_english() {
    // Moskau and Krim are common German words only because they name Russian places; no
    // key reaches москва or крым.
    let s = run_on(
        "Die Regierung in Moskau befahl die Räumung der Krim. Aus Moskau kamen Kommissare \
auf die Krim, und Moskaus Befehle galten im Sowjet der Stadt. Der Sowjet tagte im Kreml, \
der Sowjet von Sewastopol auch. Die Krim blieb Moskau untertan.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    assert_eq!(group("Moskau").english, "Moscow");
    assert_eq!(group("Moskau").category, Category::Place);
    assert!(group("Moskau").forms.iter().any(|f| f == "Moskaus"));
    assert_eq!(group("Krim").english, "Crimea");
    // Not sovet: English has its own word for a soviet.
    assert_eq!(group("Sowjet").english, "Soviet");
    assert_eq!(group("Kreml").english, "Kremlin");
}

#[test]
fn western_names_are_not_proposed_beside_russian_ones() {
    // In Dutch, capitalised words inside a sentence are names, and a name that reads as
    // Russian gains. Viola follows a Western given name; Sneevliet and Thorez show letters
    // no transliteration of Russian writes. Postysjev and Kosior are Russian names of the
    // same standing.
    let s = run_on(
        "Historici als Lynne Viola en Stanislav Kosior schreven erover. Volgens Viola was \
Pavel Postysjev schuldig. Henk Sneevliet ontmoette Kosior, en Sneevliet schreef aan \
Postysjev. Maurice Thorez sprak met Postysjev; Thorez en Kosior maakten ruzie. Viola las \
Thorez.\n",
    );
    for w in ["Postysjev", "Kosior"] {
        assert!(rank(&s, w).is_some(), "{w} missing: {s:#?}");
    }
    for w in ["Viola", "Sneevliet", "Thorez"] {
        assert!(rank(&s, w).is_none(), "{w} proposed: {s:#?}");
    }
}

#[test]
fn peoples_of_countries_and_umlauted_names_rank_low() {
    // `Litauer` is made of `Litau`, which spells a word by chance: the people of a country
    // is not rescued by its root.
    let s = run_on(
        "Die Litauer und die Letten protestierten. Die Litauer schwiegen, Tuchatschewski \
blieb.\n",
    );
    assert!(rank(&s, "Tuchatschewski").is_some(), "{s:#?}");
    assert!(rank(&s, "Litauer").is_none(), "{s:#?}");
    // `Gröner` reads as гран, but transliteration writes no ö.
    let score = |name: &str| {
        let s = run_on(&format!(
            "General {name} verhandelte. {name} reiste ab, und {name} kam wieder.\n"
        ));
        rank(&s, name).map_or(f64::MIN, |r| s[r].score)
    };
    assert!(score("Gröner") < score("Groner") - 1.0);
}

#[test]
fn proposals_take_the_established_english_and_the_category_of_georgian_names() {
    let s = run_on(
        "Die Kosaken ritten nach Süden. Ein Kosak führte sie. Die Kosaken kämpften. \
Schewardnadse sprach, Schewardnadse ging. Die Perestroika begann, die Perestroika endete.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    // Not kosyak (косяк, which `Kosak` spells as written).
    assert_eq!(group("Kosaken").english, "Cossack");
    // Not perestroyka, BGN's spelling.
    assert_eq!(group("Perestroika").english, "perestroika");
    assert_eq!(group("Schewardnadse").category, Category::Person);
}

#[test]
fn a_glossed_phrase_is_one_candidate_with_the_texts_translation() {
    let s = run_on(
        "Das Lagersystem (russ. Glawnoje uprawlenije lagerei, 'Main Administration of Camps') \
wuchs. Die Alphabetisierung, die Likbes (von russ. likwidazija bezgramotnosti, „Beseitigung \
des Analphabetentums“), gelang.\n",
    );
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    let gulag = group("Glawnoje uprawlenije lagerei");
    // The text's English is the English.
    assert_eq!(gulag.english, "Main Administration of Camps");
    let likbez = group("likwidazija bezgramotnosti");
    assert_eq!(
        likbez.gloss.as_deref(),
        Some("Beseitigung des Analphabetentums")
    );
    assert_ne!(likbez.english, "Beseitigung des Analphabetentums");
    // The German spelling read through the German key, its `z` after a vowel as з.
    assert_eq!(likbez.english, "likvidatsiya bezgramotnosti");
    // Its words are none of their own.
    for w in ["Glawnoje", "lagerei", "bezgramotnosti"] {
        assert!(
            s.iter().all(|g| g.forms.len() > 1 || g.forms[0] != w),
            "{w} alone: {s:#?}"
        );
    }
}

#[test]
fn a_western_given_name_is_no_russian_name_itself() {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let text = "Ronald Reagan sprak met Gorbatsjov. Later schreef Ronald over Gorbatsjov.\n";
    let docs = vec![Document::from_bytes("nl.txt", text.as_bytes()).unwrap()];
    let e = explain(&g, &docs, &SuggestOptions::default(), "Ronald").unwrap();
    let western: Vec<&Reason> = e
        .reasons
        .iter()
        .filter(|r| r.reason.starts_with("a Western name"))
        .collect();
    assert!(
        western.iter().any(|r| r.adds.is_some_and(|a| a <= -2.0)),
        "{e:#?}"
    );
}

#[test]
fn common_words_of_the_language_and_their_inflections_are_held_back() {
    // Each of these spells a Russian word (аппарат, украина, табу, эмигрант, люкс,
    // булгар), but German or Dutch knows it, in one of its forms or all of them together,
    // as well as Russian does or better: `Apparat` with `Apparate`, `ukrainischen` with
    // `ukrainische`, Dutch `Bulgaar` with `Bulgaren`, `Lux` with `luxe`.
    let s = run_on(
        "Der Apparat der Partei wuchs. Im Apparat saß das Natschalstwo, und der \
ukrainische Apparat folgte ihm. Die ukrainischen Bauern schwiegen; der Hunger blieb ein \
Tabu. Das Natschalstwo der Kolchosen regierte.\n",
    );
    assert!(rank(&s, "Natschalstwo").is_some(), "{s:#?}");
    for w in ["Apparat", "ukrainische", "ukrainischen", "Tabu"] {
        assert!(rank(&s, w).is_none(), "{w} proposed: {s:#?}");
    }
    let s = run_on(
        "De emigranten in Canada schreven over de koelakken. Een Bulgaar woonde met \
emigranten in het hotel Lux. De koelakken werden naar Siberië gestuurd, en Lux bleef \
open.\n",
    );
    assert!(rank(&s, "koelakken").is_some(), "{s:#?}");
    for w in ["emigranten", "Bulgaar", "Lux"] {
        assert!(rank(&s, w).is_none(), "{w} proposed: {s:#?}");
    }
}

#[test]
fn a_name_after_a_people_of_another_country_is_not_russian() {
    // Bulgarian names end in -ov as Russian ones do; the text says whose they are.
    let s = run_on(
        "In 1935 leidde de Bulgaar Georgi Dimitrov het congres, en de Russische communist \
Nikolaj Boecharin sprak. Dimitrov bleef, Boecharin viel. Der bulgarische Kommunist Wassil \
Kolarow reiste ab. Die polnische Delegation fuhr zu Tuchatschewski.\n",
    );
    for w in ["Boecharin", "Tuchatschewski"] {
        assert!(rank(&s, w).is_some(), "{w} missing: {s:#?}");
    }
    for w in ["Dimitrov", "Kolarow"] {
        assert!(rank(&s, w).is_none(), "{w} proposed: {s:#?}");
    }
}

#[test]
fn an_author_the_footnotes_cite_is_no_term() {
    // Tschudnow stands as an author in two of his three occurrences; Jeschow once in four,
    // and the title's word before `Gulag,` is no given name of an author.
    let text = "Die Verhaftungen unter Jeschow begannen 1936.1 Jeschow ließ die \
Kader prüfen, und Jeschow blieb bis 1938. Tschudnow schrieb darüber.2 Das System des Gulag \
wuchs, der Gulag war überall.3\n\n1 Grigori Tschudnow, Die Säuberung, Berlin 1961, S. 4.\n\
2 Vgl. Grigori Tschudnow, Die Lager, München 1965, S. 9.\n3 Vgl. Nikolai Jeschow, Reden, \
S. 5; Anne Smith, The Unknown Gulag, Oxford 2007.\n";
    let s = run_on(text);
    assert!(rank(&s, "Jeschow").is_some(), "{s:#?}");
    assert!(rank(&s, "Gulag").is_some(), "{s:#?}");
    assert!(rank(&s, "Tschudnow").is_none(), "{s:#?}");
}

#[test]
fn a_name_english_has_as_written_is_a_western_bearers() {
    // `Maslow` is German for маслов, but English writes the name so, where it would spell
    // the Russian name `Maslov`; `Andrei` is how English writes андрей too.
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let text = "Maslow schrieb in Amerika. Andrei Jeschow las Maslow nicht. Maslow starb.\n";
    let docs = vec![Document::from_bytes("de.txt", text.as_bytes()).unwrap()];
    let western = |word: &str| {
        explain(&g, &docs, &SuggestOptions::default(), word)
            .unwrap()
            .reasons
            .iter()
            .any(|r| r.reason.starts_with("a Western name: English writes it so"))
    };
    assert!(western("Maslow"));
    assert!(!western("Andrei"));
    assert!(!western("Jeschow"));
}

#[test]
fn a_proposal_is_read_from_its_base_form_as_written() {
    // `Ramzin` is no `рамзи` with an ending; its letters read alike in English, and its `z`
    // after a vowel is no ц (`Ramtsin`) in a German text either. `Sergo` is `серго`, not
    // another last vowel away from `Sergej`, and no new form of it.
    let g = Glossary::parse(
        "g.toml",
        r#"
[concept.sergey]
english = "Sergey"
category = "person"
de = [{ form = "Sergej" }]
nl = [{ form = "Sergej" }]
"#,
    )
    .unwrap();
    let texts = [
        (
            "de.txt",
            "Der Ingenieur Leonid Ramzin gestand. Ramzin wurde verurteilt, und Ramzin \
arbeitete weiter. Sergej Kirow kam.\n",
        ),
        (
            "nl.txt",
            "De ingenieur Ramzin bekende. Sergo Ordzjonikidze beschermde Ramzin. Later \
sprak Sergo met Ramzin.\n",
        ),
    ];
    let docs: Vec<Document> = texts
        .iter()
        .map(|(name, t)| Document::from_bytes(name, t.as_bytes()).unwrap())
        .collect();
    let s = suggest(&g, &docs, &SuggestOptions::default()).unwrap();
    let group = |form: &str| &s[rank(&s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))];
    assert_eq!(group("Ramzin").english, "Ramzin");
    let sergo = group("Sergo");
    assert_eq!(sergo.english, "Sergo");
    assert_eq!(sergo.variant_of, None);
    // Alone in a German text too.
    let s = run_on("Ramzin gestand. Der Prozess gegen Ramzin begann, Ramzin schwieg.\n");
    assert_eq!(group_english(&s, "Ramzin"), "Ramzin");
}

fn group_english(s: &[Suggestion], form: &str) -> String {
    s[rank(s, form).unwrap_or_else(|| panic!("{form}: {s:#?}"))]
        .english
        .clone()
}

#[test]
fn a_doctrine_of_an_exonym_scores_as_the_exonym_and_case_does_not_split_a_count() {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    // `Zarismus` reads as a rare Ukrainian form by itself; it is made of `Zar`, царь.
    let text = "Der Zarismus fiel 1917. Gegen den Zarismus kämpften viele, und der \
Zarismus wehrte sich. Die Bauern hassten den Zarismus.\n";
    let docs = vec![Document::from_bytes("de.txt", text.as_bytes()).unwrap()];
    let e = explain(&g, &docs, &SuggestOptions::default(), "Zarismus").unwrap();
    assert!(
        e.reasons
            .iter()
            .any(|r| r.reason.starts_with("scored as Zar") && r.adds.is_some_and(|a| a > 0.0)),
        "{e:#?}"
    );
    // `Kombedy` twice at a German sentence's start and once in a Dutch sentence: three
    // occurrences of one word, which stands out in the texts.
    let docs = vec![
        Document::from_bytes(
            "de.txt",
            "Kombedy entstanden 1918. Kombedy verteilten das Getreide.\n".as_bytes(),
        )
        .unwrap(),
        Document::from_bytes("nl.txt", "De boeren vreesden de kombedy.\n".as_bytes()).unwrap(),
    ];
    let e = explain(&g, &docs, &SuggestOptions::default(), "Kombedy").unwrap();
    assert_eq!(e.count, 2);
    assert!(
        e.reasons
            .iter()
            .any(|r| r.reason.contains("more frequent in the texts")),
        "{e:#?}"
    );
}

#[test]
fn central_european_names_and_the_adjectives_of_other_countries_are_not_proposed() {
    // `Svoboda` spells свобода, but the text gives it a Czech given name; `Husák` and
    // `Ludvík` have letters no transliteration of Russian writes; Dutch `Tsjechoslowaakse`
    // is the adjective of a country outside the Soviet Union. `Soeslov` is Russian.
    let s = run_on(
        "De Tsjechoslowaakse president Ludvík Svoboda sprak met Michail Soeslov. Later \
volgde Gustáv Husák, en Soeslov keerde terug naar Moskou. Husák bleef lang.\n",
    );
    assert!(rank(&s, "Soeslov").is_some(), "{s:#?}");
    for w in ["Svoboda", "Husák", "Ludvík", "Tsjechoslowaakse"] {
        assert!(rank(&s, w).is_none(), "{w} proposed: {s:#?}");
    }
}

/// A term the texts use in three documents outranks a person they name once, however many
/// telltale letters the name has: its own evidence says how surely a word is Russian, and
/// among the sure ones frequency and spread decide.
#[test]
fn a_term_used_across_documents_outranks_a_person_named_once() {
    let texts = [
        "Das Narkompros leitete die Schulen. Im Narkompros stritt man über die Lehrpläne. \
         Der Ankläger Wyschinski sprach im Saal der Gewerkschaften.\n",
        "Die Reform des Narkompros kam spät; das Narkom-\npros verlor 1929 an Einfluss.\n",
        "Ein Beamter des Narkompros schrieb an die Partei. Die Antwort blieb aus.\n",
    ];
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_bytes(&format!("{i}.txt"), t.as_bytes()).unwrap())
        .collect();
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    let s = suggest(&g, &docs, &SuggestOptions::default()).unwrap();
    let at = |key: &str| s.iter().position(|s| s.key == key);
    let (term, person) = (at("narkompros"), at("viSinski"));
    assert!(term.is_some() && person.is_some(), "{s:#?}");
    assert!(term < person, "{s:#?}");
}

fn run_empty(text: &str) -> Vec<Suggestion> {
    let g = Glossary::parse("g.toml", "").unwrap();
    let docs = vec![Document::from_bytes("e.txt", text.as_bytes()).unwrap()];
    suggest(&g, &docs, &SuggestOptions::default()).unwrap()
}

#[test]
fn a_name_german_knows_is_still_russian_when_russian_knows_it_better() {
    // German knows `Stalin` well (Zipf 3.8) but Russian better (4.2): printed once, in
    // the genitive, it is still proposed. `Alexander` German knows as one of its own
    // given names (4.7), however much better Russian knows `александр`.
    let s = run_empty(
        "Nach Stalins Tod im Frühjahr begann die Zeit der Reformen. Der Dichter Alexander \
         Twardowski druckte in der Zeitschrift eine Erzählung über das Lager.\n",
    );
    let forms: Vec<&String> = s.iter().flat_map(|g| &g.forms).collect();
    assert!(rank(&s, "Stalins").is_some(), "{forms:?}");
    assert!(rank(&s, "Alexander").is_none(), "{forms:?}");
}

#[test]
fn a_compound_german_knows_well_scores_as_the_russian_word_it_is_made_of() {
    // German knows `Sowjetunion` (Zipf 4.1) because it names a Soviet thing; Russian knows
    // `совет`, which `Sowjet` spells as written, better still (5.1): the compound is
    // proposed with its root, the only form of it in the text. `kriminelle` starts with
    // `krimi`, read as the exonym `Krim` without an ending: no root of it.
    let s = run_empty(
        "Im Dezember löste sich die Sowjetunion auf. Die Sowjetunion war am Ende. \
         Kriminelle Banden plünderten die Lager; die kriminellen Banden blieben.\n",
    );
    let forms: Vec<&String> = s.iter().flat_map(|g| &g.forms).collect();
    let soviet = &s[rank(&s, "Sowjetunion").unwrap_or_else(|| panic!("{forms:?}"))];
    assert_eq!(soviet.english, "Soviet", "{soviet:?}");
    assert!(soviet.score > 0.0, "{soviet:?}");
    assert!(rank(&s, "Kriminelle").is_none(), "{forms:?}");
    assert!(rank(&s, "kriminellen").is_none(), "{forms:?}");
}
