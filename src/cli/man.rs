//! `glossa man` and `glossa completions SHELL`: generated from the clap definition, so
//! they never drift from the real command line.
//!
//! A manual page per command (`glossa-align(1)` …, `glossa-glossary-lint(1)`), which the
//! top-level page's SUBCOMMANDS section refers to. Each has clap's NAME, SYNOPSIS,
//! DESCRIPTION and OPTIONS, then the command's long help split into DESCRIPTION (what
//! precedes `Exit status:`), EXIT STATUS and EXAMPLES.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, roman};

use super::args::Cli;
use super::exit::Outcome;
use super::output::stdout;

/// The settings of `man`.
#[derive(Debug)]
pub struct ManSettings {
    /// A command's page (`align`, `glossary-lint`); `None`: glossa's own.
    pub command: Option<String>,
    /// Write every page into this directory instead.
    pub dir: Option<PathBuf>,
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Outcome> {
    let mut out = stdout();
    clap_complete::generate(shell, &mut Cli::command(), "glossa", &mut out);
    out.flush()?;
    Ok(Outcome::Clean)
}

pub fn run(settings: ManSettings) -> anyhow::Result<Outcome> {
    let pages = pages();
    if let Some(dir) = &settings.dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        for (name, cmd) in &pages {
            let path = dir.join(format!("{name}.1"));
            let mut file = std::fs::File::create(&path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            render(cmd, &mut file).with_context(|| format!("cannot write {}", path.display()))?;
        }
        eprintln!(
            "glossa: {} manual pages written to {}",
            pages.len(),
            dir.display()
        );
        return Ok(Outcome::Clean);
    }
    let wanted = match &settings.command {
        None => "glossa".to_string(),
        Some(c) => format!("glossa-{}", c.replace(' ', "-")),
    };
    let Some((_, cmd)) = pages.iter().find(|(name, _)| *name == wanted) else {
        let names: Vec<&str> = pages
            .iter()
            .filter_map(|(n, _)| n.strip_prefix("glossa-"))
            .collect();
        bail!(
            "no manual page for `{}` (commands: {})",
            settings.command.as_deref().unwrap_or(""),
            names.join(", ")
        );
    };
    let mut out = stdout();
    render(cmd, &mut out)?;
    out.flush()?;
    Ok(Outcome::Clean)
}

/// Every page: glossa's, then each command's and subcommand's, by page name.
pub fn pages() -> Vec<(String, clap::Command)> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    fn walk(cmd: &clap::Command, out: &mut Vec<(String, clap::Command)>) {
        let name = cmd
            .get_display_name()
            .unwrap_or_else(|| cmd.get_name())
            .to_string();
        out.push((name, cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, out);
        }
    }
    walk(&cmd, &mut out);
    out
}

/// One page: clap_mangen's sections, then the long help as DESCRIPTION, EXIT STATUS and
/// EXAMPLES.
fn render(cmd: &clap::Command, w: &mut dyn Write) -> std::io::Result<()> {
    let man = Man::new(cmd.clone());
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    let help = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let (text, rest) = help.split_once("Exit status:").unwrap_or((&help, ""));
    let (status, examples) = rest.split_once("Examples:").unwrap_or((rest, ""));
    let mut roff = Roff::default();
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        preformatted(&mut roff, paragraph);
    }
    roff.to_writer(w)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(w)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(w)?;
    }
    let mut roff = Roff::default();
    roff.control("SH", ["EXIT STATUS"]);
    preformatted(&mut roff, status.trim());
    if !examples.trim().is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        preformatted(&mut roff, examples.trim_matches('\n'));
    }
    roff.to_writer(w)?;
    man.render_version_section(w)
}

/// A block of text kept as it is laid out (examples are indented command lines).
fn preformatted(roff: &mut Roff, text: &str) {
    roff.control("PP", []);
    roff.control("nf", []);
    for line in text.lines() {
        roff.text([roman(line)]);
    }
    roff.control("fi", []);
}
