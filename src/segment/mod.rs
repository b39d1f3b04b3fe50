//! Stage 3, segment: normalised blocks to sentences.
//!
//! [`tokens`] is the nom grammar; this module holds the boundary rules. A sentence ends
//! after `.`, `?`, `!` or an ellipsis, together with any closing quotes and brackets that
//! follow, when the next word can start a sentence. In prose:
//!
//! - `?` and `!` end a sentence unless a lowercase word follows (`Was tun? das Schema`).
//! - `.` after an abbreviation of the language (`vgl.`, `z. B.`, `bijv.`, `d.w.z.`) does
//!   not end one; an abbreviation marked as possibly final (`usw.`) ends one when the next
//!   word is a typical sentence starter (`Die`, `Het`).
//! - `.` after a single letter is an initial or part of an abbreviation (`Bernhard H.
//!   Bayerlein`, `m. E.`); it ends a sentence only before a typical sentence starter.
//! - `.` after a number of one or two digits or a Roman numeral is an ordinal in German
//!   (`30. Januar`, `XXI. Parteitag`, `19. Jahrhundert`) unless a sentence starter follows
//!   (`Nikolaus II. Die …`); after a year it ends the sentence.
//! - `.` directly followed by a capitalised word without a space ends a sentence when the
//!   word before it is a real word, not an abbreviation (`Sovjet-Unie.Rampzalig`,
//!   but not `St.Petersburg`): a heading glued on by the extraction.
//! - An ellipsis ends a sentence only before a sentence starter, never inside brackets
//!   (`[…]`). A sentence may begin with one (`Er zögerte. ...und ging.`).
//! - An omission mark `[…]` between sentences is no word (`Rechte. […] In der`), and ends
//!   a sentence itself before a closing quote or a sentence starter (`gewollt […]« Das`).
//! - A number, Roman numeral or letter with a full stop that opens a sentence is a list
//!   label (`1. Dies ist eine Liste.`); ordinal ranges (`1. -3. Jahrhundert`) and dates
//!   with spaces (`12. 4. 1933`) go on; a bullet before the next word (`! • Sowchosen`)
//!   and a citation mark after the stop (`gegründet.[3] Die`) are skipped over.
//! - URLs and e-mail addresses are single tokens (see [`crate::links`]).
//! - A block (paragraph, heading, footnote entry) always ends a sentence.
//!
//! A paragraph's last segment that ends without a sentence end and has few words is a
//! heading that was glued to the paragraph.
//!
//! Blocks are cut independently of each other, in batches of about 32 KB on rayon's thread
//! pool (`--jobs`), and put back in block order: the segments are the same for any number
//! of threads.

pub mod rules;
pub mod tokens;

use rayon::prelude::*;
use serde::Serialize;

use crate::lang::{FunctionWords, Lang};
use crate::normalize::{self, BlockKind, Normalized};
use crate::source::Document;
use crate::span::Span;
use rules::Rules;
use tokens::{Kind, Token, tokenize};

/// Which abbreviation rules to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// Each block's language from its function words ([`block_rules`]).
    #[default]
    Auto,
    /// Use this language's rules.
    Fixed(Lang),
}

/// Segmentation options.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub lang: LangChoice,
}

/// What a segment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Sentence,
    Heading,
    Footnote,
}

