//! Joining lines into blocks: paragraphs, headings and footnote entries.
//!
//! Between two body lines A and B (with blank lines, footnotes or furniture possibly in
//! between) there is one of these:
//!
//! - a line-break hyphen (`Be-` / `satzungsmacht`): removed, unless B starts with a capital
//!   (`SPD-` / `Führung`), A's fragment is an acronym or a number, the document spells the
//!   joined word with a hyphen elsewhere, or B starts with a conjunction (`Staats- und`);
//! - a paragraph break: a blank line (two in a double-spaced text) not inside a sentence,
//!   a short line that ends a sentence, or a short line without an end that is followed by
//!   a capital (a heading, a byline);
//! - a lost hyphen (`welthisto` / `rische`): the two fragments are joined when the
//!   document's evidence says so: the joined word occurs in the middle of a line elsewhere
//!   and a fragment does not, or neither fragment occurs and A lacks the trailing space
//!   that the document's lines normally end with;
//! - otherwise an ordinary line break, which becomes a space.

use unicode_normalization::UnicodeNormalization;

use super::classify::Class;
use super::layout::{Layout, Line};
use super::marks::{Glued, GluedRef, ends_sentence, leading_number};
use super::{Block, BlockKind, FootnoteRef, MappedText};
use crate::lang::{ByLang, FunctionWords, Lang};
use crate::span::Span;

/// Words that may follow a suspended hyphen (`Staats- und Revolutionstheorie`).
const SUSPENSION_WORDS: &[&str] = &[
    "und", "oder", "bzw", "sowie", "wie", "als", "noch", "bis", "en", "of", "tot", "and", "or",
];

fn starts_upper(line: &str) -> bool {
    line.trim_start()
        .trim_start_matches(['»', '«', '"', '„', '“', '(', '[', '‹', '›', '\''])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a line starts with a list marker: a dash or bullet, then a space.
fn list_item(line: &str) -> bool {
    let t = line.trim_start();
    let mut chars = t.chars();
    matches!(
        chars.next(),
        Some('-' | '–' | '—' | '•' | '◦' | '▪' | '●' | '■' | '‣' | '∙' | '*')
    ) && chars.next().is_some_and(char::is_whitespace)
}

fn starts_lower(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Ends with a hyphen glued to a letter or digit: a line-break hyphen.
fn hyphen_end(line: &str) -> bool {
    let t = line.trim_end();
    let mut rev = t.chars().rev();
    matches!(rev.next(), Some('-' | '\u{00AD}')) && rev.next().is_some_and(char::is_alphanumeric)
}

fn last_word(line: &str) -> &str {
    let t = line.trim_end().trim_end_matches(['-', '\u{00AD}']);
    let start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(t.len(), |(i, _)| i);
    &t[start..]
}

fn first_word(line: &str) -> &str {
    let t = line.trim_start();
    let end = t
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(t.len(), |(i, _)| i);
    &t[..end]
}

/// How two consecutive body lines are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joint {
    /// Start a new block.
    Break,
    /// A space.
    Space,
    /// Nothing: a lost hyphen.
    Glue,
    /// Drop the line-break hyphen.
    Dehyphenate,
    /// Keep the hyphen, no space (`SPD-Führung`).
    KeepHyphen,
    /// Keep the hyphen and add a space (`Staats- und`).
    Suspended,
}

struct Joiner<'a> {
    page: &'a Layout<'a>,
}

