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

use std::collections::BTreeMap;
use std::fmt::Write;

use quick_xml::Reader;
use quick_xml::escape::escape;
use quick_xml::events::Event;

use super::{Category, Compound, Concept, Form, Glossary, Inflect, Status};
use crate::error::{Error, Result};
use crate::lang::Lang;

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

fn sorted(g: &Glossary) -> Vec<&Concept> {
    let mut c: Vec<&Concept> = g.concepts.iter().collect();
    c.sort_by(|a, b| a.id.cmp(&b.id));
    c
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferred",
        Status::Admitted => "admitted",
        Status::Deprecated => "deprecated",
        Status::Proposed => "proposed",
    }
}

fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "preferred" => Status::Preferred,
        "admitted" => Status::Admitted,
        "deprecated" => Status::Deprecated,
        "proposed" => Status::Proposed,
        _ => return None,
    })
}

fn parse_category(s: &str) -> Option<Category> {
    Some(match s {
        "term" => Category::Term,
        "person" => Category::Person,
        "place" => Category::Place,
        "organisation" | "organization" => Category::Organisation,
        _ => return None,
    })
}

fn parse_inflect(s: &str) -> Option<Inflect> {
    Some(match s {
        "none" => Inflect::None,
        "stem" => Inflect::Stem,
        "russian-plural" => Inflect::RussianPlural,
        _ => return None,
    })
}

fn parse_compound(s: &str) -> Option<Compound> {
    Some(match s {
        "none" => Compound::None,
        "modifier" => Compound::Modifier,
        "head" => Compound::Head,
        "both" => Compound::Both,
        _ => return None,
    })
}

fn invalid(name: &str, message: String) -> Error {
    Error::Syntax {
        path: name.to_string(),
        line: 1,
        column: 1,
        message,
    }
}

// ---- `glossa:` pairs -------------------------------------------------------------------

/// `key=value; key=value`, with `;`, `=` and `\` escaped by `\`.
fn pairs(items: &[(&str, String)]) -> String {
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

fn parse_pairs(text: &str) -> Option<BTreeMap<String, String>> {
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

fn form_pairs(f: &Form) -> Vec<(&'static str, String)> {
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
    p
}

fn apply_form_pairs(f: &mut Form, p: &BTreeMap<String, String>) {
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
}

fn new_form(lang: Lang, text: &str) -> Form {
    Form {
        lang,
        text: text.to_string(),
        status: Status::Preferred,
        english: None,
        inflect: None,
        compound: None,
        endings: Vec::new(),
        note: None,
        location: None,
    }
}

fn new_concept(id: &str) -> Concept {
    Concept {
        id: id.to_string(),
        english: String::new(),
        alternatives: Vec::new(),
        forbidden: Vec::new(),
        category: Category::Term,
        definition: None,
        note: None,
        inflect: None,
        compound: None,
        forms: Vec::new(),
        location: None,
    }
}

/// Forms in canonical language order (de, nl, en), file order within a language.
fn order_forms(c: &mut Concept) {
    c.forms.sort_by_key(|f| f.lang);
}

// ---- TBX -------------------------------------------------------------------------------

fn admn_sts(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted | Status::Proposed => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
    }
}

/// TBX v3 TBX-Basic, DCA style.
pub fn to_tbx(g: &Glossary) -> String {
    let mut o = String::new();
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str("<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n");
    o.push_str("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>exported by glossa</p>\n      </sourceDesc>\n    </fileDesc>\n");
    if !g.ignore.is_empty() {
        let _ = writeln!(
            o,
            "    <encodingDesc>\n      <p type=\"glossa-ignore\">{}</p>\n    </encodingDesc>",
            escape(g.ignore.join("\n"))
        );
    }
    o.push_str("  </tbxHeader>\n  <text>\n    <body>\n");
    for c in sorted(g) {
        let _ = writeln!(o, "      <conceptEntry id=\"{}\">", escape(&c.id));
        let _ = writeln!(
            o,
            "        <descrip type=\"subjectField\">{}</descrip>",
            c.category
        );
        if let Some(d) = &c.definition {
            let _ = writeln!(
                o,
                "        <descrip type=\"definition\">{}</descrip>",
                escape(d)
            );
        }
        if let Some(n) = &c.note {
            let _ = writeln!(o, "        <note>{}</note>", escape(n));
        }
        let mut cp = Vec::new();
        if let Some(i) = c.inflect {
            cp.push(("inflect", i.to_string()));
        }
        if let Some(k) = c.compound {
            cp.push(("compound", k.to_string()));
        }
        if !cp.is_empty() {
            let _ = writeln!(o, "        <note>{}</note>", escape(pairs(&cp)));
        }
        for lang in [Lang::De, Lang::Nl, Lang::En] {
            let forms: Vec<&Form> = c.forms.iter().filter(|f| f.lang == lang).collect();
            if forms.is_empty() && lang != Lang::En {
                continue;
            }
            let _ = writeln!(o, "        <langSec xml:lang=\"{}\">", lang.code());
            if lang == Lang::En {
                term_sec(&mut o, &c.english, Status::Preferred, None, &[]);
                for a in &c.alternatives {
                    term_sec(&mut o, a, Status::Admitted, None, &[]);
                }
                for a in &c.forbidden {
                    term_sec(&mut o, a, Status::Deprecated, None, &[]);
                }
            }
            for f in forms {
                let mut p = form_pairs(f);
                if lang == Lang::En {
                    p.insert(0, ("source", "yes".to_string()));
                }
                term_sec(&mut o, &f.text, f.status, f.note.as_deref(), &p);
            }
            o.push_str("        </langSec>\n");
        }
        o.push_str("      </conceptEntry>\n");
    }
    o.push_str("    </body>\n  </text>\n</tbx>\n");
    o
}

fn term_sec(o: &mut String, term: &str, status: Status, note: Option<&str>, p: &[(&str, String)]) {
    let _ = writeln!(
        o,
        "          <termSec>\n            <term>{}</term>",
        escape(term)
    );
    let _ = writeln!(
        o,
        "            <termNote type=\"administrativeStatus\">{}</termNote>",
        admn_sts(status)
    );
    if status == Status::Proposed {
        o.push_str(
            "            <termNote type=\"processStatus\">provisionallyProcessed</termNote>\n",
        );
    }
    if let Some(n) = note {
        let _ = writeln!(o, "            <note>{}</note>", escape(n));
    }
    if !p.is_empty() {
        let _ = writeln!(o, "            <note>{}</note>", escape(pairs(p)));
    }
    o.push_str("          </termSec>\n");
}

/// A minimal element tree.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn descendants<'a>(&'a self, names: &[&str], out: &mut Vec<&'a Node>) {
        for c in &self.children {
            if names.contains(&c.name.as_str()) {
                out.push(c);
            } else {
                c.descendants(names, out);
            }
        }
    }

    fn find_all<'a>(&'a self, names: &[&str]) -> Vec<&'a Node> {
        let mut out = Vec::new();
        self.descendants(names, &mut out);
        out
    }
}

fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    // Keep `xml:lang` as is; drop other prefixes.
    if s.starts_with("xml:") {
        s.into_owned()
    } else {
        s.rsplit(':').next().unwrap_or("").to_string()
    }
}

fn parse_xml(name: &str, text: &str) -> Result<Node> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    let err = |reader: &Reader<&[u8]>, e: String| {
        let pos = reader.buffer_position() as usize;
        let (line, column) = crate::span::line_col(text, pos);
        Error::Syntax {
            path: name.to_string(),
            line,
            column,
            message: format!("not well-formed XML: {e}"),
        }
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(&reader, e.to_string()))?;
        let is_empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let mut node = Node {
                    name: local(e.name().as_ref()),
                    ..Node::default()
                };
                for a in e.attributes() {
                    let a = a.map_err(|e| err(&reader, e.to_string()))?;
                    let v = a
                        .unescape_value()
                        .map_err(|e| err(&reader, e.to_string()))?;
                    node.attrs.push((local(a.key.as_ref()), v.into_owned()));
                }
                if is_empty {
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(node);
                    }
                } else {
                    stack.push(node);
                }
            }
            Event::End(_) => {
                let node = stack
                    .pop()
                    .ok_or_else(|| err(&reader, "unbalanced".into()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Err(err(&reader, "unbalanced end tag".into())),
                }
            }
            Event::Text(t) => {
                let t = t.unescape().map_err(|e| err(&reader, e.to_string()))?;
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t);
                }
            }
            Event::CData(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(invalid(
            name,
            "not well-formed XML: unclosed element".into(),
        ));
    }
    Ok(stack.pop().unwrap_or_default())
}

