/*
 * binding.h — shared pieces of the Lua binding (the l_*.c files).  Only these
 * files include Lua headers; the C core (doc.c, extract.c, meta.c, ...) never
 * does, so no Lua error can longjmp through libxml2 or libcurl frames.
 */
#ifndef ARTICLE_BINDING_H
#define ARTICLE_BINDING_H

#include "compat.h"
#include "article.h"

#define ARTICLE_VERSION "0.1.0"

#define ARRAY_MT "article.array"   /* metatable marking tables that are JSON arrays */

/* Pushes s as a Lua string, repaired to valid UTF-8 if it is not.  NULL
 * pushes nil.  Stack: +1. */
void l_pushutf8(lua_State *L, const char *s, size_t len);
void l_pushstr(lua_State *L, const char *s);
/* The string at idx, which must really be a string (numbers are refused:
 * passing one where HTML belongs is a bug).  Raises naming the argument. */
const char *l_checkbytes(lua_State *L, int idx, size_t *len);
/* t[key] = s for the table at the top of the stack, skipped when s is NULL. */
void l_setstr(lua_State *L, const char *key, const char *s);
/* Pushes a new table marked as an array (ARRAY_MT).  Stack: +1. */
void l_newarray(lua_State *L, int narr);
/* Pushes an array of the strings in sv.  Stack: +1. */
void l_pusharray(lua_State *L, const strvec *sv);

/* Field writers for the article table at the top of the stack. */
void l_push_meta(lua_State *L, const art_meta *m);        /* l_meta.c */
void l_push_content(lua_State *L, const art_content *c);  /* l_content.c */
/* Pushes the whole article table for r.  Stack: +1. */
void l_push_article(lua_State *L, const art_result *r);

/* An art_result owned by a userdata, so a Lua error raised while the
 * result is being pushed cannot leak it: l_result_guard pushes the guard
 * (+1) and returns the zeroed result; l_result_release frees it early. */
art_result *l_result_guard(lua_State *L);
void l_result_release(art_result *r);

/* Reads the options table at index idx into o; raises on unknown keys and
 * wrong types.  `fname` names the function in messages.  String options
 * point into the table, valid while it stays on the stack. */
void l_parse_opts(lua_State *L, int idx, art_opts *o, const char *fname, int doc_only);

/* Each adds its functions to the module table at the top of the stack. */
void l_doc_open(lua_State *L);     /* l_doc.c: article.document handles */
void l_json_open(lua_State *L);    /* l_json.c: json encode/decode */
void l_fetch_open(lua_State *L);   /* l_fetch.c: HTTP */
void l_date_open(lua_State *L);    /* l_date.c: parse_date */
void l_bench_open(lua_State *L);   /* l_bench.c: bare libxml2 parse for make bench */

#endif
