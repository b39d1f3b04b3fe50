//! Line classes: body, footnote entry, page furniture.
//!
//! A footnote block is recognised by its shape and by the document's own numbering:
//!
//! - a separator line (a long run of spaces or rules) opens one;
//! - otherwise a line `N text` (or `N` alone) after a blank line starts an entry when `N`
//!   continues the document's footnote numbering (the next number, or a number that was
//!   seen glued to a word of the body before, like `geradlinig.357`);
//! - the block goes on over the entry's lines and further entries, and ends at a page
//!   number, at an indented line (a page's first line in these extractions) that does not
//!   follow a lone footnote number, or after a blank line at a line that starts no entry.
//!
//! Page numbers (a number alone on a line outside a footnote's numbering), separator lines
//! and running heads (short lines repeated three times or more) are furniture.

use std::collections::{HashMap, HashSet};

use super::layout::{Layout, Line};
use super::marks::{ends_sentence, glued_refs, leading_number};
use super::{Region, RegionKind};
use crate::span::Span;

/// The class of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    Blank,
    Body,
    /// The first line of footnote entry `n`, starting with its number.
    FootnoteStart(u32),
    /// A footnote number alone on its line; the entry's text follows.
    FootnoteMarker(u32),
    /// A further line of the current footnote entry.
    FootnoteText,
    Furniture,
}

fn is_separator(line: &Line<'_>) -> bool {
    let t = line.trimmed();
    if t.is_empty() {
        return line.text.chars().count() >= 10;
    }
    t.chars().count() >= 5 && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '–' | '─'))
}

fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
    (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        || (!t.is_empty() && t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
}

/// Classifies every line of the document.
pub(super) fn classify(_text: &str, lines: &[Line<'_>], page: &Layout<'_>) -> Vec<Class> {
    let n = lines.len();
    let mut class = vec![Class::Body; n];
    let mut separator = vec![false; n];
    for (i, l) in lines.iter().enumerate() {
        if is_separator(l) {
            class[i] = Class::Furniture;
            separator[i] = true;
        } else if l.is_blank() {
            class[i] = Class::Blank;
        }
    }
    mark_running_heads(lines, page, &mut class);

    let mut refs_seen: HashSet<u32> = HashSet::new();
    let mut last_fn = 0u32;
    let mut in_fn = false;
    let mut after_marker = false;
    let mut sep_pending = false;
    let mut blank_since = 0usize;
    let mut prev_fn_open = false;
    let mut prev_fn_short = false;
    for i in 0..n {
        match class[i] {
            Class::Blank => {
                blank_since += 1;
                continue;
            }
            Class::Furniture => {
                if separator[i] {
                    sep_pending = true;
                    in_fn = false;
                }
                blank_since = 0;
                continue;
            }
            _ => {}
        }
        let l = &lines[i];
        let t = l.trimmed();
        let plausible = |k: u32| k > last_fn && (k <= last_fn + 3 || refs_seen.contains(&k));
        let isolated_before = blank_since > 0 || i == 0 || separator[i - 1];
        if is_page_number(t) {
            let next_blank_or_end = lines
                .get(i + 1)
                .is_none_or(|nl| nl.is_blank() || nl.is_indented());
            let number = leading_number(t).map(|(k, _, _)| k);
            if (sep_pending || (in_fn && number.is_some_and(plausible)))
                && number.is_some()
                && !is_roman(t)
            {
                let k = number.unwrap_or(0);
                class[i] = Class::FootnoteMarker(k);
                last_fn = k;
                in_fn = true;
                after_marker = true;
                sep_pending = false;
                blank_since = 0;
                continue;
            }
            if isolated_before && next_blank_or_end {
                class[i] = Class::Furniture;
                in_fn = false;
                sep_pending = false;
                blank_since = 0;
                continue;
            }
        }
        if let Some((k, _, true)) = leading_number(l.text) {
            // A number set off by a typographic space (en, em, thin space or a tab) is a
            // footnote mark even where no blank line comes before it.
            let typeset = l
                .text
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['\u{2002}', '\u{2003}', '\u{2009}', '\t']);
            if sep_pending || ((isolated_before || in_fn || typeset) && plausible(k)) {
                class[i] = Class::FootnoteStart(k);
                last_fn = k;
                in_fn = true;
                after_marker = false;
                sep_pending = false;
                prev_fn_open = !ends_sentence(l.text);
                prev_fn_short = page.is_short(l);
                blank_since = 0;
                continue;
            }
        }
        if in_fn {
            let continues = if after_marker {
                true
            } else if l.is_indented() {
                false
            } else {
                // Single-spaced lines continue the entry; after a blank line, so does a
                // line that completes an unfinished one (a hyphen, no sentence end yet).
                blank_since == 0
                    || prev_fn_open
                    || l.first_char().is_some_and(char::is_lowercase)
                    // Footnotes set in a narrow column go on in it.
                    || (prev_fn_short && page.is_short(l))
            };
            if continues {
                class[i] = Class::FootnoteText;
                after_marker = false;
                prev_fn_open = !ends_sentence(l.text);
                prev_fn_short = page.is_short(l);
                blank_since = 0;
                continue;
            }
            in_fn = false;
        }
        sep_pending = false;
        after_marker = false;
        class[i] = Class::Body;
        for (_, _, k) in glued_refs(l.text) {
            refs_seen.insert(k);
        }
        blank_since = 0;
    }
    class
}

fn is_roman(t: &str) -> bool {
    t.trim().chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// Short lines that repeat three times or more (digits ignored) are running heads.
fn mark_running_heads(lines: &[Line<'_>], page: &Layout<'_>, class: &mut [Class]) {
    let key = |l: &Line<'_>| -> Option<String> {
        let t = l.trimmed();
        if t.is_empty() || !page.is_short(l) || !t.chars().any(char::is_alphabetic) {
            return None;
        }
        Some(
            t.chars()
                .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect(),
        )
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in lines {
        if let Some(k) = key(l) {
            *counts.entry(k).or_default() += 1;
        }
    }
    if counts.values().all(|&c| c < 3) {
        return;
    }
    for (i, l) in lines.iter().enumerate() {
        if class[i] == Class::Body
            && key(l).is_some_and(|k| counts[&k] >= 3 && k.chars().count() >= 4)
        {
            class[i] = Class::Furniture;
        }
    }
}

/// Partitions the text into regions by line class. A blank line belongs to the region of
/// the line before it when that is a footnote, otherwise to the body.
pub(super) fn regions(text: &str, lines: &[Line<'_>], class: &[Class]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut prev_kind = RegionKind::Body;
    for (i, l) in lines.iter().enumerate() {
        let kind = match class[i] {
            Class::Body => RegionKind::Body,
            Class::Furniture => RegionKind::Furniture,
            Class::Blank => {
                if prev_kind == RegionKind::Footnote {
                    RegionKind::Footnote
                } else {
                    RegionKind::Body
                }
            }
            _ => RegionKind::Footnote,
        };
        if class[i] != Class::Blank {
            prev_kind = kind;
        }
        // The line and its LF.
        let end = (l.end + 1).min(text.len());
        match out.last_mut() {
            Some(r) if r.kind == kind => r.span.end = end,
            _ => out.push(Region {
                kind,
                span: Span::new(l.start, end),
            }),
        }
    }
    if let Some(last) = out.last_mut() {
        last.span.end = text.len();
    } else if !text.is_empty() {
        out.push(Region {
            kind: RegionKind::Body,
            span: Span::new(0, text.len()),
        });
    }
    out
}
