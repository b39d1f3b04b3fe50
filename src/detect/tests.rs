//! Unit tests of the detector: configuration, evidence words, and decisions on small
//! texts (German, Dutch, English, mixed), with one detector shared by all tests.

use std::sync::OnceLock;

use super::evidence::{
    evidence, evidence_text, has_transliteration_cue, is_evidence, is_shared_word, shared_stems,
    starts_with_shared_stem,
};
use super::*;
use crate::error::Error;

/// One detector for all tests: lingua's models load once per process.
fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| Detector::new(&DetectConfig::default()).unwrap())
}

fn doc(text: &str) -> Document {
    Document::from_bytes("test.txt", text.as_bytes()).unwrap()
}

fn detect(text: &str) -> DocumentLanguages {
    detector().detect_document(&doc(text), LangChoice::Auto)
}

fn sentence_codes(d: &DocumentLanguages) -> Vec<&'static str> {
    d.sentences.iter().map(|s| s.detection.code()).collect()
}

fn paragraph_codes(d: &DocumentLanguages) -> Vec<&'static str> {
    d.paragraphs.iter().map(|p| p.detection.code()).collect()
}

fn sentence_texts(d: &DocumentLanguages) -> Vec<&str> {
    d.sentences
        .iter()
        .map(|s| s.segment.text.as_str())
        .collect()
}

#[test]
fn config_rejects_no_and_unknown_languages() {
    let err = DetectConfig::from_codes("", Accuracy::High).unwrap_err();
    assert!(matches!(err, Error::TooFewLanguages), "{err}");
    assert_eq!(
        err.to_string(),
        "language detection needs at least one language"
    );
    let err = DetectConfig::from_codes(" , ", Accuracy::High).unwrap_err();
    assert!(matches!(err, Error::TooFewLanguages), "{err}");
    let err = DetectConfig::from_codes("de,xx", Accuracy::High).unwrap_err();
    assert!(
        matches!(err, Error::UnknownLanguage { ref code, .. } if code == "xx"),
        "{err}"
    );
    let config = DetectConfig::from_codes("nl, de", Accuracy::Low).unwrap();
    assert_eq!(config.languages, [Lang::Nl, Lang::De]);
    let none = DetectConfig {
        languages: vec![],
        accuracy: Accuracy::High,
    };
    assert!(matches!(Detector::new(&none), Err(Error::TooFewLanguages)));
}

#[test]
fn config_accepts_one_language() {
    for codes in ["de", "de,de"] {
        let config = DetectConfig::from_codes(codes, Accuracy::High).unwrap();
        assert_eq!(config.languages, [Lang::De], "{codes}");
    }
    let detector = Detector::new(&DetectConfig {
        languages: vec![Lang::En, Lang::En],
        accuracy: Accuracy::Low,
    })
    .unwrap();
    assert_eq!(detector.languages(), [Lang::En]);
    assert!(
        matches!(detector.mode, Mode::Configured(Lang::En)),
        "lingua is not built for one language: its builder would panic"
    );
}

#[test]
fn one_language_is_configured_not_detected() {
    let detector = Detector::new(&DetectConfig::from_codes("de", Accuracy::High).unwrap()).unwrap();
    let d = detector.detect_document(
        &doc(
            "De boeren moesten hun vee naar de kolchoz brengen. Wie weigerde, werd gearresteerd.\n\n\
             In Nederland werd hierover lange tijd weinig geschreven.\n",
        ),
        LangChoice::Auto,
    );
    let configured = Detection {
        lang: Some(Lang::De),
        confidence: 1.0,
        basis: Basis::Configured,
    };
    assert_eq!(d.paragraphs.len(), 2);
    assert_eq!(d.sentences.len(), 3);
    assert!(d.paragraphs.iter().all(|p| p.detection == configured));
    assert!(d.sentences.iter().all(|s| s.detection == configured));
    assert!(d.sentences.iter().all(|s| s.segment.lang == Lang::De));
    assert_eq!(d.main, Some(Lang::De));
    assert_eq!(d.summary(), [(Some(Lang::De), 3)]);
    assert_eq!(detector.detect_text("NKWD 1937"), configured);
}

