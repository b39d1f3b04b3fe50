#!/usr/bin/env python3
"""Validates the TBX that `glossa glossary export --format tbx` writes against the real
TBX-Basic schemas: the RELAX NG grammar and the Schematron rules that the file's own
`xml-model` processing instructions name.

    python3 scripts/validate-tbx.py SCHEMA_DIR [--glossa BINARY] [--keep DIR]

Exports glossary/soviet.toml and a glossary of hard cases written by this script (an id that
starts with a digit, a proposed form, definitions at concept, language and term level, fr, ru,
pt-BR and sr-Latn terms, deprecated and admitted forms, notes, characters to escape), lints the
latter, and validates both exports. A negative control (an export with three faults put in)
must fail both schemas, so that a validator that checks nothing cannot pass.

The schemas are not committed. SCHEMA_DIR must hold the files the `xml-model` instructions
name, under the last part of their href:
  - TBXcoreStructV03_TBX-Basic_integrated.rng
  - TBX-Basic_DCA.sch
both from the GitHub repository LTAC-Global/TBX-Basic_dialect, folder DCA/ of master (the hrefs
are https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/...). Their
namespace must be the file's, urn:iso:std:iso:30042:ed-2 (older versions of both files used
urn:iso:std:iso:30042:ed:3.0 and reject every TBX v3 file).

The binary is not built here: default target/debug/glossa (`cargo build` first).
Needs lxml and elementpath (`pip install lxml elementpath`). The Schematron rules of TBX-Basic
declare queryBinding="xslt2" and use XPath 2.0 (matches(), `./local-name()`), which lxml's
isoschematron (XSLT 1.0) refuses; such rules are run here with elementpath's XPath 2.0 engine,
rule by rule as ISO Schematron does (in each pattern, the first rule whose context matches a
node fires for it). Rules in an XSLT 1.0 schema go through lxml's isoschematron.

Exit status: 0 every export valid (and the negative control rejected), 1 invalid,
2 setup error (no binary, a schema missing, a glossary that does not load).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

try:
    from lxml import etree, isoschematron
    from elementpath import XPath2Parser, XPathContext
except ImportError as e:  # pragma: no cover
    sys.exit(f"validate-tbx: {e}: pip install lxml elementpath")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
RNG_TYPE = "http://relaxng.org/ns/structure/1.0"
SCH_TYPE = "http://purl.oclc.org/dsdl/schematron"

HARD_CASES = """\
# Hard cases for TBX export (written by scripts/validate-tbx.py)

[concept.1917]
english = "October Revolution"
alternatives = ["Great October"]
forbidden = ["October Revolt"]
category = "term"
definition = "the Bolshevik seizure of power in 1917 & its <aftermath>"
definitions = { de = "die Machtergreifung der Bolschewiki", fr = "la prise du pouvoir par les bolcheviks", ru = "Октябрьская революция 1917 года" }
note = "sources: \\"Carr\\", vol. 1"
inflect = "none"
compound = "both"
de = [
    { form = "Oktoberrevolution", definition = "Umsturz im Oktober 1917", note = "common in GDR texts" },
    { form = "Oktoberumsturz", status = "admitted" },
    { form = "Oktoberrevolte", status = "deprecated", note = "OCR misreading" },
    { form = "Rotoktober", status = "proposed" },
    { form = "Oktoberputsch", english = "October coup" },
]
nl = [
    { form = "Oktoberrevolutie" },
]
fr = [
    { form = "révolution d'Octobre", definition = "révolution russe de 1917" },
    { form = "Octobre rouge", status = "deprecated", note = "journalistique" },
    { form = "grand Octobre", status = "admitted" },
    { form = "coup d'Octobre", status = "proposed" },
]
ru = [
    { form = "Октябрьская революция" },
    { form = "Октябрьский переворот", status = "admitted", note = "Soviet usage before 1927" },
]
pt-BR = [
    { form = "Revolução de Outubro" },
]

[concept.2nd-congress]
english = "Second Congress"
category = "organisation"
sr-Latn = [
    { form = "Drugi kongres" },
]

