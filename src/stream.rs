//! The stream protocol of `glossa align --stream`: JSON lines in, one record per input line
//! out, for engines that distribute the work themselves (Spark's `RDD.pipe`, Hadoop
//! streaming, GNU parallel). [`Stream::record`] turns one input line into its [`Record`];
//! reading the lines, batching and writing are the caller's. `docs/stream.md` is the
//! reference for users, with every error record and an example a test runs.
//!
//! # Input
//!
//! Each line is a JSON object with an `"id"`, any JSON scalar (string, number or boolean),
//! and exactly one of
//! - `"text"`: the document itself;
//! - `"path"`: a file to read, as a path (relative to the working directory) or as a
//!   `file:` URI, the keys Spark's `wholeTextFiles` gives: `file:/data/a.txt`,
//!   `file:///data/a.txt` and `file://localhost/data/a.txt` name the same file, and
//!   percent-escapes are decoded (`file:/data/a%20b.txt` is `/data/a b.txt`). A path that
//!   begins with a scheme of two characters or more and `:/` is a URI; everything after
//!   the host is its path (`?` and `#` included: Hadoop's keys do not escape them).
//!
//! Other keys are ignored. `glossa align --stream` drops each line's `\n` and a `\r` before
//! it (CRLF input), and a byte-order mark at the start of the stream.
//!
//! # Output
//!
//! Every input line gets exactly one record, so N lines in give N records out:
//! `{"line": …, "id": …, "terms": […]}`, or `{"line": …, "id": …, "error": "…"}` for a
//! line that cannot be used. `line` is the 1-based number of the input line; `id` is the
//! line's id exactly as it was written (`7` stays a number, `"7"` a string), or `null`
//! when the line has none that can be read (an id read before the line turned out to be
//! broken is kept). `terms` holds the term records of `glossa align --format jsonl`. A
//! record whose document needed a guessed encoding has `"warnings": […]` after its terms.
//!
//! A blank line (empty or white space only) is not skipped: it gets an error record like
//! any other line that holds no document.
//!
//! # Refused, with an error record
//!
//! - `"path": "-"`: standard input carries the stream, reading it again would wait
//!   forever; and the stream's own input file ([`Stream::refusing`]), which would be read
//!   as a document;
//! - anything that is not a regular file or a directory (a FIFO, a device such as
//!   `/dev/stdin` on a pipe, a socket): reading it could block or never end;
//! - URIs of another scheme (`hdfs:`, `s3a:`) or of another host: only local files are
//!   read; such documents come as `"text"`.
//!
//! A path that cannot be read keeps the system's reason ("No such file or directory (os
//! error 2)", "Is a directory (os error 21)").
//!
//! # Encoding
//!
//! `"text"` is UTF-8, as JSON is: the engine has decoded the file before glossa sees it (a
//! Latin-1 file read as UTF-8 by Spark is already mangled). A `"path"` is decoded like any
//! file glossa reads ([`crate::source`]): UTF-8, UTF-16 with a BOM, or a guessed legacy
//! encoding, with a warning.

use std::borrow::Cow;
use std::fmt;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::pipeline::{Aligner, Occurrence};
use crate::source::Document;

/// Turns input lines into records with one aligner (the glossary compiled once).
#[derive(Debug)]
pub struct Stream<'a> {
    aligner: &'a Aligner,
    own_input: Option<FileKey>,
}

/// What identifies a file on its file system (device and inode on Unix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileKey {
    dev: u64,
    ino: u64,
}

