//! The sentence aligner on the hand-aligned set: strict bead F1 must stay at or above
//! 0.95 (`cargo run --release --example sentalign_eval` prints the figures).

use std::path::Path;

use crate::sentalign_score;

#[test]
fn strict_f1_on_the_hand_aligned_set() {
    let glossary = glossa::glossary::Glossary::load(Path::new("glossary/soviet.toml")).unwrap();
    let scores = sentalign_score::evaluate(Path::new("tests/fixtures/sentalign"), Some(&glossary));
    let all = scores.last().unwrap();
    assert_eq!(all.name, "all");
    assert!(all.beads >= 150);
    assert!(all.strict.f1 >= 0.95, "strict F1 {:.3}", all.strict.f1);
    assert!(all.lax.f1 >= 0.97, "lax F1 {:.3}", all.lax.f1);
    // Without a glossary the aligner falls back to length and shared tokens.
    let plain = sentalign_score::evaluate(Path::new("tests/fixtures/sentalign"), None);
    assert!(plain.last().unwrap().strict.f1 >= 0.90);
}
