//! Stage 1, decode: raw bytes to a [`Document`] of LF-terminated Unicode text.
//!
//! - UTF-8, with or without a byte-order mark, is taken as it is; UTF-16 with a BOM is
//!   decoded too.
//! - A file that is UTF-8 as a whole but has a few invalid bytes (a stray Latin-1 byte,
//!   a cut sequence) stays UTF-8: each invalid byte becomes U+FFFD and is reported at its
//!   `line:column` in [`Document::warnings`] (the first [`MAX_BYTE_WARNINGS`], then a
//!   count); [`Document::invalid_bytes`] has all their raw offsets. "As a whole" means
//!   that fewer bytes are invalid than characters beyond ASCII decode correctly: in a
//!   Windows-1252 file every umlaut is an invalid byte and hardly any valid sequence
//!   occurs by chance. A file with a UTF-8 byte-order mark is always read as UTF-8.
//! - Anything else that is text (Windows-1252, Latin-1, …) is recognised with chardetng,
//!   decoded with encoding_rs and reported in [`Document::warnings`], with the position
//!   of the first byte that is not UTF-8.
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
    invalid_bytes: Vec<usize>,
}

/// How many invalid bytes of a mostly UTF-8 file are reported one by one; the rest are
/// counted in one more warning.
pub const MAX_BYTE_WARNINGS: usize = 5;

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
            // Sized from the file's length: one read into room made once, not a vector
            // doubled (and copied) as it fills.
            std::fs::File::open(path).and_then(|mut f| {
                let len = f.metadata().map_or(0, |m| m.len());
                bytes.reserve_exact(usize::try_from(len).unwrap_or(0).saturating_add(1));
                f.read_to_end(&mut bytes).map(|_| ())
            })
        };
        result.map_err(|source| Error::Read {
            name: if name == "-" {
                "<stdin>".into()
            } else {
                name.clone()
            },
            source,
        })?;
        Document::from_vec(if name == "-" { "<stdin>" } else { &name }, bytes)
    }

    /// Decodes `bytes` as the document called `name` (used in messages and output).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document> {
        Document::from_vec(name, bytes.to_vec())
    }

    /// [`Document::from_bytes`] of bytes the document may keep: UTF-8 with LF line ends,
    /// the usual case, becomes the document's text without a copy.
    pub fn from_vec(name: &str, bytes: Vec<u8>) -> Result<Document> {
        let raw_len = bytes.len();
        let (decoded, raw) = decode(name, bytes)?;
        // Only read where decoding changed something (then `decode` gave them back).
        let bytes = raw.as_deref().unwrap_or_default();
        let Decoded {
            text: decoded,
            encoding,
            breaks: raw_of_decoded,
            invalid,
        } = decoded;
        check_not_binary(name, &decoded, &raw_of_decoded)?;
        let mut warnings = Vec::new();
        if let Encoding::Other(enc) = encoding {
            match std::str::from_utf8(bytes) {
                Err(e) if !enc.starts_with("UTF-16") => {
                    let (line, col) = raw_line_col(bytes, e.valid_up_to());
                    warnings.push(format!(
                        "{name}: not UTF-8 (first invalid byte at {line}:{col}); decoded as {enc}"
                    ));
                }
                _ => warnings.push(format!("{name}: not UTF-8; decoded as {enc}")),
            }
        }
        let invalid_bytes: Vec<usize> = invalid.iter().map(|&(_, raw)| raw).collect();
        for &(at, raw) in invalid.iter().take(MAX_BYTE_WARNINGS) {
            let (line, col) = text_line_col(&decoded, at);
            warnings.push(format!(
                "{name}:{line}:{col}: invalid UTF-8 byte 0x{:02X} replaced by U+FFFD",
                bytes[raw]
            ));
        }
        if invalid.len() > MAX_BYTE_WARNINGS {
            warnings.push(format!(
                "{name}: {} more invalid UTF-8 bytes replaced by U+FFFD ({} in all)",
                invalid.len() - MAX_BYTE_WARNINGS,
                invalid.len()
            ));
        }
        let (text, breaks) = to_lf(decoded, raw_of_decoded);
        let lines = LineIndex::new(&text);
        Ok(Document {
            name: name.to_string(),
            text,
            raw_len,
            encoding,
            breaks,
            lines,
            warnings,
            invalid_bytes,
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

    /// Warnings about the input, e.g. a legacy encoding or invalid bytes; for the caller
    /// to show.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The raw offsets of the bytes that were invalid in a file read as UTF-8 (each is a
    /// U+FFFD in [`Document::text`]); empty for valid UTF-8 and for legacy encodings.
    pub fn invalid_bytes(&self) -> &[usize] {
        &self.invalid_bytes
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

/// Decoded text with its map back to the raw bytes.
struct Decoded {
    text: String,
    encoding: Encoding,
    breaks: Breaks,
    /// Invalid bytes of a file read as UTF-8: `(decoded offset of its U+FFFD, raw offset)`.
    invalid: Vec<(usize, usize)>,
}

impl Decoded {
    fn whole(text: String, encoding: Encoding, breaks: Breaks) -> Decoded {
        Decoded {
            text,
            encoding,
            breaks,
            invalid: Vec::new(),
        }
    }
}

/// Decodes to a string plus the breakpoints of its map back to raw offsets. Valid UTF-8
/// without a byte-order mark becomes the string as it is (no copy; the raw bytes are then
/// the text's, and `None` is returned for them); otherwise the raw bytes are given back.
fn decode(name: &str, bytes: Vec<u8>) -> Result<(Decoded, Option<Vec<u8>>)> {
    if !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && memchr::memchr(0, &bytes).is_none()
    {
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Ok((Decoded::whole(text, Encoding::Utf8, Vec::new()), None));
            }
            Err(e) => {
                let bytes = e.into_bytes();
                let decoded = decode_slice(name, &bytes)?;
                return Ok((decoded, Some(bytes)));
            }
        }
    }
    let decoded = decode_slice(name, &bytes)?;
    Ok((decoded, Some(bytes)))
}

/// [`decode`] of borrowed bytes: the text is always a copy.
fn decode_slice(name: &str, bytes: &[u8]) -> Result<Decoded> {
    // UTF-16 carries NUL bytes, so its BOM must be looked at before the NUL check.
    for (bom, enc) in [
        (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE),
        (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE),
    ] {
        if bytes.starts_with(bom) {
            let (text, encoding, breaks) = decode_stepwise(enc, bytes, bom.len());
            return Ok(Decoded::whole(text, encoding, breaks));
        }
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::Binary {
            name: name.to_string(),
            offset,
            reason: "a NUL byte",
        });
    }
    let (skip, encoding) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(_) => (3, Encoding::Utf8Bom),
        None => (0, Encoding::Utf8),
    };
    if let Ok(text) = std::str::from_utf8(&bytes[skip..]) {
        let breaks = if skip > 0 {
            vec![(0, skip)]
        } else {
            Vec::new()
        };
        return Ok(Decoded::whole(text.to_string(), encoding, breaks));
    }
    // A byte-order mark declares UTF-8 whatever follows.
    if skip > 0 || mostly_utf8(&bytes[skip..]) {
        return Ok(decode_utf8_lossy(bytes, skip, encoding));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, encoding, breaks) = decode_stepwise(enc, bytes, 0);
    Ok(Decoded::whole(text, encoding, breaks))
}

