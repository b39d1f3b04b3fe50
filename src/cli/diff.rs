//! `glossa diff`: what changed between two alignment sets; also a git textconv driver.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use glossa::alignment_file::AlignmentFile;
use glossa::diff::{AlignmentDiff, Change, Hunk, Occ, Side, Status, diff, view};
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

/// For git's textconv: the review view of one file (see [`glossa::diff::view`]).
fn textconv(file: &AlignmentFile) -> anyhow::Result<Outcome> {
    let mut out = stdout();
    out.write_all(view::render(file).as_bytes())?;
    out.flush()?;
    Ok(Outcome::Clean)
}

fn describe(o: &Occ) -> String {
    format!(
        "{}  {} -> {}  ({})  {}:{}",
        o.term.concept, o.term.surface, o.term.english, o.term.tier, o.term.line, o.term.column
    )
}

/// Colours for the text output (all empty without colour).
struct Paint {
    red: &'static str,
    green: &'static str,
    bold: &'static str,
    reset: &'static str,
}

impl Paint {
    fn new(colour: bool) -> Paint {
        if colour {
            Paint {
                red: "\x1b[31m",
                green: "\x1b[32m",
                bold: "\x1b[1m",
                reset: "\x1b[0m",
            }
        } else {
            Paint {
                red: "",
                green: "",
                bold: "",
                reset: "",
            }
        }
    }
}

/// Word-level highlighting of what changed between two texts, in one line: `[-old-]` and
/// `{+new+}` without colour, red and green with. The diff has no deadline (the default of
/// `TextDiff::configure`), so the output never depends on the machine's speed.
fn marked(old: &str, new: &str, colour: bool) -> String {
    let mut out = String::new();
    for (tag, v) in word_runs(old, new) {
        match tag {
            ChangeTag::Equal => out.push_str(&v),
            ChangeTag::Delete => out.push_str(&paint_run(&v, false, colour)),
            ChangeTag::Insert => out.push_str(&paint_run(&v, true, colour)),
        }
    }
    out
}

/// The word diff of two texts as runs: consecutive words (and the spaces between them) of
/// one kind together, so that an inserted phrase is marked once.
fn word_runs(old: &str, new: &str) -> Vec<(ChangeTag, String)> {
    let d = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_words(old, new);
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in d.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, v)) if *tag == change.tag() => v.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    runs
}

/// A deleted or inserted run: `[-…-]` / `{+…+}`, or bold red / green with colour; spaces
/// at its ends stay outside the marks.
fn paint_run(v: &str, insert: bool, colour: bool) -> String {
    let core = v.trim();
    if core.is_empty() {
        return v.to_string();
    }
    let lead = &v[..v.len() - v.trim_start().len()];
    let trail = &v[v.trim_end().len()..];
    let marked = match (insert, colour) {
        (false, true) => format!("\x1b[1;31m{core}\x1b[0m"),
        (false, false) => format!("[-{core}-]"),
        (true, true) => format!("\x1b[1;32m{core}\x1b[0m"),
        (true, false) => format!("{{+{core}+}}"),
    };
    format!("{lead}{marked}{trail}")
}

/// Word-level highlighting of two versions of one line: `[-old-]` in the first,
/// `{+new+}` in the second.
fn inline(old: &str, new: &str, colour: bool) -> (String, String) {
    let (mut a, mut b) = (String::new(), String::new());
    for (tag, v) in word_runs(old, new) {
        match tag {
            ChangeTag::Equal => {
                a.push_str(&v);
                b.push_str(&v);
            }
            ChangeTag::Delete => a.push_str(&paint_run(&v, false, colour)),
            ChangeTag::Insert => b.push_str(&paint_run(&v, true, colour)),
        }
    }
    (a, b)
}

