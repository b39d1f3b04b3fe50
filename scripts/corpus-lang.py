#!/usr/bin/env python3
"""Share of a corpus's sentences detected in their file's language.

    cargo build --release
    scripts/corpus-lang.py ../shared/corpus/000_*.txt=de ../shared/corpus/003_*.txt=nl …

Each argument is FILE=LANG, the language the file is written in. Every sentence of
`glossa detect --format jsonl` (body and footnotes) counts; the ones detected otherwise are
listed, so that a reader can tell a real quotation in another language (an English book
title in a German footnote) from a mistake. `--bin PATH` picks another binary (default
target/release/glossa).
"""
import argparse
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('files', nargs='+', metavar='FILE=LANG')
    ap.add_argument('--bin', default='target/release/glossa')
    args = ap.parse_args()
    total = right = 0
    for arg in args.files:
        path, _, lang = arg.rpartition('=')
        if not path:
            sys.exit(f'{arg}: expected FILE=LANG')
        run = subprocess.run([args.bin, 'detect', '--format', 'jsonl', path],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f'glossa failed on {path}: {run.stderr.strip()}')
        sents = [r for r in map(json.loads, run.stdout.splitlines()) if r.get('kind') == 'sentence']
        ok = [s for s in sents if s['lang'] == lang]
        total += len(sents)
        right += len(ok)
        print(f'{path}: {len(ok)}/{len(sents)} sentences {lang} ({100.0 * len(ok) / max(len(sents), 1):.2f}%)')
        for s in sents:
            if s['lang'] != lang:
                print(f'  {s["line"]}: {s["lang"]} {s["confidence"]:.2f} {s["text"][:110]}')
    print(f'total: {right}/{total} ({100.0 * right / max(total, 1):.2f}%)')


if __name__ == '__main__':
    main()
