/* l_date.c — article.core.parse_date: the metadata's date finder for users
 * and tests (see date.h). */
#include "binding.h"

#include <string.h>
#include <time.h>

#include "text/date.h"

/* parse_date(s [, opts]) -> ISO 8601 string | nil
 * opts: date_floor (year, default 1995), now (Unix seconds, default the
 * current time), language (BCP 47: "en-US" reads 03/04/2015 as March 4,
 * anything else as 3 April), two_digit_year (accept 24.07.15, default
 * false).  The first plausible full date in s wins; nil when there is none.
 * Misuse (a non-string s, unknown options) raises. */
static int l_parse_date(lua_State *L) {
  size_t len;
  const char *s = l_checkbytes(L, 1, &len);
  date_ctx c;
  memset(&c, 0, sizeof c);
  c.floor_year = 1995;
  c.now = (long long)time(NULL);
  c.order = DATE_DMY;
  c.flags = DATE_EPOCH | DATE_COMPACT;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 2)) {
      const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
      int t = lua_type(L, -1);
      if (strcmp(k, "date_floor") == 0 && t == LUA_TNUMBER) {
        c.floor_year = (int)lua_tointeger(L, -1);
      } else if (strcmp(k, "now") == 0 && t == LUA_TNUMBER) {
        c.now = (long long)lua_tonumber(L, -1);
      } else if (strcmp(k, "language") == 0 && t == LUA_TSTRING) {
        c.order = date_order_for(lua_tostring(L, -1));
      } else if (strcmp(k, "two_digit_year") == 0 && t == LUA_TBOOLEAN) {
        if (lua_toboolean(L, -1)) c.flags |= DATE_TWO_DIGIT_YEAR;
      } else {
        return luaL_error(L, "article.parse_date: unknown option '%s' or wrong type (%s)", k,
                          luaL_typename(L, -1));
      }
      lua_pop(L, 1);
    }
  }
  /* date_find reads a C string: an embedded NUL ends the text */
  art_date d;
  if (date_find(s, 0, &c, &d, NULL, NULL)) {
    char iso[48];
    date_iso(&d, iso, sizeof iso);
    lua_pushstring(L, iso);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

void l_date_open(lua_State *L) {
  lua_pushcfunction(L, l_parse_date);
  lua_setfield(L, -2, "parse_date");
}
