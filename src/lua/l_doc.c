/*
 * l_doc.c — article.document(html, opts): the parsed tree as a Lua handle
 * with XPath queries, so users can write their own field extractors.
 *
 * A document userdata owns its xmlDoc.  Node userdata point into the tree
 * and keep the document userdata alive through their uservalue, so a node
 * never outlives its tree; after doc:close() both raise a clear error.
 */
#include "binding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "html/dom.h"

#define DOC_MT "article.document"
#define NODE_MT "article.node"
#define XPGUARD_MT "article.xpath_guard"

typedef struct ldoc {
  xmlDocPtr doc;             /* NULL once closed */
  doc_info info;
} ldoc;

typedef struct lnode {
  xmlNodePtr node;
  ldoc *owner;               /* kept alive by the node's uservalue */
} lnode;

/* XPath objects live here while results are pushed, so a Lua error (memory)
 * cannot leak them: __gc frees whatever is still held. */
typedef struct xpguard {
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj;
  char err[256];
} xpguard;

static void xpguard_release(xpguard *g) {
  if (g->obj) { xmlXPathFreeObject(g->obj); g->obj = NULL; }
  if (g->ctx) { xmlXPathFreeContext(g->ctx); g->ctx = NULL; }
}

static int xpguard_gc(lua_State *L) {
  xpguard_release(lua_touserdata(L, 1));
  return 0;
}

static ldoc *check_doc(lua_State *L, int idx) {
  ldoc *d = luaL_checkudata(L, idx, DOC_MT);
  if (!d->doc) luaL_error(L, "attempt to use a closed document");
  return d;
}

static lnode *check_node(lua_State *L, int idx) {
  lnode *n = luaL_checkudata(L, idx, NODE_MT);
  if (!n->owner->doc) luaL_error(L, "attempt to use a node of a closed document");
  return n;
}

/* Pushes a node handle for `node`; docidx is the stack index of the owning
 * document userdata (kept alive by the node). */
static void push_node(lua_State *L, xmlNodePtr node, int docidx) {
  ldoc *d = lua_touserdata(L, docidx);
  lnode *n = ac_newuserdata(L, sizeof *n);
  n->node = node;
  n->owner = d;
  luaL_getmetatable(L, NODE_MT);
  lua_setmetatable(L, -2);
  lua_createtable(L, 1, 0);  /* 5.1 environments must be tables */
  lua_pushvalue(L, docidx);
  lua_rawseti(L, -2, 1);
  ac_setuservalue(L, -2);
}

/* Pushes the document userdata a node belongs to. */
static void push_owner(lua_State *L, int nodeidx) {
  ac_getuservalue(L, nodeidx);
  lua_rawgeti(L, -1, 1);
  lua_remove(L, -2);
}

static void xpath_error(void *ud, xmlErrorPtr e) {
  xpguard *g = ud;
  if (!g->err[0] && e && e->message) {
    snprintf(g->err, sizeof g->err, "%s", e->message);
    size_t n = strlen(g->err);
    while (n > 0 && (g->err[n - 1] == '\n' || g->err[n - 1] == ' ')) g->err[--n] = '\0';
  }
}

/* Pushes the value of a node for a query result: element -> node handle,
 * attribute/text/comment -> its string. */
static void push_item(lua_State *L, xmlNodePtr it, int docidx) {
  if (it->type == XML_ELEMENT_NODE || it->type == XML_DOCUMENT_NODE ||
      it->type == XML_HTML_DOCUMENT_NODE) {
    if (it->type != XML_ELEMENT_NODE) it = xmlDocGetRootElement(it->doc);
    if (it) push_node(L, it, docidx);
    else lua_pushnil(L);
    return;
  }
  xmlChar *s = xmlNodeGetContent(it);
  l_pushstr(L, (const char *)s);
  xmlFree(s);
}

/* Evaluates expr with context node ctxnode; leaves the guard userdata on the
 * stack (+1) holding the result object.  Raises on an invalid expression. */
static xpguard *eval(lua_State *L, xmlDocPtr doc, xmlNodePtr ctxnode, const char *expr) {
  xpguard *g = ac_newuserdata(L, sizeof *g);
  memset(g, 0, sizeof *g);
  luaL_getmetatable(L, XPGUARD_MT);
  lua_setmetatable(L, -2);
  g->ctx = xmlXPathNewContext(doc);
  if (!g->ctx) luaL_error(L, "out of memory");
  g->ctx->error = xpath_error;
  g->ctx->userData = g;
  g->ctx->node = ctxnode ? ctxnode : (xmlNodePtr)doc;
  g->obj = xmlXPathEvalExpression(BAD_CAST expr, g->ctx);
  if (!g->obj) {
    char msg[300];
    snprintf(msg, sizeof msg, "%s", g->err[0] ? g->err : "evaluation failed");
    xpguard_release(g);
    luaL_error(L, "invalid XPath expression '%s': %s", expr, msg);
  }
  return g;
}

