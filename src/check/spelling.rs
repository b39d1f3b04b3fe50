//! `inconsistent-spelling`: one concept written in two spellings of the same status.

use std::collections::BTreeMap;

use super::variants::damerau_levenshtein;
use super::{Code, Finding, form_of};
use crate::fold::fold_str;
use crate::glossary::{Glossary, Status};
use crate::lang::Lang;
use crate::pipeline::Occurrence;

/// `inconsistent-spelling`: a concept written in two or more forms that are spellings of
/// one word (same language, status and English rendering, and at most an edit or two
/// apart: `Komintern`/`Cominform`, not `Bolschewik`/`Bolschewist` or
/// `Stalinist`/`stalinistisch`). Every occurrence of the less frequent spellings is
/// reported with the counts of both, over all the checked documents and in its own.
pub fn inconsistent_spellings(glossary: &Glossary, occurrences: &[Occurrence]) -> Vec<Finding> {
    // (concept, lang, status, english) -> form -> occurrences
    type Group<'o> = BTreeMap<String, Vec<&'o Occurrence>>;
    let mut groups: BTreeMap<(String, Lang, Status, String), Group> = BTreeMap::new();
    for o in occurrences {
        let Some(concept) = glossary.concept(&o.term.concept) else {
            continue;
        };
        let Some(form) = form_of(glossary, o) else {
            continue;
        };
        if form.status == Status::Deprecated {
            continue;
        }
        groups
            .entry((
                o.term.concept.clone(),
                form.lang,
                form.status,
                form.english_in(concept).to_string(),
            ))
            .or_default()
            .entry(form.text.clone())
            .or_default()
            .push(o);
    }
    let mut out = Vec::new();
    for group in groups.values() {
        if group.len() < 2 {
            continue;
        }
        // The most frequent spelling is the norm (ties: the first in glossary order).
        let order = |form: &str| {
            glossary
                .concept(&group.values().next().unwrap()[0].term.concept)
                .and_then(|c| c.forms.iter().position(|f| f.text == form))
                .unwrap_or(usize::MAX)
        };
        let (norm, norm_occ) = group
            .iter()
            .max_by_key(|(f, o)| (o.len(), std::cmp::Reverse(order(f))))
            .unwrap();
        for (form, occs) in group {
            if form == norm || !spelling_variants(form, norm) {
                continue;
            }
            for o in occs {
                let here = |list: &[&Occurrence]| list.iter().filter(|x| x.file == o.file).count();
                let message = format!(
                    "`{}` is spelt `{form}` here but `{norm}` elsewhere: `{form}` {}×, `{norm}` {}× in the checked texts ({} and {} in this one)",
                    o.term.surface,
                    occs.len(),
                    norm_occ.len(),
                    here(occs),
                    here(norm_occ),
                );
                let help = format!(
                    "write `{norm}` throughout, or mark one spelling as preferred in the glossary"
                );
                out.push(Finding::at_occurrence(Code::InconsistentSpelling, o, message).help(help));
            }
        }
    }
    out
}

/// Whether two forms of a concept are spellings of one word rather than two words.
fn spelling_variants(a: &str, b: &str) -> bool {
    let (a, b) = (fold_str(a), fold_str(b));
    if a.starts_with(&b) || b.starts_with(&a) {
        return false;
    }
    let bound = if a.len().min(b.len()) >= 12 { 2 } else { 1 };
    damerau_levenshtein(&a, &b, bound).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_are_not_derived_words() {
        assert!(spelling_variants("Komintern", "Comintern"));
        assert!(!spelling_variants("Bolschewik", "Bolschewist"));
        assert!(!spelling_variants("Stalinist", "stalinistisch"));
    }
}
