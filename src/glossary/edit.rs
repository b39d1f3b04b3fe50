//! Edits of glossary files that keep what the translator wrote: `glossa glossary fmt` and
//! `glossa suggest --write` go through a format-preserving TOML document (toml_edit), so
//! every comment stays with the concept, key or form it stands above or beside.
//!
//! - [`canonical`] only reorders: concepts by id, the keys of a concept and of each form in
//!   the fixed order of `docs/glossary.md` (other languages after `en`, by code), the
//!   `ignore` list alphabetically; it lays forms out one per line and spaces `key = value`
//!   evenly. Values are never rewritten and nothing is dropped: a comment above
//!   `[concept.x]` moves with `x`, a comment above a key with the key, a comment above or
//!   after a form with the form. The comment block at the top of the file, when a blank
//!   line ends it, stays at the top.
//! - [`append`] adds concepts (in the canonical text [`Glossary::to_toml`] writes) to a
//!   file and puts the result in order with [`canonical`].
//!
//! A file in the form [`Glossary::to_toml`] writes is already canonical: `canonical`
//! leaves it byte for byte as it is.

use std::cmp::Ordering;

use toml_edit::{Array, Decor, DocumentMut, InlineTable, Item, Key, RawString, Table, Value};

use super::Glossary;
use crate::error::{Error, Result};

/// The keys of a concept in canonical order; a language code not listed here comes after
/// them, by code.
use super::schema::CONCEPT_FIELDS as CONCEPT_KEYS;

/// The keys of a form in canonical order.
const FORM_KEYS: &[&str] = &[
    "form",
    "status",
    "english",
    "inflect",
    "compound",
    "endings",
    "definition",
    "note",
];

/// The glossary file `text` in canonical order, every comment kept; `path` names it in
/// messages.
pub fn canonical(path: &str, text: &str) -> Result<String> {
    let (header, body, offset) = split_header(text);
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e: toml_edit::TomlError| syntax_error(path, text, offset, &e))?;
    let root = doc.as_table_mut();
    root.sort_values_by(|a, _, b, _| root_rank(a).cmp(&root_rank(b)));
    let mut first = true;
    for (mut key, item) in root.iter_mut() {
        if key.get() == "concept" {
            continue;
        }
        normalise_key(key.leaf_decor_mut());
        first = false;
        if let Some(v) = item.as_value_mut() {
            normalise_value_decor(v.decor_mut());
        }
        if key.get() == "ignore"
            && let Some(list) = item.as_array_mut()
        {
            sort_strings(list);
            layout_array(list);
        }
    }
    if let Some(Item::Table(concepts)) = root.get_mut("concept") {
        order_concepts(concepts, first);
    }
    let trailing = doc.trailing().as_str().unwrap_or("").to_string();
    doc.set_trailing(comment_lines(&trailing, ""));
    let body = doc.to_string();
    Ok(match (header.is_empty(), body.trim().is_empty()) {
        (true, _) => body,
        (false, true) => header,
        (false, false) => format!("{header}\n{body}"),
    })
}

/// `text` with the concepts of `new` added, in canonical order ([`canonical`]).
pub fn append(path: &str, text: &str, new: &Glossary) -> Result<String> {
    let added = Glossary {
        header: String::new(),
        ..new.clone()
    }
    .to_toml();
    let mut joined = text.to_string();
    if !joined.is_empty() && !joined.ends_with('\n') {
        joined.push('\n');
    }
    if !joined.trim().is_empty() {
        joined.push('\n');
    }
    joined.push_str(&added);
    canonical(path, &joined)
}

