#!/usr/bin/env bash
# ROUGE-1/2/Lsum (rouge-score's algorithm, stemmed F1) of arabrief's English summarizer and of lead-3
# on a JSONL file of {"id","article","reference"} records, side by side. Java only; builds the jar
# first when it is missing or older than the sources (like ./arabrief).
#   scripts/eval_summary.sh ../shared/summ/cnndm_dev.jsonl [--summary-sentences N] [--summary-words N]
#       [--half all|even|odd] [--centrality pacsum|lexrank]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/arabrief.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "eval_summary: building..." >&2
  (cd "$root" && mvn -B -q -DskipTests package >&2)
fi
exec java -cp "$jar" arabrief.summary.eval.EvalSummary "$@"
