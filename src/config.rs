//! `glossa.toml`: the project settings.
//!
//! ```toml
//! # where the source texts are: files, or directories whose *.txt files are read
//! corpus = ["corpus"]
//! # the glossaries, merged in order
//! glossaries = ["glossary/soviet.toml"]
//! # the languages the detector may choose from (ISO 639-1)
//! languages = ["de", "nl", "en"]
//! # where `glossa align` writes the alignment files
//! output = "alignments"
//!
//! # sources with an English translation, aligned sentence by sentence
//! [[pairs]]
//! source = "corpus/de-kolchosen.txt"
//! target = "corpus/en/de-kolchosen.txt"
//! target_lang = "en"            # the default
//!
//! # the level of each diagnostic of `glossa check`: "deny", "warn" or "allow"
//! [check]
//! deprecated-form = "warn"
//! unknown-variant = "warn"
//! inconsistent-spelling = "warn"
//! stale-alignments = "deny"
//! glossary = "deny"
//! missing-translation = "warn"
//! forbidden-translation = "deny"
//! inconsistent-translation = "warn"
//!
//! # words `glossa suggest` must not propose again (nor their transliteration variants)
//! ignore = []
//! ```
//!
//! Every key is optional (the values above are the defaults); unknown keys (and unknown
//! check codes) are rejected with the file, line and column. Relative paths are relative to the directory of
//! `glossa.toml`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::check::{Code, Level, Levels};
use crate::error::{Error, Result};
use crate::lang::Lang;

/// The name of the settings file.
pub const FILE_NAME: &str = "glossa.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    corpus: Option<Vec<String>>,
    glossaries: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    output: Option<String>,
    #[serde(default)]
    pairs: Vec<RawPair>,
    check: Option<RawCheck>,
    ignore: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPair {
    source: String,
    target: String,
    target_lang: Option<String>,
}

/// A source document and its translation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub source: PathBuf,
    pub target: PathBuf,
    /// The translation's language code (default `en`).
    pub target_lang: String,
}

/// The `[check]` table: one optional level per diagnostic code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCheck {
    deprecated_form: Option<Level>,
    unknown_variant: Option<Level>,
    inconsistent_spelling: Option<Level>,
    stale_alignments: Option<Level>,
    glossary: Option<Level>,
    missing_translation: Option<Level>,
    forbidden_translation: Option<Level>,
    inconsistent_translation: Option<Level>,
}

impl RawCheck {
    fn levels(&self) -> Levels {
        let mut levels = Levels::default();
        for (code, level) in [
            (Code::DeprecatedForm, self.deprecated_form),
            (Code::UnknownVariant, self.unknown_variant),
            (Code::InconsistentSpelling, self.inconsistent_spelling),
            (Code::StaleAlignments, self.stale_alignments),
            (Code::Glossary, self.glossary),
            (Code::MissingTranslation, self.missing_translation),
            (Code::ForbiddenTranslation, self.forbidden_translation),
            (Code::InconsistentTranslation, self.inconsistent_translation),
        ] {
            if let Some(level) = level {
                levels.set(code, level);
            }
        }
        levels
    }
}

/// The project settings, with paths resolved against the project directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The directory of `glossa.toml`.
    pub root: PathBuf,
    pub corpus: Vec<PathBuf>,
    pub glossaries: Vec<PathBuf>,
    pub languages: Vec<Lang>,
    pub output: PathBuf,
    /// Sources with a translation (`[[pairs]]`).
    pub pairs: Vec<Pair>,
    /// The levels of `glossa check`'s diagnostics.
    pub check: Levels,
    /// Words `glossa suggest` never proposes (with those of the glossaries).
    pub ignore: Vec<String>,
}

impl Config {
    /// The defaults for a project in `root`.
    pub fn defaults(root: &Path) -> Config {
        let at = |p: &str| {
            if root == Path::new(".") {
                PathBuf::from(p)
            } else {
                root.join(p)
            }
        };
        Config {
            root: root.to_path_buf(),
            corpus: vec![at("corpus")],
            glossaries: vec![at("glossary/soviet.toml")],
            languages: vec![Lang::De, Lang::Nl, Lang::En],
            output: at("alignments"),
            pairs: Vec::new(),
            check: Levels::default(),
            ignore: Vec::new(),
        }
    }

