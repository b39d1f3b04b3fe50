//! `glossa diff`: what changed between two alignment sets; also a git textconv driver.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use glossa::alignment_file::AlignmentFile;
use glossa::diff::{AlignmentDiff, Change, Occ, diff};
use similar::{Algorithm, ChangeTag, TextDiff};

use super::args::DiffFormat;
use super::exit::Outcome;
use super::output::stdout;

/// What `diff` compares, read.
#[derive(Debug)]
pub enum Sides {
    /// Two alignment sets: two files or directories, or a directory as committed at a git
    /// revision and as it is.
    Compare {
        old: Vec<AlignmentFile>,
        new: Vec<AlignmentFile>,
    },
    /// One file, printed for git's textconv.
    Textconv(AlignmentFile),
}

/// The settings of `diff`.
#[derive(Debug)]
pub struct DiffSettings {
    pub sides: Sides,
    pub format: DiffFormat,
    pub colour: bool,
}

pub fn run(settings: DiffSettings) -> anyhow::Result<Outcome> {
    let d = match &settings.sides {
        Sides::Textconv(file) => return textconv(file),
        Sides::Compare { old, new } => diff(old, new),
    };
    let mut out = stdout();
    match settings.format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &json(&d))?;
            writeln!(out)?;
        }
        DiffFormat::Text => render_text(&mut out, &d, settings.colour)?,
    }
    out.flush()?;
    Ok(if d.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Reads one alignment file, or every `*.align` file of a directory.
pub(super) fn read_set(path: &Path) -> anyhow::Result<Vec<AlignmentFile>> {
    let mut files = Vec::new();
    if path.is_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "align"))
            .collect();
        paths.sort();
        for p in paths {
            files.push(read_file(&p)?);
        }
    } else {
        files.push(read_file(path)?);
    }
    Ok(files)
}

pub(super) fn read_file(path: &Path) -> anyhow::Result<AlignmentFile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(AlignmentFile::parse(&path.display().to_string(), &text)?)
}

