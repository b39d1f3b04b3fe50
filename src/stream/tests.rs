use super::*;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::segment::{LangChoice, Options};

const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }]
"#;

fn aligner() -> Aligner {
    let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
    Aligner::new(
        &g,
        Options {
            lang: LangChoice::Fixed(Lang::De),
        },
    )
    .unwrap()
}

/// The record of `line` as the stream writes it.
fn record(stream: &Stream, line: &[u8]) -> String {
    serde_json::to_string(&stream.record(3, line)).unwrap()
}

fn one(line: &str) -> String {
    record(&Stream::new(&aligner()), line.as_bytes())
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("glossa-stream-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_document_gives_its_terms_with_line_and_id_first() {
    assert_eq!(
        one(r#"{"id":"a","text":"Der Kolchos."}"#),
        r#"{"line":3,"id":"a","terms":[{"file":"a","line":1,"column":5,"surface":"Kolchos","concept":"kolkhoz","form":"Kolchos","english":"kolkhoz","tier":"exact","lang":"de","in_footnote":false,"start":4,"end":11,"sentence":"15171dcaeff7","context":"Der [[Kolchos]]."}]}"#
    );
}

#[test]
fn ids_come_back_as_written() {
    // (id as written, as echoed)
    let table = [
        ("7", "7"),
        ("\"7\"", "\"7\""),
        ("1.50", "1.50"),
        ("-0", "-0"),
        (
            "123456789012345678901234567890",
            "123456789012345678901234567890",
        ),
        ("true", "true"),
        (r#""a\"b\u00e9""#, r#""a\"b\u00e9""#),
        (" \"spaced\" ", "\"spaced\""),
    ];
    for (written, echoed) in table {
        let out = one(&format!(r#"{{"id":{written},"text":"Ein Satz."}}"#));
        assert_eq!(
            out,
            format!(r#"{{"line":3,"id":{echoed},"terms":[]}}"#),
            "{written}"
        );
    }
}

#[test]
fn a_text_document_is_named_by_its_id() {
    let out = one(r#"{"id":"a\"b","text":"Der Kolchos."}"#);
    assert!(out.contains(r#""file":"a\"b""#), "{out}");
    let out = one(r#"{"id":42,"text":"Der Kolchos."}"#);
    assert!(out.contains(r#""file":"42""#), "{out}");
}

#[test]
fn lines_without_a_usable_document_get_error_records() {
    // (line, record)
    let table = [
        (
            "",
            r#"{"line":3,"id":null,"error":"blank line: no document"}"#,
        ),
        (
            " \t ",
            r#"{"line":3,"id":null,"error":"blank line: no document"}"#,
        ),
        (
            "not json",
            r#"{"line":3,"id":null,"error":"bad JSON line: expected ident at column 2"}"#,
        ),
        (
            r#"["a"]"#,
            r#"{"line":3,"id":null,"error":"bad JSON line: invalid type: sequence, expected a JSON object"}"#,
        ),
        (
            r#"{"id":"cut","text":"Der Kol"#,
            r#"{"line":3,"id":"cut","error":"bad JSON line: EOF while parsing a string at column 27"}"#,
        ),
        (
            r#"{"id":"x","text":"a"} {"id":"y"}"#,
            r#"{"line":3,"id":"x","error":"bad JSON line: trailing characters at column 23"}"#,
        ),
        (
            r#"{"id":1,"id":2,"text":"a"}"#,
            r#"{"line":3,"id":2,"error":"bad JSON line: duplicate key \"id\" at column 14"}"#,
        ),
        (
            r#"{"text":"Der Kolchos."}"#,
            r#"{"line":3,"id":null,"error":"missing \"id\" (a string, number or boolean)"}"#,
        ),
        (
            r#"{"id":null,"text":"Der Kolchos."}"#,
            r#"{"line":3,"id":null,"error":"missing \"id\" (a string, number or boolean)"}"#,
        ),
        (
            r#"{"id":{"n":1},"text":"Der Kolchos."}"#,
            r#"{"line":3,"id":{"n":1},"error":"\"id\" must be a string, number or boolean, not an object"}"#,
        ),
        (
            r#"{"id":"b"}"#,
            r#"{"line":3,"id":"b","error":"needs \"text\" or \"path\" (a string)"}"#,
        ),
        (
            r#"{"id":"b","text":"x","path":"y"}"#,
            r#"{"line":3,"id":"b","error":"has both \"text\" and \"path\": give one"}"#,
        ),
        (
            r#"{"id":"b","text":["x"]}"#,
            r#"{"line":3,"id":"b","error":"\"text\" must be a string, not an array"}"#,
        ),
        (
            r#"{"id":"b","text":"binary\u0000here"}"#,
            r#"{"line":3,"id":"b","error":"b: looks like a binary file, not text (a NUL byte at byte 6); refusing to read it"}"#,
        ),
    ];
    for (line, want) in table {
        assert_eq!(one(line), want, "{line}");
    }
}

#[test]
fn a_line_that_is_not_utf8_keeps_the_id_read_before_the_bad_byte() {
    let line = b"{\"id\":\"latin\",\"text\":\"Kolchosbauer \xe4rgerten sich\"}";
    assert_eq!(
        record(&Stream::new(&aligner()), line),
        r#"{"line":3,"id":"latin","error":"not UTF-8 (invalid byte at byte 35 of the line)"}"#
    );
}

#[test]
fn other_keys_are_ignored() {
    assert_eq!(
        one(r#"{"meta":{"a":[1,2]},"id":"m","text":"Ein Satz.","n":null}"#),
        r#"{"line":3,"id":"m","terms":[]}"#
    );
}

#[test]
fn file_uris_name_local_paths() {
    // (path as given, path read)
    let table = [
        ("a/b.txt", "a/b.txt"),
        ("/a/b.txt", "/a/b.txt"),
        ("notes:v2.txt", "notes:v2.txt"),
        ("C:/texts/a.txt", "C:/texts/a.txt"),
        ("file:/a/b.txt", "/a/b.txt"),
        ("file:///a/b.txt", "/a/b.txt"),
        ("file://localhost/a/b.txt", "/a/b.txt"),
        ("FILE://LocalHost/a/b.txt", "/a/b.txt"),
        ("file:/a/b%20c%C3%A4.txt", "/a/b cä.txt"),
        ("file:/a/100%.txt", "/a/100%.txt"),
        ("file:/a/b c#1.txt", "/a/b c#1.txt"),
    ];
    for (given, path) in table {
        assert_eq!(local_path(given).unwrap(), PathBuf::from(path), "{given}");
    }
}

#[test]
fn other_uris_and_standard_input_are_refused() {
    // (path as given, error)
    let table = [
        (
            "-",
            r#""path": "-" would read standard input, which carries the stream; send the document as "text""#,
        ),
        (
            "hdfs://namenode/corpus/a.txt",
            r#"hdfs://namenode/corpus/a.txt: only local files are read (file: URIs), not hdfs: ones; send the document as "text""#,
        ),
        (
            "file://archive.example.org/a.txt",
            "file://archive.example.org/a.txt: names the host `archive.example.org`; only local files are read (no host, or localhost)",
        ),
        ("file://localhost", "file://localhost: names no file"),
    ];
    for (given, want) in table {
        assert_eq!(local_path(given).unwrap_err().to_string(), want, "{given}");
    }
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_after_decoding_is_read_as_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let p = local_path("file:/a/%E4.txt").unwrap();
    assert_eq!(p.as_os_str().as_bytes(), b"/a/\xe4.txt");
}

#[test]
fn files_are_read_by_path_and_by_uri() {
    let dir = scratch("read");
    let file = dir.join("a b.txt");
    std::fs::write(&file, "Die Kolchosen.\n").unwrap();
    let uri = format!(
        "file://localhost{}",
        file.display().to_string().replace(' ', "%20")
    );
    let stream_of = |given: &str| {
        let out = one(&serde_json::json!({"id": 1, "path": given}).to_string());
        let v: Value = serde_json::from_str(&out).unwrap();
        (
            v["terms"][0]["surface"].clone(),
            v["terms"][0]["file"].clone(),
        )
    };
    assert_eq!(
        stream_of(&file.display().to_string()),
        ("Kolchosen".into(), file.display().to_string().into())
    );
    assert_eq!(stream_of(&uri), ("Kolchosen".into(), uri.clone().into()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_legacy_encoding_is_decoded_with_a_warning() {
    let dir = scratch("latin1");
    let file = dir.join("l.txt");
    std::fs::write(
        &file,
        b"Die Kolchosen w\xe4hrten lange, sagte der B\xe4cker.\n",
    )
    .unwrap();
    let line = serde_json::json!({"id": "l", "path": file}).to_string();
    let v: Value = serde_json::from_str(&one(&line)).unwrap();
    assert_eq!(v["terms"][0]["surface"], "Kolchosen");
    assert_eq!(
        v["warnings"],
        serde_json::json!([format!(
            "{}: not UTF-8 (first invalid byte at 1:16); decoded as windows-1252",
            file.display()
        )])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn path_errors_keep_the_systems_reason() {
    let dir = scratch("errors");
    let missing = dir.join("missing.txt").display().to_string();
    let table = [
        (
            missing.clone(),
            format!("cannot read {missing}: No such file or directory (os error 2)"),
        ),
        (
            format!("file://{missing}"),
            format!(
                "cannot read {missing} (from file://{missing}): No such file or directory (os error 2)"
            ),
        ),
        (
            dir.display().to_string(),
            format!(
                "cannot read {}: Is a directory (os error 21)",
                dir.display()
            ),
        ),
    ];
    let a = aligner();
    let stream = Stream::new(&a);
    for (given, want) in table {
        let r = stream.record(
            1,
            serde_json::json!({"id": 1, "path": given})
                .to_string()
                .as_bytes(),
        );
        assert_eq!(r.result.unwrap_err().to_string(), want, "{given}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn special_files_and_the_streams_own_input_are_refused() {
    let out = one(r#"{"id":"dev","path":"/dev/null"}"#);
    assert_eq!(
        out,
        r#"{"line":3,"id":"dev","error":"/dev/null: not a regular file but a character device; reading it could block or never end"}"#
    );
    let dir = scratch("own");
    let input = dir.join("docs.jsonl");
    std::fs::write(&input, "{}\n").unwrap();
    let a = aligner();
    let stream = Stream::new(&a).refusing(&std::fs::metadata(&input).unwrap());
    let line = serde_json::json!({"id": "self", "path": input}).to_string();
    assert_eq!(
        record(&stream, line.as_bytes()),
        format!(
            r#"{{"line":3,"id":"self","error":"{}: is the stream's own standard input; send the document as \"text\""}}"#,
            input.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}
