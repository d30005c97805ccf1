#!/usr/bin/env bash
# Byline feature evaluation (no truth needed): every BBC Arabic article of ../shared/summ-ar with a byline inserted
# in each general form (verbs of writing, several names, titles, roles, «By», labels, a name beside or in the date
# line, agency credits closing or opening the story) and with names the given-name list lacks; --context puts each case
# inside furniture lines of the real pages (above and after). Prints, per form,
# how often the byline is found and the clean article's headline, date and body are unchanged, and the false-byline
# rate on the clean articles. -v lists misses; --every N takes every Nth article. Feature tests, not evidence of the
# score on real pages of unseen sites.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-classpath.sh
exec java -cp "$TEST_CP" arabrief.article.BylineEval "$@"
