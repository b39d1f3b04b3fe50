#!/usr/bin/env python3
"""Builds data/detect/telling_words.txt.gz from data/lexicon/{de,nl,en}.txt.gz.

Detection asks of a sentence without function words of its own whether a word in it is
much more frequent in another language than in its paragraph's (src/detect/lexicon.rs).
Only the words that can say so are kept: at least Zipf 3 in some language and ten times
as frequent there (a Zipf value 1 higher) as in another, 0 counting for a word a list does
not hold. Reading these few words costs detection a few milliseconds, where the whole lists
cost a tenth of a second per process.

    python3 scripts/build-detect-words.py

Output: gzip'd text, one line per word, `word<TAB>DE<TAB>NL<TAB>EN` with ten times the
Zipf value per language (0: not in the list), sorted by the word's UTF-8 bytes. A test
(src/detect/lexicon.rs) checks that the file is what this script makes of the lists.
"""

import gzip
import os

LANGS = ["de", "nl", "en"]
MIN_ZIPF10 = 30
MIN_LEAD_ZIPF10 = 10

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
zipf = {}
for i, lang in enumerate(LANGS):
    with gzip.open(os.path.join(root, "data", "lexicon", f"{lang}.txt.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            z, words = line.rstrip("\n").split("\t")
            for w in words.split(" "):
                if w:
                    entry = zipf.setdefault(w, [0, 0, 0])
                    entry[i] = entry[i] or int(z)
telling = sorted(
    (w.encode("utf-8"), z)
    for w, z in zipf.items()
    if any(z[m] >= MIN_ZIPF10 and z[m] >= z[c] + MIN_LEAD_ZIPF10 for m in range(3) for c in range(3) if m != c)
)
text = "".join(f"{w.decode('utf-8')}\t{z[0]}\t{z[1]}\t{z[2]}\n" for w, z in telling)
out = os.path.join(root, "data", "detect", "telling_words.txt.gz")
with open(out, "wb") as raw:
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(text.encode("utf-8"))
print(f"{out}: {len(telling)} words")
