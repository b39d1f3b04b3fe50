//! The command-line shell over the library: clap arguments and the settings each command
//! is built from (`args`), one file per command, the shared output helpers (`output`) and
//! the exit-code policy (`exit`). Nothing below `args` touches clap types.
//!
//! Every command goes the same way: its arguments become settings holding built objects
//! (the project opened, the glossary read, the documents decoded), then one library call,
//! then rendering, then an [`exit::Outcome`].

mod align;
mod args;
mod check;
mod concordance;
mod detect;
mod diff;
mod exit;
mod export;
mod glossary;
mod init;
mod man;
mod output;
mod report;
mod segment;
mod stream;
mod suggest;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// Parses the command line, sets the process up, runs the command and maps the outcome
/// to an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return exit::usage(err),
    };
    exit::code(run(cli))
}

fn run(cli: Cli) -> anyhow::Result<exit::Outcome> {
    let env = cli.global.setup()?;
    match cli.command {
        Command::Init(a) => init::run(a.into_settings()?),
        Command::Segment(a) => segment::run(a.into_settings(&env)?),
        Command::Detect(a) => detect::run(a.into_settings(&env)?),
        Command::Align(a) => align::run(a.into_settings(&env)?),
        Command::Check(a) => check::run(a.into_settings(&env)?),
        Command::Report(a) => report::run(a.into_settings(&env)?),
        Command::Diff(a) => diff::run(a.into_settings(&env)?),
        Command::Export(a) => export::run(a.into_settings(&env)?),
        Command::Suggest(a) => suggest::run(a.into_settings(&env)?),
        Command::Concordance(a) => concordance::run(a.into_settings(&env)?),
        Command::Glossary(a) => glossary::run(a.into_settings(&env)?),
        Command::Completions { shell } => man::completions(shell),
        Command::Man(a) => man::run(a.into_settings()),
    }
}