fn render_text(out: &mut impl Write, d: &AlignmentDiff, colour: bool) -> anyhow::Result<()> {
    if d.is_empty() {
        writeln!(out, "no changes")?;
        return Ok(());
    }
    let p = Paint::new(colour);
    writeln!(out, "{}Summary by concept{}", p.bold, p.reset)?;
    for s in &d.summary {
        for line in s.lines() {
            writeln!(out, "  {line}")?;
        }
    }
    if d.summary.is_empty() {
        writeln!(out, "  no term, rendering or translation status changed")?;
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
    let mut source: Option<&str> = None;
    for h in &d.hunks {
        if source != Some(h.source.as_str()) {
            writeln!(out, "\n{}{}{}", p.bold, h.source, p.reset)?;
            source = Some(&h.source);
        }
        render_hunk(out, h, &p, colour)?;
    }
    Ok(())
}

/// One hunk: a header with where it stands and what kind of change it is, the texts (with
/// changed words marked when both versions exist), then the terms and translation statuses
/// that changed.
fn render_hunk(out: &mut impl Write, h: &Hunk, p: &Paint, colour: bool) -> anyhow::Result<()> {
    let (red, green, reset) = (p.red, p.green, p.reset);
    let side = h
        .new
        .as_ref()
        .or(h.old.as_ref())
        .expect("a hunk has a side");
    let line = side.line.map_or(String::new(), |l| format!("line {l}  "));
    let what = match (&h.old, &h.new) {
        (None, Some(_)) => "added".to_string(),
        (Some(_), None) => "removed".to_string(),
        (Some(a), Some(b)) => {
            let mut what = match (&a.score, &b.score) {
                (Some(x), Some(y)) if x != y => format!("bead {x} -> {y}"),
                (_, Some(y)) => format!("bead {y}"),
                _ => "sentence".to_string(),
            };
            match (a.review, b.review) {
                (Some(x), Some(y)) if x != y => {
                    what.push_str(&format!(" {} -> {}", flag(x), flag(y)))
                }
                (_, Some(y)) => what.push_str(&format!(" {}", flag(y))),
                _ => {}
            }
            if a.text != b.text || a.target != b.target {
                what.push_str(", edited");
            }
            what
        }
        (None, None) => unreachable!("a hunk has a side"),
    };
    writeln!(out, "  @@ {line}{what}")?;
    let lang = &side.lang;
    let texts = |s: &Side| (s.text.clone(), s.target.clone());
    match (&h.old, &h.new) {
        (Some(a), Some(b)) => {
            let ((at, ax), (bt, bx)) = (texts(a), texts(b));
            writeln!(out, "    {lang}  {}", marked(&at, &bt, colour))?;
            if ax.is_some() || bx.is_some() {
                let (ax, bx) = (ax.unwrap_or_default(), bx.unwrap_or_default());
                writeln!(out, "    en  {}", marked(&ax, &bx, colour))?;
            }
        }
        (Some(s), None) | (None, Some(s)) => {
            let (mark, paint) = if h.new.is_some() {
                ("+", green)
            } else {
                ("-", red)
            };
            let (t, x) = texts(s);
            if !t.is_empty() {
                writeln!(out, "  {paint}{mark}   {lang}  {t}{reset}")?;
            }
            if let Some(x) = x.filter(|x| !x.is_empty()) {
                writeln!(out, "  {paint}{mark}   en  {x}{reset}")?;
            }
        }
        (None, None) => {}
    }
    for c in &h.terms {
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
    for x in &h.translations {
        let status = |s: &Option<Status>| match s {
            None => "none".to_string(),
            Some(s) if s.found.is_empty() => s.rendering.clone(),
            Some(s) => format!("{} ({})", s.rendering, s.found),
        };
        writeln!(
            out,
            "    {}  {}  translation {} -> {}",
            x.concept,
            x.surface,
            status(&x.old),
            status(&x.new)
        )?;
    }
    Ok(())
}

fn flag(review: bool) -> &'static str {
    if review { "review" } else { "ok" }
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
            "translations": s.translations.iter().map(|((o, n), c)| serde_json::json!({"old": o, "new": n, "count": c})).collect::<Vec<_>>(),
            "text": s.lines(),
        })).collect::<Vec<_>>(),
        "changes": d.changes().collect::<Vec<_>>(),
        "hunks": d.hunks,
        "only_old": d.only_old,
        "only_new": d.only_new,
        "glossary_changed": d.glossary_changed,
    })
}