#[test]
fn one_language_cuts_with_its_own_rules() {
    // `bijv.` is a Dutch abbreviation: under `languages = [nl]` an English text is cut with
    // the Dutch rules, which do not end a sentence there; the English rules would.
    let text = "The peasants resisted, bijv. Stalin struck back.\n";
    let nl = Detector::new(&DetectConfig::from_codes("nl", Accuracy::High).unwrap()).unwrap();
    let d = nl.detect_document(&doc(text), LangChoice::Auto);
    assert_eq!(
        sentence_texts(&d),
        ["The peasants resisted, bijv. Stalin struck back."]
    );
    assert!(d.sentences.iter().all(|s| s.segment.lang == Lang::Nl));
    // Rules asked for explicitly are used; the language is still the configured one.
    let d = nl.detect_document(&doc(text), LangChoice::Fixed(Lang::En));
    assert_eq!(
        sentence_texts(&d),
        ["The peasants resisted, bijv.", "Stalin struck back."]
    );
    assert_eq!(sentence_codes(&d), ["nl", "nl"]);
}

// Which words count as evidence of a language: a table, one row per case.
const EVIDENCE: &[(&str, bool)] = &[
    ("Bauern", true),
    ("verantwoordelijkheid", true),
    ("the", true),
    ("Partij", true),
    ("Schutzhaft", true),
    ("Reich", true),
    ("Chruschtschow", false),
    ("Chroesjtsjov", false),
    ("Khrushchev", false),
    ("Natschalstwo", false),
    ("Kolchosen", false),
    ("koelakken", false),
    ("kolkhoz", false),
    ("Kharkov", false),
    ("Zhdanov", false),
    // `kh`/`zh` after a vowel is a transliteration; after `ü` (two bytes) it is not.
    ("Rekhen", false),
    ("Brüzhen", true),
    ("Brezjnev", false),
    ("Molotow", false),
    ("Stalins", false),
    ("Sowjetunion", false),
    ("NKWD", false),
    ("KPdSU", false),
    ("1937", false),
    ("G", false),
];

#[test]
fn evidence_words() {
    for &(word, expected) in EVIDENCE {
        assert_eq!(is_evidence(word), expected, "{word}");
    }
}

#[test]
fn the_stem_automaton_finds_what_comparing_every_stem_finds() {
    let mut words: Vec<String> = vec![
        "bauern".into(),
        "".into(),
        "k".into(),
        "über".into(),
        "ungarn".into(),
    ];
    for stem in shared_stems() {
        words.push(stem.clone());
        words.push(format!("{stem}en"));
        words.push(format!("x{stem}"));
        let mut shorter = stem.clone();
        shorter.pop();
        words.push(shorter);
    }
    for w in &words {
        let naive = shared_stems().iter().any(|s| w.starts_with(s.as_str()));
        assert_eq!(starts_with_shared_stem(w), naive, "{w}");
    }
}

proptest::proptest! {
    /// The filter on a word's first bytes lets through every word that starts with a stem.
    #[test]
    fn the_stem_filter_finds_what_comparing_every_stem_finds(
        stem in proptest::sample::select(shared_stems().clone()),
        cut in 0usize..8,
        head in "[a-zäöüß]{0,3}",
        tail in "[a-zäöüß]{0,4}",
    ) {
        let mut stem = stem;
        stem.truncate(stem.len().saturating_sub(cut));
        for w in [format!("{stem}{tail}"), format!("{head}{stem}{tail}"), head.clone()] {
            let naive = shared_stems().iter().any(|s| w.starts_with(s.as_str()));
            proptest::prop_assert_eq!(starts_with_shared_stem(&w), naive, "{}", w);
        }
    }
}

