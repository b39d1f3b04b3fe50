//! The glossary as evidence for sentence alignment: the concepts a source sentence and a
//! target sentence name.

use super::evidence::{KeySource, Side};
use crate::lang::Lang;
use crate::terms::TermMatcher;
use crate::terms::english::TargetMatcher;

/// Glossary concepts as alignment evidence: a source sentence and a target sentence that
/// name the same concept are likely translations of each other.
#[derive(Debug)]
pub struct GlossaryKeys<'a> {
    pub source: &'a TermMatcher,
    /// The source language's forms only, or every language's with `None`.
    pub source_lang: Option<Lang>,
    pub target: &'a TargetMatcher,
}

impl KeySource for GlossaryKeys<'_> {
    fn keys(&self, text: &str, side: Side) -> Vec<String> {
        match side {
            Side::Source => self
                .source
                .find(text, self.source_lang)
                .into_iter()
                .map(|h| h.concept)
                .collect(),
            Side::Target => self
                .target
                .find(text)
                .into_iter()
                .map(|h| h.concept)
                .collect(),
        }
    }
}
