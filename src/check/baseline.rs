//! A [`Baseline`] records accepted findings by code, file, concept and surface (never by
//! line), with how many of each, so that editing other parts of a text does not bring them
//! back and a new repeat of an accepted finding is still reported.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Finding;
use crate::error::{Error, Result};

/// The version [`Baseline::to_json`] writes. Version 1 had no counts: its entries accept
/// any number of findings, as they did.
const VERSION: u32 = 2;

/// A finding as recorded in a baseline: the key findings are counted by.
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
/// about new ones. Stored as JSON, sorted, one entry per distinct key with its count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    /// Key -> how many findings with it are accepted (`usize::MAX`: any number, from a
    /// version 1 file).
    entries: BTreeMap<BaselineEntry, usize>,
}

/// An entry as stored: the key and its count.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    code: String,
    file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    concept: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    surface: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<usize>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    glossa_baseline: u32,
    findings: Vec<Stored>,
}

/// Findings after a baseline: those it does not accept, and how many it accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filtered {
    pub findings: Vec<Finding>,
    pub accepted: usize,
}

impl Baseline {
    /// The baseline that accepts these findings (each key as many times as it occurs).
    pub fn of(findings: &[Finding]) -> Baseline {
        let mut entries = BTreeMap::new();
        for f in findings {
            *entries.entry(f.key()).or_insert(0) += 1;
        }
        Baseline { entries }
    }

    /// Whether the baseline has an entry for a finding's key (however many it accepts).
    pub fn contains(&self, finding: &Finding) -> bool {
        self.entries.contains_key(&finding.key())
    }

    /// Applies the baseline to findings in their sorted order: of each key, as many as the
    /// baseline counts are accepted and the rest (the excess, later in the file) reported,
    /// with a note saying so.
    pub fn filter(&self, findings: Vec<Finding>) -> Filtered {
        let mut seen: BTreeMap<BaselineEntry, usize> = BTreeMap::new();
        let mut out = Filtered::default();
        for mut f in findings {
            let key = f.key();
            let accepted = self.entries.get(&key).copied().unwrap_or(0);
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            if *n <= accepted {
                out.accepted += 1;
                continue;
            }
            if accepted > 0 {
                let note = format!(
                    "the baseline accepts {accepted} finding(s) like this in {}; this one is more",
                    f.file
                );
                f.help = Some(match f.help.take() {
                    Some(h) => format!("{h}; {note}"),
                    None => note,
                });
            }
            out.findings.push(f);
        }
        out
    }

    /// The number of distinct keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Parses a baseline file (version 1 or 2); `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<Baseline> {
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| Error::Syntax {
            path: name.to_string(),
            line: e.line(),
            column: e.column(),
            message: format!("not a glossa baseline: {e}"),
        })?;
        let unlimited = match file.glossa_baseline {
            1 => true,
            VERSION => false,
            v => {
                return Err(Error::Invalid(format!(
                    "{name}: baseline version {v} is not supported (expected 1 or {VERSION})"
                )));
            }
        };
        let mut entries = BTreeMap::new();
        for e in file.findings {
            let count = match (unlimited, e.count) {
                (true, _) => usize::MAX,
                (false, Some(0)) => {
                    return Err(Error::Invalid(format!(
                        "{name}: a count of 0 accepts nothing; remove the entry instead"
                    )));
                }
                (false, c) => c.unwrap_or(1),
            };
            let key = BaselineEntry {
                code: e.code,
                file: e.file,
                concept: e.concept,
                surface: e.surface,
            };
            let n = entries.entry(key).or_insert(0usize);
            *n = n.saturating_add(count);
        }
        Ok(Baseline { entries })
    }

    /// The baseline as JSON text (version 2), ending in a newline.
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            glossa_baseline: VERSION,
            findings: self
                .entries
                .iter()
                .map(|(k, n)| Stored {
                    code: k.code.clone(),
                    file: k.file.clone(),
                    concept: k.concept.clone(),
                    surface: k.surface.clone(),
                    count: (*n != usize::MAX).then_some(*n),
                })
                .collect(),
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }
}
