//! `glossa completions SHELL` and `glossa man`: generated from the clap definition, so they
//! never drift from the real command line.

use std::io::Write;

use clap::CommandFactory;

use super::args::Cli;
use super::exit::Outcome;
use super::output::stdout;

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Outcome> {
    let mut out = stdout();
    clap_complete::generate(shell, &mut Cli::command(), "glossa", &mut out);
    out.flush()?;
    Ok(Outcome::Clean)
}

pub fn man() -> anyhow::Result<Outcome> {
    let mut out = stdout();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(Outcome::Clean)
}
