//! `glossa init`: a new project's files. The settings file lists every key with its
//! default and what it does (the `[check]` table from the table of lints, so a new lint
//! appears here by itself); the glossary holds one example concept in canonical form, so
//! that `glossa glossary fmt --check` passes on a new project.

use std::path::{Path, PathBuf};

use super::settings::FILE_NAME;
use crate::error::{Error, Result};
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::lints::LINTS;

/// The files of a new project, relative to its directory, with their text.
pub fn files(languages: &[Lang]) -> Result<Vec<(PathBuf, String)>> {
    Ok(vec![
        (PathBuf::from(FILE_NAME), settings(languages)),
        (PathBuf::from("glossary/terms.toml"), glossary(languages)?),
        (
            PathBuf::from(".gitattributes"),
            "# Show alignment changes by term in `git diff`; also run once:\n\
             #   git config diff.glossa.textconv 'glossa diff --textconv'\n\
             alignments/*.align diff=glossa\n"
                .to_string(),
        ),
        (
            PathBuf::from(".gitignore"),
            "# Written by `glossa report`.\nreport.html\n".to_string(),
        ),
    ])
}

/// Writes a new project into `dir` (made if missing): the [`files`] and an empty
/// `corpus/`. Writes nothing if any of the files exists. Returns the paths written.
pub fn init(dir: &Path, languages: &[Lang]) -> Result<Vec<PathBuf>> {
    let files = files(languages)?;
    let existing: Vec<String> = files
        .iter()
        .map(|(p, _)| dir.join(p))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Invalid(format!(
            "{} already exist{}; glossa init writes nothing over existing files",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" }
        )));
    }
    let mut written = Vec::new();
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).map_err(write_err(&corpus))?;
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_err(parent))?;
        }
        // `create_new`: a file that appeared since the check above is not overwritten.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
            .map_err(write_err(&path))?;
        written.push(path);
    }
    written.push(corpus);
    Ok(written)
}

/// `glossa.toml`, every key with its default and one line on what it does.
fn settings(languages: &[Lang]) -> String {
    let langs: Vec<String> = languages.iter().map(|l| format!("\"{l}\"")).collect();
    let width = LINTS.iter().map(|l| l.name.len()).max().unwrap_or(0) + 2;
    let check: String = LINTS
        .iter()
        .map(|l| {
            let value = format!("\"{}\"", l.default);
            format!(
                "{:width$} = {value:8} # {}\n",
                l.name,
                l.summary,
                width = width - 2
            )
        })
        .collect();
    format!(
        r#"# glossa project settings. Every key is optional: the values below are the defaults.
# Paths are relative to this file. `glossa <command> --help` says more about each command.

# The source texts: files, or directories whose *.txt files are read (sorted by name).
corpus = ["corpus"]

# The glossaries, merged in order: files, or directories whose *.toml files are read.
glossaries = ["glossary"]

# The languages of the texts (ISO 639-1: de, nl, en). With more than one, the language of
# every paragraph and sentence is detected; with one, detection is skipped.
languages = [{langs}]

# Where `glossa align` writes the alignment files. Commit them: `glossa align --check`
# (in CI) fails when they are stale, and `glossa diff` shows what a change did.
output = "alignments"

# Words `glossa suggest` must never propose again (nor their transliteration variants).
ignore = []

# The bilingual dictionary that helps align sentences with their translation: "auto"
# (Debian's FreeDict dictionary of each pair's languages when installed, e.g.
# `apt install dict-freedict-deu-eng`), "none", or a file (a dictd .index, or lines
# `source<TAB>target`). The alignment files name the dictionary used.
dictionary = "auto"

# Translations from CAT tools, already aligned segment by segment: XLIFF 1.2 and 2.x
# (OmegaT, memoQ, Trados Studio, Okapi) and TMX files, or directories whose *.xlf,
# *.xliff, *.sdlxliff, *.mqxliff and *.tmx files are read. `glossa check` and `glossa
# report` judge every term of every segment pair, at the file's own line and column.
bilingual = []

# Sources with a translation, aligned sentence by sentence: one table per pair.
# [[pairs]]
# source = "corpus/text.txt"
# target = "corpus/en/text.txt"
# target_lang = "en"    # the translation's language

# The level of each diagnostic of `glossa check`: "deny" (reported, exit 1), "warn"
# (reported) or "allow" (not reported). The command line's --deny/--warn/--allow win.
[check]
{check}"#,
        langs = langs.join(", ")
    )
}

