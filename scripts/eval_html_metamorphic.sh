#!/usr/bin/env bash
# Metamorphic checks of the HTML path (no truth needed): every real HTML page's article moved into every other
# real page's chrome, each page re-encoded, re-indented, with <br><br> paragraphs, more <div>s, without <article>,
# without or with JSON-LD; and the BBC Arabic articles of ../shared/summ-ar in five generic page shapes. Each must
# read as the page (or the clean text) does. -v lists misses; --real-only skips BBC; --step N takes every Nth article.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-classpath.sh
exec java -cp "$TEST_CP" arabrief.article.HtmlMetamorphic "$@"
