#!/bin/sh
# Installs the Debian packages lua-article needs to build, test and run its
# demo, when run as root; otherwise prints the apt-get line to run.
# LUA selects the runtime (lua5.1 ... lua5.4, luajit); default lua5.4.
set -eu
LUA=${LUA:-lua5.4}
case "$LUA" in
  lua5.1) lua_pkgs="lua5.1 liblua5.1-0-dev" ;;
  lua5.2|lua5.3|lua5.4) lua_pkgs="$LUA lib$LUA-dev" ;;
  luajit) lua_pkgs="luajit libluajit-5.1-dev" ;;
  *) echo "deps.sh: unknown LUA=$LUA (use lua5.1, lua5.2, lua5.3, lua5.4 or luajit)" >&2; exit 2 ;;
esac
pkgs="gcc g++ make pkg-config $lua_pkgs libxml2-dev libcurl4-openssl-dev libjson-c-dev \
libcld2-dev lua-busted python3 curl ca-certificates"

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  apt-get install -y --no-install-recommends $missing >/dev/null ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends $missing >/dev/null; }
else
  echo "lua-article needs these Debian packages; as root run:" >&2
  echo "  apt-get install -y$missing" >&2
  exit 1
fi