impl Joiner<'_> {
    fn hyphen_joint(&self, a: &str, b: &str) -> Joint {
        let x = last_word(a);
        let y = first_word(b);
        if y.is_empty() {
            return Joint::KeepHyphen;
        }
        if SUSPENSION_WORDS.contains(&y) {
            return Joint::Suspended;
        }
        let x_acronym = x.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && x.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if y.starts_with(char::is_uppercase)
            || x.ends_with(|c: char| c.is_ascii_digit())
            || x_acronym
            || self.page.spells_hyphenated(x, y)
        {
            Joint::KeepHyphen
        } else {
            Joint::Dehyphenate
        }
    }

    fn lost_hyphen(&self, a: &Line<'_>, b: &Line<'_>) -> bool {
        if !a.last_char().is_some_and(char::is_alphabetic) || !starts_lower(b.text) {
            return false;
        }
        let x = last_word(a.text);
        let y = first_word(b.text);
        if x.is_empty() || y.is_empty() || !x.chars().all(char::is_alphabetic) {
            return false;
        }
        // Where lines normally end with a space, one that does marks a word boundary.
        if self.page.trailing_space_convention && a.has_trailing_space() {
            return false;
        }
        let signal = self.page.trailing_space_convention;
        let joined_known = self.page.knows(&format!("{x}{y}"));
        let x_known = self.page.knows(x);
        let y_known = self.page.knows(y);
        (joined_known && (!x_known || !y_known || signal)) || (!x_known && !y_known && signal)
    }

    /// The joint between body lines `a` and `b` with `gap` blank lines between them
    /// (`interrupted`: footnotes or furniture too), as `(joint, joint_if_first)`: the
    /// second where `a` is the first line of its block, which only the block's planning
    /// knows. Decided for every pair of lines in parallel before the planning.
    fn joint(&self, a: &Line<'_>, b: &Line<'_>, gap: usize, interrupted: bool) -> (Joint, Joint) {
        let (ca, cb) = (a.caps, b.caps);
        let same = |j: Joint| (j, j);
        if ca || cb {
            return same(if ca && cb && gap == 0 {
                if hyphen_end(a.text) {
                    Joint::KeepHyphen
                } else {
                    Joint::Space
                }
            } else {
                Joint::Break
            });
        }
        if hyphen_end(a.text) {
            return same(self.hyphen_joint(a.text, b.text));
        }
        let a_end = ends_sentence(a.text);
        // A list item (`- Conquest, Robert: …`, `• …`) starts a block after another item,
        // a finished sentence, a colon or a short line (the list's heading).
        if list_item(b.text)
            && (list_item(a.text)
                || a_end
                || a.text.trim_end().ends_with(':')
                || self.page.is_short(a))
        {
            return same(Joint::Break);
        }
        let blank_break = if self.page.double_spaced {
            gap >= 2
        } else {
            gap >= 1
        };
        // Whether the paragraph ends, and whether it ends if `a` is its first line.
        let (brk, brk_if_first) = if interrupted {
            // A footnote block or page furniture came between: the blank lines around it
            // are layout, so only a finished sentence ends the paragraph.
            same_bool(a_end && starts_upper(b.text))
        } else if blank_break {
            same_bool(a_end || !(starts_lower(b.text) || self.page.is_full(a)))
        } else if self.page.is_short(a) {
            same_bool(a_end || starts_upper(b.text))
        } else {
            (
                false,
                !a_end && starts_upper(b.text) && a.width() * 10 < self.page.width * 8,
            )
        };
        let go_on = || {
            if self.lost_hyphen(a, b) {
                Joint::Glue
            } else {
                Joint::Space
            }
        };
        match (brk, brk_if_first) {
            (true, true) => same(Joint::Break),
            (false, false) => same(go_on()),
            (true, false) => (Joint::Break, go_on()),
            (false, true) => (go_on(), Joint::Break),
        }
    }
}

fn same_bool(b: bool) -> (bool, bool) {
    (b, b)
}