    /// Reads `glossa.toml` at `path`.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            name: path.display().to_string(),
            source,
        })?;
        let root = path.parent().unwrap_or(Path::new("."));
        let root = if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        };
        Config::parse(&path.display().to_string(), &text, root)
    }

    /// Parses settings text; `name` is used in messages, `root` resolves relative paths.
    pub fn parse(name: &str, text: &str, root: &Path) -> Result<Config> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| crate::span::line_col(text, s.start));
            Error::Syntax {
                path: name.to_string(),
                line,
                column,
                message: {
                    let m = e.message().trim_end();
                    // Inside [check], serde already lists the codes or levels it expected.
                    if m.contains("deprecated-form") || m.contains("`allow`") {
                        m.to_string()
                    } else {
                        format!(
                            "{m} (known keys: corpus, glossaries, languages, output, pairs, check, ignore)"
                        )
                    }
                },
            }
        })?;
        let mut config = Config::defaults(root);
        // Paths of a project in the current directory stay as written (`corpus/a.txt`,
        // not `./corpus/a.txt`): that is how they appear in messages and files.
        let resolve = |p: &String| {
            let p = Path::new(p);
            if p.is_absolute() || root == Path::new(".") {
                p.to_path_buf()
            } else {
                root.join(p)
            }
        };
        if let Some(c) = &raw.corpus {
            config.corpus = c.iter().map(resolve).collect();
        }
        if let Some(g) = &raw.glossaries {
            config.glossaries = g.iter().map(resolve).collect();
        }
        if let Some(words) = raw.ignore {
            config.ignore = words;
        }
        if let Some(o) = &raw.output {
            config.output = resolve(o);
        }
        config.pairs = raw
            .pairs
            .iter()
            .map(|p| Pair {
                source: resolve(&p.source),
                target: resolve(&p.target),
                target_lang: p.target_lang.clone().unwrap_or_else(|| "en".to_string()),
            })
            .collect();
        if let Some(check) = &raw.check {
            config.check = check.levels();
        }
        if let Some(langs) = &raw.languages {
            let mut parsed = Vec::new();
            for code in langs {
                let lang: Lang = code.parse().map_err(|e: Error| {
                    let at = text.find(&format!("\"{code}\"")).unwrap_or(0);
                    let (line, column) = crate::span::line_col(text, at);
                    Error::Syntax {
                        path: name.to_string(),
                        line,
                        column,
                        message: e.to_string(),
                    }
                })?;
                if !parsed.contains(&lang) {
                    parsed.push(lang);
                }
            }
            config.languages = parsed;
        }
        Ok(config)
    }

    /// The corpus's source files, each with its translation if `[[pairs]]` declares one.
    pub fn sources(&self) -> Result<Vec<(PathBuf, Option<Pair>)>> {
        let same = |a: &Path, b: &Path| {
            a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
        };
        Ok(self
            .corpus_files()?
            .into_iter()
            .map(|f| {
                let pair = self.pairs.iter().find(|p| same(&p.source, &f)).cloned();
                (f, pair)
            })
            .collect())
    }

    /// The corpus's source files: the files listed, and the `*.txt` files of the
    /// directories listed, each directory sorted by name.
    pub fn corpus_files(&self) -> Result<Vec<PathBuf>> {
        let mut files = Vec::new();
        for p in &self.corpus {
            if p.is_dir() {
                let entries = std::fs::read_dir(p).map_err(|source| Error::Read {
                    name: p.display().to_string(),
                    source,
                })?;
                let mut found: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
                    .collect();
                found.sort();
                files.extend(found);
            } else {
                files.push(p.clone());
            }
        }
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let c = Config::parse(
            "glossa.toml",
            "corpus = [\"texts\"]\nlanguages = [\"de\", \"nl\"]\n",
            Path::new("/p"),
        )
        .unwrap();
        assert_eq!(c.corpus, vec![PathBuf::from("/p/texts")]);
        assert_eq!(c.languages, vec![Lang::De, Lang::Nl]);
        assert_eq!(c.output, PathBuf::from("/p/alignments"));
        assert_eq!(c.glossaries, vec![PathBuf::from("/p/glossary/soviet.toml")]);
        assert!(c.ignore.is_empty());
    }

    #[test]
    fn ignore_lists_words() {
        let c = Config::parse("g.toml", "ignore = [\"Genosse\"]\n", Path::new(".")).unwrap();
        assert_eq!(c.ignore, ["Genosse"]);
    }

    #[test]
    fn unknown_key_is_reported_with_line_and_column() {
        let err = Config::parse(
            "glossa.toml",
            "corpus = []\noutptu = \"x\"\n",
            Path::new("."),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("glossa.toml:2:1:"), "{msg}");
        assert!(msg.contains("outptu"), "{msg}");
    }

    #[test]
    fn check_levels_and_unknown_codes() {
        let c = Config::parse(
            "glossa.toml",
            "[check]\nunknown-variant = \"deny\"\nglossary = \"allow\"\n",
            Path::new("."),
        )
        .unwrap();
        assert_eq!(c.check.get(Code::UnknownVariant), Level::Deny);
        assert_eq!(c.check.get(Code::Glossary), Level::Allow);
        assert_eq!(c.check.get(Code::StaleAlignments), Level::Deny);
        assert_eq!(c.check.get(Code::DeprecatedForm), Level::Warn);

        let err = Config::parse(
            "glossa.toml",
            "corpus = []\n[check]\ndeprecated-forms = \"deny\"\n",
            Path::new("."),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("glossa.toml:3:1:"), "{err}");
        assert!(
            err.contains("deprecated-forms") && err.contains("deprecated-form`"),
            "{err}"
        );

        let err = Config::parse(
            "glossa.toml",
            "[check]\nglossary = \"error\"\n",
            Path::new("."),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("glossa.toml:2:12:"), "{err}");
    }

    #[test]
    fn unknown_language_is_reported_where_it_is() {
        let err =
            Config::parse("g.toml", "languages = [\"de\", \"xx\"]\n", Path::new(".")).unwrap_err();
        assert!(err.to_string().starts_with("g.toml:1:20:"), "{err}");
    }
}
