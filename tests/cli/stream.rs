//! The `glossa align --stream` contract, as Spark's `RDD.pipe`, Hadoop streaming or GNU
//! parallel use it (issue 21): one record per input line, in order, with the line number
//! and the id as written; documents by text, path or `file:` URI; what could block refused
//! with an error record; exit 0 when every line got its record, 1 with `--fail-on-error`
//! when one is an error record, 2 only when glossa cannot run, said before any input is
//! read. Lines of every kind it cannot use are the case `tests/cmd/stream-bad-lines`.
//!
//! Expected outputs are inline snapshots: `SNAPSHOTS=overwrite cargo test --test cli --
//! stream::` rewrites them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use snapbox::str;

use crate::support::{self, glossa_with_stdin, text};

/// `snapbox::assert_data_eq!` that keeps `\` as it is (snapbox would show the escapes of
/// JSON as `/`, taking them for Windows paths).
macro_rules! assert_lines {
    ($actual:expr, $expected:expr $(,)?) => {
        snapbox::Assert::new()
            .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
            .normalize_paths(false)
            .eq($actual, $expected)
    };
}

fn project(name: &str) -> PathBuf {
    support::project(
        &format!("stream-{name}"),
        &[
            ("g.toml", support::glossaries::BASIC),
            ("doc a.txt", "De boeren gingen naar de kolchoz.\n"),
            ("sub/b.txt", "Die Kolchosen wuchsen.\n"),
        ],
    )
}

fn stream(dir: &Path, extra: &[&str], input: &[u8]) -> Output {
    let mut args = vec!["align", "--stream", "--glossary", "g.toml"];
    args.extend_from_slice(extra);
    glossa_with_stdin(dir, &args, input)
}

/// The output with the project's directory shown as `[DIR]`.
fn shown(dir: &Path, bytes: &[u8]) -> String {
    text(bytes).replace(&dir.display().to_string(), "[DIR]")
}

#[test]
fn one_line_out_per_document_in_order() {
    let dir = project("order");
    let mut input = String::new();
    for i in 0..150 {
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"Die Kolchosen wuchsen im Jahr {i}.\"}}\n"
        ));
    }
    input.push_str("{\"id\":7,\"path\":\"doc a.txt\"}\n");
    let o = stream(&dir, &[], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lines: Vec<serde_json::Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 151);
    for (i, l) in lines.iter().take(150).enumerate() {
        assert_eq!(l["line"], i + 1);
        assert_eq!(l["id"], format!("d{i}"));
        let terms = l["terms"].as_array().unwrap();
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0]["concept"], "kolkhoz");
        assert_eq!(terms[0]["surface"], "Kolchosen");
        assert_eq!(terms[0]["line"], 1);
    }
    assert_eq!(lines[150]["line"], 151);
    assert_eq!(lines[150]["id"], 7);
    assert_eq!(lines[150]["terms"][0]["surface"], "kolchoz");
    assert_eq!(text(&o.stderr), "");

    // The same bytes on one thread and on two.
    let one = stream(&dir, &["--jobs", "1"], input.as_bytes());
    let two = stream(&dir, &["--jobs", "2"], input.as_bytes());
    assert_eq!(one.stdout, o.stdout);
    assert_eq!(two.stdout, o.stdout);
}

