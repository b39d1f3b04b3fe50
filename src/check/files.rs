//! `stale-alignments` and `glossary`: findings about the project's files rather than its
//! texts.

use super::{Code, Finding};
use crate::alignments::{Stale, Staleness};
use crate::glossary::Problem;

/// `stale-alignments`: one finding per stale alignment file, at its first changed line.
pub fn stale_alignments(stale: &[Stale]) -> Vec<Finding> {
    stale
        .iter()
        .map(|s| {
            let file = s.path.display().to_string();
            let (line, message, help) = match s.how {
                Staleness::Missing => (
                    1,
                    "alignment file is missing".to_string(),
                    "run `glossa align` to write it",
                ),
                Staleness::Changed { line } => (
                    line,
                    format!("alignment file is stale: glossa would write it differently from line {line} on"),
                    "run `glossa align` to update it, and review the change with `glossa diff`",
                ),
                Staleness::Orphan => (
                    1,
                    "alignment file of a source that is no longer in the corpus".to_string(),
                    "run `glossa align` to remove it",
                ),
            };
            Finding::new(Code::StaleAlignments, &file, line, 1, message).help(help.to_string())
        })
        .collect()
}

/// `glossary`: the problems `glossa glossary lint` reports.
pub fn glossary_problems(problems: &[Problem]) -> Vec<Finding> {
    problems
        .iter()
        .map(|p| Finding::new(Code::Glossary, &p.path, p.line, p.column, p.message.clone()))
        .collect()
}
