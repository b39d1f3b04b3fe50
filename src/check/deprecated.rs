//! `deprecated-form`: occurrences of forms the glossary marks as deprecated.

use super::{Code, Finding, form_of};
use crate::glossary::{Glossary, Status};
use crate::pipeline::Occurrence;
use crate::terms::Tier;

/// `deprecated-form`: every occurrence that matched a deprecated form, with the preferred
/// form of the same language as help.
pub fn deprecated_forms(glossary: &Glossary, occurrences: &[Occurrence]) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in occurrences
        .iter()
        .filter(|o| o.term.tier == Tier::Deprecated)
    {
        let Some(concept) = glossary.concept(&o.term.concept) else {
            continue;
        };
        let form = form_of(glossary, o);
        let lang = form.map(|f| f.lang);
        let preferred = concept
            .forms
            .iter()
            .filter(|f| f.status == Status::Preferred)
            .min_by_key(|f| Some(f.lang) != lang);
        let why = form
            .and_then(|f| f.note.as_deref())
            .map_or(String::new(), |n| format!(" ({n})"));
        let message = format!(
            "`{}` uses the deprecated form `{}` of `{}`{why}",
            o.term.surface, o.form, o.term.concept
        );
        let help = match preferred {
            Some(p) => format!(
                "write the preferred form `{}` ({} → {})",
                p.text, o.term.concept, concept.english
            ),
            None => format!(
                "`{}` has no preferred form; see the glossary",
                o.term.concept
            ),
        };
        out.push(Finding::at_occurrence(Code::DeprecatedForm, o, message).help(help));
    }
    out
}