/// Appends the content of a line (from byte `from` of the line on) to `out`: whitespace
/// runs become one space, soft hyphens go, glued footnote numbers are detached into
/// `refs`, and text that is not in NFC is composed. Returns whether the words of the
/// content changed (a number detached, a soft hyphen dropped, a character composed):
/// otherwise they are the line's words, and so are its function words.
fn append_line(
    out: &mut MappedText,
    line: &Line<'_>,
    from: usize,
    glued: &[GluedRef],
    refs: &mut Vec<FootnoteRef>,
) -> bool {
    let mut changed = false;
    let text = line.text;
    let content_start = from + (text[from..].len() - text[from..].trim_start().len());
    let content_end = text.trim_end().len().max(content_start);
    let mut glued = glued
        .iter()
        .filter(|g| g.start >= content_start)
        .map(|g| (g.start, g.end, g.number))
        .peekable();
    let mut run = content_start;
    let mut i = content_start;
    // Most lines are already in NFC: check the whole line once. Characters below U+0300
    // (bytes below 0xCC) are all in NFC and combine with nothing: such a line, most of a
    // German or Dutch text, needs no look-up per character.
    let content = &text[content_start..content_end];
    let nfc = content.bytes().all(|b| b < 0xCC)
        || unicode_normalization::is_nfc_quick(content.chars())
            == unicode_normalization::IsNormalized::Yes;
    let flush = |out: &mut MappedText, from: usize, to: usize, changed: &mut bool| {
        if from < to {
            let s = &text[from..to];
            if nfc
                || unicode_normalization::is_nfc_quick(s.chars())
                    == unicode_normalization::IsNormalized::Yes
            {
                out.push_copy(line.start + from, s);
            } else {
                let composed: String = s.nfc().collect();
                *changed |= composed != s;
                out.push_replacement(Span::new(line.start + from, line.start + to), &composed);
            }
        }
    };
    let bytes = text.as_bytes();
    while i < content_end {
        let b = bytes[i];
        if b.is_ascii_digit() || b >= 0xC2 {
            if let Some(&(s, e, k)) = glued.peek()
                && s == i
            {
                flush(out, run, i, &mut changed);
                changed = true;
                out.push_replacement(Span::new(line.start + s, line.start + e), "");
                refs.push(FootnoteRef {
                    number: k,
                    span: Span::new(line.start + s, line.start + e),
                });
                glued.next();
                i = e;
                run = e;
                continue;
            }
            if b.is_ascii_digit() {
                i += 1;
                continue;
            }
        }
        if b.is_ascii() && !b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // A single space before a character of ASCII that is not white space, the common
        // case, is copied with the run without decoding anything.
        if b == b' '
            && bytes
                .get(i + 1)
                .is_some_and(|&n| n.is_ascii() && !is_ascii_space(n))
        {
            i += 1;
            continue;
        }
        // Whitespace, or a character outside ASCII: decode it.
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            let ws_end = i + text[i..]
                .find(|ch: char| !ch.is_whitespace())
                .unwrap_or(text.len() - i);
            if c == ' ' && ws_end == i + 1 {
                i += 1;
                continue; // a single space is copied as part of the run
            }
            flush(out, run, i, &mut changed);
            out.push_replacement(Span::new(line.start + i, line.start + ws_end), " ");
            i = ws_end;
            run = i;
        } else if c == '\u{00AD}' {
            flush(out, run, i, &mut changed);
            changed = true;
            out.push_replacement(Span::new(line.start + i, line.start + i + len), "");
            i += len;
            run = i;
        } else {
            i += len;
        }
    }
    flush(out, run, content_end, &mut changed);
    changed
}

/// Whether an ASCII byte is white space as [`char::is_whitespace`] says (which, unlike
/// [`u8::is_ascii_whitespace`], counts the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Appends line `b` to a block whose last line is `a`, as the joint says. Returns where
/// `b`'s content starts in `out` and whether its words changed ([`append_line`]).
fn append_joint(
    out: &mut MappedText,
    a: &Line<'_>,
    b: &Line<'_>,
    joint: &Joint,
    glued: &[GluedRef],
    refs: &mut Vec<FootnoteRef>,
) -> (usize, bool) {
    let a_content_end = a.start + a.text.trim_end().len();
    match joint {
        Joint::Space => {
            out.trim_end_spaces();
            out.push_replacement(Span::new(a_content_end, a.end()), " ");
        }
        Joint::Glue => out.trim_end_spaces(),
        Joint::Dehyphenate => {
            out.trim_end_spaces();
            // The hyphen was appended with the line; replace it by nothing.
            if matches!(out.last_char(), Some('-' | '\u{00AD}')) {
                drop_last_char(out, a_content_end);
            }
        }
        Joint::KeepHyphen => out.trim_end_spaces(),
        Joint::Suspended => {
            out.trim_end_spaces();
            out.push_replacement(Span::new(a_content_end, a.end()), " ");
        }
        Joint::Break => unreachable!("a break starts a new block"),
    }
    let at = out.as_str().len();
    (at, append_line(out, b, 0, glued, refs))
}