impl SegmentKind {
    /// The kind's name (`sentence`, `heading`, `footnote`).
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Sentence => "sentence",
            SegmentKind::Heading => "heading",
            SegmentKind::Footnote => "footnote",
        }
    }

    /// Parses [`SegmentKind::as_str`]'s output.
    pub fn parse(s: &str) -> Option<SegmentKind> {
        [
            SegmentKind::Sentence,
            SegmentKind::Heading,
            SegmentKind::Footnote,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A sentence, heading or footnote sentence of a document.
#[derive(Clone, Debug, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    /// The normalised text.
    pub text: String,
    /// Byte range in the raw input.
    pub span: Span,
    /// 1-based line and column (in characters) of the first character in the raw input.
    pub line: usize,
    pub column: usize,
    /// Index of the block (paragraph, heading, footnote entry) it belongs to.
    pub block: usize,
    /// For a footnote sentence, the footnote's number.
    pub footnote: Option<u32>,
    /// The language whose rules were used.
    pub lang: Lang,
    /// Byte range of the text in its block's normalised text (`Normalized::blocks`), for
    /// mapping positions inside the sentence back to the raw input.
    #[serde(skip)]
    pub in_block: (usize, usize),
}

/// Segments a document: normalises it and cuts every block into sentences.
pub fn segment_document(doc: &Document, opts: &Options) -> Vec<Segment> {
    let normalized = normalize::normalize(doc.text());
    segment_normalized(doc, &normalized, opts)
}

/// Segments an already normalised document.
pub fn segment_normalized(doc: &Document, norm: &Normalized, opts: &Options) -> Vec<Segment> {
    match opts.lang {
        LangChoice::Fixed(lang) => segment_with(doc, norm, |_| lang),
        LangChoice::Auto => {
            let rules = block_rules(norm);
            segment_with(doc, norm, |bi| rules[bi])
        }
    }
}

/// The abbreviation rules of each block of `norm` before its language is detected: the
/// language with most function words in the block, else in the whole document, else
/// German. [`crate::detect`] starts from the same rules and cuts a block again where its
/// detected language differs, so `glossa segment` and `glossa detect` cut alike.
pub fn block_rules(norm: &Normalized) -> Vec<Lang> {
    // Each block's function words were counted when normalisation built its text.
    let mut total = FunctionWords::default();
    for b in &norm.blocks {
        total.add(&b.function_words);
    }
    let fallback = total.top().unwrap_or(Lang::De);
    norm.blocks
        .iter()
        .map(|b| b.function_words.top().unwrap_or(fallback))
        .collect()
}

/// Segments an already normalised document with each block's own abbreviation rules:
/// `langs[i]` is the language of block `i` (as decided by the detection stage, say).
/// Blocks beyond the end of `langs` use the last language given, or German.
pub fn segment_blocks(doc: &Document, norm: &Normalized, langs: &[Lang]) -> Vec<Segment> {
    let fallback = langs.last().copied().unwrap_or(Lang::De);
    segment_with(doc, norm, |bi| langs.get(bi).copied().unwrap_or(fallback))
}

/// Reads text that is already split one sentence per line (blank lines between
/// paragraphs), as sentence aligners conventionally take it: every non-blank line is one
/// sentence, whitespace-trimmed and nothing else changed. Returns the blocks (one per
/// line, for mapping positions back) and the segments.
pub fn presegmented(doc: &Document, lang: Lang) -> (Normalized, Vec<Segment>) {
    let text = doc.text();
    let mut norm = Normalized::default();
    let mut segments = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let at = start + lead;
            let mut mapped = normalize::MappedText::new();
            mapped.push_copy(at, trimmed);
            let (line_no, column) = doc.line_col(at);
            segments.push(Segment {
                kind: SegmentKind::Sentence,
                text: trimmed.to_string(),
                span: Span::new(doc.raw_offset(at), doc.raw_offset(at + trimmed.len())),
                line: line_no,
                column,
                block: norm.blocks.len(),
                footnote: None,
                lang,
                in_block: (0, trimmed.len()),
            });
            norm.blocks.push(normalize::Block {
                kind: BlockKind::Paragraph,
                text: mapped,
                footnote: None,
                refs: Vec::new(),
                function_words: FunctionWords::count(trimmed),
            });
        }
        start += line.len();
    }
    (norm, segments)
}

/// Blocks of about this many bytes of text go to one task of the thread pool: enough to
/// outweigh the cost of a task, small enough that a big file keeps every core busy.
const BATCH_BYTES: usize = 32 << 10;

