//! What the columns of a spreadsheet hold: read from its header ("German", "Deutsch",
//! "de-DE", memoQ's `English_Def` and `Term_Info`, "Entry_ID", "Note") or given by the user
//! (`--columns de,en,note`), and the table reader that turns each row into a concept.
//!
//! A row is one concept: every term column adds a form in its language (the first of a
//! language preferred, further ones admitted; English terms are the rendering and its
//! alternatives), definition columns its definitions, the id column its id; a column the
//! reader does not know is kept in the concept's note as `header: value`, never dropped.

use std::fmt;
use std::str::FromStr;

use super::fields::{Ids, new_concept, new_form, new_other_form, order_forms, parse_status};
use super::{Import, Place};
use crate::error::Error;
use crate::glossary::{Concept, Glossary, Status};
use crate::lang::{Lang, language_tag};

/// Language names as spreadsheet headers spell them (English, the language's own, German
/// and Dutch names), lowercase, with their tags.
const NAMES: &[(&str, &str)] = &[
    ("german", "de"),
    ("deutsch", "de"),
    ("duits", "de"),
    ("allemand", "de"),
    ("dutch", "nl"),
    ("nederlands", "nl"),
    ("niederländisch", "nl"),
    ("hollandsk", "nl"),
    ("flemish", "nl"),
    ("english", "en"),
    ("englisch", "en"),
    ("engels", "en"),
    ("anglais", "en"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("französisch", "fr"),
    ("frans", "fr"),
    ("russian", "ru"),
    ("русский", "ru"),
    ("russisch", "ru"),
    ("ukrainian", "uk"),
    ("ukrainisch", "uk"),
    ("oekraïens", "uk"),
    ("polish", "pl"),
    ("polski", "pl"),
    ("polnisch", "pl"),
    ("pools", "pl"),
    ("spanish", "es"),
    ("español", "es"),
    ("spanisch", "es"),
    ("spaans", "es"),
    ("italian", "it"),
    ("italiano", "it"),
    ("italienisch", "it"),
    ("italiaans", "it"),
    ("portuguese", "pt"),
    ("português", "pt"),
    ("czech", "cs"),
    ("čeština", "cs"),
    ("tschechisch", "cs"),
    ("swedish", "sv"),
    ("svenska", "sv"),
    ("danish", "da"),
    ("dansk", "da"),
    ("norwegian", "no"),
    ("norsk", "no"),
    ("finnish", "fi"),
    ("suomi", "fi"),
    ("hungarian", "hu"),
    ("magyar", "hu"),
    ("romanian", "ro"),
    ("bulgarian", "bg"),
    ("serbian", "sr"),
    ("croatian", "hr"),
    ("slovak", "sk"),
    ("slovenian", "sl"),
    ("lithuanian", "lt"),
    ("latvian", "lv"),
    ("estonian", "et"),
    ("belarusian", "be"),
    ("georgian", "ka"),
    ("armenian", "hy"),
    ("yiddish", "yi"),
    ("hebrew", "he"),
    ("greek", "el"),
    ("turkish", "tr"),
    ("kazakh", "kk"),
    ("uzbek", "uz"),
    ("chinese", "zh"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("arabic", "ar"),
    ("latin", "la"),
];

/// The language tag a header or attribute names, by tag (`de`, `de-DE`, `pt_BR`) or by
/// name (`German`, `Deutsch`, memoQ's `English_United_States`, `French (Canada)`).
pub(super) fn language_named(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(tag) = language_tag(s) {
        return Some(tag);
    }
    let first = s
        .split(|c: char| c == '_' || c == '(' || c == '-' || c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    NAMES
        .iter()
        .find(|(name, _)| *name == first)
        .map(|(_, tag)| tag.to_string())
}

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// The concept id (memoQ's `Entry_ID`).
    Id,
    /// Terms in a language (by tag).
    Term(String),
    /// Terms in the source language (OmegaT's first column, a "source" header): the
    /// language `--source-lang` or the terms say.
    Source,
    /// A definition in a language (memoQ's `English_Def`); `None`: of the concept.
    Definition(Option<String>),
    /// A status of the term in the column before.
    Status,
    /// A note on the term in the column before (memoQ's `Term_Info`, `Term_Example`,
    /// under the header's name).
    TermNote(String),
    /// A note on the concept (`Note`, `Comment`, OmegaT's third column), under the
    /// header's name unless it is a plain note.
    Note(Option<String>),
    /// A column the user said to leave out (`-` in `--columns`).
    Skip,
}

/// The columns of a file, in order, as `--columns` gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns(pub Vec<Column>);

impl FromStr for Columns {
    type Err = Error;

    /// `de,en,definition,note`: per column a language (tag or name), `source`,
    /// `definition` or `definition:LANG`, `status`, `note`, `id`, or `-` to leave it out.
    fn from_str(s: &str) -> Result<Columns, Error> {
        let mut out = Vec::new();
        for item in s.split(',') {
            let item = item.trim();
            let lower = item.to_lowercase();
            let col = match lower.as_str() {
                "id" | "concept" => Column::Id,
                "source" => Column::Source,
                "target" => Column::Term("en".into()),
                "definition" => Column::Definition(None),
                "status" => Column::Status,
                "note" | "comment" => Column::Note(None),
                "-" | "skip" => Column::Skip,
                _ => match lower.strip_prefix("definition:") {
                    Some(lang) => Column::Definition(Some(
                        language_named(lang).ok_or_else(|| bad_columns(item))?,
                    )),
                    None => Column::Term(language_named(item).ok_or_else(|| bad_columns(item))?),
                },
            };
            out.push(col);
        }
        if !out
            .iter()
            .any(|c| matches!(c, Column::Term(_) | Column::Source))
        {
            return Err(Error::Invalid(format!(
                "--columns {s} names no column of terms; hint: name a language (`de,en`)"
            )));
        }
        Ok(Columns(out))
    }
}

fn bad_columns(item: &str) -> Error {
    Error::Invalid(format!(
        "--columns: `{item}` is not a column glossa knows; hint: a language (`de`, `German`, `pt-BR`), `source`, `definition`, `definition:LANG`, `status`, `note`, `id` or `-`"
    ))
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Column::Id => f.write_str("id"),
            Column::Term(l) => f.write_str(l),
            Column::Source => f.write_str("source"),
            Column::Definition(None) => f.write_str("definition"),
            Column::Definition(Some(l)) => write!(f, "definition:{l}"),
            Column::Status => f.write_str("status"),
            Column::TermNote(h) => write!(f, "note on the term ({h})"),
            Column::Note(_) => f.write_str("note"),
            Column::Skip => f.write_str("-"),
        }
    }
}

