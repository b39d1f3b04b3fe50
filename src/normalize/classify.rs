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
//! and running heads are furniture. A running head is a short line (digits aside) that
//! repeats at page-like intervals, at least [`MIN_PAGE_LINES`] lines apart every time, and
//! looks like one: set apart by a blank line, the start or end of the text or other
//! furniture, and not ending like a sentence or a clause (`.` `,` `;` `:` …). Short lines repeated close
//! together (a table's header words, a refrain) are body text.

use std::collections::HashSet;

use super::layout::{ByteHasher, FastMap, Layout, Line};
use super::marks::{Glued, ends_sentence, leading_number};
use super::{Dropped, FurnitureKind, Region, RegionKind};
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
    Furniture(FurnitureKind),
}

fn is_separator(line: &Line<'_>) -> bool {
    let t = line.trimmed();
    if t.is_empty() {
        return line.text.chars().count() >= 10;
    }
    // Most lines fail at their first character: that is looked at before any counting.
    t.chars().all(|c| matches!(c, '_' | '-' | '—' | '–' | '─')) && t.chars().count() >= 5
}

/// Lines whose shapes are found as one task of the thread pool.
const SHAPE_LINES: usize = 4096;

fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
    (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        || (!t.is_empty() && t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
}

/// Classifies every line of the document: first by shape (blank lines, separators,
/// running heads), then by walking the lines in order to find the footnote blocks and
/// page numbers, which depend on the numbering seen so far.
pub(super) fn classify(lines: &[Line<'_>], page: &Layout<'_>, glued: &Glued) -> Vec<Class> {
    use rayon::prelude::*;
    // Shapes are line by line: a big document's in parallel runs of lines, in order.
    let separator: Vec<bool> = lines
        .par_iter()
        .with_min_len(SHAPE_LINES)
        .map(is_separator)
        .collect();
    let mut class: Vec<Class> = lines
        .par_iter()
        .zip(&separator)
        .with_min_len(SHAPE_LINES)
        .map(|(l, &separator)| {
            if separator {
                Class::Furniture(FurnitureKind::Separator)
            } else if l.is_blank() {
                Class::Blank
            } else {
                Class::Body
            }
        })
        .collect();
    mark_running_heads(lines, page, &mut class);
    let mut walk = FootnoteWalk::new(lines, page, &separator, glued);
    for (i, c) in class.iter_mut().enumerate() {
        *c = walk.step(i, *c);
    }
    class
}

/// The state of the walk over the lines that finds footnote blocks: where the footnote
/// numbering stands and what the lines before the current one were.
struct FootnoteWalk<'a> {
    lines: &'a [Line<'a>],
    page: &'a Layout<'a>,
    /// Per line: a footnote separator.
    separator: &'a [bool],
    /// The numbers glued to words, per line.
    glued: &'a Glued,
    /// Numbers seen glued to words of the body (`geradlinig.357`): footnotes to come.
    refs_seen: HashSet<u32>,
    /// The number of the last footnote entry.
    last_fn: u32,
    /// Inside a footnote block.
    in_fn: bool,
    /// The previous line was a footnote number alone.
    after_marker: bool,
    /// A separator line came, and no footnote entry after it yet.
    sep_pending: bool,
    /// Blank lines since the last other line.
    blank_since: usize,
    /// The footnote entry's last line ended without a sentence end.
    prev_fn_open: bool,
    /// The footnote entry's last line was short (a narrow column).
    prev_fn_short: bool,
}

