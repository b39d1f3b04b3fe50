//! Table tests of the boundary rules, one named row per case, German and Dutch.

use super::*;
use crate::source::Document;

fn sentences(lang: Lang, text: &str) -> Vec<String> {
    split(text, Rules::of(lang))
        .into_iter()
        .map(|(s, e)| text[s..e].to_string())
        .collect()
}

/// `(name, input, expected sentences)`.
type Row = (&'static str, &'static str, &'static [&'static str]);

const GERMAN: &[Row] = &[
    (
        "plain full stop",
        "Die Kolchosen kamen. Dann kamen die Sowchosen.",
        &["Die Kolchosen kamen.", "Dann kamen die Sowchosen."],
    ),
    (
        "question and exclamation",
        "Was tun? Alles! Nichts.",
        &["Was tun?", "Alles!", "Nichts."],
    ),
    (
        "question before lowercase goes on",
        "Lenin schrieb Was tun? das zentrale Werk.",
        &["Lenin schrieb Was tun? das zentrale Werk."],
    ),
    (
        "z. B.",
        "Einige, z. B. Bucharin, schwiegen.",
        &["Einige, z. B. Bucharin, schwiegen."],
    ),
    (
        "z.B. without space",
        "Einige, z.B. Bucharin, schwiegen.",
        &["Einige, z.B. Bucharin, schwiegen."],
    ),
    (
        "d. h.",
        "Die Sowjets, d. h. Die Räte, herrschten.",
        &["Die Sowjets, d. h. Die Räte, herrschten."],
    ),
    (
        "u. a.",
        "Es sprachen u. a. Sinowjew und Kamenew.",
        &["Es sprachen u. a. Sinowjew und Kamenew."],
    ),
    (
        "m. E.",
        "Das trifft m. E. Nicht zu.",
        &["Das trifft m. E. Nicht zu."],
    ),
    (
        "vgl.",
        "So steht es dort (vgl. Meier 1990). Danach nicht mehr.",
        &["So steht es dort (vgl. Meier 1990).", "Danach nicht mehr."],
    ),
    (
        "Vgl. capitalised",
        "Vgl. Sidney Hook, Russland im Mondenschein.",
        &["Vgl. Sidney Hook, Russland im Mondenschein."],
    ),
    (
        "bzw.",
        "Die Partei bzw. Ihre Führung entschied.",
        &["Die Partei bzw. Ihre Führung entschied."],
    ),
    (
        "Hg.",
        "Weber (Hg.) Deutschland, Russland, Komintern.",
        &["Weber (Hg.) Deutschland, Russland, Komintern."],
    ),
    (
        "S. and Bd.",
        "Siehe Bd. II, S. 928 und Kap. IV. Dort steht es.",
        &["Siehe Bd. II, S. 928 und Kap. IV.", "Dort steht es."],
    ),
    (
        "Nr. and Dr.",
        "Befehl Nr. 227 unterschrieb Dr. Schmidt nicht.",
        &["Befehl Nr. 227 unterschrieb Dr. Schmidt nicht."],
    ),
    (
        "ff. may end before a starter; ca. may not",
        "Siehe S. 75 ff. Dort waren ca. 500 Häftlinge.",
        &["Siehe S. 75 ff.", "Dort waren ca. 500 Häftlinge."],
    ),
    (
        "usw. before a starter ends the sentence",
        "Kolchosen, Sowchosen usw. Die Bauern litten.",
        &["Kolchosen, Sowchosen usw.", "Die Bauern litten."],
    ),
    (
        "date ordinal",
        "Am 30. Januar 1933 kam Hitler an die Macht.",
        &["Am 30. Januar 1933 kam Hitler an die Macht."],
    ),
    (
        "century ordinal",
        "Im 19. Jahrhundert wuchs die Intelligenzija.",
        &["Im 19. Jahrhundert wuchs die Intelligenzija."],
    ),
    (
        "Roman ordinal",
        "Auf dem XXI. Parteitag sprach Chruschtschow.",
        &["Auf dem XXI. Parteitag sprach Chruschtschow."],
    ),
    (
        "Roman numeral ends a sentence before a starter",
        "Es herrschte Zar Nikolaus II. Die Revolution kam.",
        &["Es herrschte Zar Nikolaus II.", "Die Revolution kam."],
    ),
    (
        "year ends a sentence",
        "Das geschah im Jahr 1917. Lenin kam zurück.",
        &["Das geschah im Jahr 1917.", "Lenin kam zurück."],
    ),
    (
        "initials",
        "Bernhard H. Bayerlein und Kirill K. Sirinja schreiben.",
        &["Bernhard H. Bayerlein und Kirill K. Sirinja schreiben."],
    ),
    (
        "closing guillemet after the stop",
        "Er rief: »Alle Macht den Sowjets.« Dann ging er.",
        &["Er rief: »Alle Macht den Sowjets.«", "Dann ging er."],
    ),
    (
        "low-high quotes",
        "Sie sagten: „Wir kommen.“ Und sie kamen.",
        &["Sie sagten: „Wir kommen.“", "Und sie kamen."],
    ),
    (
        "quote ends inside a sentence",
        "Er rief »Nein!« und ging.",
        &["Er rief »Nein!« und ging."],
    ),
    (
        "bracketed sentence",
        "Das war so. (Es war neu.) Danach kam der Krieg.",
        &["Das war so.", "(Es war neu.)", "Danach kam der Krieg."],
    ),
    (
        "bracketed ellipsis",
        "Sie hätten sich »[…] ihre Henker selbst groß« gezogen.",
        &["Sie hätten sich »[…] ihre Henker selbst groß« gezogen."],
    ),
    (
        "ellipsis before a starter",
        "Er zögerte … Dann ging er.",
        &["Er zögerte …", "Dann ging er."],
    ),
    (
        "three dots",
        "Und dann... Die Stille.",
        &["Und dann...", "Die Stille."],
    ),
    (
        "glued heading after a stop",
        "So war die Lage in der Sowjetunion.Der Weg in den Terror",
        &[
            "So war die Lage in der Sowjetunion.",
            "Der Weg in den Terror",
        ],
    ),
    (
        "St.Petersburg is not glued",
        "1914 gab es Barrikaden in St.Petersburg.",
        &["1914 gab es Barrikaden in St.Petersburg."],
    ),
    (
        "Roman numeral glued to a noun",
        "Die II.Internationale brach zusammen.",
        &["Die II.Internationale brach zusammen."],
    ),
    (
        "sentence may start with a number",
        "Das Lager wuchs. 1953 starb Stalin.",
        &["Das Lager wuchs.", "1953 starb Stalin."],
    ),
    (
        "street abbreviation by its ending",
        "Er wohnte in der Goethestr. 5 in Moskau.",
        &["Er wohnte in der Goethestr. 5 in Moskau."],
    ),
    (
        "company abbreviation",
        "Die Firma Müller & Co. KG schloss. Dann kam der Krieg.",
        &["Die Firma Müller & Co. KG schloss.", "Dann kam der Krieg."],
    ),
    // Issue 17: the kinds of boundary glossa missed on text it had not seen.
    (
        "academic titles",
        "Es sprach Dr. med. Olga Roth. Danach Prof. Dr. phil. Ivan Lebed.",
        &[
            "Es sprach Dr. med. Olga Roth.",
            "Danach Prof. Dr. phil. Ivan Lebed.",
        ],
    ),
    (
        "denominations",
        "Die röm.-kath. und die ev. Gemeinde schwiegen.",
        &["Die röm.-kath. und die ev. Gemeinde schwiegen."],
    ),
    (
        "range of ordinals",
        "Das Dorf stammt aus dem 1. -3. Jahrhundert. Es ist alt.",
        &["Das Dorf stammt aus dem 1. -3. Jahrhundert.", "Es ist alt."],
    ),
    (
        "date with spaces",
        "Er kam am 7. 11. 1917 an. Dann begann es.",
        &["Er kam am 7. 11. 1917 an.", "Dann begann es."],
    ),
    (
        "numbered item",
        "1. Die Bauern verloren ihr Land.",
        &["1. Die Bauern verloren ihr Land."],
    ),
    (
        "Roman numbered heading",
        "III. Die Säuberungen",
        &["III. Die Säuberungen"],
    ),
    (
        "bullets",
        "• Brot gab es nicht! • Holz auch nicht!",
        &["• Brot gab es nicht!", "• Holz auch nicht!"],
    ),
    (
        "a bullet glued to a word is a broken character",
        "Er sprach • ber die Lage.",
        &["Er sprach • ber die Lage."],
    ),
    (
        "sentence led by an ellipsis",
        "Er schwieg. ...und dann ging er.",
        &["Er schwieg.", "...und dann ging er."],
    ),
    (
        "omission between sentences",
        "Er lobte den Plan. […] Dann verwarf er ihn.",
        &["Er lobte den Plan.", "[…] Dann verwarf er ihn."],
    ),
    (
        "omission before a closing quote",
        "Sie haben es gewollt […]« Der Streit blieb.",
        &["Sie haben es gewollt […]«", "Der Streit blieb."],
    ),
    (
        "a URL's dots end no sentence",
        "Der Text steht unter www.Example.De/Archiv. Er ist frei.",
        &[
            "Der Text steht unter www.Example.De/Archiv.",
            "Er ist frei.",
        ],
    ),
    (
        "an e-mail address",
        "Schreiben Sie an Info.Ost@Example.De. Wir antworten.",
        &["Schreiben Sie an Info.Ost@Example.De.", "Wir antworten."],
    ),
    (
        "omission inside a sentence",
        "Die […] Partei schwieg.",
        &["Die […] Partei schwieg."],
    ),
];

