//! Stage 1, decode: raw bytes to a [`Document`] of LF-terminated Unicode text.
//!
//! - UTF-8, with or without a byte-order mark, is taken as it is; UTF-16 with a BOM is
//!   decoded too.
//! - Anything else that is text (Windows-1252, Latin-1, …) is recognised with chardetng,
//!   decoded with encoding_rs and reported in [`Document::warnings`].
//! - Binary input (a NUL byte, or text that decodes to mostly control characters) is
//!   refused with [`Error::Binary`], naming the file and the byte offset.
//! - CRLF and lone CR become LF.
//!
//! The decoded text keeps a map back to raw byte offsets ([`Document::raw_offset`]), so
//! every later stage can report positions in the original file.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::span::LineIndex;

/// How the raw bytes were decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (the mark is not part of the text).
    Utf8Bom,
    /// A legacy or UTF-16 encoding, by its WHATWG name (`windows-1252`, `UTF-16LE`, …).
    Other(&'static str),
}

impl Encoding {
    /// The encoding's name as printed in warnings.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with BOM)",
            Encoding::Other(name) => name,
        }
    }
}

/// A decoded source document.
#[derive(Clone, Debug)]
pub struct Document {
    name: String,
    text: String,
    raw_len: usize,
    encoding: Encoding,
    /// Breakpoints `(text offset, raw offset)`, sorted; between two breakpoints the two
    /// offsets advance together. Empty when text and raw bytes coincide.
    breaks: Vec<(usize, usize)>,
    lines: LineIndex,
    warnings: Vec<String>,
}

/// The share of control characters above which decoded text counts as binary.
const MAX_CONTROL_SHARE: f64 = 0.05;

impl Document {
    /// Reads a file, or standard input when `path` is `-`.
    pub fn read(path: &Path) -> Result<Document> {
        let name = path.display().to_string();
        let mut bytes = Vec::new();
        let result = if name == "-" {
            std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
        };
        result.map_err(|source| Error::Read {
            name: if name == "-" {
                "<stdin>".into()
            } else {
                name.clone()
            },
            source,
        })?;
        Document::from_bytes(if name == "-" { "<stdin>" } else { &name }, &bytes)
    }

    /// Decodes `bytes` as the document called `name` (used in messages and output).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document> {
        let (decoded, encoding, raw_of_decoded) = decode(name, bytes)?;
        check_not_binary(name, &decoded, &raw_of_decoded)?;
        let (text, breaks) = to_lf(&decoded, &raw_of_decoded);
        let mut warnings = Vec::new();
        if let Encoding::Other(enc) = encoding {
            warnings.push(format!("{name}: not UTF-8; decoded as {enc}"));
        }
        let lines = LineIndex::new(&text);
        Ok(Document {
            name: name.to_string(),
            text,
            raw_len: bytes.len(),
            encoding,
            breaks,
            lines,
            warnings,
        })
    }

    /// The name given when reading (a path, or `<stdin>`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The decoded text: Unicode, LF line ends, no BOM.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The encoding the raw bytes were read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Warnings about the input, e.g. a legacy encoding; for the caller to show.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The length of the raw input in bytes.
    pub fn raw_len(&self) -> usize {
        self.raw_len
    }

    /// Maps a byte offset of [`Document::text`] to a byte offset of the raw input.
    pub fn raw_offset(&self, text_offset: usize) -> usize {
        if self.breaks.is_empty() {
            return text_offset;
        }
        let i = self.breaks.partition_point(|&(t, _)| t <= text_offset);
        if i == 0 {
            return text_offset;
        }
        let (t, r) = self.breaks[i - 1];
        (r + (text_offset - t)).min(self.raw_len)
    }

    /// The 1-based line and 1-based column (in characters) of a text offset.
    ///
    /// Lines are counted as in the raw file: CRLF and CR each end one line.
    pub fn line_col(&self, text_offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, text_offset)
    }

    /// The text of the 1-based line `line`, without its LF.
    pub fn line_text(&self, line: usize) -> &str {
        self.lines.line_text(&self.text, line)
    }
}

/// Breakpoints `(decoded offset, raw offset)` between which both advance together.
type Breaks = Vec<(usize, usize)>;

/// Decodes to a string plus the breakpoints of its map back to raw offsets.
fn decode(name: &str, bytes: &[u8]) -> Result<(String, Encoding, Breaks)> {
    // UTF-16 carries NUL bytes, so its BOM must be looked at before the NUL check.
    for (bom, enc) in [
        (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE),
        (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE),
    ] {
        if bytes.starts_with(bom) {
            return Ok(decode_stepwise(enc, bytes, bom.len()));
        }
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::Binary {
            name: name.to_string(),
            offset,
            reason: "a NUL byte",
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if let Ok(text) = std::str::from_utf8(rest) {
            return Ok((text.to_string(), Encoding::Utf8Bom, vec![(0, 3)]));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), Encoding::Utf8, Vec::new()));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(decode_stepwise(enc, bytes, 0))
}

/// Decodes with `enc`, recording a breakpoint wherever decoded and raw offsets drift.
fn decode_stepwise(
    enc: &'static encoding_rs::Encoding,
    bytes: &[u8],
    skip: usize,
) -> (String, Encoding, Breaks) {
    let mut breaks = vec![(0, skip)];
    let text = if enc.is_single_byte() {
        // One byte is one character, so the map follows from the characters' lengths.
        let (text, _) = enc.decode_without_bom_handling(&bytes[skip..]);
        let mut raw = skip;
        for (i, c) in text.char_indices() {
            raw += 1;
            if c.len_utf8() != 1 {
                breaks.push((i + c.len_utf8(), raw));
            }
        }
        text.into_owned()
    } else {
        // Multi-byte encodings: feed a byte at a time and note where characters complete.
        let mut decoder = enc.new_decoder_without_bom_handling();
        let mut text = String::with_capacity(bytes.len() * 2);
        for i in skip..bytes.len() {
            let before = text.len();
            text.reserve(16);
            let last = i + 1 == bytes.len();
            let _ = decoder.decode_to_string(&bytes[i..i + 1], &mut text, last);
            if text.len() != before {
                breaks.push((text.len(), i + 1));
            }
        }
        text
    };
    breaks.dedup_by_key(|b| b.0 as isize - b.1 as isize);
    (text, Encoding::Other(enc.name()), breaks)
}

