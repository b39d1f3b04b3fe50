//! A project's directory of alignment files: which file each source document writes,
//! which committed files differ from what glossa would write now, and which no source
//! writes any more.
//!
//! [`Comparison`] is the one comparison: `glossa align` writes the files it finds stale,
//! `glossa align --check` prints their diffs, and the `stale-alignments` diagnostic of
//! `glossa check` reports them, so all three always agree on what "stale" means.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::alignment_file::{AlignmentFile, MAGIC};
use crate::error::{Error, Result};

/// The extension of alignment files.
pub const EXTENSION: &str = "align";

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

/// How a file in the alignment directory differs from what glossa would write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Staleness {
    /// The file does not exist.
    Missing,
    /// The file differs; `line` is the first line (1-based) that does.
    Changed { line: usize },
    /// No source writes this file any more.
    Orphan,
}

/// One stale alignment file, with both versions for showing the difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub path: PathBuf,
    pub how: Staleness,
    /// What the directory holds (`None`: missing).
    pub have: Option<String>,
    /// What glossa would write (`None`: an orphan, to be removed).
    pub want: Option<String>,
}

/// The files of one run compared with the alignment directory, batch by batch.
#[derive(Debug)]
pub struct Comparison {
    dir: PathBuf,
    missing_is_stale: bool,
    /// Alignment file -> the source that writes it.
    written: BTreeMap<PathBuf, PathBuf>,
}

impl Comparison {
    /// A comparison with the directory `dir`. With `missing_is_stale` false, a file that
    /// does not exist is not stale (checking a file outside the project, which has no
    /// committed alignment).
    pub fn new(dir: &Path, missing_is_stale: bool) -> Comparison {
        Comparison {
            dir: dir.to_path_buf(),
            missing_is_stale,
            written: BTreeMap::new(),
        }
    }

    /// The path of a source's alignment file.
    pub fn path_of(&self, source: &Path) -> PathBuf {
        self.dir.join(target_name(source))
    }

    /// Of `files` (source path, alignment file text), those that differ from the
    /// directory, in path order. Two sources that would write one file are an error.
    pub fn batch<'a>(
        &mut self,
        files: impl IntoIterator<Item = (&'a Path, String)>,
    ) -> Result<Vec<Stale>> {
        let mut batch = BTreeMap::new();
        for (source, text) in files {
            let target = self.path_of(source);
            if let Some(other) = self.written.insert(target.clone(), source.to_path_buf()) {
                return Err(Error::Invalid(format!(
                    "{} and {} would both write {}; rename one of them",
                    other.display(),
                    source.display(),
                    target.display()
                )));
            }
            batch.insert(target, text);
        }
        let mut out = Vec::new();
        for (path, want) in batch {
            let have = std::fs::read_to_string(&path).ok();
            let how = match &have {
                None if self.missing_is_stale => Staleness::Missing,
                None => continue,
                Some(have) if *have == want => continue,
                Some(have) => Staleness::Changed {
                    line: first_difference(have, &want),
                },
            };
            out.push(Stale {
                path,
                how,
                have,
                want: Some(want),
            });
        }
        Ok(out)
    }

    /// Alignment files in the directory that no source of the run writes, in path order
    /// (only meaningful once every source of the whole project has been compared). Only
    /// files glossa wrote count: an `*.align` file that does not start with the alignment
    /// header is someone else's and left alone, and a file that another run removed in the
    /// meantime is no orphan.
    pub fn orphans(&self) -> Vec<Stale> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == EXTENSION) && !self.written.contains_key(p)
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .filter_map(|path| {
                let have = std::fs::read(&path).ok()?;
                if !have.starts_with(MAGIC.as_bytes()) {
                    return None;
                }
                Some(Stale {
                    have: Some(String::from_utf8_lossy(&have).into_owned()),
                    path,
                    how: Staleness::Orphan,
                    want: None,
                })
            })
            .collect()
    }
}

impl Stale {
    /// Brings the directory up to date for this file: writes it (atomically) or removes
    /// an orphan. What is written is parsed first, so a bug can never leave a file glossa
    /// cannot read back.
    pub fn apply(&self) -> Result<()> {
        match &self.want {
            Some(text) => {
                AlignmentFile::validate(&self.path.display().to_string(), text)?;
                crate::alignment_file::write_atomic(&self.path, text)
            }
            // Another run may have removed it already: that is what was wanted.
            None => match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                r => r.map_err(|source| Error::Write {
                    path: self.path.clone(),
                    source,
                }),
            },
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(target_name(Path::new("corpus/de.txt")), "de.txt.align");
        assert_eq!(target_name(Path::new("-")), "stdin.align");
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
        std::fs::write(dir.join("old.txt.align"), "# glossa alignment 2\nx\n").unwrap();
        // Someone else's file with the same extension: never glossa's to remove.
        std::fs::write(dir.join("notes.align"), "my own notes\n").unwrap();
        let files = || {
            [
                (Path::new("c/a.txt"), "x\nz\n".to_string()),
                (Path::new("c/b.txt"), "x\n".to_string()),
            ]
        };
        let mut c = Comparison::new(&dir, true);
        let mut stale = c.batch(files()).unwrap();
        stale.extend(c.orphans());
        let how: Vec<Staleness> = stale.iter().map(|s| s.how.clone()).collect();
        assert_eq!(
            how,
            [
                Staleness::Changed { line: 2 },
                Staleness::Missing,
                Staleness::Orphan
            ]
        );
        assert_eq!(stale[0].have.as_deref(), Some("x\ny\n"));
        assert_eq!(stale[2].want, None);
        assert_eq!(stale[2].path, dir.join("old.txt.align"));
        // Removing an orphan that another run removed already is not an error.
        stale[2].apply().unwrap();
        stale[2].apply().unwrap();
        assert!(dir.join("notes.align").exists());
        // A file outside the project: missing is not stale.
        assert_eq!(
            Comparison::new(&dir, false).batch(files()).unwrap().len(),
            1
        );
        // Two sources, one file.
        let err = Comparison::new(&dir, true)
            .batch([
                (Path::new("c/a.txt"), String::new()),
                (Path::new("d/a.txt"), String::new()),
            ])
            .unwrap_err()
            .to_string();
        assert!(err.contains("would both write"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
