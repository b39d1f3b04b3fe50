//! `glossa report`: one self-contained HTML page for a translator.
//!
//! Built with maud, which escapes every interpolated string, so a corpus containing
//! `<script>` shows it as text. Inline CSS and a few lines of plain JavaScript; no network,
//! no external assets. The page has
//!
//! - per concept: its English rendering, the forms found with counts per language and tier,
//!   and a concordance (KWIC, the term highlighted) with file:line and, where the document
//!   has a translation, the aligned English and what it did with the term; findings next
//!   to the occurrences they concern;
//! - per document: sentences, language shares, terms, findings;
//! - every finding of `glossa check` (the same [`crate::check::run`] computes them), in a
//!   table: those about words the glossary does not know, the glossary itself or stale
//!   files have no occurrence to stand beside;
//! - a search box that filters concepts as you type (also read from the URL fragment
//!   `#filter=…`, so a link can open the page filtered), and sorting by count or name.

use std::collections::{BTreeMap, HashMap};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::check::Finding;
use crate::glossary::Glossary;
use crate::pipeline::Aligned;

/// Everything the report shows about one document.
#[derive(Debug)]
pub struct Document<'a> {
    /// The document's path as shown, and as named in its occurrences and notes.
    pub name: &'a str,
    pub aligned: &'a Aligned,
}

