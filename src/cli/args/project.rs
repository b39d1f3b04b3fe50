//! Arguments of the commands that work on a project (its settings, glossary and sources):
//! `align`, `check`, `report`, `suggest`, `concordance`. Each becomes settings holding the
//! opened [`Project`].

use std::path::PathBuf;

use clap::ValueEnum;
use glossa::align::DictionarySetting;
use glossa::check::{Baseline, Code, Level};
use glossa::glossary::Glossary;
use glossa::project::{Options, Project};
use glossa::suggest::SuggestOptions;

use super::{DetectorArgs, Env, LangArg};
use crate::cli::align::{AlignSettings, Mode};
use crate::cli::check::CheckSettings;
use crate::cli::concordance::ConcordanceSettings;
use crate::cli::report::ReportSettings;
use crate::cli::suggest::SuggestSettings;

/// Output of `align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// Alignment files (the diffable format).
    Align,
    /// One JSON object per term occurrence (per bead with --target).
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct AlignArgs {
    /// Source files to align; `-` reads standard input. Default: the corpus in glossa.toml.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Directory for the alignment files (default: `output` in glossa.toml, or alignments/).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Write nothing; exit 1 and print what would change if the files are stale.
    #[arg(long, conflicts_with = "stdout")]
    pub check: bool,
    /// Print to standard output instead of writing files.
    #[arg(long)]
    pub stdout: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "align")]
    pub format: AlignFormat,
    /// Glossary files (default: `glossaries` in glossa.toml).
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,
    /// Language of the abbreviation rules (auto: each paragraph's detected language).
    #[arg(
        long,
        value_enum,
        default_value = "auto",
        conflicts_with = "source_lang"
    )]
    pub lang: LangArg,
    #[command(flatten)]
    pub detector: DetectorArgs,
    /// A translation of the (one) source: align the two sentence by sentence and check
    /// every term's rendering. Pairs can also be declared in glossa.toml (`[[pairs]]`).
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
    /// Inputs are already split, one sentence per line (blank lines between paragraphs).
    #[arg(long)]
    pub presegmented: bool,
    /// Language of the source, any ISO 639-1 code (no detection then).
    #[arg(long, value_name = "CODE")]
    pub source_lang: Option<String>,
    /// Language of the translation, any ISO 639-1 code.
    #[arg(long, value_name = "CODE", default_value = "en")]
    pub target_lang: String,
    /// The bilingual dictionary that helps align sentences: `auto` (Debian's FreeDict
    /// dictionary of the pair's languages when installed), `none`, or a file (dictd
    /// `.index`, or `source<TAB>target` lines) [default: `dictionary` in glossa.toml, or
    /// auto].
    #[arg(long, value_name = "FILE|auto|none")]
    pub dictionary: Option<String>,
    /// Read documents as JSON lines on standard input (`{"id":…,"text":…}` or
    /// `{"id":…,"path":…}`) and write one JSON record per input line, in order (its terms,
    /// or an error): for Spark's `RDD.pipe`, Hadoop streaming or GNU parallel.
    #[arg(long, conflicts_with_all = ["check", "target", "paths"])]
    pub stream: bool,
    /// With --stream: exit 1 when an input line gave an error record (the default is 0
    /// whenever every line got its record, so that one bad document does not fail a
    /// Spark or Hadoop task).
    #[arg(long, requires = "stream")]
    pub fail_on_error: bool,
}

