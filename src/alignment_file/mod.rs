//! The alignment file: glossa's diffable output, one per source document, and the typed
//! records it serialises.
//!
//! (tabs shown as two spaces)
//!
//! ```text
//! # glossa alignment 2
//! # source: corpus/de-kolchosen.txt
//! # glossary: fnv1a64:5f1d0c8e2a4b7c90
//! S  3f9a1c2b7d4e  de  4:1  sentence  In wenigen Monaten wurden Millionen Bauernhöfe zu Kolchosen …
//! T  3f9a1c2b7d4e  de  kolkhoz  Kolchosen  kolkhozes  inflected  5:19  body  … Bauernhöfe zu [[Kolchosen]] zusammengeschlossen …
//! ```
//!
//! - Text, UTF-8, LF, one record per line, a final newline; fields separated by tabs; a
//!   tab, newline, carriage return or backslash inside a field is escaped as `\t`, `\n`,
//!   `\r`, `\\`.
//! - A header of `#` lines: the format version, the source path, the glossary fingerprint
//!   and, for a document aligned with a translation, `# target: LANG PATH`.
//! - Records in source order. `S` ([`SentenceRecord`]) is a sentence that holds terms: its
//!   id, language, `line:column` of its first character, kind and text. Each `T`
//!   ([`TermRecord`]) after it is one term occurrence: sentence id, language, concept id,
//!   surface form (a split word joined), English rendering, match tier, `line:column` of
//!   the term's first letter, `body` or `footnote`, and a short context with the term
//!   marked `[[…]]`. With a translation, `P` ([`PairRecord`]) is a bead of the sentence
//!   alignment and `X` ([`TranslationRecord`]) what the translation did with a term.
//! - Sentence ids are derived from the sentence's text (a hash), not its position, so
//!   editing one sentence changes only that sentence's lines; a repeated sentence gets a
//!   `-2`, `-3` … suffix in order of appearance.
//! - Output is byte-identical for identical input, and [`AlignmentFile::parse`] reads back
//!   exactly what [`AlignmentFile::render`] wrote (write → parse → write is the identity).
//!   Parsing is strict: a tier, kind, rendering or place glossa does not write, a field
//!   count that does not fit the record, or a file cut off inside its last record is an
//!   error at its line.

pub mod tmx;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::segment::SegmentKind;
use crate::terms::Tier;
use crate::terms::english::Rendering;

/// The version written in the header; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 2;

const MAGIC: &str = "# glossa alignment ";

/// A sentence that holds terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceRecord {
    pub id: String,
    pub lang: String,
    pub line: usize,
    pub column: usize,
    pub kind: SegmentKind,
    pub text: String,
}

/// One term occurrence, as the alignment file records it (the pipeline's
/// [`crate::pipeline::Occurrence`] adds what only a run knows: the raw byte range and the
/// glossary form that matched).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TermRecord {
    /// The id of its sentence.
    pub sentence: String,
    /// Language of the sentence (ISO 639-1, or `unknown`).
    pub lang: String,
    /// The glossary concept id.
    pub concept: String,
    /// The word as printed (a word split across lines joined).
    pub surface: String,
    /// The rendering of the matched form or of its concept.
    pub english: String,
    pub tier: Tier,
    /// 1-based raw line and column of the term's first letter.
    pub line: usize,
    pub column: usize,
    pub in_footnote: bool,
    /// The sentence with the term marked `[[…]]`, shortened around it.
    pub context: String,
}

/// A bead of the sentence alignment with a translation: which source sentences go with
/// which target sentences.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PairRecord {
    /// Ids of the source sentences (possibly none).
    pub source: Vec<String>,
    /// Ids of the target sentences (possibly none).
    pub target: Vec<String>,
    /// How well the two sides fit, 0 to 1, as written (three decimals; checked to be a
    /// number when parsed).
    pub score: String,
    /// Whether a person should look at the bead.
    pub review: bool,
    /// The source language.
    pub lang: String,
    pub source_text: String,
    pub target_text: String,
}

/// What the translation did with one term occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslationRecord {
    pub sentence: String,
    pub concept: String,
    /// The source surface form.
    pub surface: String,
    pub rendering: Rendering,
    /// The English words found (empty when missing).
    pub found: String,
    /// The rendering the glossary expects.
    pub english: String,
}

/// A record of an alignment file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Sentence(SentenceRecord),
    Term(TermRecord),
    Pair(PairRecord),
    Translation(TranslationRecord),
}

