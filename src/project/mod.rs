//! The project layer: what a run works on, resolved once, and the pipeline over it.
//!
//! [`Project::open`] takes the [`Settings`] (read once, see [`Settings::resolve`]) and what
//! the command line adds ([`Options`]: files named, glossaries, a translation, languages)
//! and resolves them into one value: the merged glossary with its problems (typed, see
//! [`crate::glossary::ProblemKind`]), the languages, and the [`Source`]s, each with its
//! optional translation. [`Project::aligner`] builds the per-document pipeline from them
//! (detection only where there is a choice of languages), and [`Project::align`] runs it
//! over a range of sources in parallel, in order, so that every consumer (the alignment
//! directory, the checker, the report) sees the same aligned documents.
//!
//! The library never prints: progress is a callback, decoding warnings stay on the
//! documents for the caller to show.

pub mod init;
mod settings;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use settings::{FILE_NAME, Pair, Settings};

use crate::align::dictionary::DICTD_DIR;
use crate::align::{Dictionaries, DictionarySetting};
use crate::detect::{Accuracy, DetectConfig};
use crate::error::{Error, Result};
use crate::glossary::{Glossary, Problem};
use crate::lang::Lang;
use crate::pipeline::{Aligned, Aligner, Translation};
use crate::segment::{LangChoice, Options as SegmentOptions};
use crate::source::Document;

/// What the command line adds to the settings. Empty fields mean "as the settings say".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Source files to work on (`-` is standard input); empty: the settings' corpus.
    pub paths: Vec<PathBuf>,
    /// Glossary files; empty: the settings' glossaries.
    pub glossaries: Vec<PathBuf>,
    /// A translation of the one source named, and its language.
    pub target: Option<(PathBuf, String)>,
    /// The alignment directory; `None`: the settings' `output`.
    pub output: Option<PathBuf>,
    /// The languages of the texts; `None`: the settings' `languages`.
    pub languages: Option<Vec<Lang>>,
    /// lingua's accuracy mode.
    pub accuracy: Accuracy,
    /// Abbreviation rules: each block's detected language, or one language's.
    pub rules: LangChoice,
    /// The sources' language, any ISO 639-1 code: no detection then.
    pub source_lang: Option<String>,
    /// Inputs are already split, one sentence per line.
    pub presegmented: bool,
    /// The bilingual dictionary for sentence alignment; `None`: the settings' `dictionary`.
    pub dictionary: Option<DictionarySetting>,
}

/// A translation of a source document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslationSource {
    pub path: PathBuf,
    /// The path written into the alignment file's header.
    pub name: String,
    /// Its language code (any language; the glossary's renderings are English).
    pub lang: String,
}

/// A source document of the project, with its translation if it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// The path written into the alignment file's header: relative to the project, `/`.
    pub name: String,
    pub translation: Option<TranslationSource>,
}

/// A bilingual file of the project (XLIFF, TMX): segment pairs checked as they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BilingualSource {
    pub path: PathBuf,
    /// The path as shown: relative to the project, `/`.
    pub name: String,
}

/// The project's bilingual files, read and checked: their documents and what the pipeline
/// made of them, in order.
#[derive(Debug, Default)]
pub struct BilingualBatch {
    pub docs: Vec<Document>,
    pub aligned: Vec<Aligned>,
}

/// Sources read and aligned together: `range` of [`Project::sources`], their documents
/// (and translations), and what the pipeline made of them, in order.
#[derive(Debug)]
pub struct Batch {
    pub range: Range<usize>,
    pub docs: Vec<Document>,
    pub targets: Vec<Option<Document>>,
    pub aligned: Vec<Aligned>,
}

/// Everything a run works on, resolved once.
#[derive(Debug)]
pub struct Project {
    pub settings: Settings,
    pub options: Options,
    /// The glossary files read, in order.
    pub glossary_files: Vec<PathBuf>,
    /// Their union.
    pub glossary: Glossary,
    /// What is wrong with it (see [`Project::refuse_problems`]).
    pub problems: Vec<Problem>,
    /// The languages of the texts.
    pub languages: Vec<Lang>,
    pub sources: Vec<Source>,
    /// The bilingual files (XLIFF, TMX): the settings' `bilingual` files, and any file
    /// named or listed in the corpus with their extensions (see
    /// [`crate::bilingual::is_bilingual`]).
    pub bilingual: Vec<BilingualSource>,
    /// Whether the sources are the whole corpus of the settings (no files named), so that
    /// an alignment file no source writes is an orphan.
    pub whole: bool,
    /// The alignment directory.
    pub output: PathBuf,
    /// The bilingual dictionaries of sentence alignment (a named file is loaded here).
    pub dictionaries: Arc<Dictionaries>,
}

