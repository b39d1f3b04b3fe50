//! The glossary file as serde reads it, strictly, and its conversion into the model.
//!
//! Every table denies unknown keys, so a typo (`englsh`, `statu`) or a language glossa
//! does not know (`ru = [...]`) is an error at its line and column instead of a silently
//! ignored setting. Spans of forms and renderings are kept for the validation messages.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use super::{Category, Compound, Concept, Form, Glossary, Inflect, Location, OtherForm, Status};
use crate::error::{Error, Result};
use crate::lang::{Lang, language_tag};
use crate::span::LineIndex;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    concept: BTreeMap<String, RawConcept>,
}

/// A concept table. Its keys are fixed, except that any language tag (`fr`, `ru`,
/// `pt-BR`) may hold forms: serde's derive cannot say that and still deny unknown keys,
/// so the map is read by hand ([`ConceptVisitor`]).
struct RawConcept {
    english: Spanned<String>,
    alternatives: Vec<String>,
    forbidden: Vec<String>,
    category: Category,
    definition: Option<String>,
    definitions: BTreeMap<String, Spanned<String>>,
    note: Option<String>,
    inflect: Option<Inflect>,
    compound: Option<Compound>,
    de: Vec<Spanned<RawForm>>,
    nl: Vec<Spanned<RawForm>>,
    en: Vec<Spanned<RawForm>>,
    /// Forms in other languages, by language tag as written.
    other: Vec<(String, Vec<Spanned<RawOtherForm>>)>,
}

/// The keys of a concept (a language tag may be a key too), in canonical order (the
/// order `glossa glossary fmt` writes them in).
pub(crate) const CONCEPT_FIELDS: &[&str] = &[
    "english",
    "alternatives",
    "forbidden",
    "category",
    "definition",
    "definitions",
    "note",
    "inflect",
    "compound",
    "de",
    "nl",
    "en",
];

impl<'de> Deserialize<'de> for RawConcept {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_map(ConceptVisitor)
    }
}

struct ConceptVisitor;

impl<'de> Visitor<'de> for ConceptVisitor {
    type Value = RawConcept;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a concept table")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<RawConcept, A::Error> {
        let mut english = None;
        let mut category = None;
        let mut c = RawConcept {
            english: Spanned::new(0..0, String::new()),
            alternatives: Vec::new(),
            forbidden: Vec::new(),
            category: Category::Term,
            definition: None,
            definitions: BTreeMap::new(),
            note: None,
            inflect: None,
            compound: None,
            de: Vec::new(),
            nl: Vec::new(),
            en: Vec::new(),
            other: Vec::new(),
        };
        // The key is checked as it is read, so that an unknown one is reported at its place.
        while let Some(ConceptKey(key)) = map.next_key()? {
            match key.as_str() {
                "english" => english = Some(map.next_value()?),
                "alternatives" => c.alternatives = map.next_value()?,
                "forbidden" => c.forbidden = map.next_value()?,
                "category" => category = Some(map.next_value()?),
                "definition" => c.definition = map.next_value()?,
                "definitions" => c.definitions = map.next_value()?,
                "note" => c.note = map.next_value()?,
                "inflect" => c.inflect = map.next_value()?,
                "compound" => c.compound = map.next_value()?,
                "de" => c.de = map.next_value()?,
                "nl" => c.nl = map.next_value()?,
                "en" => c.en = map.next_value()?,
                _ => {
                    let forms = map.next_value()?;
                    c.other.push((key, forms));
                }
            }
        }
        c.english = english.ok_or_else(|| de::Error::missing_field("english"))?;
        c.category = category.ok_or_else(|| de::Error::missing_field("category"))?;
        Ok(c)
    }
}

/// A key of a concept table: one of [`CONCEPT_FIELDS`] or a language tag glossa does not
/// match, spelled the usual way ([`language_tag`]).
struct ConceptKey(String);

impl<'de> Deserialize<'de> for ConceptKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_identifier(ConceptKeyVisitor)
    }
}

struct ConceptKeyVisitor;

impl Visitor<'_> for ConceptKeyVisitor {
    type Value = ConceptKey;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a concept key")
    }

    fn visit_str<E: de::Error>(self, k: &str) -> std::result::Result<ConceptKey, E> {
        let other_language = language_tag(k).is_some_and(|t| t == k) && Lang::from_tag(k).is_none();
        if CONCEPT_FIELDS.contains(&k) || other_language {
            Ok(ConceptKey(k.to_string()))
        } else {
            Err(de::Error::unknown_field(k, CONCEPT_FIELDS))
        }
    }
}

/// A form in a language glossa does not match: only what can be said of any term.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOtherForm {
    form: String,
    #[serde(default)]
    status: Status,
    definition: Option<String>,
    note: Option<String>,
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
    definition: Option<String>,
    note: Option<String>,
}

/// Parses a glossary file; see [`Glossary::parse`].
pub(super) fn parse(path: &str, text: &str) -> Result<Glossary> {
    let raw: RawFile = toml::from_str(text).map_err(|e| syntax_error(path, text, &e))?;
    let lines = LineIndex::new(text);
    let mut concepts = Vec::with_capacity(raw.concept.len());
    for (id, mut c) in raw.concept {
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
                    definition: f.definition,
                    note: f.note,
                    location,
                });
            }
        }
        let mut other_forms = Vec::new();
        c.other.sort_by(|a, b| a.0.cmp(&b.0));
        for (lang, list) in c.other {
            for f in list {
                let location = Some(location(&lines, text, f.span().start));
                let f = f.into_inner();
                other_forms.push(OtherForm {
                    lang: lang.clone(),
                    text: f.form,
                    status: f.status,
                    definition: f.definition,
                    note: f.note,
                    location,
                });
            }
        }
        let mut definitions = BTreeMap::new();
        for (lang, d) in c.definitions {
            match language_tag(&lang) {
                Some(tag) if tag == lang => {
                    definitions.insert(lang, d.into_inner());
                }
                _ => {
                    let (line, column) = lines.line_col(text, d.span().start);
                    return Err(Error::Syntax {
                        path: path.to_string(),
                        line,
                        column,
                        message: format!(
                            "`{lang}` in `definitions` is not a language tag; hint: use an ISO 639 code such as `de`, `fr` or `pt-BR`"
                        ),
                    });
                }
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
            definitions,
            note: c.note,
            inflect: c.inflect,
            compound: c.compound,
            forms,
            other_forms,
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
        if message.contains("`de`")
            && let Some(tag) = language_tag(key)
        {
            return format!(
                "; hint: a language is a key of its own, spelled `{tag}` (forms of German, Dutch and English go under `de`, `nl` and `en`)"
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
