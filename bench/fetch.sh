#!/bin/sh
# make bench-fetch: article.fetch_many against `curl --parallel` on the same
# loopback server (bench/server.c: 20-60 KB article pages, each answered
# after 50 ms), same URLs, same run.  Then peak RSS for 2,000 vs 20,000 URLs.
#
#   LUA=lua5.4 ARTICLE_BUILD=build/lua5.4 sh bench/fetch.sh
#   N=2000 BIG=20000 CONC=32 DELAY_MS=50 ROUNDS=2   (defaults; override via env)
set -eu
LUA=${LUA:-lua5.4}
ARTICLE_BUILD=${ARTICLE_BUILD:-build/$LUA}
export ARTICLE_BUILD
N=${N:-2000}
BIG=${BIG:-20000}
CONC=${CONC:-32}
DELAY_MS=${DELAY_MS:-50}
ROUNDS=${ROUNDS:-2}
OUT=bench/out
mkdir -p "$OUT"

command -v curl >/dev/null || { echo "bench-fetch needs the curl command" >&2; exit 1; }
${CC:-cc} -O2 -o "$OUT/server" bench/server.c

: > "$OUT/port"
"$OUT/server" "$DELAY_MS" > "$OUT/port" &
SRV=$!
trap 'kill $SRV 2>/dev/null || true' EXIT INT TERM
i=0
while [ ! -s "$OUT/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(head -n 1 "$OUT/port")
BASE="http://127.0.0.1:$PORT"

# curl's config: the same URLs fetch.lua builds.
awk -v n="$N" -v base="$BASE" 'BEGIN {
  for (i = 1; i <= n; i++) printf "url = \"%s/p/%d\"\noutput = \"/dev/null\"\n", base, i }' \
  > "$OUT/curl.cfg"

now() { date +%s.%N; }

echo "bench-fetch: $N pages from $BASE (each answered after ${DELAY_MS} ms), concurrency $CONC"
echo "  libcurl: $(curl --version | head -n 1)"
best_curl=0
best_lua=0
r=1
while [ $r -le "$ROUNDS" ]; do
  t0=$(now)
  /usr/bin/time -f "%M" -o "$OUT/curl.rss" \
    curl --parallel --parallel-max "$CONC" -s --no-progress-meter -w '%{http_code}\n' -K "$OUT/curl.cfg" \
    > "$OUT/curl.codes" 2> "$OUT/curl.err"
  t1=$(now)
  ok=$(grep -c '^200$' "$OUT/curl.codes" || true)
  curl_ps=$(echo "$t0 $t1 $ok" | awk '{ printf "%.1f", $3 / ($2 - $1) }')
  curl_rss=$(cat "$OUT/curl.rss")
  echo "  round $r curl --parallel:  $ok/$N ok in $(echo "$t0 $t1" | awk '{printf "%.3f", $2-$1}') s" \
       "= $curl_ps pages/s, peak RSS $curl_rss KB"
  set -- $("$LUA" bench/fetch.lua "$BASE" "$N" "$CONC" | grep '^RESULT')
  lua_ps=$(echo "$3 $5" | awk '{ printf "%.1f", $1 / $2 }')
  echo "  round $r article.fetch_many: $3/$N parsed in $5 s = $lua_ps pages/s, peak RSS $6 KB"
  best_curl=$(echo "$best_curl $curl_ps" | awk '{ print ($2 > $1) ? $2 : $1 }')
  best_lua=$(echo "$best_lua $lua_ps" | awk '{ print ($2 > $1) ? $2 : $1 }')
  r=$((r + 1))
done
ratio=$(echo "$best_lua $best_curl" | awk '{ printf "%.2f", $1 / $2 }')
echo "best: fetch_many $best_lua pages/s (every page parsed), curl --parallel $best_curl pages/s"
echo "ratio fetch_many / curl = $ratio (floor 0.90)"

# Peak RSS against the URL count.  `iter`: URLs from a generator, so only
# fetch_many's own memory can depend on the count (the floor); `table`: an
# array of URLs, whose own size (the caller's data) adds to the process.
for mode in iter table; do
  set -- $("$LUA" bench/fetch.lua "$BASE" "$N" "$CONC" "$mode" | grep '^RESULT')
  rss_small=$6
  small_ok=$3
  set -- $("$LUA" bench/fetch.lua "$BASE" "$BIG" "$CONC" "$mode" | grep '^RESULT')
  rss_big=$6
  echo "peak RSS ($mode): $N URLs $rss_small KB ($small_ok ok), $BIG URLs $rss_big KB ($3 ok," \
       "$(echo "$2 $5" | awk '{ printf "%.1f", $1 / $2 }') pages/s):" \
       "ratio $(echo "$rss_big $rss_small" | awk '{ printf "%.3f", $1 / $2 }')"
done
echo "floor: the iter ratio within 1.10"
