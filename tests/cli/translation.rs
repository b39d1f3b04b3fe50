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
