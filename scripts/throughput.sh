#!/usr/bin/env bash
# The throughput table of issue 20: MB/s, CPU time and peak memory of `glossa segment`,
# `detect`, `align` (one 20 MB file and 200 small files, 1 and 2 jobs) and `suggest` (cost
# per MB at three sizes), each next to its peer in the same run (the sentencex crate for
# segmentation, lingua alone for detection). See benches/throughput.rs.
#
# Usage: scripts/throughput.sh [--glossa OTHER_BIN]... [--mb N] [--repeat N] [--only segment,detect,align,suggest] [CORPUS_DIR]
#   --glossa OTHER_BIN   also measure another build (say main's) in the same run, before this one
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin glossa
exec cargo bench --quiet --bench throughput -- "$@" --glossa target/release/glossa
