#!/usr/bin/env bash
# Native memory over a long batch: writes an N-document JSONL archive (default 10000) of articles built from
# the seed article's words (a headline and four paragraphs of random sentences each, so the translation
# memory keeps growing rather than answering everything), runs `arabrief batch` on it with a model (default:
# the tiny-opus fixture) and samples the process's RSS every 2 seconds. Flat after the first minute is the goal.
# usage: scripts/bench/batch_memory_flat.sh [N] [MODEL_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10000}"
model="${2:-src/test/resources/fixtures/models/tiny-opus}"
work="$(mktemp -d)"
grep -v '^\s*$' seeds/000_576a10afaf96e38e.txt | tr ' ' '\n' | grep -v '^\s*$' | tr -d '"\\' > "$work/words"
awk -v n="$n" 'BEGIN{srand(11)}
  {w[NR]=$0}
  function sentence(k,  s, j) { s=""; for (j=0; j<k; j++) s = s (j ? " " : "") w[1+int(rand()*NR)]; return s "." }
  END{
    for (i = 0; i < n; i++) {
      body = sentence(6)
      for (p = 0; p < 4; p++) { body = body "\\n\\n" sentence(8 + int(rand()*6)) " " sentence(6 + int(rand()*6)) }
      printf "{\"id\": \"doc-%05d\", \"text\": \"%s\"}\n", i, body
    }
  }' "$work/words" > "$work/docs.jsonl"
./arabrief --version >/dev/null
./arabrief batch "$work/docs.jsonl" --out "$work/out" --model "$model" --max-new-tokens 24 > /dev/null 2> "$work/stderr" &
launcher=$!
pid=""
while [ -z "$pid" ] && kill -0 "$launcher" 2>/dev/null; do
  sleep 0.5
  pid="$(pgrep -f "arabrief.jar batch $work/docs.jsonl" | head -1 || true)"
done
echo "seconds rss_mb"
t=0
while kill -0 "$launcher" 2>/dev/null; do
  if [ -r "/proc/$pid/status" ]; then
    awk -v t="$t" '/VmRSS/{printf "%d %.0f\n", t, $2/1024}' "/proc/$pid/status"
  fi
  sleep 2
  t=$((t + 2))
done
rc=0
wait "$launcher" || rc=$?
echo "exit $rc"
tail -3 "$work/stderr"
python3 - "$work/out/_report.json" <<'PY' 2>/dev/null || cat "$work/out/_report.json" | head -c 600
import json, sys
r = json.load(open(sys.argv[1]))
print({k: r[k] for k in r if k not in ("failures", "not_articles")})
PY
rm -rf "$work"
