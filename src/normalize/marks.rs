//! Marks in a line's text that both classifying lines and joining them read: the footnote
//! number a line starts with, footnote reference numbers glued to words, and a sentence
//! end.
//!
//! `classify` uses them to recognise footnote entries (and the numbering they continue),
//! `join` to cut entries after their number, detach glued numbers and find paragraph
//! ends; keeping them here lets the dependency between those two go one way.

use super::layout::Line;

/// The footnote reference numbers glued to words ([`glued_refs`]) of every line of a
/// document, found once, in parallel runs of lines: classifying reads them for the
/// numbering to come, joining detaches them from the words.
pub(super) struct Glued(Vec<GluedRef>);

/// A number glued to a word: its line, its byte range in the line and its value.
#[derive(Clone, Copy, Debug)]
pub(super) struct GluedRef {
    line: usize,
    pub start: usize,
    pub end: usize,
    pub number: u32,
}

/// Lines searched as one task of the thread pool.
const GLUED_LINES: usize = 2048;

impl Glued {
    pub fn find(lines: &[Line<'_>]) -> Glued {
        use rayon::prelude::*;
        Glued(
            lines
                .par_iter()
                .with_min_len(GLUED_LINES)
                .enumerate()
                .flat_map_iter(|(line, l)| {
                    glued_refs(l.text)
                        .into_iter()
                        .map(move |(start, end, number)| GluedRef {
                            line,
                            start,
                            end,
                            number,
                        })
                })
                .collect(),
        )
    }

    /// The numbers glued to words of line `line`, in order.
    pub fn of_line(&self, line: usize) -> &[GluedRef] {
        let from = self.0.partition_point(|g| g.line < line);
        let to = from + self.0[from..].partition_point(|g| g.line == line);
        &self.0[from..to]
    }
}

/// The number a line starts with, and whether text follows it: `356  Siehe` or `27`.
pub(super) fn leading_number(line: &str) -> Option<(u32, usize, bool)> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || t.starts_with('0') {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    let rest = &t[digits..];
    if rest.trim().is_empty() {
        return Some((n, lead + digits, false));
    }
    let after = rest.trim_start();
    if after.len() == rest.len() {
        return None; // `1917er`, `3.`: not a footnote number
    }
    let first = after.chars().next()?;
    if first.is_lowercase() {
        return None;
    }
    Some((n, lead + digits, true))
}

/// Footnote reference numbers glued to a word or to punctuation after a word, as
/// `(start, end, number)` byte offsets into `line`: `Folgen1`, `geradlinig.357`,
/// `Zarenreich,360`, `Jahrhunderts«6`.
pub(super) fn glued_refs(line: &str) -> Vec<(usize, usize, u32)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    // Superscript digits are U+00B2, U+00B3, U+00B9 (C2 B2/B3/B9) and U+2070..U+2079
    // (E2 81 Bx): look for their bytes before decoding anything.
    if memchr::memchr3(0xB2, 0xB3, 0xB9, bytes).is_some()
        || memchr::memchr_iter(0xE2, bytes).any(|i| bytes.get(i + 1) == Some(&0x81))
    {
        superscript_refs(line, &mut out);
    }
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let e = i;
        if e - s > 3 || bytes[s] == b'0' || s == 0 {
            continue;
        }
        let after = line[e..].chars().next();
        let after_ok = match after {
            None => true,
            Some(c) if c.is_whitespace() => true,
            Some('.' | ',' | ';' | ':' | ')') => {
                !line[e + 1..].starts_with(|c: char| c.is_ascii_digit())
            }
            _ => false,
        };
        if !after_ok {
            continue;
        }
        let mut before = line[..s].chars().rev();
        let Some(p) = before.next() else { continue };
        let ok = if p.is_alphabetic() {
            p.is_lowercase() && word_letters_before(&line[..s]) >= 2
        } else if matches!(
            p,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '»'
                | '«'
                | '"'
                | '“'
                | '”'
                | ')'
                | '’'
                | '\''
                | ']'
                | '‹'
                | '›'
        ) {
            let rest = &line[..s - p.len_utf8()];
            let pp = rest.chars().next_back();
            match pp {
                Some(c) if c.is_alphabetic() => word_letters_before(rest) >= 2,
                // A year, then a stop and the number before a capital (`im Jahre 1953.369
                // Das`), or a date, then a comma and the number (`Am 22.2.1933,7 fünf
                // Tage`); a year and a comma alone are a decimal (`1930,5 Tonnen`).
                Some(c) if c.is_ascii_digit() => {
                    after.is_some_and(char::is_whitespace)
                        && ends_with_year(rest)
                        && match p {
                            '.' => line[e..].trim_start().starts_with(char::is_uppercase),
                            ',' => rest[..rest.len() - 4].ends_with('.'),
                            _ => false,
                        }
                }
                Some(c) => matches!(
                    c,
                    '»' | '«' | '"' | '“' | '”' | ')' | '’' | ']' | '.' | '‹' | '›'
                ),
                None => false,
            }
        } else {
            false
        };
        if ok && let Ok(k) = line[s..e].parse() {
            out.push((s, e, k));
        }
    }
    out.sort_unstable();
    out
}

/// The value of a superscript digit (`¹`, `²`, `³`, `⁰`, `⁴`…`⁹`).
fn superscript(c: char) -> Option<u32> {
    match c {
        '\u{2070}' => Some(0),
        '\u{00B9}' => Some(1),
        '\u{00B2}' => Some(2),
        '\u{00B3}' => Some(3),
        '\u{2074}'..='\u{2079}' => Some(c as u32 - 0x2070),
        _ => None,
    }
}

/// Footnote numbers set in superscript digits after a word or punctuation (`Gulag.¹`):
/// unambiguous wherever they stand.
fn superscript_refs(line: &str, out: &mut Vec<(usize, usize, u32)>) {
    let mut iter = line.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((s, c)) = iter.next() {
        if superscript(c).is_none() || prev.is_none_or(char::is_whitespace) {
            prev = Some(c);
            continue;
        }
        let mut n = superscript(c).unwrap_or(0);
        let mut e = s + c.len_utf8();
        while let Some(&(i, d)) = iter.peek() {
            let Some(v) = superscript(d) else { break };
            n = n * 10 + v;
            e = i + d.len_utf8();
            iter.next();
        }
        if n > 0 {
            out.push((s, e, n));
        }
        prev = line[..e].chars().next_back();
    }
}

/// Whether `s` ends with a year of four digits (1500 to 2099) that is not part of a longer
/// number.
fn ends_with_year(s: &str) -> bool {
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return false;
    }
    let year: u32 = s[s.len() - 4..].parse().unwrap_or(0);
    (1500..2100).contains(&year)
        && !s[..s.len() - 4].ends_with(|c: char| c == ',' || c.is_ascii_digit())
}

fn word_letters_before(s: &str) -> usize {
    s.chars().rev().take_while(|c| c.is_alphabetic()).count()
}

/// Whether a line ends a sentence: `.`, `?`, `!`, `…` possibly followed by closing
/// quotes, brackets, a glued footnote number or a citation mark (`[3]`).
pub(super) fn ends_sentence(line: &str) -> bool {
    // Glued footnote numbers, closing quotes and brackets, citation marks (`[3]`).
    let t = line.trim_end().trim_end_matches(|c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '»' | '«' | '"' | '“' | '”' | '’' | '\'' | ')' | ']' | '[' | '›' | '‹'
            )
    });
    t.ends_with(['.', '?', '!', '…'])
}
