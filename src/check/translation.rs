//! `missing-translation`, `forbidden-translation` and `inconsistent-translation`: what the
//! translations did with the source terms.

use std::collections::BTreeMap;

use super::{Code, Finding};
use crate::glossary::Glossary;
use crate::pipeline::{Aligned, TranslationCheck};
use crate::terms::english::Rendering;

/// Shortens an aligned target text for a help line.
fn shorten(text: &str) -> String {
    const MAX: usize = 160;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}…")
}

/// `missing-translation` (`rendering` [`Rendering::Missing`]) or `forbidden-translation`
/// ([`Rendering::Forbidden`]): the source terms a translation rendered so, from the
/// documents aligned with a translation. Both sides are shown: the source term at its
/// place, the aligned English in the help line.
pub fn translation_findings(aligned: &[Aligned], rendering: Rendering) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in aligned {
        for t in a
            .translations
            .iter()
            .filter(|t| t.record.rendering == rendering)
        {
            let o = &a.occurrences[t.occurrence];
            match t.record.rendering {
                Rendering::Missing => {
                    let message = format!(
                        "`{}` ({}) has no rendering in the aligned translation; expected `{}`",
                        o.term.surface, o.term.concept, o.term.english
                    );
                    let help = if t.target.is_empty() {
                        "the sentence has no counterpart in the translation (an omission?)"
                            .to_string()
                    } else {
                        format!("aligned English: \"{}\"", shorten(&t.target))
                    };
                    out.push(
                        Finding::at_occurrence(Code::MissingTranslation, o, message).help(help),
                    );
                }
                Rendering::Forbidden => {
                    let found = t.found().unwrap_or("?");
                    let message = format!(
                        "`{}` ({}) is rendered `{found}`, which the glossary forbids; expected `{}`",
                        o.term.surface, o.term.concept, o.term.english
                    );
                    let help = format!("aligned English: \"{}\"", shorten(&t.target));
                    out.push(
                        Finding::at_occurrence(Code::ForbiddenTranslation, o, message).help(help),
                    );
                }
                Rendering::Expected | Rendering::Admitted => {}
            }
        }
    }
    out
}

/// How a rendering counts for consistency: every expected rendering (the concept's, or a
/// derived form's like `kolkhoz peasant`) is the agreed one, named by the concept's
/// rendering; each admitted alternative is a way of its own. Forbidden renderings are
/// `forbidden-translation`'s business.
fn rendering_key(t: &TranslationCheck, agreed: &str) -> Option<String> {
    match (t.record.rendering, &t.form) {
        (Rendering::Expected, _) => Some(agreed.to_lowercase()),
        (Rendering::Admitted, Some(form)) => Some(form.to_lowercase()),
        _ => None,
    }
}

/// `inconsistent-translation`: one concept rendered in two or more ways (the agreed
/// rendering and an alternative, or two alternatives: `kolkhoz` and `collective farm`)
/// across the checked documents. Every occurrence of a less frequent way is reported with
/// the counts of all.
pub fn inconsistent_translations(glossary: &Glossary, aligned: &[Aligned]) -> Vec<Finding> {
    let agreed = |concept: &str| {
        glossary
            .concept(concept)
            .map_or(concept.to_string(), |c| c.english.clone())
    };
    // concept -> rendering -> count
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for a in aligned {
        for t in &a.translations {
            let concept = &a.occurrences[t.occurrence].term.concept;
            if let Some(key) = rendering_key(t, &agreed(concept)) {
                *counts
                    .entry(concept.clone())
                    .or_default()
                    .entry(key)
                    .or_default() += 1;
            }
        }
    }
    let mut out = Vec::new();
    for a in aligned {
        for t in &a.translations {
            let o = &a.occurrences[t.occurrence];
            let english = agreed(&o.term.concept);
            let (Some(key), Some(by_key)) =
                (rendering_key(t, &english), counts.get(&o.term.concept))
            else {
                continue;
            };
            if by_key.len() < 2 {
                continue;
            }
            // The most frequent way is the norm; on a tie, the agreed rendering is.
            let norm = by_key
                .iter()
                .max_by_key(|(k, n)| (**n, **k == english.to_lowercase()))
                .map(|(k, _)| k.clone())
                .unwrap_or_default();
            if key == norm {
                continue;
            }
            let all: Vec<String> = by_key.iter().map(|(k, n)| format!("`{k}` {n}×")).collect();
            let message = format!(
                "`{}` ({}) is rendered `{}` here; the concept is rendered {} in the checked texts",
                o.term.surface,
                o.term.concept,
                t.found().unwrap_or(&key),
                all.join(", ")
            );
            let help = format!(
                "aligned English: \"{}\"; the glossary's rendering is `{english}`",
                shorten(&t.target)
            );
            out.push(Finding::at_occurrence(Code::InconsistentTranslation, o, message).help(help));
        }
    }
    out
}
