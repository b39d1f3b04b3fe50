//! A project's directory of alignment files: which file each source document writes, and
//! which committed files differ from what glossa would write now.
//!
//! `glossa align` writes [`Expected::files`]; `glossa align --check` and the
//! `stale-alignments` diagnostic of `glossa check` compare them with the directory through
//! [`Expected::stale`], so both always agree on what "stale" means.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The extension of alignment files.
pub const EXTENSION: &str = "align";

/// The path written into a file's header: relative to the project, with `/`.
pub fn source_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    rel.to_string_lossy().replace('\\', "/")
}

/// The alignment file name of a source: its file name plus `.align` (`stdin.align` for
/// standard input).
pub fn target_name(source: &Path) -> String {
    let name = source
        .file_name()
        .map_or_else(|| "stdin".into(), |n| n.to_string_lossy().into_owned());
    let name = if name == "-" {
        "stdin".to_string()
    } else {
        name
    };
    format!("{name}.{EXTENSION}")
}

/// What the alignment directory should hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expected {
    /// Alignment file path -> its text as glossa writes it now.
    pub files: BTreeMap<PathBuf, String>,
    /// Alignment files in the directory that no source produces any more (only known
    /// when the whole project is aligned).
    pub orphans: Vec<PathBuf>,
}

/// How a committed alignment file differs from what glossa would write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Staleness {
    /// The file does not exist.
    Missing,
    /// The file differs; `line` is the first line (1-based) that does.
    Changed { line: usize },
    /// No source writes this file any more.
    Orphan,
}

/// One stale alignment file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub path: PathBuf,
    pub how: Staleness,
}

impl Expected {
    /// The files for `rendered` (source path, alignment file text) in `output`. With
    /// `whole_project`, other `.align` files in `output` are orphans.
    pub fn new(
        output: &Path,
        rendered: impl IntoIterator<Item = (PathBuf, String)>,
        whole_project: bool,
    ) -> Result<Expected> {
        let mut files = BTreeMap::new();
        let mut from: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
        for (source, text) in rendered {
            let target = output.join(target_name(&source));
            if let Some(other) = from.insert(target.clone(), source.clone()) {
                return Err(Error::Invalid(format!(
                    "{} and {} would both write {}; rename one of them",
                    other.display(),
                    source.display(),
                    target.display()
                )));
            }
            files.insert(target, text);
        }
        let orphans = if whole_project {
            orphans(output, &files)
        } else {
            Vec::new()
        };
        Ok(Expected { files, orphans })
    }

    /// The files that differ from what is on disk, in path order, orphans last. With
    /// `missing_too` false, a file that does not exist is not stale (checking a file
    /// outside the project, which has no committed alignment).
    pub fn stale(&self, missing_too: bool) -> Vec<Stale> {
        let mut out = Vec::new();
        for (path, want) in &self.files {
            let how = match std::fs::read_to_string(path) {
                Err(_) if missing_too => Staleness::Missing,
                Err(_) => continue,
                Ok(have) if &have == want => continue,
                Ok(have) => Staleness::Changed {
                    line: first_difference(&have, want),
                },
            };
            out.push(Stale {
                path: path.clone(),
                how,
            });
        }
        out.extend(self.orphans.iter().map(|p| Stale {
            path: p.clone(),
            how: Staleness::Orphan,
        }));
        out
    }
}

/// The first 1-based line at which two texts differ.
fn first_difference(a: &str, b: &str) -> usize {
    let mut line = 1;
    let mut la = a.split_inclusive('\n');
    let mut lb = b.split_inclusive('\n');
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            _ => return line,
        }
    }
}

/// Alignment files in the output directory that no source produces any more.
fn orphans(dir: &Path, expected: &BTreeMap<PathBuf, String>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION) && !expected.contains_key(p))
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(target_name(Path::new("corpus/de.txt")), "de.txt.align");
        assert_eq!(target_name(Path::new("-")), "stdin.align");
        assert_eq!(
            source_name(Path::new("/p"), Path::new("/p/corpus/de.txt")),
            "corpus/de.txt"
        );
    }

    #[test]
    fn first_difference_counts_lines() {
        assert_eq!(first_difference("a\nb\nc\n", "a\nb\nc\n"), 4);
        assert_eq!(first_difference("a\nb\n", "a\nx\n"), 2);
        assert_eq!(first_difference("a\n", "a\nb\n"), 2);
    }

    #[test]
    fn stale_files_missing_changed_and_orphaned() {
        let dir = std::env::temp_dir().join(format!("glossa-stale-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt.align"), "x\ny\n").unwrap();
        std::fs::write(dir.join("old.txt.align"), "x\n").unwrap();
        let e = Expected::new(
            &dir,
            [
                (PathBuf::from("c/a.txt"), "x\nz\n".to_string()),
                (PathBuf::from("c/b.txt"), "x\n".to_string()),
            ],
            true,
        )
        .unwrap();
        let stale: Vec<Staleness> = e.stale(true).into_iter().map(|s| s.how).collect();
        assert_eq!(
            stale,
            [
                Staleness::Changed { line: 2 },
                Staleness::Missing,
                Staleness::Orphan
            ]
        );
        assert_eq!(e.stale(false).len(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
