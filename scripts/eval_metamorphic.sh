#!/usr/bin/env bash
# Metamorphic checks of the article step (no truth needed): every BBC Arabic article of ../shared/summ-ar and the
# real text pages, re-encoded, with furniture of other pages around them, with the headline printed twice, must
# read as the clean text. Prints the pass rate per transformation; -v lists misses, --real-only skips BBC.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=target/eval-structure.classpath
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2 \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" arabrief.article.Metamorphic "$@"