fn check_not_binary(name: &str, text: &str, breaks: &[(usize, usize)]) -> Result<()> {
    // Fast path: no control byte at all (C1 controls start with 0xC2, checked below).
    if !text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F || b == 0xC2)
    {
        return Ok(());
    }
    let mut total = 0usize;
    let mut control = 0usize;
    let mut first = None;
    for (i, c) in text.char_indices() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            control += 1;
            first.get_or_insert(i);
        }
    }
    if total > 0 && control as f64 / total as f64 > MAX_CONTROL_SHARE {
        let offset = first.unwrap_or(0);
        let raw = map_with(breaks, offset);
        return Err(Error::Binary {
            name: name.to_string(),
            offset: raw,
            reason: "mostly control characters",
        });
    }
    Ok(())
}

fn map_with(breaks: &[(usize, usize)], offset: usize) -> usize {
    let i = breaks.partition_point(|&(t, _)| t <= offset);
    if i == 0 {
        offset
    } else {
        breaks[i - 1].1 + (offset - breaks[i - 1].0)
    }
}

/// Turns CRLF and CR into LF, composing the offset map of decoding with its own.
fn to_lf(decoded: &str, breaks: &[(usize, usize)]) -> (String, Breaks) {
    if !decoded.contains('\r') {
        return (decoded.to_string(), breaks.to_vec());
    }
    let mut out = String::with_capacity(decoded.len());
    let mut out_breaks: Vec<(usize, usize)> = Vec::new();
    let mut last = 0;
    let bytes = decoded.as_bytes();
    let push_break = |out_len: usize, decoded_off: usize, v: &mut Vec<(usize, usize)>| {
        v.push((out_len, map_with(breaks, decoded_off)));
    };
    push_break(0, 0, &mut out_breaks);
    for i in memchr::memchr_iter(b'\r', bytes) {
        out.push_str(&decoded[last..i]);
        out.push('\n');
        last = if bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
        push_break(out.len(), last, &mut out_breaks);
    }
    out.push_str(&decoded[last..]);
    // Re-insert the decoding breakpoints that fall between CRs.
    for &(t, _) in breaks {
        // decoded offset t -> output offset: subtract the number of CRLF pairs before t
        let removed = memchr::memchr_iter(b'\r', &bytes[..t.min(bytes.len())])
            .filter(|&i| bytes.get(i + 1) == Some(&b'\n') && i + 1 < t)
            .count();
        out_breaks.push((t - removed, map_with(breaks, t)));
    }
    out_breaks.sort_unstable();
    out_breaks.dedup_by_key(|b| b.0);
    (out, out_breaks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_offsets_shift() {
        let doc = Document::from_bytes("t", b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!(doc.text(), "abc");
        assert_eq!(doc.encoding(), Encoding::Utf8Bom);
        assert_eq!(doc.raw_offset(0), 3);
        assert_eq!(doc.raw_offset(3), 6);
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        let doc = Document::from_bytes("t", b"a\r\nb\rc\n").unwrap();
        assert_eq!(doc.text(), "a\nb\nc\n");
        assert_eq!(doc.raw_offset(2), 3); // 'b'
        assert_eq!(doc.raw_offset(4), 5); // 'c'
        assert_eq!(doc.line_col(4), (3, 1));
    }

    #[test]
    fn latin1_is_decoded_with_a_warning() {
        let raw = b"Die Stra\xDFe nach Moskau f\xFChrt \xFCber Smolensk. Gr\xFC\xDFe aus K\xF6ln und M\xFCnchen.\n";
        let doc = Document::from_bytes("old.txt", raw).unwrap();
        assert!(doc.text().contains("Straße"), "{}", doc.text());
        assert!(doc.warnings()[0].contains("old.txt"));
        assert!(
            doc.warnings()[0].contains("windows-1252"),
            "{:?}",
            doc.warnings()
        );
        let m = doc.text().find("Moskau").unwrap();
        assert_eq!(&raw[doc.raw_offset(m)..doc.raw_offset(m) + 6], b"Moskau");
    }

    #[test]
    fn nul_byte_is_binary() {
        let err = Document::from_bytes("x.bin", b"abc\0def").unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 3, .. }), "{err}");
        assert!(err.to_string().contains("x.bin"));
    }

    #[test]
    fn control_characters_are_binary() {
        let raw: Vec<u8> = (1u8..32).cycle().take(400).collect();
        assert!(matches!(
            Document::from_bytes("c", &raw),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut raw = vec![0xFF, 0xFE];
        for u in "Kolchos\n".encode_utf16() {
            raw.extend_from_slice(&u.to_le_bytes());
        }
        let doc = Document::from_bytes("u16", &raw).unwrap();
        assert_eq!(doc.text(), "Kolchos\n");
        assert_eq!(doc.raw_offset(1), 4);
    }

    #[test]
    fn line_col_counts_characters() {
        let doc = Document::from_bytes("t", "Über\nÄra Kolchos".as_bytes()).unwrap();
        let k = doc.text().find("Kolchos").unwrap();
        assert_eq!(doc.line_col(k), (2, 5));
        assert_eq!(doc.line_text(2), "Ära Kolchos");
    }
}
