//! What the command-line tests share: a scratch project directory, running the built
//! binary in it, and reading its output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh directory for one test, under Cargo's scratch space for tests, holding
/// `files` (`(path, text)`; parent directories are made).
pub fn project(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, text) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Runs `glossa ARGS` in `dir`, without colour.
pub fn glossa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Output bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A glossary for the translation tests: kolkhoz with an admitted ("collective farm")
/// and a forbidden ("kolchos") rendering, and kulak.
pub const TRANSLATION_GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
alternatives = ["collective farm"]
forbidden = ["kolchos"]
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }]

[concept.kulak]
english = "kulak"
category = "term"
de = [{ form = "Kulak" }]
"#;