/// `glossary/terms.toml`: the explanation in its header comment (which `glossa glossary
/// fmt` keeps), one example concept in canonical form.
fn glossary(languages: &[Lang]) -> Result<String> {
    let mut forms = String::new();
    for lang in languages {
        let form = match lang {
            Lang::De => "Kolchos",
            Lang::Nl => "kolchoz",
            Lang::En => "kolkhoz",
        };
        forms.push_str(&format!("{lang} = [{{ form = \"{form}\" }}]\n"));
    }
    let header = r#"# The project's glossary: one table per concept, keyed by a stable id (lowercase ASCII
# letters, digits and `-`; alignment files record it, so rename it only on purpose).
# Per concept: `english` (the agreed rendering), `alternatives` and `forbidden` English
# renderings, `category` (term, person, place or organisation), `definition`, `note`,
# `compound` (whether its forms stand inside compounds: none, modifier, head, both),
# `inflect` (stem, none, russian-plural), and per language (de, nl, en) its forms, each
# `{ form = "…" }` with an optional `status` (preferred, admitted, deprecated),
# `english` (a derived word's own rendering) and `endings`.
# `glossa glossary lint` checks this file; `glossa glossary fmt` keeps it in canonical
# order and keeps this header; use `note` for remarks on a concept.
#
# The concept below is an example: replace it with your own.
"#;
    let text = format!(
        "{header}
[concept.kolkhoz]
english = \"kolkhoz\"
alternatives = [\"collective farm\"]
forbidden = [\"kolchos\"]
category = \"term\"
definition = \"a Soviet collective farm\"
compound = \"modifier\"
{forms}"
    );
    // Written in canonical form, so that `glossa glossary fmt --check` passes.
    Ok(Glossary::parse("glossary/terms.toml", &text)?.to_toml())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Settings;

    #[test]
    fn the_files_parse_and_the_glossary_is_canonical() {
        let files = files(&[Lang::Nl, Lang::En]).unwrap();
        let settings = &files[0].1;
        let s = Settings::parse("glossa.toml", settings, Path::new(".")).unwrap();
        assert_eq!(s.languages, [Lang::Nl, Lang::En]);
        for lint in &LINTS {
            assert_eq!(s.check.get(lint.code), lint.default, "{}", lint.name);
            assert_eq!(
                settings.matches(&format!("\n{} ", lint.name)).count(),
                1,
                "{}",
                lint.name
            );
        }
        let glossary = &files[1].1;
        let g = Glossary::parse("terms.toml", glossary).unwrap();
        assert!(g.problems().is_empty());
        assert_eq!(g.to_toml(), *glossary);
        let langs: Vec<Lang> = g.concepts[0].forms.iter().map(|f| f.lang).collect();
        assert_eq!(langs, [Lang::Nl, Lang::En]);
    }

    #[test]
    fn nothing_is_overwritten() {
        let dir = std::env::temp_dir().join(format!("glossa-init-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(".gitignore"), "mine\n").unwrap();
        let err = init(&dir, &[Lang::De]).unwrap_err().to_string();
        assert!(err.contains(".gitignore"), "{err}");
        assert!(!dir.join(FILE_NAME).exists(), "nothing written");
        assert_eq!(
            std::fs::read_to_string(dir.join(".gitignore")).unwrap(),
            "mine\n"
        );
        std::fs::remove_file(dir.join(".gitignore")).unwrap();
        let written = init(&dir, &[Lang::De]).unwrap();
        assert_eq!(written.len(), 5);
        assert!(dir.join("corpus").is_dir());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
