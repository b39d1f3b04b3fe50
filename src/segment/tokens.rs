//! The nom grammar of tokens.
//!
//! ```text
//! token    = link | word | number | space | ellipsis | period | terminal | quote | bracket | other
//! link     = URL or e-mail address, as crate::links finds them (one token, dots and all)
//! word     = (letter | combining-mark)+          ; any Unicode letters, not ASCII only
//! number   = ascii-digit+
//! space    = whitespace+
//! ellipsis = "..." | "…"
//! period   = "."
//! terminal = ("?" | "!")+
//! quote    = open-quote | close-quote | either-quote
//! open-quote   = "„" | "‚"
//! close-quote  = "“" | "”" | "‘" | "’"       ; German closes with “ ‘, Dutch and English with ” ’
//! either-quote = "»" | "«" | "›" | "‹" | '"' | "'"   ; direction depends on the neighbours
//! bracket  = "(" | "[" | "{" | ")" | "]" | "}"
//! other    = any other single character
//! ```
//!
//! `“` opens a quote in Dutch and English but closes one in German, and `»` opens a German
//! quote but closes a Swiss or French one, so quotes are classified by their neighbours in
//! the boundary rules rather than here.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::anychar;
use nom::combinator::{map, recognize};
use nom::{IResult, Parser};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A URL or an e-mail address.
    Link,
    Word,
    Number,
    Space,
    Ellipsis,
    Period,
    Terminal,
    OpenQuote,
    CloseQuote,
    EitherQuote,
    OpenBracket,
    CloseBracket,
    Other,
}

/// A token: its kind and its byte range in the tokenised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// `take_while1(full)` for a test `full` that `ascii` answers alike on ASCII bytes: runs
/// of ASCII, most of the text, are scanned byte by byte, and the rest char by char.
fn run1(input: &str, ascii: fn(u8) -> bool, full: fn(char) -> bool) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let mut end = bytes.iter().take_while(|&&b| ascii(b)).count();
    if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
        end = input[end..]
            .char_indices()
            .find(|&(_, c)| !full(c))
            .map_or(input.len(), |(i, _)| end + i);
    }
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        )));
    }
    Ok((&input[end..], &input[..end]))
}

fn word(input: &str) -> IResult<&str, &str> {
    run1(input, |b| b.is_ascii_alphabetic(), is_word_char)
}

fn number(input: &str) -> IResult<&str, &str> {
    // Digits are ASCII only: no char may continue a run.
    run1(input, |b| b.is_ascii_digit(), |_| false)
}

fn space(input: &str) -> IResult<&str, &str> {
    run1(input, |b| (b as char).is_whitespace(), char::is_whitespace)
}

fn token(input: &str) -> IResult<&str, Kind> {
    alt((
        map(word, |_| Kind::Word),
        map(number, |_| Kind::Number),
        map(space, |_| Kind::Space),
        map(alt((tag("..."), tag("…"))), |_| Kind::Ellipsis),
        map(tag("."), |_| Kind::Period),
        map(take_while1(|c| c == '?' || c == '!'), |_| Kind::Terminal),
        map(recognize(anychar), |s: &str| classify_char(s)),
    ))
    .parse(input)
}

fn classify_char(s: &str) -> Kind {
    match s {
        "„" | "‚" => Kind::OpenQuote,
        "“" | "”" | "‘" | "’" => Kind::CloseQuote,
        "»" | "«" | "›" | "‹" | "\"" | "'" => Kind::EitherQuote,
        "(" | "[" | "{" => Kind::OpenBracket,
        ")" | "]" | "}" => Kind::CloseBracket,
        _ => Kind::Other,
    }
}

/// The token at the start of `input` when it starts with an ASCII byte, found from that
/// byte without trying the grammar's alternatives one by one: the same token as [`token`]
/// (a test compares them). `None` for a character beyond ASCII or empty input.
fn ascii_token(input: &str) -> Option<(&str, Kind)> {
    let b = *input.as_bytes().first()?;
    let taken = |n: usize, kind: Kind| Some((&input[n..], kind));
    fn run<'a>(r: IResult<&'a str, &'a str>, kind: Kind) -> Option<(&'a str, Kind)> {
        r.ok().map(|(rest, _)| (rest, kind))
    }
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => run(word(input), Kind::Word),
        b'0'..=b'9' => run(number(input), Kind::Number),
        b'.' if input.starts_with("...") => taken(3, Kind::Ellipsis),
        b'.' => taken(1, Kind::Period),
        b'?' | b'!' => {
            let n = input
                .bytes()
                .take_while(|&c| c == b'?' || c == b'!')
                .count();
            taken(n, Kind::Terminal)
        }
        _ if (b as char).is_whitespace() => run(space(input), Kind::Space),
        _ if b.is_ascii() => taken(1, classify_char(&input[..1])),
        _ => None,
    }
}