/// Removes the last character (a hyphen ending at source offset `src_end`) from `out`,
/// recording that it was dropped.
fn drop_last_char(out: &mut MappedText, src_end: usize) {
    let c = out.last_char().unwrap_or('-');
    out.truncate(out.as_str().len() - c.len_utf8());
    out.push_replacement(Span::new(src_end - c.len_utf8(), src_end), "");
}

/// One step of building a block, decided in the first pass over the lines.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// Append line `line` from its byte `from` on, without a joint.
    Start { line: usize, from: usize },
    /// Append line `b` after line `a` (the block's last line so far), as the joint says.
    Join { a: usize, b: usize, joint: Joint },
}

/// A block as decided in the first pass: its steps (a range of the plan's steps), and
/// what is known of it before its text is built.
#[derive(Clone, Debug)]
struct Planned {
    steps: std::ops::Range<usize>,
    /// Every line set in capitals.
    caps: bool,
    footnote: Option<u32>,
    /// Bytes of the document text the block's lines hold, to size batches.
    bytes: usize,
}

/// The blocks of a document as decided from the whole document (paragraph breaks, joints,
/// languages), before any text is built: built afterwards in parallel batches.
#[derive(Default)]
struct Plan {
    steps: Vec<Step>,
    blocks: Vec<Planned>,
    /// The block being planned: its first step, caps, footnote and size.
    open: Option<Planned>,
}

impl Plan {
    /// Starts a new block (finishing the open one) with footnote number `footnote`.
    fn start(&mut self, footnote: Option<u32>) {
        self.finish();
        self.open = Some(Planned {
            steps: self.steps.len()..self.steps.len(),
            caps: footnote.is_none(),
            footnote,
            bytes: 0,
        });
    }

    /// Adds a step to the open block (which must exist) for line `l`.
    fn push(&mut self, step: Step, l: &Line<'_>) {
        self.steps.push(step);
        if let Some(open) = self.open.as_mut() {
            open.steps.end = self.steps.len();
            open.caps &= l.caps;
            open.bytes += l.text.len() + 1;
        }
    }

    fn finish(&mut self) {
        if let Some(open) = self.open.take() {
            self.blocks.push(open);
        }
    }

    /// Builds the text of every planned block, in parallel batches of about
    /// [`BATCH_BYTES`], in order: the blocks are the same for any number of threads.
    /// `counts` holds the function words of every line that a block takes.
    fn build(self, src: &Sources<'_>) -> Vec<Block> {
        use rayon::prelude::*;
        let mut batches = Vec::new();
        let (mut start, mut bytes) = (0, 0);
        for (i, b) in self.blocks.iter().enumerate() {
            bytes += b.bytes;
            if bytes >= BATCH_BYTES {
                batches.push(start..i + 1);
                (start, bytes) = (i + 1, 0);
            }
        }
        if start < self.blocks.len() {
            batches.push(start..self.blocks.len());
        }
        let (steps, blocks) = (&self.steps, &self.blocks);
        batches
            .into_par_iter()
            .flat_map_iter(|batch| {
                let mut out = Vec::with_capacity(batch.len());
                for planned in &blocks[batch] {
                    build(planned, &steps[planned.steps.clone()], src, &mut out);
                }
                out
            })
            .collect()
    }
}

/// Blocks of about this many bytes of text are built as one task of the thread pool.
const BATCH_BYTES: usize = 32 << 10;

/// Builds one planned block's text from its steps, appending it to `out` unless empty.
///
/// The block's function words are its lines' (`counts`), counted before: a line's words
/// are copied as they are, and a joint without a space (a dropped or kept line-break hyphen,
/// a lost one) glues the last word so far to the line's first, which [`glued_words`]
/// corrects. Only a block whose words normalisation changed (a detached number, a soft
/// hyphen, a composed character) or that starts inside a line (a footnote entry after its
/// number) is counted again.
/// What the blocks' texts are built from: the document's lines, the function words of
/// each ([`LineCount`]) and the footnote numbers glued to their words.
struct Sources<'a> {
    lines: &'a [Line<'a>],
    counts: &'a [LineCount],
    glued: &'a Glued,
}