/// What a header cell says its column holds, or `None` when the reader does not know it.
fn column_named(header: &str) -> Option<Column> {
    let h = header.trim();
    let lower = h.to_lowercase();
    let lower = lower.trim_start_matches('\u{feff}');
    let plain = lower.replace([' ', '-'], "_");
    Some(match plain.as_str() {
        "entry_id" | "id" | "concept" | "concept_id" | "entryid" => Column::Id,
        "source" | "source_term" | "quelle" | "ausgangssprache" | "bron" | "bronterm"
        | "begriff" | "benennung" | "term" => Column::Source,
        "target" | "target_term" | "ziel" | "doel" | "translation" | "übersetzung"
        | "vertaling" | "rendering" => Column::Term("en".into()),
        "definition" | "definitie" => Column::Definition(None),
        "status" | "term_status" | "usage_status" => Column::Status,
        "note" | "notes" | "comment" | "comments" | "entry_note" | "anmerkung" | "kommentar"
        | "bemerkung" | "opmerking" | "notitie" => Column::Note(None),
        "term_info" | "term_example" | "example" | "context" => Column::TermNote(h.to_string()),
        "entry_subject" | "entry_domain" | "subject" | "domain" | "entry_clientid"
        | "entry_projectid" | "entry_created" | "entry_creator" | "entry_lastmodified"
        | "entry_modifier" | "category" => Column::Note(Some(h.to_string())),
        _ => {
            // memoQ's `English_Def`, "Definition (German)", "definition_de", "German definition".
            let def = plain
                .strip_suffix("_def")
                .or_else(|| plain.strip_suffix("_definition"))
                .or_else(|| plain.strip_prefix("definition_"))
                .or_else(|| plain.strip_prefix("definition_("));
            if let Some(lang) = def.and_then(|l| language_named(l.trim_matches(['(', ')', '_']))) {
                return Some(Column::Definition(Some(lang)));
            }
            if let Some(tag) = language_named(h) {
                return Some(Column::Term(tag));
            }
            return column_of_words(lower);
        }
    })
}