const DUTCH: &[Row] = &[
    (
        "plain",
        "De kolchozen kwamen. Toen kwamen de sovchozen.",
        &["De kolchozen kwamen.", "Toen kwamen de sovchozen."],
    ),
    (
        "bijv.",
        "Sommigen, bijv. Boecharin, zwegen.",
        &["Sommigen, bijv. Boecharin, zwegen."],
    ),
    (
        "d.w.z.",
        "De sovjets, d.w.z. De raden, heersten.",
        &["De sovjets, d.w.z. De raden, heersten."],
    ),
    (
        "d. w. z. with spaces",
        "De sovjets, d. w. z. De raden, heersten.",
        &["De sovjets, d. w. z. De raden, heersten."],
    ),
    (
        "o.a.",
        "Er spraken o.a. Zinovjev en Kamenev.",
        &["Er spraken o.a. Zinovjev en Kamenev."],
    ),
    (
        "e.d. may end",
        "Kolchozen, sovchozen e.d. De boeren leden.",
        &["Kolchozen, sovchozen e.d.", "De boeren leden."],
    ),
    (
        "enz. may end",
        "Kolchozen, sovchozen enz. Het was zwaar.",
        &["Kolchozen, sovchozen enz.", "Het was zwaar."],
    ),
    (
        "blz. and p.",
        "Zie blz. 12 en p. 14 voor meer.",
        &["Zie blz. 12 en p. 14 voor meer."],
    ),
    (
        "nl. and dhr. and mevr.",
        "Twee sprekers, nl. Dhr. Jansen en mevr. Peeters.",
        &["Twee sprekers, nl. Dhr. Jansen en mevr. Peeters."],
    ),
    (
        "number before a capital ends in Dutch",
        "Dat was in 1917. Lenin keerde terug.",
        &["Dat was in 1917.", "Lenin keerde terug."],
    ),
    (
        "glued heading",
        "De Sovjet-Unie bleef geïsoleerd.Rampzalig isolement",
        &["De Sovjet-Unie bleef geïsoleerd.", "Rampzalig isolement"],
    ),
    (
        "glued heading after a closing quote",
        "aldus Leonhard ”.Wolfgang Leonhard, een leven",
        &["aldus Leonhard ”.", "Wolfgang Leonhard, een leven"],
    ),
    (
        "curly quotes",
        "“Moskou natuurlijk.” En het werd Moskou.",
        &["“Moskou natuurlijk.”", "En het werd Moskou."],
    ),
];