fn build(planned: &Planned, steps: &[Step], src: &Sources<'_>, out: &mut Vec<Block>) {
    let Sources {
        lines,
        counts,
        glued,
    } = *src;
    // The text is hardly ever longer than its lines (a joint or a run of spaces becomes
    // at most one space, a soft hyphen nothing): room for them spares the reallocations.
    let mut text = MappedText::with_capacity(planned.bytes);
    let mut refs = Vec::new();
    let mut function_words = FunctionWords::default();
    // Whether `function_words` are the text's.
    let mut exact = true;
    for step in steps {
        match *step {
            Step::Start { line, from } => {
                let glued = glued.of_line(line);
                exact &= !append_line(&mut text, &lines[line], from, glued, &mut refs) && from == 0;
                match counts[line].get() {
                    Some(c) => function_words.add(&c),
                    None => exact = false,
                }
            }
            Step::Join { a, b, joint } => {
                let (at, changed) = append_joint(
                    &mut text,
                    &lines[a],
                    &lines[b],
                    &joint,
                    glued.of_line(b),
                    &mut refs,
                );
                exact &= !changed;
                match counts[b].get() {
                    Some(c) => function_words.add(&c),
                    None => exact = false,
                }
                if exact {
                    glued_words(&mut function_words, text.as_str(), at);
                }
            }
        }
    }
    text.trim_end_spaces();
    if text.is_empty() {
        return;
    }
    let kind = if planned.footnote.is_some() {
        BlockKind::Footnote
    } else if planned.caps || looks_like_heading(text.as_str()) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    if !exact {
        // Counted here, while the text is fresh in the cache, on the thread that built it.
        function_words = FunctionWords::count(text.as_str());
    }
    out.push(Block {
        kind,
        text,
        footnote: planned.footnote,
        refs,
        function_words,
    });
}

/// Corrects `counts`, the function words of `text` as if a word ended at byte `at` (where
/// a line was appended), for the word that runs across `at` when no separator stands
/// there: its two parts were counted as words of their lines, the whole is one word.
fn glued_words(counts: &mut FunctionWords, text: &str, at: usize) {
    use crate::lang::is_separator;
    let (left, right) = (&text[..at], &text[at..]);
    let start = left
        .char_indices()
        .rev()
        .find(|&(_, c)| is_separator(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = at + right.find(is_separator).unwrap_or(right.len());
    if start == at || end == at {
        return; // a separator on one side: nothing was glued
    }
    let whole = FunctionWords::count(&text[start..end]);
    let parts = [
        FunctionWords::count(&text[start..at]),
        FunctionWords::count(&text[at..end]),
    ];
    for lang in Lang::ALL {
        let parts = parts[0].get(lang) + parts[1].get(lang);
        counts.0[lang] = (counts.0[lang] + whole.get(lang)).saturating_sub(parts);
    }
}

/// The function words of the document's lines (body and footnotes), counted once per
/// line, in parallel runs of lines before the blocks are planned: the evidence for
/// [`LineLanguages::changes`], which reads the lines around nearly every paragraph break
/// and sentence-starting line, and the function words of the blocks built from them
/// ([`build`]).
struct LineLanguages<'a> {
    lines: &'a [Line<'a>],
    class: &'a [Class],
    counts: Vec<LineCount>,
}

/// A line's function words per language, a byte each (a document holds one per line):
/// `u8::MAX` stands for that many or more, and such a line is counted again where its
/// count is needed.
#[derive(Clone, Copy, Debug, Default)]
struct LineCount(ByLang<u8>);

impl LineCount {
    fn new(counts: &FunctionWords) -> LineCount {
        LineCount(ByLang::from_fn(|lang| {
            u8::try_from(counts.get(lang)).unwrap_or(u8::MAX)
        }))
    }

    /// The counts, unless a language has `u8::MAX` or more.
    fn get(&self) -> Option<FunctionWords> {
        if Lang::ALL.into_iter().any(|lang| self.0[lang] == u8::MAX) {
            return None;
        }
        Some(FunctionWords(ByLang::from_fn(|lang| {
            usize::from(self.0[lang])
        })))
    }
}

