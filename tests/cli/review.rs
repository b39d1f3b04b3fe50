//! Review of a translation change as a contributor sees it: `glossa diff --rev HEAD` and
//! `git diff` through the textconv driver, after a fixed rendering in the translation and
//! after a one-word edit of a source sentence. Outputs are compared whole.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! review::` rewrites them.

use std::path::{Path, PathBuf};

use snapbox::{assert_data_eq, str};

use crate::support::{self, glossa, run, text};

const SOURCE: &str = "\
Die Kolchosen im Dorf

Im Jahre 1930 kam die Kollektivierung in das Dorf. Jeder Kulak verlor sein Land.
Die Kolchosbauern arbeiteten für wenig Lohn. Am Abend sprach niemand über die Ernte.
";

/// The translation, with a forbidden rendering ("Kolchos farmers").
const TRANSLATION: &str = "\
The Kolkhozes in the Village

In 1930 collectivisation came to the village. Every kulak lost his land.
The Kolchos farmers worked for little pay. In the evening nobody spoke about the harvest.
";

fn git(dir: &Path, args: &[&str]) -> String {
    let o = run(dir, "git", args);
    assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
    text(&o.stdout)
}

/// A project with one document and its translation, aligned and committed, with the
/// textconv driver set up as the README says.
fn project(name: &str) -> PathBuf {
    let dir = support::project(
        &format!("review-{name}"),
        &[
            (
                "glossa.toml",
                "glossaries = [\"glossary/g.toml\"]\nlanguages = [\"de\", \"en\"]\n\n\
                 [[pairs]]\nsource = \"corpus/dorf.txt\"\ntarget = \"corpus/en/dorf.txt\"\n",
            ),
            ("glossary/g.toml", support::glossaries::TRANSLATION),
            ("corpus/dorf.txt", SOURCE),
            ("corpus/en/dorf.txt", TRANSLATION),
            (".gitattributes", "alignments/*.align diff=glossa\n"),
        ],
    );
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    git(&dir, &["init", "-q"]);
    git(&dir, &["config", "user.email", "t@example.org"]);
    git(&dir, &["config", "user.name", "T"]);
    let driver = format!("{} diff --textconv", env!("CARGO_BIN_EXE_glossa"));
    git(&dir, &["config", "diff.glossa.textconv", &driver]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-qm", "aligned"]);
    dir
}

fn edit(dir: &Path, path: &str, from: &str, to: &str) {
    let p = dir.join(path);
    let t = std::fs::read_to_string(&p).unwrap();
    assert!(t.contains(from), "{from} not in {path}");
    std::fs::write(&p, t.replace(from, to)).unwrap();
    let o = glossa(dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn the_textconv_view_shows_beads_texts_and_translation_statuses() {
    let dir = project("view");
    let o = glossa(&dir, &["diff", "--textconv", "alignments/dorf.txt.align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
source corpus/dorf.txt
glossary fnv1a64:07dc118f7211e5e5
target en corpus/en/dorf.txt

1:1  bead 0.854 ok
  de  Die Kolchosen im Dorf
  en  The Kolkhozes in the Village
  kolkhoz  Kolchosen -> kolkhoz  (inflected, body)  expected: Kolkhozes

-  bead 0.950 ok
  de  Im Jahre 1930 kam die Kollektivierung in das Dorf.
  en  In 1930 collectivisation came to the village.

3:52  bead 0.935 ok
  de  Jeder Kulak verlor sein Land.
  en  Every kulak lost his land.
  kulak  Kulak -> kulak  (exact, body)  expected: kulak

4:1  bead 0.948 ok
  de  Die Kolchosbauern arbeiteten für wenig Lohn.
  en  The Kolchos farmers worked for little pay.
  kolkhoz  Kolchosbauern -> kolkhoz  (compound, body)  forbidden: Kolchos

-  bead 0.890 ok
  de  Am Abend sprach niemand über die Ernte.
  en  In the evening nobody spoke about the harvest.

"#]]
    );
}

#[test]
fn a_fixed_rendering_shows_forbidden_to_expected_in_both_views() {
    let dir = project("fix");
    edit(
        &dir,
        "corpus/en/dorf.txt",
        "Kolchos farmers",
        "kolkhoz farmers",
    );
    let o = glossa(&dir, &["diff", "--rev", "HEAD"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
Summary by concept
  kolkhoz: 1 translation now expected, were forbidden

corpus/dorf.txt
  @@ line 4  bead 0.948 ok, edited
    de  Die Kolchosbauern arbeiteten für wenig Lohn.
    en  The [-Kolchos-]{+kolkhoz+} farmers worked for little pay.
    kolkhoz  Kolchosbauern  translation forbidden (Kolchos) -> expected (kolkhoz)

"#]]
    );
    let shown = git(&dir, &["diff", "--no-color", "--", "alignments/"]);
    assert_data_eq!(
        shown,
        str![[r#"
diff --git a/alignments/dorf.txt.align b/alignments/dorf.txt.align
index 4331d45..5ed7fa1 100644
--- a/alignments/dorf.txt.align
+++ b/alignments/dorf.txt.align
@@ -18,8 +18,8 @@ target en corpus/en/dorf.txt
 
 4:1  bead 0.948 ok
   de  Die Kolchosbauern arbeiteten für wenig Lohn.
-  en  The Kolchos farmers worked for little pay.
-  kolkhoz  Kolchosbauern -> kolkhoz  (compound, body)  forbidden: Kolchos
+  en  The kolkhoz farmers worked for little pay.
+  kolkhoz  Kolchosbauern -> kolkhoz  (compound, body)  expected: kolkhoz
 
 -  bead 0.890 ok
   de  Am Abend sprach niemand über die Ernte.

"#]]
    );
}

#[test]
fn an_edited_sentence_is_one_hunk_with_its_changed_words_marked() {
    let dir = project("edit");
    edit(
        &dir,
        "corpus/dorf.txt",
        "verlor sein Land",
        "verlor sein ganzes Land",
    );
    let o = glossa(&dir, &["diff", "--rev", "HEAD"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
Summary by concept
  no term, rendering or translation status changed

corpus/dorf.txt
  @@ line 3  bead 0.935 -> 0.799 ok, edited
    de  Jeder Kulak verlor sein {+ganzes+} Land.
    en  Every kulak lost his land.

"#]]
    );
    let o = glossa(&dir, &["diff", "--rev", "HEAD", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["hunks"].as_array().map(Vec::len), Some(1), "{v:#}");
    assert_eq!(v["summary"], serde_json::json!([]));
    // In the file itself only the edited sentence's records changed: its pair, its
    // sentence, its term and its translation status, each one line out and one line in.
    assert_eq!(
        git(&dir, &["diff", "--numstat", "--", "alignments"]),
        "4\t4\talignments/dorf.txt.align\n"
    );
}
