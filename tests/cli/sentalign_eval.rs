//! The sentence aligner on the hand-aligned set: strict bead F1 must stay at or above
//! 0.975 (`cargo run --release --example sentalign_eval` prints the figures).

use std::path::Path;

use crate::sentalign_score;

#[test]
fn strict_f1_on_the_hand_aligned_set() {
    let glossary = glossa::glossary::Glossary::load(Path::new("glossary/soviet.toml")).unwrap();
    let scores = sentalign_score::evaluate(
        Path::new("tests/fixtures/sentalign"),
        Some(&glossary),
        &Default::default(),
    );
    let all = scores.last().unwrap();
    assert_eq!(all.name, "all");
    assert!(all.beads >= 150);
    assert!(all.strict.f1 >= 0.975, "strict F1 {:.3}", all.strict.f1);
    assert!(all.lax.f1 >= 0.99, "lax F1 {:.3}", all.lax.f1);
    // The omissions and additions of the set come out as null beads, and few others do.
    assert!(
        all.found_nulls + 1 >= all.gold_nulls && all.false_nulls <= 1,
        "null beads: {} of {} found, {} false",
        all.found_nulls,
        all.gold_nulls,
        all.false_nulls
    );
    assert!(
        all.wrong <= all.predicted / 20,
        "{} of {} beads wrong",
        all.wrong,
        all.predicted
    );
    // Most beads marked for review are wrong ones (issue 16).
    assert!(
        all.flagged_wrong * 2 >= all.flagged,
        "{} of {} marked beads wrong",
        all.flagged_wrong,
        all.flagged
    );
    assert!(all.mean_score > 0.5);
    // The set's merges and splits (1-2, 2-1, 2-2, 3-1, 1-3) come out as such, and a wrong
    // bead does not put the path out of step for the beads after it (issue 16).
    let merges = |k: &sentalign_score::Kind| (k.gold, k.right);
    let (gold, right) = [1, 2, 3, 5]
        .iter()
        .map(|&k| merges(&all.kinds[k]))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    assert!(
        gold >= 15 && right + 2 >= gold,
        "{right} of {gold} merges right"
    );
    assert!(
        all.wrong_runs.iter().all(|&r| r <= 2),
        "runs of wrong beads {:?}",
        all.wrong_runs
    );
    // Without a glossary the aligner falls back to length and shared tokens.
    let plain = sentalign_score::evaluate(
        Path::new("tests/fixtures/sentalign"),
        None,
        &Default::default(),
    );
    assert!(plain.last().unwrap().strict.f1 >= 0.975);
}
