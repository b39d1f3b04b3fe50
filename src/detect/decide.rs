//! Decisions from guesses: every paragraph from its own evidence or its neighbours', the
//! document's main language, and every sentence against its paragraph.

use std::ops::Range;

use super::guess::{BLOCK_MIN_CONFIDENCE, Guess};
use super::{Basis, Detection};
use crate::lang::{ByLang, Lang};
use crate::segment::Segment;

/// For a paragraph, decided by the vote of its sentences: the winner's share of the vote
/// and its lead over the runner-up. A paragraph that mixes languages sentence by sentence
/// has no large majority, but its plurality is still its language, provided at least one
/// of its sentences is confidently in it.
const PARAGRAPH_MIN_SHARE: f64 = 0.4;
const PARAGRAPH_MIN_LEAD: f64 = 0.05;
/// lingua confidence needed for a sentence to override its paragraph.
const OVERRIDE_MIN_CONFIDENCE: f64 = 0.9;
/// How much an inherited decision is trusted relative to its source.
const INHERIT_FACTOR: f64 = 0.8;

/// Decides every block: its own evidence where there is enough, else its neighbours of
/// the same kind (body or footnote), else the document's main language. Also returns the
/// main language.
pub(super) fn decide_blocks(guesses: &[Guess], is_note: &[bool]) -> (Vec<Detection>, Option<Lang>) {
    let own: Vec<Option<Detection>> = guesses.iter().map(own_block_decision).collect();
    let main = main_language(guesses, &own);
    let own: Vec<Option<Detection>> = own
        .into_iter()
        .zip(guesses)
        .map(|(d, g)| d.filter(|d| !doubts_main(d, g, main.map(|m| m.0))))
        .collect();
    let decisions = (0..guesses.len())
        .map(|i| {
            if let Some(d) = own[i] {
                return d;
            }
            let same = |j: &usize| is_note[*j] == is_note[i] && own[*j].is_some();
            let prev = (0..i).rev().find(same).and_then(|j| own[j]);
            let next = (i + 1..guesses.len()).find(same).and_then(|j| own[j]);
            inherit(prev, next, &guesses[i], main)
        })
        .collect();
    (decisions, main.map(|m| m.0))
}

/// A block's decision from its own evidence: a plurality of its sentences' vote with
/// enough of a lead, and at least one sentence confidently in that language.
fn own_block_decision(g: &Guess) -> Option<Detection> {
    let (lang, c) = g.best()?;
    (g.enough() && c >= PARAGRAPH_MIN_SHARE && g.lead() >= PARAGRAPH_MIN_LEAD && g.confident[lang])
        .then_some(Detection {
            lang: Some(lang),
            confidence: c,
            basis: Basis::Detected,
        })
}

/// The main language, with its share of the evidence: the one with most evidence
/// (letters) in decided blocks; on a tie, the first in [`Lang::ALL`] order.
fn main_language(guesses: &[Guess], own: &[Option<Detection>]) -> Option<(Lang, f64)> {
    let mut weight: ByLang<usize> = ByLang::default();
    for (g, d) in guesses.iter().zip(own) {
        if let Some(Detection { lang: Some(l), .. }) = d {
            weight[*l] += g.letters;
        }
    }
    let main = weight
        .iter()
        .filter(|(_, w)| **w > 0)
        .max_by_key(|(l, w)| (**w, std::cmp::Reverse(l.index())))
        .map(|(l, _)| l)?;
    let total: usize = weight.iter().map(|(_, w)| *w).sum();
    Some((main, weight[main] as f64 / total as f64))
}

/// Whether a block decided for another language than the document's `main` is not sure
/// of itself: its function words favour the document's language (and it does not mix
/// both languages, sentence by sentence). Such a block is judged by its neighbours.
fn doubts_main(d: &Detection, g: &Guess, main: Option<Lang>) -> bool {
    match (d.lang, main) {
        (Some(l), Some(m)) => {
            l != m && !g.confident[m] && g.function_words(m) > g.function_words(l)
        }
        _ => false,
    }
}