#[test]
fn shared_stems_are_sorted_and_unique() {
    let stems = shared_stems();
    for w in stems.windows(2) {
        assert!(
            w[0].as_bytes() < w[1].as_bytes(),
            "`{}` and `{}` out of order",
            w[0],
            w[1]
        );
    }
    assert!(
        stems.iter().all(|s| s == &s.to_lowercase()),
        "stems are lowercase"
    );
}

#[test]
fn single_languages() {
    let de = detect(
        "Die Bauern mussten ihr Vieh in die Kolchosen einbringen. Wer sich weigerte, wurde verhaftet.\n",
    );
    assert_eq!(sentence_codes(&de), ["de", "de"]);
    assert_eq!(de.main, Some(Lang::De));
    let nl = detect(
        "De boeren moesten hun vee naar de kolchoz brengen. Wie weigerde, werd gearresteerd.\n",
    );
    assert_eq!(sentence_codes(&nl), ["nl", "nl"]);
    let en = detect(
        "The peasants had to bring their cattle to the collective farm. Those who refused were arrested.\n",
    );
    assert_eq!(sentence_codes(&en), ["en", "en"]);
}

#[test]
fn russian_loanwords_and_names_do_not_flip_a_german_sentence() {
    let d = detect(
        "Chruschtschow besuchte den Kolchos, und das Natschalstwo des Rayons empfing ihn mit Brot und Salz.\n",
    );
    assert_eq!(sentence_codes(&d), ["de"]);
    let d = detect("Chroesjtsjov bezocht de kolchoz en sprak met de koelakken over de oogst.\n");
    assert_eq!(sentence_codes(&d), ["nl"]);
}

#[test]
fn a_clear_sentence_overrides_its_paragraph() {
    let d = detect(
        "Die Hungersnot von 1932 traf vor allem die Ukraine und Kasachstan. Millionen Menschen starben. \
         The famine was the result of deliberate policy, not of a bad harvest. Erst spät wurde darüber offen gesprochen.\n",
    );
    assert_eq!(paragraph_codes(&d), ["de"]);
    assert_eq!(sentence_codes(&d), ["de", "de", "en", "de"]);
}

#[test]
fn short_segments_inherit_instead_of_guessing() {
    // A one-word heading between German paragraphs, and `Ja.` inside one.
    let d = detect(
        "Die Partei beschloss im Winter die vollständige Kollektivierung der Landwirtschaft.\n\n\
         Gulag\n\n\
         Ja. Die Lager wuchsen in den folgenden Jahren sehr schnell, vor allem im Norden.\n",
    );
    assert_eq!(paragraph_codes(&d), ["de", "de", "de"]);
    assert_eq!(d.paragraphs[1].detection.basis, Basis::Neighbours);
    assert_eq!(sentence_codes(&d), ["de", "de", "de", "de"]);
    assert_eq!(d.sentences[2].detection.basis, Basis::Paragraph);
}

#[test]
fn nothing_to_go_by_is_unknown() {
    let d = detect("KPD, SED, NKWD.\n");
    assert_eq!(paragraph_codes(&d), ["unknown"]);
    assert_eq!(sentence_codes(&d), ["unknown"]);
    assert_eq!(d.main, None);
    assert_eq!(detector().detect_text("NKWD 1937"), Detection::UNKNOWN);
}

#[test]
fn a_dutch_paragraph_inside_a_german_text() {
    let d = detect(
        "Die Kollektivierung begann im Winter 1929 und dauerte mehrere Jahre.\n\n\
         In Nederland werd over deze gebeurtenissen lange tijd weinig geschreven. De kranten zwegen.\n\n\
         Erst nach der Öffnung der Archive wurde das ganze Ausmaß sichtbar.\n",
    );
    assert_eq!(paragraph_codes(&d), ["de", "nl", "de"]);
    assert_eq!(sentence_codes(&d), ["de", "nl", "nl", "de"]);
    assert_eq!(d.summary(), [(Some(Lang::De), 2), (Some(Lang::Nl), 2)]);
}

