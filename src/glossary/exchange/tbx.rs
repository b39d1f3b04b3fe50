//! TBX in and out: [`to_tbx`] writes TBX v3 TBX-Basic in the DCA style, [`from_tbx`]
//! reads v3 and v2. How glossa's fields map onto TBX is described in the module doc of
//! `exchange`; what TBX-Basic has no place for travels in `glossa:` notes (`pairs`).

use std::collections::BTreeMap;
use std::fmt::Write;

use quick_xml::escape::escape;

use super::fields::{
    Ids, new_concept, new_form, new_other_form, order_forms, parse_category, parse_compound,
    parse_inflect, parse_status,
};
use super::pairs::{apply_form_pairs, form_pairs, pairs, parse_pairs};
use super::xml::{Node, parse_xml};
use super::{Import, invalid, sorted};
use crate::error::Result;
use crate::glossary::{Concept, Form, Glossary, OtherForm, Status};
use crate::lang::{Lang, language_tag};

/// How the ignore list begins in the header's paragraph.
const IGNORE_PREFIX: &str = "glossa-ignore:";

// ---- writing ---------------------------------------------------------------------------

/// TBX v3 TBX-Basic, DCA style, valid against the TBX-Basic schemas it names: only
/// TBX-Basic data categories, XML ids for concept ids.
pub fn to_tbx(g: &Glossary) -> String {
    let mut o = String::new();
    write_header(&mut o, g);
    for c in sorted(g) {
        write_concept_entry(&mut o, c);
    }
    o.push_str("    </body>\n  </text>\n</tbx>\n");
    o
}

/// Everything up to the first `conceptEntry`; the ignore list, which TBX has no place
/// for, is a paragraph of the source description (`glossa-ignore:`, one word a line).
fn write_header(o: &mut String, g: &Glossary) {
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str("<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n");
    o.push_str("<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n");
    o.push_str("<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n");
    o.push_str(
        "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>exported by glossa</p>\n",
    );
    if !g.ignore.is_empty() {
        let _ = writeln!(
            o,
            "        <p>{IGNORE_PREFIX}\n{}</p>",
            escape(g.ignore.join("\n"))
        );
    }
    o.push_str("      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n");
}

/// A concept id as an XML id (an NCName): glossa ids are ASCII letters, digits and `-`,
/// so only one that starts with a digit or `-` needs a `_` in front, which the reader
/// drops again.
fn xml_id(id: &str) -> String {
    match id.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => id.to_string(),
        _ => format!("_{id}"),
    }
}

fn write_concept_entry(o: &mut String, c: &Concept) {
    let _ = writeln!(o, "      <conceptEntry id=\"{}\">", escape(xml_id(&c.id)));
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
    for lang in Lang::ALL {
        write_lang_sec(o, c, lang);
    }
    let mut tags: Vec<&str> = c.other_forms.iter().map(|f| f.lang.as_str()).collect();
    for tag in c.definitions.keys() {
        if Lang::from_tag(tag).is_none() {
            tags.push(tag);
        }
    }
    tags.sort_unstable();
    tags.dedup();
    for tag in tags {
        let _ = writeln!(o, "        <langSec xml:lang=\"{}\">", escape(tag));
        write_lang_definition(o, c, tag);
        for f in c.other_forms.iter().filter(|f| f.lang == tag) {
            let mut p = Vec::new();
            if f.status == Status::Proposed {
                p.push(("status", "proposed".to_string()));
            }
            if let Some(d) = &f.definition {
                p.push(("definition", d.clone()));
            }
            write_term_sec(o, &f.text, f.status, f.note.as_deref(), &p);
        }
        o.push_str("        </langSec>\n");
    }
    o.push_str("      </conceptEntry>\n");
}

/// The definition of a language section, if the concept has one in that language.
fn write_lang_definition(o: &mut String, c: &Concept, tag: &str) {
    if let Some(d) = c.definitions.get(tag) {
        let _ = writeln!(
            o,
            "          <descrip type=\"definition\">{}</descrip>",
            escape(d)
        );
    }
}

