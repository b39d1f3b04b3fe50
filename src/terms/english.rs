//! The English side of the glossary: which rendering of a concept a translation used
//! (the matcher of English renderings, beside [`super::TermMatcher`] of source forms).
//!
//! [`TargetMatcher`] compiles the glossary's English renderings into a term matcher of
//! their own (with English inflection: `kolkhoz`, `kolkhozes`; `Bolshevik`, `Bolsheviks`):
//! the agreed rendering and the per-form renderings are *expected*, the alternatives
//! *admitted*, and the forbidden renderings are found too so that they can be flagged.
//! [`judge`] then says, for a source term and the target sentences aligned with its
//! sentence, what the translation did.

use std::collections::HashMap;

use serde::Serialize;

use super::TermMatcher;
use crate::error::Result;
use crate::fold::fold_str;
use crate::glossary::{Compound, Concept, Form, Glossary, Inflect, Status};
use crate::lang::Lang;

/// What a translation did with a source term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rendering {
    /// The agreed rendering (of the concept or of the matched form).
    Expected,
    /// An admitted alternative.
    Admitted,
    /// A forbidden rendering.
    Forbidden,
    /// No rendering of the concept in the aligned target sentences.
    Missing,
}

impl Rendering {
    pub fn as_str(self) -> &'static str {
        match self {
            Rendering::Expected => "expected",
            Rendering::Admitted => "admitted",
            Rendering::Forbidden => "forbidden",
            Rendering::Missing => "missing",
        }
    }

    /// Parses [`Rendering::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Rendering> {
        Some(match s {
            "expected" => Rendering::Expected,
            "admitted" => Rendering::Admitted,
            "forbidden" => Rendering::Forbidden,
            "missing" => Rendering::Missing,
            _ => return None,
        })
    }
}

/// A rendering found in a target sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetHit {
    pub concept: String,
    pub rendering: Rendering,
    /// The glossary rendering that matched (`collective farm` for `collective farms`).
    pub form: String,
    /// The words as printed in the translation.
    pub surface: String,
    pub start: usize,
    pub end: usize,
}

/// The glossary's English renderings, compiled.
#[derive(Debug)]
pub struct TargetMatcher {
    matcher: TermMatcher,
    kinds: HashMap<(String, String), Rendering>,
}

fn english_form(text: &str, status: Status) -> Form {
    Form {
        lang: Lang::En,
        text: text.to_string(),
        status,
        english: None,
        inflect: Some(Inflect::Stem),
        compound: Some(Compound::None),
        endings: Vec::new(),
        definition: None,
        note: None,
        location: None,
    }
}

impl TargetMatcher {
    /// Compiles the English renderings of every concept.
    pub fn new(glossary: &Glossary) -> Result<TargetMatcher> {
        let mut kinds = HashMap::new();
        let mut concepts = Vec::new();
        for c in &glossary.concepts {
            let mut forms: Vec<(String, Rendering)> =
                vec![(c.english.clone(), Rendering::Expected)];
            for f in &c.forms {
                if let Some(e) = &f.english {
                    forms.push((e.clone(), Rendering::Expected));
                }
                if f.lang == Lang::En && f.status != Status::Deprecated {
                    forms.push((f.text.clone(), Rendering::Admitted));
                }
            }
            forms.extend(
                c.alternatives
                    .iter()
                    .map(|a| (a.clone(), Rendering::Admitted)),
            );
            forms.extend(
                c.forbidden
                    .iter()
                    .map(|a| (a.clone(), Rendering::Forbidden)),
            );
            // One entry per folded spelling, the best kind winning.
            let mut seen: HashMap<String, Rendering> = HashMap::new();
            for (text, kind) in forms {
                if text.trim().is_empty() {
                    continue;
                }
                let key = fold_str(&text);
                let e = seen.entry(key).or_insert(kind);
                *e = (*e).min(kind);
                kinds.entry((c.id.clone(), text.clone())).or_insert(kind);
            }
            let mut en_forms: Vec<Form> = Vec::new();
            let mut added: Vec<String> = Vec::new();
            for ((id, text), kind) in kinds.iter().filter(|((id, _), _)| id == &c.id) {
                let _ = id;
                let key = fold_str(text);
                if added.contains(&key) || seen.get(&key) != Some(kind) {
                    continue;
                }
                added.push(key);
                let status = if *kind == Rendering::Forbidden {
                    Status::Deprecated
                } else {
                    Status::Preferred
                };
                en_forms.push(english_form(text, status));
            }
            en_forms.sort_by(|a, b| a.text.cmp(&b.text));
            concepts.push(Concept {
                id: c.id.clone(),
                english: c.english.clone(),
                alternatives: Vec::new(),
                forbidden: Vec::new(),
                category: c.category,
                definition: None,
                definitions: Default::default(),
                note: None,
                inflect: Some(Inflect::Stem),
                compound: Some(Compound::None),
                forms: en_forms,
                other_forms: Vec::new(),
                location: None,
            });
        }
        let view = Glossary {
            path: format!("{} (English renderings)", glossary.path),
            concepts,
            ..Glossary::default()
        };
        Ok(TargetMatcher {
            matcher: TermMatcher::new(&view)?,
            kinds,
        })
    }

