//! `glossa segment` where a case file cannot say it: the spans of the JSON lines checked
//! against the input, and a reader that closes the pipe early. Formats, standard input,
//! encodings and bad input are cases in `tests/cmd/segment-*`.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{self, glossa, text};

const TEXT: &str = "Die Kolchosen\n\nIm 19. Jahrhundert gab es keine Kolchosen. Erst nach 1929 wurden sie ge-\ngründet, z. B. in der Ukraine.12 Die Bauern\n\n12 Vgl. Meier, Die Kolchosen, S. 3.\n wehrten sich.\n";

/// The records of `glossa segment --format jsonl FILE`, run on `text` as `file` in a
/// project of its own; the run must succeed.
fn jsonl_records(test: &str, file: &str, text_in: &str) -> Vec<serde_json::Value> {
    let dir = support::project(test, &[(file, text_in)]);
    let o = glossa(&dir, &["segment", "--format", "jsonl", file]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_has_kinds_spans_lines_and_columns() {
    let records = jsonl_records("segment-jsonl", "kolchos.txt", TEXT);
    assert_eq!(records.len(), 5);
    for r in &records {
        for key in [
            "file", "kind", "start", "end", "line", "column", "text", "lang",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        assert_eq!(r["file"], "kolchos.txt");
    }
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["heading", "sentence", "sentence", "sentence", "footnote"]
    );
    let third = &records[2];
    assert_eq!(third["line"], 3);
    assert_eq!(third["column"], 44);
    let (s, e) = (
        third["start"].as_u64().unwrap() as usize,
        third["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &TEXT[s..e],
        "Erst nach 1929 wurden sie ge-\ngründet, z. B. in der Ukraine."
    );
    assert_eq!(records[4]["footnote"], 12);
    assert_eq!(records[4]["line"], 6);
}

/// Three pages with a running head and a page number each; on the second a table whose
/// header words repeat from row to row (issue 17: they were dropped as running heads, and
/// their terms with them).
fn paged_text() -> String {
    let body = "Die Bauern des Dorfes mussten im Winter ihr Getreide an die Kolchose abgeben und\n";
    let mut text = String::new();
    for page in 1..=3 {
        text.push_str("Geschichte der Kolchosen\n\n");
        for _ in 0..16 {
            text.push_str(body);
        }
        text.push_str("bekamen nichts dafür.\n\n");
        if page == 2 {
            for (year, k, s) in [(1930, 120, 14), (1931, 131, 15), (1932, 140, 17)] {
                text.push_str(&format!("{year}\nKolchose\n{k}\nSowchose\n{s}\n\n"));
            }
        }
        text.push_str(&format!("{page}\n\n"));
    }
    text
}

#[test]
fn dropped_lines_are_reported_and_table_words_kept() {
    let records = jsonl_records("segment-dropped", "paged.txt", &paged_text());
    let dropped: Vec<String> = records
        .iter()
        .filter(|r| r["kind"] == "dropped")
        .map(|r| {
            format!(
                "{}:{} {} {}",
                r["line"], r["column"], r["reason"], r["text"]
            )
        })
        .collect();
    snapbox::assert_data_eq!(
        dropped.join("\n"),
        snapbox::str![[r#"
1:1 "running-head" "Geschichte der Kolchosen"
21:1 "page-number" "1"
23:1 "running-head" "Geschichte der Kolchosen"
61:1 "page-number" "2"
63:1 "running-head" "Geschichte der Kolchosen"
83:1 "page-number" "3"
"#]]
    );
    let table = records
        .iter()
        .filter(|r| r["kind"] != "dropped")
        .filter(|r| r["text"].as_str().unwrap().contains("Sowchose"))
        .count();
    assert_eq!(table, 3, "the table's words are body text: {records:?}");
}

#[test]
fn broken_pipe_ends_quietly() {
    // 400 kB of sentences: many times what a pipe holds, so glossa must write into the
    // closed pipe (however it buffers), and small enough to segment in a debug build.
    let big = "Die Kolchose wuchs. ".repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(["segment", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    // Read nothing and close our end of the pipe early.
    drop(child.stdout.take());
    writer.join().unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
}

/// A long extracted text of our own: many pages, each with a running head and a page
/// number, line-break hyphenation, footnote numbers glued to words and their entries, an
/// omission mark, abbreviations and ordinals, a Dutch paragraph, and the same passage
/// repeated on every page; one invalid byte in the middle.
fn many_pages(pages: usize) -> Vec<u8> {
    let mut text = Vec::new();
    for page in 1..=pages {
        text.extend_from_slice(
            format!(
                "Die Kollektivierung im Dorf\n\n\
                 Im 19. Jahrhundert gab es im Dorf keine Kol-\nchosen; erst nach 1929 wurden sie z. B. \
                 in der Ukraine gegründet.{page} Die Bauern […] wehrten sich, vgl. S. {page}.\n\
                 Viele verloren ihr Vieh. Am 2. März 1930 erschien Stalins Artikel über den Kulaken.\n\n\
                 De boeren in het dorp verzetten zich tegen de kolchoz, o.a. in de Oekraïne. Op \
                 pagina {page} staat: »Was tun?« vroeg men zich af.\n\n\
                 Dieselbe Stelle steht auf jeder Seite. Sie wiederholt sich.\n\n\
                 {page} Vgl. Meier, Die Dörfer, S. {page}.\n\n{page}\n\n"
            )
            .as_bytes(),
        );
        if page == pages / 2 {
            text.extend_from_slice(b"Ein kaputtes Byte \xff steht hier.\n\n");
        }
    }
    text
}

/// Issue 20: one big file is cut in batches of paragraphs on every thread; what comes out
/// is the same for any `--jobs`, for `segment` (text and JSON lines, detected or not) and
/// for `align`, as the whole output shows it.
#[test]
fn one_big_file_gives_the_same_output_for_any_jobs() {
    let dir = support::project(
        "segment-jobs",
        &[("g.toml", support::glossaries::BASIC), ("small.txt", TEXT)],
    );
    std::fs::write(dir.join("big.txt"), many_pages(400)).unwrap();
    let commands: [&[&str]; 4] = [
        &["segment", "--footnotes", "big.txt", "small.txt"],
        &["segment", "--format", "jsonl", "--lang", "de", "big.txt"],
        &["segment", "--format", "jsonl", "big.txt", "small.txt"],
        &[
            "--quiet",
            "align",
            "--stdout",
            "--glossary",
            "g.toml",
            "big.txt",
        ],
    ];
    for args in commands {
        let run = |jobs: &str| {
            let o = glossa(&dir, &[&["--jobs", jobs], args].concat());
            assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
            text(&o.stdout)
        };
        let one = run("1");
        assert!(one.lines().count() > 1000, "{args:?}: {one}");
        assert!(
            one.contains("Kolchosen") || one.contains("Kulak"),
            "{args:?}"
        );
        for jobs in ["2", "3"] {
            assert!(
                run(jobs) == one,
                "{args:?}: --jobs {jobs} differs from --jobs 1"
            );
        }
    }
}

/// Files are read in parallel, but the error is the first bad file in argument order, as
/// when they were read one at a time.
#[test]
fn the_first_bad_file_in_argument_order_is_reported() {
    let dir = support::project("segment-bad-order", &[("good.txt", TEXT)]);
    for (first, second) in [
        ("a-missing.txt", "b-missing.txt"),
        ("b-missing.txt", "a-missing.txt"),
    ] {
        let o = glossa(&dir, &["segment", "good.txt", first, second]);
        assert_eq!(o.status.code(), Some(2));
        assert!(o.stdout.is_empty(), "no partial output");
        let err = text(&o.stderr);
        assert!(err.contains(first) && !err.contains(second), "{err}");
    }
}