/// Lines counted as one task of the thread pool.
const COUNT_LINES: usize = 2048;

impl<'a> LineLanguages<'a> {
    fn new(lines: &'a [Line<'a>], class: &'a [Class]) -> Self {
        use rayon::prelude::*;
        let mut counts = vec![LineCount::default(); lines.len()];
        counts
            .par_chunks_mut(COUNT_LINES)
            .zip(
                lines
                    .par_chunks(COUNT_LINES)
                    .zip(class.par_chunks(COUNT_LINES)),
            )
            .for_each(|(counts, (lines, class))| {
                for ((count, line), class) in counts.iter_mut().zip(lines).zip(class) {
                    // Footnote lines too: a block's function words are its lines'.
                    if !matches!(class, Class::Blank | Class::Furniture(_)) {
                        *count = LineCount::new(&FunctionWords::count(line.text));
                    }
                }
            });
        LineLanguages {
            lines,
            class,
            counts,
        }
    }

    fn count(&self, i: usize) -> FunctionWords {
        self.counts[i]
            .get()
            .unwrap_or_else(|| FunctionWords::count(self.lines[i].text))
    }

    /// Whether the body lines of the current paragraph up to line `j` (it starts at line
    /// `from`) and the body lines from line `i` on (up to the end of their first sentence
    /// or a blank line) are in different languages by their function words: then the
    /// paragraph ends before line `i`, even where a blank line was taken for layout
    /// (`…werd onteigend` / blank / `Collectivisation of …`) or no blank line separates two
    /// paragraphs. Each side is read up to about [`LANGUAGE_WINDOW`] bytes.
    fn changes(&self, from: usize, j: usize, i: usize) -> bool {
        let mut next = FunctionWords::default();
        let mut read = 0;
        for k in i..self.lines.len() {
            match self.class[k] {
                Class::Body => {
                    next.add(&self.count(k));
                    read += self.lines[k].text.len();
                    // The first sentence after the break is enough.
                    if ends_sentence(self.lines[k].text) || read >= LANGUAGE_WINDOW {
                        break;
                    }
                }
                Class::Blank => break,
                _ => {}
            }
        }
        let Some(after) = clear_language(&next) else {
            return false;
        };
        let mut prev = FunctionWords::default();
        let mut read = 0;
        for k in (from..=j).rev() {
            if self.class[k] == Class::Body {
                prev.add(&self.count(k));
                read += self.lines[k].text.len();
                if read >= LANGUAGE_WINDOW {
                    break;
                }
            }
        }
        clear_language(&prev).is_some_and(|before| before != after)
    }
}

/// How much text on either side of a possible paragraph break is read for its language.
const LANGUAGE_WINDOW: usize = 400;

/// The language of a stretch of text when its function words leave no doubt: at least
/// two of them, and twice as many as of any other language.
fn clear_language(words: &FunctionWords) -> Option<Lang> {
    let top = words.top()?;
    let n = words.get(top);
    let rest = Lang::ALL
        .into_iter()
        .filter(|&l| l != top)
        .map(|l| words.get(l))
        .max()
        .unwrap_or(0);
    (n >= 2 && n >= 2 * rest).then_some(top)
}

/// Two consecutive body lines `a` and `b`, with `gap` blank lines between them and, if
/// `interrupted`, footnotes or furniture.
struct Pair {
    a: usize,
    b: usize,
    gap: usize,
    interrupted: bool,
}

/// Pairs of lines joined as one task of the thread pool.
const JOINT_PAIRS: usize = 1024;

/// A block that ends without a sentence end and has few words is a heading (or a byline).
pub(crate) fn looks_like_heading(text: &str) -> bool {
    !ends_sentence(text)
        && !text.trim_end().ends_with([',', ';', ':', '-'])
        // At most 15 words: the count stops at the 16th.
        && text.split_whitespace().nth(15).is_none()
}

