#!/usr/bin/env bash
# Articles per minute: ArchiveJob on local[2] (scripts/spark-local.sh, the submitted jar) against
# `arabrief batch` on the same generated articles, the same model and the same settings, side by side.
# Not a test: the figures depend on the machine and its load.
#
#   scripts/bench/spark_vs_batch.sh [DOCS]                  (default 60 articles)
#   MODEL=dir ARGS="--beams 1 --max-new-tokens 16" scripts/bench/spark_vs_batch.sh 120
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
docs="${1:-60}"
model="${MODEL:-$here/src/test/resources/fixtures/models/tiny-opus}"
args="${ARGS:---beams 1 --max-new-tokens 16}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/scripts/bench/make_articles.py" "$here/seeds/000_576a10afaf96e38e.txt" "$work/in" "$docs"
"$here/arabrief" --version >/dev/null # build both jars first, outside the timings
"$here/scripts/spark-local.sh" --help >/dev/null 2>&1 || true

now() { date +%s.%N; }

t0=$(now)
# shellcheck disable=SC2086
"$here/arabrief" batch "$work/in" --out "$work/batch" --model "$model" $args 2>"$work/batch.log" || true
t1=$(now)
batch_s=$(python3 -c "import json; print(json.load(open('$work/batch/_report.json'))['elapsed_seconds'])")

# shellcheck disable=SC2086
SPARK_MASTER='local[2]' "$here/scripts/spark-local.sh" --input "$work/in" --output "$work/spark" --model "$model" \
  --partitions 2 $args 2>"$work/spark.log"
t2=$(now)
job_s=$(sed -n 's/^ArchiveJob: wrote .* in \([0-9.]*\) s;.*/\1/p' "$work/spark.log")
rows=$(cat "$work"/spark/part-* | wc -l)

printf '%d articles, model %s, %s, %s cores, load %s\n' "$docs" "$(basename "$model")" "$args" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$docs" "$t0" "$t1" "$t2" "$batch_s" "$job_s" "$rows" <<'PY'
import sys
docs, t0, t1, t2, batch_s, job_s, rows = int(sys.argv[1]), *map(float, sys.argv[2:7]), int(sys.argv[7])
bw, sw = t1 - t0, t2 - t1
print("%-28s %10s %12s %14s" % ("", "seconds", "articles/min", "(wall, s)"))
print("%-28s %10.1f %12.0f %14.1f" % ("arabrief batch", batch_s, docs * 60 / batch_s, bw))
print("%-28s %10.1f %12.0f %14.1f" % ("ArchiveJob local[2]", job_s, docs * 60 / job_s, sw))
print("ratio ArchiveJob/batch (in-job): %.2f; rows written %d" % (batch_s / job_s, rows))
print("batch seconds exclude JVM start and model load; ArchiveJob seconds include the executor's model load,"
      " not the JVM and SparkContext start; wall columns include everything.")
PY