[concept.kolkhoz]
english = "kolkhoz"
category = "term"
definitions = { fr = "exploitation agricole collective" }
de = [
    { form = "Kolchos" },
]
fr = [
    { form = "kolkhoze" },
    { form = "kolkhose", status = "deprecated" },
]
ru = [
    { form = "колхоз" },
]
"""


def run(cmd):
    print("$ " + " ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True)
    out = (p.stdout + p.stderr).strip()
    if out:
        print(out)
    return p.returncode


def xml_models(doc):
    """(href, schematypens) of each xml-model processing instruction before the root."""
    models = []
    node = doc.getroot().getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', node.text or ""))
            models.append((attrs.get("href", ""), attrs.get("schematypens", "")))
        node = node.getprevious()
    return list(reversed(models))


def where(node):
    """A readable location: line and path of an element, or of an attribute's element."""
    if hasattr(node, "elem") and node.elem is not None:
        el = node.elem
    else:
        el = getattr(node, "parent", None)
        el = getattr(el, "elem", None)
    if el is None:
        return "?"
    steps = []
    for e in [el] + list(el.iterancestors()):
        name = etree.QName(e).localname
        same = [s for s in (e.getparent() if e.getparent() is not None else []) if s.tag == e.tag]
        steps.append(f"{name}[{same.index(e) + 1}]" if len(same) > 1 else name)
    path = "/" + "/".join(reversed(steps))
    name = getattr(node, "name", None)
    attr = ""
    if node.__class__.__name__.endswith("AttributeNode"):
        attr = "/@" + re.sub(r"^\{[^}]*\}", "", str(name))
    return f"line {el.sourceline}: {path}{attr}"


