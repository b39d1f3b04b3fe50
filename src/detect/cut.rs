//! A document cut into sentences under some abbreviation rules, with every sentence's
//! guess; and the same document cut again under its detected languages' rules.
//!
//! The first cut uses rules from the blocks' function words (cheap) so that sentences can
//! be judged at all; once the paragraphs' languages are decided, a block whose language
//! differs is cut again, so `bijv.` in a Dutch paragraph is not a sentence end.

use rayon::prelude::*;

use super::Detection;
use super::guess::{Guess, Guesser};
use crate::lang::Lang;
use crate::normalize::Normalized;
use crate::segment::{self, Segment};
use crate::source::Document;

/// The segments of a document cut with one language's rules per block, and their guesses.
pub(super) struct Cut {
    /// The abbreviation rules of each block.
    pub rules: Vec<Lang>,
    pub segments: Vec<Segment>,
    pub guesses: Vec<Guess>,
    /// Every block's context language, from the first cut (see [`super::guess::contexts`]).
    context: Vec<Option<Lang>>,
}

impl Cut {
    /// Cuts every block of `norm` with `rules[block]` and guesses every segment.
    pub fn new(guesser: &Guesser, doc: &Document, norm: &Normalized, rules: Vec<Lang>) -> Cut {
        let segments = segment::segment_blocks(doc, norm, &rules);
        let (guesses, context) = guesser.sentence_guesses(norm.blocks.len(), &segments);
        Cut {
            rules,
            segments,
            guesses,
            context,
        }
    }

    /// The same document cut with `rules`. Only the blocks whose rules changed are cut and
    /// guessed anew; the others keep their segments' guesses.
    pub fn again(
        self,
        guesser: &Guesser,
        doc: &Document,
        norm: &Normalized,
        rules: Vec<Lang>,
    ) -> Cut {
        if rules == self.rules {
            return self;
        }
        let segments = segment::segment_blocks(doc, norm, &rules);
        let mut old = self.segments.into_iter().zip(self.guesses).peekable();
        let mut reused = Vec::with_capacity(segments.len());
        for s in &segments {
            while old.next_if(|(o, _)| o.block < s.block).is_some() {}
            let same = rules[s.block] == self.rules[s.block];
            reused.push(if same {
                old.next_if(|(o, _)| o.block == s.block && o.span == s.span)
                    .map(|(_, g)| g)
            } else {
                None
            });
        }
        let guesses = segments
            .par_iter()
            .zip(reused)
            .map(|(s, g)| {
                g.unwrap_or_else(|| guesser.guess_in_context(&s.text, self.context[s.block]))
            })
            .collect();
        Cut {
            rules,
            segments,
            guesses,
            context: self.context,
        }
    }
}

/// The abbreviation rules of every block once the blocks are decided: its language, the
/// document's main language where it is unknown, German where that is unknown too.
pub(super) fn final_rules(decisions: &[Detection], main: Option<Lang>) -> Vec<Lang> {
    let fallback = main.unwrap_or(Lang::De);
    decisions
        .iter()
        .map(|d| d.lang.unwrap_or(fallback))
        .collect()
}
