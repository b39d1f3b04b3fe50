//! The banded dynamic programming over beads.

use serde::Serialize;

use super::evidence::{
    Evidence, KeySource, Match, anchor_candidates, dictionary_coverage, dictionary_match, extract,
    key_agreement, overlap,
};
use super::{Unit, anchor_chain, verify_chain};

/// Bead types `(source sentences, target sentences)` and their prior probabilities
/// (Gale & Church's, with room for 2-2 and 3-1 beads of badly split sources).
const BEADS: [((usize, usize), f64); 8] = [
    ((1, 1), 0.89),
    ((1, 0), 0.01),
    ((0, 1), 0.01),
    ((2, 1), 0.045),
    ((1, 2), 0.045),
    ((2, 2), 0.008),
    ((3, 1), 0.002),
    ((1, 3), 0.002),
];

/// The cost of a bead type's prior, `-ln p`.
fn prior(di: usize, dj: usize) -> f64 {
    BEADS
        .iter()
        .find(|(t, _)| *t == (di, dj))
        .map_or(f64::INFINITY, |(_, p)| -p.ln())
}

/// How much more than a pair and an omission a merge with a bare sentence costs.
const SPLIT_MARGIN: f64 = 0.1;

/// How much better (in nats of the length cost) the lengths of a merge must fit than
/// those of the merge without its bare sentence for the merge to stand on its lengths,
/// besides outweighing the bare sentence's dictionary words (1.0 and 2.0 measure alike on
/// the simulated sets; 3.0 gives back half of what the rule gains on `mixed/` and
/// `ratio/`).
const LENGTH_SUPPORT: f64 = 2.0;

/// Variance of the target length per source character (Gale & Church's s²).
const VARIANCE: f64 = 6.8;

/// The target characters per source character that a bead's written score assumes:
/// Gale & Church's c = 1, which holds for the European languages glossa reads within a
/// few percent. The path uses the document's own ratio; the score does not, because a
/// document-wide figure moves with every edit and would move every score with it.
const SCORE_RATIO: f64 = 1.0;

/// Tunable weights of the cost.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Cost subtracted per unit of shared evidence weight.
    pub shared_weight: f64,
    /// Cost added per unit of evidence weight found on one side only.
    pub missing_weight: f64,
    /// Cost of a bead that starts a paragraph on one side only (when both sides have
    /// comparable paragraphs).
    pub paragraph_penalty: f64,
    /// Cost added per sentence of a bead whose dictionary words (two or more) find no
    /// match on the other side (in part when few of them do).
    pub unmatched_penalty: f64,
    /// Half-width of the band around the anchor path, in sentences, before it is widened
    /// where the path touches its edges.
    pub min_band: usize,
    /// When a bead is marked for review, for beads without dictionary words (see
    /// [`Review`])…
    pub review: Review,
    /// …and for beads with some (a bilingual dictionary in use).
    pub review_dictionary: Review,
    /// Whether to align a second time with the word pairs the first pass is sure of as
    /// evidence (hunalign's realign).
    pub realign: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            shared_weight: 2.0,
            missing_weight: 1.0,
            paragraph_penalty: 3.0,
            unmatched_penalty: 2.0,
            min_band: 12,
            review: Review {
                null_margin: 0.5,
                pair_margin: 0.75,
                pair_below: 0.5,
                merge_margin: 0.75,
                merge_below: f64::INFINITY,
            },
            review_dictionary: Review {
                null_margin: 0.0,
                pair_margin: 0.1,
                pair_below: 0.5,
                merge_margin: 0.25,
                merge_below: 0.7,
            },
            realign: true,
        }
    }
}

/// Thresholds of the review flag, by the bead's margin (how much more, in nats, the best
/// other way through its sentences costs; see `margins`) and its score. Measured on the
/// simulated sets (scripts/sentalign-sim.py, every set, with and without a dictionary, a
/// grid search over the thresholds) so that most marked beads are wrong ones: the flag is
/// what a reviewer reads.
#[derive(Clone, Copy, Debug)]
pub struct Review {
    /// A null bead (1-0, 0-1) is marked when its margin (the best path that puts the
    /// omission or addition one sentence earlier or later) is below this.
    pub null_margin: f64,
    /// A 1-1 bead is marked when its margin is below `pair_margin` and its score below
    /// `pair_below`.
    pub pair_margin: f64,
    /// See `pair_margin`.
    pub pair_below: f64,
    /// A merge (2-1, 1-2, 2-2, …) is marked when its margin is below `merge_margin` and
    /// its score below `merge_below`.
    pub merge_margin: f64,
    /// See `merge_margin`.
    pub merge_below: f64,
}

