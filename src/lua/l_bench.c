/* l_bench.c — core._bench_parse(html): bare libxml2 parsing (htmlReadMemory
 * + xmlFreeDoc) with nothing of ours around it, the reference that
 * `make bench` (bench/parse.lua) compares the full article.parse pipeline
 * against.  Not part of the public API. */
#include "binding.h"

#include <libxml/HTMLparser.h>

/* Plain recovering parse; libxml2 detects the encoding itself. */
#define BENCH_PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                             HTML_PARSE_NONET | HTML_PARSE_COMPACT)

/* Swallows libxml2's generic messages (encoding complaints on stderr). */
static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/* _bench_parse(html) -> boolean: whether libxml2 returned a tree.  Stack: +1. */
static int l_bench_parse(lua_State *L) {
  size_t len;
  const char *s = l_checkbytes(L, 1, &len);
  xmlGenericErrorFunc old = xmlGenericError;
  void *old_ctx = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(NULL, quiet);
  htmlDocPtr doc = len ? htmlReadMemory(s, (int)len, NULL, NULL, BENCH_PARSE_OPTIONS) : NULL;
  xmlSetGenericErrorFunc(old_ctx, old);
  lua_pushboolean(L, doc != NULL);
  if (doc) xmlFreeDoc(doc);
  return 1;
}

void l_bench_open(lua_State *L) {
  lua_pushcfunction(L, l_bench_parse);
  lua_setfield(L, -2, "_bench_parse");
}
