//! Reading an alignment file back: the header, then one record per line, strictly (a
//! value glossa does not write is an error at its line).

use super::{
    AlignmentFile, FORMAT_VERSION, MAGIC, PairRecord, Record, SentenceRecord, TermRecord,
    TranslationRecord, unescape,
};
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::segment::SegmentKind;
use crate::terms::Tier;
use crate::terms::english::Rendering;

impl AlignmentFile {
    /// Parses a file's text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<AlignmentFile> {
        let err = |line: usize, message: String| Error::Syntax {
            path: name.to_string(),
            line,
            column: 1,
            message,
        };
        let mut lines = text
            .split_terminator('\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .peekable();
        if !text.is_empty() && !text.ends_with('\n') {
            // A file cut off by an interrupted copy or a bad merge: its last record may
            // be missing fields that would otherwise parse as fewer, shorter ones.
            let last = text.split_terminator('\n').count();
            return Err(err(
                last,
                "the file ends inside a record (no final newline): truncated?".into(),
            ));
        }
        let mut file = parse_header(&mut lines, &err)?;
        let lines: Vec<(usize, &str)> = lines.collect();
        // A big file's records are parsed in parallel, in chunks; the first error in
        // file order is the one reported, whatever the number of threads.
        let chunks: Vec<std::result::Result<Vec<Record>, Error>> = lines
            .par_chunks(PARSE_CHUNK)
            .map(|chunk| {
                chunk
                    .iter()
                    .map(|&(n, l)| parse_record(l).map_err(|m| err(n, m)))
                    .collect()
            })
            .collect();
        file.records.reserve(lines.len());
        for chunk in chunks {
            file.records.extend(chunk?);
        }
        Ok(file)
    }

    /// Whether `text` parses (see [`AlignmentFile::parse`]), without keeping what it
    /// parsed: the check before a file is written, so that a bug can never leave a file
    /// glossa cannot read back. The records are parsed and dropped chunk by chunk, in
    /// parallel.
    pub fn validate(name: &str, text: &str) -> Result<()> {
        let err = |line: usize, message: String| Error::Syntax {
            path: name.to_string(),
            line,
            column: 1,
            message,
        };
        // The header lines (`#`) go through the whole parser, the records in chunks.
        let (header, lines) = text.split_at(first_record(text));
        let skipped = header.matches('\n').count();
        Self::parse(name, header)?;
        if !lines.is_empty() && !lines.ends_with('\n') {
            return Self::parse(name, text).map(|_| ());
        }
        let lines: Vec<&str> = lines.split_terminator('\n').collect();
        let first_error = lines
            .par_chunks(PARSE_CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                chunk.iter().enumerate().try_for_each(|(i, l)| {
                    let n = skipped + c * PARSE_CHUNK + i + 1;
                    parse_record(l).map(drop).map_err(|m| err(n, m))
                })
            })
            .collect::<Vec<Result<()>>>();
        first_error.into_iter().collect()
    }
}

/// The byte offset of the first record line of an alignment file's text: past the header
/// lines (`#`).
fn first_record(text: &str) -> usize {
    let mut at = 0;
    while text[at..].starts_with('#') {
        match text[at..].find('\n') {
            Some(end) => at += end + 1,
            None => return text.len(),
        }
    }
    at
}

/// Records parsed as one task of the thread pool.
pub(super) const PARSE_CHUNK: usize = 4096;

/// The header (version, source, glossary and the optional target line), as a file
/// without records yet.
fn parse_header<'t>(
    lines: &mut std::iter::Peekable<impl Iterator<Item = (usize, &'t str)>>,
    err: &impl Fn(usize, String) -> Error,
) -> Result<AlignmentFile> {
    let (_, first) = lines
        .next()
        .ok_or_else(|| err(1, "empty file, expected the alignment header".into()))?;
    let version = first.strip_prefix(MAGIC).ok_or_else(|| {
        err(
            1,
            format!("not a glossa alignment file (expected `{MAGIC}{FORMAT_VERSION}`)"),
        )
    })?;
    if version != FORMAT_VERSION.to_string() {
        return Err(err(
            1,
            format!(
                "alignment format {version} is not supported (this glossa reads {FORMAT_VERSION})"
            ),
        ));
    }
    let mut header = |key: &str| -> Result<String> {
        let (n, l) = lines
            .next()
            .ok_or_else(|| err(2, format!("missing `# {key}:` header")))?;
        let v = l
            .strip_prefix(&format!("# {key}: "))
            .ok_or_else(|| err(n, format!("expected `# {key}: …`")))?;
        unescape(v).ok_or_else(|| err(n, "bad escape".into()))
    };
    let source = header("source")?;
    let glossary = header("glossary")?;
    let mut target = None;
    if let Some((n, rest)) = lines
        .peek()
        .and_then(|&(n, l)| Some((n, l.strip_prefix("# target: ")?)))
    {
        let (lang, path) = rest
            .split_once(' ')
            .ok_or_else(|| err(n, "expected `# target: LANG PATH`".into()))?;
        let un = |s: &str| unescape(s).ok_or_else(|| err(n, "bad escape".into()));
        target = Some((un(lang)?, un(path)?));
        lines.next();
    }
    let mut dictionary = None;
    if let Some((n, rest)) = lines
        .peek()
        .and_then(|&(n, l)| Some((n, l.strip_prefix("# dictionary: ")?)))
    {
        dictionary = Some(unescape(rest).ok_or_else(|| err(n, "bad escape".into()))?);
        lines.next();
    }
    Ok(AlignmentFile {
        source,
        glossary,
        target,
        dictionary,
        records: Vec::new(),
    })
}

