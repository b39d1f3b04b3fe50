//! The project layer as a user meets it: `glossa init`, which settings file a command
//! reads (`--config`), a one-language project, and `check` and `report` showing the same
//! findings.

use std::path::Path;

use crate::support::{glossa, project, text};

/// A German text with a deprecated form, an unknown variant (`Tschecka`) and a glossary
/// form: every kind of finding about a text.
const TEXT: &str = "\
Die Kolchose im Dorf war arm. Die Tschecka kam im Winter, und die Kolchosen verloren ihr
Vieh. Die Tscheka verhaftete den Vorsitzenden der Kolchose.
";

const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
category = "term"
compound = "modifier"
de = [{ form = "Kolchos" }, { form = "Kolchose", status = "deprecated" }]

[concept.cheka]
english = "Cheka"
category = "organisation"
de = [{ form = "Tscheka" }]
"#;

#[test]
fn init_makes_a_project_that_runs_as_it_is() {
    let dir = project("init", &[]);
    let o = glossa(&dir, &["init", "new", "--languages", "de,nl"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let new = dir.join("new");
    for f in [
        "glossa.toml",
        "glossary/terms.toml",
        ".gitattributes",
        ".gitignore",
    ] {
        assert!(new.join(f).is_file(), "{f}");
    }
    assert!(new.join("corpus").is_dir());
    let settings = std::fs::read_to_string(new.join("glossa.toml")).unwrap();
    assert!(
        settings.contains("languages = [\"de\", \"nl\"]"),
        "{settings}"
    );
    // Every diagnostic of `check --help` is a key of [check], with its default.
    let help = text(&glossa(&dir, &["check", "--help"]).stdout);
    for line in help
        .lines()
        .skip_while(|l| !l.starts_with("Diagnostics"))
        .skip(1)
    {
        let Some(code) = line.split_whitespace().next() else {
            break;
        };
        let level = line.rsplit('(').next().unwrap().trim_end_matches(')');
        assert!(
            settings.contains(&format!("{code:24} = \"{level}\"")),
            "{code} {level}\n{settings}"
        );
    }
    // It runs as it is: an empty corpus is no error.
    let o = glossa(&new, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("0 document(s)"),
        "{}",
        text(&o.stderr)
    );
    for args in [
        &["check"][..],
        &["glossary", "lint"],
        &["glossary", "fmt", "--check"],
        &["align", "--check"],
    ] {
        let o = glossa(&new, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stdout));
    }
    // With a text, the example concept is found.
    std::fs::write(new.join("corpus/a.txt"), "Die Kolchosen waren arm.\n").unwrap();
    assert_eq!(glossa(&new, &["align"]).status.code(), Some(0));
    let file = std::fs::read_to_string(new.join("alignments/a.txt.align")).unwrap();
    assert!(file.contains("\tkolkhoz\tKolchosen\t"), "{file}");
}

#[test]
fn init_never_overwrites() {
    let dir = project("init-exists", &[(".gitignore", "mine\n")]);
    let o = glossa(&dir, &["init"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains(".gitignore"),
        "{}",
        text(&o.stderr)
    );
    assert!(!dir.join("glossa.toml").exists(), "nothing written");
    assert!(!dir.join("corpus").exists(), "nothing written");
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitignore")).unwrap(),
        "mine\n"
    );
    let o = glossa(&dir, &["init", "--languages", "ru"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
}

#[test]
fn config_is_the_only_settings_file_read() {
    let dir = project(
        "config-only",
        &[
            ("glossa.toml", "languages = [\"de\"\n"),
            (
                "good.toml",
                "languages = [\"de\", \"nl\"]\nglossaries = [\"g.toml\"]\n",
            ),
            ("g.toml", GLOSSARY),
            ("a.txt", TEXT),
        ],
    );
    // A broken ./glossa.toml does not matter when --config names another file …
    for args in [
        &["detect", "--config", "good.toml", "a.txt"][..],
        &[
            "segment",
            "--format",
            "jsonl",
            "--config",
            "good.toml",
            "a.txt",
        ],
        &["--config", "good.toml", "align", "--stdout", "a.txt"],
        &["check", "--config", "good.toml", "a.txt"],
    ] {
        let o = glossa(&dir, args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            text(&o.stderr)
        );
    }
    // … it is read when none does …
    let o = glossa(&dir, &["detect", "a.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).starts_with("glossa: error: glossa.toml:1:"),
        "{}",
        text(&o.stderr)
    );
    // … and a --config that names no file is an error, not the defaults.
    for args in [
        &["detect", "--config", "missing.toml", "a.txt"][..],
        &["align", "--config", "missing.toml", "--stdout", "a.txt"],
        &["glossary", "lint", "--config", "missing.toml"],
    ] {
        let o = glossa(&dir, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = text(&o.stderr);
        assert!(
            err.contains("missing.toml") && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }
}

#[test]
fn the_default_glossary_comes_from_the_settings() {
    let dir = project(
        "default-glossary",
        &[
            ("glossary/a.toml", GLOSSARY),
            (
                "elsewhere/terms.toml",
                GLOSSARY
                    .replace("[concept.cheka]", "[concept.tscheka]")
                    .as_str(),
            ),
            ("other.toml", "glossaries = [\"elsewhere\"]\n"),
            ("a.txt", TEXT),
        ],
    );
    // Without settings: every *.toml in glossary/.
    let o = glossa(&dir, &["align", "--stdout", "a.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("\tcheka\t"));
    // With settings that name another directory: that one.
    let o = glossa(
        &dir,
        &["--config", "other.toml", "align", "--stdout", "a.txt"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("\ttscheka\t"));
    let o = glossa(&dir, &["--config", "other.toml", "glossary", "lint"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_one_language_project_is_not_detected() {
    let dir = project(
        "one-language",
        &[
            (
                "glossa.toml",
                "languages = [\"nl\"]\nglossaries = [\"g.toml\"]\n",
            ),
            ("g.toml", GLOSSARY),
            // German words in a Dutch project: the configured language wins.
            ("corpus/a.txt", TEXT),
        ],
    );
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let file = std::fs::read_to_string(dir.join("alignments/a.txt.align")).unwrap();
    let langs: Vec<&str> = file
        .lines()
        .filter(|l| l.starts_with("S\t"))
        .map(|l| l.split('\t').nth(2).unwrap())
        .collect();
    assert!(
        !langs.is_empty() && langs.iter().all(|l| *l == "nl"),
        "{file}"
    );
    let o = glossa(&dir, &["detect", "--format", "jsonl", "corpus/a.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    for line in text(&o.stdout).lines() {
        assert!(line.contains("\"lang\":\"nl\""), "{line}");
    }
    assert!(text(&o.stdout).contains("\"basis\":\"configured\""));
    let o = glossa(&dir, &["segment", "--format", "jsonl", "corpus/a.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout)
            .lines()
            .all(|l| l.contains("\"lang\":\"nl\""))
    );
    assert!(matches!(
        glossa(&dir, &["check"]).status.code(),
        Some(0 | 1)
    ));
    assert_eq!(glossa(&dir, &["report", "-q"]).status.code(), Some(0));
}

#[test]
fn check_and_report_show_the_same_findings() {
    let dir = project(
        "check-report",
        &[
            (
                "glossa.toml",
                "languages = [\"de\"]\nglossaries = [\"g.toml\"]\n",
            ),
            ("g.toml", GLOSSARY),
            ("corpus/a.txt", TEXT),
        ],
    );
    assert_eq!(glossa(&dir, &["align"]).status.code(), Some(0));
    let o = glossa(&dir, &["check", "--format", "json"]);
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in ["deprecated-form", "unknown-variant"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    assert_eq!(
        glossa(&dir, &["report", "-q", "-o", "r.html"])
            .status
            .code(),
        Some(0)
    );
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    for f in &findings {
        let message = f["message"].as_str().unwrap();
        let escaped = message
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(html.contains(&escaped), "the report lacks: {message}");
        assert!(html.contains(&format!("data-code=\"{}\"", f["code"].as_str().unwrap())));
    }
    // Stale files are findings of both too.
    std::fs::write(
        dir.join("corpus/a.txt"),
        format!("{TEXT}Noch eine Kolchose.\n"),
    )
    .unwrap();
    let o = glossa(&dir, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("stale-alignments"));
    let o = glossa(&dir, &["align", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        glossa(&dir, &["report", "-q", "-o", "r.html"])
            .status
            .code(),
        Some(0)
    );
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    assert!(html.contains("data-code=\"stale-alignments\""));
}

#[test]
fn man_writes_a_page_per_command() {
    let dir = project("man", &[]);
    let o = glossa(&dir, &["man", "--dir", "pages"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let top = std::fs::read_to_string(dir.join("pages/glossa.1")).unwrap();
    // Every command has a page, which the top-level page refers to, with its exit
    // codes and examples; `glossa man COMMAND` prints the same page.
    let help = text(&glossa(&dir, &["--help"]).stdout);
    let commands: Vec<&str> = help
        .split_once("Commands:\n")
        .unwrap()
        .1
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 13, "{help}");
    for c in commands {
        let page = std::fs::read_to_string(dir.join(format!("pages/glossa-{c}.1")))
            .unwrap_or_else(|_| panic!("no page for {c}"));
        assert!(
            top.contains(&format!("glossa\\-{c}(1)")),
            "glossa.1 does not refer to {c}"
        );
        assert!(page.contains(".SH \"EXIT STATUS\""), "{c}");
        assert!(page.contains(".SH EXAMPLES"), "{c}");
        assert!(page.contains(&format!("glossa {c}")), "{c}");
        let o = glossa(Path::new("."), &["man", c]);
        assert_eq!(o.status.code(), Some(0), "man {c}");
        assert_eq!(text(&o.stdout), page, "man {c} prints its page");
    }
    assert!(dir.join("pages/glossa-glossary-lint.1").is_file());
    assert_eq!(glossa(&dir, &["man", "nope"]).status.code(), Some(2));
}

/// The help, the SARIF rules and the settings' `[check]` keys all come from the one table
/// of lints: each code appears exactly once in each, in the table's order.
#[test]
fn every_lint_appears_once_in_help_sarif_and_settings() {
    use glossa::lints::LINTS;
    let dir = project(
        "lints",
        &[
            (
                "glossa.toml",
                "languages = [\"de\"]\nglossaries = [\"g.toml\"]\n",
            ),
            ("g.toml", GLOSSARY),
            ("corpus/a.txt", TEXT),
        ],
    );
    let help = text(&glossa(&dir, &["check", "--help"]).stdout);
    let listed: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Diagnostics"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let names: Vec<&str> = LINTS.iter().map(|l| l.name).collect();
    assert_eq!(listed, names, "{help}");
    let o = glossa(&dir, &["check", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, names);
    for lint in &LINTS {
        // Every code can be set in [check], and an unknown one is refused.
        std::fs::write(
            dir.join("glossa.toml"),
            format!(
                "glossaries = [\"g.toml\"]\n[check]\n{} = \"allow\"\n",
                lint.name
            ),
        )
        .unwrap();
        let o = glossa(&dir, &["check", "--format", "json"]);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{}",
            text(&o.stderr)
        );
        let findings: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        assert!(
            findings.iter().all(|f| f["code"] != lint.name),
            "{} allowed but reported",
            lint.name
        );
    }
    std::fs::write(
        dir.join("glossa.toml"),
        "[check]\nstale-alignment = \"deny\"\n",
    )
    .unwrap();
    let o = glossa(&dir, &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("glossa.toml:2:1: unknown check `stale-alignment`"));
}
