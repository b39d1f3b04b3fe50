#!/usr/bin/env bash
# `glossa align --stream` under a real Apache Spark (pyspark 3.5, local mode), compared with
# a direct run: every input line gets one record, broken lines come back as error records,
# the documents' terms are the same. Run on purpose, not in CI (it downloads pyspark, about
# 300 MB, into target/spark-e2e/venv once, and needs Java 17).
#
#     scripts/spark-e2e.sh                      # the corpus of ../shared/corpus, else corpus/
#     scripts/spark-e2e.sh --corpus DIR         # another directory of .txt files
#     scripts/spark-e2e.sh --master 'local-cluster[2,1,1024]'
#     scripts/spark-e2e.sh --copies 40          # each document 40 times by text (200 for 5)
#     GLOSSA=target/release/glossa scripts/spark-e2e.sh
#
# Java: Debian's openjdk-17 (`apt-get install openjdk-17-jre-headless`); JAVA_HOME is
# found from `java` on the PATH when it is not set. The script's own checks are in
# scripts/spark_e2e.py; it prints the figures and exits 1 when one fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/spark-e2e"
mkdir -p "$work"

corpus=""
master="local[2]"
copies=1
while [ $# -gt 0 ]; do
    case "$1" in
        --corpus) corpus=$2; shift 2 ;;
        --master) master=$2; shift 2 ;;
        --copies) copies=$2; shift 2 ;;
        *) echo "usage: $0 [--corpus DIR] [--master MASTER] [--copies N]" >&2; exit 2 ;;
    esac
done
if [ -z "$corpus" ]; then
    if [ -d "$root/../shared/corpus" ]; then
        corpus="$root/../shared/corpus"
    else
        corpus="$root/corpus"
    fi
fi
corpus=$(readlink -f "$corpus")

if ! command -v java >/dev/null; then
    echo "spark-e2e: no java on the PATH; apt-get install openjdk-17-jre-headless" >&2
    exit 2
fi
if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
fi
java -version 2>&1 | head -1

venv="$work/venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pyspark, sys; sys.exit(not pyspark.__version__.startswith("3.5."))' 2>/dev/null; then
    "$venv/bin/pip" install --quiet 'pyspark>=3.5,<3.6'
fi
"$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'

glossa=${GLOSSA:-}
if [ -z "$glossa" ]; then
    (cd "$root" && cargo build --quiet --bin glossa)
    glossa="$root/target/debug/glossa"
fi
glossa=$(readlink -f "$glossa")

out="$work/out"
rm -rf "$out"
mkdir -p "$out"
# Outside the project, so that no glossa.toml is read: Spark's and the direct run see the
# same settings (the glossary named, the default languages).
cd "$work"
export PYSPARK_PYTHON="$venv/bin/python"
start=$(date +%s)
"$venv/bin/python" "$root/scripts/spark_e2e.py" \
    --glossa "$glossa" \
    --glossary "$root/glossary/soviet.toml" \
    --corpus "$corpus" \
    --out "$out" \
    --master "$master" \
    --copies "$copies"
echo "wall time, Spark start to end: $(( $(date +%s) - start )) s"
