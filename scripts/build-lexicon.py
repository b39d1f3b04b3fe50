#!/usr/bin/env python3
"""Builds data/lexicon/{de,nl,en,ru,uk}.txt.gz from the word-frequency lists of wordfreq.

glossa suggest asks two questions of a word: is it known vocabulary of the language it is
written in, and does it, read back through the transliteration key, spell a Russian word?
Both need word frequencies, which this script takes from the `wordfreq` package (Robyn
Speer et al., data CC BY-SA 4.0; https://github.com/rspeer/wordfreq). Run it when the
lists should change; the output is committed, so neither a build nor CI runs it.

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf && pip install msgpack
    python3 scripts/build-lexicon.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl

Each output file is gzip'd text: one line per frequency step, `ZIPF10<TAB>word word …`,
most frequent first, where ZIPF10 is ten times the Zipf value (log10 of the frequency per
billion words). Only words of letters are kept (Latin for de/nl/en, Cyrillic for ru and uk), down
to the Zipf value of MIN_ZIPF below. Only `--only LANG …` rebuilds some of them.
"""

import gzip
import io
import re
import sys
import zipfile

import msgpack

# Ukrainian: the words German and Dutch take from it (Holodomor, Hetman) are read through
# it besides Russian. wordfreq has no Belarusian list.
MIN_ZIPF = {"de": 2.0, "nl": 2.0, "en": 2.5, "ru": 2.0, "uk": 2.5}
LETTERS = {
    "de": re.compile(r"^[a-zäöüßéèàáâêëïíóôç]+$"),
    "nl": re.compile(r"^[a-zäöüéèàáâêëïíóôç]+$"),
    "en": re.compile(r"^[a-zéèàáâêëïíóôç]+$"),
    "ru": re.compile(r"^[а-яё]+$"),
    "uk": re.compile(r"^[а-щьюяєіїґ']+$"),
}


def main(wheel, *only, out_dir="data/lexicon"):
    only = [o for o in only if o != "--only"] or list(MIN_ZIPF)
    with zipfile.ZipFile(wheel) as z:
        for lang, floor in MIN_ZIPF.items():
            if lang not in only:
                continue
            raw = gzip.decompress(z.read(f"wordfreq/data/large_{lang}.msgpack.gz"))
            header, *buckets = msgpack.unpackb(raw, raw=False)
            assert header.get("format") == "cB", header
            lines = {}
            for i, words in enumerate(buckets):
                # Bucket i holds the words of frequency 10^(-i/100); Zipf = 9 - i/100.
                zipf10 = round(90 - i / 10)
                if zipf10 < floor * 10:
                    break
                keep = [w for w in words if len(w) >= 2 and LETTERS[lang].match(w)]
                lines.setdefault(zipf10, []).extend(keep)
            text = io.StringIO()
            for zipf10 in sorted(lines, reverse=True):
                if lines[zipf10]:
                    text.write(f"{zipf10}\t{' '.join(sorted(lines[zipf10]))}\n")
            path = f"{out_dir}/{lang}.txt.gz"
            # mtime=0: the same input gives the same bytes.
            with open(path, "wb") as f:
                f.write(gzip.compress(text.getvalue().encode(), compresslevel=9, mtime=0))
            print(f"{path}: {sum(map(len, lines.values()))} words")


if __name__ == "__main__":
    main(*sys.argv[1:])
