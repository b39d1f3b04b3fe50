//! A concordance: every occurrence of a term in its context (KWIC), aligned on the term.
//!
//! The term is looked up as, in this order: a concept id (`kolkhoz`), a form of the
//! glossary (`Kolchosen`: its concept's occurrences whose surface contains the form), or
//! else a transliteration key or a spelling whose key is looked for ([`crate::translit`]):
//! every word of the texts with that key, with or without an inflectional ending, whether
//! the glossary knows it or not (`Chroesjtsjov` finds `Chruschtschow` and `Khrushchev`).

use serde::Serialize;

use crate::error::Result;
use crate::fold::fold_str;
use crate::glossary::Glossary;
use crate::lang::{Lang, RUSSIAN_PLURAL_ENDINGS};
use crate::normalize::normalize;
use crate::pipeline::Aligner;
use crate::segment::segment_normalized;
use crate::source::Document;
use crate::terms::context;
use crate::translit;

/// One line of the concordance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KwicLine {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The sentence's language (`de`, `nl`, `en`).
    pub lang: String,
    /// How the glossary matched it (`exact`, `inflected`, …), or `key` for a word found
    /// by its transliteration key only.
    pub tier: String,
    /// The concept, when the glossary matched the word.
    pub concept: Option<String>,
    pub left: String,
    pub term: String,
    pub right: String,
}

/// How the term was understood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "by", content = "value", rename_all = "lowercase")]
pub enum Query {
    /// A concept id.
    Concept(String),
    /// A form of the glossary, with its concept.
    Form { form: String, concept: String },
    /// Transliteration keys (one per reading language).
    Key(Vec<String>),
}

/// Interprets `term` against the glossary.
pub fn query(glossary: &Glossary, term: &str) -> Query {
    if glossary.concept(term).is_some() {
        return Query::Concept(term.to_string());
    }
    let folded = fold_str(term);
    for c in &glossary.concepts {
        if c.forms.iter().any(|f| fold_str(&f.text) == folded) {
            return Query::Form {
                form: term.to_string(),
                concept: c.id.clone(),
            };
        }
    }
    // A key as printed by `glossa suggest` (it has the skeleton's capitals), or a word.
    let mut keys: Vec<String> = if term.chars().any(|c| "CSQ".contains(c))
        && term.chars().skip(1).any(char::is_uppercase)
    {
        vec![term.to_string()]
    } else {
        Lang::ALL.iter().map(|l| translit::key(term, *l)).collect()
    };
    keys.sort();
    keys.dedup();
    Query::Key(keys)
}

/// Splits a context marked `[[…]]` into left, term and right.
fn split_marked(marked: &str) -> (String, String, String) {
    let Some(open) = marked.find("[[") else {
        return (String::new(), marked.to_string(), String::new());
    };
    let close = marked[open..].find("]]").map_or(marked.len(), |c| open + c);
    (
        marked[..open].to_string(),
        marked[open + 2..close].to_string(),
        marked.get(close + 2..).unwrap_or("").to_string(),
    )
}

fn word_keys(word: &str, lang: Lang) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut out = vec![translit::key(&lower, lang)];
    // The language's inflections, and the Russian plural of words cited as Russian.
    for e in lang.endings().iter().chain(RUSSIAN_PLURAL_ENDINGS) {
        if let Some(s) = lower.strip_suffix(e)
            && s.chars().count() >= 3
        {
            out.push(translit::key(s, lang));
        }
    }
    out
}

/// Every occurrence of `term` in `docs`, in document and text order. Glossary terms are
/// found by `aligner` (the project's, so that the concordance shows the occurrences
/// `glossa align` writes); a key is looked for in every word, cut with the same rules.
pub fn concordance(
    glossary: &Glossary,
    docs: &[Document],
    term: &str,
    aligner: &Aligner,
) -> Result<(Query, Vec<KwicLine>)> {
    let q = query(glossary, term);
    let lines = match &q {
        Query::Concept(id) => concept_lines(docs, aligner, id, None),
        Query::Form { form, concept } => {
            concept_lines(docs, aligner, concept, Some(&fold_str(form)))
        }
        Query::Key(keys) => key_lines(glossary, docs, aligner, keys)?,
    };
    Ok((q, lines))
}