impl AlignArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<AlignSettings> {
        if self.format == AlignFormat::Jsonl && !self.stdout && !self.check && !self.stream {
            anyhow::bail!(
                "--format jsonl needs --stdout (JSON lines are printed, not written to files)"
            );
        }
        let mode = if self.stream {
            Mode::Stream {
                fail_on_error: self.fail_on_error,
            }
        } else if self.check {
            Mode::Check
        } else if self.stdout {
            Mode::Print {
                format: self.format,
                beads: self.target.is_some(),
            }
        } else {
            Mode::Write
        };
        let options = Options {
            paths: self.paths,
            glossaries: self.glossaries,
            target: self.target.map(|t| (t, self.target_lang)),
            output: self.output,
            languages: self.detector.languages()?,
            accuracy: self.detector.accuracy(),
            rules: self.lang.choice(),
            source_lang: self.source_lang,
            presegmented: self.presegmented,
            dictionary: self.dictionary.as_deref().map(DictionarySetting::parse),
        };
        let settings = env.settings()?;
        // A stream brings its documents itself: only the glossary comes from the project.
        let stream = matches!(mode, Mode::Stream { .. });
        let project = if stream {
            Project::without_sources(settings, options)?
        } else {
            open_project(settings, options)?
        };
        project.refuse_problems()?;
        project.refuse_bilingual("align")?;
        // An engine that ignores exit codes would take a stream without concepts for a
        // corpus without terms: refuse it before any input is read.
        if stream && project.glossary.concepts.is_empty() {
            anyhow::bail!(
                "the glossary ({}) has no concepts: every document would come back without terms",
                list(&project.glossary_files)
            );
        }
        let aligner = project.aligner()?;
        Ok(AlignSettings {
            project,
            aligner,
            mode,
            quiet: env.quiet,
        })
    }
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Like a compiler: the source line with the term marked, and help.
    Human,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other tools.
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=…`).
    Github,
}

fn check_code(s: &str) -> Result<Code, String> {
    s.parse().map_err(|e: glossa::error::Error| e.to_string())
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Source files to check, and XLIFF or TMX files (by extension); `-` reads standard
    /// input. Default: the project in glossa.toml.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    /// Make a diagnostic an error (exit 1). Repeatable.
    #[arg(long, value_name = "CODE", value_parser = check_code)]
    pub deny: Vec<Code>,
    /// Make a diagnostic a warning. Repeatable.
    #[arg(long, value_name = "CODE", value_parser = check_code)]
    pub warn: Vec<Code>,
    /// Do not report a diagnostic. Repeatable.
    #[arg(long, value_name = "CODE", value_parser = check_code)]
    pub allow: Vec<Code>,
    /// Do not report the findings recorded in this file (up to the count recorded for each).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this file (for --baseline) and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Glossary files (default: `glossaries` in glossa.toml).
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,
    /// Directory of the alignment files (default: `output` in glossa.toml, or alignments/).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Language of the abbreviation rules (auto: each paragraph's detected language).
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

impl CheckArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<CheckSettings> {
        let baseline = match &self.baseline {
            Some(path) => {
                let text =
                    std::fs::read_to_string(path).map_err(|source| glossa::error::Error::Read {
                        name: format!("the baseline {}", path.display()),
                        source,
                    })?;
                Some(Baseline::parse(&path.display().to_string(), &text)?)
            }
            None => None,
        };
        let project = open_project(
            env.settings()?,
            Options {
                paths: self.paths,
                glossaries: self.glossaries,
                output: self.output,
                languages: self.detector.languages()?,
                accuracy: self.detector.accuracy(),
                rules: self.lang.choice(),
                ..Options::default()
            },
        )?;
        if project.glossary.concepts.is_empty() {
            anyhow::bail!(
                "the glossary ({}) has no concepts",
                list(&project.glossary_files)
            );
        }
        let mut levels = project.settings.check.clone();
        // In order: --allow, then --warn, then --deny win.
        for (codes, level) in [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ] {
            for &code in codes {
                levels.set(code, level);
            }
        }
        Ok(CheckSettings {
            project,
            levels,
            format: self.format,
            baseline,
            write_baseline: self.write_baseline,
            colour: env.colour,
        })
    }
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Source files, and XLIFF or TMX files (default: the corpus and bilingual files in
    /// glossa.toml).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where to write the page.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        default_value = "report.html"
    )]
    pub output: PathBuf,
    /// Glossary files (default: `glossaries` in glossa.toml).
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

impl ReportArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<ReportSettings> {
        let project = open_project(
            env.settings()?,
            Options {
                paths: self.paths,
                glossaries: self.glossaries,
                languages: self.detector.languages()?,
                accuracy: self.detector.accuracy(),
                ..Options::default()
            },
        )?;
        let levels = project.settings.check.clone();
        Ok(ReportSettings {
            project,
            levels,
            output: self.output,
            quiet: env.quiet,
        })
    }
}

/// Output format of `suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    /// Ranked groups with counts and two contexts each.
    Text,
    /// Glossary entries with status `proposed`.
    Toml,
    /// An array of groups.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// Source files; `-` reads standard input. Default: the corpus in glossa.toml.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: SuggestFormat,
    /// How many groups to show, best first (0: all). Default: 30 for text and toml, all
    /// for json.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Append the groups shown as proposed entries to this glossary (canonical form).
    #[arg(long, value_name = "GLOSSARY")]
    pub write: Option<PathBuf>,
    /// Explain how WORD (a form as printed) scores and where its group ranks, or why it
    /// is not proposed.
    #[arg(long, value_name = "WORD", conflicts_with = "write")]
    pub explain: Option<String>,
    /// Glossary files (default: `glossaries` in glossa.toml).
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,
    /// Read the translations of the project's pairs too: an English spelling joins the
    /// group of its source spelling (left out by default).
    #[arg(long)]
    pub translations: bool,
}

