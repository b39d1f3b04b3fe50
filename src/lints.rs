//! The diagnostics glossa reports, as one table: each [`Code`]'s name, default [`Level`]
//! and one-line summary ([`LINTS`]). Everything else is derived from it: the names
//! accepted in the `[check]` table of `glossa.toml` and by `--deny`/`--warn`/`--allow`,
//! the list in `glossa check --help`, the SARIF rules, the levels' defaults.
//!
//! The table is shared knowledge (the settings of a project name levels per code); the
//! functions that find each diagnostic live in [`crate::check`]. Adding a lint is one
//! variant of [`Code`], one row of [`LINTS`] (in the same order) and one function in
//! `check`, which the compiler then asks to be called from `check::find`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A diagnostic's stable code. The order is the order of [`LINTS`] (tested).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    DeprecatedForm,
    UnknownVariant,
    InconsistentSpelling,
    StaleAlignments,
    Glossary,
    MissingTranslation,
    ForbiddenTranslation,
    InconsistentTranslation,
    UntranslatedSentence,
    AddedSentence,
    UnlikelyTranslation,
}

/// What happens to a code's findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported; the run still succeeds.
    Warn,
    /// Reported; the run fails.
    Deny,
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lint {
    pub code: Code,
    /// The name written in `glossa.toml`, on the command line and in every output.
    pub name: &'static str,
    /// The level unless configured: what breaks the project (stale files, a glossary
    /// with problems, a forbidden rendering) is denied, matters of style warn.
    pub default: Level,
    /// One sentence on what the code reports.
    pub summary: &'static str,
}

/// Every diagnostic, in the order they are documented.
pub const LINTS: [Lint; 11] = [
    Lint {
        code: Code::DeprecatedForm,
        name: "deprecated-form",
        default: Level::Warn,
        summary: "A source form the glossary marks as deprecated is used.",
    },
    Lint {
        code: Code::UnknownVariant,
        name: "unknown-variant",
        default: Level::Warn,
        summary: "A word is almost a glossary form but is not listed: a spelling variant the glossary lacks, or a typo.",
    },
    Lint {
        code: Code::InconsistentSpelling,
        name: "inconsistent-spelling",
        default: Level::Warn,
        summary: "One concept is written in two spellings of the same status in the checked texts.",
    },
    Lint {
        code: Code::StaleAlignments,
        name: "stale-alignments",
        default: Level::Deny,
        summary: "Committed alignment files differ from what glossa would write now.",
    },
    Lint {
        code: Code::Glossary,
        name: "glossary",
        default: Level::Deny,
        summary: "The glossary has a problem (as `glossa glossary lint` reports).",
    },
    Lint {
        code: Code::MissingTranslation,
        name: "missing-translation",
        default: Level::Warn,
        summary: "A source term has no rendering of its concept in the aligned translation.",
    },
    Lint {
        code: Code::ForbiddenTranslation,
        name: "forbidden-translation",
        default: Level::Deny,
        summary: "A source term is rendered with an English rendering the glossary forbids.",
    },
    Lint {
        code: Code::InconsistentTranslation,
        name: "inconsistent-translation",
        default: Level::Warn,
        summary: "One concept is rendered in different ways across a document or the corpus.",
    },
    Lint {
        code: Code::UntranslatedSentence,
        name: "untranslated-sentence",
        default: Level::Warn,
        summary: "A source sentence has no counterpart in its translation (an omission?).",
    },
    Lint {
        code: Code::AddedSentence,
        name: "added-sentence",
        default: Level::Warn,
        summary: "A sentence of the translation has no counterpart in its source (an addition?).",
    },
    Lint {
        code: Code::UnlikelyTranslation,
        name: "unlikely-translation",
        default: Level::Deny,
        summary: "A translation does not look like one of its source: few of the dictionary's word pairs (without a dictionary: few of its names, numbers and glossary terms) are found across its sentence pairs.",
    },
];

impl Code {
    /// Every code, in table order.
    pub const ALL: [Code; LINTS.len()] = {
        let mut all = [Code::DeprecatedForm; LINTS.len()];
        let mut i = 0;
        while i < LINTS.len() {
            all[i] = LINTS[i].code;
            i += 1;
        }
        all
    };

    /// The code's row of [`LINTS`].
    pub fn lint(self) -> &'static Lint {
        &LINTS[self as usize]
    }

    /// The code as written in `glossa.toml`, on the command line and in output.
    pub fn as_str(self) -> &'static str {
        self.lint().name
    }

    /// The level a code has unless configured.
    pub fn default_level(self) -> Level {
        self.lint().default
    }

    /// One sentence on what the code reports (rule descriptions in SARIF, `--help`).
    pub fn summary(self) -> &'static str {
        self.lint().summary
    }

    /// The names of all codes, comma-separated (for messages).
    pub fn names() -> String {
        Code::ALL.map(Code::as_str).join(", ")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = Error;

    fn from_str(s: &str) -> Result<Code> {
        LINTS
            .iter()
            .find(|l| l.name == s)
            .map(|l| l.code)
            .ok_or_else(|| {
                Error::Invalid(format!("unknown check `{s}` (known: {})", Code::names()))
            })
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The level of every code: the defaults of [`LINTS`], overridden by the settings and the
/// command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Levels(BTreeMap<Code, Level>);

impl Default for Levels {
    fn default() -> Levels {
        Levels(LINTS.iter().map(|l| (l.code, l.default)).collect())
    }
}

impl Levels {
    pub fn get(&self, code: Code) -> Level {
        self.0.get(&code).copied().unwrap_or(code.default_level())
    }

    pub fn set(&mut self, code: Code, level: Level) {
        self.0.insert(code, level);
    }

    /// Whether a code's findings are wanted at all (not `allow`).
    pub fn enabled(&self, code: Code) -> bool {
        self.get(code) != Level::Allow
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_exactly_one_row_in_order() {
        for (i, lint) in LINTS.iter().enumerate() {
            assert_eq!(lint.code as usize, i, "{} is out of order", lint.name);
            assert_eq!(lint.code.lint(), lint);
        }
        let mut names: Vec<&str> = LINTS.iter().map(|l| l.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LINTS.len(), "two rows share a name");
        assert_eq!(Code::ALL.len(), LINTS.len());
    }

    #[test]
    fn codes_round_trip() {
        for c in Code::ALL {
            assert_eq!(c.as_str().parse::<Code>().unwrap(), c);
        }
        let err = "deprecated".parse::<Code>().unwrap_err().to_string();
        assert!(err.contains("deprecated-form"), "{err}");
    }

    #[test]
    fn summaries_are_one_sentence() {
        for l in &LINTS {
            assert!(
                l.summary.ends_with('.') && !l.summary.contains('\n'),
                "{}",
                l.name
            );
            assert!(l.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }
}
