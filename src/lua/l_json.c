/*
 * l_json.c — JSON through json-c: article.core.json_encode / json_decode.
 *
 * Encoding: tables marked with the array metatable (ARRAY_MT), and non-empty
 * sequences 1..n, become arrays; other tables become objects with sorted keys
 * (stable output).  Decoding: arrays come back marked, so they re-encode as
 * arrays even when empty; null is dropped from objects and becomes the
 * `json_null` sentinel in arrays.  Malformed JSON is an expected failure
 * (nil, message); unencodable values (functions, cycles) are misuse (error).
 */
#include "binding.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json.h>

#include "base/utf8.h"

#define MAX_DEPTH 256

typedef struct enc_state {
  char err[160];
} enc_state;

static int is_array_table(lua_State *L, int idx, size_t *len) {
  *len = ac_rawlen(L, idx);
  if (lua_getmetatable(L, idx)) {
    luaL_getmetatable(L, ARRAY_MT);
    int marked = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (marked) return 1;
  }
  if (*len == 0) return 0;
  size_t count = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TNUMBER) { lua_pop(L, 1); return 0; }
    count++;
  }
  return count == *len;
}

static int cmp_keys(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static json_object *to_json(lua_State *L, int idx, int depth, enc_state *st);

static json_object *string_to_json(const char *s, size_t len) {
  if (utf8_clean(s, len)) return json_object_new_string_len(s, (int)len);
  buf b = BUF_INIT;
  utf8_repair(&b, s, len);
  json_object *o = b.oom ? NULL : json_object_new_string_len(buf_str(&b), (int)b.len);
  buf_free(&b);
  return o;
}

static json_object *table_to_json(lua_State *L, int idx, int depth, enc_state *st) {
  size_t len;
  if (is_array_table(L, idx, &len)) {
    json_object *arr = json_object_new_array_ext((int)len);
    for (size_t i = 1; i <= len; i++) {
      lua_rawgeti(L, idx, (int)i);
      json_object *v = to_json(L, lua_gettop(L), depth + 1, st);
      lua_pop(L, 1);
      if (st->err[0]) { json_object_put(v); json_object_put(arr); return NULL; }
      json_object_array_add(arr, v);
    }
    return arr;
  }
  /* Objects: keys as strings, sorted for stable output.  `names` maps each
   * key's string form to the original key and anchors the strings. */
  lua_newtable(L);
  int names = lua_gettop(L);
  size_t n = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    int kt = lua_type(L, -1);
    if (kt != LUA_TSTRING && kt != LUA_TNUMBER) {
      snprintf(st->err, sizeof st->err, "cannot encode a table key of type %s",
               luaL_typename(L, -1));
      lua_pop(L, 2);
      return NULL;
    }
    lua_pushvalue(L, -1);
    lua_tostring(L, -1);        /* converts the copy, never the iteration key */
    lua_pushvalue(L, -2);
    lua_rawset(L, names);       /* names[string form] = original key */
    n++;
  }
  const char **keys = malloc((n ? n : 1) * sizeof *keys);
  if (!keys) {
    lua_pop(L, 1);
    snprintf(st->err, sizeof st->err, "out of memory");
    return NULL;
  }
  size_t k = 0;
  lua_pushnil(L);
  while (lua_next(L, names)) {
    lua_pop(L, 1);
    if (k < n) keys[k++] = lua_tostring(L, -1);  /* anchored by `names` */
  }
  qsort(keys, k, sizeof *keys, cmp_keys);
  json_object *obj = json_object_new_object();
  for (size_t i = 0; i < k && obj; i++) {
    lua_getfield(L, names, keys[i]);
    lua_rawget(L, idx);
    json_object *v = to_json(L, lua_gettop(L), depth + 1, st);
    lua_pop(L, 1);
    if (st->err[0]) { json_object_put(v); json_object_put(obj); obj = NULL; break; }
    json_object_object_add(obj, keys[i], v);
  }
  free(keys);
  lua_pop(L, 1);
  return obj;
}

static json_object *to_json(lua_State *L, int idx, int depth, enc_state *st) {
  if (depth > MAX_DEPTH) {
    snprintf(st->err, sizeof st->err, "nested deeper than %d levels (a cycle?)", MAX_DEPTH);
    return NULL;
  }
  switch (lua_type(L, idx)) {
  case LUA_TNIL: return NULL;
  case LUA_TBOOLEAN: return json_object_new_boolean(lua_toboolean(L, idx));
  case LUA_TNUMBER: {
    lua_Number v = lua_tonumber(L, idx);
    if (isnan(v) || isinf(v)) return NULL;  /* JSON has no NaN/inf: null */
    if (v == floor(v) && fabs(v) < 9007199254740992.0) return json_object_new_int64((int64_t)v);
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%.14g", (double)v);
    return json_object_new_double_s((double)v, tmp);
  }
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    return string_to_json(s, len);
  }
  case LUA_TTABLE:
    if (!lua_checkstack(L, 8)) {
      snprintf(st->err, sizeof st->err, "Lua stack exhausted");
      return NULL;
    }
    return table_to_json(L, idx, depth, st);
  case LUA_TLIGHTUSERDATA:
    if (lua_touserdata(L, idx) == NULL) return NULL;  /* json_null */
    /* fall through */
  default:
    snprintf(st->err, sizeof st->err, "cannot encode a value of type %s",
             luaL_typename(L, idx));
    return NULL;
  }
}

