//! The `glossa align --stream` contract, as Spark's `RDD.pipe` or GNU parallel use it: JSON
//! lines in, one JSON line per document out, in order, here for 151 documents. Lines it
//! cannot use are the case `tests/cmd/stream-bad-lines`.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support;

fn stream(input: &str) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let dir = support::project(
        "stream",
        &[
            ("g.toml", support::glossaries::BASIC),
            ("doc.txt", "De boeren gingen naar de kolchoz.\n"),
        ],
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(["align", "--stream", "--glossary", "g.toml"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let lines = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        o.status.code(),
        lines,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn one_line_out_per_document_in_order() {
    let mut input = String::new();
    for i in 0..150 {
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"Die Kolchosen wuchsen im Jahr {i}.\"}}\n"
        ));
    }
    input.push_str("{\"id\":7,\"path\":\"doc.txt\"}\n");
    let (status, lines, err) = stream(&input);
    assert_eq!(status, Some(0), "{err}");
    assert_eq!(lines.len(), 151);
    for (i, l) in lines.iter().take(150).enumerate() {
        assert_eq!(l["id"], format!("d{i}"));
        let terms = l["terms"].as_array().unwrap();
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0]["concept"], "kolkhoz");
        assert_eq!(terms[0]["surface"], "Kolchosen");
        assert_eq!(terms[0]["line"], 1);
    }
    assert_eq!(lines[150]["id"], "7");
    assert_eq!(lines[150]["terms"][0]["surface"], "kolchoz");
}
