//! `glossa check` as a user runs it, in a temporary project: each diagnostic with an input
//! that triggers it and one that must stay quiet, levels, the baseline, exit codes and
//! every output format.

use std::path::{Path, PathBuf};

use crate::support::{self, glossa, text};

const GLOSSARY: &str = support::glossaries::CHECK;

/// Plain German prose, full of compounds and words that look a little like the forms
/// above (`Tschechen`, `Kollegen`, `Kommission`, `Stalins`, `Kolonnen`): nothing to report.
const QUIET_DE: &str = "\
Die Bauernversammlung beschloss im Herbst die Getreideablieferung an die Kreisverwaltung.
Die Kolchosbauern, Landarbeiterinnen und Parteisekretäre diskutierten mit den Kollegen
aus der Kommission über Stalins Politik, die Tschechen und die Kolonnen der Traktoren.
Der Staatsanwaltschaft lagen Beschwerden der Dorfbewohner vor; die Kommunisten schwiegen.
Die Werkstätten, Schulgebäude und Bauernhöfe der Kolchosen verfielen in diesen Jahren.
Die Kolchosen lieferten weniger Getreide als die Planbehörde verlangte.
";

const QUIET_NL: &str = "\
De boeren werkten op de kolchoz en in de werkplaatsen van het dorp. Daar werkten ook de
vrouwen, die de oogst binnenhaalden. De kolchozen leverden minder graan dan gepland.
";

fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let mut all = vec![
        (
            "glossa.toml",
            "corpus = [\"corpus\"]\nglossaries = [\"glossary/g.toml\"]\nlanguages = [\"de\", \"nl\"]\n",
        ),
        ("glossary/g.toml", GLOSSARY),
    ];
    all.extend_from_slice(files);
    let dir = support::project(&format!("check-{name}"), &all);
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    dir
}

/// Runs `check --format json` and returns the exit code and the findings.
fn findings(dir: &Path, args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let o = glossa(dir, &all);
    let out = text(&o.stdout);
    let parsed: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {out}\nstderr: {}", text(&o.stderr));
    });
    (o.status.code(), parsed.as_array().unwrap().clone())
}

fn codes(found: &[serde_json::Value]) -> Vec<String> {
    found
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// `glossa check --allow stale-alignments`: the projects here have no alignments.
const NO_STALE: &[&str] = &["--allow", "stale-alignments"];

#[test]
fn a_quiet_project_has_no_findings() {
    let dir = project(
        "quiet",
        &[("corpus/de.txt", QUIET_DE), ("corpus/nl.txt", QUIET_NL)],
    );
    let (code, found) = findings(&dir, NO_STALE);
    assert_eq!(found, Vec::<serde_json::Value>::new());
    assert_eq!(code, Some(0));
}

#[test]
fn deprecated_form_is_reported_with_the_preferred_form() {
    let dir = project(
        "deprecated",
        &[(
            "corpus/de.txt",
            "Die Kolchose im Dorf war arm. Die Bauern blieben.\n",
        )],
    );
    let (code, found) = findings(&dir, NO_STALE);
    assert_eq!(codes(&found), ["deprecated-form"]);
    let f = &found[0];
    assert_eq!(code, Some(0), "a warning does not fail the run");
    assert_eq!(f["level"], "warn");
    assert_eq!(f["file"], "corpus/de.txt");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(f["concept"], "kolkhoz");
    assert_eq!(f["surface"], "Kolchose");
    assert!(f["help"].as_str().unwrap().contains("`Kolchos`"), "{f}");

    // The plural of the preferred form is not the deprecated one inflected.
    let dir = project(
        "not-deprecated",
        &[("corpus/de.txt", "Die Kolchosen im Dorf waren arm.\n")],
    );
    assert_eq!(findings(&dir, NO_STALE).1, Vec::<serde_json::Value>::new());
}

#[test]
fn unknown_variant_names_the_concept() {
    let dir = project(
        "variant",
        &[
            (
                "corpus/de.txt",
                "Die Tschecka verhaftete im Winter viele Bauern. Die Bauern flohen.\n",
            ),
            (
                "corpus/nl.txt",
                "De boeren van de kolchos werkten hard. Zij kregen weinig graan.\n",
            ),
        ],
    );
    let (code, found) = findings(&dir, NO_STALE);
    assert_eq!(code, Some(0));
    let got: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["surface"].as_str().unwrap(),
                f["concept"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("unknown-variant", "Tschecka", "cheka"),
            ("unknown-variant", "kolchos", "kolkhoz")
        ]
    );
    assert!(found[0]["message"].as_str().unwrap().contains("`Tscheka`"));
}