impl Project {
    /// Resolves the settings and the command line's options into a project: reads and
    /// merges the glossaries (their problems are kept, not refused: see
    /// [`Project::refuse_problems`]) and lists the sources with their translations.
    /// Documents are read later, in batches.
    pub fn open(settings: Settings, options: Options) -> Result<Project> {
        Project::resolve(settings, options, true)
    }

    /// A project of the glossary and languages alone, for documents that come from
    /// elsewhere (`glossa align --stream`): no corpus is listed, no settings file needed.
    pub fn without_sources(settings: Settings, options: Options) -> Result<Project> {
        Project::resolve(settings, options, false)
    }

    fn resolve(settings: Settings, options: Options, with_sources: bool) -> Result<Project> {
        let whole = with_sources && options.paths.is_empty();
        if whole && settings.file.is_none() {
            return Err(Error::Invalid(format!(
                "no {FILE_NAME} here: run glossa in a project directory (`glossa init` makes one), or name the files"
            )));
        }
        let glossary_files = if options.glossaries.is_empty() {
            settings.glossary_files()?
        } else {
            options.glossaries.clone()
        };
        if glossary_files.is_empty() {
            return Err(Error::Invalid(format!(
                "no glossary files: `glossaries` ({}) names none; hint: add a *.toml glossary or name one with --glossary",
                list(&settings.glossaries)
            )));
        }
        let (glossary, problems) = Glossary::load_lenient(&glossary_files)?;
        let (sources, bilingual) = if with_sources {
            sources(&settings, &options)?
        } else {
            (Vec::new(), Vec::new())
        };
        let languages = options
            .languages
            .clone()
            .unwrap_or_else(|| settings.languages.clone());
        if languages.is_empty() {
            return Err(Error::Invalid(
                "no languages: name at least one (`languages = [\"de\"]`)".into(),
            ));
        }
        let output = options
            .output
            .clone()
            .unwrap_or_else(|| settings.output.clone());
        let dictionary = options
            .dictionary
            .clone()
            .unwrap_or_else(|| settings.dictionary.clone());
        // Where installed dictionaries are looked for: Debian's directory, or another one
        // named in the environment (tests name an empty one, to be the same on any machine).
        let dictd = std::env::var_os("GLOSSA_DICTD_DIR")
            .map_or_else(|| PathBuf::from(DICTD_DIR), PathBuf::from);
        let dictionaries = Arc::new(Dictionaries::new(dictionary, &dictd)?);
        Ok(Project {
            settings,
            options,
            glossary_files,
            glossary,
            problems,
            languages,
            sources,
            bilingual,
            whole,
            output,
            dictionaries,
        })
    }

    /// An error when bilingual files were named for a command that reads plain texts only
    /// (`command`: its name), so that they are not passed over in silence.
    pub fn refuse_bilingual(&self, command: &str) -> Result<()> {
        if self.whole {
            return Ok(());
        }
        match self.bilingual.first() {
            Some(b) => Err(Error::Invalid(format!(
                "{} is a bilingual file (XLIFF or TMX), which `glossa {command}` does not read; hint: check it with `glossa check {}`",
                b.name, b.name
            ))),
            None => Ok(()),
        }
    }

