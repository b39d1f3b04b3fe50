//! What a command works on, resolved once for all of them: the files named or the corpus
//! of glossa.toml, each source's translation (`[[pairs]]` or `--target`), the glossaries
//! named or those of glossa.toml, and the alignment directory. Also the one place that
//! aligns a set of documents, so that `align`, `check` and `report` always agree (a source
//! with a translation is aligned with it everywhere).

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use glossa::alignments::source_name;
use glossa::config::Config;
use glossa::glossary::Glossary;
use glossa::pipeline::{Aligned, Aligner, Translation};
use glossa::source::Document;
use rayon::prelude::*;

use super::output::{Progress, progress, read_all};

/// The inputs of a run.
pub struct Job {
    pub config: Config,
    pub sources: Vec<PathBuf>,
    /// Per source, its translation and the translation's language.
    pub translations: Vec<Option<(PathBuf, String)>>,
    pub glossaries: Vec<PathBuf>,
    /// Whether the whole corpus of glossa.toml is worked on (no paths given).
    pub whole_project: bool,
}

/// Resolves `paths` (empty: the corpus of `config_path`), `glossaries` (empty: those of
/// the settings) and `target` (a translation of the single source given).
pub fn resolve(
    paths: &[PathBuf],
    glossaries: &[PathBuf],
    config_path: &Path,
    target: Option<(PathBuf, String)>,
) -> anyhow::Result<Job> {
    let config = if config_path.exists() {
        Config::load(config_path)?
    } else if paths.is_empty() {
        bail!(
            "no {} here: run glossa in a project directory, or name the files",
            config_path.display()
        );
    } else {
        Config::defaults(Path::new("."))
    };
    let whole_project = paths.is_empty();
    let (sources, translations): (Vec<PathBuf>, Vec<Option<(PathBuf, String)>>) = if whole_project {
        let sources = config.sources()?;
        if sources.is_empty() {
            bail!(
                "the corpus in {} names no .txt files",
                config_path.display()
            );
        }
        sources
            .into_iter()
            .map(|(s, pair)| (s, pair.map(|p| (p.target, p.target_lang))))
            .unzip()
    } else {
        let same = |a: &Path, b: &Path| {
            a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
        };
        paths
            .iter()
            .map(|s| {
                let pair = config.pairs.iter().find(|p| same(&p.source, s));
                (
                    s.clone(),
                    pair.map(|p| (p.target.clone(), p.target_lang.clone())),
                )
            })
            .unzip()
    };
    let translations = match target {
        Some(t) => {
            if sources.len() != 1 {
                bail!(
                    "--target aligns one source with its translation: give exactly one source file"
                );
            }
            vec![Some(t)]
        }
        None => translations,
    };
    let glossaries = if glossaries.is_empty() {
        config.glossaries.clone()
    } else {
        glossaries.to_vec()
    };
    Ok(Job {
        config,
        sources,
        translations,
        glossaries,
        whole_project,
    })
}

impl Job {
    /// The merged glossary.
    pub fn glossary(&self) -> anyhow::Result<Glossary> {
        Glossary::load_all(&self.glossaries).with_context(|| {
            let names: Vec<String> = self
                .glossaries
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            format!("cannot load the glossary ({})", names.join(", "))
        })
    }

    /// Reads and decodes the sources in `range` and their translations.
    pub fn read(
        &self,
        range: Range<usize>,
    ) -> anyhow::Result<(Vec<Document>, Vec<Option<Document>>)> {
        let docs = read_all(&self.sources[range.clone()])?;
        let mut targets = Vec::with_capacity(range.len());
        for t in &self.translations[range] {
            targets.push(match t {
                Some((path, _)) => read_all(std::slice::from_ref(path))?.pop(),
                None => None,
            });
        }
        Ok((docs, targets))
    }

    /// Aligns the documents of `range` (with their translations, if any) in parallel;
    /// results in input order, so output never depends on the number of threads.
    pub fn align(
        &self,
        aligner: &Aligner,
        range: Range<usize>,
        docs: &[Document],
        targets: &[Option<Document>],
        bar: &Progress,
    ) -> Vec<Aligned> {
        let root = &self.config.root;
        docs.par_iter()
            .zip(self.sources[range.clone()].par_iter())
            .zip(targets.par_iter().zip(self.translations[range].par_iter()))
            .map(|((doc, path), (tdoc, tr))| {
                let name = source_name(root, path);
                let aligned = match (tdoc, tr) {
                    (Some(tdoc), Some((tpath, lang))) => {
                        let tname = source_name(root, tpath);
                        aligner.align_translation(
                            doc,
                            &name,
                            &Translation {
                                doc: tdoc,
                                name: &tname,
                                lang,
                            },
                        )
                    }
                    _ => aligner.align(doc, &name),
                };
                bar.advance(doc.raw_len());
                aligned
            })
            .collect()
    }

    /// Reads and aligns everything (for commands that need the whole corpus at once).
    pub fn align_all(
        &self,
        aligner: &Aligner,
        quiet: bool,
    ) -> anyhow::Result<(Vec<Document>, Vec<Aligned>)> {
        let (docs, targets) = self.read(0..self.sources.len())?;
        let bar = progress(&self.sources, quiet);
        let aligned = self.align(aligner, 0..docs.len(), &docs, &targets, &bar);
        bar.finish();
        Ok((docs, aligned))
    }
}

/// The documents, the merged glossary and the project settings of a run (for `suggest`
/// and `concordance`, which need no translations).
pub struct Project {
    pub docs: Vec<Document>,
    pub glossary: Glossary,
    pub config: Config,
}

/// As [`load`], with the translations of the sources (`[[pairs]]`) read as well.
pub fn load_with_translations(
    paths: &[PathBuf],
    glossaries: &[PathBuf],
    config: &Path,
) -> anyhow::Result<(Project, Vec<Document>)> {
    let job = resolve(paths, glossaries, config, None)?;
    let targets: Vec<PathBuf> = job
        .translations
        .iter()
        .flatten()
        .map(|(path, _)| path.clone())
        .collect();
    Ok((
        Project {
            glossary: job.glossary()?,
            docs: read_all(&job.sources)?,
            config: job.config,
        },
        read_all(&targets)?,
    ))
}

pub fn load(paths: &[PathBuf], glossaries: &[PathBuf], config: &Path) -> anyhow::Result<Project> {
    let job = resolve(paths, glossaries, config, None)?;
    Ok(Project {
        glossary: job.glossary()?,
        docs: read_all(&job.sources)?,
        config: job.config,
    })
}