/// `text` with new forms added to concepts it holds (`(concept id, form)`; a form of a
/// concept the file does not hold is an error), each as `{ form = "…", status = "…" }` at
/// the end of its language's list, then in canonical order ([`canonical`]). Comments stay
/// where they are.
pub fn add_forms(path: &str, text: &str, forms: &[(String, super::Form)]) -> Result<String> {
    let (header, body, offset) = split_header(text);
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e: toml_edit::TomlError| syntax_error(path, text, offset, &e))?;
    for (id, form) in forms {
        let concept = doc
            .get_mut("concept")
            .and_then(Item::as_table_like_mut)
            .and_then(|t| t.get_mut(id))
            .and_then(Item::as_table_like_mut)
            .ok_or_else(|| Error::Invalid(format!("{path}: no concept `{id}` to add a form to")))?;
        let lang = form.lang.code();
        if concept.get(lang).is_none() {
            concept.insert(lang, Item::Value(Value::Array(Array::new())));
        }
        let Some(list) = concept.get_mut(lang).and_then(Item::as_array_mut) else {
            return Err(Error::Invalid(format!(
                "{path}: `concept.{id}.{lang}` is not a list of forms"
            )));
        };
        let mut entry = InlineTable::new();
        entry.insert("form", Value::from(form.text.as_str()));
        if form.status != super::Status::Preferred {
            entry.insert("status", Value::from(form.status.to_string()));
        }
        list.push(entry);
    }
    let joined = if header.is_empty() {
        doc.to_string()
    } else {
        format!("{header}\n{doc}")
    };
    canonical(path, &joined)
}

/// The header (the leading comment lines, when a blank line or the end of the file ends
/// them; trimmed, one `\n` each), the rest of the text, and the rest's byte offset.
fn split_header(text: &str) -> (String, &str, usize) {
    let mut header = String::new();
    let mut offset = 0;
    let mut pending = String::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('#') {
            pending.push_str(line.trim_end());
            pending.push('\n');
        } else if t.is_empty() {
            if !pending.is_empty() {
                header.push_str(&pending);
                pending.clear();
                offset += line.len();
                return (header, &text[offset..], offset);
            }
        } else {
            // Code: comments right above it belong to it.
            return (String::new(), text, 0);
        }
        offset += line.len();
    }
    // Nothing but comments.
    (pending, &text[text.len()..], text.len())
}

fn syntax_error(path: &str, text: &str, offset: usize, e: &toml_edit::TomlError) -> Error {
    let at = e.span().map_or(offset, |s| s.start + offset);
    let (line, column) = crate::span::line_col(text, at.min(text.len()));
    Error::Syntax {
        path: path.to_string(),
        line,
        column,
        message: e.message().trim().replace('\n', " "),
    }
}

fn root_rank(k: &Key) -> u8 {
    match k.get() {
        "ignore" => 0,
        "concept" => 2,
        _ => 1,
    }
}

fn concept_rank(k: &str) -> (usize, &str) {
    match CONCEPT_KEYS.iter().position(|x| *x == k) {
        Some(i) => (i, ""),
        None => (CONCEPT_KEYS.len(), k),
    }
}

fn form_rank(k: &str) -> (usize, &str) {
    match FORM_KEYS.iter().position(|x| *x == k) {
        Some(i) => (i, ""),
        None => (FORM_KEYS.len(), k),
    }
}

/// Concepts by id, each table in canonical key order; `first` says whether the first
/// concept is the first thing of the file (no blank line above it).
fn order_concepts(concepts: &mut Table, mut first: bool) {
    // A concept written inline (`concept.x = { … }` or `x = { … }` under `[concept]`)
    // becomes a table of its own, so that it can be ordered like the others.
    let inline: Vec<String> = concepts
        .iter()
        .filter(|(_, v)| v.is_inline_table())
        .map(|(k, _)| k.to_string())
        .collect();
    for k in inline {
        if let Some(item) = concepts.get_mut(&k) {
            let taken = std::mem::take(item);
            if let Item::Value(Value::InlineTable(t)) = taken {
                *item = Item::Table(t.into_table());
            }
        }
    }
    concepts.sort_values();
    let mut position: isize = 1;
    for (_, item) in concepts.iter_mut() {
        let Item::Table(t) = item else { continue };
        t.set_position(Some(position));
        position += 1;
        let prefix = t.decor().prefix().and_then(RawString::as_str).unwrap_or("");
        let prefix = table_prefix(prefix, first);
        t.decor_mut().set_prefix(prefix);
        first = false;
        order_concept(t);
        // Tables below the concept (`[concept.x.definitions]`) follow it.
        for (_, sub) in t.iter_mut() {
            if let Item::Table(s) = sub
                && !s.is_dotted()
            {
                s.set_position(Some(position));
                position += 1;
            }
        }
    }
}

