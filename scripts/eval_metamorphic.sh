#!/usr/bin/env bash
# Metamorphic checks of the article step (no truth needed): every BBC Arabic article of ../shared/summ-ar and the
# real text pages, re-encoded, with furniture of other pages around them, with the headline printed twice (also as
# «TITLE - SITE»), under a ticker of other stories' titles or a section trail, with a caption echoing it, must
# read as the clean text; BBC articles with their real deck (standfirst) put under the headline must read as the
# clean article with the deck apart (DeckMetamorphic). Prints the pass rate per transformation; -v lists misses,
# --real-only skips BBC,
# --only NAME runs one transformation (-v then lists up to 200 misses).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-classpath.sh
exec java -cp "$TEST_CP" arabrief.article.Metamorphic "$@"
