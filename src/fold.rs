//! Folding: one lowercase, accent-free alphabet for glossary forms and running text, with
//! a byte map back to the input.
//!
//! aho-corasick folds ASCII case only, but our texts spell the same word as `Politbüro`,
//! `Politburo` and `POLITBUERO`, `Straße` and `Strasse`, `Sowjet-Union` and `Sowjetunion`.
//! So both sides are folded into one alphabet before matching:
//!
//! - letters are lowercased (Unicode-aware), `ß`/`ẞ` become `ss`, diacritics are dropped
//!   (`ü` → `u`, `é` → `e`, `č` → `c`), `æ`/`œ` become `ae`/`oe`, `ø` → `o`, `ł` → `l`;
//! - the old umlaut spellings `ae`, `oe`, `ue` after a consonant fold like the umlaut
//!   (`Politbuero` → `politburo`); after a vowel they stay (`Bauer`, `neue`). Dutch `oe`
//!   (`koelak`) folds as well, harmlessly: both sides fold the same way;
//! - a hyphen between two letters or digits is dropped and remembered as a *joint*
//!   (`Sowjet-Union` → `sowjetunion` with a joint after `sowjet`), so hyphenated spellings
//!   match and the matcher still knows where a hyphenated compound was cut;
//! - soft hyphens and combining marks vanish; typographic apostrophes become `'`;
//! - every other character that is not a letter or digit becomes one space.
//!
//! Every folded byte records the offset of the input character it came from, so a range
//! of the folded text maps back to a range of the input.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded text: the folded string, the input offset of each of its bytes, and the
/// places where a hyphen between word characters was removed.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// Always valid UTF-8: ASCII bytes and whole encoded characters are pushed.
    text: Vec<u8>,
    /// The map back to the input, as runs: `(folded, src)` says that folded byte `folded`
    /// came from input offset `src`, and so on one to one until the next run. Most text
    /// is one long run, so the map costs nearly nothing to build.
    runs: Vec<(u32, u32)>,
    /// The input's length, the source of the folded text's end.
    src_len: u32,
    /// Folded offsets at which a hyphen between word characters was dropped, ascending.
    joints: Vec<u32>,
}

impl Folded {
    /// The folded text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// The folded text as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.text
    }

    /// The input offset of folded offset `i` (`i` may equal the folded length).
    pub fn source(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.src_len as usize;
        }
        let k = self.runs.partition_point(|&(f, _)| f as usize <= i);
        match k.checked_sub(1).map(|k| self.runs[k]) {
            Some((f, src)) => src as usize + (i - f as usize),
            None => 0,
        }
    }

    /// Joints (dropped hyphens) in `start..=end`, ascending.
    pub fn joints_in(&self, start: usize, end: usize) -> &[u32] {
        let a = self.joints.partition_point(|&j| (j as usize) < start);
        let b = self.joints.partition_point(|&j| (j as usize) <= end);
        &self.joints[a..b]
    }

    /// Whether folded byte `i` belongs to a word: a letter, a digit, or an apostrophe
    /// between two of them (`Chruschy's`).
    pub fn is_word_byte(&self, i: usize) -> bool {
        let b = &self.text;
        match b.get(i) {
            Some(&c) if is_word_char_byte(c) => true,
            Some(b'\'') => {
                i > 0
                    && is_word_char_byte(b[i - 1])
                    && b.get(i + 1).is_some_and(|&c| is_word_char_byte(c))
            }
            _ => false,
        }
    }

    /// The word around the folded range `start..end`: extended left and right over word
    /// bytes.
    pub fn word_around(&self, start: usize, end: usize) -> (usize, usize) {
        let mut ws = start;
        while ws > 0 && self.is_word_byte(ws - 1) {
            ws -= 1;
        }
        let mut we = end;
        while we < self.text.len() && self.is_word_byte(we) {
            we += 1;
        }
        (ws, we)
    }
}

/// A letter or digit of the folded alphabet (non-ASCII bytes are letters: everything
/// else non-ASCII was folded to a space).
fn is_word_char_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Folds a glossary form or a word; the map is not kept.
pub fn fold_str(s: &str) -> String {
    fold(s).as_str().to_string()
}

/// Folds a text, keeping the map back to it.
pub fn fold(text: &str) -> Folded {
    let mut out = Folded {
        text: Vec::with_capacity(text.len() + 8),
        runs: Vec::new(),
        src_len: text.len() as u32,
        joints: Vec::new(),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // The fast path: ASCII, one byte in, at most one byte out.
            match ASCII[b as usize] {
                b'e' => push_letter(&mut out, b'e', i),
                HYPHEN => {
                    let prev_alnum = out.text.last().is_some_and(u8::is_ascii_alphanumeric)
                        || out.text.last().is_some_and(|&p| p >= 0x80);
                    if prev_alnum && next_is_alnum(text, i + 1) {
                        out.joints.push(out.text.len() as u32);
                    } else {
                        push_byte(&mut out, b' ', i);
                    }
                }
                c => push_byte(&mut out, c, i),
            }
            i += 1;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        let len = ch.len_utf8();
        if let Some(c) = common(ch) {
            push_byte(&mut out, c, i);
        } else if ch.is_alphanumeric() {
            fold_char(&mut out, ch, i);
        } else if is_hyphen(ch)
            && out
                .text
                .last()
                .is_some_and(|&p| p.is_ascii_alphanumeric() || p >= 0x80)
            && next_is_alnum(text, i + len)
        {
            out.joints.push(out.text.len() as u32);
        } else if ch == '\u{AD}' || is_combining_mark(ch) {
            // Soft hyphen, or a combining accent left after NFC: nothing.
        } else if matches!(ch, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
            push_byte(&mut out, b'\'', i);
        } else {
            push_byte(&mut out, b' ', i);
        }
        i += len;
    }
    out
}

