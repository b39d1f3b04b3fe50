//! The translation diagnostics of `glossa check` on a project whose pair has just been
//! aligned: a faithful translation leaves nothing to report, not even a stale alignment.
//! Each diagnostic triggered by one translation is a case in
//! `tests/cmd/check-*-translation*`.

use crate::support::{self, glossa, text};

/// The source of the cases' projects `tests/cmd/check-*-translation.in`.
const SOURCE: &str = include_str!("../cmd/check-missing-translation.in/corpus/a.txt");

const GOOD: &str = "The kolkhozes grew fast.\n\nThe kolkhoz in the village was poor.\n\nThe kulak fled to Siberia.\n\nThe kolkhoz peasants kept silent.\n";

#[test]
fn a_faithful_translation_is_quiet() {
    let d = support::project(
        "checktr-good",
        &[
            ("glossary/g.toml", support::glossaries::TRANSLATION),
            (
                "glossa.toml",
                "glossaries = [\"glossary/g.toml\"]\n[[pairs]]\nsource = \"corpus/a.txt\"\ntarget = \"corpus/en/a.txt\"\n",
            ),
            ("corpus/a.txt", SOURCE),
            ("corpus/en/a.txt", GOOD),
        ],
    );
    let o = glossa(&d, &["align"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = glossa(&d, &["check", "--format", "json"]);
    assert_eq!(
        (o.status.code(), text(&o.stdout).as_str()),
        (Some(0), "[]\n"),
        "{}",
        text(&o.stderr)
    );
}
