//! Issue 3: the detector must get ≥ 99% of paragraphs and ≥ 97% of sentences right on the
//! hand-labelled mixed German/Dutch/English documents in `tests/fixtures/detect/`.
//! `cargo run --release --example detect_eval` prints the figures and every mistake.

use glossa::detect::DetectConfig;

use crate::detect_score::score_all;

#[test]
fn mixed_documents_meet_the_accuracy_targets() {
    let (_, total) = score_all(&DetectConfig::default());
    assert!(
        total.paragraphs >= 60 && total.sentences >= 200,
        "too few labels: {total:?}"
    );
    let report = total.mistakes.join("\n");
    assert!(
        total.paragraph_accuracy() >= 0.99,
        "paragraphs {}/{}:\n{report}",
        total.paragraphs_right,
        total.paragraphs
    );
    assert!(
        total.sentence_accuracy() >= 0.97,
        "sentences {}/{}:\n{report}",
        total.sentences_right,
        total.sentences
    );
}
