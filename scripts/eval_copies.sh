#!/usr/bin/env bash
# Pasted pages of sites never developed on (../shared/corpus/copies): the checks of issue 32 on the build
# half (default) or, at milestones only, the validation half (--validation). -v lists every miss.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=target/eval-structure.classpath
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2 \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" arabrief.article.CopiesEval "$@"