/// The blocks cut into runs of consecutive blocks of about [`BATCH_BYTES`] each, in order.
fn batches(blocks: &[normalize::Block]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, b) in blocks.iter().enumerate() {
        bytes += b.text.as_str().len();
        if bytes >= BATCH_BYTES {
            out.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < blocks.len() {
        out.push(start..blocks.len());
    }
    out
}

/// Cuts every block of `norm` with the rules of `lang_of(block index)`. Blocks are cut
/// independently of each other (all that looks at the whole document, running heads,
/// paragraphs, languages, was decided before), so batches of blocks run in parallel on
/// the thread pool and are put back in block order: the result is the same for any number
/// of threads.
fn segment_with(
    doc: &Document,
    norm: &Normalized,
    lang_of: impl Fn(usize) -> Lang + Sync,
) -> Vec<Segment> {
    // First where the segments are (a few words each), batches of blocks in parallel...
    let cuts = cut_with(norm, lang_of);
    // ...then the segments themselves, written in place in parallel: a big document's
    // segments are never held twice.
    let mut out = Vec::new();
    cuts.par_iter()
        .with_min_len(1024)
        .map(|cut| make_segment(doc, &norm.blocks[cut.block], cut))
        .collect_into_vec(&mut out);
    out
}

/// Where the segments of `norm` are, each block cut with the rules of
/// `lang_of(block index)`, in parallel batches put back in block order.
fn cut_with(norm: &Normalized, lang_of: impl Fn(usize) -> Lang + Sync) -> Vec<Cut> {
    batches(&norm.blocks)
        .into_par_iter()
        .flat_map_iter(|batch| {
            let mut out = Vec::new();
            for bi in batch {
                cut_block(&norm.blocks[bi], bi, lang_of(bi), &mut out);
            }
            out
        })
        .collect()
}

/// Where the segments of an already normalised document are, without making them: what
/// [`segment_normalized`] returns, as ranges of the blocks' texts. For a caller that only
/// needs the segments' texts (`glossa segment`'s plain output), this saves a string and
/// a look-up of the line and column per segment.
pub fn cut_normalized(norm: &Normalized, opts: &Options) -> Vec<Cut> {
    match opts.lang {
        LangChoice::Fixed(lang) => cut_with(norm, |_| lang),
        LangChoice::Auto => {
            let rules = block_rules(norm);
            cut_with(norm, |bi| rules[bi])
        }
    }
}

/// Where a segment is, before it is made into a [`Segment`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    /// Index of the block (`Normalized::blocks`).
    pub block: usize,
    /// Byte range in the block's normalised text.
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
    /// The language whose rules were used.
    pub lang: Lang,
}

impl Cut {
    /// The segment's normalised text (as [`Segment::text`]), borrowed from `norm`, the
    /// document the cut was made in.
    pub fn text<'a>(&self, norm: &'a Normalized) -> &'a str {
        &norm.blocks[self.block].text.as_str()[self.start..self.end]
    }
}

/// Cuts block `bi` into segments with `lang`'s rules, appending where they are to `out`.
fn cut_block(block: &normalize::Block, bi: usize, lang: Lang, out: &mut Vec<Cut>) {
    let rules = Rules::of(lang);
    let text = block.text.as_str();
    let ranges = split(text, rules);
    let count = ranges.len();
    for (k, (s, e)) in ranges.into_iter().enumerate() {
        if s >= e {
            continue;
        }
        let kind = match block.kind {
            // A heading with a sentence glued before it (`…geïsoleerd.Rampzalig`).
            BlockKind::Heading if k + 1 < count => SegmentKind::Sentence,
            BlockKind::Heading => SegmentKind::Heading,
            BlockKind::Footnote => SegmentKind::Footnote,
            BlockKind::Paragraph => {
                if count > 1 && k + 1 == count && normalize::looks_like_heading(&text[s..e]) {
                    SegmentKind::Heading
                } else {
                    SegmentKind::Sentence
                }
            }
        };
        out.push(Cut {
            block: bi,
            start: s,
            end: e,
            kind,
            lang,
        });
    }
}

/// The segment `cut` of `block`, with its text and its place in the raw input.
fn make_segment(doc: &Document, block: &normalize::Block, cut: &Cut) -> Segment {
    let (s, e) = (cut.start, cut.end);
    let src = block.text.source_span(s, e);
    let (line, column) = doc.line_col(src.start);
    Segment {
        kind: cut.kind,
        text: block.text.as_str()[s..e].to_string(),
        span: Span::new(doc.raw_offset(src.start), doc.raw_offset(src.end)),
        line,
        column,
        block: cut.block,
        footnote: block.footnote,
        lang: cut.lang,
        in_block: (s, e),
    }
}

