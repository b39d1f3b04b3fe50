//! Arguments of the commands that work on files rather than texts: `init`, `diff`,
//! `export`, `glossary …`, `man`.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use glossa::glossary::Glossary;
use glossa::glossary::exchange::{Columns, Format, ImportOptions};
use glossa::lang::Lang;
use glossa::source::Document;

use super::{Env, help};
use crate::cli::diff::{DiffSettings, Sides, read_at_rev, read_file, read_set};
use crate::cli::export::ExportSettings;
use crate::cli::glossary::GlossarySettings;
use crate::cli::init::InitSettings;
use crate::cli::man::ManSettings;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The project directory (made if missing).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The languages of the texts, ISO 639-1 codes; with one, detection is skipped.
    #[arg(long, value_name = "CODES", default_value = "de,nl,en")]
    pub languages: String,
}

impl InitArgs {
    pub fn into_settings(self) -> anyhow::Result<InitSettings> {
        let languages = Lang::parse_list(&self.languages)?;
        anyhow::ensure!(
            !languages.is_empty(),
            "--languages names no language; hint: --languages de,nl,en"
        );
        Ok(InitSettings {
            dir: self.dir,
            languages,
        })
    }
}

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Old and new alignment file or directory (with --rev: the directory, default from
    /// glossa.toml).
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
}

impl DiffArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<DiffSettings> {
        let sides = if self.textconv {
            let [file] = <[PathBuf; 1]>::try_from(self.paths)
                .map_err(|_| anyhow::anyhow!("--textconv takes exactly one alignment file"))?;
            Sides::Textconv(read_file(&file)?)
        } else if let Some(rev) = self.rev {
            let dir = match self.paths.as_slice() {
                [] => env.settings()?.output,
                [dir] => dir.clone(),
                _ => anyhow::bail!("with --rev, give at most one directory"),
            };
            Sides::Compare {
                old: read_at_rev(&rev, &dir)?,
                new: read_set(&dir)?,
            }
        } else {
            let [old, new] = <[PathBuf; 2]>::try_from(self.paths).map_err(|_| {
                anyhow::anyhow!(
                    "give OLD and NEW (two alignment files or directories), or --rev REV"
                )
            })?;
            Sides::Compare {
                old: read_set(&old)?,
                new: read_set(&new)?,
            }
        };
        Ok(DiffSettings {
            sides,
            format: self.format,
            colour: env.colour,
        })
    }
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
}

impl ExportArgs {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<ExportSettings> {
        let paths = if self.paths.is_empty() {
            vec![env.settings()?.output]
        } else {
            self.paths
        };
        let mut files = Vec::new();
        for p in &paths {
            files.extend(read_set(p)?);
        }
        match self.kind {
            ExportKind::Tmx => Ok(ExportSettings {
                files,
                output: self.output,
            }),
        }
    }
}

/// Exchange formats of `glossary export|import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExchangeFormat {
    /// TBX v3, TBX-Basic, DCA style (import also reads TBX v2).
    Tbx,
    /// CSV (`,`, `;` or tab): glossa's own (one row per form), a spreadsheet or memoQ
    /// export (a column per language), OmegaT's (no header).
    Csv,
    /// Tab-separated: OmegaT's glossary (source, target, comment), or a spreadsheet with
    /// a header.
    Tsv,
}

impl ExchangeFormat {
    fn format(self) -> Format {
        match self {
            ExchangeFormat::Tbx => Format::Tbx,
            ExchangeFormat::Csv => Format::Csv,
            ExchangeFormat::Tsv => Format::Tsv,
        }
    }
}

