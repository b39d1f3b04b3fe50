//! OmegaT's tab-separated glossary in and out: `source<TAB>target<TAB>comment`, one line
//! per form. glossa puts everything else into the comment as `glossa:` pairs (`pairs`),
//! the concept's fields on its first line only, so that it reads its own files back; a
//! plain OmegaT glossary, without such comments, imports with one concept per source term.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::fields::{
    list, new_concept, new_form, order_forms, parse_category, parse_compound, parse_inflect,
    status_name,
};
use super::pairs::{apply_form_pairs, form_pairs, pairs, parse_pairs};
use super::sorted;
use crate::error::{Error, Result};
use crate::glossary::{Concept, Glossary};
use crate::lang::Lang;

// ---- writing ---------------------------------------------------------------------------

/// A column's text without the tabs and line breaks that would split it.
fn tsv_clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// OmegaT's glossary: `source<TAB>target<TAB>comment`, one line per form.
pub fn to_tsv(g: &Glossary) -> String {
    let mut o = String::new();
    for c in sorted(g) {
        for (i, f) in c.forms.iter().enumerate() {
            let mut p: Vec<(&str, String)> = vec![
                ("id", c.id.clone()),
                ("lang", f.lang.code().to_string()),
                ("status", status_name(f.status).to_string()),
            ];
            if i == 0 {
                p.extend(concept_pairs(c));
            }
            p.extend(form_pairs(f));
            if let Some(n) = &f.note {
                p.push(("note", n.clone()));
            }
            let _ = writeln!(
                o,
                "{}\t{}\t{}",
                tsv_clean(&f.text),
                tsv_clean(f.english_in(c)),
                tsv_clean(&pairs(&p))
            );
        }
    }
    o
}

/// The concept's own fields as pairs, for the comment of its first line.
fn concept_pairs(c: &Concept) -> Vec<(&'static str, String)> {
    let mut p = vec![
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
        p.push(("definition", d.clone()));
    }
    if let Some(n) = &c.note {
        p.push(("concept_note", n.clone()));
    }
    if let Some(x) = c.inflect {
        p.push(("concept_inflect", x.to_string()));
    }
    if let Some(x) = c.compound {
        p.push(("concept_compound", x.to_string()));
    }
    p
}

// ---- reading ---------------------------------------------------------------------------

/// Reads an OmegaT glossary; lines without glossa's comment become one concept each (the
/// source term German, the target its English rendering).
pub fn from_tsv(name: &str, text: &str) -> Result<Glossary> {
    let mut concepts: Vec<Concept> = Vec::new();
    for (n, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return Err(Error::Syntax {
                path: name.to_string(),
                line: n + 1,
                column: 1,
                message: "expected `source<TAB>target[<TAB>comment]`".into(),
            });
        }
        let p = cols.get(2).and_then(|c| parse_pairs(c)).unwrap_or_default();
        let id = p.get("id").cloned().unwrap_or_else(|| slug(cols[0]));
        let lang = p
            .get("lang")
            .and_then(|l| l.parse().ok())
            .unwrap_or(Lang::De);
        let i = match concepts.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                let mut c = new_concept(&id);
                c.english = cols[1].to_string();
                // A plain OmegaT comment is the concept's note.
                if cols.len() > 2 && p.is_empty() && !cols[2].is_empty() {
                    c.note = Some(cols[2].to_string());
                }
                concepts.push(c);
                concepts.len() - 1
            }
        };
        let c = &mut concepts[i];
        apply_concept_pairs(c, &p);
        let mut f = new_form(lang, cols[0]);
        apply_form_pairs(&mut f, &p);
        c.forms.push(f);
    }
    for c in &mut concepts {
        order_forms(c);
    }
    Ok(Glossary {
        concepts,
        ..Glossary::default()
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
    if let Some(v) = p.get("definition") {
        c.definition = Some(v.clone());
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

/// A concept id from a term: lowercase ASCII letters and digits, `-` between.
fn slug(term: &str) -> String {
    let mut out = String::new();
    for c in crate::fold::fold_str(term).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "concept".into()
    } else {
        out
    }
}
