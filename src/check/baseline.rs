//! A [`Baseline`] records accepted findings by code, file, concept and surface (never by
//! line), so that editing other parts of a text does not bring them back.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Finding;
use crate::error::{Error, Result};

/// A finding as recorded in a baseline.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub code: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surface: Option<String>,
}

/// Accepted findings: a project adopting glossa records today's findings and is told only
/// about new ones. Stored as JSON, sorted, one entry per distinct key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: BTreeSet<BaselineEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    glossa_baseline: u32,
    findings: Vec<BaselineEntry>,
}

impl Baseline {
    /// The baseline that accepts these findings.
    pub fn of(findings: &[Finding]) -> Baseline {
        Baseline {
            entries: findings.iter().map(Finding::key).collect(),
        }
    }

    /// Whether a finding is accepted.
    pub fn contains(&self, finding: &Finding) -> bool {
        self.entries.contains(&finding.key())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Parses a baseline file; `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<Baseline> {
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| Error::Syntax {
            path: name.to_string(),
            line: e.line(),
            column: e.column(),
            message: format!("not a glossa baseline: {e}"),
        })?;
        if file.glossa_baseline != 1 {
            return Err(Error::Invalid(format!(
                "{name}: baseline version {} is not supported (expected 1)",
                file.glossa_baseline
            )));
        }
        Ok(Baseline {
            entries: file.findings.into_iter().collect(),
        })
    }

    /// The baseline as JSON text, ending in a newline.
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            glossa_baseline: 1,
            findings: self.entries.iter().cloned().collect(),
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }
}
