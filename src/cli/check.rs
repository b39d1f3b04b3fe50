//! `glossa check`: run the library's diagnostics over a project or some files, apply the
//! levels and the baseline, and render the findings as a compiler would (`human`), as
//! JSON, as SARIF 2.1.0 or as GitHub workflow annotations.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Origin, Renderer, Snippet};
use anyhow::Context;
use glossa::check::{self, Baseline, Code, Finding, Level, Levels};
use glossa::project::Project;
use glossa::source::Document;

use super::args::CheckFormat;
use super::exit::Outcome;
use super::output::{Progress, stdout, warn_decoding};

/// The settings of `check`.
#[derive(Debug)]
pub struct CheckSettings {
    pub project: Project,
    /// The settings' levels with the command line's applied.
    pub levels: Levels,
    pub format: CheckFormat,
    pub baseline: Option<Baseline>,
    pub write_baseline: Option<PathBuf>,
    pub colour: bool,
}

pub fn run(settings: CheckSettings) -> anyhow::Result<Outcome> {
    let project = &settings.project;
    let bar = Progress::over(project, true);
    let checked = check::run(project, &settings.levels, &|bytes| bar.advance(bytes))?;
    bar.finish();
    // The texts and the bilingual files, whose lines the findings show.
    let docs: Vec<&Document> = checked
        .batch
        .docs
        .iter()
        .chain(&checked.bilingual.docs)
        .collect();
    warn_decoding(
        docs.iter()
            .copied()
            .chain(checked.batch.targets.iter().flatten()),
    );
    let mut findings = checked.findings;

    if let Some(path) = &settings.write_baseline {
        let b = Baseline::of(&findings);
        std::fs::write(path, b.to_json())
            .with_context(|| format!("cannot write the baseline {}", path.display()))?;
        eprintln!(
            "glossa: {} finding(s) recorded as {} baseline entr{} in {}",
            findings.len(),
            b.len(),
            if b.len() == 1 { "y" } else { "ies" },
            path.display()
        );
        return Ok(Outcome::Clean);
    }
    let mut baselined = 0;
    if let Some(b) = &settings.baseline {
        let filtered = b.filter(findings);
        findings = filtered.findings;
        baselined = filtered.accepted;
    }

    let sources: HashMap<String, &Document> = docs
        .iter()
        .copied()
        .map(|d| {
            (
                d.name().strip_prefix("./").unwrap_or(d.name()).to_string(),
                d,
            )
        })
        .collect();
    let mut out = stdout();
    match settings.format {
        CheckFormat::Human => human(&mut out, &findings, &sources, settings.colour)?,
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &findings)?;
            writeln!(out)?;
        }
        CheckFormat::Sarif => {
            serde_json::to_writer_pretty(&mut out, &sarif(&findings, &settings.levels))?;
            writeln!(out)?;
        }
        CheckFormat::Github => github(&mut out, &findings)?,
    }
    out.flush()?;

    let denied = findings.iter().filter(|f| f.level == Level::Deny).count();
    let warned = findings.len() - denied;
    let mut summary = format!(
        "glossa: {} document(s) checked: {denied} error(s), {warned} warning(s)",
        docs.len()
    );
    if baselined > 0 {
        summary.push_str(&format!(", {baselined} accepted by the baseline"));
    }
    eprintln!("{summary}");
    Ok(if denied > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

// ---------------------------------------------------------------------------------------
// human

/// The text of a finding's line: from the checked document, or read from the file (a
/// glossary). `None` for files without useful lines (alignment files).
fn source_line(
    f: &Finding,
    sources: &HashMap<String, &Document>,
    files: &mut HashMap<String, Option<String>>,
) -> Option<String> {
    if f.code == Code::StaleAlignments {
        return None;
    }
    if let Some(doc) = sources.get(&f.file) {
        return Some(doc.line_text(f.line).to_string());
    }
    let text = files
        .entry(f.file.clone())
        .or_insert_with(|| std::fs::read_to_string(&f.file).ok());
    text.as_deref()?
        .lines()
        .nth(f.line.checked_sub(1)?)
        .map(str::to_string)
}

/// rustc-style findings: `warning[code]: message`, `--> file:line:col`, the line with the
/// term underlined, and the help.
fn human(
    out: &mut impl Write,
    findings: &[Finding],
    sources: &HashMap<String, &Document>,
    color: bool,
) -> anyhow::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut files = HashMap::new();
    for f in findings {
        let level = match f.level {
            Level::Deny => SnippetLevel::ERROR,
            _ => SnippetLevel::WARNING,
        };
        let title = level.primary_title(f.message.as_str()).id(f.code.as_str());
        let mut group = match source_line(f, sources, &mut files) {
            Some(line) => {
                let start = line
                    .char_indices()
                    .nth(f.column.saturating_sub(1))
                    .map_or(line.len(), |(i, _)| i);
                let end = line[start..]
                    .char_indices()
                    .nth(f.width.max(1))
                    .map_or(line.len(), |(i, _)| start + i);
                title.element(
                    Snippet::source(line)
                        .line_start(f.line)
                        .path(f.file.as_str())
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )
            }
            None => title.element(
                Origin::path(f.file.as_str())
                    .line(f.line)
                    .char_column(f.column),
            ),
        };
        if let Some(help) = &f.help {
            group = group.element(SnippetLevel::HELP.message(help.as_str()));
        }
        let report: &[Group] = &[group];
        writeln!(out, "{}\n", renderer.render(report))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// SARIF

/// A fingerprint per finding, unique and stable across unrelated edits: the baseline key
/// (code, file, concept, surface: never a line number) and the finding's rank among the
/// findings with that key, in file order. Editing other parts of the text leaves it alone;
/// two findings of one kind in one sentence get two fingerprints.
fn fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<check::BaselineEntry, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let key = f.key();
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            format!(
                "{}:{}:{}:{}:{n}",
                key.code,
                key.file,
                key.concept.unwrap_or_default(),
                key.surface.unwrap_or_default()
            )
        })
        .collect()
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "none",
    }
}

