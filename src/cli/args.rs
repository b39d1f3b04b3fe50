//! The command line as parsed by clap, and its conversion into validated settings.
//!
//! Commands never see these types: each `*Args` becomes a plain settings struct first.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use glossa::lang::Lang;
use glossa::segment::LangChoice;

/// Finds Russian-derived terms in German and Dutch texts on Soviet history and maps them
/// to their English renderings.
#[derive(Debug, Parser)]
#[command(name = "glossa", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Cut texts into sentences, one per line (or JSON lines with spans).
    #[command(after_help = "\
Examples:
  glossa segment corpus/de-kolchos.txt
  glossa segment --format jsonl --footnotes corpus/*.txt
  pdftotext -layout buch.pdf - | glossa segment - --lang de")]
    Segment(SegmentArgs),
    /// Check glossaries, or rewrite them in canonical form.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
}

/// `glossa glossary …`
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Report problems as file:line:col: message (exit 1 when there are any).
    #[command(after_help = "\
Examples:
  glossa glossary lint
  glossa glossary lint glossary/soviet.toml my-terms.toml

Exit status: 0 clean, 1 problems found, 2 a file cannot be read or parsed.")]
    Lint(GlossaryFiles),
    /// Rewrite glossaries in canonical order (concepts by id, keys in a fixed order).
    #[command(after_help = "\
Examples:
  glossa glossary fmt
  glossa glossary fmt --check glossary/soviet.toml

Exit status: 0 done (or already canonical), 1 with --check when a file would change,
2 a file cannot be read or parsed.")]
    Fmt {
        /// Change nothing; name the files that are not canonical and exit 1.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        files: GlossaryFiles,
    },
}

#[derive(Debug, clap::Args)]
pub struct GlossaryFiles {
    /// Glossary files [default: glossary/*.toml].
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// What `glossary` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryAction {
    Lint,
    Fmt { check: bool },
}

/// Validated settings of `glossary`.
#[derive(Debug)]
pub struct GlossarySettings {
    pub action: GlossaryAction,
    /// Empty: `glossary/*.toml`.
    pub files: Vec<PathBuf>,
}

impl GlossaryCommand {
    pub fn into_settings(self) -> GlossarySettings {
        match self {
            GlossaryCommand::Lint(f) => GlossarySettings {
                action: GlossaryAction::Lint,
                files: f.files,
            },
            GlossaryCommand::Fmt { check, files } => GlossarySettings {
                action: GlossaryAction::Fmt { check },
                files: files.files,
            },
        }
    }
}

/// Which abbreviation rules `segment` uses.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Guess per document.
    Auto,
    De,
    Nl,
    En,
}

/// Output format of `segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormat {
    /// One segment per line.
    Text,
    /// One JSON object per segment, with spans.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// Files to segment; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Language of the abbreviation rules.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SegmentFormat,
    /// In text output, also print the footnotes, after the body.
    #[arg(long)]
    pub footnotes: bool,
}

/// Validated settings of `segment`.
#[derive(Debug)]
pub struct SegmentSettings {
    pub files: Vec<PathBuf>,
    pub lang: LangChoice,
    pub format: SegmentFormat,
    pub footnotes: bool,
}

impl SegmentArgs {
    pub fn into_settings(self) -> SegmentSettings {
        SegmentSettings {
            files: self.files,
            lang: match self.lang {
                LangArg::Auto => LangChoice::Auto,
                LangArg::De => LangChoice::Fixed(Lang::De),
                LangArg::Nl => LangChoice::Fixed(Lang::Nl),
                LangArg::En => LangChoice::Fixed(Lang::En),
            },
            format: self.format,
            footnotes: self.footnotes,
        }
    }
}
