#!/usr/bin/env bash
# Pasted pages of sites never developed on (../shared/corpus/copies): the checks of issue 32 on the build
# half (default) or, at milestones only, the validation half (--validation). -v lists every miss.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-classpath.sh
exec java -cp "$TEST_CP" arabrief.article.CopiesEval "$@"
