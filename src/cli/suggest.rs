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
    /// How many translations of the project were not read (no `--translations`).
    pub translations_left_out: usize,
    /// No note of the files read.
    pub quiet: bool,
}

pub fn run(settings: SuggestSettings) -> anyhow::Result<Outcome> {
    let (glossary, docs) = (&settings.glossary, &settings.docs);
    if !settings.quiet {
        eprintln!("{}", files_read(docs, settings.translations_left_out));
    }
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
        SuggestFormat::Toml => {
            out.write_all(entries(glossary, &groups).to_toml().as_bytes())?;
            let additions = additions(glossary, &groups);
            if !additions.concepts.is_empty() {
                out.write_all(ADDITIONS.as_bytes())?;
                out.write_all(additions.to_toml().as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// The note of the files a run read: `glossa: read 2 files: a.txt, b.txt`, with the
/// translations left out.
fn files_read(docs: &[Document], left_out: usize) -> String {
    const SHOWN: usize = 10;
    let names: Vec<&str> = docs.iter().take(SHOWN).map(Document::name).collect();
    let mut note = format!(
        "glossa: read {} file{}: {}{}",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        names.join(", "),
        if docs.len() > SHOWN { ", …" } else { "" }
    );
    if left_out > 0 {
        note += &format!(
            "; {left_out} translation{} left out (--translations reads them)",
            if left_out == 1 { "" } else { "s" }
        );
    }
    note
}

fn explanation<W: Write>(out: &mut W, e: &Explanation) -> anyhow::Result<()> {
    if let Some(concept) = &e.covered_by {
        writeln!(
            out,
            "{}: a form of the glossary's concept {concept}, so never proposed",
            e.word
        )?;
    }
    if !e.parts.is_empty() {
        writeln!(
            out,
            "{}: {} occurrence{} as a phrase, in {} document{}{}; suggest takes it whole, its \
             words scored one by one (--explain each): {}",
            e.word,
            e.count,
            if e.count == 1 { "" } else { "s" },
            e.documents,
            if e.documents == 1 { "" } else { "s" },
            e.lang.map_or(String::new(), |l| format!(", {}", l.code())),
            e.parts.join(", ")
        )?;
        group(out, e)?;
        return Ok(());
    }
    if e.count == 0 {
        if e.covered_by.is_none() {
            writeln!(
                out,
                "{}: no word or phrase of the texts as suggest counts them (outside the glossary's \
                 terms); spell it as printed, a hyphenated word's parts one by one",
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
    group(out, e)
}

/// Where the explained word's group ranks, if it has one.
fn group<W: Write>(out: &mut W, e: &Explanation) -> anyhow::Result<()> {
    match &e.group {
        Some(g) => writeln!(
            out,
            "  its group [{}] ranks {} of {} (score {:.2}: the best word's own up to 3.5 and a quarter beyond, with frequency and spread)",
            g.key, g.rank, g.groups, g.score
        )?,
        None if !e.parts.is_empty() => writeln!(out, "  not proposed")?,
        None => {}
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
            match &g.variant_of {
                Some(id) => format!("new form of {id}"),
                None => g.category.to_string(),
            },
            if g.variants.len() > 8 { " …" } else { "" }
        )?;
        writeln!(out, "     forms: {}", forms.join(", "))?;
        if let Some(gloss) = g.gloss.as_ref().filter(|x| **x != g.english) {
            writeln!(out, "     the text translates it: „{gloss}“")?;
        }
        for c in &g.contexts {
            writeln!(out, "     {}:{}:{}  {}", c.file, c.line, c.column, c.text)?;
        }
    }
    Ok(())
}

/// What `--format toml` prints before the concepts that gain new forms.
const ADDITIONS: &str = "
# New forms of concepts the glossary has (status proposed): each table below is the
# glossary's concept with them added; replace the concept's table in its glossary file.

";

/// The concepts of `known` that groups are new forms of, each with those forms added.
fn additions(known: &Glossary, groups: &[Suggestion]) -> Glossary {
    let mut out = Glossary::default();
    for g in groups {
        let Some(id) = &g.variant_of else { continue };
        let Some(concept) = known.concept(id) else {
            continue;
        };
        let at = match out.concepts.iter().position(|c| &c.id == id) {
            Some(i) => i,
            None => {
                out.concepts.push(concept.clone());
                out.concepts.len() - 1
            }
        };
        let forms = g.new_forms(&out.concepts[at]);
        out.concepts[at].forms.extend(forms);
    }
    out
}

/// The groups that are new concepts as proposed entries; ids already taken get a number.
fn entries(known: &Glossary, groups: &[Suggestion]) -> Glossary {
    let mut out = Glossary::default();
    for g in groups.iter().filter(|g| g.variant_of.is_none()) {
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
    let name = path.display().to_string();
    let mut out = glossa::glossary::edit::append(&name, text, &new)?;
    // New forms of a concept go into its table when the glossary written to holds it;
    // other glossaries' concepts are named, not copied (two files may not share an id).
    let held = if text.trim().is_empty() {
        Glossary::default()
    } else {
        Glossary::parse(&name, text)?
    };
    let mut additions = Vec::new();
    let mut elsewhere: Vec<&str> = Vec::new();
    for s in groups {
        let Some(id) = &s.variant_of else { continue };
        match held.concept(id) {
            Some(c) => additions.extend(s.new_forms(c).into_iter().map(|f| (id.clone(), f))),
            None => elsewhere.push(id),
        }
    }
    if !additions.is_empty() {
        out = glossa::glossary::edit::add_forms(&name, &out, &additions)?;
        eprintln!(
            "glossa: {} new forms added to concepts of {}",
            additions.len(),
            path.display()
        );
    }
    if !elsewhere.is_empty() {
        elsewhere.dedup();
        eprintln!(
            "glossa: new forms of concepts in other glossaries not written (see --format toml): {}",
            elsewhere.join(", ")
        );
    }
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