/// `glossa glossary …`
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Report problems as file:line:col: message (exit 1 when there are any).
    #[command(after_help = help::LINT)]
    Lint(GlossaryFiles),
    /// Rewrite glossaries in canonical order (concepts by id, keys in a fixed order).
    #[command(after_help = help::FMT)]
    Fmt {
        /// Change nothing; name the files that are not canonical and exit 1.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        files: GlossaryFiles,
    },
    /// Write glossaries as TBX, CSV or OmegaT TSV (to standard output or -o FILE).
    #[command(after_help = help::GLOSSARY_EXPORT)]
    Export {
        #[arg(long, value_enum)]
        format: ExchangeFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        files: GlossaryFiles,
    },
    /// Read a termbase or glossary (TBX, CSV, TSV) and print it as glossa TOML.
    #[command(after_help = help::IMPORT)]
    Import {
        /// The file to read; `-` reads standard input (then --format is needed).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<ExchangeFormat>,
        /// The language of the source terms of an OmegaT glossary (TSV, headerless CSV)
        /// [default: told from the terms].
        #[arg(long, value_name = "LANG")]
        source_lang: Option<String>,
        /// What each column of a CSV or TSV file holds, in order: a language (`de`,
        /// `German`, `pt-BR`), `source`, `definition`, `definition:LANG`, `status`, `note`,
        /// `id`, or `-` to leave a column out. A header row glossa recognises is skipped.
        #[arg(long, value_name = "COLUMNS")]
        columns: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct GlossaryFiles {
    /// Glossary files [default: `glossaries` in glossa.toml, or glossary/*.toml].
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl GlossaryFiles {
    /// The files named, or the project's.
    fn resolve(self, env: &Env) -> anyhow::Result<Vec<PathBuf>> {
        if !self.files.is_empty() {
            return Ok(self.files);
        }
        let settings = env.settings()?;
        let files = settings.glossary_files()?;
        anyhow::ensure!(
            !files.is_empty(),
            "no glossary files in {}; hint: name the glossary files",
            settings
                .glossaries
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        Ok(files)
    }
}

impl GlossaryCommand {
    pub fn into_settings(self, env: &Env) -> anyhow::Result<GlossarySettings> {
        Ok(match self {
            GlossaryCommand::Lint(f) => GlossarySettings::Lint {
                problems: Glossary::load_lenient(&f.resolve(env)?)?.1,
            },
            GlossaryCommand::Fmt { check, files } => {
                let mut parsed = Vec::new();
                for path in files.resolve(env)? {
                    let text = std::fs::read_to_string(&path).map_err(|source| {
                        glossa::error::Error::Read {
                            name: path.display().to_string(),
                            source,
                        }
                    })?;
                    // Parsed to refuse a broken file with its line and column; fmt
                    // then works on the text.
                    Glossary::parse(&path.display().to_string(), &text)?;
                    parsed.push((path, text));
                }
                GlossarySettings::Fmt {
                    check,
                    files: parsed,
                }
            }
            GlossaryCommand::Export {
                format,
                output,
                files,
            } => GlossarySettings::Export {
                glossary: Glossary::load_all(&files.resolve(env)?)?,
                format: format.format(),
                output,
            },
            GlossaryCommand::Import {
                file,
                format,
                source_lang,
                columns,
                output,
            } => {
                let options = ImportOptions {
                    source_lang: source_lang
                        .map(|l| {
                            glossa::lang::language_tag(&l).ok_or_else(|| {
                                anyhow::anyhow!(
                                    "--source-lang {l}: not a language code; hint: an ISO 639 code such as `de`, `nl` or `ru`"
                                )
                            })
                        })
                        .transpose()?,
                    columns: columns.map(|c| c.parse::<Columns>()).transpose()?,
                };
                let format = match format {
                    Some(f) => f.format(),
                    None => {
                        let name = file.display().to_string();
                        Format::from_path(&name).ok_or_else(|| {
                            anyhow::anyhow!(
                                "cannot tell the format of {name} from its name; hint: add --format tbx|csv|tsv"
                            )
                        })?
                    }
                };
                GlossarySettings::Import {
                    doc: Document::read(&file)?,
                    format,
                    options,
                    output,
                }
            }
        })
    }
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command (`align`, `glossary lint` as `glossary-lint`): print its page.
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,
    /// Write glossa.1 and a page per command (glossa-align.1 …) into this directory.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

impl ManArgs {
    pub fn into_settings(self) -> ManSettings {
        ManSettings {
            command: self.command,
            dir: self.dir,
        }
    }
}
