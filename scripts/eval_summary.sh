#!/usr/bin/env bash
# ROUGE-1/2/Lsum (rouge-score's algorithm, stemmed F1) of arabrief's English summarizer and of lead-3
# on a JSONL file of {"id","article","reference"} records, side by side. Java only; builds the jar
# first when it is missing or older than the sources (like ./arabrief).
#   scripts/eval_summary.sh ../shared/summ/cnndm_dev.jsonl [--summary-sentences N] [--summary-words N]
#       [--half all|even|odd] [--centrality pacsum|lexrank]
# An Arabic set ({"id","article","references":[...]} with Arabic text) is recognised by its first record:
# the Arabic-side ranking (what brief translates) at 1 and 3 sentences against lead-1 and lead-3, Arabic
# ROUGE (not stemmed, F1 averaged over references); settings were chosen on --half even, report --half odd:
#   scripts/eval_summary.sh ../shared/summ-ar/ant-bbc-dev.jsonl --half odd
# --wrap STYLE[:WIDTH][,crlf][,bytes] (Arabic sets) hard-wraps every article first — paragraphs (a blank line
# between paragraphs), lines (a blank line after every wrapped line) or double (double-spaced), at WIDTH columns or
# 60-100 chosen per article — scores the wrapped articles beside the clean ones and counts identical briefs:
#   scripts/eval_summary.sh ../shared/summ-ar/ant-bbc-dev.jsonl --half odd --wrap lines
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/arabrief.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "eval_summary: building..." >&2
  (cd "$root" && mvn -B -q -DskipTests package >&2)
fi
exec java -cp "$jar" arabrief.summary.eval.EvalSummary "$@"