// Quotations of two sentences in another language run into a paragraph, in the middle of
// a line: each sentence is too short to be sure of alone, the two together are not (issue
// 17: a detected change inside a block splits it for detection). One row per case: the
// text and the language of each of its sentences.
const QUOTATIONS: &[(&str, &str, &[&str])] = &[
    (
        "two short Dutch sentences in a German paragraph",
        "Über die Versammlung im Kolchos berichtete der Vorsitzende nur knapp. Hij zweeg. \
         Niemand stemde tegen. Danach wurden die Listen der Kulaken verlesen und an die \
         Kreisleitung geschickt.\n",
        &["de", "nl", "nl", "de"],
    ),
    (
        "two short English sentences in quotation marks in a German paragraph",
        "Der Konsul kabelte nach London. „The crop is lost. Nobody says so.“ Die Depesche \
         lag dort wochenlang ungelesen im Archiv des Außenministeriums.\n",
        &["de", "en", "en", "de"],
    ),
    (
        "two short German sentences in a Dutch paragraph",
        "De boeren wachtten wekenlang op nieuws uit de stad. Es gab nichts. Alles war \
         weg. Pas in mei kwam er eindelijk een wagen met graan naar het dorp.\n",
        &["nl", "de", "de", "nl"],
    ),
    (
        "a quotation across a hyphenated line break, after a glued footnote number",
        "Der Bericht des Instruk-\nteurs aus Poltawa erreichte Moskau erst im April.12 Het \
         dorp was leeg. Wie kon, vluchtte. Erst im Sommer schickte das Gebiet wieder \
         Saatgut in die Dörfer.\n",
        &["de", "nl", "nl", "de"],
    ),
    (
        "a German paragraph of short German sentences stays German",
        "Im Dorf blieb es still. Keiner kam. Alles schwieg. Erst im Herbst kehrten die \
         ersten Familien aus den Sondersiedlungen im Norden zurück.\n",
        &["de", "de", "de", "de"],
    ),
];

#[test]
fn a_quotation_of_short_sentences_gets_its_own_language() {
    for &(name, text, want) in QUOTATIONS {
        let d = detect(text);
        assert_eq!(sentence_codes(&d), want, "{name}: {:?}", sentence_texts(&d));
    }
}

#[test]
fn abbreviation_rules_follow_the_detected_language() {
    // `bijv.` is a Dutch abbreviation: with Dutch rules the sentence is not cut there.
    let d = detect(
        "Veel boeren verzetten zich, bijv. door hun vee te slachten. De partij reageerde hard.\n",
    );
    assert_eq!(
        sentence_texts(&d),
        [
            "Veel boeren verzetten zich, bijv. door hun vee te slachten.",
            "De partij reageerde hard."
        ]
    );
    assert!(d.sentences.iter().all(|s| s.segment.lang == Lang::Nl));
}

#[test]
fn documents_come_back_in_order() {
    let docs: Vec<Document> = [
        "Die Bauern wurden enteignet und deportiert.\n",
        "De boeren werden onteigend en gedeporteerd.\n",
        "The peasants were expropriated and deported.\n",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| Document::from_bytes(&format!("{i}.txt"), t.as_bytes()).unwrap())
    .collect();
    let mains: Vec<Option<Lang>> = detector()
        .detect_documents(&docs, LangChoice::Auto)
        .iter()
        .map(|d| d.main)
        .collect();
    assert_eq!(mains, [Some(Lang::De), Some(Lang::Nl), Some(Lang::En)]);
}

