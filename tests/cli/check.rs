//! `glossa check` after `glossa align` or an edit of the project: stale alignments, levels
//! from glossa.toml and the command line, the baseline, a glossary with problems. Each
//! diagnostic with an input that triggers it and one that must stay quiet, and every output
//! format, are cases in `tests/cmd/check-*`.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! check::` rewrites them.

use std::path::{Path, PathBuf};

use snapbox::{assert_data_eq, str};

use crate::support::{self, glossa, text};

fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let mut all = vec![
        (
            "glossa.toml",
            "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\nlanguages = [\"de\", \"nl\"]\n",
        ),
        ("glossary/g.toml", support::glossaries::CHECK),
    ];
    all.extend_from_slice(files);
    let dir = support::project(&format!("check-{name}"), &all);
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    dir
}

/// Runs `glossa check ARGS` in `dir`: the exit code, standard output and standard error.
fn check(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let o = glossa(dir, &[&["check"], args].concat());
    (o.status.code(), text(&o.stdout), text(&o.stderr))
}

#[test]
fn stale_alignments_are_denied() {
    let dir = project("stale", &[("corpus/de.txt", "Die Kolchosen waren arm.\n")]);
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let (code, out, _) = check(&dir, &["--format", "json"]);
    assert_eq!((code, out.as_str()), (Some(0), "[]\n"));

    std::fs::write(dir.join("corpus/de.txt"), "Die Kolchosen waren reich.\n").unwrap();
    std::fs::write(dir.join("corpus/nl.txt"), "De kolchoz was arm.\n").unwrap();
    let (code, out, _) = check(&dir, &["--format", "json"]);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        out,
        str![[r#"
[
  {
    "code": "stale-alignments",
    "level": "deny",
    "file": "alignments/de.txt.align",
    "line": 4,
    "column": 1,
    "width": 0,
    "message": "alignment file is stale: glossa would write it differently from line 4 on",
    "help": "run `glossa align` to update it, and review the change with `glossa diff`",
    "concept": null,
    "surface": null
  },
  {
    "code": "stale-alignments",
    "level": "deny",
    "file": "alignments/nl.txt.align",
    "line": 1,
    "column": 1,
    "width": 0,
    "message": "alignment file is missing",
    "help": "run `glossa align` to write it",
    "concept": null,
    "surface": null
  }
]

"#]]
    );
}

#[test]
fn glossary_problems_are_denied_and_a_broken_glossary_is_an_error() {
    let dir = project(
        "glossary",
        &[("corpus/de.txt", "Die Kolchosen waren arm.\n")],
    );
    std::fs::write(
        dir.join("glossary/g.toml"),
        format!(
            "{}\n[concept.kolkhoz-two]\nenglish = \"kolkhoz\"\ncategory = \"term\"\nde = [{{ form = \"Kolchos\" }}]\n",
            support::glossaries::CHECK
        ),
    )
    .unwrap();
    let (code, out, _) = check(&dir, &["--format", "json", "--allow", "stale-alignments"]);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        out,
        str![[r#"
[
  {
    "code": "glossary",
    "level": "deny",
    "file": "glossary/g.toml",
    "line": 45,
    "column": 7,
    "width": 0,
    "message": "form `Kolchos` (de) is claimed by both `kolkhoz` (line 24) and `kolkhoz-two`; hint: a form belongs to one concept, spelling variants fold together",
    "help": null,
    "concept": null,
    "surface": null
  }
]

"#]]
    );

    std::fs::write(dir.join("glossary/g.toml"), "[concept.x]\nenglish = 1\n").unwrap();
    let (code, out, err) = check(&dir, &[]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_data_eq!(
        err,
        str![[r#"
glossa: error: glossary/g.toml:2:11: invalid type: integer `1`, expected a string

"#]]
    );
}

#[test]
fn levels_from_glossa_toml_and_the_command_line() {
    let dir = project(
        "levels",
        &[("corpus/de.txt", "Die Kolchose im Dorf war arm.\n")],
    );
    // Warn by default: exit 0. --deny makes it fail.
    assert_eq!(check(&dir, &["--allow", "stale-alignments"]).0, Some(0));
    let (code, out, _) = check(
        &dir,
        &[
            "--format",
            "json",
            "--allow",
            "stale-alignments",
            "--deny",
            "deprecated-form",
        ],
    );
    assert_eq!(code, Some(1));
    assert_data_eq!(
        out,
        str![[r#"
[
  {
    "code": "deprecated-form",
    "level": "deny",
    "file": "corpus/de.txt",
    "line": 1,
    "column": 5,
    "width": 8,
    "message": "`Kolchose` uses the deprecated form `Kolchose` of `kolkhoz` (old spelling)",
    "help": "write the preferred form `Kolchos` (kolkhoz → kolkhoz)",
    "concept": "kolkhoz",
    "surface": "Kolchose"
  }
]

"#]]
    );

    // glossa.toml denies; the command line wins.
    let toml = dir.join("glossa.toml");
    let mut settings = std::fs::read_to_string(&toml).unwrap();
    settings.push_str("\n[check]\ndeprecated-form = \"deny\"\nstale-alignments = \"allow\"\n");
    std::fs::write(&toml, &settings).unwrap();
    assert_eq!(check(&dir, &[]).0, Some(1));
    assert_eq!(check(&dir, &["--warn", "deprecated-form"]).0, Some(0));
    let (code, out, _) = check(&dir, &["--format", "json", "--allow", "deprecated-form"]);
    assert_eq!((code, out.as_str()), (Some(0), "[]\n"));

    // An unknown code is an error, in glossa.toml (with line:col) and on the command line.
    std::fs::write(&toml, format!("{settings}deprecated-forms = \"deny\"\n")).unwrap();
    let (code, out, err) = check(&dir, &[]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_data_eq!(
        err,
        str![[r#"
glossa: error: glossa.toml:8:1: unknown check `deprecated-forms` in [check], expected one of `deprecated-form`, `unknown-variant`, `inconsistent-spelling`, `stale-alignments`, `glossary`, `missing-translation`, `forbidden-translation`, `inconsistent-translation`, `untranslated-sentence`, `added-sentence`, `unlikely-translation`

"#]]
    );
    std::fs::write(&toml, &settings).unwrap();
    let (code, out, err) = check(&dir, &["--deny", "deprecated"]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_data_eq!(
        err,
        str![[r#"
error: invalid value 'deprecated' for '--deny <CODE>': unknown check `deprecated` (known: deprecated-form, unknown-variant, inconsistent-spelling, stale-alignments, glossary, missing-translation, forbidden-translation, inconsistent-translation, untranslated-sentence, added-sentence, unlikely-translation)

For more information, try '--help'.

"#]]
    );
}

#[test]
fn baseline_accepts_recorded_findings_by_concept_not_line() {
    let dir = project(
        "baseline",
        &[("corpus/de.txt", "Die Kolchose im Dorf war arm.\n")],
    );
    let deny = ["--allow", "stale-alignments", "--deny", "deprecated-form"];
    let (code, _, err) = check(
        &dir,
        &[&deny[..], &["--write-baseline", "base.json"]].concat(),
    );
    assert_eq!(code, Some(0), "{err}");
    assert_data_eq!(
        std::fs::read_to_string(dir.join("base.json")).unwrap(),
        str![[r#"
{
  "glossa_baseline": 2,
  "findings": [
    {
      "code": "deprecated-form",
      "file": "corpus/de.txt",
      "concept": "kolkhoz",
      "surface": "Kolchose",
      "count": 1
    }
  ]
}

"#]]
    );

    // Lines added above: the finding moves, and stays accepted.
    std::fs::write(
        dir.join("corpus/de.txt"),
        "Ein neuer Absatz.\n\nDie Kolchose im Dorf war arm.\n",
    )
    .unwrap();
    let args = [&deny[..], &["--baseline", "base.json", "--format", "json"]].concat();
    let (code, out, _) = check(&dir, &args);
    assert_eq!((code, out.as_str()), (Some(0), "[]\n"));

    // A new finding (in another file) is reported.
    std::fs::write(dir.join("corpus/neu.txt"), "Die Kolchose lag brach.\n").unwrap();
    let (code, out, _) = check(&dir, &args);
    assert_eq!(code, Some(1));
    assert_data_eq!(
        out,
        str![[r#"
[
  {
    "code": "deprecated-form",
    "level": "deny",
    "file": "corpus/neu.txt",
    "line": 1,
    "column": 5,
    "width": 8,
    "message": "`Kolchose` uses the deprecated form `Kolchose` of `kolkhoz` (old spelling)",
    "help": "write the preferred form `Kolchos` (kolkhoz → kolkhoz)",
    "concept": "kolkhoz",
    "surface": "Kolchose"
  }
]

"#]]
    );

    std::fs::write(dir.join("base.json"), "[]").unwrap();
    let (code, _, err) = check(&dir, &["--baseline", "base.json"]);
    assert_eq!(code, Some(2));
    assert_data_eq!(
        err,
        str![[r#"
glossa: error: base.json:1:2: not a glossa baseline: invalid length 0, expected struct BaselineFile with 2 elements at line 1 column 2

"#]]
    );
}

#[test]
fn a_new_repeat_of_a_baselined_finding_is_reported_and_fingerprints_stay_unique() {
    let dir = project(
        "baseline-count",
        &[(
            "corpus/de.txt",
            "Die Kolchose im Dorf war arm.\nDie Kolchose am Fluss war reich.\n",
        )],
    );
    let deny = ["--allow", "stale-alignments", "--deny", "deprecated-form"];
    let (code, _, err) = check(
        &dir,
        &[&deny[..], &["--write-baseline", "base.json"]].concat(),
    );
    assert_eq!(code, Some(0), "{err}");
    let base = std::fs::read_to_string(dir.join("base.json")).unwrap();
    assert!(base.contains("\"count\": 2"), "{base}");

    // Two findings with one key: two fingerprints, and the same two after a paragraph is
    // added above them (code scanning must neither merge them nor see them as new).
    let sarif_prints = |dir: &Path| -> Vec<String> {
        let (_, out, _) = check(dir, &[&deny[..], &["--format", "sarif"]].concat());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["glossaFinding/v2"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let before = sarif_prints(&dir);
    assert_eq!(
        before,
        [
            "deprecated-form:corpus/de.txt:kolkhoz:Kolchose:1",
            "deprecated-form:corpus/de.txt:kolkhoz:Kolchose:2"
        ]
    );
    std::fs::write(
        dir.join("corpus/de.txt"),
        "Ein neuer Absatz.\n\nDie Kolchose im Dorf war arm.\nDie Kolchose am Fluss war reich.\n",
    )
    .unwrap();
    assert_eq!(sarif_prints(&dir), before);

    // A third one in the same file is more than the baseline accepts: reported, with a note.
    std::fs::write(
        dir.join("corpus/de.txt"),
        "Die Kolchose im Dorf war arm.\nDie Kolchose am Fluss war reich.\nDie Kolchose im Wald war neu.\n",
    )
    .unwrap();
    let (code, out, _) = check(&dir, &[&deny[..], &["--baseline", "base.json"]].concat());
    assert_eq!(code, Some(1));
    assert_data_eq!(
        out,
        str![[r#"
error[deprecated-form]: `Kolchose` uses the deprecated form `Kolchose` of `kolkhoz` (old spelling)
 --> corpus/de.txt:3:5
  |
3 | Die Kolchose im Wald war neu.
  |     ^^^^^^^^
  |
  = help: write the preferred form `Kolchos` (kolkhoz → kolkhoz); the baseline accepts 2 finding(s) like this in corpus/de.txt; this one is more


"#]]
    );
}