#[test]
fn unknown_variant_guards_ordinary_vocabulary() {
    // A word close to a form but frequent in the text in its own right is vocabulary.
    let frequent =
        "Die Tschecka kam. Die Tschecka ging. Die Tschecka blieb. Die Tschecka schwieg.\n";
    let dir = project(
        "frequent",
        &[("corpus/de.txt", frequent), ("corpus/quiet.txt", QUIET_DE)],
    );
    assert_eq!(findings(&dir, NO_STALE).1, Vec::<serde_json::Value>::new());

    // A lowercase word is never a variant of a person's name; a word the matcher
    // matched elsewhere is not a candidate; short words are never compared.
    let dir = project(
        "guards",
        &[(
            "corpus/de.txt",
            "Er sprach stalim zu. Die Kolchose und die Kolchosen. Das Tsche war da.\n",
        )],
    );
    let (_, found) = findings(
        &dir,
        &["--allow", "stale-alignments", "--allow", "deprecated-form"],
    );
    assert_eq!(found, Vec::<serde_json::Value>::new());
}

#[test]
fn inconsistent_spelling_reports_the_rarer_spelling_with_counts() {
    let dir = project(
        "inconsistent",
        &[
            (
                "corpus/a.txt",
                "Die Komintern tagte in Moskau. Die Komintern beschloss.\n",
            ),
            ("corpus/b.txt", "Die Comintern schwieg dazu.\n"),
        ],
    );
    let (_, found) = findings(&dir, NO_STALE);
    assert_eq!(codes(&found), ["inconsistent-spelling"]);
    assert_eq!(found[0]["file"], "corpus/b.txt");
    assert_eq!(found[0]["surface"], "Comintern");
    let msg = found[0]["message"].as_str().unwrap();
    assert!(msg.contains("`Comintern` 1×, `Komintern` 2×"), "{msg}");

    let dir = project(
        "consistent",
        &[(
            "corpus/a.txt",
            "Die Komintern tagte. Die Komintern beschloss.\n",
        )],
    );
    assert_eq!(findings(&dir, NO_STALE).1, Vec::<serde_json::Value>::new());
}