/// Tokenises `text` completely (every byte belongs to exactly one token).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut links = crate::links::links(text).into_iter().peekable();
    let mut rest = text;
    while !rest.is_empty() {
        let start = text.len() - rest.len();
        if let Some(&(s, e)) = links.peek()
            && s == start
        {
            out.push(Token {
                kind: Kind::Link,
                start: s,
                end: e,
            });
            rest = &text[e..];
            links.next();
            continue;
        }
        match ascii_token(rest).map_or_else(|| token(rest), Ok) {
            Ok((next, kind)) => {
                let end = text.len() - next.len();
                out.push(Token { kind, start, end });
                rest = next;
            }
            // Unreachable: `anychar` accepts any non-empty input. Keep going regardless.
            Err(_) => {
                let len = rest.chars().next().map_or(1, char::len_utf8);
                out.push(Token {
                    kind: Kind::Other,
                    start,
                    end: start + len,
                });
                rest = &rest[len..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn fast_runs_equal_take_while1(text in "([a-zA-Z0-9 \t\u{b}]|\\PC){0,30}") {
            type R<'a> = IResult<&'a str, &'a str>;
            let same = |fast: R<'_>, slow: R<'_>| fast.ok() == slow.ok();
            proptest::prop_assert!(same(word(&text), take_while1(is_word_char).parse(&text)));
            proptest::prop_assert!(same(
                number(&text),
                take_while1(|c: char| c.is_ascii_digit()).parse(&text)
            ));
            proptest::prop_assert!(same(
                space(&text),
                take_while1(char::is_whitespace).parse(&text)
            ));
        }

        #[test]
        fn the_ascii_dispatch_finds_the_grammars_token(text in "([a-zA-Z0-9 \t\u{b}.?!\"'()\\[\\]{}@/,;:-]|\\PC){0,12}") {
            if let Some(fast) = ascii_token(&text) {
                proptest::prop_assert_eq!(Some(fast), token(&text).ok(), "{:?}", text);
            } else {
                proptest::prop_assert!(!text.starts_with(|c: char| c.is_ascii()));
            }
        }

        #[test]
        fn links_are_char_ranges_in_order(text in "(\\PC|@|www\\.|https://|\\.|/){0,60}") {
            let found = crate::links::links(&text);
            let mut last = 0;
            for (s, e) in found {
                proptest::prop_assert!(last <= s && s < e && e <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                last = e;
            }
            let toks = tokenize(&text);
            proptest::prop_assert_eq!(toks.last().map_or(0, |t| t.end), text.len());
        }
    }

    #[test]
    fn a_link_is_one_token() {
        let text = "Siehe www.Example.De/Kolchos. Dann";
        let toks = tokenize(text);
        assert!(
            toks.iter()
                .any(|t| t.kind == Kind::Link && &text[t.start..t.end] == "www.Example.De/Kolchos")
        );
    }

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        tokenize(s)
            .iter()
            .map(|t| (t.kind, &s[t.start..t.end]))
            .collect()
    }

    #[test]
    fn unicode_words_numbers_and_punctuation() {
        use Kind::*;
        assert_eq!(
            kinds("Chruschtschows »Geheimrede« 1956…"),
            vec![
                (Word, "Chruschtschows"),
                (Space, " "),
                (EitherQuote, "»"),
                (Word, "Geheimrede"),
                (EitherQuote, "«"),
                (Space, " "),
                (Number, "1956"),
                (Ellipsis, "…"),
            ]
        );
        assert_eq!(
            kinds("Wat?! „Ja.“"),
            vec![
                (Word, "Wat"),
                (Terminal, "?!"),
                (Space, " "),
                (OpenQuote, "„"),
                (Word, "Ja"),
                (Period, "."),
                (CloseQuote, "“"),
            ]
        );
    }

    #[test]
    fn every_byte_is_covered() {
        let s = "a\u{FFFD}\u{E000}b. [...] (x)";
        let toks = tokenize(s);
        let mut pos = 0;
        for t in toks {
            assert_eq!(t.start, pos);
            pos = t.end;
        }
        assert_eq!(pos, s.len());
    }
}
