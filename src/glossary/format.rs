//! The canonical text of a glossary, as `glossa glossary fmt` writes it.
//!
//! Concepts are sorted by id; the keys of a concept come in a fixed order (`english`,
//! `alternatives`, `forbidden`, `category`, `definition`, `definitions`, `note`,
//! `inflect`, `compound`, `de`, `nl`, `en`, then other languages by tag); each form is one
//! inline table on its own line (`form`, `status`, `english`, `inflect`, `compound`,
//! `endings`, `definition`, `note`), in the order the author gave, with defaults left out. One line per form keeps a change to one spelling a one-line diff.
//! The `ignore` list (words `glossa suggest` must not propose) comes first, sorted, one
//! word a line.

use std::fmt::Write;

use super::{Concept, Form, Glossary, OtherForm, Status};
use crate::lang::Lang;

pub(super) fn to_toml(g: &Glossary) -> String {
    let mut out = String::new();
    if !g.header.is_empty() {
        out.push_str(&g.header);
    }
    if !g.ignore.is_empty() {
        let mut ignore = g.ignore.clone();
        ignore.sort();
        ignore.dedup();
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "ignore = [");
        for word in &ignore {
            let _ = writeln!(out, "    {},", string(word));
        }
        out.push_str("]\n");
    }
    let mut concepts: Vec<&Concept> = g.concepts.iter().collect();
    concepts.sort_by(|a, b| a.id.cmp(&b.id));
    for c in concepts {
        if !out.is_empty() {
            out.push('\n');
        }
        concept(&mut out, c);
    }
    out
}

fn concept(out: &mut String, c: &Concept) {
    let _ = writeln!(out, "[concept.{}]", key(&c.id));
    let _ = writeln!(out, "english = {}", string(&c.english));
    if !c.alternatives.is_empty() {
        let _ = writeln!(out, "alternatives = {}", list(&c.alternatives));
    }
    if !c.forbidden.is_empty() {
        let _ = writeln!(out, "forbidden = {}", list(&c.forbidden));
    }
    let _ = writeln!(out, "category = \"{}\"", c.category);
    if let Some(d) = &c.definition {
        let _ = writeln!(out, "definition = {}", string(d));
    }
    if !c.definitions.is_empty() {
        let items: Vec<String> = c
            .definitions
            .iter()
            .map(|(lang, d)| format!("{} = {}", key(lang), string(d)))
            .collect();
        let _ = writeln!(out, "definitions = {{ {} }}", items.join(", "));
    }
    if let Some(n) = &c.note {
        let _ = writeln!(out, "note = {}", string(n));
    }
    if let Some(i) = c.inflect {
        let _ = writeln!(out, "inflect = \"{i}\"");
    }
    if let Some(k) = c.compound {
        let _ = writeln!(out, "compound = \"{k}\"");
    }
    for lang in Lang::ALL {
        let forms: Vec<&Form> = c.forms.iter().filter(|f| f.lang == lang).collect();
        if forms.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{} = [", lang.code());
        for f in forms {
            let _ = writeln!(out, "    {},", form(f));
        }
        out.push_str("]\n");
    }
    let mut langs: Vec<&str> = c.other_forms.iter().map(|f| f.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    for lang in langs {
        let _ = writeln!(out, "{} = [", key(lang));
        for f in c.other_forms.iter().filter(|f| f.lang == lang) {
            let _ = writeln!(out, "    {},", other_form(f));
        }
        out.push_str("]\n");
    }
}

fn other_form(f: &OtherForm) -> String {
    let mut parts = vec![format!("form = {}", string(&f.text))];
    if f.status != Status::Preferred {
        parts.push(format!("status = \"{}\"", f.status));
    }
    if let Some(d) = &f.definition {
        parts.push(format!("definition = {}", string(d)));
    }
    if let Some(n) = &f.note {
        parts.push(format!("note = {}", string(n)));
    }
    format!("{{ {} }}", parts.join(", "))
}

fn form(f: &Form) -> String {
    let mut parts = vec![format!("form = {}", string(&f.text))];
    if f.status != Status::Preferred {
        parts.push(format!("status = \"{}\"", f.status));
    }
    if let Some(e) = &f.english {
        parts.push(format!("english = {}", string(e)));
    }
    if let Some(i) = f.inflect {
        parts.push(format!("inflect = \"{i}\""));
    }
    if let Some(k) = f.compound {
        parts.push(format!("compound = \"{k}\""));
    }
    if !f.endings.is_empty() {
        parts.push(format!("endings = {}", list(&f.endings)));
    }
    if let Some(d) = &f.definition {
        parts.push(format!("definition = {}", string(d)));
    }
    if let Some(n) = &f.note {
        parts.push(format!("note = {}", string(n)));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// A bare key when TOML allows one, else a quoted key.
fn key(k: &str) -> String {
    let bare = !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare { k.to_string() } else { string(k) }
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// A TOML basic string.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
