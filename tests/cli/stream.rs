//! The `glossa align --stream` contract, as Spark's `RDD.pipe` or GNU parallel use it: JSON
//! lines in, one JSON line per document out, in order.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support;

fn stream(input: &str) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let dir = std::env::temp_dir().join(format!("glossa-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("g.toml"), support::glossaries::BASIC).unwrap();
    std::fs::write(dir.join("doc.txt"), "De boeren gingen naar de kolchoz.\n").unwrap();
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

#[test]
fn bad_lines_give_error_records_and_exit_2() {
    let (status, lines, err) = stream(
        "{\"id\":\"a\",\"text\":\"Der Kolchos.\"}\nnot json\n{\"id\":\"b\"}\n{\"id\":\"c\",\"path\":\"/nonexistent\"}\n",
    );
    assert_eq!(status, Some(2));
    assert_eq!(lines.len(), 4);
    assert!(lines[0]["terms"].is_array());
    assert!(lines[1]["error"].as_str().unwrap().contains("JSON"));
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert!(lines[3]["error"].as_str().unwrap().contains("/nonexistent"));
    assert!(err.contains("3 input line(s)"), "{err}");
}
