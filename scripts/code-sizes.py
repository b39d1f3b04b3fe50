#!/usr/bin/env python3
"""The largest source files and functions of the crate, for keeping both in check.

    python3 scripts/code-sizes.py [--top N] [DIR]

Counts lines of every `*.rs` file under DIR (default: src) and the lines of every `fn`
body, found by matching braces (strings, chars and comments skipped). Test modules count
as code: a 900-line file is hard to read whatever it holds.
"""
import os
import re
import sys

def strip(text):
    """The text with strings, char literals and comments blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == "r" and re.match(r'r#*"', text[i:i+10]) and (i == 0 or not (text[i-1].isalnum() or text[i-1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            close = '"' + m.group(1)
            j = text.find(close, i + len(m.group(0)))
            j = n if j < 0 else j + len(close)
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:
                out.append(" " * len(m.group(0))); i += len(m.group(0))
            else:
                out.append(c); i += 1
        else:
            out.append(c); i += 1
    return "".join(out)

def functions(path):
    text = open(path, encoding="utf-8").read()
    s = strip(text)
    for m in re.finditer(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)", s):
        # the body: the first `{` after the signature (skip `;` declarations)
        j = m.end()
        depth_paren = 0
        while j < len(s):
            if s[j] in "(<[":
                depth_paren += 1
            elif s[j] in ")>]":
                depth_paren -= 1
            elif s[j] == ";" and depth_paren <= 0:
                j = -1
                break
            elif s[j] == "{" and depth_paren <= 0:
                break
            j += 1
        if j < 0 or j >= len(s):
            continue
        depth, k = 0, j
        while k < len(s):
            if s[k] == "{":
                depth += 1
            elif s[k] == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        start = s.count("\n", 0, m.start()) + 1
        end = s.count("\n", 0, k) + 1
        yield m.group(1), start, end - start + 1

def main():
    args = sys.argv[1:]
    top = 10
    if "--top" in args:
        i = args.index("--top"); top = int(args[i + 1]); del args[i:i + 2]
    root = args[0] if args else "src"
    files, fns = [], []
    for d, _, names in os.walk(root):
        for name in names:
            if name.endswith(".rs"):
                p = os.path.join(d, name)
                files.append((sum(1 for _ in open(p, encoding="utf-8")), p))
                fns.extend((lines, f"{p}:{line} {fn}") for fn, line, lines in functions(p))
    files.sort(reverse=True); fns.sort(reverse=True)
    print(f"largest files ({len(files)} files):")
    for n, p in files[:top]:
        print(f"  {n:5}  {p}")
    print(f"largest functions ({len(fns)} functions):")
    for n, f in fns[:top]:
        print(f"  {n:5}  {f}")
    print(f"functions of 150+ lines: {sum(1 for n, _ in fns if n >= 150)}; 100+: {sum(1 for n, _ in fns if n >= 100)}")

main()
