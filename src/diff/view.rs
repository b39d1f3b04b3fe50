//! One alignment file as a reviewer reads it, for git's textconv driver
//! (`glossa diff --textconv`): a block per unit of review (a bead with a translation, a
//! sentence without), blank lines between them.
//!
//! ```text
//! 7:42  bead 0.768 ok
//!   de  Die Kolchosbauern verloren ihr Vieh, ihre Geräte und oft auch ihr Saatgut.
//!   en  The Kolchos peasants lost their livestock, their tools and often their seed grain.
//!   kolkhoz  Kolchosbauern -> kolkhoz peasant  (inflected, body)  forbidden: Kolchos
//! ```
//!
//! The first line is where the unit's first sentence with terms stands (`-` for a bead
//! without terms) and, in a bead, its score and review flag. Then the source text, the
//! translation, and a line per term: concept, surface, English rendering, tier, place and,
//! with a translation, what the translation did (`expected`, `admitted`, `forbidden` with
//! the words found, or `missing`). Term positions are left out on purpose: editing a word
//! moves every later term of its line, and the view should then change in one place.

use std::collections::HashMap;
use std::fmt::Write;

use super::units::{Unit, units};
use crate::alignment_file::{AlignmentFile, TranslationRecord};

/// The review view of one file.
pub fn render(file: &AlignmentFile) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "source {}", file.source);
    let _ = writeln!(out, "glossary {}", file.glossary);
    if let Some((lang, path)) = &file.target {
        let _ = writeln!(out, "target {lang} {path}");
    }
    for u in units(file) {
        out.push('\n');
        unit(&mut out, &u);
    }
    out
}

fn unit(out: &mut String, u: &Unit) {
    let place = u
        .sentences
        .first()
        .map_or("-".to_string(), |s| format!("{}:{}", s.line, s.column));
    let lang = u.lang();
    match &u.pair {
        Some(p) => {
            let flag = if p.review { "review" } else { "ok" };
            let _ = writeln!(out, "{place}  bead {} {flag}", p.score);
        }
        None => {
            let kind = u.sentences.first().map_or("sentence", |s| s.kind.as_str());
            let _ = writeln!(out, "{place}  {kind}");
        }
    }
    if !u.text().is_empty() {
        let _ = writeln!(out, "  {lang}  {}", one_line(&u.text()));
    }
    if let Some(p) = &u.pair
        && !p.target_text.is_empty()
    {
        let _ = writeln!(out, "  en  {}", one_line(&p.target_text));
    }
    // What the translation did with each term: the X records in order per (surface, concept).
    let mut checks: HashMap<(&str, &str), Vec<&TranslationRecord>> = HashMap::new();
    for x in u.translations.iter().rev() {
        checks
            .entry((x.surface.as_str(), x.concept.as_str()))
            .or_default()
            .push(x);
    }
    for t in &u.terms {
        let place = if t.in_footnote { "footnote" } else { "body" };
        let _ = write!(
            out,
            "  {}  {} -> {}  ({}, {place})",
            t.concept, t.surface, t.english, t.tier
        );
        if let Some(x) = checks
            .get_mut(&(t.surface.as_str(), t.concept.as_str()))
            .and_then(Vec::pop)
        {
            let _ = write!(out, "  {}", status(x));
        }
        out.push('\n');
    }
}

fn status(x: &TranslationRecord) -> String {
    if x.found.is_empty() {
        x.rendering.as_str().to_string()
    } else {
        format!("{}: {}", x.rendering.as_str(), x.found)
    }
}

/// Text on one line: a line break inside a sentence shown as a space.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}