/* Shared by doc:xpath(expr [, node]) and node:xpath(expr). */
static int query(lua_State *L, int docidx, xmlNodePtr ctxnode, const char *expr) {
  ldoc *d = lua_touserdata(L, docidx);
  xpguard *g = eval(L, d->doc, ctxnode, expr);
  xmlXPathObjectPtr o = g->obj;
  switch (o->type) {
  case XPATH_NODESET: {
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    l_newarray(L, n);
    int k = 0;
    for (int i = 0; i < n; i++) {
      push_item(L, o->nodesetval->nodeTab[i], docidx);
      if (lua_isnil(L, -1)) lua_pop(L, 1);
      else lua_rawseti(L, -2, ++k);
    }
    break;
  }
  case XPATH_STRING: l_pushstr(L, (const char *)o->stringval); break;
  case XPATH_NUMBER: lua_pushnumber(L, o->floatval); break;
  case XPATH_BOOLEAN: lua_pushboolean(L, o->boolval); break;
  default: lua_pushnil(L); break;
  }
  xpguard_release(g);
  return 1;
}

/* First node of a node-set result, or NULL.  Leaves the guard on the stack. */
static xmlNodePtr first_match(lua_State *L, ldoc *d, xmlNodePtr ctxnode, const char *expr,
                              xpguard **gp) {
  xpguard *g = eval(L, d->doc, ctxnode, expr);
  *gp = g;
  if (g->obj->type != XPATH_NODESET || !g->obj->nodesetval || g->obj->nodesetval->nodeNr == 0)
    return NULL;
  return g->obj->nodesetval->nodeTab[0];
}

static void push_node_text(lua_State *L, xmlNodePtr n) {
  if (n->type == XML_ELEMENT_NODE) {
    char *s = dom_text(n);
    if (!s) luaL_error(L, "out of memory");
    lua_pushstring(L, s);  /* the tree is valid UTF-8 already */
    free(s);
  } else {
    xmlChar *s = xmlNodeGetContent(n);
    l_pushstr(L, (const char *)s);
    xmlFree(s);
  }
}

/* Pushes the HTML serialisation of n (the whole document when NULL), as
 * written, without the pretty-printer's added newlines. */
static void push_outer_html(lua_State *L, xmlDocPtr doc, xmlNodePtr n) {
  xmlBufferPtr b = xmlBufferCreate();
  xmlOutputBufferPtr out = b ? xmlOutputBufferCreateBuffer(b, NULL) : NULL;
  if (!out) {
    if (b) xmlBufferFree(b);
    luaL_error(L, "out of memory");
    return;
  }
  if (n) htmlNodeDumpFormatOutput(out, doc, n, "UTF-8", 0);
  else htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 0);
  xmlOutputBufferClose(out);  /* flushes into b */
  /* copy to a C string first: l_pushutf8 may raise, and b must be freed */
  size_t len = (size_t)xmlBufferLength(b);
  char *copy = malloc(len + 1);
  if (copy) memcpy(copy, xmlBufferContent(b), len);
  xmlBufferFree(b);
  if (!copy) { luaL_error(L, "out of memory"); return; }
  lua_pushlstring(L, copy, len);  /* the tree is UTF-8 already */
  free(copy);
}

/* ---------------------------------------------------------------- document */

/* article.core.document(html [, opts]) -> document | nil, message, kind */
static int l_document(lua_State *L) {
  size_t len;
  const char *html = l_checkbytes(L, 1, &len);
  art_opts o;
  l_parse_opts(L, 2, &o, "article.document", 1);
  ldoc *d = ac_newuserdata(L, sizeof *d);
  memset(d, 0, sizeof *d);
  luaL_getmetatable(L, DOC_MT);
  lua_setmetatable(L, -2);
  doc_opts dopts = {o.content_type, o.encoding, o.url};
  char err[256];
  d->doc = doc_parse_html(html, len, &dopts, &d->info, err, sizeof err);
  if (!d->doc) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    lua_pushliteral(L, "memory");
    return 3;
  }
  return 1;
}

