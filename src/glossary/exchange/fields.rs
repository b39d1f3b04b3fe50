//! The glossary's fields as exchange files spell them (statuses, categories, inflection
//! and compound settings, `|`-separated lists), and the blank concept and form that every
//! reader starts from and fills in.
//!
//! An unknown spelling reads as `None`; the readers then keep the default rather than
//! refuse the file.

use crate::glossary::{Category, Compound, Concept, Form, Inflect, Status};
use crate::lang::Lang;

pub(super) fn status_name(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferred",
        Status::Admitted => "admitted",
        Status::Deprecated => "deprecated",
        Status::Proposed => "proposed",
    }
}

pub(super) fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "preferred" => Status::Preferred,
        "admitted" => Status::Admitted,
        "deprecated" => Status::Deprecated,
        "proposed" => Status::Proposed,
        _ => return None,
    })
}

pub(super) fn parse_category(s: &str) -> Option<Category> {
    Some(match s {
        "term" => Category::Term,
        "person" => Category::Person,
        "place" => Category::Place,
        "organisation" | "organization" => Category::Organisation,
        _ => return None,
    })
}

pub(super) fn parse_inflect(s: &str) -> Option<Inflect> {
    Some(match s {
        "none" => Inflect::None,
        "stem" => Inflect::Stem,
        "russian-plural" => Inflect::RussianPlural,
        _ => return None,
    })
}

pub(super) fn parse_compound(s: &str) -> Option<Compound> {
    Some(match s {
        "none" => Compound::None,
        "modifier" => Compound::Modifier,
        "head" => Compound::Head,
        "both" => Compound::Both,
        _ => return None,
    })
}

/// A `|`-separated list (alternatives, forbidden renderings, endings), empty items dropped.
pub(super) fn list(s: &str) -> Vec<String> {
    s.split('|')
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

pub(super) fn new_form(lang: Lang, text: &str) -> Form {
    Form {
        lang,
        text: text.to_string(),
        status: Status::Preferred,
        english: None,
        inflect: None,
        compound: None,
        endings: Vec::new(),
        definition: None,
        note: None,
        location: None,
    }
}

pub(super) fn new_concept(id: &str) -> Concept {
    Concept {
        id: id.to_string(),
        english: String::new(),
        alternatives: Vec::new(),
        forbidden: Vec::new(),
        category: Category::Term,
        definition: None,
        definitions: Default::default(),
        note: None,
        inflect: None,
        compound: None,
        forms: Vec::new(),
        other_forms: Vec::new(),
        location: None,
    }
}

/// Forms in canonical language order (de, nl, en), file order within a language.
pub(super) fn order_forms(c: &mut Concept) {
    c.forms.sort_by_key(|f| f.lang);
}
