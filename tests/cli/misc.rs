//! The finished command line: version, completions, man page, help with examples.

use std::process::{Command, Output};

fn glossa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn version_names_the_file_formats() {
    let o = glossa(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    let v = out(&o);
    assert!(
        v.starts_with(&format!("glossa {}", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    assert!(
        v.contains(&format!(
            "alignment format {}",
            glossa::alignment_file::FORMAT_VERSION
        )),
        "{v}"
    );
    assert!(v.contains("glossary format 1"), "{v}");
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = glossa(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = out(&o);
        for sub in ["segment", "align", "diff"] {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    assert_eq!(glossa(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_page_is_roff() {
    let o = glossa(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = out(&o);
    assert!(page.contains(".TH glossa 1"), "{page}");
    assert!(page.contains("align"));
}

#[test]
fn every_command_has_help_with_an_example() {
    let o = glossa(&["--help"]);
    let top = out(&o);
    let commands: Vec<&str> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 6, "{top}");
    for c in commands {
        let o = glossa(&[c, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{c}");
        let h = out(&o);
        assert!(
            h.contains("Example"),
            "`glossa {c} --help` has no example:\n{h}"
        );
    }
}
