#!/usr/bin/env bash
# What review shows for the two changes of docs/alignment-format.md's promises, measured in a
# scratch clone of this project (nothing here is touched):
#   1. a one-word edit of a source sentence: how many lines of alignments/ change;
#   2. fixing the planted forbidden rendering "Kolchos peasants": the textconv `git diff` and
#      `glossa diff --rev HEAD`.
# Usage: scripts/review-figures.sh [path/to/glossa]   (default: target/release/glossa)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/target/release/glossa}")
[ -x "$bin" ] || { echo "no glossa binary at $bin (cargo build --release)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
git clone -q "$root" "$tmp/p"; cd "$tmp/p"
mkdir bin; ln -s "$bin" bin/glossa; export PATH="$PWD/bin:$PATH"
git config user.email review@example.org; git config user.name review
git config diff.glossa.textconv 'glossa diff --textconv'
glossa align -q
git commit -qam "aligned with this binary" --allow-empty

echo "== 1. one-word edit: verloren ihr Vieh -> verloren ihr ganzes Vieh"
sed -i 's/verloren ihr Vieh/verloren ihr ganzes Vieh/' corpus/de-kolchosen.txt
glossa align -q
git diff --numstat alignments | awk '{a+=$1; d+=$2} END {print "changed lines in alignments/: " a " added, " d " removed"}'
git checkout -q -- corpus alignments

echo "== 2. fixed rendering: Kolchos peasants -> kolkhoz peasants"
sed -i 's/Kolchos peasants/kolkhoz peasants/' corpus/en/de-kolchosen.txt
glossa align -q
git diff --numstat alignments | awk '{a+=$1; d+=$2} END {print "changed lines in alignments/: " a " added, " d " removed"}'
echo "-- git diff (textconv)"
git --no-pager diff alignments
echo "-- glossa diff --rev HEAD"
glossa diff --rev HEAD || [ $? = 1 ]
