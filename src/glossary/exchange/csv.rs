//! CSV in and out. glossa writes its long format, one row per form with the concept's
//! fields repeated on each row, under a header that names the columns ([`CSV_HEADER`]);
//! it reads that (columns found by name, so a file may order them as it likes and leave
//! out all but concept, lang and term), spreadsheets and memoQ exports with a column per
//! language, and OmegaT's headerless CSV ([`read_csv`]). RFC 4180 quoting; `,`, `;` or
//! tab between fields; lists inside a field are `|`-separated.

use std::collections::HashMap;

use super::columns::{
    Column, first_row_is_data, header_columns, language_named, looks_like_header, read_table,
};
use super::fields::{
    list, new_concept, new_form, new_other_form, order_forms, parse_category, parse_compound,
    parse_inflect, parse_status, status_name,
};
use super::pairs::{pairs, parse_pairs};
use super::{Import, ImportOptions, Place, invalid, sorted};
use crate::error::{Error, Result};
use crate::glossary::{Category, Concept, Form, Glossary, OtherForm};
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
    "definitions",
    "lang",
    "term",
    "status",
    "term_english",
    "inflect",
    "compound",
    "endings",
    "term_definition",
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

/// CSV, one row per form (forms in other languages after those glossa matches).
pub fn to_csv(g: &Glossary) -> String {
    let mut o = CSV_HEADER.join(",");
    o.push('\n');
    let mut line = |fields: [String; 19]| {
        let fields: Vec<String> = fields.iter().map(|s| csv_field(s, ',')).collect();
        o.push_str(&fields.join(","));
        o.push('\n');
    };
    for c in sorted(g) {
        for f in &c.forms {
            line(row(c, f));
        }
        for f in &c.other_forms {
            line(other_row(c, f));
        }
    }
    o
}

/// The concept's per-language definitions as `lang=text; lang=text` pairs.
fn definitions(c: &Concept) -> String {
    let items: Vec<(&str, String)> = c
        .definitions
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    if items.is_empty() {
        return String::new();
    }
    let p = pairs(&items);
    p.strip_prefix("glossa: ").unwrap_or(&p).to_string()
}

/// The fields of a row of a form in another language.
fn other_row(c: &Concept, f: &OtherForm) -> [String; 19] {
    let mut r = concept_fields(c);
    r[10] = f.lang.clone();
    r[11] = f.text.clone();
    r[12] = status_name(f.status).to_string();
    r[17] = opt(&f.definition);
    r[18] = opt(&f.note);
    r
}

/// A row with the concept's fields filled in and the form's empty.
fn concept_fields(c: &Concept) -> [String; 19] {
    let mut r: [String; 19] = Default::default();
    r[0] = c.id.clone();
    r[1] = c.category.to_string();
    r[2] = c.english.clone();
    r[3] = c.alternatives.join("|");
    r[4] = c.forbidden.join("|");
    r[5] = opt(&c.definition);
    r[6] = opt(&c.note);
    r[7] = opt(&c.inflect);
    r[8] = opt(&c.compound);
    r[9] = definitions(c);
    r
}

/// The fields of one form's row, in the order of [`CSV_HEADER`].
fn row(c: &Concept, f: &Form) -> [String; 19] {
    let mut r = concept_fields(c);
    let form = [
        f.lang.code().to_string(),
        f.text.clone(),
        status_name(f.status).to_string(),
        opt(&f.english),
        opt(&f.inflect),
        opt(&f.compound),
        f.endings.join("|"),
        opt(&f.definition),
        opt(&f.note),
    ];
    for (i, v) in form.into_iter().enumerate() {
        r[10 + i] = v;
    }
    r
}

// ---- reading ---------------------------------------------------------------------------

/// The field separator of a CSV file: the one of `,`, `;` and tab that its first line (or
/// record) holds most of outside quotes; `,` when it holds none.
pub(super) fn separator(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [',', ';', '\t'];
    let max = counts.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return ',';
    }
    seps[counts.iter().position(|n| *n == max).unwrap_or(0)]
}

/// Splits CSV text into records separated by `sep` (RFC 4180 quoting), each with the
/// place it starts at; blank lines are left out. A quoted field that never ends is an
/// error at the quote that opens it.
pub(super) fn csv_records(name: &str, text: &str, sep: char) -> Result<Vec<(Place, Vec<String>)>> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted: Option<Place> = None;
    let mut any = false;
    let (mut line, mut column) = (1usize, 0usize);
    let mut start = Place { line: 1, column: 1 };
    let text = text.trim_start_matches('\u{feff}');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if !any {
            start = Place { line, column };
        }
        any = true;
        if quoted.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    column += 1;
                    field.push('"');
                }
                '"' => quoted = None,
                '\n' => {
                    line += 1;
                    column = 0;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = Some(Place { line, column });
            }
            c if c == sep => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut record)));
                any = false;
                line += 1;
                column = 0;
            }
            c => field.push(c),
        }
    }
    if let Some(at) = quoted {
        return Err(Error::Syntax {
            path: name.to_string(),
            line: at.line,
            column: at.column,
            message: format!(
                "the quoted field that starts here never ends (the file breaks off at line {line})"
            ),
        });
    }
    if any {
        record.push(field);
        out.push((start, record));
    }
    out.retain(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(out)
}

