//! glossa's integration tests, as one test binary: each binary links the whole crate and
//! lingua, which on two cores costs more than running the tests, so the former test files
//! are modules here.
//!
//! - `cmd` runs the command-line cases of `tests/cmd/` (trycmd: arguments, standard
//!   input, expected output and exit status as data files, compared whole);
//! - the other modules, one per area of the command line plus the evaluations of the
//!   detector and the sentence aligner, hold the tests that compute their expectations or
//!   need set-up a case file cannot express (several commands and edited files in a row,
//!   JSON checked against the input, a browser, evaluation sets);
//! - `support` has what they share, and the glossaries of `tests/fixtures/glossaries/`.
//!
//! `cargo test --test cli` runs them all; `cargo test --test cli -- check::` one module.

mod support;

mod align;
mod bilingual;
mod check;
mod check_translation;
mod cmd;
mod detect;
mod detect_eval;
mod detect_score;
mod diff;
mod glossary;
mod help_examples;
mod import;
mod misc;
mod project;
mod report_browser;
mod review;
mod segment;
mod sentalign_eval;
mod sentalign_score;
mod stream;
mod suggest;
mod translation;