/// The golden-rule style cases of `tests/fixtures/golden/rules.jsonl` (also scored by
/// `scripts/seg-rules.py`): every one passes.
#[test]
fn golden_rule_cases() {
    #[derive(serde::Deserialize)]
    struct Case {
        lang: String,
        group: String,
        text: String,
        expected: Vec<String>,
    }
    let data = include_str!("../../tests/fixtures/golden/rules.jsonl");
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line).unwrap();
        let lang: Lang = case.lang.parse().unwrap();
        let doc = Document::from_bytes("case", case.text.as_bytes()).unwrap();
        let segs = segment_document(
            &doc,
            &Options {
                lang: LangChoice::Fixed(lang),
            },
        );
        let got: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            got, case.expected,
            "{} {}: {}",
            case.lang, case.group, case.text
        );
    }
}

#[test]
fn german_table() {
    for (name, input, expected) in GERMAN {
        assert_eq!(sentences(Lang::De, input), *expected, "de: {name}");
    }
}

#[test]
fn dutch_table() {
    for (name, input, expected) in DUTCH {
        assert_eq!(sentences(Lang::Nl, input), *expected, "nl: {name}");
    }
}

#[test]
fn segments_carry_raw_positions() {
    let raw = "Titel\n\nDie Kolchosen wurden ge-\ngründet. Das geschah 1930.\n";
    let doc = Document::from_bytes("t.txt", raw.as_bytes()).unwrap();
    let segs = segment_document(&doc, &Options::default());
    let texts: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Titel",
            "Die Kolchosen wurden gegründet.",
            "Das geschah 1930."
        ]
    );
    assert_eq!(segs[0].kind, SegmentKind::Heading);
    assert_eq!((segs[1].line, segs[1].column), (3, 1));
    assert_eq!(
        &raw[segs[1].span.start..segs[1].span.end],
        "Die Kolchosen wurden ge-\ngründet."
    );
    assert_eq!((segs[2].line, segs[2].column), (4, 10));
}

