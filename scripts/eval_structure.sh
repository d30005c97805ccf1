#!/usr/bin/env bash
# Article-structure evaluation: headline, date, caption, byline, body boundaries and furniture on the
# eight real pages (../shared/corpus and its dev/, copied into the test fixtures), the same HTML pages
# pasted whole as text, the seed and the layout fixtures. Real pages are scored leave-one-site-out (the
# line model refitted without the page's site) and in-sample. Prints the Markdown tables of
# docs/structure.md; -v also lists every miss. --write-model FILE writes the line model fitted on every
# real page (the shipped src/main/resources/arabrief/article/line-model.txt). Needs only Java and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-classpath.sh
exec java -cp "$TEST_CP" arabrief.article.StructureEval "$@"