/* doc:xpath(expr [, node]) -> array of nodes/strings | string | number | boolean */
static int doc_xpath(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const char *expr = luaL_checkstring(L, 2);
  xmlNodePtr ctx = NULL;
  if (!lua_isnoneornil(L, 3)) {
    lnode *n = check_node(L, 3);
    if (n->owner != d) luaL_argerror(L, 3, "node belongs to another document");
    ctx = n->node;
  }
  return query(L, 1, ctx, expr);
}

/* doc:text(expr) -> text of the first match (white space collapsed) or nil */
static int doc_text(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const char *expr = luaL_checkstring(L, 2);
  xpguard *g;
  xmlNodePtr n = first_match(L, d, NULL, expr, &g);
  if (n) push_node_text(L, n);
  else if (g->obj->type == XPATH_STRING && g->obj->stringval && g->obj->stringval[0])
    l_pushstr(L, (const char *)g->obj->stringval);
  else lua_pushnil(L);
  xpguard_release(g);
  return 1;
}

/* doc:texts(expr) -> array of the texts of all matches */
static int doc_texts(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const char *expr = luaL_checkstring(L, 2);
  xpguard *g = eval(L, d->doc, NULL, expr);
  xmlNodeSetPtr ns = g->obj->type == XPATH_NODESET ? g->obj->nodesetval : NULL;
  int n = ns ? ns->nodeNr : 0;
  l_newarray(L, n);
  for (int i = 0; i < n; i++) {
    push_node_text(L, ns->nodeTab[i]);
    lua_rawseti(L, -2, i + 1);
  }
  xpguard_release(g);
  return 1;
}

/* doc:attr(expr, name) -> attribute `name` of the first matching element */
static int doc_attr(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const char *expr = luaL_checkstring(L, 2);
  const char *name = luaL_checkstring(L, 3);
  xpguard *g;
  xmlNodePtr n = first_match(L, d, NULL, expr, &g);
  l_pushstr(L, n ? dom_attr(n, name) : NULL);
  xpguard_release(g);
  return 1;
}

/* doc:html([expr]) -> outer HTML of the first match, or of the whole document */
static int doc_html(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  if (lua_isnoneornil(L, 2)) {
    push_outer_html(L, d->doc, NULL);
    return 1;
  }
  const char *expr = luaL_checkstring(L, 2);
  xpguard *g;
  xmlNodePtr n = first_match(L, d, NULL, expr, &g);
  if (n) push_outer_html(L, d->doc, n);
  else lua_pushnil(L);
  xpguard_release(g);
  return 1;
}

/* doc:root() -> the <html> element */
static int doc_root(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  xmlNodePtr r = xmlDocGetRootElement(d->doc);
  if (r) push_node(L, r, 1);
  else lua_pushnil(L);
  return 1;
}

/* doc:encoding() -> name, source ("bom", "http", "meta", "detected", ...) */
static int doc_encoding(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  lua_pushstring(L, d->info.encoding);
  lua_pushstring(L, d->info.source ? d->info.source : "default");
  return 2;
}

/* doc:url() -> the URL given when parsing, or nil */
static int doc_url(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  l_pushstr(L, (const char *)d->doc->URL);
  return 1;
}

/* doc:article([opts]) -> article table, extracted from a copy of the tree so
 * the document stays as it was.  opts as for article.parse, minus the
 * parsing options (url defaults to the document's). */
