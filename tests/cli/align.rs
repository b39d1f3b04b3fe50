//! `glossa align` writing a project's alignment files: what it writes, `--check` on fresh
//! and stale files, the same output on any number of threads. The records themselves
//! (text and JSON lines) and the errors are cases in `tests/cmd/align-*`.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! align::` rewrites them.

use std::path::PathBuf;
use std::process::Command;

use snapbox::{assert_data_eq, str};

use crate::support::{self, glossa, text};

/// The texts of the cases' project `tests/cmd/align.in`.
const DE: &str = include_str!("../cmd/align.in/corpus/de.txt");
const NL: &str = include_str!("../cmd/align.in/corpus/nl.txt");

fn project(name: &str) -> PathBuf {
    support::project(
        &format!("align-{name}"),
        &[
            (
                "glossa.toml",
                "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\n",
            ),
            ("glossary/g.toml", support::glossaries::BASIC),
            ("corpus/de.txt", DE),
            ("corpus/nl.txt", NL),
        ],
    )
}

#[test]
fn align_writes_what_stdout_shows_and_check_passes() {
    let dir = project("write");
    let o = glossa(&dir, &["align", "--stdout"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let shown = text(&o.stdout);
    let o = glossa(&dir, &["align", "--format", "jsonl", "--stdout"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(!dir.join("alignments").exists(), "--stdout writes no files");

    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
glossa: 2 document(s), 5 term occurrence(s); 2 file(s) written, 0 removed, in alignments

"#]]
    );
    let written = ["de", "nl"]
        .map(|d| std::fs::read_to_string(dir.join(format!("alignments/{d}.txt.align"))).unwrap())
        .concat();
    assert_eq!(
        written, shown,
        "one file per document, as --stdout prints them"
    );

    let o = glossa(&dir, &["align", "--check"]);
    assert_eq!(
        (o.status.code(), text(&o.stdout).as_str()),
        (Some(0), ""),
        "{}",
        text(&o.stderr)
    );
}

/// Issue 17: lines left out as page furniture are counted in the summary.
#[test]
fn summary_counts_the_lines_left_out_as_page_furniture() {
    let mut paged = String::new();
    for page in 1..=3 {
        paged.push_str("Die Kolchosen im Gebiet\n\n");
        for _ in 0..16 {
            paged.push_str("Die Bauern des Dorfes mussten ihr Getreide an den Kolchos abgeben,\n");
        }
        paged.push_str(&format!("und sie bekamen nichts.\n\n{page}\n\n"));
    }
    let dir = support::project(
        "align-dropped",
        &[
            (
                "glossa.toml",
                "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\n",
            ),
            ("glossary/g.toml", support::glossaries::BASIC),
            ("corpus/paged.txt", &paged),
        ],
    );
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
glossa: 1 document(s), 48 term occurrence(s), 6 line(s) left out as page furniture; 1 file(s) written, 0 removed, in alignments

"#]]
    );
}

#[test]
fn check_exits_1_with_a_diff_when_stale() {
    let dir = project("stale");
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    std::fs::write(dir.join("corpus/nl.txt"), "De kolchozen groeiden.\n").unwrap();
    let o = glossa(&dir, &["align", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
--- alignments/nl.txt.align
+++ alignments/nl.txt.align (now)
@@ -3,3 +3,3 @@
 # glossary: fnv1a64:cd906fd9feac0c93
-S	cdc7104d13c0	nl	1:1	sentence	De boeren gingen naar de kolchoz.
-T	cdc7104d13c0	nl	kolkhoz	kolchoz	kolkhoz	exact	1:26	body	De boeren gingen naar de [[kolchoz]].
+S	409cf0909548	unknown	1:1	sentence	De kolchozen groeiden.
+T	409cf0909548	unknown	kolkhoz	kolchozen	kolkhoz	inflected	1:4	body	De [[kolchozen]] groeiden.

"#]]
    );
    // --check writes nothing.
    assert!(
        !std::fs::read_to_string(dir.join("alignments/nl.txt.align"))
            .unwrap()
            .contains("kolchozen")
    );
    // A removed source leaves a stale file behind, which --check reports.
    std::fs::remove_file(dir.join("corpus/nl.txt")).unwrap();
    let o = glossa(&dir, &["align", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert_data_eq!(
        text(&o.stdout),
        str![[r#"
stale: alignments/nl.txt.align (its source is no longer in the corpus)

"#]]
    );
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    assert!(!dir.join("alignments/nl.txt.align").exists());
}

#[test]
fn output_is_identical_for_any_number_of_threads() {
    let dir = project("threads");
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_glossa"))
            .args(["align", "--stdout"])
            .current_dir(&dir)
            .env("RAYON_NUM_THREADS", threads)
            .env("GLOSSA_DICTD_DIR", "/nonexistent/glossa-tests")
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
}

#[test]
fn align_removes_only_stale_files_it_wrote() {
    let dir = project("orphans");
    std::fs::create_dir_all(dir.join("out")).unwrap();
    let mine = "# glossa alignment 2\n# source: corpus/gone.txt\n# glossary: fnv1a64:0\n";
    std::fs::write(dir.join("out/gone.txt.align"), mine).unwrap();
    std::fs::write(dir.join("out/notes.align"), "a translator's own notes\n").unwrap();
    let o = glossa(&dir, &["align", "-o", "out"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_data_eq!(
        text(&o.stderr),
        str![[r#"
glossa: 2 document(s), 5 term occurrence(s); 2 file(s) written, 1 removed, in out

"#]]
    );
    assert!(!dir.join("out/gone.txt.align").exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("out/notes.align")).unwrap(),
        "a translator's own notes\n"
    );
}

/// A corpus of many documents (more than a batch of the pipeline on any number of
/// threads): the files written, the alignment files on standard output and the JSON
/// lines are the same for any `--jobs`, in source order.
fn many_documents(name: &str) -> PathBuf {
    let dir = project(name);
    for i in 0..60 {
        // Varied documents: German and Dutch, one with a broken byte, one a repeat.
        let (text, lang) = if i % 3 == 0 { (NL, "nl") } else { (DE, "de") };
        let mut body = format!("Teil {i}.\n\n{text}\n").into_bytes();
        if i == 17 {
            body.extend_from_slice(b"Ein kaputtes Byte \xff im Kolchos.\n");
        }
        let name = format!("corpus/{i:03}-{lang}.txt");
        std::fs::write(dir.join(name), body).unwrap();
    }
    dir
}

/// Issue 20: the documents are aligned in a pipeline, the next batch while this one is
/// written; what comes out does not depend on the number of threads.
#[test]
fn many_documents_give_the_same_output_for_any_jobs() {
    let dir = many_documents("many-jobs");
    let run = |jobs: &str, args: &[&str]| {
        let o = glossa(
            &dir,
            &[&["--jobs", jobs, "--quiet", "align"], args].concat(),
        );
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        text(&o.stdout)
    };
    let written = |out: &str| {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(out))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect::<String>()
    };
    let shown = run("1", &["--stdout"]);
    assert_eq!(shown.matches("# glossa alignment").count(), 62);
    let jsonl = run("1", &["--stdout", "--format", "jsonl"]);
    run("1", &["-o", "one"]);
    assert_eq!(written("one"), shown, "the files are what --stdout shows");
    for jobs in ["2", "3"] {
        assert!(run(jobs, &["--stdout"]) == shown, "--jobs {jobs}: text");
        let other = run(jobs, &["--stdout", "--format", "jsonl"]);
        assert!(other == jsonl, "--jobs {jobs}: JSON lines");
        let out = format!("jobs{jobs}");
        run(jobs, &["-o", &out]);
        assert!(written(&out) == shown, "--jobs {jobs}: files");
    }
}

/// A source that cannot be read ends the run with exit 2; the documents before it are
/// written whole, none after it.
#[test]
fn an_unreadable_source_stops_the_pipeline() {
    let dir = many_documents("many-bad");
    std::fs::write(dir.join("corpus/040-de.txt"), b"\x00\x01binary\x00\x00").unwrap();
    for jobs in ["1", "2"] {
        let out = format!("out{jobs}");
        let o = glossa(&dir, &["--jobs", jobs, "align", "-o", &out]);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
        assert!(
            text(&o.stderr).contains("040-de.txt"),
            "{}",
            text(&o.stderr)
        );
        assert!(dir.join(format!("{out}/000-nl.txt.align")).exists());
        for later in ["040-de", "041-de", "059-de"] {
            assert!(!dir.join(format!("{out}/{later}.txt.align")).exists());
        }
    }
}
