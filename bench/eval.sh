#!/bin/sh
# make eval: extraction scores on the shared corpora, measured by the shared
# scorer (../shared/tools/score-extraction) running bin/article on every page.
# LUA and ARTICLE_BUILD come from the Makefile.  Skips when the corpora or
# the scorer are absent.
LUA=${LUA:-lua5.4}
ROOT=${ARTICLE_SHARED:-../shared}   # the shared folder (corpora, tools)
SCORER=$ROOT/tools/score-extraction
if [ ! -d "$ROOT/corpora/trafilatura" ] || [ ! -d "$ROOT/corpora/readability" ] || \
   [ ! -f "$SCORER" ]; then
  echo "make eval: $ROOT/corpora or $SCORER is absent; nothing to score (skipped)"
  exit 0
fi
export ARTICLE_BUILD
status=0
for corpus in trafilatura readability; do
  echo "== $corpus"
  python3 "$SCORER" --corpus "$corpus" --jobs 2 \
    --cmd "$LUA bin/article extract --json {file} --url {url}" $EVALFLAGS || status=1
done
exit $status