/// A guess at a document's language from its function words (German when they say
/// nothing), for text that is not detected (pre-segmented input).
pub fn guess_lang(text: &str) -> Lang {
    FunctionWords::count(text).top().unwrap_or(Lang::De)
}

fn trim_range(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

/// Whether the tokens `i-2..=i` are an omission mark, `[…]` or `(…)`.
fn is_omission(text: &str, toks: &[Token], i: usize) -> bool {
    i >= 2
        && toks[i].kind == Kind::CloseBracket
        && toks[i - 1].kind == Kind::Ellipsis
        && toks[i - 2].kind == Kind::OpenBracket
        && matches!(tok(text, &toks[i - 2]), "[" | "(")
}

/// Splits a block's text into sentence ranges (byte offsets, trimmed).
pub fn split(text: &str, rules: &Rules) -> Vec<(usize, usize)> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut start = 0;
    // The first token of the current sentence (after its leading space).
    let mut first = 0;
    let mut i = 0;
    while i < toks.len() {
        while first < i && toks[first].kind == Kind::Space {
            first += 1;
        }
        // Where the sentence ends (a byte offset), and where the next one starts (a token).
        let cut = match toks[i].kind {
            Kind::Period | Kind::Terminal | Kind::Ellipsis => {
                boundary(text, &toks, i, first, rules).map(|j| (toks[j - 1].end, j))
            }
            Kind::CloseBracket if is_omission(text, &toks, i) => {
                omission_end(text, &toks, i, first, rules).map(|j| (toks[j - 1].end, j))
            }
            _ => None,
        };
        if let Some((end, next)) = cut {
            let r = trim_range(text, start, end);
            if r.0 < r.1 {
                out.push(r);
            }
            start = end;
            first = next;
            i = next.max(i + 1);
            continue;
        }
        i += 1;
    }
    let r = trim_range(text, start, text.len());
    if r.0 < r.1 {
        out.push(r);
    }
    out
}

fn tok<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

/// Whether the quote at `j` closes (it follows text and precedes space, punctuation or end).
fn closes(text: &str, toks: &[Token], j: usize) -> bool {
    match toks[j].kind {
        Kind::CloseQuote | Kind::CloseBracket => true,
        Kind::EitherQuote => {
            let after_ok = toks.get(j + 1).is_none_or(|t| {
                matches!(
                    t.kind,
                    Kind::Space
                        | Kind::Period
                        | Kind::Terminal
                        | Kind::CloseBracket
                        | Kind::CloseQuote
                        | Kind::EitherQuote
                ) || tok(text, t) == ","
            });
            j > 0 && toks[j - 1].kind != Kind::Space && after_ok
        }
        _ => false,
    }
}

/// The first word after token `k`, skipping opening quotes, brackets and dashes.
fn next_word<'a>(text: &'a str, toks: &[Token], mut k: usize) -> Option<(Kind, &'a str)> {
    while k < toks.len() {
        match toks[k].kind {
            Kind::OpenQuote | Kind::EitherQuote | Kind::OpenBracket | Kind::CloseQuote => k += 1,
            Kind::Other if matches!(tok(text, &toks[k]), "–" | "—" | "-") => k += 1,
            // A list bullet before a space (`! • Sowchosen`); glued to a word, it is a
            // broken character rather than a bullet.
            Kind::Other
                if matches!(tok(text, &toks[k]), "•" | "◦" | "▪" | "●" | "■" | "‣")
                    && toks.get(k + 1).is_some_and(|t| t.kind == Kind::Space) =>
            {
                k += 1
            }
            Kind::Space => k += 1,
            // An omission mark, `[…]`, stands for words left out, not for the next word.
            Kind::Ellipsis
                if k > 0
                    && toks[k - 1].kind == Kind::OpenBracket
                    && toks
                        .get(k + 1)
                        .is_some_and(|t| t.kind == Kind::CloseBracket) =>
            {
                k += 2
            }
            kind => return Some((kind, tok(text, &toks[k]))),
        }
    }
    None
}

