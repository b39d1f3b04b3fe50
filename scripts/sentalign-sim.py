#!/usr/bin/env python3
"""Builds sentence-alignment test sets from real human translations on this machine, with the
damage real translations have injected: merges, splits, omissions, additions, repeated passages.

    python3 scripts/sentalign-sim.py [OUT_DIR]      (default: target/sentalign-sim)

The translations are the gettext catalogs under /usr/share/locale (`LANG/LC_MESSAGES/*.mo`):
every installed program's English messages and their German or Dutch translation, made by
people. Only messages that are one full sentence on both sides are used. Each catalog with
enough such sentences becomes one document pair (source German or Dutch, target English).

Writes, in the format of tests/fixtures/sentalign (NAME.src.txt and NAME.tgt.txt one sentence
per line, NAME.gold one bead per line `SOURCE<TAB>TARGET`, 1-based, `-` for none):
- `clean/`: the documents as translated (all 1-1 beads);
- `damaged/`: per document, target sentences merged (3%), source sentences merged (3%), target
  sentences split at a comma (3%), target sentences dropped (2%: omissions), and sentences from
  another catalog inserted into the target (2%: additions);
- `unrelated/`: each source document against another document's English (no gold: every bead
  is wrong; the aligner should say the two are not translations of each other);
- `omissions/`: two target sentences dropped from each clean document (only those);
- `mixed/`: documents that mix kinds of text, each the damaged version of a catalog whose
  English is short against its source followed by one whose English is long (the lowest
  ratio of one language's catalogs with the highest, the second lowest with the second
  highest, …), and `mixed-parts/` the same parts, with the same damage, as documents of
  their own: a length ratio per file fits neither part of a mixed one, and the two sets
  compared show what that costs.
- `ratio/`: documents whose two parts differ strongly in length ratio, each the damaged
  version of two catalogs of one language joined, the English of the first condensed (cut
  at a word boundary to about 0.6 times its source's length) and that of the second
  padded (a part of the sentence said again, to about 1.4 times), and `ratio-parts/` the
  same parts alone: what one length ratio per file costs when a translator condensed one
  chapter and expanded the next.
- `literary/`: documents as hard as a translated novel, where translators split and merge
  sentences often: long sentences of varied length (two to four catalog sentences joined
  into one at a semicolon, or one of the longest messages alone), and about 6% of the beads
  1-2 (the translation splits a long sentence where its source has a semicolon, or at a
  comma), 6% 2-1 (two source sentences made one), 2% 2-2 (both sides merged differently:
  `a; b` + `c` against `a` + `b; c`) and 1% omissions, no additions.
A seeded random generator makes the sets the same on every run on the same machine. The
catalogs differ between machines: compare figures made on one machine.
"""
import gettext
import glob
import os
import random
import re
import sys

MIN_SENTENCES = 25
MAX_SENTENCES = 400

ONE_SENTENCE = re.compile(r"^[A-ZÄÖÜ][^\n]{20,240}[.!?]$")
INNER_BOUNDARY = re.compile(r"[.!?] +[A-ZÄÖÜ]")


def catalog_pairs(path):
    try:
        with open(path, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
    except Exception:
        return []
    out = []
    seen = set()
    for en, xx in cat.items():
        if not isinstance(en, str) or not isinstance(xx, str):
            continue
        en, xx = en.strip(), xx.strip()
        if en in seen or en == xx:
            continue
        if not (ONE_SENTENCE.match(en) and ONE_SENTENCE.match(xx)):
            continue
        if INNER_BOUNDARY.search(en) or INNER_BOUNDARY.search(xx):
            continue
        if len(en.split()) < 4 or "  " in en or "  " in xx:
            continue
        seen.add(en)
        out.append((xx, en))
    return out


def documents(lang):
    docs = []
    for path in sorted(glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo")):
        pairs = catalog_pairs(path)
        if len(pairs) >= MIN_SENTENCES:
            name = f"{lang}-{os.path.basename(path)[:-3]}".replace(".", "_")
            docs.append((name, pairs[:MAX_SENTENCES]))
    return docs


def write(out, name, src, tgt, gold):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, f"{name}.src.txt"), "w") as f:
        f.write("".join(s + "\n" for s in src))
    with open(os.path.join(out, f"{name}.tgt.txt"), "w") as f:
        f.write("".join(t + "\n" for t in tgt))
    if gold is not None:
        side = lambda xs: " ".join(str(x) for x in xs) if xs else "-"
        with open(os.path.join(out, f"{name}.gold"), "w") as f:
            f.write("".join(f"{side(a)}\t{side(b)}\n" for a, b in gold))


