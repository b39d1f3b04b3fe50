//! glossa's integration tests, as one test binary: each binary links the whole crate and
//! lingua, which on two cores costs more than running the tests, so the former test files
//! are modules here.
//!
//! - one module per area of the command line, plus the evaluations of the detector and the
//!   sentence aligner;
//! - `support` has what they share.
//!
//! `cargo test --test cli` runs them all; `cargo test --test cli -- check::` one module.

mod support;

mod align;
mod check;
mod check_translation;
mod detect;
mod detect_eval;
mod detect_score;
mod diff;
mod glossary;
mod misc;
mod report_browser;
mod segment;
mod sentalign_eval;
mod sentalign_score;
mod stream;
mod suggest;
mod translation;