/// The concept's terms in one language. English is always written, as it holds the
/// rendering, the alternatives and the forbidden renderings before any English source
/// forms; another language without forms or definition is left out.
fn write_lang_sec(o: &mut String, c: &Concept, lang: Lang) {
    let forms: Vec<&Form> = c.forms.iter().filter(|f| f.lang == lang).collect();
    if forms.is_empty() && lang != Lang::En && !c.definitions.contains_key(lang.code()) {
        return;
    }
    let _ = writeln!(o, "        <langSec xml:lang=\"{}\">", lang.code());
    write_lang_definition(o, c, lang.code());
    if lang == Lang::En {
        write_term_sec(o, &c.english, Status::Preferred, None, &[]);
        for a in &c.alternatives {
            write_term_sec(o, a, Status::Admitted, None, &[]);
        }
        for a in &c.forbidden {
            write_term_sec(o, a, Status::Deprecated, None, &[]);
        }
    }
    for f in forms {
        let mut p = form_pairs(f);
        if f.status == Status::Proposed {
            p.insert(0, ("status", "proposed".to_string()));
        }
        if lang == Lang::En {
            p.insert(0, ("source", "yes".to_string()));
        }
        write_term_sec(o, &f.text, f.status, f.note.as_deref(), &p);
    }
    o.push_str("        </langSec>\n");
}

fn write_term_sec(
    o: &mut String,
    term: &str,
    status: Status,
    note: Option<&str>,
    p: &[(&str, String)],
) {
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
    if let Some(n) = note {
        let _ = writeln!(o, "            <note>{}</note>", escape(n));
    }
    if !p.is_empty() {
        let _ = writeln!(o, "            <note>{}</note>", escape(pairs(p)));
    }
    o.push_str("          </termSec>\n");
}

/// TBX-Basic has no proposed status (and `processStatus` is no TBX-Basic data category):
/// a proposed term is admitted, with `status=proposed` in its `glossa:` note.
fn admn_sts(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted | Status::Proposed => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
    }
}

// ---- reading ---------------------------------------------------------------------------

/// The element names of each level, in every dialect read: TBX v3 (`conceptEntry`,
/// `langSec`, `termSec`), v2 (`termEntry`, `langSet`, `tig`/`ntig`) and the TBX-Min of
/// 2013 (`entry`, `langGroup`, `termGroup`).
const ENTRIES: &[&str] = &["conceptEntry", "termEntry", "entry"];
const LANG_SECS: &[&str] = &["langSec", "langSet", "langGroup"];
const TERM_SECS: &[&str] = &["termSec", "tig", "ntig", "termGroup"];

/// Reads TBX v3 (DCA or DCT style), v2 or TBX-Min; [`import_with`](super::import_with) also
/// says what the import changed.
pub fn from_tbx(name: &str, text: &str) -> Result<Glossary> {
    Ok(read_tbx(name, text)?.glossary)
}

/// Reads TBX v3 in the DCA style (`<termNote type="administrativeStatus">`) or the DCT
/// style (`<min:administrativeStatus>`, `<basic:definition>`), v2 (`martif`) or TBX-Min
/// (`usageStatus`, `termStatus`): every language (those glossa does not match as other
/// forms), definitions at every level and inside `descripGrp`, statuses. An entry id
/// another entry has already, or that is not a glossa id, is made one (and named in a
/// warning); an empty term is left out (and counted).
pub(super) fn read_tbx(name: &str, text: &str) -> Result<Import> {
    let root = parse_xml(name, text)?;
    if root.find_all(&["tbx", "martif", "TBX"]).is_empty() {
        return Err(invalid(
            name,
            "not a TBX file (no <tbx> or <martif> element)".into(),
        ));
    }
    let mut g = Glossary::default();
    if let Some(ignore) = read_ignore(&root) {
        g.ignore = ignore;
    }
    let mut read = Reading::default();
    for (n, entry) in root.find_all(ENTRIES).into_iter().enumerate() {
        let c = read.entry(n, entry);
        g.concepts.push(c);
    }
    Ok(Import {
        glossary: g,
        warnings: read.warnings(),
    })
}

