#!/usr/bin/env python3
"""Runs `glossa segment` on golden-rule cases and writes its predictions.

Cases are JSON lines {"lang", "group", "text", "expected": [...]} (the project's own are in
tests/fixtures/golden/rules.jsonl); each case's text goes through
`glossa segment - --lang LANG` and the sentences come out as JSON lines {"predicted": [...]},
in the same order, for the scorer in ../shared/tools:

    cargo build --release
    scripts/seg-rules.py tests/fixtures/golden/rules.jsonl > /tmp/pred.jsonl
    python3 ../shared/tools/seg_score.py --rules tests/fixtures/golden/rules.jsonl /tmp/pred.jsonl

`--bin PATH` picks another binary (default target/release/glossa).
"""
import argparse
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('cases')
    ap.add_argument('--bin', default='target/release/glossa')
    args = ap.parse_args()
    with open(args.cases, encoding='utf-8') as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    for case in cases:
        run = subprocess.run([args.bin, 'segment', '-', '--lang', case['lang']],
                             input=case['text'] + '\n', capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f'glossa failed on {case["text"][:60]!r}: {run.stderr.strip()}')
        predicted = [line for line in run.stdout.splitlines() if line.strip()]
        print(json.dumps({'predicted': predicted}, ensure_ascii=False))


if __name__ == '__main__':
    main()