/// The occurrences of a concept (of those whose surface contains `form`, if given).
fn concept_lines(
    docs: &[Document],
    aligner: &Aligner,
    id: &str,
    form: Option<&str>,
) -> Vec<KwicLine> {
    let mut out = Vec::new();
    for doc in docs {
        let aligned = aligner.align(doc, doc.name());
        for o in aligned.occurrences {
            let t = o.term;
            if t.concept != id || form.is_some_and(|f| !fold_str(&t.surface).contains(f)) {
                continue;
            }
            let (left, term, right) = split_marked(&t.context);
            out.push(KwicLine {
                file: o.file,
                line: t.line,
                column: t.column,
                lang: t.lang,
                tier: t.tier.as_str().to_string(),
                concept: Some(t.concept),
                left,
                term,
                right,
            });
        }
    }
    out
}

/// Every word whose transliteration key (or that of its stem) is one of `keys`, known to
/// the glossary or not, in file and text order.
fn key_lines(
    glossary: &Glossary,
    docs: &[Document],
    aligner: &Aligner,
    keys: &[String],
) -> Result<Vec<KwicLine>> {
    let matcher = crate::terms::TermMatcher::new(glossary)?;
    let mut out = Vec::new();
    for doc in docs {
        let norm = normalize(doc.text());
        for seg in segment_normalized(doc, &norm, &aligner.options()) {
            let text = seg.text.as_str();
            let hits = matcher.find(text, Some(seg.lang));
            for (s, i) in word_ranges(text) {
                let word = &text[s..i];
                if !word_keys(word, seg.lang).iter().any(|k| keys.contains(k)) {
                    continue;
                }
                let hit = hits.iter().find(|h| h.start <= s && i <= h.end);
                let block = &norm.blocks[seg.block].text;
                let src = block.source_span(seg.in_block.0 + s, seg.in_block.0 + i);
                let (line, column) = doc.line_col(src.start);
                let (left, term, right) = split_marked(&context(text, s, i));
                out.push(KwicLine {
                    file: doc.name().to_string(),
                    line,
                    column,
                    lang: seg.lang.code().to_string(),
                    tier: hit.map_or("key".to_string(), |h| h.tier.as_str().to_string()),
                    concept: hit.map(|h| h.concept.clone()),
                    left,
                    term,
                    right,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column).cmp(&(b.file.as_str(), b.line, b.column))
    });
    Ok(out)
}

/// The byte ranges of the runs of letters of a text.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if ch.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Options;

    const G: &str = r#"
[concept.khrushchev]
english = "Khrushchev"
category = "person"
de = [{ form = "Chruschtschow" }]
"#;

    fn docs() -> Vec<Document> {
        vec![
            Document::from_bytes(
                "de.txt",
                "Chruschtschow sprach. Später kritisierte Chruschtschows Nachfolger ihn.\n"
                    .as_bytes(),
            )
            .unwrap(),
            Document::from_bytes(
                "nl.txt",
                "Chroesjtsjov sprak op het congres van de partij.\n".as_bytes(),
            )
            .unwrap(),
        ]
    }

    #[test]
    fn by_concept_id() {
        let g = Glossary::parse("g.toml", G).unwrap();
        let (q, lines) = concordance(
            &g,
            &docs(),
            "khrushchev",
            &Aligner::new(&g, Options::default()).unwrap(),
        )
        .unwrap();
        assert_eq!(q, Query::Concept("khrushchev".into()));
        let terms: Vec<&str> = lines.iter().map(|l| l.term.as_str()).collect();
        assert_eq!(terms, ["Chruschtschow", "Chruschtschows"]);
        assert_eq!(lines[1].left, "Später kritisierte ");
        assert_eq!(lines[1].right, " Nachfolger ihn.");
        assert_eq!(lines[1].tier, "inflected");
    }

    #[test]
    fn by_key_finds_words_the_glossary_lacks() {
        let g = Glossary::parse("g.toml", G).unwrap();
        let (_, lines) = concordance(
            &g,
            &docs(),
            "Chroesjtsjov",
            &Aligner::new(&g, Options::default()).unwrap(),
        )
        .unwrap();
        let found: Vec<(&str, &str)> = lines
            .iter()
            .map(|l| (l.term.as_str(), l.tier.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Chruschtschow", "exact"),
                ("Chruschtschows", "inflected"),
                ("Chroesjtsjov", "key")
            ]
        );
    }
}
