//! Issue 3: `glossa detect --format jsonl`, its fields and spans checked against the input.
//! The text format, the detected language in `glossa segment --format jsonl` and bad
//! language lists are cases in `tests/cmd/detect-*` and `segment-jsonl-lang`.

use std::path::Path;
use std::process::Output;

use crate::support::glossa_with_stdin;

const MIXED: &str = "\
Die Kollektivierung begann im Winter 1929. Chruschtschow erinnerte sich später nur ungern an diese Jahre.

In Nederland werd over deze gebeurtenissen lange tijd weinig geschreven. De kranten zwegen.
";

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn detect_jsonl_has_one_object_per_paragraph_and_sentence() {
    let out = glossa_with_stdin(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["detect", "--format", "jsonl", "-"],
        MIXED.as_bytes(),
    );
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
