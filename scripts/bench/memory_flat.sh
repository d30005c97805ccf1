#!/usr/bin/env bash
# Native memory over many sentences: translates N lines (default 10000) built from the seed article with a
# model (default: the tiny-opus fixture) and samples the process's RSS every 2 seconds. Flat is the goal.
# usage: scripts/bench/memory_flat.sh [N] [MODEL_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10000}"
model="${2:-src/test/resources/fixtures/models/tiny-opus}"
lines="$(mktemp)"
grep -v '^\s*$' seeds/000_576a10afaf96e38e.txt | tr ' ' '\n' | grep -v '^\s*$' > "$lines.words"
awk -v n="$n" 'BEGIN{srand(7)} {w[NR]=$0} END{for(i=0;i<n;i++){k=1+int(rand()*4); s=""; for(j=0;j<k;j++){s=s (j?" ":"") w[1+int(rand()*NR)]} print s}}' "$lines.words" > "$lines"
./arabrief --version >/dev/null
./arabrief translate --lines "$lines" --model "$model" --beams 4 --max-new-tokens 24 --stats > /dev/null 2> "$lines.stats" &
launcher=$!
pid=""
while [ -z "$pid" ] && kill -0 "$launcher" 2>/dev/null; do  # the launcher may first build or archive classes
  sleep 0.5
  pid="$(pgrep -f "arabrief.jar translate --lines $lines" | head -1 || true)"
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
wait "$launcher"
tail -1 "$lines.stats"
rm -f "$lines" "$lines.words" "$lines.stats"