#[test]
fn stale_alignments_are_denied() {
    let dir = project("stale", &[("corpus/de.txt", "Die Kolchosen waren arm.\n")]);
    let o = glossa(&dir, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let (code, found) = findings(&dir, &[]);
    assert_eq!((code, found.len()), (Some(0), 0), "{found:?}");

    std::fs::write(dir.join("corpus/de.txt"), "Die Kolchosen waren reich.\n").unwrap();
    std::fs::write(dir.join("corpus/nl.txt"), "De kolchoz was arm.\n").unwrap();
    let (code, found) = findings(&dir, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(codes(&found), ["stale-alignments", "stale-alignments"]);
    assert_eq!(found[0]["file"], "alignments/de.txt.align");
    assert!(found[1]["message"].as_str().unwrap().contains("missing"));
}

#[test]
fn glossary_problems_are_denied_and_a_broken_glossary_is_an_error() {
    let dir = project("glossary", &[("corpus/de.txt", QUIET_DE)]);
    std::fs::write(
        dir.join("glossary/g.toml"),
        format!("{GLOSSARY}\n[concept.kolkhoz-two]\nenglish = \"kolkhoz\"\ncategory = \"term\"\nde = [{{ form = \"Kolchos\" }}]\n"),
    )
    .unwrap();
    let (code, found) = findings(&dir, NO_STALE);
    assert_eq!(code, Some(1));
    assert_eq!(codes(&found), ["glossary"]);
    assert_eq!(found[0]["file"], "glossary/g.toml");
    assert!(found[0]["message"].as_str().unwrap().contains("Kolchos"));

    std::fs::write(dir.join("glossary/g.toml"), "[concept.x]\nenglish = 1\n").unwrap();
    let o = glossa(&dir, &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("g.toml:2:"), "{}", text(&o.stderr));
}

#[test]
fn levels_from_glossa_toml_and_the_command_line() {
    let dir = project(
        "levels",
        &[("corpus/de.txt", "Die Kolchose im Dorf war arm.\n")],
    );
    // Warn by default: exit 0. --deny makes it fail.
    assert_eq!(findings(&dir, NO_STALE).0, Some(0));
    let (code, found) = findings(
        &dir,
        &["--allow", "stale-alignments", "--deny", "deprecated-form"],
    );
    assert_eq!((code, found[0]["level"].as_str()), (Some(1), Some("deny")));

    // glossa.toml denies; the command line wins.
    let toml = dir.join("glossa.toml");
    let mut settings = std::fs::read_to_string(&toml).unwrap();
    settings.push_str("\n[check]\ndeprecated-form = \"deny\"\nstale-alignments = \"allow\"\n");
    std::fs::write(&toml, &settings).unwrap();
    assert_eq!(findings(&dir, &[]).0, Some(1));
    assert_eq!(findings(&dir, &["--warn", "deprecated-form"]).0, Some(0));
    let (code, found) = findings(&dir, &["--allow", "deprecated-form"]);
    assert_eq!((code, found.len()), (Some(0), 0));

    // An unknown code is an error, in glossa.toml (with line:col) and on the command line.
    std::fs::write(&toml, format!("{settings}deprecated-forms = \"deny\"\n")).unwrap();
    let o = glossa(&dir, &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("glossa.toml:8:1"),
        "{}",
        text(&o.stderr)
    );
    std::fs::write(&toml, &settings).unwrap();
    let o = glossa(&dir, &["check", "--deny", "deprecated"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("deprecated-form"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn baseline_accepts_recorded_findings_by_concept_not_line() {
    let dir = project(
        "baseline",
        &[("corpus/de.txt", "Die Kolchose im Dorf war arm.\n")],
    );
    let deny = ["--allow", "stale-alignments", "--deny", "deprecated-form"];
    let mut args = deny.to_vec();
    args.extend(["--write-baseline", "base.json"]);
    let o = glossa(&dir, &[&["check"][..], &args].concat());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));

    // Lines added above: the finding moves, and stays accepted.
    std::fs::write(
        dir.join("corpus/de.txt"),
        "Ein neuer Absatz.\n\nDie Kolchose im Dorf war arm.\n",
    )
    .unwrap();
    let mut args = deny.to_vec();
    args.extend(["--baseline", "base.json"]);
    let (code, found) = findings(&dir, &args);
    assert_eq!((code, found.len()), (Some(0), 0), "{found:?}");

    // A new finding (in another file) is reported.
    std::fs::write(dir.join("corpus/neu.txt"), "Die Kolchose lag brach.\n").unwrap();
    let (code, found) = findings(&dir, &args);
    assert_eq!(code, Some(1));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["file"], "corpus/neu.txt");

    std::fs::write(dir.join("base.json"), "[]").unwrap();
    assert_eq!(
        glossa(&dir, &["check", "--baseline", "base.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn human_output_looks_like_a_compiler() {
    let dir = project(
        "human",
        &[("corpus/de.txt", "Titel\n\nDie Kolchose im Dorf war arm.\n")],
    );
    let o = glossa(&dir, &["check", "--allow", "stale-alignments"]);
    let out = text(&o.stdout);
    assert!(
        out.contains("warning[deprecated-form]: `Kolchose` uses the deprecated form"),
        "{out}"
    );
    assert!(out.contains("--> corpus/de.txt:3:5"), "{out}");
    assert!(out.contains("3 | Die Kolchose im Dorf war arm."), "{out}");
    assert!(out.contains("|     ^^^^^^^^"), "{out}");
    assert!(
        out.contains("= help: write the preferred form `Kolchos`"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour off a terminal: {out}");
    let o = glossa(
        &dir,
        &[
            "check",
            "--allow",
            "stale-alignments",
            "--deny",
            "deprecated-form",
        ],
    );
    assert!(text(&o.stdout).contains("error[deprecated-form]"));
}

#[test]
fn sarif_has_what_github_code_scanning_requires() {
    let dir = project(
        "sarif",
        &[("corpus/de.txt", "Die Kolchose im Dorf war arm.\n")],
    );
    let o = glossa(
        &dir,
        &["check", "--format", "sarif", "--allow", "stale-alignments"],
    );
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["version"], "2.1.0");
    assert!(s["$schema"].as_str().unwrap().contains("sarif"));
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "glossa");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"deprecated-form") && rules.contains(&"unknown-variant"));
    let r = &run["results"][0];
    assert_eq!(r["ruleId"], "deprecated-form");
    assert_eq!(r["level"], "warning");
    assert!(r["message"]["text"].as_str().unwrap().contains("Kolchose"));
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "corpus/de.txt");
    assert_eq!(loc["region"]["startLine"], 1);
    assert_eq!(loc["region"]["startColumn"], 5);
}

#[test]
fn github_annotations() {
    let dir = project(
        "github",
        &[("corpus/de.txt", "Die Kolchose im Dorf war arm.\n")],
    );
    let o = glossa(
        &dir,
        &["check", "--format", "github", "--allow", "stale-alignments"],
    );
    let out = text(&o.stdout);
    assert!(
        out.starts_with("::warning file=corpus/de.txt,line=1,col=5,title=glossa deprecated-form::`Kolchose` uses"),
        "{out}"
    );
    assert!(out.contains("%0Ahelp: "), "newlines escaped: {out}");
}

#[test]
fn paths_check_only_those_files() {
    let dir = project(
        "paths",
        &[
            ("corpus/de.txt", "Die Kolchose im Dorf war arm.\n"),
            ("other.txt", "Die Tschecka kam nachts.\n"),
        ],
    );
    // Files outside the project have no alignments: nothing is stale.
    let (code, found) = findings(&dir, &["other.txt"]);
    assert_eq!(code, Some(0));
    assert_eq!(codes(&found), ["unknown-variant"]);
    assert_eq!(found[0]["file"], "other.txt");
}
