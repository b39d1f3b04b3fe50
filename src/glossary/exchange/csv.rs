//! CSV in and out, memoQ style: glossa's long format, one row per form with the concept's
//! fields repeated on each row, under a header that names the columns ([`CSV_HEADER`]).
//! The reader finds the columns by those names, so a file may order them as it likes and
//! leave out all but concept, lang and term. RFC 4180 quoting; lists inside a field are
//! `|`-separated.

use super::fields::{
    list, new_concept, new_form, order_forms, parse_category, parse_compound, parse_inflect,
    parse_status, status_name,
};
use super::{invalid, sorted};
use crate::error::{Error, Result};
use crate::glossary::{Category, Concept, Form, Glossary};
use crate::lang::Lang;

/// The columns of the CSV export.
pub const CSV_HEADER: &[&str] = &[
    "concept",
    "category",
    "english",
    "alternatives",
    "forbidden",
    "definition",
    "concept_note",
    "concept_inflect",
    "concept_compound",
    "lang",
    "term",
    "status",
    "term_english",
    "inflect",
    "compound",
    "endings",
    "note",
];

// ---- writing ---------------------------------------------------------------------------

fn csv_field(s: &str, sep: char) -> String {
    if s.contains(sep) || s.contains('"') || s.contains('\n') || s.contains('\r') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(x: &Option<T>) -> String {
    x.as_ref().map_or(String::new(), ToString::to_string)
}

/// CSV, one row per form.
pub fn to_csv(g: &Glossary) -> String {
    let mut o = CSV_HEADER.join(",");
    o.push('\n');
    for c in sorted(g) {
        for f in &c.forms {
            let fields: Vec<String> = row(c, f).iter().map(|s| csv_field(s, ',')).collect();
            o.push_str(&fields.join(","));
            o.push('\n');
        }
    }
    o
}

/// The fields of one form's row, in the order of [`CSV_HEADER`].
fn row(c: &Concept, f: &Form) -> [String; 17] {
    [
        c.id.clone(),
        c.category.to_string(),
        c.english.clone(),
        c.alternatives.join("|"),
        c.forbidden.join("|"),
        opt(&c.definition),
        opt(&c.note),
        opt(&c.inflect),
        opt(&c.compound),
        f.lang.code().to_string(),
        f.text.clone(),
        status_name(f.status).to_string(),
        opt(&f.english),
        opt(&f.inflect),
        opt(&f.compound),
        f.endings.join("|"),
        opt(&f.note),
    ]
}

// ---- reading ---------------------------------------------------------------------------

/// Splits CSV text into records (RFC 4180 quoting).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut record));
                any = false;
            }
            c => field.push(c),
        }
    }
    if any {
        record.push(field);
        out.push(record);
    }
    out.retain(|r| !(r.len() == 1 && r[0].is_empty()));
    out
}

fn some(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Reads the CSV written by [`to_csv`] (columns found by their header names).
pub fn from_csv(name: &str, text: &str) -> Result<Glossary> {
    let mut records = csv_records(text).into_iter();
    let header = records
        .next()
        .ok_or_else(|| invalid(name, "empty CSV file".into()))?;
    let col = |n: &str| header.iter().position(|h| h.trim() == n);
    let (Some(ci), Some(li), Some(ti)) = (col("concept"), col("lang"), col("term")) else {
        return Err(invalid(
            name,
            format!(
                "the CSV header needs the columns concept, lang and term (found: {})",
                header.join(", ")
            ),
        ));
    };
    let mut concepts: Vec<Concept> = Vec::new();
    for (n, r) in records.enumerate() {
        let get = |name: &str| col(name).and_then(|i| r.get(i)).map_or("", |s| s.as_str());
        let id = r.get(ci).map_or("", |s| s.as_str());
        let lang: Lang = r
            .get(li)
            .map_or("", |s| s.as_str())
            .parse()
            .map_err(|e: Error| Error::Syntax {
                path: name.to_string(),
                line: n + 2,
                column: 1,
                message: e.to_string(),
            })?;
        let term = r.get(ti).map_or("", |s| s.as_str());
        // The concept's fields are read from its first row; later rows only add forms.
        let i = match concepts.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                concepts.push(concept_of_row(id, &get));
                concepts.len() - 1
            }
        };
        concepts[i].forms.push(form_of_row(lang, term, &get));
    }
    for c in &mut concepts {
        order_forms(c);
    }
    Ok(Glossary {
        concepts,
        ..Glossary::default()
    })
}

/// A concept from the concept columns of a row; `get` gives a column's field by name, or
/// `""` for a column the file does not have.
fn concept_of_row<'r>(id: &str, get: &impl Fn(&str) -> &'r str) -> Concept {
    let mut c = new_concept(id);
    c.category = parse_category(get("category")).unwrap_or(Category::Term);
    c.english = get("english").to_string();
    c.alternatives = list(get("alternatives"));
    c.forbidden = list(get("forbidden"));
    c.definition = some(get("definition"));
    c.note = some(get("concept_note"));
    c.inflect = parse_inflect(get("concept_inflect"));
    c.compound = parse_compound(get("concept_compound"));
    c
}

/// A form from the term columns of a row (see [`concept_of_row`] for `get`).
fn form_of_row<'r>(lang: Lang, term: &str, get: &impl Fn(&str) -> &'r str) -> Form {
    let mut f = new_form(lang, term);
    f.status = parse_status(get("status")).unwrap_or_default();
    f.english = some(get("term_english"));
    f.inflect = parse_inflect(get("inflect"));
    f.compound = parse_compound(get("compound"));
    f.endings = list(get("endings"));
    f.note = some(get("note"));
    f
}
