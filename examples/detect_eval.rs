//! Prints the language detector's accuracy on the hand-labelled mixed documents in
//! `tests/fixtures/detect/`, per document and in total, with every mistake.
//!
//!     cargo run --release --example detect_eval [-- --low-accuracy]

#[path = "../tests/cli/detect_score.rs"]
mod detect_score;

use glossa::detect::{Accuracy, DetectConfig};

fn main() {
    let low = std::env::args().any(|a| a == "--low-accuracy");
    let config = DetectConfig {
        accuracy: if low { Accuracy::Low } else { Accuracy::High },
        ..DetectConfig::default()
    };
    let (per, total) = detect_score::score_all(&config);
    println!("accuracy mode: {:?}", config.accuracy);
    for (name, s) in &per {
        println!(
            "{name:<14} paragraphs {:>3}/{:<3} ({:>6.2}%)  sentences {:>3}/{:<3} ({:>6.2}%)",
            s.paragraphs_right,
            s.paragraphs,
            100.0 * s.paragraph_accuracy(),
            s.sentences_right,
            s.sentences,
            100.0 * s.sentence_accuracy()
        );
    }
    println!(
        "{:<14} paragraphs {:>3}/{:<3} ({:>6.2}%)  sentences {:>3}/{:<3} ({:>6.2}%)",
        "total",
        total.paragraphs_right,
        total.paragraphs,
        100.0 * total.paragraph_accuracy(),
        total.sentences_right,
        total.sentences,
        100.0 * total.sentence_accuracy()
    );
    for m in &total.mistakes {
        println!("  {m}");
    }
}