def to_files(beads):
    """Beads as lists of (source texts, target texts) -> lines and 1-based gold."""
    src, tgt, gold = [], [], []
    for s_texts, t_texts in beads:
        a = list(range(len(src) + 1, len(src) + 1 + len(s_texts)))
        b = list(range(len(tgt) + 1, len(tgt) + 1 + len(t_texts)))
        src.extend(s_texts)
        tgt.extend(t_texts)
        gold.append((a, b))
    return src, tgt, gold


def split_at_comma(text):
    commas = [m.start() for m in re.finditer(r", ", text)]
    commas = [c for c in commas if 15 <= c <= len(text) - 15]
    if not commas:
        return None
    mid = min(commas, key=lambda c: abs(c - len(text) / 2))
    return [text[: mid + 1], text[mid + 2 :]]


def condense(source, target):
    """The target cut at a word boundary to about 0.6 times the source's length (three
    words at least), its final punctuation kept."""
    words = target[:-1].split()
    keep = 3
    while keep < len(words) and len(" ".join(words[:keep])) < 0.6 * len(source):
        keep += 1
    return " ".join(words[:keep]).rstrip(",;:") + target[-1]


def pad(source, target):
    """The target with a part of itself said again, to about 1.4 times the source's
    length: `It failed, that is, it failed.`"""
    words = target[:-1].split()
    text = target[:-1] + ", that is,"
    k = 0
    while len(text) < 1.4 * len(source):
        text += " " + words[k % len(words)]
        k += 1
    return text + target[-1]


def damage(pairs, others, rng):
    """Beads of (source texts, target texts) after the damage of real translations."""
    beads = []
    k = 0
    while k < len(pairs):
        s, t = pairs[k]
        r = rng.random()
        if r < 0.03 and k + 1 < len(pairs):  # two target sentences made one
            s2, t2 = pairs[k + 1]
            beads.append(([s, s2], [t + " " + t2]))
            k += 2
            continue
        if r < 0.06 and k + 1 < len(pairs):  # two source sentences made one
            s2, t2 = pairs[k + 1]
            beads.append(([s + " " + s2], [t, t2]))
            k += 2
            continue
        if r < 0.09 and split_at_comma(t):
            beads.append(([s], split_at_comma(t)))
        elif r < 0.11:
            beads.append(([s], []))  # omitted in the translation
        else:
            beads.append(([s], [t]))
        if rng.random() < 0.02:
            beads.append(([], [rng.choice(others)]))  # added in the translation
        k += 1
    return beads


def join(parts):
    """Catalog sentences joined into one long sentence at semicolons."""
    return "; ".join(p[:-1] for p in parts[:-1]) + ("; " if len(parts) > 1 else "") + parts[-1]


def long_sentences(pairs, rng):
    """The catalog's sentences grouped into long ones: each a list of (source, target)
    parts, one part only when the message is long already."""
    units = []
    k = 0
    while k < len(pairs):
        s, t = pairs[k]
        r = rng.random()
        size = 1 if len(s) >= 110 and r < 0.5 else 2 if r < 0.6 else 3 if r < 0.9 else 4
        units.append(pairs[k : k + size])
        k += size
    return units