/// A header of a few words that names a language among them: "Term (German)", "German
/// term", "Definition (fr)". A header that speaks of notes or examples is left to the
/// caller (kept as a note under its name).
fn column_of_words(header: &str) -> Option<Column> {
    let words: Vec<&str> = header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 || words.len() > 4 {
        return None;
    }
    const NOTES: &[&str] = &[
        "note",
        "notes",
        "comment",
        "comments",
        "remark",
        "remarks",
        "anmerkung",
        "kommentar",
        "bemerkung",
        "opmerking",
        "example",
        "context",
        "info",
        "source",
    ];
    if words.iter().any(|w| NOTES.contains(w)) {
        return None;
    }
    let lang = words.iter().find_map(|w| {
        NAMES
            .iter()
            .find(|(name, _)| name == w)
            .map(|(_, tag)| tag.to_string())
            .or_else(|| (w.len() == 2).then(|| language_tag(w)).flatten())
    })?;
    if words.iter().any(|w| w.starts_with("def")) {
        Some(Column::Definition(Some(lang)))
    } else {
        Some(Column::Term(lang))
    }
}

/// The columns a header row names, or `None` when the row is not a header: it names no
/// column of terms, or fewer than half its cells are names the reader knows. Cells it
/// does not know are kept as notes under their name.
pub(super) fn header_columns(row: &[String]) -> Option<Vec<Column>> {
    let known: Vec<Option<Column>> = row.iter().map(|h| column_named(h)).collect();
    let named = known.iter().filter(|c| c.is_some()).count();
    let filled = row.iter().filter(|h| !h.trim().is_empty()).count();
    let terms = known
        .iter()
        .any(|c| matches!(c, Some(Column::Term(_) | Column::Source)));
    if !terms || named * 2 < filled {
        return None;
    }
    Some(
        known
            .into_iter()
            .zip(row)
            .map(|(c, h)| c.unwrap_or_else(|| Column::Note(Some(h.trim().to_string()))))
            .collect(),
    )
}

/// Whether the first row of a file read with `--columns` is its header: a header the
/// reader recognises, or a row with any cell that names a column ("Kommentar", "Entry_ID").
pub(super) fn looks_like_header(row: &[String]) -> bool {
    header_columns(row).is_some() || row.iter().any(|h| column_named(h).is_some())
}

/// The warning for a first row read as data under `--columns`.
pub(super) fn first_row_is_data(row: &[String]) -> String {
    format!(
        "the first row ({}) is read as data, as it names no column glossa knows; if it is a header, delete the concept it became",
        row.join(", ")
    )
}