/// Whether bytes that are not valid UTF-8 are UTF-8 as a whole: fewer bytes are invalid
/// than characters beyond ASCII are valid.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += chunk.invalid().len();
    }
    invalid < valid
}

/// Decodes UTF-8 from `skip` on, each invalid byte becoming U+FFFD.
fn decode_utf8_lossy(bytes: &[u8], skip: usize, encoding: Encoding) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut breaks = vec![(0, skip)];
    let mut invalid = Vec::new();
    let mut raw = skip;
    for chunk in bytes[skip..].utf8_chunks() {
        text.push_str(chunk.valid());
        raw += chunk.valid().len();
        for _ in chunk.invalid() {
            invalid.push((text.len(), raw));
            breaks.push((text.len(), raw));
            text.push(char::REPLACEMENT_CHARACTER);
            raw += 1;
            breaks.push((text.len(), raw));
        }
    }
    Decoded {
        text,
        encoding,
        breaks,
        invalid,
    }
}

/// The 1-based line and character column of byte `at` of `text`, counting CRLF, LF and
/// a lone CR as one line end each.
fn text_line_col(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let before = &bytes[..at];
    let lines = memchr::memchr_iter(b'\n', before).count()
        + memchr::memchr_iter(b'\r', before)
            .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
            .count();
    let start = memchr::memrchr2(b'\n', b'\r', before).map_or(0, |i| i + 1);
    (lines + 1, text[start..at].chars().count() + 1)
}