/// One concept's keys in canonical order, its forms one per line.
fn order_concept(t: &mut Table) {
    t.sort_values_by(|a, _, b, _| concept_rank(a.get()).cmp(&concept_rank(b.get())));
    for (mut key, item) in t.iter_mut() {
        if item.is_table() {
            continue;
        }
        normalise_key(key.leaf_decor_mut());
        let Some(value) = item.as_value_mut() else {
            continue;
        };
        normalise_value_decor(value.decor_mut());
        let is_forms = value
            .as_array()
            .is_some_and(|a| a.iter().any(Value::is_inline_table));
        if let Some(list) = value.as_array_mut()
            && is_forms
        {
            for form in list.iter_mut() {
                if let Some(f) = form.as_inline_table_mut() {
                    order_form(f);
                }
            }
            layout_array(list);
        }
    }
}

/// A form's keys in canonical order, spaced evenly when no comment is inside (TOML 1.1
/// allows comments in inline tables; they are left as written).
fn order_form(f: &mut InlineTable) {
    f.sort_values_by(|a, _, b, _| form_rank(a.get()).cmp(&form_rank(b.get())));
    if !has_comment_decor(f) {
        let decor = f.decor().clone();
        f.fmt();
        *f.decor_mut() = decor;
    }
}

/// Whether any key or value of the inline table carries a comment.
fn has_comment_decor(f: &InlineTable) -> bool {
    let has = |d: &Decor| {
        [d.prefix(), d.suffix()]
            .into_iter()
            .flatten()
            .any(|r| r.as_str().unwrap_or("").contains('#'))
    };
    f.get_values().iter().any(|(keys, v)| {
        has(v.decor())
            || keys
                .iter()
                .any(|k| has(k.leaf_decor()) || has(k.dotted_decor()))
    }) || f.trailing().as_str().unwrap_or("").contains('#')
}

/// A `key = value` line: the comment lines above the key kept, blank lines dropped,
/// `key = ` spaced evenly.
fn normalise_key(decor: &mut Decor) {
    let prefix = decor.prefix().and_then(RawString::as_str).unwrap_or("");
    let prefix = comment_lines(prefix, "");
    decor.set_prefix(prefix);
    decor.set_suffix(" ");
}

/// ` value` after `=`, a comment after it on the line kept.
fn normalise_value_decor(decor: &mut Decor) {
    decor.set_prefix(" ");
    let suffix = decor.suffix().and_then(RawString::as_str).unwrap_or("");
    let suffix = match suffix.find('#') {
        Some(i) => format!("  {}", suffix[i..].trim_end()),
        None => String::new(),
    };
    decor.set_suffix(suffix);
}

