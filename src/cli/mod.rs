//! The command-line shell over the library: clap arguments (`args`), one file per command,
//! and the exit-code policy (`exit`). Nothing below this module touches clap types.

mod align;
mod args;
mod check;
mod concordance;
mod detect;
mod diff;
mod exit;
mod export;
mod glossary;
mod help;
mod output;
mod project;
mod report;
mod segment;
mod stream;
mod suggest;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// Parses the command line, runs the command and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return exit::usage(err),
    };
    let result = match cli.command {
        Command::Segment(a) => a.into_settings().and_then(segment::run),
        Command::Detect(a) => a.into_settings().and_then(detect::run),
        Command::Align(a) => a.into_settings().and_then(align::run),
        Command::Check(a) => a.into_settings().and_then(check::run),
        Command::Diff(a) => diff::run(a),
        Command::Export(a) => export::run(a),
        Command::Report(a) => report::run(a),
        Command::Completions { shell } => help::completions(shell),
        Command::Man => help::man(),
        Command::Glossary(a) => a.into_settings().and_then(glossary::run),
        Command::Suggest(a) => a.into_settings().and_then(suggest::run),
        Command::Concordance(a) => a.into_settings().and_then(concordance::run),
    };
    exit::code(result)
}
