//! OmegaT's tab-separated glossary in and out: `source<TAB>target<TAB>comment`, one line
//! per form. glossa puts everything else into the comment as `glossa:` pairs (`pairs`),
//! the concept's fields on its first line only, so that it reads its own files back; a
//! plain OmegaT glossary, without such comments, imports with one concept per source term.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use super::columns::{Column, first_row_is_data, header_columns, looks_like_header, read_table};
use super::fields::{
    Ids, list, new_concept, new_form, new_other_form, order_forms, parse_category, parse_compound,
    parse_inflect, parse_status, status_name,
};
use super::pairs::{apply_form_pairs, form_pairs, pairs, parse_pairs};
use super::{Import, ImportOptions, Place, sorted};
use crate::error::{Error, Result};
use crate::glossary::{Concept, Glossary};
use crate::lang::{Lang, language_tag};

// ---- writing ---------------------------------------------------------------------------

/// A column's text without the tabs and line breaks that would split it.
fn tsv_clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One line of the export: the term, its English rendering, the pairs of its comment.
type Line<'a> = (&'a str, &'a str, Vec<(String, String)>);

/// OmegaT's glossary: `source<TAB>target<TAB>comment`, one line per form.
pub fn to_tsv(g: &Glossary) -> String {
    let mut o = String::new();
    for c in sorted(g) {
        // (term, English, pairs) per line; the concept's fields go on the first.
        let mut lines: Vec<Line> = Vec::new();
        let own = |k: &str, v: String| (k.to_string(), v);
        for f in &c.forms {
            let mut p = vec![
                own("id", c.id.clone()),
                own("lang", f.lang.code().to_string()),
                own("status", status_name(f.status).to_string()),
            ];
            p.extend(form_pairs(f).into_iter().map(|(k, v)| own(k, v)));
            if let Some(n) = &f.note {
                p.push(own("note", n.clone()));
            }
            lines.push((&f.text, f.english_in(c), p));
        }
        for f in &c.other_forms {
            let mut p = vec![
                own("id", c.id.clone()),
                own("lang", f.lang.clone()),
                own("status", status_name(f.status).to_string()),
            ];
            if let Some(d) = &f.definition {
                p.push(own("definition", d.clone()));
            }
            if let Some(n) = &f.note {
                p.push(own("note", n.clone()));
            }
            lines.push((&f.text, &c.english, p));
        }
        if let Some((_, _, p)) = lines.first_mut() {
            p.splice(3..3, concept_pairs(c));
        }
        for (text, english, p) in lines {
            let p: Vec<(&str, String)> = p.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            let _ = writeln!(
                o,
                "{}\t{}\t{}",
                tsv_clean(text),
                tsv_clean(english),
                tsv_clean(&pairs(&p))
            );
        }
    }
    o
}

/// The concept's own fields as pairs, for the comment of its first line.
fn concept_pairs(c: &Concept) -> Vec<(String, String)> {
    let mut p: Vec<(&str, String)> = vec![
        ("category", c.category.to_string()),
        ("concept_english", c.english.clone()),
    ];
    if !c.alternatives.is_empty() {
        p.push(("alternatives", c.alternatives.join("|")));
    }
    if !c.forbidden.is_empty() {
        p.push(("forbidden", c.forbidden.join("|")));
    }
    if let Some(d) = &c.definition {
        p.push(("concept_definition", d.clone()));
    }
    let definitions = c
        .definitions
        .iter()
        .map(|(lang, d)| (format!("definition.{lang}"), d.clone()));
    if let Some(n) = &c.note {
        p.push(("concept_note", n.clone()));
    }
    if let Some(x) = c.inflect {
        p.push(("concept_inflect", x.to_string()));
    }
    if let Some(x) = c.compound {
        p.push(("concept_compound", x.to_string()));
    }
    let mut out: Vec<(String, String)> = p.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    out.extend(definitions);
    out
}

// ---- reading ---------------------------------------------------------------------------

/// Reads an OmegaT glossary (source terms German); [`import_with`](super::import_with) takes
/// the source language and says what the import changed.
pub fn from_tsv(name: &str, text: &str) -> Result<Glossary> {
    Ok(read_tsv(name, text, &ImportOptions::default())?.glossary)
}

