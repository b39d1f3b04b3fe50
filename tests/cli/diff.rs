//! `glossa diff` as a user runs it, on alignments written by `glossa align` before and after
//! a change of the glossary: directories, exit codes, JSON, `--rev` and git's textconv.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! diff::` rewrites them.

use std::path::{Path, PathBuf};

use snapbox::{assert_data_eq, str};

use crate::support::{self, glossa, run, text};

/// The basic glossary, with `bosses` for nachalstvo: the "old" glossary of these tests,
/// before nachalstvo is renamed back.
fn glossary_with_bosses() -> String {
    let old =
        support::glossaries::BASIC.replace("english = \"nachalstvo\"", "english = \"bosses\"");
    assert_ne!(old, support::glossaries::BASIC);
    old
}

const TEXT: &str = "Das Natschalstwo herrschte über die Kolchosen. Das Betriebsnatschalstwo auch.\n\nDie Kolchosbauern schwiegen.\n";

fn project(name: &str) -> PathBuf {
    support::project(
        &format!("diff-{name}"),
        &[
            ("glossa.toml", "glossaries = [\"glossary/g.toml\"]\n"),
            ("glossary/g.toml", &glossary_with_bosses()),
            ("corpus/a.txt", TEXT),
        ],
    )
}

fn rename_nachalstvo(dir: &Path) {
    std::fs::write(dir.join("glossary/g.toml"), support::glossaries::BASIC).unwrap();
}