#[test]
fn cutting_again_changes_only_the_blocks_whose_rules_changed() {
    // `bijv.` ends a sentence under German rules, not under Dutch ones.
    let text = "Die Bauern verließen das Dorf, z. B. im Winter. Keiner kam zurück.\n\n\
                Veel boeren verzetten zich, bijv. door hun vee te slachten. De partij reageerde.\n\n\
                The peasants resisted, e.g. by killing their cattle. The party struck back.\n";
    let d = doc(text);
    let norm = crate::normalize::normalize(d.text());
    let Mode::Detect(guesser) = &detector().mode else {
        panic!("the default detector detects");
    };
    let german = vec![Lang::De; norm.blocks.len()];
    let finals = vec![Lang::De, Lang::Nl, Lang::En];
    let again = cut::Cut::new(guesser, &d, &norm, german).again(guesser, &d, &norm, finals.clone());
    let fresh = cut::Cut::new(guesser, &d, &norm, finals);
    let key = |c: &cut::Cut| -> Vec<(usize, String, Span, Lang)> {
        c.segments
            .iter()
            .map(|s| (s.block, s.text.clone(), s.span, s.lang))
            .collect()
    };
    assert_eq!(key(&again), key(&fresh));
    assert!(
        again
            .segments
            .iter()
            .any(|s| s.text.ends_with("bijv. door hun vee te slachten.")),
        "the Dutch block is cut with Dutch rules: {:?}",
        key(&again)
    );
    assert_eq!(again.guesses.len(), again.segments.len());
}

/// The evidence as it was counted before issue 20 made it cheaper (a lowercased `String`
/// per capitalised word, letters counted twice): the reference the fast one must equal.
fn evidence_reference(text: &str) -> (String, usize, usize, crate::lang::FunctionWords) {
    let (mut out, mut words, mut letters) = (String::new(), 0, 0);
    let mut function_words = crate::lang::FunctionWords::default();
    let plain_words = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '–' | '—'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    for word in plain_words {
        let lower = word.to_lowercase();
        if let Some(lang) = crate::lang::function_word(&lower) {
            function_words.0[lang] += 1;
        }
        let n = word.chars().filter(|c| c.is_alphabetic()).count();
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        let acronym = upper >= 2 && upper * 2 >= n;
        let digit = word.chars().any(|c| c.is_ascii_digit());
        let evidence = n >= 2 && !digit && !acronym && !is_shared_word(word, &lower);
        if evidence {
            words += 1;
            letters += n;
            out.push_str(word);
            out.push(' ');
        }
    }
    (out, words, letters, function_words)
}

proptest::proptest! {
    /// Text of German, Dutch, English and Russian-derived words, capitals, digits,
    /// umlauts, Greek (whose final sigma lowercases by context) and punctuation.
    #[test]
    fn evidence_is_what_the_reference_counts(
        words in proptest::collection::vec(
            "(Der|der|DIE|und|het|De|the|Kolchos|NKWD|KPdSU|Brezjnev|Molotow|Straße|ÜBER|Über|1937|x|Ab3|ΣΟΦΟΣ|Σ|Chruschtschow|Bauern|S\\.|[a-zA-ZäöüÄÖÜß]{1,9})",
            0..30,
        ),
        seps in proptest::collection::vec("( |, |\\. |/|–|\n)", 30),
    ) {
        let mut text = String::new();
        for (w, sep) in words.iter().zip(&seps) {
            text.push_str(w);
            text.push_str(sep);
        }
        let fast = evidence(&text);
        let (out, words, letters, function_words) = evidence_reference(&text);
        proptest::prop_assert_eq!(evidence_text(&text), out);
        proptest::prop_assert_eq!(fast.words, words);
        proptest::prop_assert_eq!(fast.letters, letters);
        proptest::prop_assert_eq!(fast.function_words, function_words);
    }
}

/// The cues as they were found before issue 20: an automaton over the five letter groups,
/// and a second pass for `kh`/`zh`.
fn cue_reference(lower: &str) -> bool {
    let cues = aho_corasick::AhoCorasick::new(["tsch", "tsj", "sjt", "shch", "zj"]).unwrap();
    let bytes = lower.as_bytes();
    cues.is_match(lower)
        || bytes.windows(2).enumerate().any(|(i, w)| {
            matches!(w, [b'k' | b'z', b'h']) && (i == 0 || b"aeiouy".contains(&bytes[i - 1]))
        })
}