impl<'a> FootnoteWalk<'a> {
    fn new(
        lines: &'a [Line<'a>],
        page: &'a Layout<'a>,
        separator: &'a [bool],
        glued: &'a Glued,
    ) -> Self {
        FootnoteWalk {
            lines,
            page,
            separator,
            glued,
            refs_seen: HashSet::new(),
            last_fn: 0,
            in_fn: false,
            after_marker: false,
            sep_pending: false,
            blank_since: 0,
            prev_fn_open: false,
            prev_fn_short: false,
        }
    }

    /// The final class of line `i`, whose class by shape is `shape`.
    fn step(&mut self, i: usize, shape: Class) -> Class {
        match shape {
            Class::Blank => {
                self.blank_since += 1;
                return shape;
            }
            Class::Furniture(_) => {
                if self.separator[i] {
                    self.sep_pending = true;
                    self.in_fn = false;
                }
                self.blank_since = 0;
                return shape;
            }
            _ => {}
        }
        let class = self
            .page_number(i)
            .or_else(|| self.footnote_start(i))
            .or_else(|| self.footnote_text(i))
            .unwrap_or_else(|| self.body(i));
        self.blank_since = 0;
        class
    }

    /// Whether `k` can be the next footnote's number: a little above the last one, or one
    /// seen glued to a word of the body.
    fn plausible(&self, k: u32) -> bool {
        k > self.last_fn && (k <= self.last_fn + 3 || self.refs_seen.contains(&k))
    }

    /// Whether line `i` stands after a blank line, a separator or at the start.
    fn isolated_before(&self, i: usize) -> bool {
        self.blank_since > 0 || i == 0 || self.separator[i - 1]
    }

    /// A number alone on line `i`: a footnote's number when a separator or the footnote
    /// numbering calls for one, else a page number when the line stands on its own.
    fn page_number(&mut self, i: usize) -> Option<Class> {
        let t = self.lines[i].trimmed();
        if !is_page_number(t) {
            return None;
        }
        let number = leading_number(t).map(|(k, _, _)| k);
        if let Some(k) = number
            .filter(|&k| (self.sep_pending || (self.in_fn && self.plausible(k))) && !is_roman(t))
        {
            self.last_fn = k;
            self.in_fn = true;
            self.after_marker = true;
            self.sep_pending = false;
            return Some(Class::FootnoteMarker(k));
        }
        let next_blank_or_end = self
            .lines
            .get(i + 1)
            .is_none_or(|nl| nl.is_blank() || nl.is_indented());
        if self.isolated_before(i) && next_blank_or_end {
            self.in_fn = false;
            self.sep_pending = false;
            return Some(Class::Furniture(FurnitureKind::PageNumber));
        }
        None
    }

    /// Line `i` as the first line of a footnote entry, `N text`, if its number continues
    /// the numbering where an entry can start.
    fn footnote_start(&mut self, i: usize) -> Option<Class> {
        let l = &self.lines[i];
        let Some((k, _, true)) = leading_number(l.text) else {
            return None;
        };
        // A number set off by a typographic space (en, em, thin space or a tab) is a
        // footnote mark even where no blank line comes before it.
        let typeset = l
            .text
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['\u{2002}', '\u{2003}', '\u{2009}', '\t']);
        let starts = self.sep_pending
            || ((self.isolated_before(i) || self.in_fn || typeset) && self.plausible(k));
        if !starts {
            return None;
        }
        self.last_fn = k;
        self.in_fn = true;
        self.after_marker = false;
        self.sep_pending = false;
        self.prev_fn_open = !ends_sentence(l.text);
        self.prev_fn_short = self.page.is_short(l);
        Some(Class::FootnoteStart(k))
    }

    /// Line `i` as a further line of the current footnote entry, if it continues it;
    /// otherwise the footnote block ends here.
    fn footnote_text(&mut self, i: usize) -> Option<Class> {
        if !self.in_fn {
            return None;
        }
        let l = &self.lines[i];
        let continues = if self.after_marker {
            true
        } else if l.is_indented() {
            false
        } else {
            // Single-spaced lines continue the entry; after a blank line, so does a
            // line that completes an unfinished one (a hyphen, no sentence end yet).
            self.blank_since == 0
                || self.prev_fn_open
                || l.first_char().is_some_and(char::is_lowercase)
                // Footnotes set in a narrow column go on in it.
                || (self.prev_fn_short && self.page.is_short(l))
        };
        if !continues {
            self.in_fn = false;
            return None;
        }
        self.after_marker = false;
        self.prev_fn_open = !ends_sentence(l.text);
        self.prev_fn_short = self.page.is_short(l);
        Some(Class::FootnoteText)
    }

    /// Line `i` as body text; the footnote numbers glued to its words are noted.
    fn body(&mut self, i: usize) -> Class {
        self.sep_pending = false;
        self.after_marker = false;
        for g in self.glued.of_line(i) {
            self.refs_seen.insert(g.number);
        }
        Class::Body
    }
}