/// The ignore list from glossa's own paragraph in the header (the last one, should there
/// be several), one word a line: `<p>glossa-ignore:…</p>`, or as older versions wrote it,
/// `<p type="glossa-ignore">`.
fn read_ignore(root: &Node) -> Option<Vec<String>> {
    let p = root
        .find_all(&["p"])
        .into_iter()
        .rfind(|p| p.attr("type") == Some("glossa-ignore") || p.text.starts_with(IGNORE_PREFIX))?;
    let text = p.text.strip_prefix(IGNORE_PREFIX).unwrap_or(&p.text);
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    )
}

/// What one import has seen so far: the ids given, and what it changed or left out.
#[derive(Default)]
struct Reading {
    ids: Ids,
    /// (id in the file, id given) of entries whose id was taken or not a glossa id.
    renamed: Vec<(String, String)>,
    /// Ids of concepts with an empty term left out.
    empty_terms: Vec<String>,
    /// Language sections without a language (their terms are left out), by concept.
    no_language: Vec<String>,
    /// Concepts without an English term: their rendering is their first term.
    no_english: Vec<String>,
    /// Concepts with English terms only: they are their English source forms too.
    english_only: Vec<String>,
    /// Fields with no place in a glossary.
    skipped: Skipped,
}

/// A list of ids for a warning: the first five, and how many more.
fn some_ids(ids: &[String]) -> String {
    let mut s = ids
        .iter()
        .take(5)
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > 5 {
        s.push_str(&format!(" and {} more", ids.len() - 5));
    }
    s
}

