//! Glossary exchange: TBX (ISO 30042), CSV and OmegaT's tab-separated glossary, out and
//! in.
//!
//! - **TBX**: [`to_tbx`] writes TBX v3 TBX-Basic in the DCA style, with TBX-Basic data
//!   categories only: one `conceptEntry` per concept (its id as an XML id, `_` before one
//!   that starts with a digit; the category as `subjectField`, `definition`, `note`), one
//!   `langSec` per language (German, Dutch, English, then every other language of the
//!   glossary, each with its `definition`), one `termSec` per term with its
//!   `administrativeStatus` (`preferredTerm-admn-sts`, `admittedTerm-admn-sts`,
//!   `deprecatedTerm-admn-sts`). The English `langSec` holds the rendering (preferred), the
//!   alternatives (admitted) and the forbidden renderings (deprecated); English source
//!   forms are marked `glossa: source`. What TBX-Basic has no category for (a proposed
//!   status, which is admitted plus `status=proposed`; a form's own English rendering,
//!   inflection, compound setting, endings and definition; a concept's inflection and
//!   compound setting) goes into a `note` that begins with `glossa:` as `key=value` pairs
//!   separated by `; `. [`from_tbx`] reads TBX v3 in the DCA and the DCT style, v2
//!   (`martif` / `termEntry` / `langSet` / `tig` or `ntig`) and TBX-Min (`entry` /
//!   `langGroup` / `termGroup`, `usageStatus`).
//! - **CSV**: glossa writes one row per form, with the concept's fields repeated on each
//!   row, under a header that names the columns ([`CSV_HEADER`]); it reads that, a
//!   spreadsheet or memoQ export with a column per language, and OmegaT's headerless CSV
//!   (`columns` says how columns are named and read).
//! - **TSV** (OmegaT): `source<TAB>target<TAB>comment`, one line per form; the comment
//!   carries the rest as `glossa:` pairs so that glossa can read its own files back, and
//!   a plain OmegaT glossary (no comment) imports with one concept per source term.
//!
//! import → export → import keeps every concept, form (in any language), definition,
//! status and note. An import always gives a glossary that loads ([`Import::warnings`]
//! says what it had to change for that: renamed ids, terms left out or moved to a note).
//!
//! This file holds [`Format`] and the entry points, [`export`], [`import`] and
//! [`import_with`], plus the little every format shares (concept order, the error for a
//! malformed file, settling what would not load). Each format has its own file (`tbx`,
//! `csv`, `tsv`); TBX reads through the XML tree in `xml`; spreadsheets through `columns`;
//! the `glossa:` notes of TBX and TSV are written and read in `pairs`; the field
//! spellings, ids and the blank concept and form a reader fills in are in `fields`.

mod columns;
mod csv;
mod fields;
mod pairs;
mod tbx;
#[cfg(test)]
mod tests;
mod tsv;
mod xml;

use std::collections::{HashMap, HashSet};

use super::{Concept, Glossary, unmatchable};
use crate::error::{Error, Result};
use crate::fold::fold_str;
use crate::lang::Lang;

pub use columns::{Column, Columns};
pub use csv::{CSV_HEADER, from_csv, to_csv};
pub use tbx::{from_tbx, to_tbx};
pub use tsv::{from_tsv, to_tsv};

/// The exchange formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Tbx,
    Csv,
    Tsv,
}

impl Format {
    /// The format a file name suggests (`.tbx`, `.csv`, `.tsv`/`.tab`/`.txt`/`.utf8`).
    pub fn from_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".tbx") || lower.ends_with(".xml") {
            Some(Format::Tbx)
        } else if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else if [".tsv", ".tab", ".txt", ".utf8"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            Some(Format::Tsv)
        } else {
            None
        }
    }
}

/// Writes a glossary in an exchange format.
pub fn export(g: &Glossary, format: Format) -> String {
    match format {
        Format::Tbx => to_tbx(g),
        Format::Csv => to_csv(g),
        Format::Tsv => to_tsv(g),
    }
}

/// What an import read, and what it had to change or leave out to write a glossary that
/// loads.
#[derive(Debug, Default)]
pub struct Import {
    pub glossary: Glossary,
    /// One line per kind of change (renamed ids, skipped empty terms …), with counts and
    /// names, for the user to see.
    pub warnings: Vec<String>,
}

/// How to read a file whose layout or languages its contents do not say.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The language tag of the source column of an OmegaT glossary (TSV, or CSV without
    /// a header): `de`, or a language glossa keeps without matching (`ru`); `None`: German
    /// (the command line tells it from the terms first, see [`source_terms`]).
    pub source_lang: Option<String>,
    /// What each column of a CSV or TSV file holds, overriding its header
    /// (`--columns`, see [`Columns`]).
    pub columns: Option<Columns>,
}

/// Reads a glossary from an exchange format; `name` is used in messages.
pub fn import(name: &str, text: &str, format: Format) -> Result<Glossary> {
    Ok(import_with(name, text, format, &ImportOptions::default())?.glossary)
}

/// Reads a glossary from an exchange format, with what the import changed to make it load.
pub fn import_with(
    name: &str,
    text: &str,
    format: Format,
    options: &ImportOptions,
) -> Result<Import> {
    let mut import = match format {
        Format::Tbx => tbx::read_tbx(name, text)?,
        Format::Csv => csv::read_csv(name, text, options)?,
        Format::Tsv => tsv::read_tsv(name, text, options)?,
    };
    import.glossary.path = name.to_string();
    settle(&mut import);
    Ok(import)
}

