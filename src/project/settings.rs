//! `glossa.toml`: the project settings.
//!
//! ```toml
//! # where the source texts are: files, or directories whose *.txt files are read
//! corpus = ["corpus"]
//! # the glossaries, merged in order: files, or directories whose *.toml files are read
//! glossaries = ["glossary"]
//! # the languages of the texts (ISO 639-1); with one, detection is skipped
//! languages = ["de", "nl", "en"]
//! # where `glossa align` writes the alignment files
//! output = "alignments"
//!
//! # translations from CAT tools, segment pairs checked as they are: XLIFF and TMX files,
//! # or directories whose *.xlf, *.xliff, *.sdlxliff, *.mqxliff and *.tmx files are read
//! bilingual = []
//!
//! # sources with an English translation, aligned sentence by sentence
//! [[pairs]]
//! source = "corpus/de-kolchosen.txt"
//! target = "corpus/en/de-kolchosen.txt"
//! target_lang = "en"            # the default
//!
//! # the level of each diagnostic of `glossa check`: "deny", "warn" or "allow"
//! # (every code of `crate::lints::LINTS`; unset codes keep their default level)
//! [check]
//! unknown-variant = "deny"
//!
//! # words `glossa suggest` must not propose again (nor their transliteration variants)
//! ignore = []
//!
//! # the bilingual dictionary that helps align sentences: "auto" (the FreeDict dictionary
//! # Debian installs for each pair's languages, e.g. dict-freedict-deu-eng, when there is
//! # one), "none", or a file (dictd .index, or source<TAB>target lines)
//! dictionary = "auto"
//! ```
//!
//! Every key is optional (the values above are the defaults, but for `[[pairs]]` and
//! `[check]`); unknown keys and unknown check codes are rejected with the file, line and
//! column. Relative paths are relative to the directory of `glossa.toml`.
//!
//! [`Settings::resolve`] is the one rule for which file is read: the one `--config` names
//! (it must exist), else `./glossa.toml` when there is one, else the defaults.

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::align::DictionarySetting;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::lints::{Code, LINTS, Level, Levels};

/// The name of the settings file.
pub const FILE_NAME: &str = "glossa.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    corpus: Option<Vec<String>>,
    glossaries: Option<Vec<String>>,
    languages: Option<Spanned<Vec<Spanned<String>>>>,
    output: Option<String>,
    bilingual: Option<Vec<String>>,
    #[serde(default)]
    pairs: Vec<RawPair>,
    /// Code name (kept with its place, for the message when it is unknown) to level.
    check: Option<BTreeMap<Spanned<String>, Level>>,
    ignore: Option<Vec<String>>,
    dictionary: Option<String>,
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

/// The project settings, with paths resolved against the project directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The settings file read, if any (`None`: the defaults).
    pub file: Option<PathBuf>,
    /// The directory of `glossa.toml` (the current directory for the defaults).
    pub root: PathBuf,
    pub corpus: Vec<PathBuf>,
    pub glossaries: Vec<PathBuf>,
    pub languages: Vec<Lang>,
    pub output: PathBuf,
    /// Bilingual files (XLIFF, TMX) or directories of them.
    pub bilingual: Vec<PathBuf>,
    /// Sources with a translation (`[[pairs]]`).
    pub pairs: Vec<Pair>,
    /// The levels of `glossa check`'s diagnostics.
    pub check: Levels,
    /// Words `glossa suggest` never proposes (with those of the glossaries).
    pub ignore: Vec<String>,
    /// The bilingual dictionary of sentence alignment.
    pub dictionary: DictionarySetting,
}

impl Settings {
    /// The defaults for a project in `root`.
    pub fn defaults(root: &Path) -> Settings {
        let at = |p: &str| {
            if root == Path::new(".") {
                PathBuf::from(p)
            } else {
                root.join(p)
            }
        };
        Settings {
            file: None,
            root: root.to_path_buf(),
            corpus: vec![at("corpus")],
            glossaries: vec![at("glossary")],
            languages: Lang::ALL.to_vec(),
            output: at("alignments"),
            bilingual: Vec::new(),
            pairs: Vec::new(),
            check: Levels::default(),
            ignore: Vec::new(),
            dictionary: DictionarySetting::Auto,
        }
    }