/// The contents of one alignment file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlignmentFile {
    /// The source document's path, as given.
    pub source: String,
    /// The glossary fingerprint (see [`fingerprint`]).
    pub glossary: String,
    /// The translation's language and path, when the document was aligned with one.
    pub target: Option<(String, String)>,
    pub records: Vec<Record>,
}

/// A stable fingerprint of some bytes (FNV-1a, 64 bits), written `fnv1a64:<16 hex>`.
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("fnv1a64:{:016x}", fnv1a(bytes))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Content-derived sentence ids, in order: the same text always gets the same id, and
/// repeats are numbered.
#[derive(Debug, Default)]
pub struct SentenceIds {
    seen: HashMap<String, usize>,
}

impl SentenceIds {
    /// The id of the next sentence with this text.
    pub fn next(&mut self, text: &str) -> String {
        let base = format!("{:012x}", fnv1a(text.as_bytes()) >> 16);
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}-{n}") }
    }
}

fn escape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            _ => return None,
        }
    }
    Some(out)
}

impl AlignmentFile {
    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("{MAGIC}{FORMAT_VERSION}\n"));
        out.push_str(&format!("# source: {}\n", escape(&self.source)));
        out.push_str(&format!("# glossary: {}\n", escape(&self.glossary)));
        if let Some((lang, path)) = &self.target {
            out.push_str(&format!("# target: {} {}\n", escape(lang), escape(path)));
        }
        let ids = |v: &[String]| {
            if v.is_empty() {
                "-".to_string()
            } else {
                v.iter().map(|x| escape(x)).collect::<Vec<_>>().join(",")
            }
        };
        for r in &self.records {
            let fields: Vec<String> = match r {
                Record::Sentence(s) => vec![
                    "S".into(),
                    escape(&s.id),
                    escape(&s.lang),
                    format!("{}:{}", s.line, s.column),
                    s.kind.as_str().into(),
                    escape(&s.text),
                ],
                Record::Term(t) => vec![
                    "T".into(),
                    escape(&t.sentence),
                    escape(&t.lang),
                    escape(&t.concept),
                    escape(&t.surface),
                    escape(&t.english),
                    t.tier.as_str().into(),
                    format!("{}:{}", t.line, t.column),
                    if t.in_footnote { "footnote" } else { "body" }.into(),
                    escape(&t.context),
                ],
                Record::Pair(p) => vec![
                    "P".into(),
                    ids(&p.source),
                    ids(&p.target),
                    escape(&p.score),
                    if p.review { "review" } else { "ok" }.into(),
                    escape(&p.lang),
                    escape(&p.source_text),
                    escape(&p.target_text),
                ],
                Record::Translation(x) => vec![
                    "X".into(),
                    escape(&x.sentence),
                    escape(&x.concept),
                    escape(&x.surface),
                    x.rendering.as_str().into(),
                    escape(&x.found),
                    escape(&x.english),
                ],
            };
            out.push_str(&fields.join("\t"));
            out.push('\n');
        }
        out
    }

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
        for (n, l) in lines {
            file.records.push(parse_record(l).map_err(|m| err(n, m))?);
        }
        Ok(file)
    }

    /// Writes the file atomically: to a temporary file beside it, then renamed over it,
    /// so that an interrupted run never leaves a half-written file.
    pub fn write_atomic(&self, path: &Path) -> Result<()> {
        let write_err = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(write_err)?;
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let result = std::fs::File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(self.render().as_bytes())?;
                f.sync_all()
            })
            .and_then(|()| std::fs::rename(&tmp, path));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result.map_err(write_err)
    }
}

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
    Ok(AlignmentFile {
        source,
        glossary,
        target,
        records: Vec::new(),
    })
}