/// The comment lines of a decor, each on its own line after `indent`, blank lines dropped.
fn comment_lines(raw: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in raw.lines() {
        let t = line.trim();
        if t.starts_with('#') {
            out.push_str(indent);
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

/// What stands above a concept's `[concept.x]` line: its comments, blank lines above them
/// dropped and those between them kept, after one blank line unless it is the first
/// thing of the file.
fn table_prefix(raw: &str, first: bool) -> String {
    let mut lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let mut out = String::new();
    if !first {
        out.push('\n');
    }
    for l in lines {
        out.push_str(l.trim_start());
        out.push('\n');
    }
    out
}

/// The strings of a list sorted (with their comments), duplicates after the first dropped
/// only when neither carries a comment.
fn sort_strings(list: &mut Array) {
    let mut items: Vec<Value> = list.iter().cloned().collect();
    items.sort_by(|a, b| match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => Ordering::Equal,
    });
    let mut kept: Vec<Value> = Vec::with_capacity(items.len());
    for v in items {
        let dup = kept
            .last()
            .is_some_and(|p| p.as_str().is_some() && p.as_str() == v.as_str());
        if dup && !has_comment(v.decor()) {
            continue;
        }
        kept.push(v);
    }
    let trailing = list.trailing().clone();
    let decor = list.decor().clone();
    let mut fresh = Array::new();
    for v in kept {
        fresh.push_formatted(v);
    }
    fresh.set_trailing(trailing);
    *fresh.decor_mut() = decor;
    *list = fresh;
}

fn has_comment(d: &Decor) -> bool {
    [d.prefix(), d.suffix()]
        .into_iter()
        .flatten()
        .any(|r| r.as_str().unwrap_or("").contains('#'))
}

/// One item a line, indented by four spaces, with a trailing comma. A comment after an
/// item on its line stays there; comment lines above an item stay above it.
fn layout_array(list: &mut Array) {
    if list.is_empty() {
        let trailing = list.trailing().as_str().unwrap_or("").to_string();
        list.set_trailing(comment_lines(&trailing, "    "));
        return;
    }
    for v in list.iter_mut() {
        let prefix = v.decor().prefix().and_then(RawString::as_str).unwrap_or("");
        let prefix = item_prefix(prefix, "\n    ");
        let suffix = v.decor().suffix().and_then(RawString::as_str).unwrap_or("");
        let suffix = if suffix.contains('#') {
            suffix.to_string()
        } else {
            String::new()
        };
        v.decor_mut().set_prefix(prefix);
        v.decor_mut().set_suffix(suffix);
    }
    let trailing = list.trailing().as_str().unwrap_or("").to_string();
    list.set_trailing(item_prefix(&trailing, "\n"));
    list.set_trailing_comma(true);
}

/// The white space and comments before an item (or `]`): a comment on the line of the
/// item before it stays on that line; comment lines follow, each on a line of its own;
/// then a line break and the indentation `end` holds.
fn item_prefix(raw: &str, end: &str) -> String {
    let mut out = String::new();
    let (same_line, rest) = match raw.find('\n') {
        Some(i) => (&raw[..i], &raw[i..]),
        None => (raw, ""),
    };
    if let Some(i) = same_line.find('#') {
        out.push(' ');
        out.push_str(same_line[i..].trim_end());
    }
    for line in rest.lines() {
        let t = line.trim();
        if t.starts_with('#') {
            out.push_str("\n    ");
            out.push_str(t);
        }
    }
    out.push_str(end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every comment of `before` is in `after`, as often.
    fn comments_kept(before: &str, after: &str) {
        let comments = |t: &str| {
            let mut v: Vec<String> = t
                .lines()
                .filter_map(|l| l.find('#').map(|i| l[i..].trim().to_string()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(comments(before), comments(after), "{after}");
    }

    const COMMENTED: &str = r#"# Terms of the collectivisation chapters.
# Kept by hand.

# Rejected by the editor in March.
ignore = ["Woiwodschaft", "Genosse"]

# Stalin: the Dutch edition spells him the same.
[concept.stalin]
category = "person"  # not a place
english = "Stalin"
de = [{ form = "Stalin" }]

# ---- farms ----
[concept.kolkhoz] # the big one
# seen as "Kolchose" in the 1931 report
compound = "modifier"
english = "kolkhoz"
category = "term"
nl = [{form="kolchoz",status="admitted"}] # Dutch
de = [
    { form = "Kolchos" }, # as printed
    # OCR misreading in file 3
    { note = "OCR", form = "Ko1chos", status = "deprecated" },
]
fr = [{ form = "kolkhoze" }]

# end of file
"#;

    #[test]
    fn fmt_reorders_and_keeps_every_comment_with_its_concept() {
        let out = canonical("g.toml", COMMENTED).unwrap();
        comments_kept(COMMENTED, &out);
        let expected = r#"# Terms of the collectivisation chapters.
# Kept by hand.

# Rejected by the editor in March.
ignore = [
    "Genosse",
    "Woiwodschaft",
]

# ---- farms ----
[concept.kolkhoz] # the big one
english = "kolkhoz"
category = "term"
# seen as "Kolchose" in the 1931 report
compound = "modifier"
de = [
    { form = "Kolchos" }, # as printed
    # OCR misreading in file 3
    { form = "Ko1chos", status = "deprecated", note = "OCR" },
]
nl = [
    { form = "kolchoz", status = "admitted" },
]  # Dutch
fr = [
    { form = "kolkhoze" },
]

# Stalin: the Dutch edition spells him the same.
[concept.stalin]
english = "Stalin"
category = "person"  # not a place
de = [
    { form = "Stalin" },
]
# end of file
"#;
        assert_eq!(out, expected);
        assert_eq!(canonical("g.toml", &out).unwrap(), out, "idempotent");
    }

    #[test]
    fn the_canonical_writer_is_a_fixed_point() {
        for text in [
            include_str!("../../glossary/soviet.toml"),
            include_str!("../../tests/fixtures/glossaries/basic.toml"),
            include_str!("../../tests/fixtures/glossaries/check.toml"),
            include_str!("../../tests/fixtures/glossaries/suggest.toml"),
            include_str!("../../tests/fixtures/glossaries/translation.toml"),
        ] {
            let g = Glossary::parse("g.toml", text).unwrap();
            let canon = g.to_toml();
            assert_eq!(canonical("g.toml", &canon).unwrap(), canon);
        }
    }

    #[test]
    fn append_keeps_the_file_and_orders_the_new_concepts_in() {
        let text = "# my notes\n\n[concept.zz]\nenglish = \"z\" # why\ncategory = \"term\"\nde = [\n    { form = \"Zett\" }, # really\n]\n";
        let new = Glossary::parse(
            "n.toml",
            "[concept.aa]\nenglish = \"a\"\ncategory = \"term\"\nde = [{ form = \"Aah\", status = \"proposed\" }]\n",
        )
        .unwrap();
        let out = append("g.toml", text, &new).unwrap();
        assert_eq!(
            out,
            "# my notes\n\n[concept.aa]\nenglish = \"a\"\ncategory = \"term\"\nde = [\n    { form = \"Aah\", status = \"proposed\" },\n]\n\n[concept.zz]\nenglish = \"z\"  # why\ncategory = \"term\"\nde = [\n    { form = \"Zett\" }, # really\n]\n"
        );
        assert_eq!(append("g.toml", "", &new).unwrap(), new.to_toml());
    }

    #[test]
    fn new_forms_join_their_concept_and_every_comment_stays() {
        let text = "# my notes\n\n[concept.zz]\nenglish = \"z\" # why\ncategory = \"term\"\nde = [\n    { form = \"Zett\" }, # really\n]\n";
        let form = |lang: crate::lang::Lang, text: &str| {
            super::super::Form::new(lang, text, super::super::Status::Proposed)
        };
        let forms = [
            ("zz".to_string(), form(crate::lang::Lang::De, "Zetts")),
            ("zz".to_string(), form(crate::lang::Lang::Nl, "Zet")),
        ];
        let out = add_forms("g.toml", text, &forms).unwrap();
        comments_kept(text, &out);
        let g = Glossary::parse("g.toml", &out).unwrap();
        let texts: Vec<&str> = g.concepts[0]
            .forms
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(texts, ["Zett", "Zetts", "Zet"], "{out}");
        let unknown = [("nope".to_string(), form(crate::lang::Lang::De, "X"))];
        assert!(add_forms("g.toml", text, &unknown).is_err());
    }

    #[test]
    fn a_comment_right_above_the_first_concept_is_that_concepts() {
        let text = "# about zz\n[concept.zz]\nenglish = \"z\"\ncategory = \"term\"\nde = [{ form = \"Zett\" }]\n\n[concept.aa]\nenglish = \"a\"\ncategory = \"term\"\nde = [{ form = \"Aah\" }]\n";
        let out = canonical("g.toml", text).unwrap();
        assert!(out.starts_with("[concept.aa]"), "{out}");
        assert!(out.contains("\n\n# about zz\n[concept.zz]\n"), "{out}");
    }

    #[test]
    fn broken_toml_is_an_error_at_its_line() {
        let e = canonical("g.toml", "# c\n\n[concept.a]\nenglish = \n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.toml:4:"), "{e}");
    }
}
