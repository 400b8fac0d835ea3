/*
 * l_fetch.c — the HTTP engine (fetch.c) as Lua userdata, for lua/article/http.lua.
 *
 *   core.http_multi([parse_threads]) -> multi
 *   multi:add(req) -> id            starts a transfer (req: see read_req)
 *   multi:perform(wait) -> results  waits up to `wait` seconds, returns finished ones
 *   multi:timeout() -> seconds|nil  when libcurl wants to be called again
 *   multi:running() -> n
 *   multi:fds() -> {read fds}, {write fds}
 *   multi:close()                   also __gc and __close; idempotent
 *   core.http_now(), core.http_sleep(s), core.http_hash(s), core.http_is_private(addr),
 *   core.http_mkdir(path)
 *
 * No Lua runs inside libcurl: the callbacks in fetch.c fill C buffers, and
 * results are pushed here once libcurl has returned.  A finished transfer
 * stays in the multi's done queue until its result table is complete, so a
 * Lua error (out of memory) while pushing cannot leak it.
 */
#include "binding.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "net/fetch.h"

#define MULTI_MT "article.http_multi"
#define REQ_MAX_LIST 64    /* headers / accept types / exempt addresses per request */
#define FDS_MAX 1024       /* descriptors reported by multi:fds() */

typedef struct lmulti {
  ft_multi *m;             /* NULL once closed */
} lmulti;

static ft_multi *check_multi(lua_State *L, int idx) {
  lmulti *u = luaL_checkudata(L, idx, MULTI_MT);
  if (!u->m) luaL_error(L, "attempt to use a closed fetcher");
  return u->m;
}

/* Reads the optional string field `name` of the table at idx. */
static const char *opt_str(lua_State *L, int idx, const char *name) {
  lua_getfield(L, idx, name);
  const char *s = NULL;
  if (lua_type(L, -1) == LUA_TSTRING) s = lua_tostring(L, -1);
  else if (!lua_isnil(L, -1)) luaL_error(L, "request field '%s' must be a string", name);
  lua_pop(L, 1);  /* the request table keeps the string alive */
  return s;
}

static double opt_num(lua_State *L, int idx, const char *name, double def) {
  lua_getfield(L, idx, name);
  double v = def;
  if (lua_type(L, -1) == LUA_TNUMBER) v = lua_tonumber(L, -1);
  else if (!lua_isnil(L, -1)) luaL_error(L, "request field '%s' must be a number", name);
  lua_pop(L, 1);
  if (v != v || v < 0 || v > 9e15) luaL_error(L, "request field '%s' out of range", name);
  return v;
}

static int opt_bool(lua_State *L, int idx, const char *name, int def) {
  lua_getfield(L, idx, name);
  int v = lua_isnil(L, -1) ? def : lua_toboolean(L, -1);
  lua_pop(L, 1);
  return v;
}

/* Reads the array of strings `name` into out (pointers into the request
 * table, which stays on the stack).  Returns the count. */
static size_t opt_list(lua_State *L, int idx, const char *name, const char **out) {
  lua_getfield(L, idx, name);
  size_t n = 0;
  if (lua_istable(L, -1)) {
    size_t len = ac_rawlen(L, -1);
    if (len > REQ_MAX_LIST) luaL_error(L, "request field '%s' has over %d entries", name,
                                       REQ_MAX_LIST);
    for (size_t i = 1; i <= len; i++) {
      lua_rawgeti(L, -1, (int)i);
      if (lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "request field '%s' must hold strings", name);
      out[n++] = lua_tostring(L, -1);
      lua_pop(L, 1);
    }
  } else if (!lua_isnil(L, -1)) {
    luaL_error(L, "request field '%s' must be a table", name);
  }
  lua_pop(L, 1);
  return n;
}

/* multi:add(req) -> id.  Times are in seconds.  Invalid values raise: the
 * Lua layer validated the user's options, so these are bugs. */
