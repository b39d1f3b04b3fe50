//! What the tests share: a scratch project directory, running the built binary in it,
//! reading its output, and the glossaries of `tests/fixtures/glossaries/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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

/// A command in `dir` as every test runs one: without colour, seeing no installed
/// dictionary (whatever the machine has), and, for git, no system or user settings.
pub fn command(dir: &Path, program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GLOSSA_DICTD_DIR", "/nonexistent/glossa-tests")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir);
    c
}

/// Runs `PROGRAM ARGS` in `dir` (see [`command`]).
pub fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    command(dir, program).args(args).output().unwrap()
}

/// Runs `glossa ARGS` in `dir`, without colour.
pub fn glossa(dir: &Path, args: &[&str]) -> Output {
    run(dir, env!("CARGO_BIN_EXE_glossa"), args)
}

/// Runs `glossa ARGS` in `dir`, without colour, with `stdin` as its standard input.
pub fn glossa_with_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = command(dir, env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("glossa runs");
    // glossa may refuse its arguments before it reads standard input.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

/// Output bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The glossaries of `tests/fixtures/glossaries/` (its README says what each is for);
/// the cases in `tests/cmd/` read the same files.
pub mod glossaries {
    /// kolkhoz (de, nl) and nachalstvo (de; in compounds as head and modifier).
    pub const BASIC: &str = include_str!("../fixtures/glossaries/basic.toml");
    /// What `glossa check` has to tell apart: a deprecated form of kolkhoz, the Cheka, two
    /// admitted spellings of the Comintern, Stalin.
    pub const CHECK: &str = include_str!("../fixtures/glossaries/check.toml");
    /// kolkhoz with an admitted ("collective farm") and a forbidden ("kolchos") English
    /// rendering, and kulak.
    pub const TRANSLATION: &str = include_str!("../fixtures/glossaries/translation.toml");
    /// kolkhoz (with a note and an alternative) and Stalin, without comments, so that an
    /// export and import gives back the same text.
    pub const SUGGEST: &str = include_str!("../fixtures/glossaries/suggest.toml");
}
