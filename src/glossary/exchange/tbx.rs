//! TBX in and out: [`to_tbx`] writes TBX v3 TBX-Basic in the DCA style, [`from_tbx`]
//! reads v3 and v2. How glossa's fields map onto TBX is described in the module doc of
//! `exchange`; what TBX-Basic has no place for travels in `glossa:` notes (`pairs`).

use std::collections::BTreeMap;
use std::fmt::Write;

use quick_xml::escape::escape;

use super::fields::{
    new_concept, new_form, order_forms, parse_category, parse_compound, parse_inflect,
};
use super::pairs::{apply_form_pairs, form_pairs, pairs, parse_pairs};
use super::xml::{Node, parse_xml};
use super::{invalid, sorted};
use crate::error::Result;
use crate::glossary::{Concept, Form, Glossary, Status};
use crate::lang::Lang;

// ---- writing ---------------------------------------------------------------------------

/// TBX v3 TBX-Basic, DCA style.
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
/// for, goes into the header as a `p` of glossa's own type.
fn write_header(o: &mut String, g: &Glossary) {
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
}

fn write_concept_entry(o: &mut String, c: &Concept) {
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
    for lang in Lang::ALL {
        write_lang_sec(o, c, lang);
    }
    o.push_str("      </conceptEntry>\n");
}

/// The concept's terms in one language. English is always written, as it holds the
/// rendering, the alternatives and the forbidden renderings before any English source
/// forms; another language without forms is left out.
fn write_lang_sec(o: &mut String, c: &Concept, lang: Lang) {
    let forms: Vec<&Form> = c.forms.iter().filter(|f| f.lang == lang).collect();
    if forms.is_empty() && lang != Lang::En {
        return;
    }
    let _ = writeln!(o, "        <langSec xml:lang=\"{}\">", lang.code());
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

/// TBX-Basic has no proposed status: a proposed term is admitted, and marked
/// `provisionallyProcessed` in its `termSec`.
fn admn_sts(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted | Status::Proposed => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
    }
}

// ---- reading ---------------------------------------------------------------------------

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
    if let Some(ignore) = read_ignore(&root) {
        g.ignore = ignore;
    }
    for (n, entry) in root
        .find_all(&["conceptEntry", "termEntry"])
        .into_iter()
        .enumerate()
    {
        g.concepts.push(read_entry(n, entry));
    }
    Ok(g)
}

/// The ignore list from glossa's own `p` in the header (the last one, should there be
/// several), one word a line.
fn read_ignore(root: &Node) -> Option<Vec<String>> {
    let p = root
        .find_all(&["p"])
        .into_iter()
        .rfind(|p| p.attr("type") == Some("glossa-ignore"))?;
    Some(
        p.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    )
}

/// One concept from a `conceptEntry` (v3) or `termEntry` (v2), the `n`th of the file
/// (counted from 0), which names it when it has no `id`.
fn read_entry(n: usize, entry: &Node) -> Concept {
    let id = entry
        .attr("id")
        .map(String::from)
        .unwrap_or_else(|| format!("concept-{}", n + 1));
    let mut c = new_concept(&id);
    read_concept_fields(&mut c, entry);
    let mut english: Vec<(String, Status)> = Vec::new();
    for ls in entry.find_all(&["langSec", "langSet"]) {
        let Some(lang) = lang_of(ls) else {
            continue;
        };
        for ts in ls.find_all(&["termSec", "tig", "ntig"]) {
            let Some(t) = read_term_sec(ts) else {
                continue;
            };
            if lang == Lang::En && !t.is_source() {
                english.push((t.term, t.status));
                continue;
            }
            c.forms.push(t.into_form(lang));
        }
    }
    place_english(&mut c, english);
    order_forms(&mut c);
    c
}

/// The concept's own fields, from the entry's direct children: `subjectField`,
/// `definition` and `note`; a `glossa:` note holds the inflection and compound setting.
fn read_concept_fields(c: &mut Concept, entry: &Node) {
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
}

/// The language of a `langSec`/`langSet`, regional variants (`en-GB`, `de_AT`) read as
/// their language; `None` for a language glossa does not know, whose terms are skipped.
fn lang_of(ls: &Node) -> Option<Lang> {
    let code = ls.attr("xml:lang").or(ls.attr("lang")).unwrap_or("");
    let code = code.split(['-', '_']).next().unwrap_or("");
    code.parse::<Lang>().ok()
}

/// One `termSec` (v3) or `tig`/`ntig` (v2) as read, before it is known to be a form.
struct TermSec {
    term: String,
    status: Status,
    /// The last plain note.
    note: Option<String>,
    /// The last `glossa:` note.
    pairs: Option<BTreeMap<String, String>>,
}

/// A term section, or `None` when it has no `term`.
fn read_term_sec(ts: &Node) -> Option<TermSec> {
    let term = ts.find_all(&["term"]).first().map(|t| t.text.clone())?;
    let mut status = Status::Preferred;
    let mut proposed = false;
    let mut note = None;
    let mut p = None;
    for tn in ts.find_all(&["termNote", "note", "descrip"]) {
        match (tn.name.as_str(), tn.attr("type")) {
            ("termNote", Some("administrativeStatus")) => {
                status = status_of_admn_sts(tn.text.trim());
            }
            ("termNote", Some("processStatus")) => {
                proposed =
                    tn.text.trim() == "provisionallyProcessed" || tn.text.trim() == "unprocessed"
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
    Some(TermSec {
        term,
        status,
        note,
        pairs: p,
    })
}

/// The status of an `administrativeStatus`, v3 (`…-admn-sts`) or v2 spelling; superseded
/// terms count as deprecated, and anything unknown as preferred.
fn status_of_admn_sts(s: &str) -> Status {
    match s {
        "admittedTerm-admn-sts" | "admittedTerm" => Status::Admitted,
        "deprecatedTerm-admn-sts" | "deprecatedTerm" => Status::Deprecated,
        "supersededTerm-admn-sts" | "supersededTerm" => Status::Deprecated,
        _ => Status::Preferred,
    }
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
        if let Some(p) = &self.pairs {
            apply_form_pairs(&mut f, p);
        }
        f
    }
}

/// English renderings in file order: the first preferred one is the concept's rendering,
/// deprecated ones are forbidden, the rest (further preferred ones too) are alternatives.
fn place_english(c: &mut Concept, english: Vec<(String, Status)>) {
    for (term, status) in english {
        match status {
            Status::Preferred if c.english.is_empty() => c.english = term,
            Status::Deprecated => c.forbidden.push(term),
            _ => c.alternatives.push(term),
        }
    }
}
