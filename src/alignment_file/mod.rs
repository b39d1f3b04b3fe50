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
//!   and, for a document aligned with a translation, `# target: LANG PATH` and, when a
//!   bilingual dictionary helped, `# dictionary: NAME`.
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

mod parse;
#[cfg(test)]
use parse::PARSE_CHUNK;
pub mod tmx;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::segment::SegmentKind;
use crate::terms::Tier;
use crate::terms::english::Rendering;

/// The version written in the header; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 2;

pub(crate) const MAGIC: &str = "# glossa alignment ";

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
    /// The bilingual dictionary whose word pairs helped align the sentences, if any.
    pub dictionary: Option<String>,
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
    /// How many sentences had each id's hash so far.
    seen: HashMap<u64, usize, BuildHasherDefault<Mix>>,
}

impl SentenceIds {
    /// The id of the next sentence with this text.
    pub fn next(&mut self, text: &str) -> String {
        self.number(SentenceIds::hash(text))
    }

    /// The hash an id is made of (48 bits of the text's FNV-1a). Hashing is the costly
    /// part of an id and depends on the text alone: a big document's sentences can be
    /// hashed in parallel and then numbered in order with [`SentenceIds::number`].
    pub fn hash(text: &str) -> u64 {
        fnv1a(text.as_bytes()) >> 16
    }

    /// The id of the next sentence whose text has this [`SentenceIds::hash`].
    pub fn number(&mut self, hash: u64) -> String {
        SentenceIds::id(hash, self.count(hash))
    }

    /// How many sentences had this [`SentenceIds::hash`], the next one included: the
    /// number its id carries (see [`SentenceIds::id`]). Counting all of a document's
    /// sentences and spelling out only the ids that are written (those of sentences with
    /// terms) spares a `String` per sentence.
    pub fn count(&mut self, hash: u64) -> usize {
        let n = self.seen.entry(hash).or_insert(0);
        *n += 1;
        *n
    }

    /// The id of the `n`th sentence (from 1) whose text has this [`SentenceIds::hash`].
    pub fn id(hash: u64, n: usize) -> String {
        if n == 1 {
            format!("{hash:012x}")
        } else {
            format!("{hash:012x}-{n}")
        }
    }
}

/// The hasher of [`SentenceIds`]' map, whose keys are hashes already: one multiplication
/// spreads them over all 64 bits (the standard SipHash cost a fifth of numbering a
/// document's sentences, which runs on one core).
#[derive(Default)]
struct Mix(u64);

impl std::hash::Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Appends `field` escaped (see the module documentation) to `out`: the runs between the four escaped bytes are copied
/// whole (all four are ASCII, so every run ends on a character boundary), and nothing
/// is allocated per field.
fn escape_into(out: &mut String, field: &str) {
    let mut from = 0;
    for (i, b) in field.bytes().enumerate() {
        let escaped = match b {
            b'\\' => "\\\\",
            b'\t' => "\\t",
            b'\n' => "\\n",
            b'\r' => "\\r",
            _ => continue,
        };
        out.push_str(&field[from..i]);
        out.push_str(escaped);
        from = i + 1;
    }
    out.push_str(&field[from..]);
}

/// A field's text: `\\`, `\t`, `\n` and `\r` undone; `None` for any other backslash. The
/// text between escapes is copied a run at a time (every field of every record is read
/// back when a file is validated before it is written, issue 20).
pub(crate) fn unescape(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        out.push(match rest.as_bytes().get(at + 1)? {
            b'\\' => '\\',
            b't' => '\t',
            b'n' => '\n',
            b'r' => '\r',
            _ => return None,
        });
        // The escaped letter is ASCII: one byte.
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    Some(out)
}

