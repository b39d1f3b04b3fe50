//! `glossa segment` as a user runs it: formats, standard input, encodings, bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn glossa(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("glossa runs");
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            input.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("glossa-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const TEXT: &str = "Die Kolchosen\n\nIm 19. Jahrhundert gab es keine Kolchosen. Erst nach 1929 wurden sie ge-\ngründet, z. B. in der Ukraine.12 Die Bauern\n\n12 Vgl. Meier, Die Kolchosen, S. 3.\n wehrten sich.\n";

#[test]
fn text_format_prints_one_sentence_per_line() {
    let o = glossa(&["segment", "-", "--lang", "de"], Some(TEXT.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Die Kolchosen\nIm 19. Jahrhundert gab es keine Kolchosen.\nErst nach 1929 wurden sie gegründet, z. B. in der Ukraine.\nDie Bauern wehrten sich.\n"
    );
}

#[test]
fn footnotes_come_after_the_body_on_request() {
    let o = glossa(&["segment", "--footnotes", "-"], Some(TEXT.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).ends_with("Die Bauern wehrten sich.\nVgl. Meier, Die Kolchosen, S. 3.\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn jsonl_has_kinds_spans_lines_and_columns() {
    let path = temp_file("kolchos.txt", TEXT.as_bytes());
    let o = glossa(
        &["segment", "--format", "jsonl", path.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let records: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 5);
    for r in &records {
        for key in [
            "file", "kind", "start", "end", "line", "column", "text", "lang",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        assert_eq!(r["file"], path.to_str().unwrap());
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

#[test]
fn latin1_file_is_decoded_with_a_warning() {
    let latin1 =
        b"Die Stra\xDFe f\xFChrte nach Moskau. Dort gr\xFC\xDFten die Bauern der Kolchose.\n";
    let path = temp_file("latin1.txt", latin1);
    let o = glossa(&["segment", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "Die Straße führte nach Moskau.\nDort grüßten die Bauern der Kolchose.\n"
    );
    let err = stderr(&o);
    assert!(
        err.contains("warning") && err.contains("latin1.txt") && err.contains("windows-1252"),
        "{err}"
    );
}

#[test]
fn crlf_input_is_read_as_lf() {
    let o = glossa(
        &["segment", "-"],
        Some(b"Erst kam die Be-\r\nsatzung. Dann nicht.\r\n"),
    );
    assert_eq!(stdout(&o), "Erst kam die Besatzung.\nDann nicht.\n");
}

#[test]
fn binary_file_is_refused_with_exit_2_and_no_output() {
    let good = temp_file("good.txt", b"Ein guter Satz.\n");
    let bad = temp_file("image.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let o = glossa(
        &["segment", good.to_str().unwrap(), bad.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "no partial output: {}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("image.bin") && err.contains("binary"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn missing_file_is_an_error() {
    let o = glossa(&["segment", "/nonexistent/x.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/x.txt"));
}

#[test]
fn bad_arguments_exit_2_and_help_has_an_example() {
    assert_eq!(
        glossa(&["segment", "--format", "xml", "-"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(glossa(&["segment"], None).status.code(), Some(2));
    let help = glossa(&["segment", "--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Examples:"));
}

#[test]
fn broken_pipe_ends_quietly() {
    let big = "Die Kolchose wuchs. ".repeat(200_000);
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
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}
