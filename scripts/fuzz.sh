#!/usr/bin/env bash
# Runs every fuzz test (Jazzer, @FuzzTest) in fuzzing mode, one after another. Each fuzzes for its annotation's
# maxDuration (10 minutes, counted by libFuzzer after Jazzer has instrumented the classes); MINUTES (default 10)
# can only shorten a run: under 10, a run is stopped with SIGINT after MINUTES of wall time (the corpus is kept).
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
  # (jazzer-junit appends the annotation's -max_total_time after any libFuzzer argument given here, so the
  # annotation wins; a shorter run is a timeout)
  limit=()
  if [ "$minutes" -lt 10 ]; then limit=(timeout -s INT -k 60 $((minutes * 60))); fi
  JAZZER_FUZZ=1 "${limit[@]}" nice -n 10 mvn -B -o surefire:test -Dtest="$t" \
    -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Xss1m" >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  done_line=$(grep -a -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  if [ $rc -eq 0 ] || [ $rc -eq 124 ]; then
    echo "$t: no finding; ${done_line:-stopped after ${secs}s wall time}; log $log"
  else
    status=1
    echo "$t: FINDING or failure after ${secs}s; see $log and the crash-* file in its Inputs directory"
  fi
done
exit $status
