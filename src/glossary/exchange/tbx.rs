//! TBX in and out: [`to_tbx`] writes TBX v3 TBX-Basic in the DCA style, [`from_tbx`]
//! reads v3 and v2. How glossa's fields map onto TBX is described in the module doc of
//! `exchange`; what TBX-Basic has no place for travels in `glossa:` notes (`pairs`).

use std::fmt::Write;

use quick_xml::escape::escape;

use super::fields::{
    new_concept, new_form, order_forms, parse_category, parse_compound, parse_inflect,
};
use super::pairs::{apply_form_pairs, form_pairs, pairs, parse_pairs};
use super::xml::parse_xml;
use super::{invalid, sorted};
use crate::error::Result;
use crate::glossary::{Form, Glossary, Status};
use crate::lang::Lang;

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
