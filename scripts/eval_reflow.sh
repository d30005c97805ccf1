#!/usr/bin/env bash
# Hard-wrapped text (docs/structure.md, Reflow): every BBC Arabic article of ../shared/summ-ar (headline line,
# blank line, body) and every real page's text (../shared/corpus/copies, the dev text copy, the real HTML pages
# pasted as text, the seed and the layout fixtures), wrapped at 60-100 columns in each style (a blank line
# between paragraphs; a blank line after every wrapped line; double-spaced; with CRLF), must parse as the clean
# text: same headline, paragraphs and sentences. Prints the pass rate per style, the BBC articles' held-out (odd)
# half first, and how many clean texts the reflow changed (it must be none). -v lists every miss.
#   scripts/eval_reflow.sh [--half all|even|odd] [-v]
# --kinds sorts the misses of one style on the BBC bodies (as eval_summary.sh --wrap wraps them) into kinds, and
# counts what the text leaves undecidable (full lines ending a sentence; full one-line paragraphs without one):
#   scripts/eval_reflow.sh --kinds [--half even|odd|all] [--wrap lines] [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-classpath.sh
main=arabrief.article.ReflowEval
[ "${1:-}" = --kinds ] && main=arabrief.article.ReflowKinds
exec java -cp "$TEST_CP" "$main" "$@"
