//! Every example of every command's `--help` that needs no shell (no pipe, redirection or
//! substitution) runs in a copy of the example project and does not fail (exit 0 or 1).
//! The list of commands is checked against `glossa --help`, so a new command's examples
//! are run too.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Every command and subcommand, in the order their examples run (glossary export before
/// import, which reads what export wrote).
const COMMANDS: &[&[&str]] = &[
    &[],
    &["init"],
    &["segment"],
    &["detect"],
    &["align"],
    &["diff"],
    &["check"],
    &["report"],
    &["suggest"],
    &["concordance"],
    &["export"],
    &["glossary"],
    &["glossary", "lint"],
    &["glossary", "fmt"],
    &["glossary", "export"],
    &["glossary", "import"],
    &["completions"],
    &["man"],
];

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).unwrap();
        }
    }
}

/// A copy of the example project, committed to a fresh git repository (for `--rev`).
fn example_project() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("help-examples");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root.join("glossa.toml"), dir.join("glossa.toml")).unwrap();
    for sub in ["corpus", "glossary", "alignments"] {
        copy_dir(&root.join(sub), &dir.join(sub));
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(&dir)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("git runs")
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    assert!(git(&["commit", "-q", "-m", "example"]).status.success());
    dir
}

fn glossa(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // Tests see no installed dictionary, whatever the machine has.
        .env("GLOSSA_DICTD_DIR", "/nonexistent/glossa-tests")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The example lines of a help text, as argument lists (without the leading `glossa` and
/// any trailing `# comment`); lines that need a shell are left out.
fn examples(help: &str) -> Vec<Vec<String>> {
    let Some((_, block)) = help.split_once("Examples:\n") else {
        return Vec::new();
    };
    block
        .lines()
        .take_while(|l| l.starts_with("  ") || l.is_empty())
        .filter_map(|l| l.trim().strip_prefix("glossa "))
        .map(|l| l.split(" #").next().unwrap_or(l).trim())
        .filter(|l| !l.contains(['|', '>', '<', '`', '$', '\'', '"']))
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

#[test]
fn every_command_is_listed_here() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let help = String::from_utf8(glossa(dir, &["--help"]).stdout).unwrap();
    let listed: Vec<&str> = help
        .split_once("Commands:\n")
        .unwrap()
        .1
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    for c in listed {
        assert!(
            COMMANDS.contains(&&[c][..]),
            "`glossa {c}` is not in COMMANDS"
        );
    }
}

#[test]
fn every_help_example_runs() {
    let dir = example_project();
    let mut ran = 0;
    let mut failures = Vec::new();
    for command in COMMANDS {
        let mut args: Vec<&str> = command.to_vec();
        args.push("--help");
        let o = glossa(&dir, &args);
        assert_eq!(o.status.code(), Some(0), "glossa {}", args.join(" "));
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(
            help.contains("Exit status:") && help.contains("Examples:"),
            "glossa {} --help has no exit status or examples",
            command.join(" ")
        );
        for example in examples(&help) {
            let o = glossa(
                &dir,
                &example.iter().map(String::as_str).collect::<Vec<_>>(),
            );
            ran += 1;
            if !matches!(o.status.code(), Some(0 | 1)) {
                failures.push(format!(
                    "glossa {}: exit {:?}\n{}",
                    example.join(" "),
                    o.status.code(),
                    String::from_utf8_lossy(&o.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(ran >= 40, "only {ran} examples ran");
}