impl Review {
    /// Whether a bead of `di` source and `dj` target sentences with this margin and score
    /// is marked.
    fn marks(&self, di: usize, dj: usize, margin: f64, score: f64) -> bool {
        match (di, dj) {
            (0, _) | (_, 0) => margin < self.null_margin,
            (1, 1) => margin < self.pair_margin && score < self.pair_below,
            _ => margin < self.merge_margin && score < self.merge_below,
        }
    }
}

/// Source sentences aligned with target sentences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bead {
    /// 0-based indices of the source sentences (possibly empty).
    pub source: Vec<usize>,
    /// 0-based indices of the target sentences (possibly empty).
    pub target: Vec<usize>,
    /// How well the parts fit, from 0 (not at all) to 1.
    pub score: f64,
    /// Whether a person should look at this bead.
    pub review: bool,
    /// How much more (in nats) the cheapest other alignment of the bead's sentences costs
    /// (for a null bead: one that puts the omission or addition a sentence earlier or
    /// later); infinite when there is none. What `review` is decided by, with `score`.
    pub margin: f64,
    /// With a dictionary: the weighted share of the bead's dictionary words that find
    /// their translation on the other side (`None` without dictionary words).
    pub coverage: Option<f64>,
    /// The weighted share of the bead's distinctive keys (concepts, names, numbers,
    /// placeholders) that the other side has too (`None` without such keys; see
    /// [`key_agreement`]).
    pub keys: Option<f64>,
}

/// The standard normal distribution function (Abramowitz & Stegun 7.1.26).
fn phi(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs() / std::f64::consts::SQRT_2);
    let y = 1.0
        - (((((1.061_405_429 * t - 1.453_152_027) * t) + 1.421_413_741) * t - 0.284_496_736) * t
            + 0.254_829_592)
            * t
            * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + y)
    } else {
        0.5 * (1.0 - y)
    }
}

/// Gale & Church's length cost of aligning `ls` source with `lt` target characters.
fn length_cost(ls: f64, lt: f64, ratio: f64) -> f64 {
    if ls == 0.0 || lt == 0.0 {
        return 0.0;
    }
    let mean = (ls + lt / ratio) / 2.0;
    let delta = (lt - ls * ratio) / (mean * VARIANCE).sqrt();
    let p = (2.0 * (1.0 - phi(delta.abs()))).max(1e-12);
    -p.ln()
}

struct Problem<'a> {
    src: &'a [Unit],
    tgt: &'a [Unit],
    ev_s: Vec<Evidence>,
    ev_t: Vec<Evidence>,
    len_s: Vec<f64>,
    len_t: Vec<f64>,
    ratio: f64,
    /// The second pass's length ratios before and after each source position (see
    /// [`local_ratios`]); `ratio` everywhere when `None`.
    local: Option<Vec<(f64, f64)>>,
    paragraphs: bool,
    config: Config,
}

impl<'a> Problem<'a> {
    fn new(src: &'a [Unit], tgt: &'a [Unit], keys: &dyn KeySource, config: &Config) -> Problem<'a> {
        let (ev_s, ev_t) = extract(src, tgt, keys);
        let len = |u: &Unit| u.text.chars().filter(|c| !c.is_whitespace()).count() as f64 + 1.0;
        let len_s: Vec<f64> = src.iter().map(len).collect();
        let len_t: Vec<f64> = tgt.iter().map(len).collect();
        let ratio = (len_t.iter().sum::<f64>() / len_s.iter().sum::<f64>()).clamp(0.2, 5.0);
        let paras = |u: &[Unit]| u.last().map_or(0, |x| x.paragraph) + 1;
        let (ps, pt) = (paras(src), paras(tgt));
        let paragraphs =
            ps > 1 && pt > 1 && (ps as f64 - pt as f64).abs() <= 0.1 * ps.max(pt) as f64;
        Problem {
            src,
            tgt,
            ev_s,
            ev_t,
            len_s,
            len_t,
            ratio,
            local: None,
            paragraphs,
            config: *config,
        }
    }
}