    /// Reads `glossa.toml` at `path`.
    pub fn load(path: &Path) -> Result<Settings> {
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
        let mut settings = Settings::parse(&path.display().to_string(), &text, root)?;
        settings.file = Some(path.to_path_buf());
        Ok(settings)
    }

    /// The settings of a run: the file `config` names (an error if it cannot be read),
    /// else `./glossa.toml` when it exists, else the defaults for the current directory.
    pub fn resolve(config: Option<&Path>) -> Result<Settings> {
        match config {
            Some(path) => Settings::load(path),
            None if Path::new(FILE_NAME).is_file() => Settings::load(Path::new(FILE_NAME)),
            None => Ok(Settings::defaults(Path::new("."))),
        }
    }

    /// Parses settings text; `name` is used in messages, `root` resolves relative paths.
    pub fn parse(name: &str, text: &str, root: &Path) -> Result<Settings> {
        let syntax = |offset: usize, message: String| {
            let (line, column) = crate::span::line_col(text, offset);
            Error::Syntax {
                path: name.to_string(),
                line,
                column,
                message,
            }
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let m = e.message().trim_end();
            // A level: serde already lists the levels it expected.
            let message = if m.contains("`allow`") {
                m.to_string()
            } else {
                format!(
                    "{m} (known keys: corpus, glossaries, languages, output, bilingual, pairs, check, ignore, dictionary)"
                )
            };
            syntax(e.span().map_or(0, |s| s.start), message)
        })?;
        let mut config = Settings::defaults(root);
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
        if let Some(d) = &raw.dictionary {
            config.dictionary = match DictionarySetting::parse(d) {
                DictionarySetting::File(p) => {
                    DictionarySetting::File(resolve(&p.display().to_string()))
                }
                other => other,
            };
        }
        if let Some(o) = &raw.output {
            config.output = resolve(o);
        }
        if let Some(b) = &raw.bilingual {
            config.bilingual = b.iter().map(resolve).collect();
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
            config.check = levels(check).map_err(|(at, m)| syntax(at, m))?;
        }
        if let Some(langs) = &raw.languages {
            config.languages = languages(langs).map_err(|(at, m)| syntax(at, m))?;
        }
        Ok(config)
    }

    /// The corpus's source files: the files listed, and the `*.txt` files of the
    /// directories listed, each directory sorted by name.
    pub fn corpus_files(&self) -> Result<Vec<PathBuf>> {
        files_in(&self.corpus, |f| f.extension().is_some_and(|x| x == "txt"))
    }

    /// The glossary files: the files listed, and the `*.toml` files of the directories
    /// listed, each directory sorted by name.
    pub fn glossary_files(&self) -> Result<Vec<PathBuf>> {
        files_in(&self.glossaries, |f| {
            f.extension().is_some_and(|x| x == "toml")
        })
    }

    /// The bilingual files: the files listed, and the XLIFF and TMX files of the
    /// directories listed (by extension, see [`crate::bilingual::EXTENSIONS`]), each
    /// directory sorted by name.
    pub fn bilingual_files(&self) -> Result<Vec<PathBuf>> {
        files_in(&self.bilingual, crate::bilingual::is_bilingual)
    }
}

/// The `[check]` table over the defaults; an unknown code is an error at its place.
fn levels(
    check: &BTreeMap<Spanned<String>, Level>,
) -> std::result::Result<Levels, (usize, String)> {
    let mut levels = Levels::default();
    for (code, level) in check {
        let Some(lint) = LINTS.iter().find(|l| l.name == code.as_ref()) else {
            return Err((
                code.span().start,
                format!(
                    "unknown check `{}` in [check], expected one of {}",
                    code.as_ref(),
                    Code::ALL.map(|c| format!("`{c}`")).join(", ")
                ),
            ));
        };
        levels.set(lint.code, *level);
    }
    Ok(levels)
}

