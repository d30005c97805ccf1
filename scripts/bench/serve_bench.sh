#!/usr/bin/env bash
# Cross-request batching on vs off: starts `arabrief serve` on loopback twice (the second time with
# --no-request-batching), runs ServeLoad.java against each, stops each server by its own PID.
# Usage: scripts/bench/serve_bench.sh [MODEL_DIR] [extra serve options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
model="${1:-src/test/resources/fixtures/models/tiny-opus}"
shift || true
port=5077
for mode in on off; do
  flag=()
  [ "$mode" = off ] && flag=(--no-request-batching)
  ./arabrief serve --port "$port" --model "$model" --offline --queue 256 "${flag[@]}" "$@" 2>/tmp/arabrief-serve-bench.log &
  pid=$!
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null; then break; fi
    sleep 0.2
  done
  java scripts/bench/ServeLoad.java --port "$port" --label "$mode" ${SERVE_LOAD_ARGS:-} | { [ "$mode" = on ] && cat || tail -n +3; }
  kill -TERM "$pid"
  wait "$pid" || true
done
