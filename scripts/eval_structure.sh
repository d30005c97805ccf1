#!/usr/bin/env bash
# Article-structure evaluation: headline, date, caption, byline, body boundaries and furniture on the
# real pages (copied from ../shared/corpus into the test fixtures), the seed and the layout fixtures.
# Prints a Markdown table (the one in README.md); -v also lists every miss. Needs only Java and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=target/eval-structure.classpath
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2 \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" arabrief.article.StructureEval "$@"