/// Reads TBX v3 (`tbx`/`conceptEntry`/`langSec`/`termSec`) or v2
/// (`martif`/`termEntry`/`langSet`/`tig`).
pub fn from_tbx(name: &str, text: &str) -> Result<Glossary> {
    let root = parse_xml(name, text)?;
    if root.find_all(&["tbx", "martif"]).is_empty() {
        return Err(invalid(
            name,
            "not a TBX file (no <tbx> or <martif> element)".into(),
        ));
    }
    let mut g = Glossary::default();
    for p in root.find_all(&["p"]) {
        if p.attr("type") == Some("glossa-ignore") {
            g.ignore = p
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
        }
    }
    for (n, entry) in root
        .find_all(&["conceptEntry", "termEntry"])
        .into_iter()
        .enumerate()
    {
        let id = entry
            .attr("id")
            .map(String::from)
            .unwrap_or_else(|| format!("concept-{}", n + 1));
        let mut c = new_concept(&id);
        for child in &entry.children {
            match (child.name.as_str(), child.attr("type")) {
                ("descrip", Some("subjectField")) => {
                    if let Some(cat) = parse_category(child.text.trim()) {
                        c.category = cat;
                    }
                }
                ("descrip", Some("definition")) => c.definition = Some(child.text.clone()),
                ("note", _) => match parse_pairs(&child.text) {
                    Some(p) => {
                        c.inflect = p.get("inflect").and_then(|s| parse_inflect(s));
                        c.compound = p.get("compound").and_then(|s| parse_compound(s));
                    }
                    None => c.note = Some(child.text.clone()),
                },
                _ => {}
            }
        }
        let mut english: Vec<(String, Status)> = Vec::new();
        for ls in entry.find_all(&["langSec", "langSet"]) {
            let code = ls.attr("xml:lang").or(ls.attr("lang")).unwrap_or("");
            let code = code.split(['-', '_']).next().unwrap_or("");
            let Ok(lang) = code.parse::<Lang>() else {
                continue;
            };
            for ts in ls.find_all(&["termSec", "tig", "ntig"]) {
                let Some(term) = ts.find_all(&["term"]).first().map(|t| t.text.clone()) else {
                    continue;
                };
                let mut status = Status::Preferred;
                let mut proposed = false;
                let mut note = None;
                let mut p = None;
                for tn in ts.find_all(&["termNote", "note", "descrip"]) {
                    match (tn.name.as_str(), tn.attr("type")) {
                        ("termNote", Some("administrativeStatus")) => {
                            status = match tn.text.trim() {
                                "admittedTerm-admn-sts" | "admittedTerm" => Status::Admitted,
                                "deprecatedTerm-admn-sts" | "deprecatedTerm" => Status::Deprecated,
                                "supersededTerm-admn-sts" | "supersededTerm" => Status::Deprecated,
                                _ => Status::Preferred,
                            }
                        }
                        ("termNote", Some("processStatus")) => {
                            proposed = tn.text.trim() == "provisionallyProcessed"
                                || tn.text.trim() == "unprocessed"
                        }
                        ("note", _) => match parse_pairs(&tn.text) {
                            Some(x) => p = Some(x),
                            None => note = Some(tn.text.clone()),
                        },
                        _ => {}
                    }
                }
                if proposed {
                    status = Status::Proposed;
                }
                let source = p.as_ref().is_some_and(|p| p.contains_key("source"));
                if lang == Lang::En && !source {
                    english.push((term, status));
                    continue;
                }
                let mut f = new_form(lang, &term);
                f.status = status;
                f.note = note;
                if let Some(p) = &p {
                    apply_form_pairs(&mut f, p);
                }
                c.forms.push(f);
            }
        }
        for (term, status) in english {
            match status {
                Status::Preferred if c.english.is_empty() => c.english = term,
                Status::Deprecated => c.forbidden.push(term),
                _ => c.alternatives.push(term),
            }
        }
        order_forms(&mut c);
        g.concepts.push(c);
    }
    Ok(g)
}

// ---- CSV -------------------------------------------------------------------------------

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
            let row = [
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
            ];
            let fields: Vec<String> = row.iter().map(|s| csv_field(s, ',')).collect();
            o.push_str(&fields.join(","));
            o.push('\n');
        }
    }
    o
}

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

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
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
        let i = match concepts.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                let mut c = new_concept(id);
                c.category = parse_category(get("category")).unwrap_or(Category::Term);
                c.english = get("english").to_string();
                c.alternatives = list(get("alternatives"));
                c.forbidden = list(get("forbidden"));
                c.definition = some(get("definition"));
                c.note = some(get("concept_note"));
                c.inflect = parse_inflect(get("concept_inflect"));
                c.compound = parse_compound(get("concept_compound"));
                concepts.push(c);
                concepts.len() - 1
            }
        };
        let mut f = new_form(lang, term);
        f.status = parse_status(get("status")).unwrap_or_default();
        f.english = some(get("term_english"));
        f.inflect = parse_inflect(get("inflect"));
        f.compound = parse_compound(get("compound"));
        f.endings = list(get("endings"));
        f.note = some(get("note"));
        concepts[i].forms.push(f);
    }
    for c in &mut concepts {
        order_forms(c);
    }
    Ok(Glossary {
        concepts,
        ..Glossary::default()
    })
}