impl SuggestArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<SuggestSettings> {
        let project = open_project(
            env.settings()?,
            Options {
                paths: self.paths,
                glossaries: self.glossaries,
                ..Options::default()
            },
        )?;
        project.refuse_problems()?;
        project.refuse_bilingual("suggest")?;
        // The sources, and with --translations their translations: a word's English
        // spelling joins its group.
        let (docs, targets) = project.read(0..project.sources.len())?;
        let mut docs = docs;
        let targets: Vec<_> = targets.into_iter().flatten().collect();
        let left_out = if self.translations {
            docs.extend(targets);
            0
        } else {
            targets.len()
        };
        crate::cli::output::warn_decoding(&docs);
        // A glossary being written to may already hold rejected words and proposed entries.
        let (target, text) = match &self.write {
            Some(path) if path.exists() => {
                let text =
                    std::fs::read_to_string(path).map_err(|source| glossa::error::Error::Read {
                        name: path.display().to_string(),
                        source,
                    })?;
                let g = Glossary::parse(&path.display().to_string(), &text)?;
                Glossary::refuse(&g.problems())?;
                (Some(g), text)
            }
            _ => (None, String::new()),
        };
        let mut glossary = project.glossary.clone();
        let mut ignore = project.settings.ignore.clone();
        if let Some(t) = &target {
            ignore.extend(t.ignore.iter().cloned());
            let known: Vec<String> = glossary.concepts.iter().map(|c| c.id.clone()).collect();
            glossary.concepts.extend(
                t.concepts
                    .iter()
                    .filter(|c| !known.contains(&c.id))
                    .cloned(),
            );
        }
        Ok(SuggestSettings {
            docs,
            glossary,
            options: SuggestOptions {
                ignore,
                ..SuggestOptions::default()
            },
            format: self.format,
            limit: match (self.limit, self.format) {
                (Some(0), _) | (None, SuggestFormat::Json) => None,
                (Some(n), _) => Some(n),
                (None, _) => Some(30),
            },
            write: self.write.map(|path| (path, text)),
            explain: self.explain,
            translations_left_out: left_out,
            quiet: env.quiet,
        })
    }
}

/// Output format of `concordance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConcordanceFormat {
    /// Key word in context, one line per occurrence.
    Text,
    /// An array of occurrences.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ConcordanceArgs {
    /// A concept id, a form, or a spelling / transliteration key.
    #[arg(value_name = "TERM")]
    pub term: String,
    /// Source files; `-` reads standard input. Default: the corpus in glossa.toml.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ConcordanceFormat,
    /// Characters of context on each side in text output.
    #[arg(long, default_value_t = 40)]
    pub width: usize,
    /// Glossary files (default: `glossaries` in glossa.toml).
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

impl ConcordanceArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<ConcordanceSettings> {
        anyhow::ensure!(!self.term.trim().is_empty(), "the TERM is empty");
        let project = open_project(
            env.settings()?,
            Options {
                paths: self.paths,
                glossaries: self.glossaries,
                languages: self.detector.languages()?,
                accuracy: self.detector.accuracy(),
                ..Options::default()
            },
        )?;
        project.refuse_problems()?;
        project.refuse_bilingual("concordance")?;
        Ok(ConcordanceSettings {
            project,
            term: self.term,
            format: self.format,
            width: self.width.max(5),
        })
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Opens the project, and says what a dictionary named in the settings could not use: a
/// user's word list is never thinned out without a word.
fn open_project(
    settings: glossa::project::Settings,
    options: Options,
) -> glossa::error::Result<Project> {
    let project = Project::open(settings, options)?;
    if let Some(d) = project.dictionaries.file() {
        let (read, unused) = d.entries();
        if unused > 0 {
            crate::cli::exit::warn(&format!(
                "{}: {unused} of {read} dictionary entries give no word pair and are not used (a phrase of several words, no letters, or a translation of more than three words)",
                d.name()
            ));
        }
    }
    Ok(project)
}