/// The fold of the most frequent non-ASCII characters of German and Dutch text, without
/// the Unicode tables.
#[inline]
fn common(ch: char) -> Option<u8> {
    Some(match ch {
        'ä' | 'Ä' | 'á' | 'à' | 'â' => b'a',
        'ö' | 'Ö' | 'ó' | 'ò' | 'ô' => b'o',
        'ü' | 'Ü' | 'ú' | 'ù' | 'û' => b'u',
        'é' | 'è' | 'ë' | 'ê' | 'É' => b'e',
        'ï' | 'í' | 'î' => b'i',
        '„' | '“' | '”' | '»' | '«' | '‚' | '‹' | '›' | '–' | '—' | '…' | '\u{A0}' | '§' | '°' => {
            b' '
        }
        _ => return None,
    })
}

/// Marks `-` in [`ASCII`].
const HYPHEN: u8 = 0xFF;

/// How each ASCII byte folds: letters to lowercase, digits and `'` to themselves, `-` to
/// [`HYPHEN`], everything else to a space.
const ASCII: [u8; 128] = {
    let mut t = [b' '; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() || c == b'\'' {
            t[i] = c.to_ascii_lowercase();
        } else if c == b'-' {
            t[i] = HYPHEN;
        }
        i += 1;
    }
    t
};

fn next_is_alnum(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[inline]
fn push_byte(out: &mut Folded, b: u8, src: usize) {
    let folded = out.text.len() as u32;
    let src = src as u32;
    let continues = out
        .runs
        .last()
        .is_some_and(|&(f, s)| s.wrapping_sub(f) == src.wrapping_sub(folded));
    if !continues {
        out.runs.push((folded, src));
    }
    out.text.push(b);
}

/// Pushes a folded ASCII letter, folding `ae`/`oe`/`ue` after a consonant to `a`/`o`/`u`.
fn push_letter(out: &mut Folded, c: u8, src: usize) {
    if c == b'e' {
        let t = &out.text;
        let n = t.len();
        if n >= 1 && matches!(t[n - 1], b'a' | b'o' | b'u') {
            let before_ok = n == 1 || !t[n - 2].is_ascii_alphabetic() || !is_vowel(t[n - 2]);
            // Only a real joint-free digraph: `Politbuero`, not `Sowjet-Ebene` across a
            // dropped hyphen.
            let joint_between = out.joints.last().is_some_and(|&j| j as usize == n);
            if before_ok && !joint_between {
                return;
            }
        }
    }
    push_byte(out, c, src);
}

fn fold_char(out: &mut Folded, ch: char, src: usize) {
    for lower in ch.to_lowercase() {
        match lower {
            'ß' | 'ẞ' => {
                push_byte(out, b's', src);
                push_byte(out, b's', src);
            }
            'æ' => {
                push_byte(out, b'a', src);
                push_byte(out, b'e', src);
            }
            'œ' => {
                push_byte(out, b'o', src);
                push_byte(out, b'e', src);
            }
            'ø' => push_byte(out, b'o', src),
            'ł' => push_byte(out, b'l', src),
            'ı' => push_byte(out, b'i', src),
            c if c.is_ascii() => push_letter(out, c as u8, src),
            c => decompose_canonical(c, |d| {
                if is_combining_mark(d) {
                } else if d.is_ascii() {
                    push_byte(out, d.to_ascii_lowercase() as u8, src);
                } else {
                    let mut buf = [0u8; 4];
                    for &b in d.encode_utf8(&mut buf).as_bytes() {
                        // Every byte of the character maps to its start.
                        let folded = out.text.len() as u32;
                        out.runs.push((folded, src as u32));
                        out.text.push(b);
                    }
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_umlauts_and_eszett() {
        for (input, want) in [
            ("Politbüro", "politburo"),
            ("POLITBUERO", "politburo"),
            ("Straße", "strasse"),
            ("Bauern", "bauern"),
            ("neue", "neue"),
            ("Kronstädter", "kronstadter"),
            ("Chruščev", "chruscev"),
            ("koelakken", "kolakken"),
            ("Sowjet-Union", "sowjetunion"),
            ("„Kreml“", " kreml "),
            ("Sowjet- und", "sowjet  und"),
        ] {
            assert_eq!(fold_str(input), want, "{input}");
        }
    }

    #[test]
    fn maps_back_to_input_offsets() {
        let f = fold("Groß-Moskau");
        assert_eq!(f.as_str(), "grossmoskau");
        assert_eq!(f.source(3), 3); // first s of ß
        assert_eq!(f.source(4), 3); // second s of ß
        assert_eq!(f.source(5), 6); // M, after the hyphen
        assert_eq!(f.source(f.as_str().len()), "Groß-Moskau".len());
        assert_eq!(f.joints_in(0, 11), &[5]);
    }

    #[test]
    fn apostrophe_belongs_to_a_word_only_between_letters() {
        let f = fold("Chruschy’s 'x'");
        assert_eq!(f.word_around(0, 3), (0, 10));
        assert!(!f.is_word_byte(11));
    }
}