impl Reading {
    fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        if !self.renamed.is_empty() {
            let names: Vec<String> = self
                .renamed
                .iter()
                .take(5)
                .map(|(from, to)| format!("`{from}` as `{to}`"))
                .collect();
            let more = match self.renamed.len() {
                n if n > 5 => format!(" and {} more", n - 5),
                _ => String::new(),
            };
            w.push(format!(
                "{} entr{} renamed, as an id was taken by an earlier entry or is not a glossa id (lowercase letters, digits and -): {}{more}",
                self.renamed.len(),
                if self.renamed.len() == 1 { "y" } else { "ies" },
                names.join(", ")
            ));
        }
        if !self.empty_terms.is_empty() {
            w.push(format!(
                "{} empty term{} left out, in {}",
                self.empty_terms.len(),
                if self.empty_terms.len() == 1 { "" } else { "s" },
                some_ids(&self.empty_terms)
            ));
        }
        if !self.no_language.is_empty() {
            w.push(format!(
                "{} language section{} without a language (xml:lang): {} terms left out, in {}",
                self.no_language.len(),
                if self.no_language.len() == 1 { "" } else { "s" },
                "their",
                some_ids(&self.no_language)
            ));
        }
        if !self.no_english.is_empty() {
            w.push(format!(
                "{} entr{} without an English term: the rendering is the first term, to be checked: {}",
                self.no_english.len(),
                if self.no_english.len() == 1 { "y" } else { "ies" },
                some_ids(&self.no_english)
            ));
        }
        if !self.skipped.is_empty() {
            let kinds: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, n)| format!("{k} ({n})"))
                .collect();
            w.push(format!(
                "not kept, as a glossary has no place for them: {}",
                kinds.join(", ")
            ));
        }
        if !self.english_only.is_empty() {
            w.push(format!(
                "{} entr{} with English terms only: they are kept as English forms too: {}",
                self.english_only.len(),
                if self.english_only.len() == 1 {
                    "y"
                } else {
                    "ies"
                },
                some_ids(&self.english_only)
            ));
        }
        w
    }

    /// One concept from an entry, the `n`th of the file (counted from 0).
    fn entry(&mut self, n: usize, entry: &Node) -> Concept {
        let wanted = entry.attr("id").unwrap_or("");
        let fallback = format!("concept-{}", n + 1);
        // An entry without an id is named after its first English term (or first term).
        let name = if wanted.is_empty() {
            first_term(entry).unwrap_or_default()
        } else {
            wanted.to_string()
        };
        let (id, numbered) = self.ids.claim(&name, &fallback);
        // `_1917` is how glossa writes the id `1917` as an XML id: no rename.
        let own = wanted.strip_prefix('_') == Some(id.as_str());
        if !wanted.is_empty() && (numbered || (id != wanted && !own)) {
            self.renamed.push((wanted.to_string(), id.clone()));
        }
        let mut c = new_concept(&id);
        read_concept_fields(&mut c, entry, &mut self.skipped);
        let mut english: Vec<TermSec> = Vec::new();
        for ls in entry.find_all(LANG_SECS) {
            let code = ls.attr("xml:lang").or(ls.attr("lang")).unwrap_or("");
            let Some(lang) = term_lang(code) else {
                self.no_language.push(id.clone());
                continue;
            };
            read_lang_fields(&mut c, ls, &lang, &mut self.skipped);
            for ts in ls.find_all(TERM_SECS) {
                let Some(t) = read_term_sec(ts, &mut self.skipped) else {
                    self.empty_terms.push(id.clone());
                    continue;
                };
                match &lang {
                    TermLang::Known(Lang::En) if !t.is_source() => english.push(t),
                    TermLang::Known(l) => c.forms.push(t.into_form(*l)),
                    TermLang::Other(tag) => c.other_forms.push(t.into_other_form(tag)),
                }
            }
        }
        if english.is_empty() {
            if let Some(first) = c
                .forms
                .first()
                .map(|f| f.text.clone())
                .or_else(|| c.other_forms.first().map(|f| f.text.clone()))
            {
                c.english = first;
                self.no_english.push(id.clone());
            }
        } else if c.forms.is_empty() && c.other_forms.is_empty() {
            for t in &english {
                let mut f = new_form(Lang::En, &t.term);
                f.status = t.status;
                c.forms.push(f);
            }
            self.english_only.push(id.clone());
        }
        place_english(&mut c, english);
        order_forms(&mut c);
        c
    }
}

/// The first English term of an entry, or its first term.
fn first_term(entry: &Node) -> Option<String> {
    let secs = entry.find_all(LANG_SECS);
    let english = secs.iter().find(|ls| {
        Lang::from_tag(ls.attr("xml:lang").or(ls.attr("lang")).unwrap_or("")) == Some(Lang::En)
    });
    english
        .into_iter()
        .chain(secs.iter())
        .flat_map(|ls| ls.find_all(&["term"]))
        .map(|t| t.text.trim().to_string())
        .find(|t| !t.is_empty())
}

/// The language of a section: one glossa matches, another (by its tag), or `None` when
/// the section has no language or no tag that could be one.
fn term_lang(code: &str) -> Option<TermLang> {
    match Lang::from_tag(code) {
        Some(l) => Some(TermLang::Known(l)),
        None => language_tag(code)
            .or_else(|| super::columns::language_named(code))
            .map(|tag| match Lang::from_tag(&tag) {
                Some(l) => TermLang::Known(l),
                None => TermLang::Other(tag),
            }),
    }
}

/// The elements below `node` that are not inside (nor are) one of `stop`, in document
/// order: an entry's own fields (not its languages'), a language's (not its terms').
fn own_fields<'a>(node: &'a Node, stop: &[&str], out: &mut Vec<&'a Node>) {
    for c in &node.children {
        if stop.contains(&c.name.as_str()) {
            continue;
        }
        out.push(c);
        own_fields(c, stop, out);
    }
}