impl AlignmentFile {
    /// The file's text. A big file's records are rendered in parallel, in chunks of a
    /// fixed number of records joined in order, so the text is the same for any number of
    /// threads.
    pub fn render(&self) -> String {
        let mut out = self.render_header();
        if self.records.len() <= RENDER_CHUNK {
            render_records(&mut out, &self.records);
            return out;
        }
        let chunks: Vec<String> = self
            .records
            .par_chunks(RENDER_CHUNK)
            .map(|chunk| {
                let mut text = String::with_capacity(chunk.len() * 160);
                render_records(&mut text, chunk);
                text
            })
            .collect();
        out.reserve(chunks.iter().map(String::len).sum());
        for chunk in chunks {
            out.push_str(&chunk);
        }
        out
    }

    /// The header lines of the file's text (what [`AlignmentFile::render`] writes before
    /// the records).
    pub fn render_header(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("{MAGIC}{FORMAT_VERSION}\n"));
        out.push_str("# source: ");
        escape_into(&mut out, &self.source);
        out.push_str("\n# glossary: ");
        escape_into(&mut out, &self.glossary);
        out.push('\n');
        if let Some((lang, path)) = &self.target {
            out.push_str("# target: ");
            escape_into(&mut out, lang);
            out.push(' ');
            escape_into(&mut out, path);
            out.push('\n');
        }
        if let Some(d) = &self.dictionary {
            out.push_str("# dictionary: ");
            escape_into(&mut out, d);
            out.push('\n');
        }
        out
    }

    /// Writes the file atomically: to a temporary file beside it, then renamed over it,
    /// so that an interrupted run never leaves a half-written file.
    pub fn write_atomic(&self, path: &Path) -> Result<()> {
        write_atomic(path, &self.render())
    }
}

/// Records rendered as one task of the thread pool (see [`AlignmentFile::render`]).
const RENDER_CHUNK: usize = 4096;

/// The lines of `records`, appended to `out`: a file's text is its header and the lines of
/// its records, so records rendered in pieces (as the pipeline makes them) and joined in
/// order give the text of [`AlignmentFile::render`].
pub fn render_records(out: &mut String, records: &[Record]) {
    for r in records {
        render_record(out, r);
    }
}

/// One record's line, appended to `out`.
fn render_record(out: &mut String, r: &Record) {
    let tab = |out: &mut String| out.push('\t');
    let field = |out: &mut String, f: &str| {
        out.push('\t');
        escape_into(out, f);
    };
    let ids = |out: &mut String, v: &[String]| {
        out.push('\t');
        if v.is_empty() {
            out.push('-');
        }
        for (i, x) in v.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            escape_into(out, x);
        }
    };
    let place = |out: &mut String, line: usize, column: usize| {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = write!(out, "\t{line}:{column}");
    };
    match r {
        Record::Sentence(s) => {
            out.push('S');
            field(out, &s.id);
            field(out, &s.lang);
            place(out, s.line, s.column);
            tab(out);
            out.push_str(s.kind.as_str());
            field(out, &s.text);
        }
        Record::Term(t) => {
            out.push('T');
            field(out, &t.sentence);
            field(out, &t.lang);
            field(out, &t.concept);
            field(out, &t.surface);
            field(out, &t.english);
            tab(out);
            out.push_str(t.tier.as_str());
            place(out, t.line, t.column);
            tab(out);
            out.push_str(if t.in_footnote { "footnote" } else { "body" });
            field(out, &t.context);
        }
        Record::Pair(p) => {
            out.push('P');
            ids(out, &p.source);
            ids(out, &p.target);
            field(out, &p.score);
            tab(out);
            out.push_str(if p.review { "review" } else { "ok" });
            field(out, &p.lang);
            field(out, &p.source_text);
            field(out, &p.target_text);
        }
        Record::Translation(x) => {
            out.push('X');
            field(out, &x.sentence);
            field(out, &x.concept);
            field(out, &x.surface);
            tab(out);
            out.push_str(x.rendering.as_str());
            field(out, &x.found);
            field(out, &x.english);
        }
    }
    out.push('\n');
}

/// Writes `text` to `path` atomically: to a temporary file beside it, then renamed over
/// it, so that an interrupted run never leaves a half-written file.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
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
            f.write_all(text.as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(write_err)
}

#[cfg(test)]
mod tests;