/// SARIF 2.1.0 as GitHub code scanning reads it: one run, every lint of the table a rule,
/// every finding a result with a physical location and a fingerprint (see
/// [`fingerprints`]).
fn sarif(findings: &[Finding], levels: &Levels) -> serde_json::Value {
    use serde_json::json;
    let prints = fingerprints(findings);
    let rules: Vec<_> = check::LINTS
        .iter()
        .map(|l| {
            json!({
                "id": l.name,
                "name": l.name,
                "shortDescription": { "text": l.summary },
                "defaultConfiguration": { "level": sarif_level(levels.get(l.code)) },
            })
        })
        .collect();
    let results: Vec<_> = findings
        .iter()
        .zip(prints)
        .map(|(f, print)| {
            let text = match &f.help {
                Some(h) => format!("{}\nhelp: {h}", f.message),
                None => f.message.clone(),
            };
            let mut region = json!({ "startLine": f.line, "startColumn": f.column });
            if f.width > 0 {
                region["endColumn"] = json!(f.column + f.width);
            }
            let mut result = json!({
                "ruleId": f.code.as_str(),
                "ruleIndex": check::LINTS.iter().position(|l| l.code == f.code),
                "level": sarif_level(f.level),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.file.replace('\\', "/") },
                        "region": region,
                    }
                }],
                "partialFingerprints": { "glossaFinding/v2": print },
            });
            // In a bilingual file: the segment (and its unit) the finding is in.
            if let Some(segment) = &f.segment {
                result["properties"] = json!({ "segment": segment });
                if let Some(unit) = &f.unit {
                    result["properties"]["unit"] = json!(unit);
                }
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "glossa",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "results": results,
        }]
    })
}

// ---------------------------------------------------------------------------------------
// GitHub workflow commands

/// Escapes the message of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(out: &mut impl Write, findings: &[Finding]) -> anyhow::Result<()> {
    for f in findings {
        let command = if f.level == Level::Deny {
            "error"
        } else {
            "warning"
        };
        let message = match &f.help {
            Some(h) => format!("{}\nhelp: {h}", f.message),
            None => f.message.clone(),
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape_property(&f.file),
            f.line,
            f.column,
            escape_property(&format!("glossa {}", f.code)),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("a\nb: c"), "a%0Ab: c");
    }
}