/// Reads rows laid out as `columns` say, one concept per row; `rows` are the records with
/// the place each starts at, after any header. `source` is the language of a
/// [`Column::Source`] column.
pub(super) fn read_table(
    columns: &[Column],
    rows: impl Iterator<Item = (Place, Vec<String>)>,
    source: &str,
) -> Import {
    let mut ids = Ids::default();
    let mut concepts: Vec<Concept> = Vec::new();
    // OmegaT lists a source term once per translation: rows with the same one source
    // term and no id are one concept, the further translations its alternatives.
    let mut by_source: std::collections::HashMap<(Lang, String), usize> = Default::default();
    let omegat = columns.first() == Some(&Column::Source) && !columns.contains(&Column::Id);
    // The source column is a column of terms in the source language.
    let columns: Vec<Column> = columns
        .iter()
        .map(|c| match c {
            Column::Source => Column::Term(source.to_string()),
            c => c.clone(),
        })
        .collect();
    let mut renamed = 0;
    let mut no_english = 0;
    let mut empty_rows = 0;
    for (place, row) in rows {
        if row.iter().all(|f| f.trim().is_empty()) {
            empty_rows += 1;
            continue;
        }
        let (c, wanted) = concept_of(&columns, &row);
        let Some(mut c) = c else {
            empty_rows += 1;
            continue;
        };
        let single = (c.forms.len() == 1 && c.other_forms.is_empty())
            .then(|| (c.forms[0].lang, c.forms[0].text.clone()));
        if let Some(key) = single.as_ref().filter(|_| omegat)
            && let Some(&i) = by_source.get(key)
        {
            let first = &mut concepts[i];
            for e in std::iter::once(c.english).chain(c.alternatives) {
                if !e.is_empty() && e != first.english && !first.alternatives.contains(&e) {
                    first.alternatives.push(e);
                }
            }
            if let Some(n) = c.note {
                append(&mut first.note, &n);
            }
            continue;
        }
        if c.english.is_empty() {
            c.english = c
                .forms
                .first()
                .map(|f| f.text.clone())
                .or_else(|| c.other_forms.first().map(|f| f.text.clone()))
                .unwrap_or_default();
            no_english += 1;
        }
        let fallback = format!("row-{}", place.line);
        let (id, numbered) = match &wanted {
            Some(w) => ids.claim(w, &fallback),
            None => {
                let name = c
                    .forms
                    .first()
                    .map(|f| f.text.clone())
                    .unwrap_or_else(|| c.english.clone());
                ids.claim(&name, &fallback)
            }
        };
        if wanted.as_ref().is_some_and(|w| numbered || *w != id) {
            renamed += 1;
        }
        c.id = id;
        order_forms(&mut c);
        if let Some(key) = single {
            by_source.entry(key).or_insert(concepts.len());
        }
        concepts.push(c);
    }
    let mut warnings = Vec::new();
    if renamed > 0 {
        warnings.push(format!(
            "{renamed} entr{} renamed, as an id was taken by an earlier row or is not a glossa id",
            if renamed == 1 { "y" } else { "ies" }
        ));
    }
    if no_english > 0 {
        warnings.push(format!(
            "{no_english} row{} without an English term: the rendering is the first term, to be checked",
            if no_english == 1 { "" } else { "s" }
        ));
    }
    if empty_rows > 0 {
        warnings.push(format!(
            "{empty_rows} row{} without a term left out",
            if empty_rows == 1 { "" } else { "s" }
        ));
    }
    Import {
        glossary: Glossary {
            concepts,
            ..Glossary::default()
        },
        warnings,
    }
}

/// The concept of one row (without its id), and the id the row asks for; `None` when the
/// row has no term.
fn concept_of(columns: &[Column], row: &[String]) -> (Option<Concept>, Option<String>) {
    let mut c = new_concept("");
    let mut wanted = None;
    let mut english: Vec<String> = Vec::new();
    let mut any = false;
    // The term the last term column added, for the status and note columns after it.
    #[derive(Clone, Copy)]
    enum Last {
        None,
        Form(usize),
        Other(usize),
        English(usize),
    }
    let mut last = Last::None;
    for (i, cell) in row.iter().enumerate() {
        let cell = cell.trim();
        // A row longer than the header: the extra cells are kept as notes.
        let col = columns
            .get(i)
            .cloned()
            .unwrap_or(Column::Note(Some(format!("column {}", i + 1))));
        if cell.is_empty() {
            if matches!(col, Column::Term(_) | Column::Source) {
                last = Last::None;
            }
            continue;
        }
        match col {
            Column::Id => wanted = Some(cell.to_string()),
            Column::Term(ref tag) if Lang::from_tag(tag) == Some(Lang::En) => {
                english.push(cell.to_string());
                last = Last::English(english.len() - 1);
                any = true;
            }
            Column::Term(_) | Column::Source => {
                let known = match &col {
                    Column::Term(tag) => Lang::from_tag(tag),
                    _ => Some(Lang::De),
                };
                any = true;
                match known {
                    Some(lang) => {
                        let mut f = new_form(lang, cell);
                        if c.forms.iter().any(|x| x.lang == lang) {
                            f.status = Status::Admitted;
                        }
                        c.forms.push(f);
                        last = Last::Form(c.forms.len() - 1);
                    }
                    None => {
                        let Column::Term(tag) = &col else { continue };
                        let mut f = new_other_form(tag, cell);
                        if c.other_forms.iter().any(|x| x.lang == *tag) {
                            f.status = Status::Admitted;
                        }
                        c.other_forms.push(f);
                        last = Last::Other(c.other_forms.len() - 1);
                    }
                }
            }
            Column::Definition(None) => append(&mut c.definition, cell),
            Column::Definition(Some(tag)) => {
                let tag = match Lang::from_tag(&tag) {
                    Some(l) => l.code().to_string(),
                    None => tag,
                };
                let d = c.definitions.entry(tag).or_default();
                if !d.is_empty() {
                    d.push('\n');
                }
                d.push_str(cell);
            }
            Column::Status => match (parse_status(cell), last) {
                (Some(s), Last::Form(i)) => c.forms[i].status = s,
                (Some(s), Last::Other(i)) => c.other_forms[i].status = s,
                (Some(Status::Deprecated), Last::English(i)) => {
                    let term = english.remove(i);
                    c.forbidden.push(term);
                    last = Last::None;
                }
                _ => append(&mut c.note, &format!("status: {cell}")),
            },
            Column::TermNote(name) => {
                let text = format!("{name}: {cell}");
                match last {
                    Last::Form(i) => append(&mut c.forms[i].note, &text),
                    Last::Other(i) => append(&mut c.other_forms[i].note, &text),
                    Last::English(i) => append(&mut c.note, &format!("({}) {text}", english[i])),
                    Last::None => append(&mut c.note, &text),
                }
            }
            Column::Note(None) => append(&mut c.note, cell),
            Column::Note(Some(name)) => append(&mut c.note, &format!("{name}: {cell}")),
            Column::Skip => {}
        }
    }
    if !any {
        return (None, wanted);
    }
    let mut english = english.into_iter();
    if let Some(first) = english.next() {
        c.english = first;
    }
    c.alternatives.extend(english);
    if c.forms.is_empty() && c.other_forms.is_empty() {
        // English terms only: they are the concept's English forms too.
        let mut f = new_form(Lang::En, &c.english);
        f.status = Status::Preferred;
        c.forms.push(f);
        for a in &c.alternatives {
            c.forms.push(new_form(Lang::En, a));
        }
    }
    (Some(c), wanted)
}

