//! `missing-translation`, `forbidden-translation` and `inconsistent-translation`: what the
//! translations did with the source terms.

use std::collections::BTreeMap;

use super::{Code, Finding};
use crate::glossary::Glossary;
use crate::pipeline::{Aligned, Occurrence, TranslationCheck, Unlikely};
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

/// Where the translation of an occurrence is: "the aligned translation", or in a
/// bilingual file the target of its segment.
fn target_of(o: &Occurrence) -> String {
    match &o.segment {
        Some(s) => format!("the target of {}", s.label()),
        None => "the aligned translation".to_string(),
    }
}

/// The help line that shows the target: the aligned English, or the segment's target with
/// the place of the words found.
fn target_help(t: &TranslationCheck) -> String {
    match t.found_at {
        Some((line, column)) => format!("target at {line}:{column}: \"{}\"", shorten(&t.target)),
        None => format!("aligned English: \"{}\"", shorten(&t.target)),
    }
}

/// `missing-translation` (`rendering` [`Rendering::Missing`]) or `forbidden-translation`
/// ([`Rendering::Forbidden`]): the source terms a translation rendered so, from the
/// documents aligned with a translation and the bilingual files. Both sides are shown: the
/// source term at its place, the aligned English (or the segment's target) in the help
/// line.
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
                        "`{}` ({}) has no rendering in {}; expected `{}`",
                        o.term.surface,
                        o.term.concept,
                        target_of(o),
                        o.term.english
                    );
                    let help = match (&o.segment, t.target.is_empty()) {
                        (Some(s), true) => {
                            format!("{} is not translated yet (it has no target)", s.label())
                        }
                        (None, true) => {
                            "the sentence has no counterpart in the translation (an omission?)"
                                .to_string()
                        }
                        (Some(_), false) => format!("target: \"{}\"", shorten(&t.target)),
                        (None, false) => format!("aligned English: \"{}\"", shorten(&t.target)),
                    };
                    out.push(
                        Finding::at_occurrence(Code::MissingTranslation, o, message).help(help),
                    );
                }
                Rendering::Forbidden => {
                    let found = t.found().unwrap_or("?");
                    let place = match &o.segment {
                        Some(s) => format!(" in {}", s.label()),
                        None => String::new(),
                    };
                    let message = format!(
                        "`{}` ({}) is rendered `{found}`{place}, which the glossary forbids; expected `{}`",
                        o.term.surface, o.term.concept, o.term.english
                    );
                    out.push(
                        Finding::at_occurrence(Code::ForbiddenTranslation, o, message)
                            .help(target_help(t)),
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
            let here = match &o.segment {
                Some(s) => format!("in {}", s.label()),
                None => "here".to_string(),
            };
            let message = format!(
                "`{}` ({}) is rendered `{}` {here}; the concept is rendered {} in the checked texts",
                o.term.surface,
                o.term.concept,
                t.found().unwrap_or(&key),
                all.join(", ")
            );
            let help = format!(
                "{}; the glossary's rendering is `{english}`",
                target_help(t)
            );
            out.push(Finding::at_occurrence(Code::InconsistentTranslation, o, message).help(help));
        }
    }
    out
}

/// `untranslated-sentence` (`source`) or `added-sentence` (not `source`): the beads of the
/// documents glossa aligned with a translation that have sentences on one side only. A
/// source sentence is shown in the source, a translation's sentence in the translation,
/// each with the neighbouring bead's other side as context.
pub fn null_beads(aligned: &[Aligned], source: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in aligned {
        let Some((_, target_file)) = &a.file.target else {
            continue;
        };
        for (k, b) in a.beads.iter().enumerate() {
            let neighbour = |d: isize| -> Option<&str> {
                let n = a.beads.get(k.checked_add_signed(d)?)?;
                let text = if source {
                    &n.target_text
                } else {
                    &n.source_text
                };
                (!text.is_empty()).then_some(text.as_str())
            };
            let context = match (neighbour(-1), neighbour(1)) {
                (Some(p), Some(n)) => format!("between \"{}\" and \"{}\"", shorten(p), shorten(n)),
                (Some(p), None) => format!("after \"{}\"", shorten(p)),
                (None, Some(n)) => format!("before \"{}\"", shorten(n)),
                (None, None) => "the other side has nothing around it".to_string(),
            };
            let finding = match (source, b.source_at, b.target_at) {
                (true, Some((line, column)), None) => Finding::new(
                    Code::UntranslatedSentence,
                    &a.file.source,
                    line,
                    column,
                    format!(
                        "\"{}\" has no counterpart in the translation {target_file}",
                        shorten(&b.source_text)
                    ),
                )
                .help(format!("in the translation it would stand {context}")),
                (false, None, Some((line, column))) => Finding::new(
                    Code::AddedSentence,
                    target_file,
                    line,
                    column,
                    format!(
                        "\"{}\" has no counterpart in the source {}",
                        shorten(&b.target_text),
                        a.file.source
                    ),
                )
                .help(format!("in the source it would stand {context}")),
                _ => continue,
            };
            out.push(finding);
        }
    }
    out
}

/// `unlikely-translation`: the documents whose translation the evidence says is not one
/// of them (see [`Aligned::unlikely_translation`]): the dictionary, or without one the
/// names, numbers and concepts the sentence pairs share; at the translation's first line.
pub fn unlikely_translations(aligned: &[Aligned]) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in aligned {
        let (Some(unlikely), Some((_, target_file))) = (a.unlikely_translation(), &a.file.target)
        else {
            continue;
        };
        let (doubtful, beads) = a.doubtful();
        let (evidence, norm) = match unlikely {
            Unlikely::Dictionary(coverage) => (
                format!(
                    "{:.0}% of the dictionary's words find their translation across its sentence pairs",
                    coverage * 100.0
                ),
                format!(
                    "translations measure 30% or more (dictionary {})",
                    a.file.dictionary.as_deref().unwrap_or("?")
                ),
            ),
            Unlikely::Keys {
                agreement,
                correlation,
            } => {
                let lengths = match correlation {
                    Some(r) if agreement >= crate::pipeline::UNLIKELY_KEYS => {
                        format!(
                            ", and the lengths of its paired sentences barely correlate ({r:.2})"
                        )
                    }
                    _ => String::new(),
                };
                (
                    format!(
                        "only {:.0}% of the names, numbers and glossary terms of its sentence pairs are on both sides{lengths}",
                        agreement * 100.0
                    ),
                    "translations measure 20% or more, 30% when their sentence lengths do not correlate (no dictionary for the pair: one makes the verdict surer)"
                        .to_string(),
                )
            }
        };
        out.push(
            Finding::new(
                Code::UnlikelyTranslation,
                target_file,
                1,
                1,
                format!(
                    "{target_file} does not look like a translation of {}: {evidence}",
                    a.file.source,
                ),
            )
            .help(format!(
                "{norm}; {doubtful} of {beads} sentence pairs are marked for review: check that the pair in glossa.toml names the right files"
            )),
        );
    }
    out
}