    /// Every rendering of a concept in an English text.
    pub fn find(&self, text: &str) -> Vec<TargetHit> {
        let hits = self.matcher.find(text, Some(Lang::En));
        // A multi-word rendering (`kolkhoz peasants`) also fires on its words: keep the
        // longest hit of a concept.
        let inside = |h: &crate::terms::TermHit| {
            hits.iter().any(|o| {
                o.concept == h.concept
                    && o.start <= h.start
                    && h.end <= o.end
                    && (o.end - o.start) > (h.end - h.start)
            })
        };
        let kept: Vec<_> = hits.iter().filter(|h| !inside(h)).cloned().collect();
        kept.into_iter()
            .map(|h| TargetHit {
                rendering: self
                    .kinds
                    .get(&(h.concept.clone(), h.form.clone()))
                    .copied()
                    .unwrap_or(Rendering::Admitted),
                concept: h.concept,
                form: h.form,
                surface: text[h.start..h.end].to_string(),
                start: h.start,
                end: h.end,
            })
            .collect()
    }
}

/// What the translation did with `concept`, given the renderings found in the target
/// sentences aligned with the term's sentence: the best rendering found (expected before
/// admitted before forbidden), or missing.
pub fn judge<'a>(concept: &str, target: &'a [TargetHit]) -> (Rendering, Option<&'a TargetHit>) {
    target
        .iter()
        .filter(|h| h.concept == concept)
        .min_by_key(|h| (h.rendering, h.start))
        .map_or((Rendering::Missing, None), |h| (h.rendering, Some(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
alternatives = ["collective farm"]
forbidden = ["kolchos"]
category = "term"
compound = "modifier"
de = [
  { form = "Kolchos" },
  { form = "Kolchosbauer", english = "kolkhoz peasant" },
]

[concept.soviet-union]
english = "Soviet Union"
category = "place"
de = [{ form = "Sowjetunion" }]
"#;

    fn matcher() -> TargetMatcher {
        TargetMatcher::new(&Glossary::parse("g.toml", GLOSSARY).unwrap()).unwrap()
    }

    #[test]
    fn renderings_are_classified_with_english_inflection() {
        let m = matcher();
        let kinds = |t: &str| -> Vec<(String, Rendering, String)> {
            m.find(t)
                .into_iter()
                .map(|h| (h.concept, h.rendering, h.surface))
                .collect()
        };
        assert_eq!(
            kinds("Two kolkhozes."),
            [("kolkhoz".into(), Rendering::Expected, "kolkhozes".into())]
        );
        assert_eq!(
            kinds("The collective farms grew."),
            [(
                "kolkhoz".into(),
                Rendering::Admitted,
                "collective farms".into()
            )]
        );
        assert_eq!(
            kinds("The Kolchos was poor."),
            [("kolkhoz".into(), Rendering::Forbidden, "Kolchos".into())]
        );
        assert_eq!(
            kinds("The kolkhoz peasants."),
            [(
                "kolkhoz".into(),
                Rendering::Expected,
                "kolkhoz peasants".into()
            )]
        );
        assert_eq!(
            kinds("across the Soviet Union"),
            [(
                "soviet-union".into(),
                Rendering::Expected,
                "Soviet Union".into()
            )]
        );
    }

    #[test]
    fn judge_prefers_the_best_rendering() {
        let m = matcher();
        let hits = m.find("The collective farm, later a kolkhoz.");
        let (rendering, hit) = judge("kolkhoz", &hits);
        assert_eq!(rendering, Rendering::Expected);
        assert_eq!(hit.map(|h| h.surface.as_str()), Some("kolkhoz"));
        assert_eq!(judge("soviet-union", &hits).0, Rendering::Missing);
    }
}
