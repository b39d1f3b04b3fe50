//! Prints strict and lax bead precision, recall and F1 of the sentence aligner on the
//! hand-aligned set: `cargo run --release --example sentalign_eval [-- --no-glossary]`.
#![allow(clippy::print_stdout)]

#[path = "../tests/cli/sentalign_score.rs"]
mod sentalign_score;

use std::path::Path;

fn main() {
    let no_glossary = std::env::args().any(|a| a == "--no-glossary");
    let glossary = (!no_glossary).then(|| {
        glossa::glossary::Glossary::load(Path::new("glossary/soviet.toml")).expect("glossary loads")
    });
    println!(
        "{:<6} {:>5}  {:>22}  {:>22}",
        "pair", "beads", "strict P / R / F1", "lax P / R / F1"
    );
    for s in sentalign_score::evaluate(Path::new("tests/fixtures/sentalign"), glossary.as_ref()) {
        println!(
            "{:<6} {:>5}  {:.3} / {:.3} / {:.3}   {:.3} / {:.3} / {:.3}",
            s.name,
            s.beads,
            s.strict.precision,
            s.strict.recall,
            s.strict.f1,
            s.lax.precision,
            s.lax.recall,
            s.lax.f1
        );
    }
}