/// The decision for a text without enough evidence of its own: the neighbours' language
/// where they agree (or only one exists); where they disagree, the one the text's own
/// weak evidence (function words, then lingua) favours; else the fallback.
fn inherit(
    prev: Option<Detection>,
    next: Option<Detection>,
    own: &Guess,
    fallback: Option<(Lang, f64)>,
) -> Detection {
    let neighbours = |d: Detection, c: f64| Detection {
        lang: d.lang,
        confidence: c * INHERIT_FACTOR,
        basis: Basis::Neighbours,
    };
    match (prev, next) {
        (Some(p), Some(n)) if p.lang == n.lang => neighbours(p, p.confidence.min(n.confidence)),
        (Some(d), None) | (None, Some(d)) => neighbours(d, d.confidence),
        (Some(p), Some(n)) if favoured(own, p.lang, n.lang).is_some() => {
            let d = if favoured(own, p.lang, n.lang) == p.lang {
                p
            } else {
                n
            };
            neighbours(d, d.confidence * 0.5)
        }
        _ => match fallback {
            Some((lang, c)) => Detection {
                lang: Some(lang),
                confidence: c * INHERIT_FACTOR,
                basis: Basis::Document,
            },
            None => Detection::UNKNOWN,
        },
    }
}

/// Of two languages, the one a text's evidence favours (more function words, else a
/// higher lingua score), if either.
fn favoured(g: &Guess, a: Option<Lang>, b: Option<Lang>) -> Option<Lang> {
    let (a, b) = (a?, b?);
    let key = |l: Lang| (g.function_words(l), g.score(l));
    let (ka, kb) = (key(a), key(b));
    if ka.0 != kb.0 {
        Some(if ka.0 > kb.0 { a } else { b })
    } else if ka.1 != kb.1 {
        Some(if ka.1 > kb.1 { a } else { b })
    } else {
        None
    }
}

/// The runs of consecutive sentences of one block that lean, one by one, to the same
/// language other than their paragraph's (their guesses' best language), at least
/// [`RUN_MIN_SENTENCES`] long and not all decided for that language already: a quotation
/// of a few short sentences in another language run into the paragraph, each too short
/// to be sure of on its own. Each run is judged again as one text (see
/// [`decide_sentences`]), as if a change of language had split the block there.
pub(super) fn other_language_runs(
    segments: &[Segment],
    guesses: &[Guess],
    blocks: &[Detection],
) -> Vec<Range<usize>> {
    let lean = |i: usize| -> Option<Lang> {
        let para = blocks.get(segments[i].block)?.lang?;
        guesses[i].best().map(|(l, _)| l).filter(|&l| l != para)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let Some(lang) = lean(i) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < segments.len()
            && segments[i].block == segments[start].block
            && lean(i) == Some(lang)
        {
            i += 1;
        }
        let para = blocks[segments[start].block];
        let undecided = (start..i)
            .any(|j| decide_sentence(&guesses[j], para).and_then(|d| d.lang) != Some(lang));
        if i - start >= RUN_MIN_SENTENCES && undecided {
            runs.push(start..i);
        }
    }
    runs
}

/// Sentences a run of another language needs to be judged as one text: a single sentence
/// is judged on its own already.
const RUN_MIN_SENTENCES: usize = 2;

