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

fn token(input: &str) -> IResult<&str, Kind> {
    alt((
        map(take_while1(is_word_char), |_| Kind::Word),
        map(take_while1(|c: char| c.is_ascii_digit()), |_| Kind::Number),
        map(take_while1(char::is_whitespace), |_| Kind::Space),
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

/// Tokenises `text` completely (every byte belongs to exactly one token).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut links = crate::links::links(text).into_iter().peekable();
    let mut rest = text;
    while !rest.is_empty() {
        let start = text.len() - rest.len();
        if let Some(&(s, e)) = links.peek() {
            if s == start {
                out.push(Token {
                    kind: Kind::Link,
                    start: s,
                    end: e,
                });
                rest = &text[e..];
                links.next();
                continue;
            }
        }
        match token(rest) {
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
