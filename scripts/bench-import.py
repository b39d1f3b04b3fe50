#!/usr/bin/env python3
"""Times `glossa glossary import` on large generated glossaries: CSV (glossa's long
format, a spreadsheet with a column per language) and OmegaT TSV, of ROWS rows each
(default 50,000). Run it on purpose, with a release build (issue 18 asks CSV and TSV import
to scale like TBX: linearly):

    cargo build --release
    python3 scripts/bench-import.py target/release/glossa [ROWS]

The terms are made up (letters and a running number), so that no two rows share a form.
"""

import os
import subprocess
import sys
import tempfile
import time


def word(n):
    letters = "abcdefghiklmnoprstuvwz"
    out = ""
    n += 1
    while n:
        n, r = divmod(n, len(letters))
        out += letters[r]
    return out


def files(rows):
    long_csv = ["concept,category,english,lang,term,status"]
    sheet = ["German;Dutch;English;Note"]
    tsv = []
    for i in range(rows):
        w = word(i)
        long_csv.append(f"c{i},term,{w}x,de,K{w}os,preferred")
        sheet.append(f"K{w}os;k{w}oz;{w}x;row {i}")
        tsv.append(f"K{w}os\t{w}x\tnote {i}")
    return {
        "long.csv": "\n".join(long_csv) + "\n",
        "sheet.csv": "\n".join(sheet) + "\n",
        "omegat.tsv": "\n".join(tsv) + "\n",
    }


def main():
    glossa = os.path.abspath(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
    # Versions before issue 18 have no --source-lang (and read OmegaT files as German).
    help_text = subprocess.run([glossa, "glossary", "import", "--help"], capture_output=True, text=True).stdout
    lang = ["--source-lang", "de"] if "--source-lang" in help_text else []
    with tempfile.TemporaryDirectory() as d:
        for name, text in files(rows).items():
            path = os.path.join(d, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            # --source-lang is for OmegaT files; glossa's own CSV names its languages.
            extra = lang if name == "omegat.tsv" else []
            args = [glossa, "glossary", "import", *extra, path, "-o", path + ".toml"]
            start = time.perf_counter()
            done = subprocess.run(args, capture_output=True, text=True)
            took = time.perf_counter() - start
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[:200]}"
            print(f"{name:12} {rows:>7} rows  {took:7.2f} s  {status}")


if __name__ == "__main__":
    main()
