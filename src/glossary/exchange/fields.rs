//! The glossary's fields as exchange files spell them (statuses, categories, inflection
//! and compound settings, `|`-separated lists), and the blank concept and form that every
//! reader starts from and fills in.
//!
//! An unknown spelling reads as `None`; the readers then keep the default rather than
//! refuse the file.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use crate::glossary::{Category, Compound, Concept, Form, Inflect, OtherForm, Status};
use crate::lang::Lang;

pub(super) fn status_name(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferred",
        Status::Admitted => "admitted",
        Status::Deprecated => "deprecated",
        Status::Proposed => "proposed",
    }
}

/// A status as glossa, TBX (v2 and v3 `administrativeStatus`, `normativeAuthorization`),
/// TBX-Min (`usageStatus`/`termStatus`), memoQ or a spreadsheet spells it, in any case;
/// `None` for a spelling none of them uses.
pub(super) fn parse_status(s: &str) -> Option<Status> {
    let s = s.trim().to_ascii_lowercase();
    let s = s.strip_suffix("-admn-sts").unwrap_or(&s);
    let s = s.strip_suffix("term").unwrap_or(s);
    Some(match s {
        "preferred" | "standardized" | "legal" | "regulated" => Status::Preferred,
        "admitted" | "permitted" | "allowed" | "acceptable" => Status::Admitted,
        "deprecated" | "superseded" | "obsolete" | "notrecommended" | "not recommended"
        | "forbidden" | "rejected" => Status::Deprecated,
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
    Form::new(lang, text, Status::Preferred)
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

pub(super) fn new_other_form(lang: &str, text: &str) -> OtherForm {
    OtherForm {
        lang: lang.to_string(),
        text: text.to_string(),
        status: Status::Preferred,
        definition: None,
        note: None,
        location: None,
    }
}

/// Forms in canonical language order (de, nl, en; other languages by tag), file order
/// within a language.
pub(super) fn order_forms(c: &mut Concept) {
    c.forms.sort_by_key(|f| f.lang);
    c.other_forms.sort_by(|a, b| a.lang.cmp(&b.lang));
}

/// A concept id from a term or a foreign id: lowercase ASCII letters and digits with `-`
/// between; Cyrillic is transliterated the English way, other letters folded (`Politbüro`
/// → `politburo`). Empty when nothing of `term` is left (Greek, Chinese, punctuation).
pub(super) fn slug(term: &str) -> String {
    let latin = if term.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        crate::translit::spell_cyrillic(term, Lang::En)
    } else {
        term.to_string()
    };
    let mut out = String::new();
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    };
    // Letters lose their marks (`ü` → `u`, not `ue`: `koelak` stays `koelak`).
    for c in latin.nfd() {
        match c {
            'ß' => "ss".chars().for_each(&mut push),
            'æ' | 'Æ' => "ae".chars().for_each(&mut push),
            'ø' | 'Ø' => push('o'),
            'ł' | 'Ł' => push('l'),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => push(c),
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The ids given so far in one import: each concept gets one of its own, so that entries
/// never merge by accident.
#[derive(Default)]
pub(super) struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// `wanted` made a valid id ([`slug`]; `fallback` when nothing is left of it), with
    /// `-2`, `-3` … when an earlier concept has it; the second value says whether it had
    /// to be numbered.
    pub(super) fn claim(&mut self, wanted: &str, fallback: &str) -> (String, bool) {
        let mut base = slug(wanted);
        if base.is_empty() {
            base = fallback.to_string();
        }
        if self.taken.insert(base.clone()) {
            return (base, false);
        }
        let mut n = 2;
        loop {
            let id = format!("{base}-{n}");
            if self.taken.insert(id.clone()) {
                return (id, true);
            }
            n += 1;
        }
    }
}
