//! Validation of a parsed glossary: what TOML's types cannot say.
//!
//! - every concept id is lowercase ASCII letters, digits and `-`;
//! - the English rendering (of a concept or a form) is not empty;
//! - a concept has at least one form (in any language);
//! - no two concepts claim the same form in the same language after folding
//!   (`Politbüro` and `Politburo` are the same form), and no concept lists a form twice;
//! - a form can match: it is not empty after folding, it starts and ends with a letter or
//!   digit, it is at least [`MIN_FORM_LEN`] long, and a form that may stand inside closed
//!   compounds is at least [`MIN_COMPOUND_FORM_LEN`] long (`Rat` inside `Beratung`, `NEP`
//!   inside `Neptun`);
//! - endings are letters only.

use std::collections::HashMap;
use std::fmt;

use super::{Concept, Glossary, Location};
use crate::fold::fold_str;
use crate::lang::Lang;

/// The shortest form (in folded bytes) that can match at all.
pub const MIN_FORM_LEN: usize = 2;

/// The shortest form (in folded bytes) that may match inside a closed compound.
pub const MIN_COMPOUND_FORM_LEN: usize = 4;

/// A problem in a glossary, at a place in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// What is wrong, for callers that treat problems differently (the message says it to a
/// person).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A concept id that is not lowercase ASCII letters, digits and `-`.
    BadId,
    /// An empty English rendering (of a concept or a form) or alternative.
    EmptyRendering,
    /// A concept without forms.
    NoForms,
    /// A forbidden rendering that is also the rendering or an alternative.
    ForbiddenRendering,
    /// An ending that is not letters only.
    BadEnding,
    /// A form that can never match.
    Unmatchable,
    /// A form listed twice for one concept.
    DuplicateForm,
    /// A form claimed by two concepts (in one file or across the files of a project).
    ClaimedByBoth,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

pub(super) fn problems(g: &Glossary) -> Vec<Problem> {
    let mut out = Vec::new();
    let at = |loc: Option<Location>, (kind, message): (ProblemKind, String)| {
        let loc = loc.unwrap_or(Location { line: 1, column: 1 });
        Problem {
            kind,
            path: g.path.clone(),
            line: loc.line,
            column: loc.column,
            message,
        }
    };
    // (lang, folded form) -> (concept id, location)
    let mut claimed: HashMap<(Lang, String), (&str, Option<Location>)> = HashMap::new();
    for c in &g.concepts {
        out.extend(concept_problems(c).into_iter().map(|m| at(c.location, m)));
        for f in &c.other_forms {
            if f.text.trim().is_empty() {
                out.push(at(
                    f.location,
                    (
                        ProblemKind::Unmatchable,
                        format!("a `{}` form of `{}` is empty", f.lang, c.id),
                    ),
                ));
            }
        }
        for f in &c.forms {
            let folded = fold_str(&f.text);
            let here = |kind: ProblemKind, m: String| at(f.location, (kind, m));
            if let Some(e) = &f.english
                && e.trim().is_empty()
            {
                out.push(here(ProblemKind::EmptyRendering, format!(
                        "form `{}` of `{}` has an empty English rendering; hint: remove `english` to use the concept's",
                        f.text, c.id
                    )));
            }
            for ending in &f.endings {
                if ending.is_empty() || !ending.chars().all(|ch| ch.is_alphabetic() || ch == '\'') {
                    out.push(here(ProblemKind::BadEnding, format!(
                        "form `{}` of `{}` has ending `{ending}`; hint: endings are letters only, without `-`",
                        f.text, c.id
                    )));
                }
            }
            if let Some(m) = unmatchable(
                &f.text,
                &folded,
                f.compound_in(c).modifier() || f.compound_in(c).head(),
            ) {
                out.push(here(
                    ProblemKind::Unmatchable,
                    format!("form `{}` of `{}` can never match: {m}", f.text, c.id),
                ));
                continue;
            }
            match claimed.get(&(f.lang, folded.clone())) {
                Some((other, loc)) => {
                    let line = loc.map_or(String::new(), |l| format!(" (line {})", l.line));
                    let message = if *other == c.id {
                        (
                            ProblemKind::DuplicateForm,
                            format!(
                                "form `{}` is listed twice for `{}` in `{}`{line}",
                                f.text, c.id, f.lang
                            ),
                        )
                    } else {
                        (
                            ProblemKind::ClaimedByBoth,
                            format!(
                                "form `{}` ({}) is claimed by both `{other}`{line} and `{}`; hint: a form belongs to one concept, spelling variants fold together",
                                f.text, f.lang, c.id
                            ),
                        )
                    };
                    out.push(at(f.location, message));
                }
                None => {
                    claimed.insert((f.lang, folded), (c.id.as_str(), f.location));
                }
            }
        }
    }
    out.sort_by_key(|p| (p.line, p.column));
    out
}

fn concept_problems(c: &Concept) -> Vec<(ProblemKind, String)> {
    let mut out = Vec::new();
    let id_ok = !c.id.is_empty()
        && c.id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        && !c.id.starts_with('-')
        && !c.id.ends_with('-');
    if !id_ok {
        out.push((ProblemKind::BadId, format!(
            "concept id `{}` is not a stable id; hint: use lowercase ASCII letters, digits and `-` (`soviet-union`)",
            c.id
        )));
    }
    if c.english.trim().is_empty() {
        out.push((
            ProblemKind::EmptyRendering,
            format!("concept `{}` has an empty English rendering", c.id),
        ));
    }
    if c.forms.is_empty() && c.other_forms.is_empty() {
        out.push((
            ProblemKind::NoForms,
            format!(
                "concept `{}` has no forms; hint: add `de = [{{ form = \"...\" }}]`",
                c.id
            ),
        ));
    }
    for alt in &c.alternatives {
        if alt.trim().is_empty() {
            out.push((
                ProblemKind::EmptyRendering,
                format!("concept `{}` has an empty alternative rendering", c.id),
            ));
        }
    }
    for bad in &c.forbidden {
        if bad == &c.english || c.alternatives.contains(bad) {
            out.push((
                ProblemKind::ForbiddenRendering,
                format!(
                    "concept `{}` forbids `{bad}`, which is also its rendering or an alternative",
                    c.id
                ),
            ));
        }
    }
    out
}

/// Why a form can never match, if it cannot.
pub(crate) fn unmatchable(form: &str, folded: &str, compound: bool) -> Option<String> {
    let trimmed = folded.trim();
    if trimmed.is_empty() {
        return Some("it has no letters or digits".to_string());
    }
    if trimmed.len() != folded.len() || folded.starts_with('\'') || folded.ends_with('\'') {
        return Some(format!(
            "it starts or ends with something other than a letter or digit (`{form}`)"
        ));
    }
    let len = folded.chars().count();
    if len < MIN_FORM_LEN {
        return Some(format!("it is shorter than {MIN_FORM_LEN} letters"));
    }
    if compound && len < MIN_COMPOUND_FORM_LEN {
        return Some(format!(
            "it is too short ({len} letters) to be found inside compounds (at least {MIN_COMPOUND_FORM_LEN}); hint: set `compound = \"none\"`: hyphenated compounds such as `{form}-Politik` still match"
        ));
    }
    None
}