fn is_roman(w: &str) -> bool {
    !w.is_empty()
        && w.len() <= 7
        && w.chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// The abbreviation ending with the period at token `i`, if any: tries `vgl.`, then
/// multi-part keys such as `z.B.` (written `z. B.` or `z.B.`).
fn abbreviation_at(text: &str, toks: &[Token], i: usize, rules: &Rules) -> Option<bool> {
    let mut key = String::from(".");
    let mut k = i;
    let mut parts = 0;
    let mut found = None;
    while k > 0 && parts < rules.max_parts {
        let w = &toks[k - 1];
        if w.kind != Kind::Word {
            break;
        }
        key.insert_str(0, tok(text, w));
        parts += 1;
        if let Some(end) = rules.abbreviation(&key) {
            found = Some(end);
        }
        // Step over `. ` or `.` to the previous part.
        let mut m = k - 1;
        if m > 0 && toks[m - 1].kind == Kind::Space && tok(text, &toks[m - 1]) == " " {
            m -= 1;
        }
        if m > 0 && toks[m - 1].kind == Kind::Period {
            key.insert(0, '.');
            k = m - 1;
        } else {
            break;
        }
    }
    found
}

/// Whether tokens `j..j + 3` are a citation mark, `[3]`.
fn citation_at(text: &str, toks: &[Token], j: usize) -> bool {
    j + 2 < toks.len()
        && tok(text, &toks[j]) == "["
        && toks[j + 1].kind == Kind::Number
        && tok(text, &toks[j + 2]) == "]"
}

/// Whether the full stop at token `i`, after a day or month number, is inside a date
/// written with spaces: a month follows (the stop after `12` in `12. 4. 1933`), or a year
/// follows a day and month (the stop after `4`).
fn spaced_date_follows(text: &str, toks: &[Token], i: usize) -> bool {
    let after = text[toks[i].end..].trim_start();
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let day_before = i >= 4
        && toks[i - 2].kind == Kind::Space
        && toks[i - 3].kind == Kind::Period
        && toks[i - 4].kind == Kind::Number
        && tok(text, &toks[i - 4]).len() <= 2;
    match digits {
        1 | 2 => after[digits..].starts_with('.'),
        4 => day_before,
        _ => false,
    }
}

/// If the omission mark `[…]` ending at token `i` also ends a sentence, the index of the
/// first token after the sentence. It does when a quote closes after it (`gewollt […]«
/// Das`) or a typical sentence starter follows (`erreichten […] Erst als`); before any
/// other capitalised word it is an omission inside the sentence (`die […] Partei`).
fn omission_end(
    text: &str,
    toks: &[Token],
    i: usize,
    first: usize,
    rules: &Rules,
) -> Option<usize> {
    if i < first + 3 {
        // `[…]` opening a sentence belongs to it.
        return None;
    }
    let mut j = i + 1;
    while j < toks.len() && closes(text, toks, j) {
        j += 1;
    }
    if j == toks.len() {
        return Some(j);
    }
    if toks[j].kind != Kind::Space {
        return None;
    }
    let (kind, word) = next_word(text, toks, j)?;
    let upper = kind == Kind::Word && word.chars().next().is_some_and(char::is_uppercase);
    (upper && (j > i + 1 || rules.is_starter(word))).then_some(j)
}

/// If the sentence-final punctuation at token `i` ends a sentence, the index of the first
/// token after the sentence (closing quotes and brackets included). `first` is the first
/// token of the current sentence.
fn boundary(text: &str, toks: &[Token], i: usize, first: usize, rules: &Rules) -> Option<usize> {
    let n = toks.len();
    let mut j = i + 1;
    loop {
        if j < n
            && (matches!(toks[j].kind, Kind::Period | Kind::Terminal | Kind::Ellipsis)
                || closes(text, toks, j))
        {
            j += 1;
        } else if citation_at(text, toks, j) {
            // A citation mark belongs to the sentence it ends: `gegründet.[3] Die`.
            j += 3;
        } else {
            break;
        }
    }
    if j == n {
        return Some(j);
    }
    let punct = toks[i].kind;
    let prev = if i > 0 { Some(&toks[i - 1]) } else { None };

    if toks[j].kind != Kind::Space {
        // No space: only a glued heading or sentence (`Sovjet-Unie.Rampzalig`).
        let next = &toks[j];
        let w = tok(text, next);
        let titlecase = next.kind == Kind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase);
        if !titlecase || punct == Kind::Ellipsis {
            return None;
        }
        let prev_word_ok = match prev {
            Some(p) if p.kind == Kind::Word => {
                tok(text, p).chars().count() >= 2
                    && !is_roman(tok(text, p))
                    && abbreviation_at(text, toks, i, rules).is_none()
            }
            Some(p) => matches!(
                p.kind,
                Kind::CloseQuote | Kind::EitherQuote | Kind::CloseBracket
            ),
            None => false,
        };
        return prev_word_ok.then_some(j);
    }

    let (next_kind, next) = next_word(text, toks, j)?;
    // A sentence may begin with an ellipsis (`Er zögerte. ...und ging.`).
    let led_by_ellipsis = next_kind == Kind::Ellipsis && punct != Kind::Ellipsis;
    let starter = (next_kind == Kind::Word && rules.is_starter(next)) || led_by_ellipsis;
    let upper = next_kind == Kind::Word && next.chars().next().is_some_and(char::is_uppercase);
    let can_start = upper || next_kind == Kind::Number || led_by_ellipsis;
    if !can_start {
        return None;
    }
    match punct {
        Kind::Terminal => return Some(j),
        Kind::Ellipsis => {
            let bracketed = prev.is_some_and(|p| tok(text, p) == "[" || tok(text, p) == "(");
            return (!bracketed && (starter || next_kind != Kind::Word || j > i + 1)).then_some(j);
        }
        _ => {}
    }
    // A full stop.
    let Some(prev) = prev else { return Some(j) };
    // A list label: `1. Dies ist eine Liste.`, `IV. Die Kollektivierung`, `a. Die Bauern`.
    if i == first + 1 && matches!(prev.kind, Kind::Number | Kind::Word) {
        let w = tok(text, prev);
        if prev.kind == Kind::Number && w.len() <= 3 || is_roman(w) || w.chars().count() == 1 {
            return None;
        }
    }
    if prev.kind == Kind::Word
        && let Some(may_end) = abbreviation_at(text, toks, i, rules)
    {
        return (may_end && starter).then_some(j);
    }
    if j > i + 1 && toks[i + 1..j].iter().any(|t| t.kind != Kind::Period) {
        // `.«`, `.)`: the quote or bracket closes after the sentence's end.
        return Some(j);
    }
    match prev.kind {
        Kind::Word => {
            let w = tok(text, prev);
            let letters = w.chars().count();
            if letters == 1 {
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                return (!lower && starter).then_some(j);
            }
            if rules.ordinal_dot && is_roman(w) {
                return starter.then_some(j);
            }
            Some(j)
        }
        Kind::Number => {
            let digits = tok(text, prev).len();
            let date_part = i >= 2 && toks[i - 2].kind == Kind::Period;
            if rules.ordinal_dot && digits <= 2 && next_kind == Kind::Word && !starter {
                return None;
            }
            // A range of ordinals: `aus dem 1. -3. Jahrhundert`, `vom 1.–3. Mai`.
            if rules.ordinal_dot
                && digits <= 2
                && next_kind == Kind::Number
                && text[toks[i].end..]
                    .trim_start()
                    .starts_with(['-', '–', '—'])
            {
                return None;
            }
            if date_part && digits <= 2 && !starter {
                return None;
            }
            // A date written with spaces: `am 12. 4. 1933`.
            if digits <= 2 && next_kind == Kind::Number && spaced_date_follows(text, toks, i) {
                return None;
            }
            Some(j)
        }
        _ => Some(j),
    }
}

#[cfg(test)]
mod tests;
