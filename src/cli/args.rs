//! The command line as parsed by clap, and its conversion into validated settings.
//!
//! Commands never see these types: each `*Args` becomes a plain settings struct first.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use glossa::detect::{Accuracy, DetectConfig};
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
    /// Tell the language of each paragraph and sentence, with a confidence and a summary.
    #[command(after_help = "\
Each paragraph (body paragraph, heading or footnote entry) gets a language, then each
sentence: a sentence keeps its paragraph's language unless it clearly belongs to another.
Russian loanwords and names (Chruschtschow, Kolchos, koelakken) do not count as evidence;
text with too little evidence inherits from its neighbours, or is `unknown`.

Examples:
  glossa detect corpus/de-kolchos.txt
  glossa detect --format jsonl --languages de,nl corpus/*.txt
  pdftotext buch.pdf - | glossa detect --accuracy low -")]
    Detect(DetectArgs),
}

/// Which abbreviation rules `segment` uses.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Per paragraph, as detected.
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
    #[command(flatten)]
    pub detector: DetectorArgs,
}

/// Output format of `detect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DetectFormat {
    /// Paragraphs and their sentences with language and confidence, then a summary.
    Text,
    /// One JSON object per paragraph and per sentence, then one per document.
    Jsonl,
}

/// lingua's accuracy mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AccuracyArg {
    /// All n-gram models: best on short sentences.
    High,
    /// Trigram models only: faster, less memory, weaker on short sentences.
    Low,
}

/// Options of the language detector, shared by `detect` and `segment`.
#[derive(Debug, clap::Args)]
pub struct DetectorArgs {
    /// Languages to choose between, as ISO 639-1 codes (at least two).
    #[arg(long, value_name = "CODES", default_value = "de,nl,en")]
    pub languages: String,
    /// Accuracy mode of the detector.
    #[arg(long, value_enum, default_value = "high")]
    pub accuracy: AccuracyArg,
    /// Shorthand for `--accuracy low`.
    #[arg(long)]
    pub low_accuracy: bool,
}

impl DetectorArgs {
    pub fn into_config(self) -> anyhow::Result<DetectConfig> {
        let accuracy = if self.low_accuracy || self.accuracy == AccuracyArg::Low {
            Accuracy::Low
        } else {
            Accuracy::High
        };
        Ok(DetectConfig::from_codes(&self.languages, accuracy)?)
    }
}

#[derive(Debug, clap::Args)]
pub struct DetectArgs {
    /// Files to read; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: DetectFormat,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

/// Validated settings of `detect`.
#[derive(Debug)]
pub struct DetectSettings {
    pub files: Vec<PathBuf>,
    pub format: DetectFormat,
    pub config: DetectConfig,
}

impl DetectArgs {
    pub fn into_settings(self) -> anyhow::Result<DetectSettings> {
        Ok(DetectSettings {
            files: self.files,
            format: self.format,
            config: self.detector.into_config()?,
        })
    }
}

/// Validated settings of `segment`.
#[derive(Debug)]
pub struct SegmentSettings {
    pub files: Vec<PathBuf>,
    pub lang: LangChoice,
    pub format: SegmentFormat,
    pub footnotes: bool,
    /// The detector that gives each segment its language (and, with `--lang auto`, each
    /// block its abbreviation rules).
    pub detect: DetectConfig,
}

impl SegmentArgs {
    pub fn into_settings(self) -> anyhow::Result<SegmentSettings> {
        Ok(SegmentSettings {
            files: self.files,
            lang: match self.lang {
                LangArg::Auto => LangChoice::Auto,
                LangArg::De => LangChoice::Fixed(Lang::De),
                LangArg::Nl => LangChoice::Fixed(Lang::Nl),
                LangArg::En => LangChoice::Fixed(Lang::En),
            },
            format: self.format,
            footnotes: self.footnotes,
            detect: self.detector.into_config()?,
        })
    }
}
