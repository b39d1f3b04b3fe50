//! The glossary file as serde reads it, strictly, and its conversion into the model.
//!
//! Every table denies unknown keys, so a typo (`englsh`, `statu`) or a language glossa
//! does not know (`ru = [...]`) is an error at its line and column instead of a silently
//! ignored setting. Spans of forms and renderings are kept for the validation messages.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Category, Compound, Concept, Form, Glossary, Inflect, Location, Status};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::span::LineIndex;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    concept: BTreeMap<String, RawConcept>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcept {
    english: Spanned<String>,
    #[serde(default)]
    alternatives: Vec<String>,
    #[serde(default)]
    forbidden: Vec<String>,
    category: Category,
    definition: Option<String>,
    note: Option<String>,
    inflect: Option<Inflect>,
    compound: Option<Compound>,
    #[serde(default)]
    de: Vec<Spanned<RawForm>>,
    #[serde(default)]
    nl: Vec<Spanned<RawForm>>,
    #[serde(default)]
    en: Vec<Spanned<RawForm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    form: String,
    #[serde(default)]
    status: Status,
    english: Option<String>,
    inflect: Option<Inflect>,
    compound: Option<Compound>,
    #[serde(default)]
    endings: Vec<String>,
    note: Option<String>,
}

/// Parses a glossary file; see [`Glossary::parse`].
pub(super) fn parse(path: &str, text: &str) -> Result<Glossary> {
    let raw: RawFile = toml::from_str(text).map_err(|e| syntax_error(path, text, &e))?;
    let lines = LineIndex::new(text);
    let mut concepts = Vec::with_capacity(raw.concept.len());
    for (id, c) in raw.concept {
        let mut forms = Vec::new();
        for (lang, list) in [(Lang::De, c.de), (Lang::Nl, c.nl), (Lang::En, c.en)] {
            for f in list {
                let location = Some(location(&lines, text, f.span().start));
                let f = f.into_inner();
                forms.push(Form {
                    lang,
                    text: f.form,
                    status: f.status,
                    english: f.english,
                    inflect: f.inflect,
                    compound: f.compound,
                    endings: f.endings,
                    note: f.note,
                    location,
                });
            }
        }
        concepts.push(Concept {
            id,
            location: Some(location(&lines, text, c.english.span().start)),
            english: c.english.into_inner(),
            alternatives: c.alternatives,
            forbidden: c.forbidden,
            category: c.category,
            definition: c.definition,
            note: c.note,
            inflect: c.inflect,
            compound: c.compound,
            forms,
        });
    }
    // The map sorted the ids; messages and `fmt` want file order for forms but any fixed
    // order for concepts, so sort by location to report problems top to bottom.
    concepts.sort_by_key(|c| c.location);
    Ok(Glossary {
        path: path.to_string(),
        concepts,
        header: header_comments(text),
        ignore: raw.ignore,
    })
}

/// The comment block at the top of a file (kept by `fmt`).
fn header_comments(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with('#') {
            out.push_str(line.trim_end());
            out.push('\n');
        } else if !t.is_empty() || !out.is_empty() {
            // Code, or the blank line that ends the header.
            break;
        }
    }
    out
}

fn syntax_error(path: &str, text: &str, err: &toml::de::Error) -> Error {
    let (line, column) = match err.span() {
        Some(span) => crate::span::line_col(text, span.start),
        None => (1, 1),
    };
    let message = err.message().trim().replace('\n', " ");
    let message = format!("{message}{}", hint(&message));
    Error::Syntax {
        path: path.to_string(),
        line,
        column,
        message,
    }
}

/// A hint for the common mistakes, appended to serde's message.
fn hint(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or("");
        let looks_like_lang =
            (2..=3).contains(&key.len()) && key.chars().all(|c| c.is_ascii_lowercase());
        if looks_like_lang && message.contains("`de`") {
            return format!(
                "; hint: `{key}` is not a language glossa knows: forms go under `de`, `nl` or `en`"
            );
        }
        if message.contains("expected `concept`") {
            return "; hint: every table of a glossary is a concept: `[concept.<id>]`".to_string();
        }
        return "; hint: check the spelling of the key (see docs/glossary.md)".to_string();
    }
    if message.starts_with("missing field `form`") {
        return "; hint: each form is written `{ form = \"...\" }`".to_string();
    }
    if message.starts_with("missing field") {
        return "; hint: every concept needs `english` and `category`".to_string();
    }
    String::new()
}

/// The place of a byte offset of the glossary file.
fn location(lines: &LineIndex, text: &str, offset: usize) -> Location {
    let (line, column) = lines.line_col(text, offset);
    Location { line, column }
}
