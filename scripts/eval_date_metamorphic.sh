#!/usr/bin/env bash
# Metamorphic checks of the article's date (no truth needed): every BBC Arabic article of ../shared/summ-ar with a
# header clock among widget lines on top, with its date printed under the headline in each format of the date
# table, and with both; the clock must be ignored and the printed date read. Composed pages: feature tests, not
# evidence. Prints the pass rate per check and the formats that miss; -v lists misses.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-classpath.sh
exec java -cp "$TEST_CP" arabrief.article.DateMetamorphic "$@"
