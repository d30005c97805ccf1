#!/usr/bin/env bash
# Documents per minute of `arabrief batch` with --jobs 1 and 2, first run and re-run (everything
# skipped), on the tiny fixture model. Not a test: numbers depend on the machine and its load.
#
#   scripts/bench_batch.sh [DOCS]        (default 200 documents)
#   MODEL=dir ARGS="--beams 1" scripts/bench_batch.sh 500
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docs="${1:-200}"
model="${MODEL:-$here/src/test/resources/fixtures/models/tiny-opus}"
args="${ARGS:---max-new-tokens 16}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# articles recombined from the seed's sentences: short, and overlapping like wire copy
python3 "$here/scripts/bench/make_articles.py" "$here/seeds/000_576a10afaf96e38e.txt" "$work/in" "$docs"

"$here/arabrief" --version >/dev/null # build the jar first, outside the timings

run() { # out jobs -> prints "wall_seconds report_elapsed translated from_memory"
  local start end
  start=$(date +%s.%N)
  "$here/arabrief" batch "$work/in" --out "$1" --jobs "$2" --model "$model" $args 2>/dev/null || true
  end=$(date +%s.%N)
  python3 - "$1/_report.json" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("%.2f %.2f %d %d" % (float(sys.argv[3]) - float(sys.argv[2]), r["elapsed_seconds"],
                           r["sentences_translated"], r["sentences_from_memory"]))
PY
}

printf '%d documents, model %s, %s, %s cores, load %s\n' "$docs" "$(basename "$model")" "$args" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-5s %-7s %10s %12s %14s %11s %11s\n' jobs run wall_s batch_s 'docs/min' translated from_memory
for jobs in 1 2; do
  out="$work/out-$jobs"
  for pass in first rerun; do
    read -r wall elapsed translated memory < <(run "$out" "$jobs")
    rate=$(python3 -c "print('%.0f' % ($docs * 60 / $elapsed) if $elapsed > 0 else 'inf')")
    printf '%-5s %-7s %10s %12s %14s %11s %11s\n' "$jobs" "$pass" "$wall" "$elapsed" "$rate" "$translated" "$memory"
  done
done
echo "wall_s includes JVM start and model load; batch_s and docs/min are the batch itself (_report.json)."
