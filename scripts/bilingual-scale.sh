#!/usr/bin/env bash
# How `glossa check` and `glossa report` scale on one large bilingual file: writes a TMX of
# N translation units (default 50,000; sentences made of a dozen German words and their
# English, some rendered with the glossary's alternative or forbidden words, so that every
# translation diagnostic fires often) and times both commands on it. Run on purpose, not in
# CI. The binary is target/debug/glossa unless GLOSSA names another.
#
#     scripts/bilingual-scale.sh [N]
set -euo pipefail
n="${1:-50000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
glossa="${GLOSSA:-$root/target/debug/glossa}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cp "$root/tests/fixtures/glossaries/bilingual.toml" "$dir/g.toml"
printf 'glossaries = ["g.toml"]\ncorpus = []\nbilingual = ["big.tmx"]\n' > "$dir/glossa.toml"
python3 - "$n" "$dir/big.tmx" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(1)
de = ["Die", "Kolchosen", "und", "der", "Kulak", "im", "Dorf", "Tscheka", "kam", "nachts", "Bauern", "Vieh"]
en = ["The", "kolkhozes", "and", "the", "kulak", "in", "village", "Cheka", "came", "at", "night", "collective farm", "kolchos"]
with open(path, "w") as f:
    f.write('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="de"/><body>\n')
    for i in range(n):
        k = random.randint(5, 14)
        src = " ".join(random.choice(de) for _ in range(k))
        tgt = " ".join(random.choice(en) for _ in range(k))
        f.write(f'<tu tuid="{i}"><tuv xml:lang="de"><seg>{src}.</seg></tuv>'
                f'<tuv xml:lang="en"><seg>{tgt}.</seg></tuv></tu>\n')
    f.write("</body></tmx>\n")
PY
echo "$(wc -c < "$dir/big.tmx") bytes, $n translation units"
cd "$dir"
for args in "check --format json" "report -q -o report.html"; do
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$glossa" $args > out.txt 2> err.txt || true
  end=$(date +%s.%N)
  printf 'glossa %-26s %6.1f s  %s\n' "$args" "$(echo "$end - $start" | bc)" "$(tail -n 1 err.txt)"
done
