//! `glossa align SOURCE --target TRANSLATION` and `glossa export tmx` as a user runs them.

use std::path::PathBuf;

use crate::support::{self, glossa, text};

fn dir(name: &str) -> PathBuf {
    support::project(&format!("translation-{name}"), &[])
}

/// kolkhoz (with an admitted and a forbidden rendering) and kulak.
const GLOSSARY: &str = support::glossaries::TRANSLATION;

// Presegmented, with a 2-1, a 1-2, a 1-0 and a 0-1 bead; names and numbers as anchors.
const SRC: &str = "Im Jahr 1929 begann in der Ukraine die Kollektivierung.
Die Bauern in Poltawa mussten in den Kolchos.
Wer sich in Poltawa weigerte, galt als Kulak.
In Charkiw wurde 1930 das Vieh geschlachtet.
Iwan Petrenko hatte keine Wahl.

In Moskau jubelte Stalin über die Zahlen von 1931, die alles in den Schatten stellten, was die Partei erwartet hatte.
Die Kolchosen in Kasachstan wuchsen bis 1932, obwohl die Hungersnot dort mehr als ein Drittel der kasachischen Bevölkerung das Leben kostete und ganze Landstriche entvölkerte.
";
const TGT: &str = "Collectivisation began in Ukraine in 1929.
This was what the party leadership, in its own newspapers and at every meeting in every village, called the \"great turn\" of the countryside towards socialism.
The peasants of Poltawa had to join the kolkhoz, and whoever refused in Poltawa was considered a kulak.
In Charkiw the livestock was slaughtered in 1930.
Iwan Petrenko had no choice.

In Moscow Stalin celebrated the figures of 1931.
They overshadowed everything the party had expected.
";

#[test]
fn beads_as_json_lines() {
    let d = dir("beads");
    std::fs::write(d.join("g.toml"), GLOSSARY).unwrap();
    std::fs::write(d.join("a.de"), SRC).unwrap();
    std::fs::write(d.join("a.en"), TGT).unwrap();
    let o = glossa(
        &d,
        &[
            "align",
            "--presegmented",
            "--glossary",
            "g.toml",
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
fn any_language_pair_without_a_glossary() {
    let d = dir("anylang");
    std::fs::write(d.join("empty.toml"), "").unwrap();
    std::fs::write(
        d.join("a.fr"),
        "Le kolkhoze de 1929.\nLes paysans partirent.\n",
    )
    .unwrap();
    std::fs::write(d.join("a.en"), "The kolkhoz of 1929.\nThe peasants left.\n").unwrap();
    let o = glossa(
        &d,
        &[
            "align",
            "--presegmented",
            "--glossary",
            "empty.toml",
            "--source-lang",
            "fr",
            "--target-lang",
            "en",
            "a.fr",
            "--target",
            "a.en",
            "--format",
            "jsonl",
            "--stdout",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).lines().count(), 2);
}

#[test]
fn project_pairs_write_translation_checks_and_tmx() {
    let d = dir("project");
    std::fs::create_dir_all(d.join("corpus/en")).unwrap();
    std::fs::create_dir_all(d.join("glossary")).unwrap();
    std::fs::write(d.join("glossary/g.toml"), GLOSSARY).unwrap();
    std::fs::write(
        d.join("glossa.toml"),
        "glossaries = [\"glossary/g.toml\"]\n[[pairs]]\nsource = \"corpus/a.txt\"\ntarget = \"corpus/en/a.txt\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "Die Kolchosen wuchsen schnell. Der Kolchos im Dorf war arm.\n\nDer Kulak floh.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("corpus/en/a.txt"),
        "The collective farms grew fast. The Kolchos in the village was poor.\n\nThe man fled.\n",
    )
    .unwrap();
    let o = glossa(&d, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let file = std::fs::read_to_string(d.join("alignments/a.txt.align")).unwrap();
    assert!(file.contains("# target: en corpus/en/a.txt\n"), "{file}");
    assert!(
        file.contains("\tkolkhoz\tKolchosen\tadmitted\tcollective farms\tkolkhoz\n"),
        "{file}"
    );
    assert!(
        file.contains("\tkolkhoz\tKolchos\tforbidden\tKolchos\tkolkhoz\n"),
        "{file}"
    );
    assert!(
        file.contains("\tkulak\tKulak\tmissing\t\tkulak\n"),
        "{file}"
    );
    assert!(file.contains("\nP\t"), "{file}");

    let o = glossa(&d, &["export", "tmx"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let tmx = text(&o.stdout);
    assert!(
        tmx.contains("<tuv xml:lang=\"de\"><seg>Der Kulak floh.</seg></tuv>"),
        "{tmx}"
    );
    assert!(
        tmx.contains("<tuv xml:lang=\"en\"><seg>The man fled.</seg></tuv>"),
        "{tmx}"
    );
    assert_eq!(tmx.matches("<tu ").count(), 3);
}