/// One record line; the error is the message (the caller adds the place).
fn parse_record(line: &str) -> std::result::Result<Record, String> {
    let f: Vec<&str> = line.split('\t').collect();
    Ok(match (f[0], f.len()) {
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
                f.len(),
                f[0]
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> AlignmentFile {
        let mut ids = SentenceIds::default();
        let sid = ids.next("Die Kolchosbauern litten.");
        AlignmentFile {
            source: "corpus/de-kolchosen.txt".into(),
            glossary: fingerprint(b"[concept.kolkhoz]"),
            target: Some(("en".into(), "corpus/de-kolchosen.en.txt".into())),
            records: vec![
                Record::Pair(PairRecord {
                    source: vec![sid.clone()],
                    target: vec!["0a1b2c3d4e5f".into(), "abcdef012345".into()],
                    score: "0.917".into(),
                    review: false,
                    lang: "de".into(),
                    source_text: "Die Kolchosbauern litten.".into(),
                    target_text: "The kolkhoz peasants suffered. They \\ said\tso.".into(),
                }),
                Record::Pair(PairRecord {
                    source: vec![],
                    target: vec!["ffff00001111".into()],
                    score: "0.000".into(),
                    review: true,
                    lang: "de".into(),
                    source_text: String::new(),
                    target_text: "An added sentence.".into(),
                }),
                Record::Sentence(SentenceRecord {
                    id: sid.clone(),
                    lang: "de".into(),
                    line: 4,
                    column: 1,
                    kind: SegmentKind::Sentence,
                    text: "Die Kolchosbauern litten.".into(),
                }),
                Record::Term(TermRecord {
                    sentence: sid,
                    lang: "de".into(),
                    concept: "kolkhoz".into(),
                    surface: "Kolchosbauern".into(),
                    english: "kolkhoz peasants".into(),
                    tier: Tier::Compound,
                    line: 4,
                    column: 5,
                    in_footnote: false,
                    context: "Die [[Kolchosbauern]] litten.\tmit Tab\\".into(),
                }),
                Record::Translation(TranslationRecord {
                    sentence: "x".into(),
                    concept: "kolkhoz".into(),
                    surface: "Kolchosbauern".into(),
                    rendering: Rendering::Expected,
                    found: "kolkhoz peasants".into(),
                    english: "kolkhoz peasant".into(),
                }),
            ],
        }
    }

    #[test]
    fn write_parse_write_is_the_identity() {
        let f = sample();
        let text = f.render();
        let back = AlignmentFile::parse("a.tsv", &text).unwrap();
        assert_eq!(back, f);
        assert_eq!(back.render(), text);
        assert!(text.ends_with('\n') && !text.contains('\r'));
    }

    #[test]
    fn ids_depend_on_content_not_position() {
        let mut a = SentenceIds::default();
        let mut b = SentenceIds::default();
        let x = a.next("Erster Satz.");
        b.next("Ein ganz anderer Satz davor.");
        assert_eq!(b.next("Erster Satz."), x);
        assert_eq!(a.next("Erster Satz."), format!("{x}-2"));
    }

    #[test]
    fn parse_errors_name_the_line() {
        let text = sample().render().replace("\tcompound\t", "\tcompound\tx\t");
        let err = AlignmentFile::parse("a.tsv", &text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("a.tsv:8:1:"), "{err}");
        let err = AlignmentFile::parse("b.tsv", "hello\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a glossa alignment file"), "{err}");
    }

    #[test]
    fn unknown_values_and_truncated_files_are_refused() {
        let text = sample().render();
        for (from, to, message) in [
            ("\tcompound\t", "\tcompund\t", "expected exact, inflected"),
            ("\tbody\t", "\tbodies\t", "expected body or footnote"),
            ("\tsentence\t", "\tsatz\t", "expected sentence, heading"),
            ("\texpected\t", "\tfine\t", "expected expected, admitted"),
            ("\t0.917\t", "\thigh\t", "expected a score"),
        ] {
            let bad = text.replacen(from, to, 1);
            let err = AlignmentFile::parse("a.align", &bad)
                .unwrap_err()
                .to_string();
            assert!(err.contains(message), "{from}: {err}");
            assert!(err.starts_with("a.align:"), "{err}");
        }
        // Cut inside the last record: its line, not a shorter record.
        let cut = &text[..text.len() - 5];
        let err = AlignmentFile::parse("a.align", cut)
            .unwrap_err()
            .to_string();
        let last = text.lines().count();
        assert!(err.starts_with(&format!("a.align:{last}:1:")), "{err}");
        assert!(err.contains("truncated"), "{err}");
    }

    #[test]
    fn atomic_write_leaves_the_file_whole() {
        let dir = std::env::temp_dir().join(format!("glossa-af-{}", std::process::id()));
        let path = dir.join("x.align");
        sample().write_atomic(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), sample().render());
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    proptest! {
        #[test]
        fn any_field_round_trips(text in "\\PC*", ctx in ".*") {
            let mut f = sample();
            if let Record::Term(t) = &mut f.records[3] {
                t.context = format!("{ctx}\t\n\\{text}");
                t.surface = text.clone();
            }
            let back = AlignmentFile::parse("p", &f.render()).unwrap();
            prop_assert_eq!(back, f);
        }
    }
}