/// The `languages` list, without repeats; an unknown code or an empty list is an error
/// at its place.
fn languages(
    list: &Spanned<Vec<Spanned<String>>>,
) -> std::result::Result<Vec<Lang>, (usize, String)> {
    let mut parsed = Vec::new();
    for code in list.as_ref() {
        let lang: Lang = code
            .as_ref()
            .parse()
            .map_err(|e: Error| (code.span().start, e.to_string()))?;
        if !parsed.contains(&lang) {
            parsed.push(lang);
        }
    }
    if parsed.is_empty() {
        return Err((
            list.span().start,
            "`languages` is empty; name at least one (`languages = [\"de\"]`)".to_string(),
        ));
    }
    Ok(parsed)
}

/// `paths` with each directory replaced by its files that `wanted` accepts, sorted.
fn files_in(paths: &[PathBuf], wanted: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|source| Error::Read {
                name: p.display().to_string(),
                source,
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && wanted(f))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let c = Settings::parse(
            "glossa.toml",
            "corpus = [\"texts\"]\nlanguages = [\"de\", \"nl\"]\n",
            Path::new("/p"),
        )
        .unwrap();
        assert_eq!(c.corpus, vec![PathBuf::from("/p/texts")]);
        assert_eq!(c.languages, vec![Lang::De, Lang::Nl]);
        assert_eq!(c.output, PathBuf::from("/p/alignments"));
        assert_eq!(c.glossaries, vec![PathBuf::from("/p/glossary")]);
        assert!(c.ignore.is_empty());
    }

    #[test]
    fn bilingual_files_are_listed() {
        let c = Settings::parse(
            "glossa.toml",
            "bilingual = [\"cat/a.xlf\", \"memories\"]\n",
            Path::new("/p"),
        )
        .unwrap();
        assert_eq!(
            c.bilingual,
            [PathBuf::from("/p/cat/a.xlf"), PathBuf::from("/p/memories")]
        );
        assert!(Settings::defaults(Path::new(".")).bilingual.is_empty());
        let err = Settings::parse("glossa.toml", "bilingual = \"a.xlf\"\n", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("glossa.toml:1:13:"), "{err}");
    }

    #[test]
    fn ignore_lists_words() {
        let c = Settings::parse("g.toml", "ignore = [\"Genosse\"]\n", Path::new(".")).unwrap();
        assert_eq!(c.ignore, ["Genosse"]);
    }

    #[test]
    fn unknown_key_is_reported_with_line_and_column() {
        let err = Settings::parse(
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
        let c = Settings::parse(
            "glossa.toml",
            "[check]\nunknown-variant = \"deny\"\nglossary = \"allow\"\n",
            Path::new("."),
        )
        .unwrap();
        assert_eq!(c.check.get(Code::UnknownVariant), Level::Deny);
        assert_eq!(c.check.get(Code::Glossary), Level::Allow);
        assert_eq!(c.check.get(Code::StaleAlignments), Level::Deny);
        assert_eq!(c.check.get(Code::DeprecatedForm), Level::Warn);

        let err = Settings::parse(
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

        let err = Settings::parse(
            "glossa.toml",
            "[check]\nglossary = \"error\"\n",
            Path::new("."),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("glossa.toml:2:12:"), "{err}");
    }

    #[test]
    fn empty_languages_are_refused_where_they_are() {
        let err = Settings::parse("g.toml", "corpus = []\nlanguages = []\n", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("g.toml:2:13:"), "{err}");
        assert!(err.contains("at least one"), "{err}");
    }

    #[test]
    fn unknown_language_is_reported_where_it_is() {
        let err = Settings::parse("g.toml", "languages = [\"de\", \"xx\"]\n", Path::new("."))
            .unwrap_err();
        assert!(err.to_string().starts_with("g.toml:1:20:"), "{err}");
    }
}