fn some(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Reads the CSV written by [`to_csv`] (columns found by their header names).
pub fn from_csv(name: &str, text: &str) -> Result<Glossary> {
    Ok(read_csv(name, text, &ImportOptions::default())?.glossary)
}

/// Reads a CSV glossary, its separator `,`, `;` or tab, in one of these layouts:
///
/// - glossa's own, one row per form (a header with `concept`, `lang` and `term`);
/// - a spreadsheet or memoQ export, one row per concept, a column per language (its
///   header names the columns: see `columns`);
/// - OmegaT's, without a header: source term, target (English) term, comment;
/// - any, with `--columns` saying what each column holds (a header row the reader
///   recognises is skipped).
pub(super) fn read_csv(name: &str, text: &str, options: &ImportOptions) -> Result<Import> {
    let sep = separator(text.trim_start_matches('\u{feff}'));
    let records = csv_records(name, text, sep)?;
    let Some((_, first)) = records.first() else {
        return Err(invalid(name, "empty CSV file".into()));
    };
    let source = options.source_lang.as_deref().unwrap_or("de");
    if let Some(columns) = &options.columns {
        let header = looks_like_header(first) || is_long_header(first);
        let warning = (!header).then(|| first_row_is_data(first));
        let rows = records.into_iter().skip(usize::from(header));
        let mut import = read_table(&columns.0, rows, source);
        import.warnings.extend(warning);
        return Ok(import);
    }
    if is_long_header(first) {
        return read_long(name, records);
    }
    if let Some(columns) = header_columns(first) {
        return Ok(read_table(&columns, records.into_iter().skip(1), source));
    }
    if first.len() <= 3 {
        return Ok(read_table(&omegat_columns(), records.into_iter(), source));
    }
    Err(invalid(
        name,
        format!(
            "cannot tell what the {} columns hold: the first row ({}) is no header glossa knows; hint: say it with --columns (`--columns de,en,note`)",
            first.len(),
            first.join(&sep.to_string())
        ),
    ))
}

/// OmegaT's columns: source term, target (English) term, comment.
pub(super) fn omegat_columns() -> Vec<Column> {
    vec![
        Column::Source,
        Column::Term("en".into()),
        Column::Note(None),
    ]
}

/// Whether a header is glossa's own (one row per form).
fn is_long_header(row: &[String]) -> bool {
    let has = |n: &str| row.iter().any(|h| h.trim() == n);
    has("concept") && has("lang") && has("term")
}

/// glossa's own CSV, one row per form (see [`to_csv`]): the concept's fields are read
/// from its first row, later rows only add forms.
fn read_long(name: &str, records: Vec<(Place, Vec<String>)>) -> Result<Import> {
    let mut records = records.into_iter();
    let header = records.next().map(|(_, h)| h).unwrap_or_default();
    let index: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim(), i))
        .collect();
    let col = |n: &str| index.get(n).copied();
    let (Some(ci), Some(li), Some(ti)) = (col("concept"), col("lang"), col("term")) else {
        return Err(invalid(
            name,
            "the CSV header needs concept, lang and term".into(),
        ));
    };
    let mut concepts: Vec<Concept> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut empty = 0;
    for (place, r) in records {
        let get = |name: &str| col(name).and_then(|i| r.get(i)).map_or("", |s| s.as_str());
        let id = r.get(ci).map_or("", |s| s.as_str());
        let code = r.get(li).map_or("", |s| s.trim());
        let lang = match (Lang::from_tag(code), language_named(code)) {
            (Some(l), _) => TermLang::Known(l),
            (None, Some(tag)) => TermLang::Other(tag),
            (None, None) => {
                return Err(Error::Syntax {
                    path: name.to_string(),
                    line: place.line,
                    column: 1,
                    message: format!(
                        "`{code}` is not a language; hint: use a language code such as `de`, `nl`, `en`, `fr`"
                    ),
                });
            }
        };
        let term = r.get(ti).map_or("", |s| s.trim());
        let i = match by_id.get(id) {
            Some(i) => *i,
            None => {
                concepts.push(concept_of_row(id, &get));
                by_id.insert(id.to_string(), concepts.len() - 1);
                concepts.len() - 1
            }
        };
        if term.is_empty() {
            empty += 1;
            continue;
        }
        match lang {
            TermLang::Known(l) => concepts[i].forms.push(form_of_row(l, term, &get)),
            TermLang::Other(tag) => {
                let mut f = new_other_form(&tag, term);
                f.status = parse_status(get("status")).unwrap_or_default();
                f.definition = some(get("term_definition"));
                f.note = some(get("note"));
                concepts[i].other_forms.push(f);
            }
        }
    }
    for c in &mut concepts {
        order_forms(c);
    }
    let mut warnings = Vec::new();
    if empty > 0 {
        warnings.push(format!(
            "{empty} row{} with an empty term left out",
            if empty == 1 { "" } else { "s" }
        ));
    }
    Ok(Import {
        glossary: Glossary {
            concepts,
            ..Glossary::default()
        },
        warnings,
    })
}

/// The language of a row of glossa's own CSV.
enum TermLang {
    Known(Lang),
    Other(String),
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
    if let Some(p) = parse_pairs(&format!("glossa: {}", get("definitions"))) {
        c.definitions = p.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    }
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
    f.definition = some(get("term_definition"));
    f.note = some(get("note"));
    f
}