const CSS: &str = r#"
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d232a; background: #fafafa; }
header { background: #243447; color: #fff; padding: 1rem 2rem; }
header h1 { margin: 0; font-size: 1.4rem; }
main { padding: 1rem 2rem; max-width: 80rem; }
.controls { position: sticky; top: 0; background: #fafafa; padding: .6rem 0; border-bottom: 1px solid #ddd; z-index: 1; }
.controls input { font-size: 1rem; padding: .3rem .5rem; width: 20rem; }
.controls button { font-size: .9rem; margin-left: .5rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .2rem .6rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
section.concept { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem; margin: .8rem 0; }
section.concept h3 { margin: .2rem 0; }
.english { color: #2b6a3f; font-weight: 600; }
.count { color: #666; font-weight: normal; }
.kwic td.left { text-align: right; color: #444; white-space: nowrap; overflow: hidden; max-width: 28rem; }
.kwic td.right { color: #444; white-space: nowrap; overflow: hidden; max-width: 28rem; }
mark.term { background: #ffe08a; padding: 0 .1rem; }
.where { color: #666; font-size: .85rem; white-space: nowrap; }
.target { color: #30507a; font-size: .9rem; }
.r-expected { color: #2b6a3f; } .r-admitted { color: #8a6d00; } .r-forbidden, .r-missing { color: #b3261e; font-weight: 600; }
.finding { color: #b3261e; font-size: .85rem; }
.help { color: #555; font-size: .85rem; }
.hidden { display: none; }
"#;

const SCRIPT: &str = r#"
(function () {
  var input = document.getElementById('filter');
  var list = document.getElementById('concepts');
  function apply() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (s) {
      var hit = !q || s.getAttribute('data-search').indexOf(q) >= 0;
      s.classList.toggle('hidden', !hit);
      if (hit) shown++;
    });
    document.getElementById('shown').textContent = shown;
  }
  function sort(key) {
    var items = Array.prototype.slice.call(list.children);
    items.sort(function (a, b) {
      if (key === 'count') return b.getAttribute('data-count') - a.getAttribute('data-count') || a.id.localeCompare(b.id);
      return a.id.localeCompare(b.id);
    });
    items.forEach(function (s) { list.appendChild(s); });
  }
  input.addEventListener('input', apply);
  document.getElementById('by-count').addEventListener('click', function () { sort('count'); });
  document.getElementById('by-name').addEventListener('click', function () { sort('name'); });
  var m = /(?:^|[#&])filter=([^&]*)/.exec(location.hash);
  if (m) { input.value = decodeURIComponent(m[1]); }
  if (/(?:^|[#&])sort=count/.test(location.hash)) { sort('count'); }
  apply();
})();
"#;

struct Occ<'a> {
    doc: &'a str,
    occ: &'a crate::pipeline::Occurrence,
    check: Option<&'a crate::pipeline::TranslationCheck>,
    notes: Vec<&'a Finding>,
}

/// Renders the report. `findings` are shown with the occurrences they concern (matched by
/// file, line and column), counted in the document table, and listed in full.
pub fn render(
    title: &str,
    glossary: &Glossary,
    docs: &[Document<'_>],
    findings: &[Finding],
) -> String {
    let notes = findings;
    // The findings by place, and each document's translation checks by occurrence, looked
    // up rather than searched: a bilingual file can hold a hundred thousand of each.
    let mut at: HashMap<(&str, usize, usize), Vec<&Finding>> = HashMap::new();
    for n in notes {
        at.entry((n.file.as_str(), n.line, n.column))
            .or_default()
            .push(n);
    }
    // Occurrences by concept, in document order.
    let mut by_concept: BTreeMap<&str, Vec<Occ<'_>>> = BTreeMap::new();
    for d in docs {
        let checks: HashMap<usize, &crate::pipeline::TranslationCheck> = d
            .aligned
            .translations
            .iter()
            .rev()
            .map(|t| (t.occurrence, t))
            .collect();
        for (k, o) in d.aligned.occurrences.iter().enumerate() {
            let check = checks.get(&k).copied();
            let here: Vec<&Finding> = at
                .get(&(shown(&o.file), o.term.line, o.term.column))
                .cloned()
                .unwrap_or_default();
            by_concept
                .entry(o.term.concept.as_str())
                .or_default()
                .push(Occ {
                    doc: d.name,
                    occ: o,
                    check,
                    notes: here,
                });
        }
    }
    let total: usize = by_concept.values().map(Vec::len).sum();
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { (title) }
                    p { (docs.len()) " documents, " (by_concept.len()) " concepts found, " (total) " occurrences" }
                }
                main {
                    h2 { "Documents" }
                    (documents_table(docs, notes))
                    h2 { "Findings" }
                    (findings_table(notes))
                    h2 { "Concepts" }
                    div.controls {
                        input #filter type="search" placeholder="Filter concepts, forms, renderings…" aria-label="Filter concepts";
                        button #by-count type="button" { "Sort by count" }
                        button #by-name type="button" { "Sort by name" }
                        " " span #shown { (by_concept.len()) } " shown"
                    }
                    div #concepts {
                        @for (id, occs) in &by_concept {
                            (concept_section(glossary, id, occs))
                        }
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    page.into_string()
}

/// A file name as findings name it (without a leading `./`).
fn shown(name: &str) -> &str {
    name.strip_prefix("./").unwrap_or(name)
}

/// Every finding, in the order `glossa check` prints them.
fn findings_table(findings: &[Finding]) -> Markup {
    html! {
        @if findings.is_empty() {
            p.none { "No findings." }
        } @else {
            table.findings {
                thead { tr { th { "Level" } th { "Code" } th { "Where" } th { "Finding" } } }
                tbody {
                    @for f in findings {
                        tr data-code=(f.code.as_str()) {
                            td { (f.level.as_str()) }
                            td { (f.code.as_str()) }
                            td.where { (f.file) ":" (f.line) ":" (f.column) }
                            td {
                                (f.message)
                                @if let Some(help) = &f.help { div.help { "help: " (help) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn documents_table(docs: &[Document<'_>], notes: &[Finding]) -> Markup {
    html! {
        table.documents {
            thead { tr { th { "Document" } th { "Sentences" } th { "Languages" } th { "Terms" } th { "Sentence pairs" } th { "Findings" } } }
            tbody {
                @for d in docs {
                    @let a = d.aligned;
                    @let findings = notes.iter().filter(|n| n.file == shown(d.name)).count();
                    tr {
                        td { (d.name) }
                        td { (a.sentences) }
                        td {
                            @for (i, (lang, n)) in a.languages.iter().enumerate() {
                                @if i > 0 { ", " }
                                (lang) " " (format!("{:.0}%", 100.0 * *n as f64 / a.sentences.max(1) as f64))
                            }
                        }
                        td { (a.occurrences.len()) }
                        td { @if a.beads.is_empty() { "–" } @else { (a.beads.len()) " (" (a.beads.iter().filter(|b| b.review).count()) " to review)" } }
                        td { (findings) }
                    }
                }
            }
        }
    }
}

fn concept_section(glossary: &Glossary, id: &str, occs: &[Occ<'_>]) -> Markup {
    let concept = glossary.concept(id);
    let english = concept.map_or(id, |c| c.english.as_str());
    // Forms found, with counts per language and tier.
    let mut forms: BTreeMap<(&str, &str, &str), usize> = BTreeMap::new();
    for o in occs {
        *forms
            .entry((
                o.occ.term.surface.as_str(),
                o.occ.term.lang.as_str(),
                o.occ.term.tier.as_str(),
            ))
            .or_default() += 1;
    }
    let mut search = format!("{id} {english}").to_lowercase();
    for (surface, _, _) in forms.keys() {
        search.push(' ');
        search.push_str(&surface.to_lowercase());
    }
    html! {
        section.concept id=(id) data-count=(occs.len()) data-search=(search) {
            h3 { (id) " → " span.english { (english) } " " span.count { "(" (occs.len()) ")" } }
            @if let Some(def) = concept.and_then(|c| c.definition.as_deref()) { p { (def) } }
            table.forms {
                thead { tr { th { "Form" } th { "Language" } th { "Tier" } th { "Count" } } }
                tbody {
                    @for ((surface, lang, tier), n) in &forms {
                        tr { td { (surface) } td { (lang) } td { (tier) } td { (n) } }
                    }
                }
            }
            table.kwic {
                tbody {
                    @for o in occs {
                        @let (left, term, right) = split_context(&o.occ.term.context);
                        tr {
                            td.where { (o.doc) ":" (o.occ.term.line) }
                            td.left { (left) }
                            td { mark.term { (term) } }
                            td.right { (right) }
                            td {
                                @if let Some(c) = o.check {
                                    span class={ "r-" (c.record.rendering.as_str()) } { (c.record.rendering.as_str()) }
                                    @if let Some(found) = c.found() { " " span.target { "“" (found) "”" } }
                                }
                                @for n in &o.notes {
                                    div.finding { (n.level.as_str()) "[" (n.code.as_str()) "]: " (n.message) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Splits a `… [[term]] …` context into its three parts.
fn split_context(context: &str) -> (&str, &str, &str) {
    match (context.find("[["), context.find("]]")) {
        (Some(a), Some(b)) if a < b => (&context[..a], &context[a + 2..b], &context[b + 2..]),
        _ => ("", context, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Aligner;
    use crate::segment::Options;
    use crate::source;

    #[test]
    fn text_is_escaped_and_terms_highlighted() {
        let g = Glossary::parse(
            "g.toml",
            "[concept.kolkhoz]\nenglish = \"kolkhoz\"\ncategory = \"term\"\nde = [{ form = \"Kolchos\" }]\n",
        )
        .unwrap();
        let doc = source::Document::from_bytes(
            "a.txt",
            "Der <script>alert(1)</script> Kolchos wuchs.\n".as_bytes(),
        )
        .unwrap();
        let aligned = Aligner::new(&g, Options::default())
            .unwrap()
            .align(&doc, "a.txt");
        let html = render(
            "Test & <report>",
            &g,
            &[Document {
                name: "a.txt",
                aligned: &aligned,
            }],
            &[],
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<title>Test &amp; &lt;report&gt;</title>"));
        assert!(html.contains("<mark class=\"term\">Kolchos</mark>"));
        assert!(html.contains("id=\"kolkhoz\""));
        assert_eq!(html.matches("<script>").count(), 1, "only our own script");
    }
}
