//! Arguments of the commands that look at texts without a glossary: `segment`, `detect`.

use std::path::PathBuf;

use clap::ValueEnum;
use glossa::detect::Detector;
use glossa::segment::LangChoice;

use super::{DetectorArgs, Env, LangArg};
use crate::cli::detect::DetectSettings;
use crate::cli::output::read_all;
use crate::cli::segment::SegmentSettings;

/// Output format of `segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormat {
    /// One segment per line.
    Text,
    /// One JSON object per segment, with spans, and per line left out as page furniture.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// Files to segment; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Language of the abbreviation rules (auto: each paragraph's, from its function words).
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

impl SegmentArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<SegmentSettings> {
        let settings = env.settings()?;
        let docs = read_all(&self.files)?;
        let config = self.detector.config(&settings)?;
        // One language: its rules, and nothing to detect.
        let rules = match (self.lang.choice(), config.languages.as_slice()) {
            (LangChoice::Auto, [only]) => LangChoice::Fixed(*only),
            (rules, _) => rules,
        };
        // Plain sentences need no language model; JSON lines name each one's language.
        let detector = if self.format == SegmentFormat::Jsonl && config.languages.len() > 1 {
            Some(Detector::new(&config)?)
        } else {
            None
        };
        Ok(SegmentSettings {
            docs,
            rules,
            format: self.format,
            footnotes: self.footnotes,
            detector,
        })
    }
}

/// Output format of `detect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DetectFormat {
    /// Paragraphs and their sentences with language and confidence, then a summary.
    Text,
    /// One JSON object per paragraph and per sentence, then one per document.
    Jsonl,
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

impl DetectArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<DetectSettings> {
        let settings = env.settings()?;
        let config = self.detector.config(&settings)?;
        let docs = read_all(&self.files)?;
        Ok(DetectSettings {
            docs,
            detector: Detector::new(&config)?,
            format: self.format,
        })
    }
}