#[test]
fn ids_come_back_as_written() {
    let dir = project("ids");
    let input = r#"{"id":7,"text":"Ein Satz."}
{"id":"7","text":"Ein Satz."}
{"id":1.50,"text":"Ein Satz."}
{"id":123456789012345678901234567890,"text":"Ein Satz."}
{"id":true,"text":"Ein Satz."}
{"id":"s\u00e9\"q","text":"Ein Satz."}
{"id":["x"],"text":"Ein Satz."}
{"id":"only-id"
"#;
    let o = stream(&dir, &[], input.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert_lines!(
        text(&o.stdout),
        str![[r#"
{"line":1,"id":7,"terms":[]}
{"line":2,"id":"7","terms":[]}
{"line":3,"id":1.50,"terms":[]}
{"line":4,"id":123456789012345678901234567890,"terms":[]}
{"line":5,"id":true,"terms":[]}
{"line":6,"id":"s\u00e9\"q","terms":[]}
{"line":7,"id":["x"],"error":"\"id\" must be a string, number or boolean, not an array"}
{"line":8,"id":"only-id","error":"bad JSON line: EOF while parsing an object at column 15"}

"#]]
    );
}

#[test]
fn paths_and_file_uris_are_read_and_what_could_block_is_refused() {
    let dir = project("paths");
    let fifo = dir.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let d = dir.display().to_string();
    let input = [
        r#"{"id":"relative","path":"doc a.txt"}"#.to_string(),
        format!(r#"{{"id":"uri1","path":"file:{d}/doc%20a.txt"}}"#),
        format!(r#"{{"id":"uri3","path":"file:///{}/sub/b.txt"}}"#, &d[1..]),
        format!(r#"{{"id":"localhost","path":"file://localhost{d}/doc%20a.txt"}}"#),
        format!(r#"{{"id":"host","path":"file://archive.example.org{d}/doc%20a.txt"}}"#),
        r#"{"id":"missing","path":"sub/none.txt"}"#.to_string(),
        r#"{"id":"dir","path":"sub"}"#.to_string(),
        r#"{"id":"fifo","path":"fifo"}"#.to_string(),
        r#"{"id":"stdin","path":"/dev/stdin"}"#.to_string(),
        r#"{"id":"dash","path":"-"}"#.to_string(),
    ]
    .join("\n");
    let o = stream(&dir, &[], input.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert_lines!(
        shown(&dir, &o.stdout),
        str![[r#"
{"line":1,"id":"relative","terms":[{"file":"doc a.txt","line":1,"column":26,"surface":"kolchoz","concept":"kolkhoz","form":"kolchoz","english":"kolkhoz","tier":"exact","lang":"nl","in_footnote":false,"start":25,"end":32,"sentence":"cdc7104d13c0","context":"De boeren gingen naar de [[kolchoz]]."}]}
{"line":2,"id":"uri1","terms":[{"file":"file:[DIR]/doc%20a.txt","line":1,"column":26,"surface":"kolchoz","concept":"kolkhoz","form":"kolchoz","english":"kolkhoz","tier":"exact","lang":"nl","in_footnote":false,"start":25,"end":32,"sentence":"cdc7104d13c0","context":"De boeren gingen naar de [[kolchoz]]."}]}
{"line":3,"id":"uri3","terms":[{"file":"file://[DIR]/sub/b.txt","line":1,"column":5,"surface":"Kolchosen","concept":"kolkhoz","form":"Kolchos","english":"kolkhoz","tier":"inflected","lang":"unknown","in_footnote":false,"start":4,"end":13,"sentence":"53169248f5ef","context":"Die [[Kolchosen]] wuchsen."}]}
{"line":4,"id":"localhost","terms":[{"file":"file://localhost[DIR]/doc%20a.txt","line":1,"column":26,"surface":"kolchoz","concept":"kolkhoz","form":"kolchoz","english":"kolkhoz","tier":"exact","lang":"nl","in_footnote":false,"start":25,"end":32,"sentence":"cdc7104d13c0","context":"De boeren gingen naar de [[kolchoz]]."}]}
{"line":5,"id":"host","error":"file://archive.example.org[DIR]/doc%20a.txt: names the host `archive.example.org`; only local files are read (no host, or localhost)"}
{"line":6,"id":"missing","error":"cannot read sub/none.txt: No such file or directory (os error 2)"}
{"line":7,"id":"dir","error":"cannot read sub: Is a directory (os error 21)"}
{"line":8,"id":"fifo","error":"fifo: not a regular file but a FIFO (named pipe); reading it could block or never end"}
{"line":9,"id":"stdin","error":"/dev/stdin: not a regular file but a FIFO (named pipe); reading it could block or never end"}
{"line":10,"id":"dash","error":"\"path\": \"-\" would read standard input, which carries the stream; send the document as \"text\""}

"#]]
    );
    assert_lines!(
        shown(&dir, &o.stderr),
        str![[r#"
glossa: warning: 6 of 10 input line(s) gave an error record (the records with an "error" key)

"#]]
    );
}

#[test]
fn the_streams_own_input_file_is_not_read_again() {
    let dir = project("own-input");
    let input = dir.join("docs.jsonl");
    std::fs::write(
        &input,
        "{\"id\":1,\"path\":\"/dev/stdin\"}\n{\"id\":2,\"path\":\"docs.jsonl\"}\n{\"id\":3,\"text\":\"Der Kolchos.\"}\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(["align", "--stream", "--glossary", "g.toml", "--quiet"])
        .current_dir(&dir)
        .stdin(std::fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_lines!(
        text(&o.stdout),
        str![[r#"
{"line":1,"id":1,"error":"/dev/stdin: is the stream's own standard input; send the document as \"text\""}
{"line":2,"id":2,"error":"docs.jsonl: is the stream's own standard input; send the document as \"text\""}
{"line":3,"id":3,"terms":[{"file":"3","line":1,"column":5,"surface":"Kolchos","concept":"kolkhoz","form":"Kolchos","english":"kolkhoz","tier":"exact","lang":"unknown","in_footnote":false,"start":4,"end":11,"sentence":"15171dcaeff7","context":"Der [[Kolchos]]."}]}

"#]]
    );
    assert_eq!(text(&o.stderr), "", "--quiet: no count");
}

#[test]
fn a_line_that_is_not_utf8_gets_an_error_record_and_the_stream_goes_on() {
    let dir = project("utf8");
    // The stream begins with a byte-order mark, which is not an error.
    let input = b"\xEF\xBB\xBF{\"id\":\"latin\",\"text\":\"Die Kolchosbauern \xe4rgerten sich.\"}\n{\"id\":\"next\",\"text\":\"Der Kolchos.\"}\n";
    let o = stream(&dir, &["--quiet"], input);
    assert_eq!(o.status.code(), Some(0));
    assert_lines!(
        text(&o.stdout),
        str![[r#"
{"line":1,"id":"latin","error":"not UTF-8 (invalid byte at byte 40 of the line)"}
{"line":2,"id":"next","terms":[{"file":"next","line":1,"column":5,"surface":"Kolchos","concept":"kolkhoz","form":"Kolchos","english":"kolkhoz","tier":"exact","lang":"unknown","in_footnote":false,"start":4,"end":11,"sentence":"15171dcaeff7","context":"Der [[Kolchos]]."}]}

"#]]
    );
}

#[test]
fn fail_on_error_exits_1_with_every_record_written() {
    let dir = project("fail-on-error");
    let input = "{\"id\":\"a\",\"text\":\"Ein Satz.\"}\n\n{\"id\":\"c\",\"text\":\"Ein Satz.\"}\n";
    let o = stream(&dir, &["--fail-on-error"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_lines!(
        text(&o.stdout),
        str![[r#"
{"line":1,"id":"a","terms":[]}
{"line":2,"id":null,"error":"blank line: no document"}
{"line":3,"id":"c","terms":[]}

"#]]
    );
    assert_lines!(
        text(&o.stderr),
        str![[r#"
glossa: warning: 1 of 3 input line(s) gave an error record (the records with an "error" key)

"#]]
    );
    // Without errors, 0; and the flag means nothing without --stream.
    let clean = "{\"id\":\"a\",\"text\":\"Ein Satz.\"}\n";
    let o = stream(&dir, &["--fail-on-error"], clean.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = support::glossa(&dir, &["align", "--fail-on-error", "doc a.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Runs `glossa ARGS` in `dir` with a standard input that stays open and never gets a
/// byte: a run that read its input before giving up would wait forever (killed after a
/// minute, and the test fails).
fn without_reading_input(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let open_input = child.stdin.take();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("glossa waited for its input instead of refusing to run");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(open_input);
    child.wait_with_output().unwrap()
}

#[test]
fn a_stream_that_cannot_run_exits_2_before_reading_input() {
    let dir = project("cannot-run");
    std::fs::write(dir.join("broken.toml"), "[concept.kolkhoz]\nenglish = \n").unwrap();
    std::fs::write(dir.join("empty.toml"), "# nothing yet\n").unwrap();
    let o = without_reading_input(&dir, &["align", "--stream", "--glossary", "broken.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stdout), "");
    assert_lines!(
        text(&o.stderr),
        str![[r#"
glossa: error: broken.toml:2:11: string values must be quoted, expected literal string

"#]]
    );
    let o = without_reading_input(&dir, &["align", "--stream", "--glossary", "empty.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stdout), "");
    assert_lines!(
        text(&o.stderr),
        str![[r#"
glossa: error: the glossary (empty.toml) has no concepts: every document would come back without terms

"#]]
    );
    let o = without_reading_input(&dir, &["align", "--stream", "--glossary", "none.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_lines!(
        text(&o.stderr),
        str![[r#"
glossa: error: cannot read none.toml: No such file or directory (os error 2)

"#]]
    );
}

/// The example of docs/stream.md: its input gives its output, exit 0.
#[test]
fn the_documented_example_holds() {
    let doc = include_str!("../../docs/stream.md");
    let example = &doc[doc.find("## Example").unwrap()..];
    let blocks: Vec<&str> = example
        .split("```text\n")
        .skip(1)
        .map(|b| &b[..b.find("```").unwrap()])
        .collect();
    let [input, output] = blocks[..] else {
        panic!("docs/stream.md: the example needs an input and an output block");
    };
    let dir = project("doc-example");
    let o = stream(&dir, &["--quiet"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), output);
}