/// Reads a tab-separated glossary: OmegaT's (`source<TAB>target<TAB>comment`, lines that
/// begin with `#` are comments), glossa's own (the same, with `glossa:` pairs in the
/// comment, which say the concept, language and the rest: lines of one concept join), or
/// a spreadsheet saved as tab-separated text with a header row naming its columns (see
/// `columns`). A plain OmegaT line is a concept of its own; its source term is in the
/// language `--source-lang` says (German unless told).
pub(super) fn read_tsv(name: &str, text: &str, options: &ImportOptions) -> Result<Import> {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .peekable();
    let source = options.source_lang.as_deref().unwrap_or("de");
    let cells = |l: &str| l.split('\t').map(String::from).collect::<Vec<_>>();
    let first = lines.peek().map(|(_, l)| cells(l));
    let header = first.as_deref().and_then(header_columns);
    let table =
        |columns: &[Column], skip: usize, lines: &mut dyn Iterator<Item = (usize, &str)>| {
            let rows = lines
                .skip(skip)
                .map(|(n, l)| (Place { line: n, column: 1 }, cells(l)))
                .collect::<Vec<_>>();
            read_table(columns, rows.into_iter(), source)
        };
    if let Some(columns) = &options.columns {
        let header = first.as_deref().is_some_and(looks_like_header);
        let warning = first.as_deref().filter(|_| !header).map(first_row_is_data);
        let mut import = table(&columns.0, usize::from(header), &mut lines);
        import.warnings.extend(warning);
        return Ok(import);
    }
    if let Some(columns) = header {
        return Ok(table(&columns, 1, &mut lines));
    }
    let mut concepts: Vec<Concept> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    // OmegaT lists a source term once per translation: plain lines with the same source
    // term are one concept, the further translations its alternatives.
    let mut by_source: HashMap<String, usize> = HashMap::new();
    let mut ids = Ids::default();
    let mut empty = 0;
    for (n, line) in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return Err(Error::Syntax {
                path: name.to_string(),
                line: n,
                column: line.chars().count() + 1,
                message: "expected `source<TAB>target[<TAB>comment]`: the line has no tab".into(),
            });
        }
        let term = cols[0].trim();
        if term.is_empty() {
            empty += 1;
            continue;
        }
        let p = cols.get(2).and_then(|c| parse_pairs(c)).unwrap_or_default();
        if p.is_empty()
            && let Some(&i) = by_source.get(term)
        {
            let c = &mut concepts[i];
            let target = cols[1].trim().to_string();
            if !target.is_empty() && target != c.english && !c.alternatives.contains(&target) {
                c.alternatives.push(target);
            }
            let comment = cols[2..].join(" ");
            if !comment.trim().is_empty() {
                let note = c.note.get_or_insert_with(String::new);
                if !note.is_empty() {
                    note.push('\n');
                }
                note.push_str(comment.trim());
            }
            continue;
        }
        // A line glossa wrote names its concept and joins the others of it; any other line
        // is a concept of its own, with an id no other concept has.
        let i = match p.get("id").and_then(|id| by_id.get(id)) {
            Some(i) => *i,
            None => {
                let (id, _) = match p.get("id") {
                    Some(id) => ids.claim(id, &format!("line-{n}")),
                    None => ids.claim(term, &format!("line-{n}")),
                };
                let mut c = new_concept(&id);
                c.english = cols[1].trim().to_string();
                // A plain OmegaT comment is the concept's note.
                if cols.len() > 2 && p.is_empty() && !cols[2].trim().is_empty() {
                    c.note = Some(cols[2..].join(" ").trim().to_string());
                }
                match p.get("id") {
                    Some(own) => by_id.insert(own.clone(), concepts.len()),
                    None => by_source.insert(term.to_string(), concepts.len()),
                };
                concepts.push(c);
                concepts.len() - 1
            }
        };
        let c = &mut concepts[i];
        apply_concept_pairs(c, &p);
        let code = p.get("lang").map_or(source, String::as_str);
        match Lang::from_tag(code) {
            None if language_tag(code).is_some() => {
                let mut f = new_other_form(code, term);
                if let Some(s) = p.get("status").and_then(|s| parse_status(s)) {
                    f.status = s;
                }
                f.definition = p.get("definition").cloned();
                f.note = p.get("note").cloned();
                c.other_forms.push(f);
            }
            known => {
                let lang = known.unwrap_or(Lang::De);
                let mut f = new_form(lang, term);
                apply_form_pairs(&mut f, &p);
                c.forms.push(f);
            }
        }
    }
    for c in &mut concepts {
        if c.english.is_empty() {
            c.english = c.forms.first().map(|f| f.text.clone()).unwrap_or_default();
        }
        order_forms(c);
    }
    let mut warnings = Vec::new();
    if empty > 0 {
        warnings.push(format!(
            "{empty} line{} with an empty source term left out",
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

/// Sets what the pairs say about the concept (see [`concept_pairs`]); what they leave out
/// stays as it was.
fn apply_concept_pairs(c: &mut Concept, p: &BTreeMap<String, String>) {
    if let Some(v) = p.get("category").and_then(|s| parse_category(s)) {
        c.category = v;
    }
    if let Some(v) = p.get("concept_english") {
        c.english = v.clone();
    }
    if let Some(v) = p.get("alternatives") {
        c.alternatives = list(v);
    }
    if let Some(v) = p.get("forbidden") {
        c.forbidden = list(v);
    }
    if let Some(v) = p.get("concept_definition") {
        c.definition = Some(v.clone());
    }
    for (k, v) in p {
        if let Some(lang) = k.strip_prefix("definition.") {
            c.definitions.insert(lang.to_string(), v.clone());
        }
    }
    if let Some(v) = p.get("concept_note") {
        c.note = Some(v.clone());
    }
    if let Some(v) = p.get("concept_inflect") {
        c.inflect = parse_inflect(v);
    }
    if let Some(v) = p.get("concept_compound") {
        c.compound = parse_compound(v);
    }
}