static int m_add(lua_State *L) {
  ft_multi *m = check_multi(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  const char *headers[REQ_MAX_LIST], *accept[REQ_MAX_LIST], *allow[REQ_MAX_LIST];
  ft_req r;
  memset(&r, 0, sizeof r);
  r.url = opt_str(L, 2, "url");
  if (!r.url) luaL_error(L, "request needs a url");
  r.user_agent = opt_str(L, 2, "user_agent");
  r.n_headers = opt_list(L, 2, "headers", headers);
  r.headers = headers;
  r.connect_timeout_ms = (long)(opt_num(L, 2, "connect_timeout", 0) * 1000);
  r.timeout_ms = (long)(opt_num(L, 2, "timeout", 0) * 1000);
  r.low_speed_limit = (long)opt_num(L, 2, "low_speed_limit", 0);
  r.low_speed_time = (long)opt_num(L, 2, "low_speed_time", 0);
  r.max_redirects = (long)opt_num(L, 2, "max_redirects", 10);
  r.max_body = (long long)opt_num(L, 2, "max_body", 0);
  r.max_header = (long)opt_num(L, 2, "max_header", 0);
  r.protocols = opt_str(L, 2, "protocols");
  r.deny_private = opt_bool(L, 2, "deny_private", 0);
  r.n_allow = opt_list(L, 2, "allow_private", allow);
  r.allow_addrs = allow;
  lua_getfield(L, 2, "accept");
  int any = lua_isnil(L, -1);
  lua_pop(L, 1);
  r.n_accept = any ? 0 : opt_list(L, 2, "accept", accept);
  r.accept = accept;
  r.verify_tls = opt_bool(L, 2, "verify", 1);
  r.ca_file = opt_str(L, 2, "ca_file");
  r.proxy = opt_str(L, 2, "proxy");
  r.noproxy = opt_str(L, 2, "noproxy");
  r.cookie_file = opt_str(L, 2, "cookie_file");
  r.cookie_jar = opt_str(L, 2, "cookie_jar");
  r.keep_error_body = opt_bool(L, 2, "keep_error_body", 0);
  r.truncate = opt_bool(L, 2, "truncate", 0);
  /* parse: options for article.parse (without `fields`), validated again
   * here; their strings live in that table, on the stack until ft_add. */
  art_opts popts;
  lua_getfield(L, 2, "parse");
  if (lua_istable(L, -1)) {
    l_parse_opts(L, lua_gettop(L), &popts, "article.fetch", 0);
    r.parse = &popts;
  }
  long id;
  char err[256];
  if (ft_add(m, &r, &id, err, sizeof err)) return luaL_error(L, "fetch: %s", err);
  lua_pushinteger(L, (lua_Integer)id);
  return 1;
}

static void set_num(lua_State *L, const char *k, double v) {
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, long v) {
  lua_pushinteger(L, (lua_Integer)v);
  lua_setfield(L, -2, k);
}

/* Pushes the result table of a finished transfer.  Stack: +1. */
static void push_info(lua_State *L, const ft_info *i) {
  lua_createtable(L, 0, 12);
  set_int(L, "id", i->id);
  set_int(L, "status", i->status);
  set_num(L, "elapsed", i->elapsed);
  set_int(L, "redirects", i->redirects);
  l_setstr(L, "url", i->url);
  l_setstr(L, "content_type", i->content_type);
  l_setstr(L, "primary_ip", i->primary_ip);
  l_setstr(L, "kind", i->kind);
  l_setstr(L, "message", i->message);
  /* Bytes as they came: the body is decoded by the parser, which knows
   * charsets; header values may be Latin-1 and are repaired by Lua users. */
  lua_pushlstring(L, i->headers, i->headers_len);
  lua_setfield(L, -2, "headers");
  lua_pushlstring(L, i->body, i->body_len);
  lua_setfield(L, -2, "body");
  if (i->article) {
    l_push_article(L, i->article);
    lua_setfield(L, -2, "article");
  }
  l_setstr(L, "parse_error", i->parse_error);
}

/* multi:perform([wait]) -> array of finished transfers, array of the ids
 * that finished on the network and are being parsed.  Waits at most `wait`
 * seconds (default 0: never blocks) for network activity. */
static int m_perform(lua_State *L) {
  ft_multi *m = check_multi(L, 1);
  double wait = luaL_optnumber(L, 2, 0);
  if (wait != wait || wait < 0) wait = 0;
  if (wait > 86400) wait = 86400;
  char err[256];
  if (ft_perform(m, (long)(wait * 1000 + 0.5), err, sizeof err) < 0)
    return luaL_error(L, "fetch: %s", err);
  lua_newtable(L);
  ft_info info;
  int n = 0;
  while (ft_done_peek(m, &info)) {
    push_info(L, &info);
    lua_rawseti(L, -2, ++n);
    ft_done_pop(m);
  }
  const long *ids;
  size_t nh = ft_handoff_take(m, &ids);
  lua_createtable(L, (int)nh, 0);
  for (size_t k = 0; k < nh; k++) {
    lua_pushinteger(L, (lua_Integer)ids[k]);
    lua_rawseti(L, -2, (int)k + 1);
  }
  return 2;
}

static int m_timeout(lua_State *L) {
  long t = ft_timeout(check_multi(L, 1));
  if (t < 0) lua_pushnil(L);
  else lua_pushnumber(L, (double)t / 1000.0);
  return 1;
}

static int m_running(lua_State *L) {
  lua_pushinteger(L, ft_running(check_multi(L, 1)));
  return 1;
}

static void push_ints(lua_State *L, const int *v, int n) {
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    lua_pushinteger(L, v[i]);
    lua_rawseti(L, -2, i + 1);
  }
}

