//! The command line as parsed by clap, and its conversion into each command's settings.
//!
//! This is the only place that knows clap: every `*Args` becomes the settings of its
//! command (`super::align::AlignSettings`, …), which hold built objects (a project with
//! its glossary read, a detector, documents decoded), never clap types. The help texts of
//! the commands are here too ([`help`]), so that `--help`, `glossa man` and the README
//! say the same.

mod files;
pub mod help;
mod project;
mod text;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use glossa::detect::{Accuracy, DetectConfig};
use glossa::lang::Lang;
use glossa::project::Settings;
use glossa::segment::LangChoice;

pub use files::{DiffArgs, DiffFormat, ExportArgs, GlossaryCommand, InitArgs, ManArgs};
pub use project::{
    AlignArgs, AlignFormat, CheckArgs, CheckFormat, ConcordanceArgs, ConcordanceFormat, ReportArgs,
    SuggestArgs, SuggestFormat,
};
pub use text::{DetectArgs, DetectFormat, SegmentArgs, SegmentFormat};

/// `glossa --version`: the program and the versions of the file formats it reads and writes.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (glossary format 1, alignment format ",
    "2",
    ")"
);

/// Finds Russian-derived terms in German and Dutch texts on Soviet history and maps them
/// to their English renderings.
#[derive(Debug, Parser)]
#[command(
    name = "glossa",
    version = VERSION,
    about,
    propagate_version = true,
    after_help = help::TOP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes (before or after its name).
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// The project settings file: the only one read. Default: ./glossa.toml when there is
    /// one, else the defaults.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,
    /// Worker threads (default: one per core). Output never depends on it.
    #[arg(
        short = 'j',
        long,
        global = true,
        value_name = "N",
        help_heading = "Global options"
    )]
    pub jobs: Option<usize>,
    /// When to colour output (NO_COLOR is respected).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        help_heading = "Global options"
    )]
    pub color: ColorChoice,
    /// No progress bar.
    #[arg(short = 'q', long, global = true, help_heading = "Global options")]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a project: glossa.toml, a glossary, corpus/, git attributes.
    #[command(after_help = help::INIT)]
    Init(InitArgs),
    /// Cut texts into sentences, one per line (or JSON lines with spans).
    #[command(after_help = help::SEGMENT)]
    Segment(SegmentArgs),
    /// Tell the language of each paragraph and sentence, with a confidence and a summary.
    #[command(after_help = help::DETECT)]
    Detect(DetectArgs),
    /// Find every glossary term and write the alignment files (or check them).
    #[command(after_help = help::ALIGN)]
    Align(AlignArgs),
    /// Show what changed between two sets of alignment files, by concept and by sentence.
    #[command(after_help = help::DIFF)]
    Diff(DiffArgs),
    /// Term-consistency diagnostics: deprecated forms, unknown variants, inconsistent
    /// spellings and renderings, stale alignments, glossary problems.
    #[command(after_help = help::check())]
    Check(CheckArgs),
    /// Write one self-contained HTML page: concordance, statistics, languages, findings.
    #[command(after_help = help::REPORT)]
    Report(ReportArgs),
    /// Propose glossary entries: Russian-looking words the glossary does not cover yet.
    #[command(after_help = help::SUGGEST)]
    Suggest(SuggestArgs),
    /// Every occurrence of a term in context (KWIC), aligned on the term.
    #[command(after_help = help::CONCORDANCE)]
    Concordance(ConcordanceArgs),
    /// Export sentence pairs: `glossa export tmx` writes a TMX 1.4b translation memory.
    #[command(after_help = help::EXPORT)]
    Export(ExportArgs),
    /// Check glossaries, rewrite them in canonical form, export or import them.
    #[command(subcommand, after_help = help::GLOSSARY)]
    Glossary(GlossaryCommand),
    /// Print a shell completion script.
    #[command(after_help = help::COMPLETIONS)]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff), or write one per command into a directory.
    #[command(after_help = help::MAN)]
    Man(ManArgs),
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

/// Which abbreviation rules to use.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Per paragraph, as detected.
    Auto,
    De,
    Nl,
    En,
}

impl LangArg {
    fn choice(self) -> LangChoice {
        match self {
            LangArg::Auto => LangChoice::Auto,
            LangArg::De => LangChoice::Fixed(Lang::De),
            LangArg::Nl => LangChoice::Fixed(Lang::Nl),
            LangArg::En => LangChoice::Fixed(Lang::En),
        }
    }
}

/// lingua's accuracy mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AccuracyArg {
    /// All n-gram models: best on short sentences.
    High,
    /// Trigram models only: faster, less memory, weaker on short sentences.
    Low,
}

/// Options of the language detector, shared by the commands that detect.
#[derive(Debug, clap::Args)]
pub struct DetectorArgs {
    /// Languages of the texts, as ISO 639-1 codes; with one, detection is skipped
    /// [default: `languages` in glossa.toml, or de,nl,en].
    #[arg(long, value_name = "CODES")]
    pub languages: Option<String>,
    /// Accuracy mode of the detector.
    #[arg(long, value_enum, default_value = "high")]
    pub accuracy: AccuracyArg,
    /// Shorthand for `--accuracy low`.
    #[arg(long)]
    pub low_accuracy: bool,
}

impl DetectorArgs {
    fn accuracy(&self) -> Accuracy {
        if self.low_accuracy || self.accuracy == AccuracyArg::Low {
            Accuracy::Low
        } else {
            Accuracy::High
        }
    }

    /// The languages named, if any.
    fn languages(&self) -> anyhow::Result<Option<Vec<Lang>>> {
        let Some(codes) = &self.languages else {
            return Ok(None);
        };
        let langs = Lang::parse_list(codes)?;
        anyhow::ensure!(
            !langs.is_empty(),
            "--languages names no language; hint: --languages de,nl"
        );
        Ok(Some(langs))
    }

    /// The detector's configuration: the languages named, else the settings'.
    fn config(&self, settings: &Settings) -> anyhow::Result<DetectConfig> {
        let languages = self
            .languages()?
            .unwrap_or_else(|| settings.languages.clone());
        // Validated when a detector is built: with one language, none is.
        Ok(DetectConfig {
            languages,
            accuracy: self.accuracy(),
        })
    }
}

/// What the whole process shares, set up once before any command runs.
#[derive(Debug, Clone)]
pub struct Env {
    /// The settings file named with `--config`.
    pub config: Option<PathBuf>,
    /// Whether standard output may be coloured.
    pub colour: bool,
    pub quiet: bool,
}

impl Env {
    /// The settings of the run: see [`Settings::resolve`].
    pub fn settings(&self) -> anyhow::Result<Settings> {
        Ok(Settings::resolve(self.config.as_deref())?)
    }
}

impl GlobalArgs {
    /// Sets the process up (the thread pool, once, before any parallel work) and returns
    /// what the commands share.
    pub fn setup(&self) -> anyhow::Result<Env> {
        if let Some(n) = self.jobs {
            anyhow::ensure!(n > 0, "--jobs must be at least 1");
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()
                .ok();
        }
        let colour = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                use std::io::IsTerminal;
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Ok(Env {
            config: self.config.clone(),
            colour,
            quiet: self.quiet,
        })
    }
}
