//! What `suggest` and `concordance` work on: the files named, or the corpus in
//! glossa.toml; the glossaries named, or those of glossa.toml.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use glossa::config::Config;
use glossa::glossary::Glossary;
use glossa::source::Document;

use super::output::read_all;

/// The documents, the merged glossary and the project settings of a run.
pub struct Project {
    pub docs: Vec<Document>,
    pub glossary: Glossary,
    pub config: Config,
}

pub fn load(paths: &[PathBuf], glossaries: &[PathBuf], config: &Path) -> anyhow::Result<Project> {
    let loaded = if config.exists() {
        Some(Config::load(config)?)
    } else if paths.is_empty() {
        bail!(
            "no {} here: run glossa in a project directory, or name the files",
            config.display()
        );
    } else {
        None
    };
    let config = loaded.unwrap_or_else(|| Config::defaults(Path::new(".")));
    let sources = if paths.is_empty() {
        let files = config.corpus_files()?;
        if files.is_empty() {
            bail!("the corpus in glossa.toml names no .txt files");
        }
        files
    } else {
        paths.to_vec()
    };
    let glossary_files = if glossaries.is_empty() {
        config.glossaries.clone()
    } else {
        glossaries.to_vec()
    };
    let glossary = Glossary::load_all(&glossary_files).with_context(|| {
        let names: Vec<String> = glossary_files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        format!("cannot load the glossary ({})", names.join(", "))
    })?;
    Ok(Project {
        docs: read_all(&sources)?,
        glossary,
        config,
    })
}