/// [`text_line_col`] of raw bytes whose prefix up to `at` is valid UTF-8.
fn raw_line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    text_line_col(prefix, at.min(prefix.len()))
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
    // Control characters (`char::is_control`: U+0000 to U+001F and U+007F to U+009F) and
    // characters counted on the bytes: C0 controls and DEL are single bytes, C1 controls
    // are 0xC2 followed by 0x80 to 0x9F, and a character is a byte that does not continue
    // one.
    let bytes = text.as_bytes();
    let (total, control) = count_controls(bytes);
    if total > 0 && control as f64 / total as f64 > MAX_CONTROL_SHARE {
        // Where the first control character is only matters for the error.
        let offset = (0..bytes.len())
            .find(|&i| is_c0_or_del(bytes[i]) || is_c1_at(bytes, i))
            .unwrap_or(0);
        let raw = map_with(breaks, offset);
        return Err(Error::Binary {
            name: name.to_string(),
            offset: raw,
            reason: "mostly control characters",
        });
    }
    Ok(())
}

/// The characters and the control characters of UTF-8 `bytes`, counted in pieces of
/// [`BINARY_PIECE`] bytes on the thread pool, with loops the compiler turns into vector
/// instructions (one pass per byte and branch was most of reading a big file).
fn count_controls(bytes: &[u8]) -> (usize, usize) {
    use rayon::prelude::*;
    bytes
        .par_chunks(BINARY_PIECE)
        .enumerate()
        .map(|(k, piece)| {
            let total = piece.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
            let c0 = piece.iter().filter(|&&b| is_c0_or_del(b)).count();
            // A C1 control's second byte may start the next piece.
            let c1 = memchr::memchr_iter(0xC2, piece)
                .filter(|&i| is_c1_at(bytes, k * BINARY_PIECE + i))
                .count();
            (total, c0 + c1)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
}

/// Bytes checked as one task of the thread pool.
const BINARY_PIECE: usize = 1 << 20;

/// A C0 control character other than white space (LF, CR, tab, form feed), or DEL.
fn is_c0_or_del(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F
}

/// Whether a C1 control character (0xC2, then 0x80 to 0x9F) starts at byte `i`.
fn is_c1_at(bytes: &[u8], i: usize) -> bool {
    bytes[i] == 0xC2 && bytes.get(i + 1).is_some_and(|&n| (0x80..0xA0).contains(&n))
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
fn to_lf(decoded: String, breaks: Breaks) -> (String, Breaks) {
    if memchr::memchr(b'\r', decoded.as_bytes()).is_none() {
        return (decoded, breaks);
    }
    let breaks = &breaks[..];
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

    proptest::proptest! {
        #[test]
        fn control_characters_are_counted_on_the_bytes_as_on_the_characters(
            text in "([\\x00-\\x20\\x7f-\\u{a0}a«]|\\PC){0,30}"
        ) {
            let total = text.chars().count();
            let control = text
                .char_indices()
                .filter(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'))
                .map(|(i, _)| i)
                .collect::<Vec<_>>();
            let binary = total > 0 && control.len() as f64 / total as f64 > MAX_CONTROL_SHARE;
            match check_not_binary("t", &text, &[]) {
                Ok(()) => proptest::prop_assert!(!binary, "{:?}", text),
                Err(Error::Binary { offset, .. }) => {
                    proptest::prop_assert!(binary, "{:?}", text);
                    proptest::prop_assert_eq!(Some(offset), control.first().copied());
                }
                Err(e) => proptest::prop_assert!(false, "{e}"),
            }
        }
    }

    #[test]
    fn control_characters_are_counted_across_pieces() {
        // A C1 control (U+0085) whose second byte starts the second piece, a C0 control on
        // either side of the cut, and characters of two bytes.
        let text = "ä".repeat(BINARY_PIECE / 2 - 1) + "a\u{85}\u{1}ü\u{7f}";
        assert_eq!(text.as_bytes()[BINARY_PIECE], 0x85);
        let chars = text.chars().count();
        assert_eq!(count_controls(text.as_bytes()), (chars, 3));
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

    /// `(name, raw input, encoding, decoded text, warnings)`: files that are UTF-8 as a
    /// whole keep their text, with every invalid byte replaced and reported.
    type ByteRow = (
        &'static str,
        &'static [u8],
        Encoding,
        &'static str,
        &'static [&'static str],
    );

    const BYTES: &[ByteRow] = &[
        (
            "one stray Latin-1 byte among umlauts",
            b"Die Stra\xC3\x9Fe f\xC3\xBChrte\nnach M\xFCnchen \xC3\xBCber K\xC3\xB6ln.\n",
            Encoding::Utf8,
            "Die Straße führte\nnach M\u{FFFD}nchen über Köln.\n",
            &["t:2:7: invalid UTF-8 byte 0xFC replaced by U+FFFD"],
        ),
        (
            "a cut sequence is two bad bytes",
            b"Gr\xC3\xBC\xC3\x9Fe \xE2\x80 aus K\xC3\xB6ln\n",
            Encoding::Utf8,
            "Grüße \u{FFFD}\u{FFFD} aus Köln\n",
            &[
                "t:1:7: invalid UTF-8 byte 0xE2 replaced by U+FFFD",
                "t:1:8: invalid UTF-8 byte 0x80 replaced by U+FFFD",
            ],
        ),
        (
            "CRLF lines and a BOM count as in the raw file",
            b"\xEF\xBB\xBF\xC3\x84ra\r\nder Kulaken \xE9\r\n",
            Encoding::Utf8Bom,
            "Ära\nder Kulaken \u{FFFD}\n",
            &["t:2:13: invalid UTF-8 byte 0xE9 replaced by U+FFFD"],
        ),
        (
            "the first five are listed, the rest counted",
            b"\xC3\xA4\xC3\xB6\xC3\xBC\xC3\x9F\xC3\x84\xC3\x96\xC3\x9C\xC3\xA9 \x81\x82\x83\x84\x85\x86\x87\n",
            Encoding::Utf8,
            "äöüßÄÖÜé \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\n",
            &[
                "t:1:10: invalid UTF-8 byte 0x81 replaced by U+FFFD",
                "t:1:11: invalid UTF-8 byte 0x82 replaced by U+FFFD",
                "t:1:12: invalid UTF-8 byte 0x83 replaced by U+FFFD",
                "t:1:13: invalid UTF-8 byte 0x84 replaced by U+FFFD",
                "t:1:14: invalid UTF-8 byte 0x85 replaced by U+FFFD",
                "t: 2 more invalid UTF-8 bytes replaced by U+FFFD (7 in all)",
            ],
        ),
        (
            "a file that is not UTF-8 as a whole is decoded as legacy",
            b"Die Kolchose\nbei M\xFCnchen gr\xFC\xDFte K\xF6ln.\n",
            Encoding::Other("windows-1252"),
            "Die Kolchose\nbei München grüßte Köln.\n",
            &["t: not UTF-8 (first invalid byte at 2:6); decoded as windows-1252"],
        ),
        (
            "ASCII with one high byte is legacy",
            b"Die Stra\xDFe.\n",
            Encoding::Other("windows-1252"),
            "Die Straße.\n",
            &["t: not UTF-8 (first invalid byte at 1:9); decoded as windows-1252"],
        ),
    ];

    #[test]
    fn bytes_table() {
        for &(name, raw, encoding, text, warnings) in BYTES {
            let doc = Document::from_bytes("t", raw).unwrap();
            assert_eq!(doc.encoding(), encoding, "{name}");
            assert_eq!(doc.text(), text, "{name}");
            assert_eq!(doc.warnings(), warnings, "{name}");
            // Every replacement maps back to its bad byte.
            let replaced: Vec<usize> = doc
                .text()
                .match_indices('\u{FFFD}')
                .map(|(i, _)| doc.raw_offset(i))
                .collect();
            if encoding != Encoding::Other("windows-1252") {
                assert_eq!(replaced, doc.invalid_bytes(), "{name}");
                assert!(replaced.iter().all(|&r| raw[r] >= 0x80), "{name}");
            }
        }
    }

    #[test]
    fn offsets_after_a_bad_byte_still_map_to_the_raw_file() {
        let raw = b"M\xFCnchen und K\xC3\xB6ln, Kolchos.\n";
        let doc = Document::from_bytes("t", &raw[..]).unwrap_or_else(|e| panic!("{e}"));
        // One valid umlaut against one bad byte: not UTF-8 as a whole.
        assert_eq!(doc.encoding(), Encoding::Other("windows-1252"));
        let raw = b"M\xFCnchen, K\xC3\xB6ln und K\xC3\xBCstrin: Kolchos.\n";
        let doc = Document::from_bytes("t", &raw[..]).unwrap();
        assert_eq!(doc.encoding(), Encoding::Utf8);
        let k = doc.text().find("Kolchos").unwrap();
        assert_eq!(&raw[doc.raw_offset(k)..doc.raw_offset(k) + 7], b"Kolchos");
        assert_eq!(doc.line_col(k), (1, 28));
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
