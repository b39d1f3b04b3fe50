//! URLs and e-mail addresses in a text: the segmenter takes each as one token (its dots
//! end no sentence) and the term matcher looks at no word inside one (a slug such as
//! `holodomor-hungertod-in-der-ukraine` names a web page, not a term).

/// The URLs (`https://…`, `ftp://…`, `www.…`) and e-mail addresses of `text`, as sorted
/// byte ranges. A link starts a word and runs to white space or a quote; punctuation that
/// ends the sentence around it (`.` `,` `;` `:` `!` `?` `)` …) is not part of it. These are
/// tokens of their own: a sentence does not end at their dots, and the words of a URL's
/// slug are no glossary terms.
pub fn links(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // Most text has none: look for the marks of one before anything else.
    let www = |b: &[u8]| {
        memchr::memmem::find(b, b"www.").is_some() || memchr::memmem::find(b, b"WWW.").is_some()
    };
    if memchr::memchr(b'@', bytes).is_none()
        && memchr::memmem::find(bytes, b"://").is_none()
        && !www(bytes)
    {
        return Vec::new();
    }
    let word_start = |i: usize| {
        i == 0
            || text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_alphanumeric() && !matches!(c, '.' | '-' | '_' | '@'))
    };
    // URLs: a scheme or `www.` at the start of a word.
    let lower = text.to_ascii_lowercase();
    let mut starts: Vec<usize> = memchr::memmem::find_iter(lower.as_bytes(), b"://")
        .filter_map(|i| {
            let scheme = ["https", "http", "ftp"]
                .into_iter()
                .find(|s| lower[..i].ends_with(s))?;
            Some(i - scheme.len())
        })
        .chain(memchr::memmem::find_iter(lower.as_bytes(), b"www."))
        .filter(|&s| word_start(s))
        .collect();
    // E-mail addresses: a local part and a domain with a dot around an `@`.
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut mails = Vec::new();
    for at in memchr::memchr_iter(b'@', bytes) {
        let s = bytes[..at]
            .iter()
            .rposition(|&c| !local(c))
            .map_or(0, |i| i + 1);
        let e = at
            + 1
            + bytes[at + 1..]
                .iter()
                .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')))
                .unwrap_or(bytes.len() - at - 1);
        let domain = text[at + 1..e].trim_end_matches(['.', '-']);
        let tld = domain.rsplit('.').next().unwrap_or("");
        if s < at
            && word_start(s)
            && domain.contains('.')
            && tld.len() >= 2
            && tld.bytes().all(|c| c.is_ascii_alphabetic())
        {
            mails.push((s, at + 1 + domain.len()));
        }
    }
    starts.sort_unstable();
    let mut found: Vec<(usize, usize)> = starts
        .into_iter()
        .map(|s| (s, s + url_len(&text[s..])))
        // A host after the scheme, a dot after `www.`: `www. Seiten` is no link.
        .filter(|&(s, e)| {
            let url = &text[s..e];
            match url.find("://") {
                Some(i) => url.len() > i + 4,
                None => url
                    .get(4..)
                    .is_some_and(|host| host.contains('.') && !host.starts_with('.')),
            }
        })
        .chain(mails)
        .collect();
    found.sort_unstable();
    // `www.` inside `https://www.…` and the like: the first link wins.
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (s, e) in found {
        if e > s && out.last().is_none_or(|&(_, le)| le <= s) {
            out.push((s, e));
        }
    }
    out
}

/// The length of the URL that `text` starts with.
fn url_len(text: &str) -> usize {
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            c.is_whitespace()
                || matches!(c, '"' | '<' | '>' | '«' | '»' | '„' | '“' | '”' | '‹' | '›')
        })
        .map_or(text.len(), |(i, _)| i);
    let mut url = &text[..end];
    loop {
        let trimmed =
            url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’', '…', ']', '}']);
        // A closing bracket belongs to the URL only when it opened one (`…/Kulak_(Begriff)`).
        let trimmed = match trimmed.strip_suffix(')') {
            Some(t) if t.matches('(').count() <= t.matches(')').count() => t,
            _ => trimmed,
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    url.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(name, text, links found)`.
    const LINKS: &[(&str, &str, &[&str])] = &[
        (
            "a URL ends before the full stop",
            "Siehe https://example.org/kolchos-im-gebiet.html. Dann mehr.",
            &["https://example.org/kolchos-im-gebiet.html"],
        ),
        (
            "www without a scheme, in brackets",
            "(vgl. www.archiv.example.de/gulag)",
            &["www.archiv.example.de/gulag"],
        ),
        (
            "a bracket the URL opened stays",
            "unter https://de.example.org/wiki/Kulak_(Begriff), dort",
            &["https://de.example.org/wiki/Kulak_(Begriff)"],
        ),
        (
            "in guillemets",
            "»http://example.org/a?b=1«",
            &["http://example.org/a?b=1"],
        ),
        (
            "an e-mail address",
            "an redaktion.ost@example-verlag.de.",
            &["redaktion.ost@example-verlag.de"],
        ),
        (
            "https://www. is one link",
            "https://www.example.org/x",
            &["https://www.example.org/x"],
        ),
        (
            "no link in plain words",
            "Die www. Seiten und a@b sind keine.",
            &[],
        ),
        ("a word that ends in www is none", "Awww.ok", &[]),
    ];

    #[test]
    fn links_table() {
        for (name, text, want) in LINKS {
            let got: Vec<&str> = links(text).iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(got, *want, "{name}");
        }
    }
}