static int m_fds(lua_State *L) {
  ft_multi *m = check_multi(L, 1);
  /* Scratch space owned by Lua, so nothing leaks if a push below raises. */
  int *rd = ac_newuserdata(L, 2 * FDS_MAX * sizeof *rd);
  int *wr = rd + FDS_MAX, nrd = 0, nwr = 0;
  if (ft_fds(m, rd, &nrd, wr, &nwr, FDS_MAX)) return luaL_error(L, "fetch: cannot list sockets");
  push_ints(L, rd, nrd);
  push_ints(L, wr, nwr);
  return 2;
}

static int m_close(lua_State *L) {
  lmulti *u = luaL_checkudata(L, 1, MULTI_MT);
  ft_multi *m = u->m;
  u->m = NULL;
  ft_multi_free(m);
  return 0;
}

static int m_closed(lua_State *L) {
  lmulti *u = luaL_checkudata(L, 1, MULTI_MT);
  lua_pushboolean(L, u->m == NULL);
  return 1;
}

static int m_tostring(lua_State *L) {
  lmulti *u = luaL_checkudata(L, 1, MULTI_MT);
  if (u->m) lua_pushfstring(L, "article.fetcher (%d running)", ft_running(u->m));
  else lua_pushliteral(L, "article.fetcher (closed)");
  return 1;
}

static int l_http_multi(lua_State *L) {
  lmulti *u = ac_newuserdata(L, sizeof *u);
  u->m = NULL;
  luaL_getmetatable(L, MULTI_MT);
  lua_setmetatable(L, -2);
  lua_Integer threads = luaL_optinteger(L, 1, 0);
  u->m = ft_multi_new(threads < 0 ? 0 : threads > 64 ? 64 : (int)threads);
  if (!u->m) return luaL_error(L, "out of memory");
  return 1;
}

/* Monotonic seconds, for delays and backoff (os.time has 1 s resolution). */
static int l_http_now(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
  return 1;
}

/* Sleeps s seconds (interrupted sleeps resume). */
static int l_http_sleep(lua_State *L) {
  double s = luaL_checknumber(L, 1);
  if (s != s || s <= 0) return 0;
  if (s > 86400) s = 86400;
  struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
  return 0;
}

/* FNV-1a 64 of s as 16 hex digits: cache file names (the URL is stored in
 * the entry too, so a collision is detected, not served). */
static int l_http_hash(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  unsigned long long h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3ULL;
  }
  char out[17];
  static const char hex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, h >>= 4) out[i] = hex[h & 15];
  lua_pushlstring(L, out, 16);
  return 1;
}

/* Creates directory `path` (one level, mode 0755); true if it exists after. */
static int l_http_mkdir(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  struct stat st;
  if (mkdir(path, 0755) != 0 && errno != EEXIST) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, stat(path, &st) == 0 && S_ISDIR(st.st_mode));
  return 1;
}

/* Processors online: the default number of parse workers. */
static int l_http_cpus(lua_State *L) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  lua_pushinteger(L, n > 0 ? n : 1);
  return 1;
}

static int l_http_is_private(lua_State *L) {
  int r = ft_addr_is_private(luaL_checkstring(L, 1));
  if (r < 0) lua_pushnil(L);
  else lua_pushboolean(L, r);
  return 1;
}

/* libcurl is initialised once per process and stays (ft_global_init pins
 * it): curl_global_cleanup is never called, as libcurl allows. */
void l_fetch_open(lua_State *L) {
  if (ft_global_init()) luaL_error(L, "libcurl failed to initialise");
  static const luaL_Reg methods[] = {
    {"add", m_add},         {"perform", m_perform}, {"timeout", m_timeout},
    {"running", m_running}, {"fds", m_fds},         {"close", m_close},
    {"closed", m_closed},   {NULL, NULL},
  };
  static const luaL_Reg meta[] = {
    {"__gc", m_close}, {"__close", m_close}, {"__tostring", m_tostring}, {NULL, NULL},
  };
  ac_newclass(L, MULTI_MT, methods, meta);
  lua_pop(L, 1);
  static const luaL_Reg fns[] = {
    {"http_multi", l_http_multi}, {"http_now", l_http_now},
    {"http_sleep", l_http_sleep}, {"http_hash", l_http_hash},
    {"http_is_private", l_http_is_private}, {"http_mkdir", l_http_mkdir},
    {"http_cpus", l_http_cpus},
    {NULL, NULL},
  };
  ac_setfuncs(L, fns, 0);
  lua_pushstring(L, ft_curl_version());
  lua_setfield(L, -2, "curl_version");
}