fn is_roman(t: &str) -> bool {
    t.trim().chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// The fewest lines (blank ones not counted) between two appearances of a running head:
/// about half a page, so that a head on every page, or on every other, qualifies.
pub(super) const MIN_PAGE_LINES: usize = 15;

/// Lines whose running-head keys are made as one task of the thread pool.
const HEAD_KEY_LINES: usize = 4096;

/// The key under which a line is compared with the others as a possible running head:
/// a hash of its characters (digits and white space left out) lowercased, and how many
/// lowercased characters that is; `None` for a line that cannot be one (blank, a full
/// line, no letter). Made without allocating: most lines are looked at only to say no.
fn head_key(l: &Line<'_>, page: &Layout<'_>) -> Option<(u64, usize)> {
    let t = l.trimmed();
    if t.is_empty() || !page.is_short(l) || !t.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut hash = ByteHasher::default();
    let mut chars = 0;
    let mut buf = [0u8; 4];
    for c in t.chars() {
        if c.is_ascii_digit() || c.is_whitespace() {
            continue;
        }
        for lower in c.to_lowercase() {
            lower
                .encode_utf8(&mut buf)
                .bytes()
                .for_each(|b| hash.push(b));
            chars += 1;
        }
    }
    Some((hash.finish(), chars))
}

/// Marks the running heads (see the module documentation) as furniture.
fn mark_running_heads(lines: &[Line<'_>], page: &Layout<'_>, class: &mut [Class]) {
    use rayon::prelude::*;
    // The keys of a big document's lines are made in parallel, in order; two different
    // lines sharing a 64-bit hash would at worst make one running head wrong.
    let keys: Vec<(usize, (u64, usize))> = lines
        .par_iter()
        .with_min_len(HEAD_KEY_LINES)
        .enumerate()
        .filter_map(|(i, l)| head_key(l, page).map(|k| (i, k)))
        .collect();
    let mut places: FastMap<u64, (usize, Vec<usize>)> = FastMap::default();
    for (i, (k, chars)) in keys {
        places
            .entry(k)
            .or_insert_with(|| (chars, Vec::new()))
            .1
            .push(i);
    }
    // The number of non-blank lines before each line, to measure intervals in lines of text.
    let mut filled = Vec::with_capacity(lines.len() + 1);
    filled.push(0usize);
    for l in lines {
        filled.push(filled.last().copied().unwrap_or(0) + usize::from(!l.is_blank()));
    }
    // Top down, by first appearance: marking a head lets the one below it stand apart
    // (see `looks_like_head`), so the order decides, and the hash map's order changes
    // from run to run.
    let mut places: Vec<(usize, Vec<usize>)> = places.into_values().collect();
    places.sort_unstable_by_key(|(_, at)| at[0]);
    for (chars, at) in &places {
        if at.len() < 3 || *chars < 4 {
            continue;
        }
        let page_like = at
            .windows(2)
            .all(|w| filled[w[1]] - filled[w[0]] > MIN_PAGE_LINES);
        if !page_like {
            continue;
        }
        for &i in at {
            if class[i] == Class::Body && looks_like_head(lines, class, i) {
                class[i] = Class::Furniture(FurnitureKind::RunningHead);
            }
        }
    }
}

/// Whether line `i` stands apart as a running head does: a blank line, the start or end of
/// the text, furniture or a page number on one side, and no sentence or clause ending.
fn looks_like_head(lines: &[Line<'_>], class: &[Class], i: usize) -> bool {
    let apart = |j: Option<usize>| {
        j.and_then(|j| lines.get(j).map(|l| (j, l)))
            .is_none_or(|(j, l)| {
                l.is_blank()
                    || matches!(class[j], Class::Furniture(_))
                    || is_page_number(l.trimmed())
            })
    };
    let t = lines[i].trimmed();
    !t.ends_with([',', ';', ':', '-'])
        && !ends_sentence(t)
        && (apart(i.checked_sub(1)) || apart(Some(i + 1)))
}

/// The furniture lines that hold text (page numbers, running heads; separator rules are
/// left out, having none), in order.
pub(super) fn dropped(lines: &[Line<'_>], class: &[Class]) -> Vec<Dropped> {
    lines
        .iter()
        .zip(class)
        .filter_map(|(l, c)| match c {
            Class::Furniture(kind) if *kind != FurnitureKind::Separator => {
                let lead = l.text.len() - l.text.trim_start().len();
                let text = l.text.trim();
                Some(Dropped {
                    kind: *kind,
                    span: Span::new(l.start + lead, l.start + lead + text.len()),
                })
            }
            _ => None,
        })
        .collect()
}

/// Partitions the text into regions by line class. A blank line belongs to the region of
/// the line before it when that is a footnote, otherwise to the body.
pub(super) fn regions(text: &str, lines: &[Line<'_>], class: &[Class]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut prev_kind = RegionKind::Body;
    for (i, l) in lines.iter().enumerate() {
        let kind = match class[i] {
            Class::Body => RegionKind::Body,
            Class::Furniture(_) => RegionKind::Furniture,
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
        let end = (l.end() + 1).min(text.len());
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