    /// Reads the bilingual files and checks their segment pairs, in parallel; results in
    /// file order. A file that cannot be read or is not well-formed is an error (with its
    /// line and column). `progress` is called with each file's size once it is done.
    pub fn align_bilingual(
        &self,
        aligner: &Aligner,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<BilingualBatch> {
        let done: Vec<(Document, Aligned)> = self
            .bilingual
            .par_iter()
            .map(|b| {
                let doc = Document::read(&b.path)?;
                let file = crate::bilingual::parse(&doc)?;
                let aligned = aligner.align_bilingual(&doc, &file);
                progress(doc.raw_len());
                Ok((doc, aligned))
            })
            .collect::<Result<_>>()?;
        let (docs, aligned) = done.into_iter().unzip();
        Ok(BilingualBatch { docs, aligned })
    }

    /// The glossary's first problem as an error (for the commands that write from the
    /// glossary; `glossa check` reports every problem instead).
    pub fn refuse_problems(&self) -> Result<()> {
        Glossary::refuse(&self.problems)
    }

    /// The per-document pipeline for this project: the glossary compiled once, the
    /// abbreviation rules, and language detection when there is a choice (more than one
    /// language, no language named for the sources, text not pre-segmented).
    pub fn aligner(&self) -> Result<Aligner> {
        let o = &self.options;
        // A language glossa has no rules for is segmented with the English ones, which
        // know only the most general abbreviations.
        let rules = match (&o.source_lang, o.rules, self.languages.as_slice()) {
            (Some(code), _, _) => LangChoice::Fixed(code.parse().unwrap_or(Lang::En)),
            (None, LangChoice::Auto, [only]) => LangChoice::Fixed(*only),
            (None, rules, _) => rules,
        };
        let aligner = Aligner::new(&self.glossary, SegmentOptions { lang: rules })?
            .presegmented(o.presegmented)
            .with_dictionaries(Arc::clone(&self.dictionaries));
        if o.presegmented || o.source_lang.is_some() || self.languages.len() < 2 {
            return Ok(aligner);
        }
        aligner.with_detection(&DetectConfig {
            languages: self.languages.clone(),
            accuracy: o.accuracy,
        })
    }

    /// Reads and decodes the sources in `range` and their translations. Decoding warnings
    /// stay on the documents ([`Document::warnings`]).
    pub fn read(&self, range: Range<usize>) -> Result<(Vec<Document>, Vec<Option<Document>>)> {
        let mut docs = Vec::with_capacity(range.len());
        let mut targets = Vec::with_capacity(range.len());
        for source in &self.sources[range] {
            docs.push(Document::read(&source.path)?);
            targets.push(match &source.translation {
                Some(t) => Some(Document::read(&t.path)?),
                None => None,
            });
        }
        Ok((docs, targets))
    }

    /// Reads the sources in `range` and aligns them (with their translations) in
    /// parallel; results in source order, so output never depends on the number of
    /// threads. `progress` is called with each document's size once it is done.
    pub fn align(
        &self,
        aligner: &Aligner,
        range: Range<usize>,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<Batch> {
        let (docs, targets) = self.read(range.clone())?;
        let aligned = docs
            .par_iter()
            .zip(targets.par_iter())
            .zip(self.sources[range.clone()].par_iter())
            .map(|((doc, target), source)| {
                let aligned = match (target, &source.translation) {
                    (Some(tdoc), Some(t)) => aligner.align_translation(
                        doc,
                        &source.name,
                        &Translation {
                            doc: tdoc,
                            name: &t.name,
                            lang: &t.lang,
                        },
                    ),
                    _ => aligner.align(doc, &source.name),
                };
                progress(doc.raw_len());
                aligned
            })
            .collect();
        Ok(Batch {
            range,
            docs,
            targets,
            aligned,
        })
    }

    /// The sources in consecutive batches of at most `size`, each read and aligned when
    /// the iterator reaches it: memory holds one batch, not the corpus. A source that
    /// cannot be read ends the iteration with its error.
    pub fn batches<'p>(
        &'p self,
        aligner: &'p Aligner,
        size: usize,
        progress: &'p (dyn Fn(usize) + Sync),
    ) -> impl Iterator<Item = Result<Batch>> + 'p {
        let n = self.sources.len();
        (0..n)
            .step_by(size.max(1))
            .map(move |s| self.align(aligner, s..(s + size).min(n), progress))
    }
}

/// The path written into alignment file headers: relative to the project, with `/`.
pub fn source_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    rel.to_string_lossy().replace('\\', "/")
}