/// Decides every segment against its paragraph's decision. `runs` are runs of sentences
/// leaning to another language (see [`other_language_runs`]) with the guess of their
/// text taken together: where that clearly says the other language, every sentence of
/// the run takes it.
pub(super) fn decide_sentences(
    segments: &[Segment],
    guesses: &[Guess],
    blocks: &[Detection],
    runs: &[(Range<usize>, Guess)],
) -> Vec<Detection> {
    let paragraph = |s: &Segment| blocks.get(s.block).copied().unwrap_or(Detection::UNKNOWN);
    let mut own: Vec<Option<Detection>> = segments
        .iter()
        .zip(guesses)
        .map(|(s, g)| decide_sentence(g, paragraph(s)))
        .collect();
    for (run, joint) in runs {
        let para = paragraph(&segments[run.start]);
        let Some(d) = decide_run(joint, guesses[run.start].best(), para) else {
            continue;
        };
        for o in &mut own[run.clone()] {
            if o.and_then(|o| o.lang) != d.lang {
                *o = Some(d);
            }
        }
    }
    (0..segments.len())
        .map(|i| {
            if let Some(d) = own[i] {
                return d;
            }
            let para = paragraph(&segments[i]);
            let block = segments[i].block;
            let prev = (0..i)
                .rev()
                .take_while(|&j| segments[j].block == block)
                .find_map(|j| own[j]);
            let next = (i + 1..segments.len())
                .take_while(|&j| segments[j].block == block)
                .find_map(|j| own[j]);
            match (prev, next) {
                (Some(p), Some(n)) if p.lang == n.lang && p.lang != para.lang => Detection {
                    lang: p.lang,
                    confidence: p.confidence.min(n.confidence) * INHERIT_FACTOR,
                    basis: Basis::Neighbours,
                },
                _ if para.lang.is_some() => Detection {
                    lang: para.lang,
                    confidence: para.confidence,
                    basis: Basis::Paragraph,
                },
                _ => inherit(prev, next, &guesses[i], None),
            }
        })
        .collect()
}

/// A sentence's own decision given its paragraph's, or `None` when it has too little
/// evidence and should inherit.
fn decide_sentence(g: &Guess, para: Detection) -> Option<Detection> {
    if !g.enough() {
        return None;
    }
    let (best, c) = g.best()?;
    let Some(plang) = para.lang else {
        return (c >= BLOCK_MIN_CONFIDENCE).then_some(Detection {
            lang: Some(best),
            confidence: c,
            basis: Basis::Detected,
        });
    };
    if best == plang {
        return Some(Detection {
            lang: Some(best),
            confidence: c.max(para.confidence),
            basis: Basis::Detected,
        });
    }
    // A paragraph language that was not detected from the paragraph's own text is a weak
    // prior: the sentence's own evidence decides.
    let weak = para.basis != Basis::Detected
        && c >= BLOCK_MIN_CONFIDENCE
        && g.function_words(best) >= g.function_words(plang);
    Some(if weak || clearly(g, best, plang) {
        Detection {
            lang: Some(best),
            confidence: c,
            basis: Basis::Detected,
        }
    } else {
        Detection {
            lang: Some(plang),
            confidence: (para.confidence + g.score(plang)) / 2.0,
            basis: Basis::Paragraph,
        }
    })
}

/// The decision for a run of sentences that each lean to another language than their
/// paragraph's, from their text taken together: the language they lean to where the joint
/// text has enough evidence and says it clearly (see [`clearly`]), or, since every
/// sentence leans that way already, says it with [`BLOCK_MIN_CONFIDENCE`] and more of its
/// function words than of the paragraph's language.
fn decide_run(joint: &Guess, leaning: Option<(Lang, f64)>, para: Detection) -> Option<Detection> {
    let (lang, _) = leaning?;
    let plang = para.lang?;
    let (best, c) = joint.best()?;
    let sure = clearly(joint, lang, plang)
        || (c >= BLOCK_MIN_CONFIDENCE && joint.function_words(lang) > joint.function_words(plang));
    (joint.enough() && best == lang && lang != plang && sure).then_some(Detection {
        lang: Some(lang),
        confidence: c,
        basis: Basis::Detected,
    })
}

/// Whether a text's evidence clearly says `lang` rather than the context's `context`:
/// lingua is sure, and the function words do not favour the context's language.
fn clearly(g: &Guess, lang: Lang, context: Lang) -> bool {
    let (fw, fw_context) = (g.function_words(lang), g.function_words(context));
    let c = g.score(lang);
    (c >= OVERRIDE_MIN_CONFIDENCE && fw >= fw_context)
        || (c >= BLOCK_MIN_CONFIDENCE && fw >= fw_context + 2)
}