proptest::proptest! {
    #[test]
    fn the_cue_scan_finds_what_the_automaton_found(word in "[a-zäöüß]{0,3}(tsch|tsj|sjt|shch|zj|kh|zh|ts|sj|sh|z|k|h|t|s|j|c|ü|a|e)*[a-zäöüß]{0,3}") {
        proptest::prop_assert_eq!(has_transliteration_cue(word.as_bytes()), cue_reference(&word), "{}", word);
    }
}

/// The sentences of `text` whose first guess asked lingua (issue 20: it is a hundred times
/// dearer than counting words, and is asked only where the text leaves doubt).
fn asked_lingua(text: &str) -> Vec<String> {
    let Mode::Detect(guesser) = &detector().mode else {
        unreachable!("the test detector has three languages")
    };
    let d = doc(text);
    let norm = normalize::normalize(d.text());
    let cut = Cut::new(guesser, &d, &norm, segment::block_rules(&norm));
    cut.segments
        .iter()
        .zip(&cut.guesses)
        .filter(|(_, g)| g.lingua)
        .map(|(s, _)| s.text.clone())
        .collect()
}

#[test]
fn sentences_without_function_words_take_their_context_without_lingua() {
    // A German paragraph with German sentences that have no function word (`die` is Dutch
    // too), a heading and footnotes without any between German paragraphs.
    let text = "Die Versammlung im Dorfsowjet dauerte bis spät in die Nacht, und der Vorsitzende \
                las die Liste der Familien vor, die nach Norden ausgesiedelt werden sollten. \
                Er sagte nur, dass es von oben so beschlossen sei und dass sich niemand dagegen \
                wehren könne, auch wenn es ihm selbst nicht gefalle. \
                Bauernmärkte blieben verboten. Schwarzhandel blühte trotz strenger Strafen.\n\n\
                Hungerjahre\n\n\
                Im Sonderlager gab es weder Schule noch Arzt, und die Kinder mussten mit den \
                Eltern im Wald arbeiten, bis der Winter kam und die Arbeit im Wald ruhte. Von \
                den Lehrern, die mit ihnen gekommen waren, war nach einem Jahr nur noch einer \
                bei ihnen, und auch er wurde im Frühjahr zur Arbeit an den Kanal geschickt.\n\n\
                1 Ebd., S. 12.\n\
                2 Vgl. Kreisarchiv Poltawa, Bestand 4, Bl. 7.\n";
    assert_eq!(asked_lingua(text), Vec::<String>::new());
    assert!(sentence_codes(&detect(text)).iter().all(|&c| c == "de"));
}

#[test]
fn a_word_of_another_language_still_asks_lingua() {
    // No function words either, but Dutch and English words, or another script.
    let text = "Die Versammlung im Dorfsowjet dauerte bis spät in die Nacht, und der Vorsitzende \
                las die Liste der Familien vor, die nach Norden ausgesiedelt werden sollten. \
                Waarom zwijgt Moskou steeds? Starvation stalks every Ukrainian village. \
                Правда schrieb darüber nichts.\n";
    assert_eq!(
        asked_lingua(text),
        [
            "Waarom zwijgt Moskou steeds?",
            "Starvation stalks every Ukrainian village.",
            "Правда schrieb darüber nichts."
        ]
    );
    assert_eq!(sentence_codes(&detect(text)), ["de", "nl", "en", "de"]);
}

/// A word longer than the fast count's lanes hold (a line of bytes without a space) is
/// counted whole: the letters of `AbAb…c` would run into its capitals' lane.
#[test]
fn a_word_longer_than_a_counting_lane_is_counted_whole() {
    for n in [(1 << 20) - 1, 1 << 20] {
        let text = format!("{}c und", "Ab".repeat(n));
        let fast = evidence(&text);
        let (_, words, letters, function_words) = evidence_reference(&text);
        assert_eq!(
            (fast.words, fast.letters, fast.function_words),
            (words, letters, function_words)
        );
        assert_eq!(fast.letters, 2 * n + 1 + 3, "and the 3 of `und`");
    }
}