#[test]
fn glued_heading_is_marked() {
    let doc = Document::from_bytes(
        "t.txt",
        "De Sovjet-Unie bleef geïsoleerd.Rampzalig isolement\n\nToen kwam de oorlog.\n".as_bytes(),
    )
    .unwrap();
    let segs = segment_document(
        &doc,
        &Options {
            lang: LangChoice::Fixed(Lang::Nl),
        },
    );
    assert_eq!(segs[1].text, "Rampzalig isolement");
    assert_eq!(segs[1].kind, SegmentKind::Heading);
    assert_eq!(segs[2].kind, SegmentKind::Sentence);
}

#[test]
fn guess_lang_tells_german_from_dutch() {
    assert_eq!(
        guess_lang("Die Bauern und die Kolchosen, das ist nicht neu."),
        Lang::De
    );
    assert_eq!(
        guess_lang("De boeren en de kolchozen, dat is niet nieuw."),
        Lang::Nl
    );
    assert_eq!(
        guess_lang("The peasants and the kolkhozes, that is not new."),
        Lang::En
    );
}

/// Pages of extracted text of our own, `pages` of them: a running head and a page number
/// per page, line-break hyphenation, footnote numbers glued to words and their entries,
/// an omission mark, abbreviations and ordinals, a Dutch paragraph, a broken byte, and
/// the same passage repeated on every page.
fn many_paragraphs(pages: usize) -> String {
    let mut text = String::new();
    for page in 1..=pages {
        text.push_str("Die Kollektivierung im Dorf\n\n");
        text.push_str(&format!(
            "Im 19. Jahrhundert gab es im Dorf keine Kol-\nchosen; erst nach 1929 wurden sie z. B. in der \
             Ukraine gegründet.{page} Die Bauern […] wehrten sich, vgl. S. {page}.\n\
             Viele verloren ihr Vieh. Am 2. März 1930 erschien Stalins Artikel.\n\n"
        ));
        text.push_str(&format!(
            "De boeren in het dorp verzetten zich tegen de kolchoz, o.a. in de Oekraïne. Pagina {page} \
             zegt het ander\u{FFFD}s: »Was tun?« vroeg men zich af.\n\n"
        ));
        text.push_str("Dieselbe Stelle steht auf jeder Seite. Sie wiederholt sich.\n\n");
        text.push_str(&format!(
            "{page} Vgl. Meier, Die Dörfer, S. {page}.\n\n{page}\n\n"
        ));
    }
    text
}

