//! The command line as parsed by clap, and its conversion into validated settings.
//!
//! Commands never see these types: each `*Args` becomes a plain settings struct first.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use glossa::check::{Code, Level};
use glossa::detect::{Accuracy, DetectConfig};
use glossa::lang::Lang;
use glossa::segment::LangChoice;

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
#[command(name = "glossa", version = VERSION, about, propagate_version = true)]
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
    /// Find every glossary term and write the alignment files (or check them).
    #[command(after_help = "\
With no PATH, reads glossa.toml in the current directory and aligns its corpus into its
output directory (alignments/). With PATHs, aligns those files.

Examples:
  glossa align                              # the project in glossa.toml
  glossa align --check                      # exit 1 and show the diff if alignments/ is stale
  glossa align --format jsonl --stdout corpus/de-kolchosen.txt
  glossa align -o /tmp/out texts/*.txt
  glossa align corpus/de-kolchosen.txt --target corpus/en/de-kolchosen.txt
  glossa align --presegmented --source-lang fr a.fr.txt --target a.en.txt --format jsonl --stdout")]
    Align(AlignArgs),
    /// Show what changed between two sets of alignment files, by concept and by sentence.
    #[command(after_help = "\
Exit status: 0 when equal, 1 when different, 2 on error (like diff(1)).

Examples:
  glossa diff old/alignments alignments            # two directories
  glossa diff alignments/de.txt.align /tmp/de.txt.align
  glossa diff --rev HEAD                           # committed alignments vs the working tree
  glossa diff --rev main~3 --format json

As a git diff driver for alignment files:
  echo 'alignments/*.align diff=glossa' >> .gitattributes
  git config diff.glossa.textconv 'glossa diff --textconv'")]
    Diff(DiffArgs),
    /// Export sentence pairs: `glossa export tmx` writes a TMX 1.4b translation memory.
    #[command(after_help = "\
Reads the alignment files of sources aligned with a translation (pairs in glossa.toml, or
`glossa align SOURCE --target TRANSLATION`) and writes their sentence pairs.

Examples:
  glossa export tmx -o corpus.tmx
  glossa export tmx alignments/de-kolchosen.txt.align")]
    Export(ExportArgs),
    /// Write one self-contained HTML page: concordance, statistics, languages, findings.
    #[command(after_help = "\
With no PATH, reports on the project in glossa.toml (its corpus, translations and glossary).

Examples:
  glossa report                     # writes report.html
  glossa report -o /tmp/terms.html corpus/de-kolchosen.txt
  xdg-open report.html#filter=kolkhoz")]
    Report(ReportArgs),
    /// Print a shell completion script.
    #[command(after_help = "\
Examples:
  glossa completions bash > ~/.local/share/bash-completion/completions/glossa
  glossa completions zsh > ~/.zfunc/_glossa
  glossa completions fish > ~/.config/fish/completions/glossa.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `glossa man | man -l -`.
    #[command(after_help = "\
Examples:
  glossa man | man -l -
  glossa man > /usr/local/share/man/man1/glossa.1")]
    Man,
    /// Term-consistency diagnostics: deprecated forms, unknown variants, inconsistent
    /// spellings, stale alignments, glossary problems.
    #[command(after_help = "\
With no PATH, checks the project in glossa.toml: its corpus, glossaries and alignments.
With PATHs, checks those files (and their alignment files, where they exist).

Diagnostics (default level):
  deprecated-form        a deprecated source form is used (warn)
  unknown-variant        a word is almost a glossary form but is not listed (warn)
  inconsistent-spelling  one concept written in two spellings of the same status (warn)
  stale-alignments       committed alignments differ from what glossa would write (deny)
  glossary               a problem in the glossary, as `glossa glossary lint` reports (deny)

Levels come from the [check] table of glossa.toml (e.g. `unknown-variant = \"deny\"`),
then from --allow, --warn and --deny (which win, in that order).

Exit status: 0 nothing denied, 1 denied findings, 2 error.

Examples:
  glossa check                                   # the project in glossa.toml
  glossa check corpus/de-kolchosen.txt --deny deprecated-form
  glossa check --format sarif > glossa.sarif     # for GitHub code scanning
  glossa check --format github                   # annotations in a GitHub Actions log
  glossa check --write-baseline glossa-baseline.json   # accept today's findings
  glossa check --baseline glossa-baseline.json         # report only new ones")]
    Check(CheckArgs),
    /// Check glossaries, rewrite them in canonical form, export or import them.
    #[command(
        subcommand,
        after_help = "\
Examples:
  glossa glossary lint
  glossa glossary fmt --check glossary/soviet.toml
  glossa glossary export --format tbx > soviet.tbx
  glossa glossary import memoq.csv -o glossary/imported.toml"
    )]
    Glossary(GlossaryCommand),
    /// Propose glossary entries: Russian-looking words the glossary does not cover yet.
    #[command(after_help = "\
With no PATH, reads the corpus of glossa.toml. Words the glossary matches are set aside;
the rest are scored by whether they spell a Russian word more common than they are in
German, Dutch or English (Machno, Prawda; not Klasse, Periode), spelling cues (tsch, -ow,
-stwo; Dutch tsj, zj, -ov), their likeness to the glossary's forms, acronyms, frequency and
spread, and grouped by transliteration key (Natschalstwo, natsjalstvo, Betriebsnatschalstwo
are one group). Words in an `ignore` list (glossary file or glossa.toml) never come back.

Examples:
  glossa suggest                               # the project's corpus, best 30 groups
  glossa suggest --format json texts/*.txt     # every group, best first
  glossa suggest --format toml --limit 5       # ready glossary entries (status proposed)
  glossa suggest --limit 5 --write glossary/proposed.toml
  glossa suggest --explain Wrangel             # why it ranks where it does, or not at all")]
    Suggest(SuggestArgs),
    /// Every occurrence of a term in context (KWIC), aligned on the term.
    #[command(after_help = "\
TERM is a concept id (kolkhoz), a form of the glossary (Kolchosen), or any spelling or
transliteration key: then every word with the same key is shown, known to the glossary
or not (Chroesjtsjov finds Chruschtschow and Khrushchev).

Examples:
  glossa concordance kolkhoz
  glossa concordance Chroesjtsjov corpus/*.txt
  glossa concordance nachalstvo --format json")]
    Concordance(ConcordanceArgs),
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
    /// Project settings file.
    #[arg(long, value_name = "FILE", default_value = "glossa.toml")]
    pub config: PathBuf,
}

/// Validated settings of `suggest`.
#[derive(Debug)]
pub struct SuggestSettings {
    pub paths: Vec<PathBuf>,
    pub format: SuggestFormat,
    pub limit: Option<usize>,
    pub write: Option<PathBuf>,
    pub explain: Option<String>,
    pub glossaries: Vec<PathBuf>,
    pub config: PathBuf,
}

impl SuggestArgs {
    pub fn into_settings(self) -> anyhow::Result<SuggestSettings> {
        Ok(SuggestSettings {
            paths: self.paths,
            format: self.format,
            limit: match (self.limit, self.format) {
                (Some(0), _) | (None, SuggestFormat::Json) => None,
                (Some(n), _) => Some(n),
                (None, _) => Some(30),
            },
            write: self.write,
            explain: self.explain,
            glossaries: self.glossaries,
            config: self.config,
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
    /// Project settings file.
    #[arg(long, value_name = "FILE", default_value = "glossa.toml")]
    pub config: PathBuf,
}

/// Validated settings of `concordance`.
#[derive(Debug)]
pub struct ConcordanceSettings {
    pub term: String,
    pub paths: Vec<PathBuf>,
    pub format: ConcordanceFormat,
    pub width: usize,
    pub glossaries: Vec<PathBuf>,
    pub config: PathBuf,
}

impl ConcordanceArgs {
    pub fn into_settings(self) -> anyhow::Result<ConcordanceSettings> {
        anyhow::ensure!(!self.term.trim().is_empty(), "the TERM is empty");
        Ok(ConcordanceSettings {
            term: self.term,
            paths: self.paths,
            format: self.format,
            width: self.width.max(5),
            glossaries: self.glossaries,
            config: self.config,
        })
    }
}

/// Exchange formats of `glossary export|import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExchangeFormat {
    /// TBX v3, TBX-Basic, DCA style (import also reads TBX v2).
    Tbx,
    /// CSV with a header, one row per form.
    Csv,
    /// OmegaT's glossary: source, target, comment, tab-separated.
    Tsv,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Source files (default: the corpus in glossa.toml).
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
    /// Project settings file.
    #[arg(long, value_name = "FILE", default_value = "glossa.toml")]
    pub config: PathBuf,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    /// TMX 1.4b: the sentence pairs as a translation memory.
    Tmx,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    pub kind: ExportKind,
    /// Alignment files or directories (default: the output directory in glossa.toml).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Project settings file.
    #[arg(long, value_name = "FILE", default_value = "glossa.toml")]
    pub config: PathBuf,
}

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Old and new alignment file or directory (with --rev: the directory, default from glossa.toml).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Compare the alignments committed at this git revision with the working tree.
    #[arg(long, value_name = "REV", conflicts_with = "textconv")]
    pub rev: Option<String>,
    /// Print one alignment file in a form for git's textconv, and exit.
    #[arg(long)]
    pub textconv: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Project settings file (for the alignment directory with --rev).
    #[arg(long, value_name = "FILE", default_value = "glossa.toml")]
    pub config: PathBuf,
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
    /// Source files to check; `-` reads standard input. Default: the project in glossa.toml.
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
    /// Do not report the findings recorded in this file.
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
    /// Project settings file.
    #[arg(long, value_name = "FILE", default_value = "glossa.toml")]
    pub config: PathBuf,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Language of the abbreviation rules (auto: each paragraph's detected language).
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

/// Validated settings of `check`.
#[derive(Debug)]
pub struct CheckSettings {
    pub paths: Vec<PathBuf>,
    pub format: CheckFormat,
    /// Levels set on the command line, applied in order over glossa.toml's.
    pub levels: Vec<(Code, Level)>,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub glossaries: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub config: PathBuf,
    pub color: bool,
    pub lang: LangChoice,
    pub detect: DetectConfig,
}

impl CheckArgs {
    pub fn into_settings(self) -> anyhow::Result<CheckSettings> {
        let levels = self
            .allow
            .iter()
            .map(|&c| (c, Level::Allow))
            .chain(self.warn.iter().map(|&c| (c, Level::Warn)))
            .chain(self.deny.iter().map(|&c| (c, Level::Deny)))
            .collect();
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                use std::io::IsTerminal;
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Ok(CheckSettings {
            paths: self.paths,
            format: self.format,
            levels,
            baseline: self.baseline,
            write_baseline: self.write_baseline,
            glossaries: self.glossaries,
            output: self.output,
            config: self.config,
            color,
            lang: lang_choice(self.lang),
            detect: self.detector.into_config()?,
        })
    }
}

/// Output of `align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// Alignment files (the diffable format).
    Align,
    /// One JSON object per term occurrence.
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
    /// Project settings file.
    #[arg(long, value_name = "FILE", default_value = "glossa.toml")]
    pub config: PathBuf,
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
    /// Read documents as JSON lines on standard input (`{"id":…,"text":…}` or
    /// `{"id":…,"path":…}`) and write one JSON line of term records per document: for
    /// Spark's `RDD.pipe`, Hadoop streaming or GNU parallel.
    #[arg(long, conflicts_with_all = ["check", "target", "paths"])]
    pub stream: bool,
    /// Worker threads (default: one per core). Output never depends on it.
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

/// Validated settings of `align`.
#[derive(Debug)]
pub struct AlignSettings {
    pub paths: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub check: bool,
    pub stdout: bool,
    pub format: AlignFormat,
    pub glossaries: Vec<PathBuf>,
    pub config: PathBuf,
    pub lang: LangChoice,
    pub detect: DetectConfig,
    pub target: Option<PathBuf>,
    pub presegmented: bool,
    pub source_lang: Option<String>,
    pub target_lang: String,
    pub stream: bool,
    pub quiet: bool,
}

impl AlignArgs {
    pub fn into_settings(self) -> anyhow::Result<AlignSettings> {
        if let Some(n) = self.jobs {
            if n == 0 {
                anyhow::bail!("--jobs must be at least 1");
            }
            // The global pool, built once before any parallel work.
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global()
                .ok();
        }
        if self.format == AlignFormat::Jsonl && !self.stdout && !self.check && !self.stream {
            anyhow::bail!(
                "--format jsonl needs --stdout (JSON lines are printed, not written to files)"
            );
        }
        Ok(AlignSettings {
            paths: self.paths,
            output: self.output,
            check: self.check,
            stdout: self.stdout,
            format: self.format,
            glossaries: self.glossaries,
            config: self.config,
            // A language glossa has no rules for is segmented with the English ones,
            // which know only the most general abbreviations.
            lang: match &self.source_lang {
                Some(code) => LangChoice::Fixed(code.parse().unwrap_or(Lang::En)),
                None => lang_choice(self.lang),
            },
            detect: self.detector.into_config()?,
            target: self.target,
            presegmented: self.presegmented,
            source_lang: self.source_lang,
            target_lang: self.target_lang,
            stream: self.stream,
            quiet: self.quiet,
        })
    }
}

fn lang_choice(lang: LangArg) -> LangChoice {
    match lang {
        LangArg::Auto => LangChoice::Auto,
        LangArg::De => LangChoice::Fixed(Lang::De),
        LangArg::Nl => LangChoice::Fixed(Lang::Nl),
        LangArg::En => LangChoice::Fixed(Lang::En),
    }
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
    /// Write glossaries as TBX, CSV or OmegaT TSV (to standard output or -o FILE).
    #[command(after_help = "\
Examples:
  glossa glossary export --format tbx > soviet.tbx
  glossa glossary export --format csv -o soviet.csv glossary/soviet.toml
  glossa glossary export --format tsv -o omegat/glossary/soviet.txt")]
    Export {
        #[arg(long, value_enum)]
        format: ExchangeFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        files: GlossaryFiles,
    },
    /// Read a TBX (v3 or v2), CSV or OmegaT TSV glossary and print it as glossa TOML.
    #[command(after_help = "\
The format is taken from the file name (.tbx, .csv, .tsv/.txt) unless --format says it.

Examples:
  glossa glossary import termbase.tbx -o glossary/imported.toml
  glossa glossary import --format tsv omegat-glossary.txt")]
    Import {
        /// The file to read; `-` reads standard input (then --format is needed).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<ExchangeFormat>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct GlossaryFiles {
    /// Glossary files [default: glossary/*.toml].
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// What `glossary` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossaryAction {
    Lint,
    Fmt {
        check: bool,
    },
    Export {
        format: ExchangeFormat,
        output: Option<PathBuf>,
    },
    Import {
        file: PathBuf,
        format: ExchangeFormat,
        output: Option<PathBuf>,
    },
}

/// Validated settings of `glossary`.
#[derive(Debug)]
pub struct GlossarySettings {
    pub action: GlossaryAction,
    /// Empty: `glossary/*.toml`.
    pub files: Vec<PathBuf>,
}

impl GlossaryCommand {
    pub fn into_settings(self) -> anyhow::Result<GlossarySettings> {
        Ok(match self {
            GlossaryCommand::Lint(f) => GlossarySettings {
                action: GlossaryAction::Lint,
                files: f.files,
            },
            GlossaryCommand::Fmt { check, files } => GlossarySettings {
                action: GlossaryAction::Fmt { check },
                files: files.files,
            },
            GlossaryCommand::Export {
                format,
                output,
                files,
            } => GlossarySettings {
                action: GlossaryAction::Export { format, output },
                files: files.files,
            },
            GlossaryCommand::Import {
                file,
                format,
                output,
            } => {
                let format = match format {
                    Some(f) => f,
                    None => {
                        let name = file.display().to_string();
                        match glossa::glossary::exchange::Format::from_path(&name) {
                            Some(glossa::glossary::exchange::Format::Tbx) => ExchangeFormat::Tbx,
                            Some(glossa::glossary::exchange::Format::Csv) => ExchangeFormat::Csv,
                            Some(glossa::glossary::exchange::Format::Tsv) => ExchangeFormat::Tsv,
                            None => anyhow::bail!(
                                "cannot tell the format of {name} from its name; hint: add --format tbx|csv|tsv"
                            ),
                        }
                    }
                };
                GlossarySettings {
                    action: GlossaryAction::Import {
                        file,
                        format,
                        output,
                    },
                    files: Vec::new(),
                }
            }
        })
    }
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
    /// Languages to choose between, as ISO 639-1 codes (at least two)
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

/// The languages of glossa.toml in the current directory, or the default set.
fn project_languages() -> anyhow::Result<String> {
    let path = std::path::Path::new(glossa::config::FILE_NAME);
    let config = if path.exists() {
        glossa::config::Config::load(path)?
    } else {
        glossa::config::Config::defaults(std::path::Path::new("."))
    };
    Ok(config
        .languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(","))
}

impl DetectorArgs {
    pub fn into_config(self) -> anyhow::Result<DetectConfig> {
        let accuracy = if self.low_accuracy || self.accuracy == AccuracyArg::Low {
            Accuracy::Low
        } else {
            Accuracy::High
        };
        let codes = match self.languages {
            Some(codes) => codes,
            None => project_languages()?,
        };
        Ok(DetectConfig::from_codes(&codes, accuracy)?)
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
            lang: lang_choice(self.lang),
            format: self.format,
            footnotes: self.footnotes,
            detect: self.detector.into_config()?,
        })
    }
}
