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
    /// guessed anew (blocks are cut independently of each other); the others keep their
    /// segments and guesses. Cutting the whole document again cost detection a tenth of
    /// its time on the corpus (issue 20).
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
        let changed: Vec<usize> = (0..norm.blocks.len())
            .filter(|&b| rules.get(b) != self.rules.get(b))
            .collect();
        let part = Normalized {
            blocks: changed.iter().map(|&b| norm.blocks[b].clone()).collect(),
            ..Normalized::default()
        };
        let part_rules: Vec<Lang> = changed.iter().map(|&b| final_rule(&rules, b)).collect();
        let mut fresh = segment::segment_blocks(doc, &part, &part_rules);
        for s in &mut fresh {
            s.block = changed[s.block];
        }
        let fresh_guesses: Vec<Guess> = fresh
            .par_iter()
            .map(|s| guesser.guess_in_context(&s.text, self.context[s.block]))
            .collect();

        // Both lists are in block order and hold different blocks: merge them.
        let kept = self
            .segments
            .into_iter()
            .zip(self.guesses)
            .filter(|(s, _)| rules.get(s.block) == self.rules.get(s.block));
        let mut fresh = fresh.into_iter().zip(fresh_guesses).peekable();
        let mut segments = Vec::new();
        let mut guesses = Vec::new();
        for (s, g) in kept {
            while let Some((f, fg)) = fresh.next_if(|(f, _)| f.block < s.block) {
                segments.push(f);
                guesses.push(fg);
            }
            segments.push(s);
            guesses.push(g);
        }
        for (f, fg) in fresh {
            segments.push(f);
            guesses.push(fg);
        }
        Cut {
            rules,
            segments,
            guesses,
            context: self.context,
        }
    }
}

/// The rules of block `b`: German past the end of `rules` (which covers every block).
fn final_rule(rules: &[Lang], b: usize) -> Lang {
    rules.get(b).copied().unwrap_or(Lang::De)
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
