"""`glossa align --stream` under a real Apache Spark, compared with a direct run (issue 21).

Run by scripts/spark-e2e.sh, which makes the virtual environment with pyspark and finds
Java; not part of CI. The job:

1. reads the corpus with `wholeTextFiles` (keys are `file:` URIs) and makes one JSON line
   per document by text, one more per document by path (the key itself, a `file:` URI),
   plus four broken lines: invalid JSON, a missing path, `"path": "-"`, no id;
2. ships the binary and the glossary with `sc.addFile`;
3. pipes the lines through glossa twice:
   - the JVM's own pipe (Scala `RDD.pipe` through `_to_java_object_rdd()`), the strict one
     that fails the task when the program exits non-zero, written with `saveAsTextFile`;
   - the README's recipe: `mapPartitions` with `SparkFiles.get` resolved inside the task,
     written with `saveAsTextFile`;
   and once more with `--fail-on-error`, which must fail the job (exit 1);
4. runs `glossa align --stream` directly on the same lines and compares: every input line
   has exactly one record, the broken lines are error records, and the records (without
   `line`, which counts lines per Spark partition) are the same.

Prints the figures and exits 1 when a check fails.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import threading
import time

from pyspark import SparkConf, SparkContext, SparkFiles

BROKEN = [
    '{"id": "broken-json", "text": "Die Kolchosen',
    '{"id": "missing-path", "path": "/nonexistent/glossa-e2e/none.txt"}',
    '{"id": "stdin-path", "path": "-"}',
    '{"text": "Ein Dokument ohne id."}',
]


def glossa_stream(glossary):
    """The README's recipe (the same code, the glossary's name a parameter): a function that pipes one partition's JSON lines through
    glossa. `SparkFiles.get` runs inside the task, so it names the files where this
    executor has them (a temporary directory in local mode, the executor's working
    directory on a cluster)."""
    def run(lines):
        cmd = [SparkFiles.get("glossa"), "align", "--stream", "--quiet", "--jobs", "1",
               "--glossary", SparkFiles.get(glossary)]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                encoding="utf-8")

        def feed():
            for line in lines:
                proc.stdin.write(line + "\n")
            proc.stdin.close()

        threading.Thread(target=feed, daemon=True).start()
        yield from (record.rstrip("\n") for record in proc.stdout)
        if proc.wait() != 0:
            raise RuntimeError(f"glossa exited with {proc.returncode}")
    return run


def without_line(records):
    """Records as sorted canonical JSON without `line`."""
    out = []
    for r in records:
        r = dict(r)
        r.pop("line", None)
        out.append(json.dumps(r, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def read_records(directory):
    records = []
    for name in sorted(os.listdir(directory)):
        if name.startswith("part-"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                records.extend(json.loads(l) for l in f if l.strip())
    return records


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--glossa", required=True)
    ap.add_argument("--glossary", required=True)
    ap.add_argument("--corpus", required=True, help="a directory of .txt files")
    ap.add_argument("--out", required=True)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1,
                    help="send each document by text this many times (ids get #2, #3, …)")
    args = ap.parse_args()
    glossary_name = os.path.basename(args.glossary)

    conf = SparkConf().setAppName("glossa-e2e").setMaster(args.master) \
        .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false") \
        .set("spark.task.maxFailures", "1")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    sc.addFile(os.path.abspath(args.glossa))
    sc.addFile(os.path.abspath(args.glossary))

    docs = sc.wholeTextFiles(os.path.abspath(args.corpus) + "/*.txt")
    copies = args.copies
    by_text = docs.flatMap(lambda kv: [
        json.dumps({"id": kv[0] + (f"#{n}" if n > 1 else ""), "text": kv[1]})
        for n in range(1, copies + 1)])
    by_path = docs.keys().map(lambda k: json.dumps({"id": "path " + k, "path": k}))
    lines = by_text.union(by_path).union(sc.parallelize(BROKEN, 1)) \
        .repartition(args.partitions).cache()
    input_lines = lines.collect()
    n_docs = docs.count()

    figures = {"documents": n_docs, "input_lines": len(input_lines)}

    # The strict pipe: the JVM's RDD.pipe fails the task on a non-zero exit.
    strict_out = os.path.join(args.out, "strict")
    # Its command is fixed on the driver: in local mode the executor shares the driver's
    # SparkFiles directory; on a cluster (local-cluster too) the files are in each
    # executor's working directory, where the pipe runs.
    if args.master.startswith("local["):
        binary, glossary = SparkFiles.get("glossa"), SparkFiles.get(glossary_name)
    else:
        binary, glossary = "./glossa", glossary_name
    command = sc._jvm.java.util.ArrayList()
    for part in [binary, "align", "--stream", "--quiet", "--jobs", "1",
                 "--glossary", glossary]:
        command.add(part)
    start = time.monotonic()
    lines._to_java_object_rdd().pipe(command).saveAsTextFile(strict_out)
    figures["strict_pipe_seconds"] = round(time.monotonic() - start, 2)
    strict = read_records(strict_out)

    # The strict pipe is strict: with --fail-on-error, the broken lines fail the job.
    command.add("--fail-on-error")
    try:
        lines._to_java_object_rdd().pipe(command).count()
        figures["strict_pipe_with_fail_on_error"] = "job succeeded"
    except Exception as e:  # py4j's Py4JJavaError, wrapping Spark's SparkException
        reason = "exited with status 1" if "exited with status 1" in str(e) else "other reason"
        figures["strict_pipe_with_fail_on_error"] = f"job failed (glossa {reason})"

    # The README's recipe.
    recipe_out = os.path.join(args.out, "recipe")
    start = time.monotonic()
    lines.mapPartitions(glossa_stream(glossary_name)).saveAsTextFile(recipe_out)
    figures["recipe_seconds"] = round(time.monotonic() - start, 2)
    recipe = read_records(recipe_out)
    sc.stop()

    # The same lines straight through glossa.
    start = time.monotonic()
    direct_run = subprocess.run(
        [args.glossa, "align", "--stream", "--quiet", "--glossary", args.glossary],
        input="".join(l + "\n" for l in input_lines), capture_output=True,
        encoding="utf-8", check=False)
    figures["direct_seconds"] = round(time.monotonic() - start, 2)
    figures["direct_exit"] = direct_run.returncode
    direct = [json.loads(l) for l in direct_run.stdout.splitlines()]

    failures = []
    for name, records in [("strict", strict), ("recipe", recipe), ("direct", direct)]:
        errors = [r for r in records if "error" in r]
        figures[f"{name}_records"] = len(records)
        figures[f"{name}_error_records"] = len(errors)
        figures[f"{name}_term_records"] = sum(len(r.get("terms", [])) for r in records)
        if len(records) != len(input_lines):
            failures.append(f"{name}: {len(records)} records for {len(input_lines)} lines")
        ids = collections.Counter(json.dumps(r["id"]) for r in errors)
        want = collections.Counter(['"broken-json"', '"missing-path"', '"stdin-path"', "null"])
        if ids != want:
            failures.append(f"{name}: error records for {dict(ids)}, not the broken lines")
        if any("terms" not in r or not isinstance(r["line"], int) for r in records
               if "error" not in r):
            failures.append(f"{name}: a record without terms or line")
    figures["strict_equals_direct"] = without_line(strict) == without_line(direct)
    figures["recipe_equals_direct"] = without_line(recipe) == without_line(direct)
    if not figures["strict_equals_direct"]:
        failures.append("the strict pipe's records differ from the direct run's")
    if not figures["recipe_equals_direct"]:
        failures.append("the recipe's records differ from the direct run's")
    # A document read by path gives the terms it gives by text (the file names differ).
    terms = {}
    for r in direct:
        if "terms" in r:
            terms[r["id"]] = [{k: v for k, v in t.items() if k != "file"} for t in r["terms"]]
    same = [terms[k] == terms["path " + k] for k in terms if "path " + k in terms]
    figures["path_equals_text"] = f"{sum(same)} of {len(same)}"
    if not all(same):
        failures.append("a document read by path gives other terms than by text")
    if figures["strict_pipe_with_fail_on_error"] != "job failed (glossa exited with status 1)":
        failures.append("--fail-on-error did not fail the strict pipe's job with exit 1")
    if direct_run.returncode != 0:
        failures.append(f"direct run exited {direct_run.returncode}")

    for k, v in figures.items():
        print(f"{k}: {v}")
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    print("spark e2e:", "FAILED" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
