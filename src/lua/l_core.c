/*
 * l_core.c — luaopen_article_core: parse(), option parsing and the article
 * table.  See binding.h.
 */
#include "binding.h"

#include <string.h>
#include <libxml/parser.h>

#include "base/utf8.h"

void l_pushutf8(lua_State *L, const char *s, size_t len) {
  if (!s) { lua_pushnil(L); return; }
  if (utf8_clean(s, len)) { lua_pushlstring(L, s, len); return; }
  buf b = BUF_INIT;
  utf8_repair(&b, s, len);
  if (b.oom) { buf_free(&b); luaL_error(L, "out of memory"); }
  lua_pushlstring(L, buf_str(&b), b.len);
  buf_free(&b);
}

void l_pushstr(lua_State *L, const char *s) { l_pushutf8(L, s, s ? strlen(s) : 0); }

void l_setstr(lua_State *L, const char *key, const char *s) {
  if (!s) return;
  l_pushstr(L, s);
  lua_setfield(L, -2, key);
}

const char *l_checkbytes(lua_State *L, int idx, size_t *len) {
  if (lua_type(L, idx) != LUA_TSTRING) ac_typeerror(L, idx, "string");
  return lua_tolstring(L, idx, len);
}

void l_newarray(lua_State *L, int narr) {
  lua_createtable(L, narr, 0);
  luaL_getmetatable(L, ARRAY_MT);
  lua_setmetatable(L, -2);
}

void l_pusharray(lua_State *L, const strvec *sv) {
  l_newarray(L, (int)sv->n);
  for (size_t i = 0; i < sv->n; i++) {
    l_pushstr(L, sv->v[i]);
    lua_rawseti(L, -2, (int)i + 1);
  }
}

void l_push_article(lua_State *L, const art_result *r) {
  lua_createtable(L, 0, 40);
  l_push_meta(L, &r->meta);
  l_push_content(L, &r->content);
  l_setstr(L, "encoding", r->doc.encoding[0] ? r->doc.encoding : NULL);
}

/* ---------------------------------------------------------------- options */

typedef enum { OPT_STRING, OPT_BOOL, OPT_INT, OPT_FAVOR, OPT_TIME } opt_kind;

static const struct opt_def {
  const char *name;
  opt_kind kind;
  size_t offset;
  int doc;       /* also accepted by article.document */
} OPTS[] = {
  {"url", OPT_STRING, offsetof(art_opts, url), 1},
  {"content_type", OPT_STRING, offsetof(art_opts, content_type), 1},
  {"encoding", OPT_STRING, offsetof(art_opts, encoding), 1},
  {"include_comments", OPT_BOOL, offsetof(art_opts, include_comments), 0},
  {"include_tables", OPT_BOOL, offsetof(art_opts, include_tables), 0},
  {"include_images", OPT_BOOL, offsetof(art_opts, include_images), 0},
  {"include_links", OPT_BOOL, offsetof(art_opts, include_links), 0},
  {"favor", OPT_FAVOR, offsetof(art_opts, favor), 0},
  {"date_floor", OPT_INT, offsetof(art_opts, date_floor), 0},
  {"detect_language", OPT_BOOL, offsetof(art_opts, detect_language), 0},
  {"now", OPT_TIME, offsetof(art_opts, now), 0},
};
#define N_OPTS (sizeof OPTS / sizeof OPTS[0])

static const char *const KIND_NAMES[] = {"a string", "a boolean", "an integer",
                                         "'precision', 'recall' or 'balanced'",
                                         "an integer (Unix seconds)"};