/// The sources of a run: the files named, or the settings' corpus; each with its
/// translation (`--target`, or a `[[pairs]]` entry for it). And the bilingual files: those
/// named (or listed in the corpus) with a bilingual extension, and, for the whole project,
/// the settings' `bilingual` files.
fn sources(settings: &Settings, options: &Options) -> Result<(Vec<Source>, Vec<BilingualSource>)> {
    let (paths, mut bilingual) = if options.paths.is_empty() {
        (settings.corpus_files()?, settings.bilingual_files()?)
    } else {
        (options.paths.clone(), Vec::new())
    };
    let (bilingual_named, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .into_iter()
        .partition(|p| crate::bilingual::is_bilingual(p));
    bilingual.extend(bilingual_named);
    let root = &settings.root;
    let bilingual = bilingual
        .into_iter()
        .map(|path| BilingualSource {
            name: source_name(root, &path),
            path,
        })
        .collect();
    if options.target.is_some() && paths.len() != 1 {
        return Err(Error::Invalid(
            "--target aligns one source with its translation: give exactly one source file".into(),
        ));
    }
    let translation = |path: &Path, lang: &str| TranslationSource {
        path: path.to_path_buf(),
        name: source_name(root, path),
        lang: lang.to_string(),
    };
    let sources = paths
        .into_iter()
        .map(|path| {
            let translation = match &options.target {
                Some((t, lang)) => Some(translation(t, lang)),
                None => settings
                    .pairs
                    .iter()
                    .find(|p| same_file(&p.source, &path))
                    .map(|p| translation(&p.target, &p.target_lang)),
            };
            Source {
                name: source_name(root, &path),
                path,
                translation,
            }
        })
        .collect();
    Ok((sources, bilingual))
}

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("glossa-project-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    const GLOSSARY: &str = "[concept.kolkhoz]\nenglish = \"kolkhoz\"\ncategory = \"term\"\ncompound = \"modifier\"\nde = [{ form = \"Kolchos\" }]\n";

    #[test]
    fn sources_get_their_translations_and_names() {
        let dir = scratch(
            "pairs",
            &[
                (
                    "glossa.toml",
                    "[[pairs]]\nsource = \"corpus/a.txt\"\ntarget = \"en/a.txt\"\n",
                ),
                ("glossary/g.toml", GLOSSARY),
                ("corpus/a.txt", "Die Kolchosen.\n"),
                ("corpus/b.txt", "Der Kolchos.\n"),
                ("en/a.txt", "The kolkhozes.\n"),
            ],
        );
        let settings = Settings::load(&dir.join("glossa.toml")).unwrap();
        let p = Project::open(settings, Options::default()).unwrap();
        let names: Vec<(&str, Option<&str>)> = p
            .sources
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.translation.as_ref().map(|t| t.name.as_str()),
                )
            })
            .collect();
        assert_eq!(
            names,
            [("corpus/a.txt", Some("en/a.txt")), ("corpus/b.txt", None)]
        );
        assert!(p.whole && p.problems.is_empty());
        assert_eq!(p.glossary.concepts.len(), 1);
        let batch = p.align(&p.aligner().unwrap(), 0..2, &|_| {}).unwrap();
        assert_eq!(batch.aligned.len(), 2);
        assert_eq!(batch.aligned[0].translations.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_one_language_project_is_not_detected() {
        let dir = scratch(
            "one-language",
            &[
                ("glossa.toml", "languages = [\"nl\"]\n"),
                ("glossary/g.toml", GLOSSARY),
                // German words in a Dutch project: the configured language wins.
                (
                    "corpus/a.txt",
                    "Die Kolchosen und die Bauern waren nicht froh.\n",
                ),
            ],
        );
        let settings = Settings::load(&dir.join("glossa.toml")).unwrap();
        let p = Project::open(settings, Options::default()).unwrap();
        let batch = p.align(&p.aligner().unwrap(), 0..1, &|_| {}).unwrap();
        assert_eq!(batch.aligned[0].languages, [("nl".to_string(), 1)]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bilingual_files_are_told_by_extension() {
        let dir = scratch(
            "bilingual",
            &[
                ("glossa.toml", "bilingual = [\"cat\"]\n"),
                ("glossary/g.toml", GLOSSARY),
                ("corpus/a.txt", "Der Kolchos.\n"),
                ("cat/b.TMX", "<tmx version=\"1.4\"/>"),
                ("cat/a.xlf", "<xliff version=\"1.2\"/>"),
                ("cat/notes.txt", "not a bilingual file"),
            ],
        );
        let settings = Settings::load(&dir.join("glossa.toml")).unwrap();
        let names = |p: &Project| -> (Vec<String>, Vec<String>) {
            (
                p.sources.iter().map(|s| s.name.clone()).collect(),
                p.bilingual.iter().map(|b| b.name.clone()).collect(),
            )
        };
        // The whole project: the corpus's texts, the bilingual directory's XLIFF and TMX.
        let whole = Project::open(settings.clone(), Options::default()).unwrap();
        assert_eq!(
            names(&whole),
            (
                vec!["corpus/a.txt".into()],
                vec!["cat/a.xlf".into(), "cat/b.TMX".into()]
            )
        );
        assert!(whole.refuse_bilingual("align").is_ok());
        // Files named: by extension, whatever the settings say.
        let named = Project::open(
            settings,
            Options {
                paths: vec![dir.join("cat/a.xlf"), dir.join("corpus/a.txt")],
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(
            names(&named),
            (vec!["corpus/a.txt".into()], vec!["cat/a.xlf".into()])
        );
        let err = named.refuse_bilingual("align").unwrap_err().to_string();
        assert!(err.contains("cat/a.xlf is a bilingual file"), "{err}");
        let batch = named
            .align_bilingual(&named.aligner().unwrap(), &|_| {})
            .unwrap();
        assert_eq!(batch.docs.len(), 1);
        assert!(batch.aligned[0].occurrences.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_whole_project_needs_settings() {
        let err = Project::open(Settings::defaults(Path::new(".")), Options::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("glossa init"), "{err}");
    }
}
