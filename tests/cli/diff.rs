//! `glossa diff` as a user runs it: directories, exit codes, JSON, `--rev` and git's textconv.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support;

/// The basic glossary, with `bosses` for nachalstvo: the "old" glossary of these tests,
/// before nachalstvo is renamed back.
fn glossary_with_bosses() -> String {
    let old = support::glossaries::BASIC.replace("english = \"nachalstvo\"", "english = \"bosses\"");
    assert_ne!(old, support::glossaries::BASIC);
    old
}

const TEXT: &str = "Das Natschalstwo herrschte über die Kolchosen. Das Betriebsnatschalstwo auch.\n\nDie Kolchosbauern schwiegen.\n";

fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("glossa-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    std::fs::create_dir_all(dir.join("glossary")).unwrap();
    std::fs::write(
        dir.join("glossa.toml"),
        "glossaries = [\"glossary/g.toml\"]\n",
    )
    .unwrap();
    std::fs::write(dir.join("glossary/g.toml"), glossary_with_bosses()).unwrap();
    std::fs::write(dir.join("corpus/a.txt"), TEXT).unwrap();
    dir
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap()
}

fn glossa(dir: &Path, args: &[&str]) -> Output {
    run(dir, env!("CARGO_BIN_EXE_glossa"), args)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
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
    let o = glossa(&dir, &["diff", "old", "new"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("nachalstvo: 2 occurrences now nachalstvo, were bosses"),
        "{out}"
    );
    assert!(
        out.contains("[-bosses-]") && out.contains("{+nachalstvo+}"),
        "{out}"
    );
    assert!(
        !out.contains("kolkhoz"),
        "unchanged concepts stay out: {out}"
    );
    assert!(!out.contains('\x1b'), "no colour with NO_COLOR");

    let o = glossa(&dir, &["diff", "--format", "json", "old", "new"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["equal"], false);
    assert_eq!(v["summary"][0]["renderings"][0]["count"], 2);
    assert_eq!(v["changes"].as_array().unwrap().len(), 2);

    assert_eq!(glossa(&dir, &["diff", "old", "old"]).status.code(), Some(0));
    assert_eq!(
        glossa(&dir, &["diff", "old", "missing"]).status.code(),
        Some(2)
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
    assert_eq!(
        glossa(&dir, &["diff", "--rev", "HEAD"]).status.code(),
        Some(0)
    );
    rename_nachalstvo(&dir);
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    let o = glossa(&dir, &["diff", "--rev", "HEAD"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("2 occurrences now nachalstvo, were bosses"));

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
    let out = text(&o.stdout);
    assert!(
        out.contains("-1:5  nachalstvo  Natschalstwo -> bosses"),
        "{out}"
    );
    assert!(
        out.contains("+1:5  nachalstvo  Natschalstwo -> nachalstvo"),
        "{out}"
    );
}
