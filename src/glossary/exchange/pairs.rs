//! `glossa:` notes: what TBX-Basic and OmegaT have no field for, carried as
//! `glossa: key=value; key=value` in a note (TBX) or the comment column (TSV), so that
//! glossa reads its own exports back without loss.
//!
//! `;`, `=` and `\` in a value are escaped by `\`, as are line breaks and tabs (`\n`,
//! `\t`), which TSV could not hold.

use std::collections::BTreeMap;

use super::fields::{parse_compound, parse_inflect, parse_status};
use crate::glossary::Form;

/// `key=value; key=value`, with `;`, `=` and `\` escaped by `\`.
pub(super) fn pairs(items: &[(&str, String)]) -> String {
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace(';', "\\;")
            .replace('=', "\\=")
            .replace('\n', "\\n")
            .replace('\t', "\\t")
    };
    let parts: Vec<String> = items
        .iter()
        .map(|(k, v)| format!("{k}={}", esc(v)))
        .collect();
    format!("glossa: {}", parts.join("; "))
}

/// The pairs of a `glossa:` note, or `None` when the text is a plain note.
pub(super) fn parse_pairs(text: &str) -> Option<BTreeMap<String, String>> {
    let rest = text.strip_prefix("glossa:")?.trim_start();
    let mut out = BTreeMap::new();
    let mut key = String::new();
    let mut value = String::new();
    let mut in_value = false;
    let mut chars = rest.chars();
    let mut flush = |key: &mut String, value: &mut String| {
        if !key.trim().is_empty() {
            out.insert(key.trim().to_string(), std::mem::take(value));
        }
        key.clear();
        value.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let e = match chars.next() {
                    Some('n') => '\n',
                    Some('t') => '\t',
                    Some(x) => x,
                    None => '\\',
                };
                if in_value { value.push(e) } else { key.push(e) }
            }
            '=' if !in_value => in_value = true,
            ';' => {
                flush(&mut key, &mut value);
                in_value = false;
                // Skip the space after `;`.
                let rest = chars.as_str();
                if let Some(r) = rest.strip_prefix(' ') {
                    chars = r.chars();
                }
            }
            c if in_value => value.push(c),
            c => key.push(c),
        }
    }
    flush(&mut key, &mut value);
    Some(out)
}

/// A form's fields that neither TBX nor TSV has a place for, in the order they are written.
pub(super) fn form_pairs(f: &Form) -> Vec<(&'static str, String)> {
    let mut p = Vec::new();
    if let Some(e) = &f.english {
        p.push(("english", e.clone()));
    }
    if let Some(i) = f.inflect {
        p.push(("inflect", i.to_string()));
    }
    if let Some(c) = f.compound {
        p.push(("compound", c.to_string()));
    }
    if !f.endings.is_empty() {
        p.push(("endings", f.endings.join(",")));
    }
    if let Some(d) = &f.definition {
        p.push(("definition", d.clone()));
    }
    p
}

/// Sets what the pairs say about a form (`status` and `note` too, which TSV carries here);
/// a missing or unknown value leaves the field as it was.
pub(super) fn apply_form_pairs(f: &mut Form, p: &BTreeMap<String, String>) {
    if let Some(e) = p.get("english") {
        f.english = Some(e.clone());
    }
    f.inflect = p
        .get("inflect")
        .and_then(|s| parse_inflect(s))
        .or(f.inflect);
    f.compound = p
        .get("compound")
        .and_then(|s| parse_compound(s))
        .or(f.compound);
    if let Some(e) = p.get("endings") {
        f.endings = e
            .split(',')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
    }
    if let Some(s) = p.get("status").and_then(|s| parse_status(s)) {
        f.status = s;
    }
    if let Some(n) = p.get("note") {
        f.note = Some(n.clone());
    }
    if let Some(d) = p.get("definition") {
        f.definition = Some(d.clone());
    }
}