void l_parse_opts(lua_State *L, int idx, art_opts *o, const char *fname, int doc_only) {
  art_opts_init(o);
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) != LUA_TSTRING)
      luaL_error(L, "%s: option names must be strings", fname);
    const char *key = lua_tostring(L, -2);
    const struct opt_def *d = NULL;
    for (size_t i = 0; i < N_OPTS; i++)
      if (strcmp(OPTS[i].name, key) == 0 && (!doc_only || OPTS[i].doc)) d = &OPTS[i];
    if (!d) luaL_error(L, "%s: unknown option '%s'", fname, key);
    char *field = (char *)o + d->offset;
    int t = lua_type(L, -1), ok = 1;
    switch (d->kind) {
    case OPT_STRING:
      ok = t == LUA_TSTRING;
      if (ok) *(const char **)field = lua_tostring(L, -1);
      break;
    case OPT_BOOL:
      ok = t == LUA_TBOOLEAN;
      if (ok) *(int *)field = lua_toboolean(L, -1);
      break;
    case OPT_INT:
    case OPT_TIME: {
      lua_Number v = lua_tonumber(L, -1);
      ok = t == LUA_TNUMBER && v > -9e15 && v < 9e15 && v == (lua_Number)(long long)v &&
           (d->kind == OPT_TIME || (v > -1e9 && v < 1e9));
      if (ok && d->kind == OPT_TIME) *(long long *)field = (long long)v;
      else if (ok) *(int *)field = (int)v;
      break;
    }
    case OPT_FAVOR: {
      const char *s = t == LUA_TSTRING ? lua_tostring(L, -1) : "";
      if (strcmp(s, "precision") == 0) *(int *)field = ART_FAVOR_PRECISION;
      else if (strcmp(s, "recall") == 0) *(int *)field = ART_FAVOR_RECALL;
      else if (strcmp(s, "balanced") == 0) *(int *)field = ART_FAVOR_BALANCED;
      else ok = 0;
      break;
    }
    }
    if (!ok)
      luaL_error(L, "%s: option '%s' must be %s (got %s)", fname, key, KIND_NAMES[d->kind],
                 luaL_typename(L, -1));
    lua_pop(L, 1);
  }
}

/* ---------------------------------------------------------------- parse */

/* A result being built: freed by __gc if a Lua error unwinds past it. */
typedef struct result_guard {
  art_result r;   /* first member: the guard's address is the result's */
  int live;
} result_guard;

static int guard_gc(lua_State *L) {
  l_result_release(lua_touserdata(L, 1));
  return 0;
}

art_result *l_result_guard(lua_State *L) {
  result_guard *g = ac_newuserdata(L, sizeof *g);
  memset(g, 0, sizeof *g);
  luaL_getmetatable(L, "article.result_guard");
  lua_setmetatable(L, -2);
  g->live = 1;
  return &g->r;
}

void l_result_release(art_result *r) {
  result_guard *g = (result_guard *)r;
  if (g->live) {
    art_result_free(&g->r);
    g->live = 0;
  }
}

/* article.core.parse(html [, opts]) -> article | nil, message, kind */
static int l_parse(lua_State *L) {
  size_t len;
  const char *html = l_checkbytes(L, 1, &len);
  art_opts o;
  l_parse_opts(L, 2, &o, "article.parse", 0);
  lua_settop(L, 2);
  art_result *r = l_result_guard(L);
  char err[256];
  if (art_parse(html, len, &o, r, err, sizeof err) != 0) {
    l_result_release(r);
    lua_pushnil(L);
    lua_pushstring(L, err);
    lua_pushliteral(L, "memory");
    return 3;
  }
  l_push_article(L, r);
  l_result_release(r);
  return 1;
}

/* article.core.options() -> array of the option names parse() accepts */
static int l_options(lua_State *L) {
  l_newarray(L, (int)N_OPTS);
  for (size_t i = 0; i < N_OPTS; i++) {
    lua_pushstring(L, OPTS[i].name);
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

static const luaL_Reg CORE[] = {
  {"parse", l_parse},
  {"options", l_options},
  {NULL, NULL},
};

ART_EXPORT int luaopen_article_core(lua_State *L) {
  xmlInitParser();
  luaL_newmetatable(L, ARRAY_MT);
  lua_pop(L, 1);
  static const luaL_Reg guard_meta[] = {{"__gc", guard_gc}, {NULL, NULL}};
  ac_newclass(L, "article.result_guard", NULL, guard_meta);
  lua_pop(L, 1);

  ac_newlib(L, CORE);
  lua_pushliteral(L, ARTICLE_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, LIBXML_DOTTED_VERSION);
  lua_setfield(L, -2, "libxml2_version");
  luaL_getmetatable(L, ARRAY_MT);
  lua_setfield(L, -2, "array_mt");
  l_doc_open(L);
  l_json_open(L);
  l_fetch_open(L);
  l_date_open(L);
  l_bench_open(L);
  return 1;
}