/// Adds `text` to an optional field, on a new line when it holds something already.
fn append(field: &mut Option<String>, text: &str) {
    match field {
        Some(f) if !f.is_empty() => {
            f.push('\n');
            f.push_str(text);
        }
        _ => *field = Some(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_languages_in_every_spelling() {
        for (h, tag) in [
            ("German", "de"),
            ("Deutsch", "de"),
            ("de", "de"),
            ("de-DE", "de-DE"),
            ("English", "en"),
            ("English_United_States", "en"),
            ("French (Canada)", "fr"),
            ("RU", "ru"),
        ] {
            assert_eq!(column_named(h), Some(Column::Term(tag.into())), "{h}");
        }
        assert_eq!(
            column_named("English_Def"),
            Some(Column::Definition(Some("en".into())))
        );
        assert_eq!(column_named("Entry_ID"), Some(Column::Id));
        assert_eq!(
            column_named("Term (German)"),
            Some(Column::Term("de".into()))
        );
        assert_eq!(column_named("Dutch term"), Some(Column::Term("nl".into())));
        assert_eq!(
            column_named("Definition (fr)"),
            Some(Column::Definition(Some("fr".into())))
        );
        assert_eq!(column_named("Note (English)"), None);
        assert_eq!(column_named("Kolchos"), None);
    }

    #[test]
    fn a_row_of_terms_is_not_a_header() {
        let row = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(header_columns(&row(&["Kolchos", "kolkhoz", "collective farm"])).is_none());
        assert!(header_columns(&row(&["German", "English", "Remarks"])).is_some());
        assert!(header_columns(&row(&["Note", "Entry_ID"])).is_none());
    }

    #[test]
    fn columns_are_parsed_and_refused_by_name() {
        let c: Columns = "de, English, definition:fr, note, -".parse().unwrap();
        assert_eq!(
            c.0,
            [
                Column::Term("de".into()),
                Column::Term("en".into()),
                Column::Definition(Some("fr".into())),
                Column::Note(None),
                Column::Skip
            ]
        );
        let e = "de,xyzzy".parse::<Columns>().unwrap_err().to_string();
        assert!(e.contains("`xyzzy`"), "{e}");
        assert!("note,id".parse::<Columns>().is_err());
    }
}