impl FileKey {
    #[cfg(unix)]
    fn of(meta: &Metadata) -> Option<FileKey> {
        use std::os::unix::fs::MetadataExt;
        Some(FileKey {
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of(_: &Metadata) -> Option<FileKey> {
        None
    }
}

/// The record of one input line.
#[derive(Debug)]
pub struct Record {
    /// The 1-based number of the input line.
    pub line: usize,
    /// The line's id as written, if one could be read.
    pub id: Option<Box<RawValue>>,
    /// The document's term occurrences, or why the line gave none.
    pub result: Result<Vec<Occurrence>, LineError>,
    /// What the caller may want to know about the document (a guessed encoding).
    pub warnings: Vec<String>,
}

impl Record {
    /// Whether this is an error record.
    pub fn is_error(&self) -> bool {
        self.result.is_err()
    }
}

/// `{"line", "id", "terms" | "error", ["warnings"]}`, keys in this order.
impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("line", &self.line)?;
        m.serialize_entry("id", &self.id)?;
        match &self.result {
            Ok(terms) => m.serialize_entry("terms", terms)?,
            Err(e) => m.serialize_entry("error", &e.to_string())?,
        }
        if !self.warnings.is_empty() {
            m.serialize_entry("warnings", &self.warnings)?;
        }
        m.end()
    }
}

/// Why an input line gave no terms; the text of its error record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LineError {
    /// An empty line, or white space only.
    #[error("blank line: no document")]
    Blank,
    /// The line is not UTF-8 (JSON text is), at this byte of the line.
    #[error("not UTF-8 (invalid byte at byte {offset} of the line)")]
    NotUtf8 { offset: usize },
    /// The line is not a JSON object, or a broken one.
    #[error("bad JSON line: {message}")]
    Json { message: String },
    /// No `"id"`, or `"id": null`.
    #[error("missing \"id\" (a string, number or boolean)")]
    MissingId,
    /// The id is an object or an array.
    #[error("\"id\" must be a string, number or boolean, not {found}")]
    IdNotScalar { found: &'static str },
    /// Neither `"text"` nor `"path"`.
    #[error("needs \"text\" or \"path\" (a string)")]
    NoDocument,
    /// Both `"text"` and `"path"`.
    #[error("has both \"text\" and \"path\": give one")]
    TextAndPath,
    /// `"text"` or `"path"` is not a string.
    #[error("\"{key}\" must be a string, not {found}")]
    NotAString {
        key: &'static str,
        found: &'static str,
    },
    /// `"path": "-"`.
    #[error(
        "\"path\": \"-\" would read standard input, which carries the stream; send the document as \"text\""
    )]
    StandardInput,
    /// The path is the file the stream itself is read from.
    #[error("{path}: is the stream's own standard input; send the document as \"text\"")]
    OwnInput { path: String },
    /// A FIFO, a device, a socket.
    #[error("{path}: not a regular file but a {kind}; reading it could block or never end")]
    NotRegular { path: String, kind: &'static str },
    /// A URI glossa does not read: another scheme, another host, no path.
    #[error("{uri}: {reason}")]
    Uri { uri: String, reason: String },
    /// The file could not be read; `source` is the system's reason.
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The document was read but refused (binary).
    #[error(transparent)]
    Document(#[from] crate::error::Error),
}

impl<'a> Stream<'a> {
    /// A stream aligning each document with `aligner`.
    pub fn new(aligner: &'a Aligner) -> Stream<'a> {
        Stream {
            aligner,
            own_input: None,
        }
    }

    /// Refuses `"path"` lines that name the file `meta` describes: the stream's own
    /// standard input when it is a regular file (`glossa align --stream < docs.jsonl`
    /// with a line naming `/dev/stdin`). Has no effect where files have no identity
    /// glossa can compare (outside Unix).
    pub fn refusing(mut self, meta: &Metadata) -> Stream<'a> {
        self.own_input = FileKey::of(meta);
        self
    }

    /// The record of input line number `line` (1-based), `bytes` without its line end.
    pub fn record(&self, line: usize, bytes: &[u8]) -> Record {
        let mut fields = Fields::default();
        let result = self.terms(bytes, &mut fields);
        let (result, warnings) = match result {
            Ok((terms, warnings)) => (Ok(terms), warnings),
            Err(e) => (Err(e), Vec::new()),
        };
        Record {
            line,
            id: fields.id.map(RawValue::to_owned),
            result,
            warnings,
        }
    }

    fn terms<'de>(
        &self,
        bytes: &'de [u8],
        fields: &mut Fields<'de>,
    ) -> Result<(Vec<Occurrence>, Vec<String>), LineError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(LineError::Blank);
        }
        let parsed = parse(bytes, fields);
        if let Err(e) = std::str::from_utf8(bytes) {
            return Err(LineError::NotUtf8 {
                offset: e.valid_up_to(),
            });
        }
        parsed?;
        let id = fields.id.ok_or(LineError::MissingId)?;
        let found = kind(id.get());
        match found {
            "null" => return Err(LineError::MissingId),
            "an object" | "an array" => return Err(LineError::IdNotScalar { found }),
            _ => {}
        }
        let (name, raw) = match (fields.text.take(), fields.path.take()) {
            (Some(_), Some(_)) => return Err(LineError::TextAndPath),
            (None, None) => return Err(LineError::NoDocument),
            (Some(text), None) => {
                let text = string("text", text)?;
                // The id names the document: as a string it is, or as written.
                let name = serde_json::from_str::<String>(id.get())
                    .unwrap_or_else(|_| id.get().to_string());
                (name, text.into_bytes())
            }
            (None, Some(path)) => {
                let given = string("path", path)?;
                let raw = self.read(&given)?;
                (given, raw)
            }
        };
        let doc = Document::from_bytes(&name, &raw)?;
        let aligned = self.aligner.align(&doc, &name);
        Ok((aligned.occurrences, doc.warnings().to_vec()))
    }

    /// The bytes of the file a `"path"` names, refusing what could block.
    fn read(&self, given: &str) -> Result<Vec<u8>, LineError> {
        let path = local_path(given)?;
        let shown = if Path::new(given) == path {
            given.to_string()
        } else {
            format!("{} (from {given})", path.display())
        };
        let read_error = |source| LineError::Read {
            path: shown.clone(),
            source,
        };
        let meta = std::fs::metadata(&path).map_err(read_error)?;
        if !meta.is_file() && !meta.is_dir() {
            return Err(LineError::NotRegular {
                path: shown,
                kind: special_kind(&meta),
            });
        }
        if self.own_input.is_some() && FileKey::of(&meta) == self.own_input {
            return Err(LineError::OwnInput { path: shown });
        }
        // A directory passes to here so that the system says what it is.
        std::fs::read(&path).map_err(read_error)
    }
}

