//! Glossary exchange: TBX (ISO 30042), CSV (memoQ style, with a header) and OmegaT's
//! tab-separated glossary, out and in.
//!
//! - **TBX**: [`to_tbx`] writes TBX v3 TBX-Basic in the DCA style: one `conceptEntry` per
//!   concept (its id as `id`, the category as `subjectField`, `definition`, `note`), one
//!   `langSec` per language, one `termSec` per term with its `administrativeStatus`
//!   (`preferredTerm-admn-sts`, `admittedTerm-admn-sts`, `deprecatedTerm-admn-sts`). The
//!   English `langSec` holds the rendering (preferred), the alternatives (admitted) and the
//!   forbidden renderings (deprecated); English source forms are marked `glossa: source`.
//!   A proposed form is admitted with `processStatus` `provisionallyProcessed`. What TBX-Basic
//!   has no category for (a form's own English rendering, inflection, compound setting,
//!   endings; a concept's inflection and compound setting) goes into a `note` that begins
//!   with `glossa:` as `key=value` pairs separated by `; `. [`from_tbx`] reads TBX v3 and the
//!   older v2 (`martif` / `termEntry` / `langSet` / `tig` or `ntig`).
//! - **CSV**: one row per form, with the concept's fields repeated on each row; the header
//!   names the columns ([`CSV_HEADER`]).
//! - **TSV** (OmegaT): `source<TAB>target<TAB>comment`, one line per form; the comment
//!   carries the rest as `glossa:` pairs so that glossa can read its own files back, and
//!   a plain OmegaT glossary (no comment) imports with one concept per source term.
//!
//! import → export → import keeps every concept, form, status and note.
//!
//! This file holds [`Format`] and the two entry points, [`export`] and [`import`], plus
//! the little every format shares (concept order, the error for a malformed file). Each
//! format has its own file (`tbx`, `csv`, `tsv`); TBX reads through the XML tree in
//! `xml`; the `glossa:` notes of TBX and TSV are written and read in `pairs`; the field
//! spellings and the blank concept and form a reader fills in are in `fields`.

mod csv;
mod fields;
mod pairs;
mod tbx;
#[cfg(test)]
mod tests;
mod tsv;
mod xml;

use super::{Concept, Glossary};
use crate::error::{Error, Result};

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
    /// The format a file name suggests (`.tbx`, `.csv`, `.tsv`/`.txt`/`.utf8`).
    pub fn from_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".tbx") || lower.ends_with(".xml") {
            Some(Format::Tbx)
        } else if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else if lower.ends_with(".tsv") || lower.ends_with(".txt") || lower.ends_with(".utf8") {
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

/// Reads a glossary from an exchange format; `name` is used in messages.
pub fn import(name: &str, text: &str, format: Format) -> Result<Glossary> {
    let mut g = match format {
        Format::Tbx => from_tbx(name, text)?,
        Format::Csv => from_csv(name, text)?,
        Format::Tsv => from_tsv(name, text)?,
    };
    g.path = name.to_string();
    Ok(g)
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