class XPath2Schematron:
    """ISO Schematron asserts and reports, evaluated with an XPath 2.0 engine."""

    def __init__(self, sch_doc):
        root = sch_doc.getroot()
        self.ns = {n.get("prefix"): n.get("uri") for n in root.iter(f"{{{SCH_NS}}}ns")}
        self.parser = XPath2Parser(namespaces=self.ns)
        self.patterns = []
        for pat in root.iter(f"{{{SCH_NS}}}pattern"):
            rules = []
            for rule in pat.iter(f"{{{SCH_NS}}}rule"):
                checks = []
                for chk in rule:
                    if chk.tag in (f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"):
                        text = " ".join("".join(chk.itertext()).split())
                        checks.append((etree.QName(chk).localname, chk.get("test"),
                                       self.parser.parse(chk.get("test")), text))
                ctx = rule.get("context")
                match = self.parser.parse("|".join("//" + c.strip() for c in ctx.split("|")))
                rules.append((ctx, match, checks))
            self.patterns.append((pat.get("id"), rules))

    def validate(self, doc):
        ctx = XPathContext(doc)

        def evaluate(token, item):
            ctx.item, ctx.position, ctx.size = item, 1, 1
            return token.evaluate(ctx)

        def select(token, item):
            ctx.item, ctx.position, ctx.size = item, 1, 1
            return list(token.select(ctx))

        everything = select(self.parser.parse("//* | //@*"), ctx.root)
        failures, fired = [], 0
        for pid, rules in self.patterns:
            matched = [{id(n) for n in select(m, ctx.root)} for _, m, _ in rules]
            for node in everything:
                for (rctx, _, checks), ids in zip(rules, matched):
                    if id(node) not in ids:
                        continue
                    fired += 1
                    for kind, test, token, text in checks:
                        ok = token.boolean_value(evaluate(token, node))
                        if (kind == "assert" and not ok) or (kind == "report" and ok):
                            failures.append(f"{where(node)}: [{pid}] rule {rctx!r}: "
                                            f"{kind} {test!r} failed: {text}")
                    break  # first matching rule of a pattern only
        return failures, fired


def check_rng(rng_path, doc):
    rng = etree.RelaxNG(etree.parse(rng_path))
    if rng.validate(doc):
        return []
    return [f"line {e.line}:{e.column}: {e.message}" for e in rng.error_log]


def check_sch(sch_path, doc):
    sch_doc = etree.parse(sch_path)
    root = sch_doc.getroot()
    binding = (root.get("queryBinding") or "xslt").lower()
    tbx_ns = etree.QName(doc.getroot()).namespace
    declared = {n.get("uri") for n in root.iter(f"{{{SCH_NS}}}ns")}
    if tbx_ns not in declared:
        return [f"schema namespace {sorted(declared)} is not the file's ({tbx_ns}): "
                f"wrong schema version, its rules would match nothing"], "none"
    if binding in ("xslt", "xslt1", "xpath"):
        s = isoschematron.Schematron(sch_doc, store_report=True)
        if s.validate(doc):
            return [], "lxml isoschematron (XSLT 1.0)"
        svrl = "{http://purl.oclc.org/dsdl/svrl}"
        errs = []
        for fa in s.validation_report.iter(f"{svrl}failed-assert", f"{svrl}successful-report"):
            text = " ".join("".join(fa.itertext()).split())
            errs.append(f"{fa.get('location')}: {fa.get('test')!r}: {text}")
        return errs, "lxml isoschematron (XSLT 1.0)"
    failures, fired = XPath2Schematron(sch_doc).validate(doc)
    return failures, f"elementpath XPath 2.0 (queryBinding={binding}; {fired} rule firings)"


def validate(path, schema_dir, quiet=False):
    """Errors of one TBX file against the schemas its xml-model instructions name."""
    doc = etree.parse(path)
    models = xml_models(doc)
    if not any(t == RNG_TYPE for _, t in models) or not any(t == SCH_TYPE for _, t in models):
        return [f"{path}: no RELAX NG and Schematron xml-model instructions"], True
    errors = []
    for href, typens in models:
        name = href.rsplit("/", 1)[-1]
        schema = os.path.join(schema_dir, name)
        if not os.path.exists(schema):
            print(f"validate-tbx: {schema} missing; get it from {href}", file=sys.stderr)
            sys.exit(2)
        if typens == RNG_TYPE:
            errs, how = check_rng(schema, doc), "lxml RelaxNG"
        elif typens == SCH_TYPE:
            errs, how = check_sch(schema, doc)
        else:
            continue
        if not quiet:
            print(f"{os.path.basename(path)} against {name} ({how}): "
                  + ("valid" if not errs else f"{len(errs)} error(s)"))
            for e in errs:
                print("  " + e)
        errors += [f"{name}: {e}" for e in errs]
    return errors, False


def negative_control(good, out):
    """An export with three faults: a termNote value, a descrip type, a termSec-level definition."""
    with open(good, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("admittedTerm-admn-sts", "proposedTerm-admn-sts", 1)
    text = text.replace('<descrip type="subjectField">', '<descrip type="category">', 1)
    text = re.sub(r"(<term>[^<]*</term>)", r'\1<descrip type="definition">x</descrip>', text, 1)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("schema_dir")
    ap.add_argument("--glossa", default=os.path.join(ROOT, "target", "debug", "glossa"))
    ap.add_argument("--keep", help="write the exports into this directory and keep them")
    args = ap.parse_args()
    if not os.access(args.glossa, os.X_OK):
        print(f"validate-tbx: no glossa binary at {args.glossa} (cargo build)", file=sys.stderr)
        return 2
    work = args.keep or tempfile.mkdtemp(prefix="validate-tbx-")
    os.makedirs(work, exist_ok=True)
    hard = os.path.join(work, "hard-cases.toml")
    with open(hard, "w", encoding="utf-8") as f:
        f.write(HARD_CASES)
    if run([args.glossa, "glossary", "lint", hard]) != 0:
        print("validate-tbx: the hard-case glossary does not lint clean", file=sys.stderr)
        return 2
    exports = []
    for src, name in ((os.path.join(ROOT, "glossary", "soviet.toml"), "soviet.tbx"),
                      (hard, "hard-cases.tbx")):
        out = os.path.join(work, name)
        if run([args.glossa, "glossary", "export", "--format", "tbx", "-o", out, src]) != 0:
            return 2
        exports.append(out)
    invalid = False
    for path in exports:
        errors, _ = validate(path, args.schema_dir)
        invalid |= bool(errors)
    bad = os.path.join(work, "negative-control.tbx")
    negative_control(exports[1], bad)
    errors, _ = validate(bad, args.schema_dir, quiet=True)
    caught = {e.split(":")[0] for e in errors}
    print(f"negative control (3 faults put in): {len(errors)} error(s), from "
          + (", ".join(sorted(caught)) or "no schema"))
    if len(caught) < 2:
        print("validate-tbx: a schema let a broken file through: the check is not working",
              file=sys.stderr)
        invalid = True
    print(f"exports in {work}")
    print("RESULT: " + ("INVALID" if invalid else "valid"))
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