#[test]
fn a_changed_rendering_is_reported_with_its_count() {
    let dir = project("rendering");
    assert_eq!(glossa(&dir, &["align", "-o", "old"]).status.code(), Some(0));
    rename_nachalstvo(&dir);
    assert_eq!(glossa(&dir, &["align", "-o", "new"]).status.code(), Some(0));
    // Unchanged concepts (kolkhoz) stay out; no colour with NO_COLOR.
    let o = glossa(&dir, &["diff", "old", "new"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
Summary by concept
  nachalstvo: 2 occurrences now nachalstvo, were bosses
  glossary fingerprint changed in 1 file(s)

corpus/a.txt
  @@ line 1  sentence
    de  Das Natschalstwo herrschte über die Kolchosen.
  - nachalstvo  Natschalstwo -> [-bosses-]  (exact)  1:5
  + nachalstvo  Natschalstwo -> {+nachalstvo+}  (exact)  1:5
  @@ line 1  sentence
    de  Das Betriebsnatschalstwo auch.
  - nachalstvo  Betriebsnatschalstwo -> [-bosses-]  (compound)  1:52
  + nachalstvo  Betriebsnatschalstwo -> {+nachalstvo+}  (compound)  1:52

"#]]
    );

    let o = glossa(&dir, &["diff", "--format", "json", "old", "new"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
{
  "changes": [
    {
      "change": "remapped",
      "new": {
        "column": 5,
        "concept": "nachalstvo",
        "context": "Das [[Natschalstwo]] herrschte über die Kolchosen.",
        "english": "nachalstvo",
        "in_footnote": false,
        "lang": "de",
        "line": 1,
        "sentence": "f49b98cf61f8",
        "source": "corpus/a.txt",
        "surface": "Natschalstwo",
        "tier": "exact"
      },
      "old": {
        "column": 5,
        "concept": "nachalstvo",
        "context": "Das [[Natschalstwo]] herrschte über die Kolchosen.",
        "english": "bosses",
        "in_footnote": false,
        "lang": "de",
        "line": 1,
        "sentence": "f49b98cf61f8",
        "source": "corpus/a.txt",
        "surface": "Natschalstwo",
        "tier": "exact"
      }
    },
    {
      "change": "remapped",
      "new": {
        "column": 52,
        "concept": "nachalstvo",
        "context": "Das [[Betriebsnatschalstwo]] auch.",
        "english": "nachalstvo",
        "in_footnote": false,
        "lang": "de",
        "line": 1,
        "sentence": "3e678aa3e68e",
        "source": "corpus/a.txt",
        "surface": "Betriebsnatschalstwo",
        "tier": "compound"
      },
      "old": {
        "column": 52,
        "concept": "nachalstvo",
        "context": "Das [[Betriebsnatschalstwo]] auch.",
        "english": "bosses",
        "in_footnote": false,
        "lang": "de",
        "line": 1,
        "sentence": "3e678aa3e68e",
        "source": "corpus/a.txt",
        "surface": "Betriebsnatschalstwo",
        "tier": "compound"
      }
    }
  ],
  "equal": false,
  "glossary_changed": [
    "corpus/a.txt"
  ],
  "hunks": [
    {
      "new": {
        "lang": "de",
        "line": 1,
        "review": null,
        "score": null,
        "sentences": [
          "f49b98cf61f8"
        ],
        "target": null,
        "targets": [],
        "text": "Das Natschalstwo herrschte über die Kolchosen."
      },
      "old": {
        "lang": "de",
        "line": 1,
        "review": null,
        "score": null,
        "sentences": [
          "f49b98cf61f8"
        ],
        "target": null,
        "targets": [],
        "text": "Das Natschalstwo herrschte über die Kolchosen."
      },
      "source": "corpus/a.txt",
      "terms": [
        {
          "change": "remapped",
          "new": {
            "column": 5,
            "concept": "nachalstvo",
            "context": "Das [[Natschalstwo]] herrschte über die Kolchosen.",
            "english": "nachalstvo",
            "in_footnote": false,
            "lang": "de",
            "line": 1,
            "sentence": "f49b98cf61f8",
            "source": "corpus/a.txt",
            "surface": "Natschalstwo",
            "tier": "exact"
          },
          "old": {
            "column": 5,
            "concept": "nachalstvo",
            "context": "Das [[Natschalstwo]] herrschte über die Kolchosen.",
            "english": "bosses",
            "in_footnote": false,
            "lang": "de",
            "line": 1,
            "sentence": "f49b98cf61f8",
            "source": "corpus/a.txt",
            "surface": "Natschalstwo",
            "tier": "exact"
          }
        }
      ],
      "translations": []
    },
    {
      "new": {
        "lang": "de",
        "line": 1,
        "review": null,
        "score": null,
        "sentences": [
          "3e678aa3e68e"
        ],
        "target": null,
        "targets": [],
        "text": "Das Betriebsnatschalstwo auch."
      },
      "old": {
        "lang": "de",
        "line": 1,
        "review": null,
        "score": null,
        "sentences": [
          "3e678aa3e68e"
        ],
        "target": null,
        "targets": [],
        "text": "Das Betriebsnatschalstwo auch."
      },
      "source": "corpus/a.txt",
      "terms": [
        {
          "change": "remapped",
          "new": {
            "column": 52,
            "concept": "nachalstvo",
            "context": "Das [[Betriebsnatschalstwo]] auch.",
            "english": "nachalstvo",
            "in_footnote": false,
            "lang": "de",
            "line": 1,
            "sentence": "3e678aa3e68e",
            "source": "corpus/a.txt",
            "surface": "Betriebsnatschalstwo",
            "tier": "compound"
          },
          "old": {
            "column": 52,
            "concept": "nachalstvo",
            "context": "Das [[Betriebsnatschalstwo]] auch.",
            "english": "bosses",
            "in_footnote": false,
            "lang": "de",
            "line": 1,
            "sentence": "3e678aa3e68e",
            "source": "corpus/a.txt",
            "surface": "Betriebsnatschalstwo",
            "tier": "compound"
          }
        }
      ],
      "translations": []
    }
  ],
  "only_new": [],
  "only_old": [],
  "summary": [
    {
      "added": {},
      "concept": "nachalstvo",
      "concepts": [],
      "removed": {},
      "renderings": [
        {
          "count": 2,
          "new": "nachalstvo",
          "old": "bosses"
        }
      ],
      "text": [
        "nachalstvo: 2 occurrences now nachalstvo, were bosses"
      ],
      "tiers": [],
      "translations": []
    }
  ]
}

"#]]
    );

    let o = glossa(&dir, &["diff", "old", "old"]);
    assert_eq!(
        (o.status.code(), text(&o.stdout).as_str()),
        (Some(0), "no changes\n")
    );
    let o = glossa(&dir, &["diff", "old", "missing"]);
    assert_eq!((o.status.code(), text(&o.stdout).as_str()), (Some(2), ""));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
glossa: error: cannot read missing: No such file or directory (os error 2)

"#]]
    );
}

#[test]
fn rev_compares_the_committed_alignments_with_the_working_tree() {
    let dir = project("rev");
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    for args in [
        &["init", "-q"][..],
        &["config", "user.email", "t@example.org"],
        &["config", "user.name", "T"],
        &["add", "."],
        &["commit", "-qm", "init"],
    ] {
        assert!(run(&dir, "git", args).status.success(), "git {args:?}");
    }
    let o = glossa(&dir, &["diff", "--rev", "HEAD"]);
    assert_eq!(
        (o.status.code(), text(&o.stdout).as_str()),
        (Some(0), "no changes\n")
    );
    rename_nachalstvo(&dir);
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    let o = glossa(&dir, &["diff", "--rev", "HEAD"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
Summary by concept
  nachalstvo: 2 occurrences now nachalstvo, were bosses
  glossary fingerprint changed in 1 file(s)

corpus/a.txt
  @@ line 1  sentence
    de  Das Natschalstwo herrschte über die Kolchosen.
  - nachalstvo  Natschalstwo -> [-bosses-]  (exact)  1:5
  + nachalstvo  Natschalstwo -> {+nachalstvo+}  (exact)  1:5
  @@ line 1  sentence
    de  Das Betriebsnatschalstwo auch.
  - nachalstvo  Betriebsnatschalstwo -> [-bosses-]  (compound)  1:52
  + nachalstvo  Betriebsnatschalstwo -> {+nachalstvo+}  (compound)  1:52

"#]]
    );

    // git diff through the textconv driver, as the README sets it up.
    std::fs::write(
        dir.join(".gitattributes"),
        "alignments/*.align diff=glossa\n",
    )
    .unwrap();
    let driver = format!("{} diff --textconv", env!("CARGO_BIN_EXE_glossa"));
    assert!(
        run(&dir, "git", &["config", "diff.glossa.textconv", &driver])
            .status
            .success()
    );
    let o = run(&dir, "git", &["diff", "--no-color", "alignments/"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
diff --git a/alignments/a.txt.align b/alignments/a.txt.align
index 7d1f7d6..7b27311 100644
--- a/alignments/a.txt.align
+++ b/alignments/a.txt.align
@@ -1,14 +1,14 @@
 source corpus/a.txt
-glossary fnv1a64:044f3e7c8fd5ac8d
+glossary fnv1a64:cd906fd9feac0c93
 
 1:1  sentence
   de  Das Natschalstwo herrschte über die Kolchosen.
-  nachalstvo  Natschalstwo -> bosses  (exact, body)
+  nachalstvo  Natschalstwo -> nachalstvo  (exact, body)
   kolkhoz  Kolchosen -> kolkhoz  (inflected, body)
 
 1:48  sentence
   de  Das Betriebsnatschalstwo auch.
-  nachalstvo  Betriebsnatschalstwo -> bosses  (compound, body)
+  nachalstvo  Betriebsnatschalstwo -> nachalstvo  (compound, body)
 
 3:1  sentence
   de  Die Kolchosbauern schwiegen.

"#]]
    );
}
