//! `glossa align SOURCE --target TRANSLATION` and `glossa export tmx` as a user runs them:
//! the beads of a hand-aligned pair, and a project whose pair is aligned, written and
//! exported. The JSON lines of the beads are also compared whole, with any language pair,
//! in the cases `tests/cmd/translation-*`.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! translation::` rewrites them.

use std::path::Path;

use snapbox::{assert_data_eq, str};

use crate::support::{self, glossa, text};

#[test]
fn beads_as_json_lines() {
    // Presegmented, with a 2-1, a 1-2, a 1-0 and a 0-1 bead; names and numbers as anchors.
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/translation-beads.in");
    let o = glossa(
        &d,
        &[
            "align",
            "--presegmented",
            "--glossary",
            "../../fixtures/glossaries/translation.toml",
            "--source-lang",
            "de",
            "a.de",
            "--target",
            "a.en",
            "--format",
            "jsonl",
            "--stdout",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let beads: Vec<serde_json::Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs: Vec<(Vec<u64>, Vec<u64>)> = beads
        .iter()
        .map(|b| {
            let nums = |k: &str| {
                b[k].as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap())
                    .collect()
            };
            (nums("source"), nums("target"))
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            (vec![1], vec![1]),
            (vec![], vec![2]),
            (vec![2, 3], vec![3]),
            (vec![4], vec![4]),
            (vec![5], vec![5]),
            (vec![6], vec![6, 7]),
            (vec![7], vec![]),
        ]
    );
    assert!(
        beads
            .iter()
            .all(|b| b["score"].is_number() && b.get("review").is_some())
    );
}

#[test]
fn project_pairs_write_translation_checks_and_tmx() {
    let d = support::project(
        "translation-project",
        &[
            ("glossary/g.toml", support::glossaries::TRANSLATION),
            (
                "glossa.toml",
                "glossaries = [\"glossary/g.toml\"]\n[[pairs]]\nsource = \"corpus/a.txt\"\ntarget = \"corpus/en/a.txt\"\n",
            ),
            (
                "corpus/a.txt",
                "Die Kolchosen wuchsen schnell. Der Kolchos im Dorf war arm.\n\nDer Kulak floh.\n",
            ),
            (
                "corpus/en/a.txt",
                "The collective farms grew fast. The Kolchos in the village was poor.\n\nThe man fled.\n",
            ),
        ],
    );
    let o = glossa(&d, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // The target, sentence pairs, and per term the English found: admitted, forbidden,
    // missing.
    assert_data_eq!(
        std::fs::read_to_string(d.join("alignments/a.txt.align")).unwrap(),
        str![[r#"
# glossa alignment 2
# source: corpus/a.txt
# glossary: fnv1a64:07dc118f7211e5e5
# target: en corpus/en/a.txt
P	373c7149893c	ba46786bbc6c	1.000	ok	de	Die Kolchosen wuchsen schnell.	The collective farms grew fast.
S	373c7149893c	de	1:1	sentence	Die Kolchosen wuchsen schnell.
T	373c7149893c	de	kolkhoz	Kolchosen	kolkhoz	inflected	1:5	body	Die [[Kolchosen]] wuchsen schnell.
X	373c7149893c	kolkhoz	Kolchosen	admitted	collective farms	kolkhoz
P	39159fb00daa	00f15d792030	0.848	ok	de	Der Kolchos im Dorf war arm.	The Kolchos in the village was poor.
S	39159fb00daa	de	1:32	sentence	Der Kolchos im Dorf war arm.
T	39159fb00daa	de	kolkhoz	Kolchos	kolkhoz	exact	1:36	body	Der [[Kolchos]] im Dorf war arm.
X	39159fb00daa	kolkhoz	Kolchos	forbidden	Kolchos	kolkhoz
P	cda1ac3ba5a6	8c2b137478b9	0.940	ok	de	Der Kulak floh.	The man fled.
S	cda1ac3ba5a6	de	3:1	sentence	Der Kulak floh.
T	cda1ac3ba5a6	de	kulak	Kulak	kulak	exact	3:5	body	Der [[Kulak]] floh.
X	cda1ac3ba5a6	kulak	Kulak	missing		kulak

"#]]
    );

    let o = glossa(&d, &["export", "tmx"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="glossa" creationtoolversion="0.1.0" segtype="sentence" o-tmf="glossa-alignment" adminlang="en" srclang="de" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <prop type="x-source">corpus/a.txt</prop>
      <prop type="x-score">1.000</prop>
      <tuv xml:lang="de"><seg>Die Kolchosen wuchsen schnell.</seg></tuv>
      <tuv xml:lang="en"><seg>The collective farms grew fast.</seg></tuv>
    </tu>
    <tu tuid="2">
      <prop type="x-source">corpus/a.txt</prop>
      <prop type="x-score">0.848</prop>
      <tuv xml:lang="de"><seg>Der Kolchos im Dorf war arm.</seg></tuv>
      <tuv xml:lang="en"><seg>The Kolchos in the village was poor.</seg></tuv>
    </tu>
    <tu tuid="3">
      <prop type="x-source">corpus/a.txt</prop>
      <prop type="x-score">0.940</prop>
      <tuv xml:lang="de"><seg>Der Kulak floh.</seg></tuv>
      <tuv xml:lang="en"><seg>The man fled.</seg></tuv>
    </tu>
  </body>
</tmx>

"#]]
    );
}

/// A bilingual dictionary named in glossa.toml helps alignment: the sentence the
/// translation left out comes out on its own, and the file says which dictionary was used.
/// A dictionary that cannot be read stops the run before anything is written.
#[test]
fn a_dictionary_finds_the_sentence_the_translation_left_out() {
    let source = "Im Dorf gab es seit dem Frühjahr einen Kolchos.\n\
                  Die Bauern arbeiteten den ganzen Sommer auf den Feldern.\n\
                  Im Winter hungerten viele Familien in den Hütten.\n\
                  Die Ernte wurde mit der Bahn nach Moskau gebracht.\n";
    let target = "Since the spring there had been a kolkhoz in the village.\n\
                  The peasants worked in the fields all summer.\n\
                  The harvest was taken to Moscow by rail.\n";
    let words = "# German to English, for the test\nDorf\tvillage\nFrühjahr\tspring\n\
                 Bauer\tpeasant\nSommer\tsummer\nFeld\tfield\nWinter\twinter\n\
                 hungern\tstarve\nFamilie\tfamily\nHütte\thut\nErnte\tharvest\nBahn\trail\n\
                 Moskau\tMoscow\nim Dorf\tin the village\n";
    let dir = support::project(
        "dictionary",
        &[
            (
                "glossa.toml",
                "glossaries = [\"glossary/g.toml\"]\nlanguages = [\"de\"]\n\
                 dictionary = \"de-en.tsv\"\n\n[[pairs]]\nsource = \"corpus/a.txt\"\n\
                 target = \"corpus/en/a.txt\"\n",
            ),
            ("glossary/g.toml", support::glossaries::TRANSLATION),
            ("corpus/a.txt", source),
            ("corpus/en/a.txt", target),
            ("de-en.tsv", words),
        ],
    );
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // The phrase the file holds is not used, and glossa says so.
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
glossa: warning: de-en.tsv: 1 of 13 dictionary entries give no word pair and are not used (a phrase of several words, no letters, or a translation of more than three words)
glossa: 1 document(s), 1 term occurrence(s), 0 of 4 sentence pair(s) marked for review; 1 file(s) written, 0 removed, in alignments

"#]]
    );
    let file = std::fs::read_to_string(dir.join("alignments/a.txt.align")).unwrap();
    assert!(file.contains("\n# dictionary: "), "{file}");
    let pairs: Vec<&str> = file
        .lines()
        .filter(|l| l.starts_with("P\t"))
        .map(|l| l.split('\t').nth(6).unwrap())
        .collect();
    let left_out: Vec<&str> = file
        .lines()
        .filter(|l| l.starts_with("P\t") && l.split('\t').nth(2) == Some("-"))
        .map(|l| l.split('\t').nth(6).unwrap())
        .collect();
    assert_eq!(
        left_out,
        ["Im Winter hungerten viele Familien in den Hütten."],
        "{pairs:#?}"
    );

    // check reports the sentence left out where it stands in the source, with the
    // translation's sentences around the place it would have.
    let o = glossa(
        &dir,
        &[
            "check",
            "--deny",
            "untranslated-sentence",
            "--allow",
            "missing-translation",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
error[untranslated-sentence]: "Im Winter hungerten viele Familien in den Hütten." has no counterpart in the translation corpus/en/a.txt
 --> corpus/a.txt:3:1
  |
3 | Im Winter hungerten viele Familien in den Hütten.
  | ^
  |
  = help: in the translation it would stand between "The peasants worked in the fields all summer." and "The harvest was taken to Moscow by rail."


"#]]
    );

    std::fs::remove_file(dir.join("de-en.tsv")).unwrap();
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("de-en.tsv"), "{}", text(&o.stderr));
    let o = glossa(&dir, &["align", "--dictionary", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let file = std::fs::read_to_string(dir.join("alignments/a.txt.align")).unwrap();
    assert!(!file.contains("# dictionary:"), "{file}");
}

/// Two texts on the same topic that are not translations of each other: with a dictionary,
/// `align` warns and `check` denies `unlikely-translation`; the real translation passes.
#[test]
fn a_translation_of_another_text_is_unlikely() {
    let source = "Im Dorf gab es seit dem Frühjahr einen Kolchos.\n\
                  Die Bauern arbeiteten den ganzen Sommer auf den Feldern.\n\
                  Im Winter hungerten viele Familien in den Hütten.\n\
                  Die Ernte wurde mit der Bahn nach Moskau gebracht.\n\
                  Der Vorsitzende wohnte im Haus am Fluss.\n\
                  Im Frühjahr kamen neue Traktoren ins Dorf.\n";
    let real = "Since the spring there had been a kolkhoz in the village.\n\
                The peasants worked in the fields all summer.\n\
                In winter many families starved in their huts.\n\
                The harvest was taken to Moscow by rail.\n\
                The chairman lived in the house by the river.\n\
                In spring new tractors came to the village.\n";
    let other = "The congress opened in a large hall in the capital.\n\
                 Delegates from every republic gave long speeches.\n\
                 The newspapers printed the resolutions the next morning.\n\
                 Foreign guests watched from the gallery.\n\
                 A banquet closed the third day of the meeting.\n\
                 Most delegates travelled home by overnight train.\n";
    let words = "Dorf\tvillage\nFrühjahr\tspring\nBauer\tpeasant\nSommer\tsummer\nFeld\tfield\n\
                 Winter\twinter\nhungern\tstarve\nFamilie\tfamily\nHütte\thut\nErnte\tharvest\n\
                 Bahn\trail\nMoskau\tMoscow\nVorsitzende\tchairman\nHaus\thouse\nFluss\triver\n\
                 Traktor\ttractor\nneu\tnew\nwohnen\tlive\nkommen\tcome\n";
    let dir = support::project(
        "unlikely",
        &[
            (
                "glossa.toml",
                "glossaries = [\"glossary/g.toml\"]\nlanguages = [\"de\"]\n\
                 dictionary = \"de-en.tsv\"\n\n[[pairs]]\nsource = \"corpus/a.txt\"\n\
                 target = \"corpus/en/a.txt\"\n\n[[pairs]]\nsource = \"corpus/b.txt\"\n\
                 target = \"corpus/en/b.txt\"\n",
            ),
            ("glossary/g.toml", support::glossaries::TRANSLATION),
            ("corpus/a.txt", source),
            ("corpus/en/a.txt", real),
            ("corpus/b.txt", source),
            ("corpus/en/b.txt", other),
            ("de-en.tsv", words),
        ],
    );
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
warning[unlikely-translation]: corpus/en/b.txt does not look like a translation of corpus/b.txt: 0% of the dictionary's words find their translation across its sentence pairs
  = help: translations measure 30% or more (dictionary de-en.tsv); 0 of 6 sentence pairs are marked for review: check that the pair in glossa.toml names the right files
glossa: 2 document(s), 2 term occurrence(s), 0 of 12 sentence pair(s) marked for review; 2 file(s) written, 0 removed, in alignments

"#]]
    );
    let o = glossa(
        &dir,
        &[
            "check",
            "--allow",
            "untranslated-sentence",
            "--allow",
            "added-sentence",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
warning[missing-translation]: `Kolchos` (kolkhoz) has no rendering in the aligned translation; expected `kolkhoz`
 --> corpus/b.txt:1:40
  |
1 | Im Dorf gab es seit dem Frühjahr einen Kolchos.
  |                                        ^^^^^^^
  |
  = help: aligned English: "The congress opened in a large hall in the capital."

error[unlikely-translation]: corpus/en/b.txt does not look like a translation of corpus/b.txt: 0% of the dictionary's words find their translation across its sentence pairs
 --> corpus/en/b.txt:1:1
  |
1 | The congress opened in a large hall in the capital.
  | ^
  |
  = help: translations measure 30% or more (dictionary de-en.tsv); 0 of 6 sentence pairs are marked for review: check that the pair in glossa.toml names the right files


"#]]
    );
}

/// Issue 16: without a dictionary (`dictionary = "none"`, as for a language pair FreeDict
/// lacks), two texts on one topic that share names, years and glossary terms but are not
/// translations of each other: `align` warns and `check` denies `unlikely-translation`
/// from the names, numbers and concepts the sentence pairs share; the real translation,
/// with a sentence left out, a footnote number glued to a word and a broken hyphenation,
/// passes.
#[test]
fn without_a_dictionary_a_text_on_the_same_topic_is_unlikely() {
    let source = "Im Herbst 1929 verkündete Stalin in Moskau den Beginn der Kollektivierung.\n\
                  Bis März 1930 sollten 14 Millionen Höfe einem Kolchos beitreten.\n\
                  Die OGPU verhaftete im Gebiet Smolensk 2.700 Kulaken.\n\
                  Der Artikel der Prawda vom 2. März 1930 bremste die Bewegung nur kurz.\n\
                  Nach der Ernte 1931 lieferten die Kolchosen 22 Prozent mehr Getreide ab.\n\
                  Der Bezirk Wjasma meldete 1932 Hunger in 38 Dörfern.3\n\
                  Im ZK der VKP(b) stritten Bucharin und Rykow gegen die Zwangs-\n\
                  maßnahmen.\n\
                  Zwischen 1930 und 1933 wurden 1,8 Millionen Kulaken deportiert.\n\
                  Erst 1935 gab das Musterstatut den Bauern ein Stück Hofland zurück.\n\
                  Die MTS verliehen 1934 rund 280.000 Traktoren an die Kolchosen.\n\
                  Im Kreis Rshew flohen 1933 über 4.000 Bauern in die Städte.\n";
    // The translation leaves out the sentence on Wjasma.
    let real = "In the autumn of 1929 Stalin announced the start of collectivisation in Moscow.\n\
                By March 1930, 14 million farms were to join a kolkhoz.\n\
                In the Smolensk region the OGPU arrested 2,700 kulaks.\n\
                The Pravda article of 2 March 1930 slowed the movement only briefly.\n\
                After the 1931 harvest the kolkhozes delivered 22 percent more grain.\n\
                In the ZK of the VKP(b), Bukharin and Rykov argued against the coercion.\n\
                Between 1930 and 1933, 1.8 million kulaks were deported.\n\
                Only in 1935 did the model statute give the peasants back a private plot.\n\
                In 1934 the MTS lent some 280,000 tractors to the kolkhozes.\n\
                In the Rzhev district more than 4,000 peasants fled to the towns in 1933.\n";
    let other = "Stalin spent the summer of 1929 at a dacha south of Moscow.\n\
                 Visitors from Leningrad brought him reports on the new factories.\n\
                 A kolkhoz near Tula was shown to foreign guests as a model.\n\
                 The kulak, the newspapers wrote, was the enemy of every village.\n\
                 In 1937 the purge reached the army and its officers.\n\
                 Tukhachevsky was shot in June of that year with seven other commanders.\n\
                 The census of 1937 was suppressed because it counted too few people.\n\
                 Its organisers were arrested and the figures kept secret for decades.\n\
                 Moscow's new metro opened its first line in May 1935.\n\
                 Its stations were praised in Pravda as palaces for the workers.\n\
                 The first Five-Year Plan had promised 17 million tons of pig iron by 1932.\n\
                 Magnitogorsk grew from a camp of tents into a city of 200,000 within five years.\n\
                 Most of the NKVD archives on these years were opened only after 1991.\n";
    let dir = support::project(
        "unlikely-keys",
        &[
            (
                "glossa.toml",
                "glossaries = [\"glossary/g.toml\"]\nlanguages = [\"de\"]\n\
                 dictionary = \"none\"\n\n[[pairs]]\nsource = \"corpus/a.txt\"\n\
                 target = \"corpus/en/a.txt\"\n\n[[pairs]]\nsource = \"corpus/b.txt\"\n\
                 target = \"corpus/en/b.txt\"\n",
            ),
            ("glossary/g.toml", support::glossaries::TRANSLATION),
            ("corpus/a.txt", source),
            ("corpus/en/a.txt", real),
            ("corpus/b.txt", source),
            ("corpus/en/b.txt", other),
        ],
    );
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
warning[unlikely-translation]: corpus/en/b.txt does not look like a translation of corpus/b.txt: only 24% of the names, numbers and glossary terms of its sentence pairs are on both sides, and the lengths of its paired sentences barely correlate (-0.07)
  = help: translations measure 20% or more, 30% when their sentence lengths do not correlate (no dictionary for the pair: one makes the verdict surer); 5 of 12 sentence pairs are marked for review: check that the pair in glossa.toml names the right files
glossa: 2 document(s), 10 term occurrence(s), 5 of 23 sentence pair(s) marked for review; 2 file(s) written, 0 removed, in alignments

"#]]
    );
    let o = glossa(
        &dir,
        &[
            "check",
            "--allow",
            "untranslated-sentence",
            "--allow",
            "added-sentence",
            "--allow",
            "missing-translation",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
error[unlikely-translation]: corpus/en/b.txt does not look like a translation of corpus/b.txt: only 24% of the names, numbers and glossary terms of its sentence pairs are on both sides, and the lengths of its paired sentences barely correlate (-0.07)
 --> corpus/en/b.txt:1:1
  |
1 | Stalin spent the summer of 1929 at a dacha south of Moscow.
  | ^
  |
  = help: translations measure 20% or more, 30% when their sentence lengths do not correlate (no dictionary for the pair: one makes the verdict surer); 5 of 12 sentence pairs are marked for review: check that the pair in glossa.toml names the right files


"#]]
    );
}