/// A field's data category, DCA (`<descrip type="definition">`) or DCT (`<definition>`)
/// style.
fn kind(node: &Node) -> &str {
    // `descrip`, `termNote`, `admin`, `transac`, `xref` … say their category in `type`.
    node.attr("type").unwrap_or(node.name.as_str())
}

/// The concept's own fields: subject field, definition and note (in or outside a
/// `descripGrp`); a `glossa:` note holds the inflection and compound setting.
fn read_concept_fields(c: &mut Concept, entry: &Node, skipped: &mut Skipped) {
    let mut fields = Vec::new();
    own_fields(entry, LANG_SECS, &mut fields);
    for f in fields {
        match (f.name.as_str(), kind(f)) {
            (_, "subjectField") => {
                let text = f.text.trim();
                match parse_category(text) {
                    Some(cat) => c.category = cat,
                    None if !text.is_empty() => {
                        append(&mut c.note, &format!("subject field: {text}"))
                    }
                    None => {}
                }
            }
            (_, "definition") => append(&mut c.definition, f.text.trim()),
            // An untyped `descrip` (Weblate's explanation) is a note.
            ("descrip", "descrip") => append(&mut c.note, f.text.trim()),
            ("note", _) => match parse_pairs(&f.text) {
                Some(p) => {
                    c.inflect = p.get("inflect").and_then(|s| parse_inflect(s));
                    c.compound = p.get("compound").and_then(|s| parse_compound(s));
                }
                None => append(&mut c.note, f.text.trim()),
            },
            _ => skip(skipped, f),
        }
    }
}

/// A language section's own fields: its definitions, and its notes (kept in the
/// concept's note, marked with the language).
fn read_lang_fields(c: &mut Concept, ls: &Node, lang: &TermLang, skipped: &mut Skipped) {
    let tag = match lang {
        TermLang::Known(l) => l.code().to_string(),
        TermLang::Other(t) => t.clone(),
    };
    let mut fields = Vec::new();
    own_fields(ls, TERM_SECS, &mut fields);
    for f in fields {
        match (f.name.as_str(), kind(f)) {
            (_, "definition") if !f.text.trim().is_empty() => {
                let d = c.definitions.entry(tag.clone()).or_default();
                if !d.is_empty() {
                    d.push('\n');
                }
                d.push_str(f.text.trim());
            }
            ("note", _) | ("descrip", "descrip") if !f.text.trim().is_empty() => {
                append(&mut c.note, &format!("({tag}) {}", f.text.trim()));
            }
            _ => skip(skipped, f),
        }
    }
}

/// Adds `text` to an optional field, on a new line when it holds something already.
fn append(field: &mut Option<String>, text: &str) {
    if text.is_empty() {
        return;
    }
    match field {
        Some(f) if !f.is_empty() => {
            f.push('\n');
            f.push_str(text);
        }
        _ => *field = Some(text.to_string()),
    }
}

/// Data categories an import read but has no place for, with how often: named in a
/// warning, so that nothing is left out without a word.
type Skipped = BTreeMap<String, usize>;

/// Counts a field the reader has no place for; containers (`descripGrp`, `termGrp`),
/// whose children are read, and empty fields are not counted.
fn skip(skipped: &mut Skipped, f: &Node) {
    if f.text.trim().is_empty() || f.name == "term" {
        return;
    }
    *skipped.entry(kind(f).to_string()).or_default() += 1;
}

/// The language of a section as the import keeps it.
enum TermLang {
    Known(Lang),
    Other(String),
}

/// One term section as read, before it is known to be a form.
struct TermSec {
    term: String,
    status: Status,
    definition: Option<String>,
    /// The plain notes, one a line.
    note: Option<String>,
    /// The last `glossa:` note.
    pairs: Option<BTreeMap<String, String>>,
}

