//! `glossa suggest`: candidate glossary entries, as ranked text, glossary TOML or JSON;
//! `--write` appends them to a glossary in canonical form.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use glossa::glossary::Glossary;
use glossa::source::Document;
use glossa::suggest::{Explanation, SuggestOptions, Suggestion, explain, suggest};

use super::args::SuggestFormat;
use super::exit::Outcome;
use super::output::stdout;

/// The settings of `suggest`.
#[derive(Debug)]
pub struct SuggestSettings {
    /// The sources and their translations, decoded.
    pub docs: Vec<Document>,
    /// The project's glossary, with the concepts of the glossary written to.
    pub glossary: Glossary,
    pub options: SuggestOptions,
    pub format: SuggestFormat,
    /// How many groups to show (`None`: all).
    pub limit: Option<usize>,
    /// The glossary to append to, with its text (empty when it does not exist yet).
    pub write: Option<(PathBuf, String)>,
    pub explain: Option<String>,
}

pub fn run(settings: SuggestSettings) -> anyhow::Result<Outcome> {
    let (glossary, docs) = (&settings.glossary, &settings.docs);
    if let Some(word) = &settings.explain {
        let e = explain(glossary, docs, &settings.options, word)?;
        let mut out = stdout();
        match settings.format {
            SuggestFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &e).context("cannot serialise output")?;
                out.write_all(b"\n")?;
            }
            _ => explanation(&mut out, &e)?,
        }
        out.flush()?;
        return Ok(Outcome::Clean);
    }
    let mut groups = suggest(glossary, docs, &settings.options)?;
    if let Some(n) = settings.limit {
        groups.truncate(n);
    }
    if let Some((path, text)) = settings.write {
        return write(&path, &text, glossary, &groups);
    }
    let mut out = stdout();
    match settings.format {
        SuggestFormat::Text => text(&mut out, &groups)?,
        SuggestFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &groups).context("cannot serialise output")?;
            out.write_all(b"\n")?;
        }
        SuggestFormat::Toml => out.write_all(entries(glossary, &groups).to_toml().as_bytes())?,
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn explanation<W: Write>(out: &mut W, e: &Explanation) -> anyhow::Result<()> {
    if let Some(concept) = &e.covered_by {
        writeln!(
            out,
            "{}: a form of the glossary's concept {concept}, so never proposed",
            e.word
        )?;
    }
    if e.count == 0 {
        if e.covered_by.is_none() {
            writeln!(
                out,
                "{}: not in the texts (outside the glossary's terms); spell it as printed",
                e.word
            )?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "{}: {} occurrence{} in {} document{}{}",
        e.word,
        e.count,
        if e.count == 1 { "" } else { "s" },
        e.documents,
        if e.documents == 1 { "" } else { "s" },
        e.lang.map_or(String::new(), |l| format!(", {}", l.code()))
    )?;
    for r in &e.reasons {
        match r.adds {
            Some(v) => writeln!(out, "  {v:>+6.2}  {}", r.reason)?,
            None => writeln!(out, "          {}", r.reason)?,
        }
    }
    match e.score {
        Some(s) => writeln!(out, "  {s:>6.2}  by itself")?,
        None => writeln!(out, "  not proposed")?,
    }
    if let Some(g) = &e.group {
        writeln!(
            out,
            "  its group [{}] ranks {} of {} (score {:.2} with frequency and spread)",
            g.key, g.rank, g.groups, g.score
        )?;
    }
    Ok(())
}

fn text<W: Write>(out: &mut W, groups: &[Suggestion]) -> anyhow::Result<()> {
    for (i, g) in groups.iter().enumerate() {
        let forms: Vec<String> = g
            .variants
            .iter()
            .take(8)
            .map(|v| {
                format!(
                    "{} ({}{})",
                    v.form,
                    v.count,
                    if v.lang.code() == "de" {
                        ""
                    } else {
                        v.lang.code()
                    }
                )
            })
            .collect();
        writeln!(
            out,
            "{:>3}. {}  [{}]  score {:.2}, {} occurrence{} in {} document{}; {}{}",
            i + 1,
            g.english,
            g.key,
            g.score,
            g.count,
            if g.count == 1 { "" } else { "s" },
            g.documents,
            if g.documents == 1 { "" } else { "s" },
            g.category,
            if g.variants.len() > 8 { " …" } else { "" }
        )?;
        writeln!(out, "     forms: {}", forms.join(", "))?;
        for c in &g.contexts {
            writeln!(out, "     {}:{}:{}  {}", c.file, c.line, c.column, c.text)?;
        }
    }
    Ok(())
}

/// The groups as proposed entries; ids already taken get a number.
fn entries(known: &Glossary, groups: &[Suggestion]) -> Glossary {
    let mut out = Glossary::default();
    for g in groups {
        let mut c = g.to_concept();
        let base = c.id.clone();
        let mut n = 2;
        while known.concept(&c.id).is_some() || out.concept(&c.id).is_some() {
            c.id = format!("{base}-{n}");
            n += 1;
        }
        out.concepts.push(c);
    }
    out
}

/// Appends the entries to `path` (created if missing) and puts the file in canonical
/// order, every comment of it kept with its concept (see [`glossa::glossary::edit`]).
fn write(
    path: &std::path::Path,
    text: &str,
    known: &Glossary,
    groups: &[Suggestion],
) -> anyhow::Result<Outcome> {
    let new = entries(known, groups);
    let added = new.concepts.len();
    let out = glossa::glossary::edit::append(&path.display().to_string(), text, &new)?;
    std::fs::write(path, out).map_err(|source| glossa::error::Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    eprintln!(
        "glossa: {added} proposed entries written to {}",
        path.display()
    );
    Ok(Outcome::Clean)
}
