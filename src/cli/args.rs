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
