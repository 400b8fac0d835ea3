/*
 * compat.h — the one place that papers over Lua 5.1 / 5.2 / 5.3 / 5.4 / LuaJIT
 * API differences.  Binding files include this instead of lua.h directly.
 */
#ifndef ARTICLE_COMPAT_H
#define ARTICLE_COMPAT_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#define ART_EXPORT __attribute__((visibility("default")))

#if LUA_VERSION_NUM == 501
/* Lua 5.1 and LuaJIT: no uservalues, only environments, which must be tables. */
static inline void ac_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  for (; l->name; l++) {
    for (int i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
#define ac_rawlen(L, i)          lua_objlen((L), (i))
#define ac_setuservalue(L, i)    lua_setfenv((L), (i))
#define ac_getuservalue(L, i)    lua_getfenv((L), (i))
#define ac_newuserdata(L, sz)    lua_newuserdata((L), (sz))
static inline void *ac_testudata(lua_State *L, int ud, const char *tname) {
  void *p = lua_touserdata(L, ud);
  if (p == NULL || !lua_getmetatable(L, ud)) return NULL;
  luaL_getmetatable(L, tname);
  int same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? p : NULL;
}
#else
#define ac_setfuncs(L, l, n)     luaL_setfuncs((L), (l), (n))
#define ac_rawlen(L, i)          lua_rawlen((L), (i))
#define ac_testudata(L, i, t)    luaL_testudata((L), (i), (t))
#if LUA_VERSION_NUM >= 504
#define ac_setuservalue(L, i)    lua_setiuservalue((L), (i), 1)
#define ac_getuservalue(L, i)    ((void)lua_getiuservalue((L), (i), 1))
#define ac_newuserdata(L, sz)    lua_newuserdatauv((L), (sz), 1)
#else
#define ac_setuservalue(L, i)    lua_setuservalue((L), (i))
#define ac_getuservalue(L, i)    ((void)lua_getuservalue((L), (i)))
#define ac_newuserdata(L, sz)    lua_newuserdata((L), (sz))
#endif
#endif

/* Raises "bad argument #idx to 'f' (<tname> expected, got <type>)". */
static inline int ac_typeerror(lua_State *L, int idx, const char *tname) {
  const char *msg = lua_pushfstring(L, "%s expected, got %s", tname, luaL_typename(L, idx));
  return luaL_argerror(L, idx, msg);
}

/* A fresh table filled with functions, as luaL_newlib does on 5.2+. */
static inline void ac_newlib(lua_State *L, const luaL_Reg *l) {
  lua_newtable(L);
  ac_setfuncs(L, l, 0);
}

/* Creates (or fetches) metatable `name` with the methods in `methods` as its
 * __index and the metamethods in `meta` on it; leaves it on the stack. */
static inline void ac_newclass(lua_State *L, const char *name,
                               const luaL_Reg *methods, const luaL_Reg *meta) {
  if (luaL_newmetatable(L, name)) {
    if (meta) ac_setfuncs(L, meta, 0);
    lua_newtable(L);
    if (methods) ac_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
  }
}

#endif
