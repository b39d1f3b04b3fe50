//! The finished command line, where a whole-output case would only copy what clap
//! generates: completions, the man page, and an example in every command's help. The
//! version, the top-level help and usage errors are cases in `tests/cmd/`.

use std::path::Path;

use crate::support::{glossa, text};

fn run(args: &[&str]) -> (Option<i32>, String) {
    let o = glossa(Path::new(env!("CARGO_MANIFEST_DIR")), args);
    (o.status.code(), text(&o.stdout))
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, script) = run(&["completions", shell]);
        assert_eq!(code, Some(0), "{shell}");
        for sub in ["segment", "align", "diff"] {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
    }
}

#[test]
fn man_page_is_roff() {
    let (code, page) = run(&["man"]);
    assert_eq!(code, Some(0));
    assert!(page.contains(".TH glossa 1"), "{page}");
    assert!(page.contains("align"));
}

#[test]
fn every_command_has_help_with_an_example() {
    let (_, top) = run(&["--help"]);
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
        let (code, h) = run(&[c, "--help"]);
        assert_eq!(code, Some(0), "{c}");
        assert!(
            h.contains("Example"),
            "`glossa {c} --help` has no example:\n{h}"
        );
    }
}