#[test]
fn the_segments_are_the_same_for_any_number_of_threads() {
    let doc = Document::from_bytes("t.txt", many_paragraphs(300).as_bytes()).unwrap();
    let norm = normalize::normalize(doc.text());
    assert!(
        batches(&norm.blocks).len() >= 4,
        "too few batches to run in parallel"
    );
    let run = |threads: usize, opts: Options| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let segments = pool.install(|| segment_normalized(&doc, &norm, &opts));
        format!("{segments:?}")
    };
    // What one loop over the blocks in order gives, without batches.
    let rules: Vec<Lang> = norm
        .blocks
        .iter()
        .map(|b| {
            let words = FunctionWords::count(b.text.as_str());
            words.top().unwrap_or(Lang::De)
        })
        .collect();
    for lang in [LangChoice::Auto, LangChoice::Fixed(Lang::Nl)] {
        let opts = Options { lang };
        let mut reference = Vec::new();
        for (bi, block) in norm.blocks.iter().enumerate() {
            let lang = match lang {
                LangChoice::Auto => rules[bi],
                LangChoice::Fixed(l) => l,
            };
            let mut cuts = Vec::new();
            cut_block(block, bi, lang, &mut cuts);
            reference.extend(cuts.iter().map(|c| make_segment(&doc, block, c)));
        }
        let one = run(1, opts);
        assert!(one.contains("Kolchosen") && one.contains("Oekraïne"));
        assert!(
            one == format!("{reference:?}"),
            "batches differ from one loop"
        );
        for threads in [2, 3] {
            assert!(run(threads, opts) == one, "{threads} threads, {lang:?}");
        }
    }
}

#[test]
fn batches_cover_every_block_once_in_order() {
    let doc = Document::from_bytes("t.txt", many_paragraphs(300).as_bytes()).unwrap();
    let norm = normalize::normalize(doc.text());
    let mut next = 0;
    for b in &batches(&norm.blocks) {
        assert_eq!(b.start, next);
        assert!(b.start < b.end);
        next = b.end;
    }
    assert_eq!(next, norm.blocks.len());
    assert!(batches(&[]).is_empty());
}

/// The cuts are the segments without their strings and raw positions: same texts, kinds,
/// blocks and languages, in the same order.
#[test]
fn cuts_are_the_segments_unmade() {
    let doc = Document::from_bytes("t.txt", many_paragraphs(40).as_bytes()).unwrap();
    let norm = normalize::normalize(doc.text());
    for lang in [LangChoice::Auto, LangChoice::Fixed(Lang::Nl)] {
        let opts = Options { lang };
        let segments = segment_normalized(&doc, &norm, &opts);
        let cuts = cut_normalized(&norm, &opts);
        assert!(segments.len() > 100);
        assert_eq!(cuts.len(), segments.len());
        for (c, s) in cuts.iter().zip(&segments) {
            assert_eq!(c.text(&norm), s.text);
            assert_eq!((c.kind, c.block, c.lang), (s.kind, s.block, s.lang));
            assert_eq!((c.start, c.end), s.in_block);
        }
    }
}