/// One record line; the error is the message (the caller adds the place).
fn parse_record(line: &str) -> std::result::Result<Record, String> {
    // The fields without a vector per line: a record has ten at most, and a line with more
    // is refused by its count.
    let mut f = [""; 10];
    let mut count = 0;
    for part in line.split('\t') {
        if let Some(slot) = f.get_mut(count) {
            *slot = part;
        }
        count += 1;
    }
    Ok(match (f[0], count) {
        ("S", 6) => {
            let (line, column) = position(f[3])?;
            Record::Sentence(SentenceRecord {
                id: field(f[1])?,
                lang: field(f[2])?,
                line,
                column,
                kind: one_of(f[4], SegmentKind::parse, "sentence, heading or footnote")?,
                text: field(f[5])?,
            })
        }
        ("T", 10) => {
            let (line, column) = position(f[7])?;
            Record::Term(TermRecord {
                sentence: field(f[1])?,
                lang: field(f[2])?,
                concept: field(f[3])?,
                surface: field(f[4])?,
                english: field(f[5])?,
                tier: one_of(
                    f[6],
                    Tier::parse,
                    "exact, inflected, compound, variant or deprecated",
                )?,
                line,
                column,
                in_footnote: one_of(f[8], place, "body or footnote")?,
                context: field(f[9])?,
            })
        }
        ("P", 8) => Record::Pair(PairRecord {
            source: ids(f[1])?,
            target: ids(f[2])?,
            score: score(f[3])?,
            review: one_of(f[4], review, "ok or review")?,
            lang: field(f[5])?,
            source_text: field(f[6])?,
            target_text: field(f[7])?,
        }),
        ("X", 7) => Record::Translation(TranslationRecord {
            sentence: field(f[1])?,
            concept: field(f[2])?,
            surface: field(f[3])?,
            rendering: one_of(
                f[4],
                Rendering::parse,
                "expected, admitted, forbidden or missing",
            )?,
            found: field(f[5])?,
            english: field(f[6])?,
        }),
        _ => {
            return Err(format!(
                "expected a record S (6 fields), T (10), P (8) or X (7), found {} field(s) starting `{}`",
                count, f[0]
            ));
        }
    })
}

fn field(s: &str) -> std::result::Result<String, String> {
    unescape(s).ok_or_else(|| format!("bad escape in `{s}`"))
}

fn position(s: &str) -> std::result::Result<(usize, usize), String> {
    let bad = || format!("expected line:column, found `{s}`");
    let (a, b) = s.split_once(':').ok_or_else(bad)?;
    match (a.parse(), b.parse()) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        _ => Err(bad()),
    }
}

fn one_of<T>(
    s: &str,
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> std::result::Result<T, String> {
    parse(s).ok_or_else(|| format!("expected {expected}, found `{s}`"))
}

fn place(s: &str) -> Option<bool> {
    match s {
        "body" => Some(false),
        "footnote" => Some(true),
        _ => None,
    }
}

fn review(s: &str) -> Option<bool> {
    match s {
        "ok" => Some(false),
        "review" => Some(true),
        _ => None,
    }
}

fn ids(s: &str) -> std::result::Result<Vec<String>, String> {
    if s == "-" {
        Ok(Vec::new())
    } else {
        s.split(',').map(field).collect()
    }
}

fn score(s: &str) -> std::result::Result<String, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(s.to_string()),
        _ => Err(format!("expected a score from 0 to 1, found `{s}`")),
    }
}