/// A term section, or `None` when its term is missing or empty.
fn read_term_sec(ts: &Node, skipped: &mut Skipped) -> Option<TermSec> {
    let term = ts
        .find_all(&["term"])
        .first()
        .map(|t| t.text.trim().to_string())?;
    if term.is_empty() {
        return None;
    }
    let mut status = None;
    let mut proposed = false;
    let mut note = None;
    let mut definition = None;
    let mut p = None;
    let mut fields = Vec::new();
    own_fields(ts, &["term"], &mut fields);
    for f in fields {
        match (f.name.as_str(), kind(f)) {
            // The first status given wins; an unknown one leaves it preferred.
            (
                _,
                "administrativeStatus" | "normativeAuthorization" | "usageStatus" | "termStatus",
            ) if status.is_none() => {
                status = parse_status(&f.text);
                if status.is_none() {
                    *skipped
                        .entry(format!("{} `{}`", kind(f), f.text.trim()))
                        .or_default() += 1;
                }
            }
            (_, "processStatus") => {
                proposed = matches!(f.text.trim(), "provisionallyProcessed" | "unprocessed")
            }
            (_, "definition") => append(&mut definition, f.text.trim()),
            (_, "context") if !f.text.trim().is_empty() => {
                append(&mut note, &format!("context: {}", f.text.trim()))
            }
            ("descrip", "descrip") => append(&mut note, f.text.trim()),
            ("note", _) => match parse_pairs(&f.text) {
                Some(x) => p = Some(x),
                None => append(&mut note, f.text.trim()),
            },
            _ => skip(skipped, f),
        }
    }
    let mut status = status.unwrap_or_default();
    if proposed {
        status = Status::Proposed;
    }
    Some(TermSec {
        term,
        status,
        definition,
        note,
        pairs: p,
    })
}

impl TermSec {
    /// Whether glossa marked this English term as a source form rather than a rendering.
    fn is_source(&self) -> bool {
        self.pairs
            .as_ref()
            .is_some_and(|p| p.contains_key("source"))
    }

    fn into_form(self, lang: Lang) -> Form {
        let mut f = new_form(lang, &self.term);
        f.status = self.status;
        f.note = self.note;
        f.definition = self.definition;
        if let Some(p) = &self.pairs {
            apply_form_pairs(&mut f, p);
        }
        f
    }

    fn into_other_form(self, lang: &str) -> OtherForm {
        let mut f = new_other_form(lang, &self.term);
        f.status = self.status;
        f.note = self.note;
        f.definition = self.definition;
        if let Some(p) = &self.pairs {
            if let Some(s) = p.get("status").and_then(|s| parse_status(s)) {
                f.status = s;
            }
            if let Some(d) = p.get("definition") {
                f.definition = Some(d.clone());
            }
        }
        f
    }
}

/// English renderings in file order: the first preferred one is the concept's rendering
/// (the first of any status when none is preferred), deprecated ones are forbidden, the
/// rest (further preferred ones too) are alternatives. Their definitions are the English
/// definition when there is none.
fn place_english(c: &mut Concept, english: Vec<TermSec>) {
    let first_preferred = english
        .iter()
        .position(|t| t.status == Status::Preferred)
        .or_else(|| english.iter().position(|t| t.status != Status::Deprecated))
        .or(if english.is_empty() { None } else { Some(0) });
    for (i, t) in english.into_iter().enumerate() {
        if let Some(d) = t.definition {
            let e = c.definitions.entry("en".into()).or_default();
            if !e.is_empty() {
                e.push('\n');
            }
            e.push_str(&d);
        }
        if let Some(n) = t.note {
            append(&mut c.note, &format!("(en: {}) {n}", t.term));
        }
        if Some(i) == first_preferred {
            c.english = t.term;
        } else if t.status == Status::Deprecated {
            c.forbidden.push(t.term);
        } else {
            c.alternatives.push(t.term);
        }
    }
}