fn git(args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .context("cannot run git")?;
    if !out.status.success() {
        bail!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    String::from_utf8(out.stdout).context("git printed something that is not UTF-8")
}

/// The alignment files of `dir` as committed at `rev`.
pub(super) fn read_at_rev(rev: &str, dir: &Path) -> anyhow::Result<Vec<AlignmentFile>> {
    // Paths relative to the repository root, as `git show REV:path` wants them.
    let prefix = git(&["rev-parse", "--show-prefix"])?.trim().to_string();
    let rel = format!("{prefix}{}", dir.display())
        .trim_end_matches('/')
        .to_string();
    let listing = git(&[
        "ls-tree",
        "-r",
        "--name-only",
        rev,
        "--",
        &format!("{rel}/"),
    ])?;
    let mut files = Vec::new();
    for path in listing.lines().filter(|p| p.ends_with(".align")) {
        let text = git(&["show", &format!("{rev}:{path}")])?;
        files.push(AlignmentFile::parse(&format!("{rev}:{path}"), &text)?);
    }
    Ok(files)
}

/// For git's textconv: one line per term, keyed so that a diff reads as a list of changes.
fn textconv(file: &AlignmentFile) -> anyhow::Result<Outcome> {
    let mut out = stdout();
    writeln!(out, "source {}  glossary {}", file.source, file.glossary)?;
    for r in &file.records {
        if let glossa::alignment_file::Record::Term(t) = r {
            writeln!(
                out,
                "{}:{}  {}  {} -> {}  ({}, {})  {}",
                t.line,
                t.column,
                t.concept,
                t.surface,
                t.english,
                t.tier,
                if t.in_footnote { "footnote" } else { "body" },
                t.context
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn describe(o: &Occ) -> String {
    format!(
        "{}  {} -> {}  ({})  {}:{}",
        o.term.concept, o.term.surface, o.term.english, o.term.tier, o.term.line, o.term.column
    )
}

/// Word-level highlighting of what changed between two record lines: `[-old-]{+new+}`
/// without colour, red and green with. The diff has no deadline (the default of
/// `TextDiff::configure`), so the output never depends on the machine's speed.
fn inline(old: &str, new: &str, colour: bool) -> (String, String) {
    let d = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_words(old, new);
    let (mut a, mut b) = (String::new(), String::new());
    for change in d.iter_all_changes() {
        let v = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                a.push_str(v);
                b.push_str(v);
            }
            ChangeTag::Delete if colour => a.push_str(&format!("\x1b[1;31m{v}\x1b[0m")),
            ChangeTag::Delete => a.push_str(&format!("[-{v}-]")),
            ChangeTag::Insert if colour => b.push_str(&format!("\x1b[1;32m{v}\x1b[0m")),
            ChangeTag::Insert => b.push_str(&format!("{{+{v}+}}")),
        }
    }
    (a, b)
}

fn render_text(out: &mut impl Write, d: &AlignmentDiff, colour: bool) -> anyhow::Result<()> {
    if d.is_empty() {
        writeln!(out, "no changes")?;
        return Ok(());
    }
    let (red, green, bold, reset) = if colour {
        ("\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    writeln!(out, "{bold}Summary by concept{reset}")?;
    for s in &d.summary {
        for line in s.lines() {
            writeln!(out, "  {line}")?;
        }
    }
    for s in &d.only_old {
        writeln!(out, "  {s}: no longer aligned")?;
    }
    for s in &d.only_new {
        writeln!(out, "  {s}: newly aligned")?;
    }
    if !d.glossary_changed.is_empty() {
        let n = d.glossary_changed.len();
        writeln!(out, "  glossary fingerprint changed in {n} file(s)")?;
    }
    let mut place: Option<(String, String)> = None;
    let mut source: Option<String> = None;
    for c in &d.changes {
        let (src, sid) = c.place();
        if source.as_deref() != Some(src) {
            writeln!(out, "\n{bold}{src}{reset}")?;
            source = Some(src.to_string());
        }
        if place.as_ref().is_none_or(|(a, b)| a != src || b != sid) {
            let text = d
                .sentences
                .get(&(src.to_string(), sid.to_string()))
                .map_or(String::new(), |s| format!(" line {}: {}", s.line, s.text));
            writeln!(out, "  @@ {sid}{text}")?;
            place = Some((src.to_string(), sid.to_string()));
        }
        match c {
            Change::Added { new } => writeln!(out, "  {green}+ {}{reset}", describe(new))?,
            Change::Removed { old } => writeln!(out, "  {red}- {}{reset}", describe(old))?,
            Change::Remapped { old, new } => {
                let (a, b) = inline(&describe(old), &describe(new), colour);
                writeln!(out, "  {red}-{reset} {a}")?;
                writeln!(out, "  {green}+{reset} {b}")?;
            }
        }
    }
    Ok(())
}

fn json(d: &AlignmentDiff) -> serde_json::Value {
    serde_json::json!({
        "equal": d.is_empty(),
        "summary": d.summary.iter().map(|s| serde_json::json!({
            "concept": s.concept,
            "added": s.added,
            "removed": s.removed,
            "renderings": s.renderings.iter().map(|((o, n), c)| serde_json::json!({"old": o, "new": n, "count": c})).collect::<Vec<_>>(),
            "concepts": s.concepts.iter().map(|((o, n), c)| serde_json::json!({"old": o, "new": n, "count": c})).collect::<Vec<_>>(),
            "tiers": s.tiers.iter().map(|((o, n), c)| serde_json::json!({"old": o, "new": n, "count": c})).collect::<Vec<_>>(),
            "text": s.lines(),
        })).collect::<Vec<_>>(),
        "changes": d.changes,
        "only_old": d.only_old,
        "only_new": d.only_new,
        "glossary_changed": d.glossary_changed,
    })
}
