#!/usr/bin/env bash
# Records per minute of `arabrief batch` on a generated 1,000-record WARC (.warc.gz, a crawl's shape:
# request/response pairs, images and English pages among the Arabic articles), side by side with the same
# article pages (the same HTML) as one JSONL file; first run and re-run (every record current). Not a test:
# numbers depend on the machine and its load, so read the WARC/JSONL ratio, measured in the same run.
#
#   scripts/bench/warc_bench.sh [RECORDS]          (default 1000; tiny fixture model; ROUNDS=2)
#   MODEL=dir ARGS="--beams 1" scripts/bench/warc_bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
records="${1:-1000}"
model="${MODEL:-$here/src/test/resources/fixtures/models/tiny-opus}"
args="${ARGS:---max-new-tokens 16}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/arabrief" --version >/dev/null # build the jar (and target/lib) first, outside the timings
python3 "$here/scripts/bench/make_articles.py" "$here/seeds/000_576a10afaf96e38e.txt" "$work/articles" "$records"
java -cp "$here/target/classes:$here/target/lib/*" "$here/scripts/bench/MakeWarc.java" \
  "$work/articles" "$work/crawl.warc.gz" "$work/crawl.jsonl" "$records"

run() { # input out -> prints "report_elapsed done skipped"
  "$here/arabrief" batch "$1" --out "$2" --model "$model" $args 2>/dev/null || true
  python3 - "$2/_report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("%.2f %d %d" % (r["elapsed_seconds"], r["done"], r["skipped"]))
PY
}

printf '%s records, model %s, %s; CPU %s, %s cores, load %s\n' "$records" "$(basename "$model")" "$args" \
  "$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-7s %9s %6s %8s %12s %13s\n' input run batch_s done skipped 'records/min' 'articles/min'
declare -A first
for round in $(seq 1 "${ROUNDS:-2}"); do
  for input in warc jsonl; do
    in="$work/crawl.$input"; [ "$input" = warc ] && in="$work/crawl.warc.gz"
    out="$work/out-$input-$round"
    for pass in first rerun; do
      read -r elapsed done skipped < <(run "$in" "$out")
      n=$((done + skipped))
      recs=$([ "$input" = warc ] && echo "$records" || echo "$n")
      printf '%-6s %-7s %9s %6s %8s %12.0f %13.0f\n' "$input" "$pass" "$elapsed" "$done" "$skipped" \
        "$(python3 -c "print($recs * 60 / $elapsed)")" "$(python3 -c "print($n * 60 / $elapsed)")"
      [ "$pass" = first ] && first[$input-$round]=$elapsed
    done
  done
  python3 -c "print('round $round: WARC/JSONL time for the same articles = %.2f' % (${first[warc-$round]} / ${first[jsonl-$round]}))"
done
echo "batch_s is the batch itself (_report.json), without JVM start and model load; JSONL has one line per article."