/// What kind of special file `meta` describes.
fn special_kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "character device";
        }
        if t.is_block_device() {
            return "block device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    let _ = meta;
    "special file"
}

/// The path a `"path"` value names: itself, or the path of a local `file:` URI.
fn local_path(given: &str) -> Result<PathBuf, LineError> {
    if given == "-" {
        return Err(LineError::StandardInput);
    }
    let Some(scheme) = uri_scheme(given) else {
        return Ok(PathBuf::from(given));
    };
    let uri_error = |reason: String| LineError::Uri {
        uri: given.to_string(),
        reason,
    };
    if !scheme.eq_ignore_ascii_case("file") {
        return Err(uri_error(format!(
            "only local files are read (file: URIs), not {scheme}: ones; send the document as \"text\""
        )));
    }
    let rest = &given[scheme.len() + 1..];
    let path = match rest.strip_prefix("//") {
        Some(authority_and_path) => {
            let (host, path) = authority_and_path
                .find('/')
                .map_or((authority_and_path, ""), |i| authority_and_path.split_at(i));
            if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
                return Err(uri_error(format!(
                    "names the host `{host}`; only local files are read (no host, or localhost)"
                )));
            }
            path
        }
        None => rest,
    };
    if path.is_empty() {
        return Err(uri_error("names no file".into()));
    }
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(path).collect();
    path_from_bytes(bytes).map_err(|()| uri_error("its path is not UTF-8".into()))
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> Result<PathBuf, ()> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> Result<PathBuf, ()> {
    String::from_utf8(bytes).map(PathBuf::from).map_err(|_| ())
}

/// The scheme of `s` when it begins like a URI: a letter, then letters, digits, `+`, `-`
/// or `.` (two characters at least, so that `C:/` stays a drive), then `:/`.
fn uri_scheme(s: &str) -> Option<&str> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest = chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (starts && rest && scheme.len() >= 2 && s[colon + 1..].starts_with('/')).then_some(scheme)
}

/// What a JSON value (as written) is, for messages.
fn kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        _ => "a number",
    }
}

fn value_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn string(key: &'static str, v: Value) -> Result<String, LineError> {
    match v {
        Value::String(s) => Ok(s),
        other => Err(LineError::NotAString {
            key,
            found: value_kind(&other),
        }),
    }
}

/// The keys of an input line that glossa reads, kept as far as parsing got: an id read
/// before the line turned out to be broken is still echoed.
#[derive(Default)]
struct Fields<'de> {
    id: Option<&'de RawValue>,
    text: Option<Value>,
    path: Option<Value>,
}

fn parse<'de>(bytes: &'de [u8], fields: &mut Fields<'de>) -> Result<(), LineError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    fields
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| {
            // serde_json says "… at line 1 column N"; the line is always 1 here and
            // would be mistaken for the input line.
            // It says column 0 when it knows no position.
            let text = e.to_string();
            let mut message = match text.rfind(" at line ") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            if e.column() > 0 {
                message.push_str(&format!(" at column {}", e.column()));
            }
            LineError::Json { message }
        })
}

impl<'de> DeserializeSeed<'de> for &mut Fields<'de> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut Fields<'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let duplicate = match key.as_ref() {
                "id" => self.id.replace(map.next_value()?).is_some(),
                "text" => self.text.replace(map.next_value()?).is_some(),
                "path" => self.path.replace(map.next_value()?).is_some(),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    false
                }
            };
            if duplicate {
                return Err(de::Error::custom(format_args!("duplicate key \"{key}\"")));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