/// Makes an imported glossary one that loads, saying what it changed: an entry without any
/// term is left out; a form listed twice
/// for a concept (after folding) is kept once; a form that can never match (`(m)`, `X`,
/// `-ismus`) and a form an earlier concept claims already (a homonym) move into the
/// concept's note, unless the concept would be left without any form.
fn settle(import: &mut Import) {
    // An entry without a single term is no concept: named, and left out.
    let mut termless: Vec<String> = Vec::new();
    import.glossary.concepts.retain(|c| {
        let keep = !c.forms.is_empty() || !c.other_forms.is_empty() || !c.english.trim().is_empty();
        if !keep {
            termless.push(format!("`{}`", c.id));
        }
        keep
    });
    let mut twice = 0;
    let mut cannot: Vec<String> = Vec::new();
    let mut claimed: Vec<String> = Vec::new();
    let mut owner: HashMap<(Lang, String), String> = HashMap::new();
    for c in &mut import.glossary.concepts {
        let mut seen: HashSet<(Lang, String)> = HashSet::new();
        let mut kept = Vec::with_capacity(c.forms.len());
        let mut moved: Vec<String> = Vec::new();
        let forms = std::mem::take(&mut c.forms);
        let total = forms.len() + c.other_forms.len();
        for f in forms {
            let folded = fold_str(&f.text);
            let key = (f.lang, folded.clone());
            if !seen.insert(key.clone()) {
                twice += 1;
                continue;
            }
            let compound = f.compound_in(c);
            let reason = unmatchable(&f.text, &folded, compound.modifier() || compound.head());
            let other = owner.get(&key).filter(|o| **o != c.id).cloned();
            let room = total - moved.len() > 1;
            match (reason, other) {
                (Some(why), _) if room => {
                    cannot.push(format!("`{}` of `{}`", f.text, c.id));
                    moved.push(format!("({}) {} [cannot match: {why}]", f.lang, f.text));
                }
                (_, Some(first)) if room => {
                    claimed.push(format!("`{}` of `{}` (and `{first}`)", f.text, c.id));
                    moved.push(format!(
                        "({}) {} [also a term of `{first}`]",
                        f.lang, f.text
                    ));
                }
                _ => {
                    owner.entry(key).or_insert_with(|| c.id.clone());
                    kept.push(f);
                }
            }
        }
        c.forms = kept;
        if !moved.is_empty() {
            let note = c.note.get_or_insert_with(String::new);
            for m in moved {
                if !note.is_empty() {
                    note.push('\n');
                }
                note.push_str(&m);
            }
        }
    }
    let list = |v: &[String]| {
        let mut s = v.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
        if v.len() > 5 {
            s.push_str(&format!(" and {} more", v.len() - 5));
        }
        s
    };
    if !termless.is_empty() {
        import.warnings.push(format!(
            "{} entr{} without any term left out: {}",
            termless.len(),
            if termless.len() == 1 { "y" } else { "ies" },
            list(&termless)
        ));
    }
    if twice > 0 {
        import.warnings.push(format!(
            "{twice} form{} listed twice for one concept (after folding case and accents) kept once",
            if twice == 1 { "" } else { "s" }
        ));
    }
    if !cannot.is_empty() {
        import.warnings.push(format!(
            "{} term{} that can never match moved into the concept's note: {}",
            cannot.len(),
            if cannot.len() == 1 { "" } else { "s" },
            list(&cannot)
        ));
    }
    if !claimed.is_empty() {
        import.warnings.push(format!(
            "{} term{} of two entries (homonyms or duplicates) kept as a form of the first only, and in the later one's note: {}",
            claimed.len(),
            if claimed.len() == 1 { "" } else { "s" },
            list(&claimed)
        ));
    }
}

/// The source terms of a file whose source language its contents do not say (an OmegaT
/// glossary, TSV or headerless CSV, or a column `--columns` calls `source`), for the
/// caller to tell the language from; empty when the file says its languages.
pub fn source_terms(text: &str, format: Format, options: &ImportOptions) -> Vec<String> {
    let source_at = |columns: &[Column]| columns.iter().position(|c| *c == Column::Source);
    let rows: Vec<Vec<String>> = match format {
        Format::Tbx => return Vec::new(),
        Format::Tsv => text
            .trim_start_matches('\u{feff}')
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter(|l| !l.contains("\tglossa: "))
            .map(|l| l.split('\t').map(String::from).collect())
            .collect(),
        Format::Csv => match csv::csv_records("", text, csv::separator(text)) {
            Ok(records) => records.into_iter().map(|(_, r)| r).collect(),
            Err(_) => return Vec::new(),
        },
    };
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    let header = columns::header_columns(first);
    let (at, skip) = match (&options.columns, &header) {
        (Some(c), h) => (source_at(&c.0), usize::from(h.is_some())),
        (None, Some(h)) => (source_at(h), 1),
        (None, None) if format == Format::Tsv || first.len() <= 3 => (Some(0), 0),
        (None, None) => (None, 0),
    };
    let Some(at) = at else {
        return Vec::new();
    };
    rows.iter()
        .skip(skip)
        .filter_map(|r| r.get(at))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A place in an exchange file, 1-based, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Place {
    pub(super) line: usize,
    pub(super) column: usize,
}

/// The concepts by id: every writer uses this order, so that an export is the same
/// whatever order the concepts were read in.
fn sorted(g: &Glossary) -> Vec<&Concept> {
    let mut c: Vec<&Concept> = g.concepts.iter().collect();
    c.sort_by(|a, b| a.id.cmp(&b.id));
    c
}

/// The error for a file that is not what its format promises, where no better place than
/// its start is known.
fn invalid(name: &str, message: String) -> Error {
    Error::Syntax {
        path: name.to_string(),
        line: 1,
        column: 1,
        message,
    }
}