impl Problem<'_> {
    /// The cost of the bead `src[i0..i1]` with `tgt[j0..j1]`, without its prior.
    fn cost(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f64 {
        // With local ratios, the one that fits: the part before or the part after.
        let mut cost = self.length(i0, i1, j0, j1);
        // An omission or an addition has nothing to share: its prior says what it costs.
        if i1 > i0 && j1 > j0 {
            let (shared, missing, m) = self.evidence(i0, i1, j0, j1);
            cost += self.config.missing_weight * missing - self.config.shared_weight * shared;
            cost += self.config.unmatched_penalty * m.unmatched;
            if let Some(bare) = m.bare {
                cost = cost.max(self.split_cost(i0, i1, j0, j1, bare));
            }
        }
        if self.paragraphs {
            let starts_s =
                i1 > i0 && (i0 == 0 || self.src[i0].paragraph != self.src[i0 - 1].paragraph);
            let starts_t =
                j1 > j0 && (j0 == 0 || self.tgt[j0].paragraph != self.tgt[j0 - 1].paragraph);
            if i1 > i0 && j1 > j0 && starts_s != starts_t {
                cost += self.config.paragraph_penalty;
            }
            let spans = |u: &[Unit]| u.windows(2).any(|w| w[0].paragraph != w[1].paragraph);
            if spans(&self.src[i0..i1]) != spans(&self.tgt[j0..j1]) {
                cost += self.config.paragraph_penalty;
            }
        }
        cost
    }

    /// What a merge with a bare sentence (see [`Match::bare`]) must cost at least, less
    /// its prior: a little more than the bead without that sentence plus that sentence in
    /// a bead of its own, when the rest is well supported (it shares evidence and every
    /// sentence of it finds its dictionary words). A merge whose extra sentence brings no
    /// evidence of its own loses to a pair and an omission; without a well supported
    /// rest, or when the lengths fit the merge better than the rest alone by
    /// [`LENGTH_SUPPORT`] plus the weight of the bare sentence's dictionary words (a long
    /// sentence the translation split in two, its second half freely worded), the bead
    /// costs what it costs: a null bead is the last resort against a merge the lengths
    /// support.
    fn split_cost(&self, i0: usize, i1: usize, j0: usize, j1: usize, bare: (usize, usize)) -> f64 {
        // `rest` is the bead without its bare sentence, `alone` that sentence.
        let (mut rest, mut alone) = ((i0, i1, j0, j1), (i0, i1, j0, j1));
        match bare {
            (0, 0) => (rest.0, alone.1, alone.2, alone.3) = (i0 + 1, i0 + 1, j0, j0),
            (0, _) => (rest.1, alone.0, alone.2, alone.3) = (i1 - 1, i1 - 1, j1, j1),
            (_, 0) => (rest.2, alone.3, alone.0, alone.1) = (j0 + 1, j0 + 1, i0, i0),
            _ => (rest.3, alone.2, alone.0, alone.1) = (j1 - 1, j1 - 1, i1, i1),
        }
        let (shared, _, m) = self.evidence(rest.0, rest.1, rest.2, rest.3);
        if shared <= 0.0 || m.unmatched > 0.0 {
            return f64::NEG_INFINITY;
        }
        // The lengths must outweigh the bare sentence's counter-evidence: the weight of its
        // dictionary words, none of which finds its translation (learnt words and keys
        // are weaker evidence and count for nothing here).
        let bare_sentence = match bare {
            (0, k) => &self.ev_s[i0 + k],
            (_, k) => &self.ev_t[j0 + k],
        };
        let against: f64 = bare_sentence
            .soft
            .iter()
            .filter(|(w, _)| !super::realign::learnt(w))
            .map(|(_, weight)| weight)
            .sum();
        if self.length_support(i0, i1, j0, j1, rest) >= LENGTH_SUPPORT + against {
            return f64::NEG_INFINITY;
        }
        let with_prior = |(a, b, c, d): (usize, usize, usize, usize)| {
            self.cost(a, b, c, d) + prior(b - a, d - c)
        };
        with_prior(rest) + with_prior(alone) - prior(i1 - i0, j1 - j0) + SPLIT_MARGIN
    }

    /// How much better the lengths of the bead `src[i0..i1]` with `tgt[j0..j1]` fit than
    /// those of `rest`, the same bead without one of its sentences, in nats.
    fn length_support(
        &self,
        i0: usize,
        i1: usize,
        j0: usize,
        j1: usize,
        rest: (usize, usize, usize, usize),
    ) -> f64 {
        self.length(rest.0, rest.1, rest.2, rest.3) - self.length(i0, i1, j0, j1)
    }

    /// The length cost of the bead `src[i0..i1]` with `tgt[j0..j1]`.
    fn length(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f64 {
        let ls: f64 = self.len_s[i0..i1].iter().sum();
        let lt: f64 = self.len_t[j0..j1].iter().sum();
        match &self.local {
            None => length_cost(ls, lt, self.ratio),
            Some(l) => length_cost(ls, lt, l[i0].0).min(length_cost(ls, lt, l[i0].1)),
        }
    }

    /// The summed weight of the evidence the two parts share (dictionary words matched
    /// included) and of the evidence found on one side only, and how far the bead's
    /// sentences fall short of having their dictionary words matched (see
    /// [`dictionary_match`]): one pass over the bead's evidence, as the search asks for
    /// every bead of every cell.
    fn evidence(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> (f64, f64, Match) {
        self.evidence_with(i0, i1, j0, j1, true)
    }

    /// [`Problem::evidence`], with or without the cognate keys.
    fn evidence_with(
        &self,
        i0: usize,
        i1: usize,
        j0: usize,
        j1: usize,
        cognates: bool,
    ) -> (f64, f64, Match) {
        let (es, et) = (&self.ev_s[i0..i1], &self.ev_t[j0..j1]);
        let (shared, missing) = overlap(es, et, cognates);
        let m = dictionary_match(es, et);
        (shared + m.matched, missing, m)
    }

    /// The weighted share of the bead's dictionary words matched across it, if it has any.
    fn coverage(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> Option<f64> {
        dictionary_coverage(&self.ev_s[i0..i1], &self.ev_t[j0..j1])
    }

    /// The score written for a bead: how well its lengths fit times the share of its
    /// evidence found on both sides, from the bead's own sentences only. The length fit
    /// assumes [`SCORE_RATIO`], not the document's ratio (which the path uses), so that an
    /// edit elsewhere in the document cannot move this bead's score; for the same reason
    /// it leaves out the cognate keys.
    fn score(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f64 {
        if i1 == i0 || j1 == j0 {
            return 0.0;
        }
        let ls: f64 = self.len_s[i0..i1].iter().sum();
        let lt: f64 = self.len_t[j0..j1].iter().sum();
        let length = length_cost(ls, lt, SCORE_RATIO);
        let (shared, missing, _) = self.evidence_with(i0, i1, j0, j1, false);
        (-length / 3.0).exp() * (1.0 + shared) / (1.0 + shared + missing)
    }
}

/// Path cells this close to a band edge (the longest bead's reach) may have been held
/// back by it.
const EDGE: usize = 3;

/// Rounds of widening before the path found is taken as it is.
const MAX_ROUNDS: usize = 16;

/// The centre of the band: for each source position `i` (0..=n), the target position on
/// the straight line through the anchors (the alignment's start and end included).
fn centre_line(n: usize, m: usize, anchors: &[(usize, usize)]) -> Vec<usize> {
    let mut points = vec![(0usize, 0usize)];
    points.extend(anchors.iter().copied());
    points.push((n, m));
    let mut out = vec![0; n + 1];
    for w in points.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        let (di, dj) = ((i1 - i0) as f64, j1.saturating_sub(j0) as f64);
        for (i, slot) in out.iter_mut().enumerate().take(i1 + 1).skip(i0) {
            let c = if di == 0.0 {
                j0 as f64
            } else {
                j0 as f64 + (i - i0) as f64 * dj / di
            };
            *slot = (c.round() as usize).min(m);
        }
    }
    out
}

/// Sentences per block of the coarse pass.
const BLOCK: usize = 10;

/// Bead types of the coarse pass, in blocks, with their priors.
const COARSE: [((usize, usize), f64); 5] = [
    ((1, 1), 0.9),
    ((1, 0), 0.02),
    ((0, 1), 0.02),
    ((2, 1), 0.03),
    ((1, 2), 0.03),
];

/// The coarse pass, as vecalign's coarse-to-fine search: when anchors are sparse, the
/// sentences are summed into blocks of [`BLOCK`] and the blocks aligned by their lengths
/// alone, in a band as wide as the difference in block counts allows. The path's
/// corners, in sentences, stand in for anchors: the fine band follows the texts where
/// they part (an omitted passage) instead of the straight diagonal.
fn coarse_path(len_s: &[f64], len_t: &[f64], ratio: f64) -> Vec<(usize, usize)> {
    let blocks = |l: &[f64]| {
        l.chunks(BLOCK)
            .map(|c| c.iter().sum())
            .collect::<Vec<f64>>()
    };
    let (bs, bt) = (blocks(len_s), blocks(len_t));
    let (nb, mb) = (bs.len(), bt.len());
    let half = 8 + nb.abs_diff(mb);
    let centre: Vec<usize> = (0..=nb).map(|i| i * mb / nb.max(1)).collect();
    let below = vec![half; nb + 1];
    let rows = band(&centre, &below, &below, mb);
    let (back, _) = fill_with(&rows, &COARSE, false, |i0, i1, j0, j1| {
        let ls: f64 = bs[i0..i1].iter().sum();
        let lt: f64 = bt[j0..j1].iter().sum();
        length_cost(ls, lt, ratio)
    });
    let (n, m) = (len_s.len(), len_t.len());
    let mut corners = Vec::new();
    let (mut i, mut j) = (nb, mb);
    while i > 0 || j > 0 {
        let b = back[i][j - rows[i].0];
        let ((di, dj), _) = COARSE[b as usize];
        i -= di;
        j -= dj;
        let p = ((i * BLOCK).min(n), (j * BLOCK).min(m));
        if p != (0, 0) && corners.last().is_none_or(|&(a, c)| a > p.0 && c > p.1) {
            corners.push(p);
        }
    }
    corners.reverse();
    corners
}

/// The band: for each source position `i` (0..=n), the allowed target positions, from
/// `below[i]` under the centre line to `above[i]` over it, connected from row to row.
fn band(centre: &[usize], below: &[usize], above: &[usize], m: usize) -> Vec<(usize, usize)> {
    let n = centre.len() - 1;
    let mut out: Vec<(usize, usize)> = (0..=n)
        .map(|i| {
            (
                centre[i].saturating_sub(below[i]),
                (centre[i] + above[i]).min(m),
            )
        })
        .collect();
    out[0].0 = 0;
    out[n].1 = m;
    // Keep the band connected: each row must reach the previous row's range.
    for i in 1..=n {
        let (plo, phi) = out[i - 1];
        let (lo, hi) = out[i];
        out[i] = (lo.min(phi), hi.max(plo));
    }
    out
}

/// Widens the band where `path` (cells `(i, j)`) touches its edges in `rows`: each
/// touching row's half-width on that side is doubled over a stretch of rows as long as
/// the new width on either side. Returns whether anything changed.
fn widen(
    path: &[(usize, usize)],
    rows: &[(usize, usize)],
    below: &mut [usize],
    above: &mut [usize],
    m: usize,
) -> bool {
    let n = rows.len() - 1;
    let mut grow_below = Vec::new();
    let mut grow_above = Vec::new();
    for &(i, j) in path {
        let (lo, hi) = rows[i];
        if lo > 0 && j < lo + EDGE {
            grow_below.push((i, 2 * below[i]));
        }
        if hi < m && j + EDGE > hi {
            grow_above.push((i, 2 * above[i]));
        }
    }
    let mut changed = false;
    for (half, grow) in [(below, grow_below), (above, grow_above)] {
        for (i, width) in grow {
            let width = width.min(m + 1);
            for slot in &mut half[i.saturating_sub(width)..=(i + width).min(n)] {
                if *slot < width {
                    *slot = width;
                    changed = true;
                }
            }
        }
    }
    changed
}

/// Aligns the sentences of `src` with those of `tgt`, using `keys` for shared lexical
/// evidence (e.g. glossary concepts). Deterministic for the same input.
pub fn align(src: &[Unit], tgt: &[Unit], keys: &dyn KeySource, config: &Config) -> Vec<Bead> {
    let (n, m) = (src.len(), tgt.len());
    if n == 0 || m == 0 {
        return unaligned(n, m);
    }
    let mut problem = Problem::new(src, tgt, keys, config);
    let anchors = verify_chain(
        &anchor_chain(&anchor_candidates(&problem.ev_s, &problem.ev_t)),
        n,
        m,
    );
    let ratio = problem.ratio;
    // Sparse anchors (fewer than one in fifty sentences): the coarse pass draws the line.
    let centre = if anchors.len() * 50 >= n {
        centre_line(n, m, &anchors)
    } else {
        centre_line(n, m, &coarse_path(&problem.len_s, &problem.len_t, ratio))
    };
    let (first, margins) = search(&problem, &centre, n, m, config.min_band);
    if !config.realign {
        return first;
    }
    // The second pass: word pairs of the beads the first is sure of as evidence.
    let sure: Vec<(usize, usize)> = first
        .iter()
        .zip(&margins)
        .filter(|(b, _)| b.source.len() == 1 && b.target.len() == 1)
        .filter(|(b, m)| b.score >= SURE_SCORE && (**m >= SURE_MARGIN || b.score >= SURE_ALONE))
        .map(|(b, _)| (b.source[0], b.target[0]))
        .collect();
    let (ev_s, ev_t) = (&mut problem.ev_s, &mut problem.ev_t);
    let learnt = super::realign::learn_and_add(src, tgt, &sure, ev_s, ev_t);
    // The length ratio around each sentence, from the first pass's 1-1 beads that no
    // other path comes near (whatever their score, which assumes a ratio of 1).
    let settled: Vec<(usize, usize)> = first
        .iter()
        .zip(&margins)
        .filter(|(b, m)| b.source.len() == 1 && b.target.len() == 1 && **m >= SURE_MARGIN)
        .map(|(b, _)| (b.source[0], b.target[0]))
        .collect();
    let local = local_ratios(&problem.len_s, &problem.len_t, &settled, ratio);
    let varies = local
        .iter()
        .any(|&(a, b)| (a / ratio - 1.0).abs().max((b / ratio - 1.0).abs()) > LOCAL_VARIES);
    if learnt == 0 && !varies {
        return first;
    }
    problem.local = varies.then_some(local);
    // The first path is the second's centre line: the band starts where the path is.
    let mut along = vec![0; n + 1];
    let (mut i, mut j) = (0, 0);
    for b in &first {
        for slot in &mut along[i..=i + b.source.len()] {
            *slot = j;
        }
        i += b.source.len();
        j += b.target.len();
    }
    search(&problem, &along, n, m, SECOND_BAND.min(config.min_band)).0
}

/// Source sentences either side whose 1-1 pairs of the first pass measure the local
/// length ratio.
const LOCAL_WINDOW: usize = 40;
/// Characters of the document's own ratio that the local ratio is drawn towards: a
/// window with few pairs keeps near the document's ratio.
const LOCAL_PRIOR: f64 = 300.0;
/// How far (as a share) the local ratio must somewhere differ from the document's for
/// the second pass to use it.
const LOCAL_VARIES: f64 = 0.1;

/// For each source position `0..=n`, the length ratios of the text before it and after
/// it: target over source characters of the 1-1 `pairs` whose source sentence lies within
/// [`LOCAL_WINDOW`] sentences before (after), with [`LOCAL_PRIOR`] characters at the
/// document's `ratio` added. A translator who condensed one chapter and expanded the next
/// gives the two chapters different ratios; one per file fits neither, and the path then
/// prefers null beads and merges where lengths misfit (on the simulated `ratio/` set,
/// without a dictionary, strict F1 .903 joined against .947 for the parts alone). A bead
/// is measured by the ratio of the side it fits: at the seam between two chapters, a
/// window across both would fit neither.
pub(super) fn local_ratios(
    len_s: &[f64],
    len_t: &[f64],
    pairs: &[(usize, usize)],
    ratio: f64,
) -> Vec<(f64, f64)> {
    let n = len_s.len();
    // Prefix sums, by source position, of the pairs' lengths.
    let (mut ps, mut pt) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    for &(i, j) in pairs {
        ps[i + 1] += len_s[i];
        pt[i + 1] += len_t[j];
    }
    for i in 0..n {
        ps[i + 1] += ps[i];
        pt[i + 1] += pt[i];
    }
    let between = |lo: usize, hi: usize| {
        let (s, t) = (ps[hi] - ps[lo], pt[hi] - pt[lo]);
        ((t + LOCAL_PRIOR * ratio) / (s + LOCAL_PRIOR)).clamp(0.2, 5.0)
    };
    (0..=n)
        .map(|i| {
            (
                between(i.saturating_sub(LOCAL_WINDOW), i),
                between(i, (i + LOCAL_WINDOW).min(n)),
            )
        })
        .collect()
}

/// Half-width of the second pass's band around the first path, before it is widened where
/// the path touches its edges: the first path is near the second (on the simulated sets,
/// 4, 6 and 12 give the same beads), and the second pass, with the learnt words, is the
/// dearer of the two per cell.
const SECOND_BAND: usize = 6;

/// The score a 1-1 bead of the first pass needs for its words to teach the second…
const SURE_SCORE: f64 = 0.5;
/// …with a margin of this or more, or else a score of `SURE_ALONE`.
const SURE_MARGIN: f64 = 1.5;
/// See `SURE_MARGIN`.
const SURE_ALONE: f64 = 0.7;

/// The banded search around `centre`, `min_band` either side, widened where the path
/// touches the band's edges: the beads and their margins (see [`margins`]).
fn search(
    problem: &Problem<'_>,
    centre: &[usize],
    n: usize,
    m: usize,
    min_band: usize,
) -> (Vec<Bead>, Vec<f64>) {
    let config = &problem.config;
    let mut below = vec![min_band.max(EDGE); n + 1];
    let mut above = below.clone();
    let mut round = 0;
    loop {
        let rows = band(centre, &below, &above, m);
        let (back, forward) = fill(problem, &rows);
        let path = path(&rows, &back, n, m);
        round += 1;
        let cells: Vec<(usize, usize)> = path.iter().map(|&(i, j, _)| (i, j)).collect();
        if round == MAX_ROUNDS || !widen(&cells, &rows, &mut below, &mut above, m) {
            let backward = fill_backward(problem, &rows, m);
            let margins = margins(&rows, &forward, &backward, &path);
            return (trace(problem, &path, &margins, config), margins);
        }
    }
}

/// Every sentence in a bead of its own, when one side is empty.
fn unaligned(n: usize, m: usize) -> Vec<Bead> {
    let bead = |source: Vec<usize>, target: Vec<usize>| Bead {
        source,
        target,
        score: 0.0,
        review: true,
        margin: 0.0,
        coverage: None,
        keys: None,
    };
    (0..n)
        .map(|i| bead(vec![i], vec![]))
        .chain((0..m).map(|j| bead(vec![], vec![j])))
        .collect()
}

/// The dynamic programming over the band `rows` (per source position, the range of target
/// positions allowed): for each cell, the bead type of the cheapest path to it.
fn fill(problem: &Problem<'_>, rows: &[(usize, usize)]) -> (Vec<Vec<u8>>, Vec<Vec<f64>>) {
    fill_with(rows, &BEADS, true, |i0, i1, j0, j1| {
        problem.cost(i0, i1, j0, j1)
    })
}

/// The cheapest cost from each cell of the band `rows` to the end `(n, m)`: the same
/// dynamic programming run from the end backwards, indexed as `rows`.
fn fill_backward(problem: &Problem<'_>, rows: &[(usize, usize)], m: usize) -> Vec<Vec<f64>> {
    let n = rows.len() - 1;
    let reversed: Vec<(usize, usize)> = rows
        .iter()
        .rev()
        .map(|&(lo, hi)| (m - hi, m - lo))
        .collect();
    let (_, mut cost) = fill_with(&reversed, &BEADS, true, |i0, i1, j0, j1| {
        problem.cost(n - i1, n - i0, m - j1, m - j0)
    });
    cost.reverse();
    for row in &mut cost {
        row.reverse();
    }
    cost
}

/// The dynamic programming over `rows` with the bead types `beads` (their priors) and the
/// cost of a bead `cost(i0, i1, j0, j1)`: for each cell, the index in `beads` of the bead
/// type of the cheapest path to it.
fn fill_with(
    rows: &[(usize, usize)],
    beads: &[((usize, usize), f64)],
    keep: bool,
    cost_of: impl Fn(usize, usize, usize, usize) -> f64,
) -> (Vec<Vec<u8>>, Vec<Vec<f64>>) {
    // cost[i][j - lo_i], with the bead type that reached it.
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(rows.len());
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(rows.len());
    let reach = beads.iter().map(|((di, _), _)| *di).max().unwrap_or(1);
    let priors: Vec<f64> = beads.iter().map(|(_, p)| -p.ln()).collect();
    for (i, &(lo, hi)) in rows.iter().enumerate() {
        let mut row = vec![f64::INFINITY; hi - lo + 1];
        let mut brow = vec![u8::MAX; hi - lo + 1];
        for j in lo..=hi {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            for (b, &((di, dj), _)) in beads.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let prev = if di == 0 {
                    get_row(&row, lo, hi, j - dj)
                } else {
                    let (plo, phi) = rows[i - di];
                    get_row(&cost[i - di], plo, phi, j - dj)
                };
                if !prev.is_finite() {
                    continue;
                }
                let c = prev + priors[b] + cost_of(i - di, i, j - dj, j);
                if c < row[j - lo] {
                    row[j - lo] = c;
                    brow[j - lo] = b as u8;
                }
            }
        }
        cost.push(row);
        back.push(brow);
        // Beads reach back `reach` rows at most: older costs are no longer needed, unless
        // the caller keeps them.
        if i > reach && !keep {
            cost[i - reach - 1] = Vec::new();
        }
    }
    (back, cost)
}

/// The cells `(i, j)` of the cheapest path, with the bead type that reached each, in
/// order from the first bead's end to `(n, m)`.
fn path(rows: &[(usize, usize)], back: &[Vec<u8>], n: usize, m: usize) -> Vec<(usize, usize, u8)> {
    let mut cells = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (lo, _) = rows[i];
        let b = back[i][j - lo];
        cells.push((i, j, b));
        let ((di, dj), _) = BEADS[b as usize];
        i -= di;
        j -= dj;
    }
    cells.reverse();
    cells
}

/// For each bead of the path `cells`, how much more the cheapest path costs that parts
/// this bead's sentences another way: the cheapest total through a cell of the bead's
/// rectangle (from its start to its end cell) that the path does not pass, minus the
/// path's own cost; infinite when there is none (a null bead). `forward` and `backward`
/// hold, per band cell, the cheapest cost from the start and to the end. A small margin
/// means that another alignment of these sentences is nearly as likely: the bead is in
/// doubt (a 1-1 bead whose sentences could as well go with their neighbours', a merge
/// that could as well be two pairs).
fn margins(
    rows: &[(usize, usize)],
    forward: &[Vec<f64>],
    backward: &[Vec<f64>],
    cells: &[(usize, usize, u8)],
) -> Vec<f64> {
    let best = cells
        .last()
        .map_or(0.0, |&(i, j, _)| forward[i][j - rows[i].0]);
    let mut on_path: Vec<(usize, usize)> = cells.iter().map(|&(i, j, _)| (i, j)).collect();
    on_path.push((0, 0));
    on_path.sort_unstable();
    let mut out = Vec::with_capacity(cells.len());
    let mut start: (usize, usize) = (0, 0);
    let n = rows.len() - 1;
    for &(i, j, b) in cells {
        // A null bead's rectangle is a line the path runs along: its other ways are the
        // cells beside it, one sentence either way on the side it has none of, where a
        // path that puts the omission (or the addition) one sentence earlier or later runs.
        let (r0, r1, c0, c1) = match BEADS[b as usize].0 {
            (_, 0) => (start.0, i, j.saturating_sub(1), j + 1),
            (0, _) => (i.saturating_sub(1), (i + 1).min(n), start.1, j),
            _ => (start.0, i, start.1, j),
        };
        let mut margin = f64::INFINITY;
        for (r, &(lo, hi)) in rows.iter().enumerate().take(r1 + 1).skip(r0) {
            for c in c0.max(lo)..=c1.min(hi) {
                if on_path.binary_search(&(r, c)).is_err() {
                    margin = margin.min(forward[r][c - lo] + backward[r][c - lo] - best);
                }
            }
        }
        out.push(margin);
        start = (i, j);
    }
    out
}

/// The beads of the path `cells`, scored, with their margins (see [`margins`]).
fn trace(
    problem: &Problem<'_>,
    cells: &[(usize, usize, u8)],
    margins: &[f64],
    config: &Config,
) -> Vec<Bead> {
    // With a dictionary, the beads left wrong are near-ties that margin and score
    // separate badly from the right ones: of the null beads with a margin below 0.5,
    // two in three are right (the aligner places an omission among near-identical
    // sentences right more often than not), and so are most merges with a margin above
    // 0.25. Hence stricter thresholds where a bead has dictionary words.
    cells
        .iter()
        .zip(margins)
        .map(|(&(i, j, b), &margin)| {
            let ((di, dj), _) = BEADS[b as usize];
            let score = problem.score(i - di, i, j - dj, j);
            let coverage = problem.coverage(i - di, i, j - dj, j);
            let keys = key_agreement(&problem.ev_s[i - di..i], &problem.ev_t[j - dj..j]);
            let thresholds = if coverage.is_some() {
                &config.review_dictionary
            } else {
                &config.review
            };
            let review = thresholds.marks(di, dj, margin, score);
            Bead {
                source: (i - di..i).collect(),
                target: (j - dj..j).collect(),
                score: (score * 1000.0).round() / 1000.0,
                review,
                margin,
                coverage,
                keys,
            }
        })
        .collect()
}

fn get_row(row: &[f64], lo: usize, hi: usize, j: usize) -> f64 {
    if j < lo || j > hi {
        f64::INFINITY
    } else {
        row[j - lo]
    }
}