/// Builds the blocks of a document from its classified lines, in two passes: first,
/// serially, where every block starts and how each of its lines joins the previous one
/// (what needs the whole document: the page, the vocabulary, the languages on either side
/// of a break); then the blocks' texts, in parallel batches.
pub(super) fn blocks(
    lines: &[Line<'_>],
    class: &[Class],
    page: &Layout<'_>,
    glued: &Glued,
) -> Vec<Block> {
    let joiner = Joiner { page };
    let mut plan = Plan::default();

    // Body blocks. First the pairs of consecutive body lines, with the blank lines and
    // the interruptions between them...
    let mut pairs = Vec::new();
    let mut first_line = None;
    let mut last: Option<usize> = None;
    let mut gap = 0usize;
    let mut interrupted = false;
    for (i, c) in class.iter().enumerate() {
        match c {
            Class::Blank => {
                gap += 1;
                continue;
            }
            Class::Body => {}
            _ => {
                interrupted = last.is_some();
                continue;
            }
        }
        match last {
            None => first_line = Some(i),
            Some(j) => pairs.push(Pair {
                a: j,
                b: i,
                gap,
                interrupted,
            }),
        }
        last = Some(i);
        gap = 0;
        interrupted = false;
    }
    // ...then, for every pair in parallel, how the lines join (both ways, as the first
    // line of a block decides) and whether the language may change between them...
    let languages = LineLanguages::new(lines, class);
    let joints: Vec<(Joint, Joint, bool)> = {
        use rayon::prelude::*;
        pairs
            .par_iter()
            .with_min_len(JOINT_PAIRS)
            .map(|p| {
                let (a, b) = (&lines[p.a], &lines[p.b]);
                let (later, first) = joiner.joint(a, b, p.gap, p.interrupted);
                // A change of language ends a paragraph: across a blank line, or at a
                // line that starts a sentence.
                let may_change = p.gap > 0 || (ends_sentence(a.text) && starts_upper(b.text));
                (later, first, may_change)
            })
            .collect()
    };
    // ...and last, in order, where the blocks start: the languages on either side of a
    // break are read from the block's first line on.
    plan.start(None);
    if let Some(i) = first_line {
        plan.push(Step::Start { line: i, from: 0 }, &lines[i]);
    }
    // The first line of the current block, and whether the last line added is it.
    let mut block_start = 0;
    let mut first = true;
    for (p, &(later, if_first, may_change)) in pairs.iter().zip(&joints) {
        let (j, i, l) = (p.a, p.b, &lines[p.b]);
        let mut joint = if first { if_first } else { later };
        if joint != Joint::Break && may_change && languages.changes(block_start, j, i) {
            joint = Joint::Break;
        }
        if joint == Joint::Break {
            plan.start(None);
            plan.push(Step::Start { line: i, from: 0 }, l);
            block_start = i;
            first = true;
        } else {
            plan.push(Step::Join { a: j, b: i, joint }, l);
            first = false;
        }
    }
    plan.finish();
    // Freed before the blocks' texts are built (the peak of memory).
    drop((pairs, joints));

    // Footnote entries.
    let mut last: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        match class[i] {
            Class::FootnoteStart(k) | Class::FootnoteMarker(k) => {
                plan.start(Some(k));
                if let Some((_, after_number, true)) = leading_number(l.text) {
                    plan.push(
                        Step::Start {
                            line: i,
                            from: after_number,
                        },
                        l,
                    );
                    last = Some(i);
                } else {
                    last = None;
                }
            }
            Class::FootnoteText => {
                if plan.open.is_none() {
                    continue;
                }
                match last {
                    None => plan.push(Step::Start { line: i, from: 0 }, l),
                    Some(j) => {
                        let a = &lines[j];
                        let joint = if hyphen_end(a.text) {
                            joiner.hyphen_joint(a.text, l.text)
                        } else if joiner.lost_hyphen(a, l) {
                            Joint::Glue
                        } else {
                            Joint::Space
                        };
                        plan.push(Step::Join { a: j, b: i, joint }, l);
                    }
                }
                last = Some(i);
            }
            _ => {}
        }
    }
    plan.finish();
    plan.build(&Sources {
        lines,
        counts: &languages.counts,
        glued,
    })
}