/* json_encode(value [, pretty]) -> string.  Raises on unencodable values. */
static int l_json_encode(lua_State *L) {
  luaL_checkany(L, 1);
  int pretty = lua_toboolean(L, 2);
  lua_settop(L, 1);
  enc_state st = {""};
  json_object *o = to_json(L, 1, 0, &st);
  if (st.err[0]) {
    json_object_put(o);
    return luaL_error(L, "json_encode: %s", st.err);
  }
  int flags = JSON_C_TO_STRING_NOSLASHESCAPE |
              (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED : JSON_C_TO_STRING_PLAIN);
  size_t len;
  const char *s = json_object_to_json_string_length(o, flags, &len);
  if (!s) { json_object_put(o); return luaL_error(L, "json_encode: out of memory"); }
  lua_pushlstring(L, s, len);
  json_object_put(o);
  return 1;
}

/* Pushes the Lua value for o; `depth` is bounded by the tokener's depth. */
static void push_json(lua_State *L, json_object *o) {
  luaL_checkstack(L, 4, "JSON nested too deep");
  switch (json_object_get_type(o)) {
  case json_type_null: lua_pushlightuserdata(L, NULL); break;
  case json_type_boolean: lua_pushboolean(L, json_object_get_boolean(o)); break;
  case json_type_double: lua_pushnumber(L, json_object_get_double(o)); break;
  case json_type_int:
#if LUA_VERSION_NUM >= 503
    lua_pushinteger(L, (lua_Integer)json_object_get_int64(o));
#else
    lua_pushnumber(L, (lua_Number)json_object_get_int64(o));
#endif
    break;
  case json_type_string:
    l_pushutf8(L, json_object_get_string(o), (size_t)json_object_get_string_len(o));
    break;
  case json_type_array: {
    size_t n = json_object_array_length(o);
    l_newarray(L, (int)n);
    for (size_t i = 0; i < n; i++) {
      push_json(L, json_object_array_get_idx(o, i));
      lua_rawseti(L, -2, (int)i + 1);
    }
    break;
  }
  case json_type_object: {
    lua_newtable(L);
    json_object_object_foreach(o, key, val) {
      if (!val) continue;  /* null members are dropped */
      push_json(L, val);
      lua_setfield(L, -2, key);
    }
    break;
  }
  }
}

/* Guard for the parsed tree while it is converted (a Lua error must not leak it). */
typedef struct dec_guard {
  json_object *obj;
} dec_guard;

static int dec_guard_gc(lua_State *L) {
  dec_guard *g = lua_touserdata(L, 1);
  if (g->obj) { json_object_put(g->obj); g->obj = NULL; }
  return 0;
}

/* json_decode(string) -> value | nil, message */
static int l_json_decode(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  dec_guard *g = ac_newuserdata(L, sizeof *g);
  g->obj = NULL;
  luaL_getmetatable(L, "article.json_guard");
  lua_setmetatable(L, -2);
  json_tokener *tok = json_tokener_new_ex(MAX_DEPTH);
  if (!tok) return luaL_error(L, "out of memory");
  /* len + 1 includes Lua's terminating NUL, which ends a bare top-level number */
  g->obj = json_tokener_parse_ex(tok, s, (int)(len > 0x7FFFFFFE ? 0x7FFFFFFE : len + 1));
  enum json_tokener_error jerr = json_tokener_get_error(tok);
  size_t off = json_tokener_get_parse_end(tok);
  json_tokener_free(tok);
  if (jerr != json_tokener_success) {
    json_object_put(g->obj);
    g->obj = NULL;
    lua_pushnil(L);
    lua_pushfstring(L, "invalid JSON near byte %d: %s", (int)off,
                    json_tokener_error_desc(jerr));
    return 2;
  }
  for (size_t i = off; i < len; i++) {
    if (!strchr(" \t\r\n", s[i])) {
      json_object_put(g->obj);
      g->obj = NULL;
      lua_pushnil(L);
      lua_pushfstring(L, "invalid JSON: trailing data at byte %d", (int)i + 1);
      return 2;
    }
  }
  push_json(L, g->obj);
  json_object_put(g->obj);
  g->obj = NULL;
  return 1;
}

void l_json_open(lua_State *L) {
  static const luaL_Reg guard_meta[] = {{"__gc", dec_guard_gc}, {NULL, NULL}};
  ac_newclass(L, "article.json_guard", NULL, guard_meta);
  lua_pop(L, 1);
  lua_pushcfunction(L, l_json_encode);
  lua_setfield(L, -2, "json_encode");
  lua_pushcfunction(L, l_json_decode);
  lua_setfield(L, -2, "json_decode");
  lua_pushlightuserdata(L, NULL);
  lua_setfield(L, -2, "json_null");
}
