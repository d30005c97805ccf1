#!/usr/bin/env bash
# Runs every fuzz test (Jazzer, @FuzzTest) in fuzzing mode for MINUTES each (default 10), one after another.
# A finding stops its fuzz test and is written as crash-<sha1> into the test's seed directory
# (src/test/resources/<package>/<Class>Inputs/<method>/), where `mvn verify` replays it from then on: fix the
# code, keep the file. The corpus the fuzzer grows is kept in .cifuzz-corpus/ (not committed) and resumed.
# usage: scripts/fuzz.sh [MINUTES] [Class#method ...]   (default: all of them)
# Runs at nice 10; the JVM gets the default 1 MB thread stack (not the suite's 4 MB), as the CLI has.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    ArticleFuzzTest#textDecoding ArticleFuzzTest#htmlExtraction ArticleFuzzTest#articleParser
    ArticleFuzzTest#dateline ArticleFuzzTest#byline ArticleFuzzTest#sentenceSplitting
    CheckpointFuzzTest#unpickler CheckpointFuzzTest#legacyTorchFile CheckpointFuzzTest#safetensors
    SentencePieceFuzzTest#sentencePieceModel JsonlLineFuzzTest#jsonlLine RequestFuzzTest#request
  )
fi
mvn -B -q -o test-compile || exit 70
logs=target/fuzz
mkdir -p "$logs"
status=0
for t in "${targets[@]}"; do
  log="$logs/${t/\#/.}.log"
  start=$(date +%s)
  # jazzer.internal.arg.N are libFuzzer's arguments (arg.0 stands for argv[0]); the last -max_total_time wins
  JAZZER_FUZZ=1 nice -n 10 mvn -B -o surefire:test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xss1m -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=$((minutes * 60))" \
    >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  runs=$(grep -a -oE '^#[0-9]+' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "$t: no finding in ${secs}s (${runs:-?} executions); log $log"
  else
    status=1
    echo "$t: FINDING or failure after ${secs}s; see $log and the crash-* file in its Inputs directory"
  fi
done
exit $status