// ---- TSV (OmegaT) ----------------------------------------------------------------------

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
                p.push(("category", c.category.to_string()));
                p.push(("concept_english", c.english.clone()));
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
                if cols.len() > 2 && p.is_empty() && !cols[2].is_empty() {
                    c.note = Some(cols[2].to_string());
                }
                concepts.push(c);
                concepts.len() - 1
            }
        };
        let c = &mut concepts[i];
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

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"# Header.

ignore = [
    "Genosse",
]

[concept.kolkhoz]
english = "kolkhoz"
alternatives = ["collective farm"]
forbidden = ["kolchos"]
category = "term"
definition = "a Soviet collective farm; \"kolkhoz\", not \"kolchos\""
note = "from the corpus, see p. 3"
inflect = "stem"
compound = "modifier"
de = [
    { form = "Kolchos" },
    { form = "Kolchose", status = "deprecated", note = "an OCR; misreading=bad" },
    { form = "Kolchosbauer", status = "admitted", english = "kolkhoz peasant", compound = "none", endings = ["n", "ern"] },
]
nl = [
    { form = "kolchoz", status = "proposed" },
]
en = [
    { form = "kolkhoz", inflect = "none" },
]

[concept.nkvd]
english = "NKVD"
category = "organisation"
inflect = "none"
de = [
    { form = "NKWD" },
]
"#;

    fn round_trip(format: Format) {
        let g = Glossary::parse("g.toml", FULL).unwrap();
        let once = import("x", &export(&g, format), format).unwrap();
        let twice = import("x", &export(&once, format), format).unwrap();
        let strip = |g: &Glossary| {
            let mut g = g.clone();
            g.header.clear();
            g.path.clear();
            for c in &mut g.concepts {
                c.location = None;
                for f in &mut c.forms {
                    f.location = None;
                }
            }
            g.to_toml()
        };
        let mut expected = g.clone();
        if format != Format::Tbx {
            // Only TBX has a place for the ignore list.
            expected.ignore.clear();
        }
        assert_eq!(
            strip(&once),
            strip(&expected),
            "{format:?} import of export"
        );
        assert_eq!(strip(&twice), strip(&once), "{format:?} second round");
        assert!(once.problems().is_empty());
    }

    #[test]
    fn tbx_round_trip() {
        round_trip(Format::Tbx);
    }

    #[test]
    fn csv_round_trip() {
        round_trip(Format::Csv);
    }

    #[test]
    fn tsv_round_trip() {
        round_trip(Format::Tsv);
    }

    #[test]
    fn tbx_is_v3_basic_dca() {
        let g = Glossary::parse("g.toml", FULL).unwrap();
        let t = to_tbx(&g);
        assert!(t.contains("<tbx style=\"dca\" type=\"TBX-Basic\""), "{t}");
        assert!(t.contains("xmlns=\"urn:iso:std:iso:30042:ed-2\""));
        assert!(t.contains("<conceptEntry id=\"kolkhoz\">"));
        assert!(t.contains("<langSec xml:lang=\"de\">"));
        assert!(t.contains("deprecatedTerm-admn-sts"));
        assert!(t.contains("<term>Kolchos</term>"));
    }

    #[test]
    fn tbx_v2_is_read() {
        let v2 = r#"<?xml version="1.0"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="gulag">
      <descrip type="definition">the camp administration</descrip>
      <langSet xml:lang="de">
        <tig><term>Gulag</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>GULag</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="en-GB">
        <tig><term>Gulag</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>"#;
        let g = from_tbx("v2.tbx", v2).unwrap();
        assert_eq!(g.concepts.len(), 1);
        let c = &g.concepts[0];
        assert_eq!((c.id.as_str(), c.english.as_str()), ("gulag", "Gulag"));
        assert_eq!(c.definition.as_deref(), Some("the camp administration"));
        assert_eq!(c.forms.len(), 2);
        assert_eq!(c.forms[1].status, Status::Deprecated);
    }

    #[test]
    fn broken_xml_is_an_error_with_a_place() {
        let e = from_tbx("b.tbx", "<tbx><text><body>\n<conceptEntry></tbx>").unwrap_err();
        assert!(e.to_string().starts_with("b.tbx:"), "{e}");
    }

    #[test]
    fn plain_omegat_glossary_imports() {
        let g = from_tsv(
            "o.txt",
            "Kolchos\tkolkhoz\tcollective farm\nTscheka\tCheka\n",
        )
        .unwrap();
        assert_eq!(g.concepts.len(), 2);
        assert_eq!(g.concepts[0].id, "kolchos");
        assert_eq!(g.concepts[0].note.as_deref(), Some("collective farm"));
        assert_eq!(g.concepts[1].english, "Cheka");
    }
}