static int doc_article(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  art_opts o;
  l_parse_opts(L, 2, &o, "document:article", 0);
  if (!o.url && d->doc->URL) o.url = (const char *)d->doc->URL;
  lua_settop(L, 2);
  art_result *r = l_result_guard(L);
  r->doc = d->info;
  xmlDocPtr copy = xmlCopyDoc(d->doc, 1);  /* extraction rewrites the tree it gets */
  if (!copy) {
    l_result_release(r);
    lua_pushnil(L);
    lua_pushliteral(L, "out of memory copying the document");
    lua_pushliteral(L, "memory");
    return 3;
  }
  char err[256];
  int rc = art_extract_doc(copy, &o, r, err, sizeof err);
  xmlFreeDoc(copy);
  if (rc != 0) {
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

/* doc:close(): frees the tree; later use raises.  Also __gc and __close. */
static int doc_close(lua_State *L) {
  ldoc *d = luaL_checkudata(L, 1, DOC_MT);
  if (d->doc) {
    xmlFreeDoc(d->doc);
    d->doc = NULL;
  }
  return 0;
}

static int doc_closed(lua_State *L) {
  ldoc *d = luaL_checkudata(L, 1, DOC_MT);
  lua_pushboolean(L, d->doc == NULL);
  return 1;
}

static int doc_tostring(lua_State *L) {
  ldoc *d = luaL_checkudata(L, 1, DOC_MT);
  if (d->doc) lua_pushfstring(L, "article.document (%p)", (void *)d);
  else lua_pushliteral(L, "article.document (closed)");
  return 1;
}

/* ---------------------------------------------------------------- nodes */

static int node_tag(lua_State *L) {
  lnode *n = check_node(L, 1);
  lua_pushstring(L, (const char *)n->node->name);
  return 1;
}

static int node_text(lua_State *L) {
  lnode *n = check_node(L, 1);
  push_node_text(L, n->node);
  return 1;
}

static int node_attr(lua_State *L) {
  lnode *n = check_node(L, 1);
  l_pushstr(L, dom_attr(n->node, luaL_checkstring(L, 2)));
  return 1;
}

static int node_attrs(lua_State *L) {
  lnode *n = check_node(L, 1);
  lua_newtable(L);
  for (xmlAttrPtr a = n->node->properties; a; a = a->next) {
    const char *v = dom_attr(n->node, (const char *)a->name);
    l_pushstr(L, v ? v : "");
    lua_setfield(L, -2, (const char *)a->name);
  }
  return 1;
}

static int node_html(lua_State *L) {
  lnode *n = check_node(L, 1);
  push_outer_html(L, n->owner->doc, n->node);
  return 1;
}

static int node_xpath(lua_State *L) {
  lnode *n = check_node(L, 1);
  const char *expr = luaL_checkstring(L, 2);
  lua_settop(L, 2);
  push_owner(L, 1);
  return query(L, 3, n->node, expr);
}

static int node_parent(lua_State *L) {
  lnode *n = check_node(L, 1);
  xmlNodePtr p = n->node->parent;
  if (!p || p->type != XML_ELEMENT_NODE) { lua_pushnil(L); return 1; }
  push_owner(L, 1);
  push_node(L, p, lua_gettop(L));
  return 1;
}

static int node_children(lua_State *L) {
  lnode *n = check_node(L, 1);
  push_owner(L, 1);
  int docidx = lua_gettop(L);
  l_newarray(L, 0);
  int k = 0;
  for (xmlNodePtr c = dom_first_element(n->node); c; c = dom_next_element(c)) {
    push_node(L, c, docidx);
    lua_rawseti(L, -2, ++k);
  }
  return 1;
}

static int node_eq(lua_State *L) {
  lnode *a = luaL_checkudata(L, 1, NODE_MT), *b = luaL_checkudata(L, 2, NODE_MT);
  lua_pushboolean(L, a->node == b->node && a->owner == b->owner);
  return 1;
}

static int node_tostring(lua_State *L) {
  lnode *n = luaL_checkudata(L, 1, NODE_MT);
  if (!n->owner->doc) lua_pushliteral(L, "article.node (closed document)");
  else lua_pushfstring(L, "article.node <%s>", (const char *)n->node->name);
  return 1;
}

void l_doc_open(lua_State *L) {
  static const luaL_Reg doc_methods[] = {
    {"xpath", doc_xpath}, {"text", doc_text}, {"texts", doc_texts}, {"attr", doc_attr},
    {"html", doc_html}, {"root", doc_root}, {"encoding", doc_encoding}, {"url", doc_url},
    {"article", doc_article}, {"close", doc_close}, {"closed", doc_closed}, {NULL, NULL}};
  static const luaL_Reg doc_meta[] = {
    {"__gc", doc_close}, {"__close", doc_close}, {"__tostring", doc_tostring}, {NULL, NULL}};
  static const luaL_Reg node_methods[] = {
    {"tag", node_tag}, {"text", node_text}, {"attr", node_attr}, {"attrs", node_attrs},
    {"html", node_html}, {"xpath", node_xpath}, {"parent", node_parent},
    {"children", node_children}, {NULL, NULL}};
  static const luaL_Reg node_meta[] = {
    {"__eq", node_eq}, {"__tostring", node_tostring}, {NULL, NULL}};
  static const luaL_Reg guard_meta[] = {{"__gc", xpguard_gc}, {NULL, NULL}};
  ac_newclass(L, DOC_MT, doc_methods, doc_meta);
  lua_pop(L, 1);
  ac_newclass(L, NODE_MT, node_methods, node_meta);
  lua_pop(L, 1);
  ac_newclass(L, XPGUARD_MT, NULL, guard_meta);
  lua_pop(L, 1);
  lua_pushcfunction(L, l_document);
  lua_setfield(L, -2, "document");
}
