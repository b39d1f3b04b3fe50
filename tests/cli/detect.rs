//! Issue 3: `glossa detect` and the detected language in `glossa segment --format jsonl`,
//! run as a user runs them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const MIXED: &str = "\
Die Kollektivierung begann im Winter 1929. Chruschtschow erinnerte sich später nur ungern an diese Jahre.

In Nederland werd over deze gebeurtenissen lange tijd weinig geschreven. De kranten zwegen.
";

fn glossa(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("glossa runs");
    // glossa may refuse its arguments before it reads standard input.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn detect_jsonl_has_one_object_per_paragraph_and_sentence() {
    let out = glossa(&["detect", "--format", "jsonl", "-"], MIXED);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&out);
    let kinds: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["lang"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("paragraph", "de"),
            ("sentence", "de"),
            ("sentence", "de"),
            ("paragraph", "nl"),
            ("sentence", "nl"),
            ("sentence", "nl"),
            ("document", "nl"),
        ]
    );
    for r in &rows {
        for key in ["file", "kind", "line", "start", "end", "lang", "confidence"] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
        assert_eq!(r["file"], "<stdin>");
    }
    // Spans and lines point into the raw input.
    let dutch = &rows[4];
    assert_eq!(dutch["line"], 3);
    let (s, e) = (
        dutch["start"].as_u64().unwrap() as usize,
        dutch["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &MIXED[s..e],
        "In Nederland werd over deze gebeurtenissen lange tijd weinig geschreven."
    );
    assert_eq!(rows[6]["sentences"]["de"], 2);
    assert_eq!(rows[6]["sentences"]["nl"], 2);
}

#[test]
fn detect_text_lists_paragraphs_sentences_and_a_summary() {
    let out = glossa(&["detect", "--accuracy", "low", "-"], MIXED);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7, "{text}");
    assert!(lines[0].starts_with("<stdin>:1:1: paragraph de "), "{text}");
    assert!(
        lines[4].contains(" nl ")
            && lines[4].ends_with(
                "In Nederland werd over deze gebeurtenissen lange tijd weinig geschreven."
            ),
        "{text}"
    );
    assert!(
        lines[6].contains("main language nl") && lines[6].contains("de 50.0% (2), nl 50.0% (2)"),
        "{text}"
    );
}

#[test]
fn bad_language_code_is_a_one_line_error_with_exit_2() {
    let out = glossa(&["detect", "--languages", "de,xx", "-"], MIXED);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("`xx`"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_single_language_is_refused_before_lingua_panics() {
    let out = glossa(&["detect", "--languages", "de", "-"], MIXED);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("at least two languages") && err.contains("`de`"),
        "{err}"
    );
}

#[test]
fn detect_help_has_an_example() {
    let out = glossa(&["detect", "--help"], "");
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("Examples:") && help.contains("glossa detect --format jsonl"),
        "{help}"
    );
}

#[test]
fn segment_jsonl_carries_the_detected_language() {
    let out = glossa(&["segment", "--format", "jsonl", "-"], MIXED);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let langs: Vec<String> = json_lines(&out)
        .iter()
        .map(|r| r["lang"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(langs, ["de", "de", "nl", "nl"]);
}