def literary(pairs, rng):
    """Beads of (source texts, target texts) of a translated novel: long sentences, split
    and merged often, few omissions."""
    units = long_sentences(pairs, rng)
    src = lambda u: join([s for s, _ in u])
    tgt = lambda u: join([t for _, t in u])
    beads = []
    k = 0
    while k < len(units):
        u = units[k]
        nxt = units[k + 1] if k + 1 < len(units) else None
        r = rng.random()
        if r < 0.06 and (len(u) > 1 or split_at_comma(tgt(u))):  # the target split in two
            if len(u) > 1:
                cut = rng.randrange(1, len(u))
                t_parts = [tgt(u[:cut])[:-1] + ".", tgt(u[cut:])]
            else:
                t_parts = split_at_comma(tgt(u))
                t_parts[0] = t_parts[0][:-1] + "."
                t_parts[1] = t_parts[1][:1].upper() + t_parts[1][1:]
            beads.append(([src(u)], t_parts))
            k += 1
            continue
        if r < 0.12 and nxt:  # two source sentences made one
            beads.append(([src(u), src(nxt)], [join([t for _, t in u + nxt])]))
            k += 2
            continue
        if r < 0.14 and nxt and len(u) > 1:  # both sides merged differently
            beads.append(([src(u), src(nxt)], [tgt(u[:-1])[:-1] + ".", tgt(u[-1:] + nxt)]))
            k += 2
            continue
        if r < 0.145:
            beads.append(([src(u)], []))  # omitted in the translation
        else:
            beads.append(([src(u)], [tgt(u)]))
        k += 1
    return beads


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/sentalign-sim"
    rng = random.Random(20261207)
    docs = documents("de") + documents("nl")
    english = [t for _, pairs in docs for _, t in pairs]
    counts = {}
    for n, (name, pairs) in enumerate(docs):
        write(os.path.join(out, "clean"), name, *to_files([([s], [t]) for s, t in pairs]))
        own = set(t for _, t in pairs)
        others = [t for t in english if t not in own]
        write(os.path.join(out, "damaged"), name, *to_files(damage(pairs, others, rng)))
        drop = set(rng.sample(range(len(pairs)), 2))
        write(os.path.join(out, "omissions"), name,
              *to_files([([s], [] if i in drop else [t]) for i, (s, t) in enumerate(pairs)]))
        # Another program's messages: not the same catalog in the other language, whose
        # English is the same.
        program = name[3:]
        k = (n + len(docs) // 2) % len(docs)
        while docs[k][0][3:] == program or set(t for _, t in docs[k][1]) & own:
            k = (k + 1) % len(docs)
        other_name, other = docs[k]
        write(os.path.join(out, "unrelated"), f"{name}+{other_name}",
              [s for s, _ in pairs], [t for _, t in other], None)
        counts[name[:2]] = counts.get(name[:2], 0) + len(pairs)
    # Mixed documents, with a generator of their own so that the sets above stay the same.
    mixed_rng = random.Random(20261208)
    english_len = lambda pairs: sum(len(t) for _, t in pairs) / sum(len(s) for s, _ in pairs)
    for lang in ("de", "nl"):
        by_ratio = sorted((d for d in docs if d[0].startswith(lang)), key=lambda d: english_len(d[1]))
        for k in range(len(by_ratio) // 2):
            (low_name, low), (high_name, high) = by_ratio[k], by_ratio[-1 - k]
            parts = []
            for part_name, pairs in ((low_name, low), (high_name, high)):
                own = set(t for _, t in pairs)
                others = [t for t in english if t not in own]
                beads = damage(pairs, others, mixed_rng)
                write(os.path.join(out, "mixed-parts"), part_name, *to_files(beads))
                parts.extend(beads)
            write(os.path.join(out, "mixed"), f"{low_name}+{high_name[3:]}", *to_files(parts))
    # Parts condensed and padded, with a generator of their own so that the sets above
    # stay the same.
    ratio_rng = random.Random(20261209)
    for lang in ("de", "nl"):
        own_docs = [d for d in docs if d[0].startswith(lang)]
        for k in range(0, len(own_docs) - 1, 2):
            parts = []
            for (part_name, pairs), change in ((own_docs[k], condense), (own_docs[k + 1], pad)):
                changed = [(s, change(s, t)) for s, t in pairs]
                own = set(t for _, t in pairs)
                others = [t for t in english if t not in own]
                beads = damage(changed, others, ratio_rng)
                write(os.path.join(out, "ratio-parts"), part_name, *to_files(beads))
                parts.extend(beads)
            name = f"{own_docs[k][0]}+{own_docs[k + 1][0][3:]}"
            write(os.path.join(out, "ratio"), name, *to_files(parts))
    # Literary documents, with a generator of their own so that the sets above stay the same.
    literary_rng = random.Random(20261210)
    for name, pairs in docs:
        write(os.path.join(out, "literary"), name, *to_files(literary(pairs, literary_rng)))
    print(f"{len(docs)} documents ({', '.join(f'{v} {k} sentences' for k, v in counts.items())}) in {out}")


if __name__ == "__main__":
    main()
