//! What suggest hands back: a [`Suggestion`] per group of words, with its [`Variant`]s and
//! [`Context`]s, and the glossary concept a suggestion becomes when it is written to a
//! glossary.

use std::collections::HashSet;

use serde::Serialize;

use super::stems::is_acronym;
use crate::fold::fold_str;
use crate::glossary::{Category, Compound, Concept, Form, Inflect, Status};
use crate::lang::Lang;

/// Where a candidate was seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Context {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub lang: Lang,
    /// The sentence around the word, the word marked `[[…]]`.
    pub text: String,
}

/// One surface form of a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    pub form: String,
    pub lang: Lang,
    pub count: usize,
    /// Whether the form is a compound of the group's word (`Kolchosvorsitzender`).
    pub compound: bool,
}

/// A candidate entry: the forms of one (presumably) Russian word.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    /// The transliteration key of the group's base word.
    pub key: String,
    /// The surface forms found, the most frequent first.
    pub forms: Vec<String>,
    /// Occurrences of all forms.
    pub count: usize,
    /// Documents with an occurrence.
    pub documents: usize,
    pub score: f64,
    /// The base form per language (the entry's forms).
    pub base: Vec<(Lang, String)>,
    /// A guess at the English rendering, read from the key (`naCalstvo` → `nachalstvo`).
    pub english: String,
    pub category: Category,
    pub variants: Vec<Variant>,
    /// Two short contexts, from different documents where possible.
    pub contexts: Vec<Context>,
    /// The id of the glossary's concept this group is a new form of (another spelling, a
    /// Russian plural, a derivation: `Tschekist` of `cheka`), when it is one.
    pub variant_of: Option<String>,
    /// The text's own translation of a transliterated phrase, when it gives one (`(russ.
    /// Proletarskaja kultura, „proletarische Kultur“)`); when it is English, it is the
    /// group's English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
}

impl Suggestion {
    /// The forms this group adds to `concept` (the glossary's concept it is a variant of):
    /// per language its shortest simple form, when the concept lacks it, with status
    /// `proposed`.
    pub fn new_forms(&self, concept: &Concept) -> Vec<Form> {
        let mut seen: HashSet<(Lang, String)> = concept
            .forms
            .iter()
            .map(|f| (f.lang, fold_str(&f.text)))
            .collect();
        // The printed forms, not the base: a derivation's base is the word it is made of
        // (`Tscheki` for `Tschekist`), which the concept has already.
        let mut out = Vec::new();
        for lang in Lang::ALL {
            let shortest = self
                .variants
                .iter()
                .filter(|v| v.lang == lang && !v.compound)
                .min_by_key(|v| (v.form.chars().count(), std::cmp::Reverse(v.count)));
            if let Some(v) = shortest
                && seen.insert((lang, fold_str(&v.form)))
            {
                out.push(proposed(lang, &v.form));
            }
        }
        out
    }

    /// The suggestion as a glossary concept with status `proposed`: one form per language
    /// (its base form), compounds allowed where the corpus had them, Russian plurals where
    /// a form of a term or organisation ended in `-i` (not a name's: `Nikolai`).
    pub fn to_concept(&self) -> Concept {
        let mut id: String = self
            .english
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        id = id.trim_matches('-').to_string();
        if id.is_empty() {
            id = "proposed".to_string();
        }
        let acronym = is_acronym(&self.forms[0]);
        let compound = if acronym || self.base.iter().any(|(_, b)| b.chars().count() < 4) {
            None
        } else if self.variants.iter().any(|v| {
            // A compound the corpus shows: marked so, or a base with a word after it
            // (`Kalininverehrung`); never a word of its own (`Kaliningrad` is no member).
            v.compound
                || self.base.iter().any(|(_, b)| {
                    let (f, b) = (fold_str(&v.form), fold_str(b));
                    f.len() >= b.len() + 4 && f.starts_with(&b)
                })
        }) {
            Some(Compound::Both)
        } else {
            None
        };
        // A name's `-i` is no plural (`Nikolai`, `Twardowski`).
        let plural = !matches!(self.category, Category::Person | Category::Place)
            && self
                .variants
                .iter()
                .any(|v| v.form.ends_with('i') && !v.compound);
        let inflect = if acronym {
            Some(Inflect::None)
        } else if plural {
            Some(Inflect::RussianPlural)
        } else {
            None
        };
        let mut seen: HashSet<(Lang, String)> = HashSet::new();
        let forms = self
            .base
            .iter()
            .filter(|(l, b)| seen.insert((*l, fold_str(b))))
            .map(|(lang, text)| proposed(*lang, text))
            .collect();
        Concept {
            id,
            english: self.english.clone(),
            alternatives: Vec::new(),
            forbidden: Vec::new(),
            category: self.category,
            definition: None,
            definitions: Default::default(),
            note: Some(format!(
                "proposed by glossa suggest: {} occurrence{} in {} document{} ({}){}; check the English rendering",
                self.count,
                if self.count == 1 { "" } else { "s" },
                self.documents,
                if self.documents == 1 { "" } else { "s" },
                self.forms
                    .iter()
                    .take(6)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
                match &self.gloss {
                    Some(g) if *g != self.english => format!("; the text translates it „{g}“"),
                    _ => String::new(),
                }
            )),
            inflect,
            compound,
            forms,
            other_forms: Vec::new(),
            location: None,
        }
    }
}

/// A form with status `proposed`.
fn proposed(lang: Lang, text: &str) -> Form {
    Form::new(lang, text, Status::Proposed)
}
