/*
 * jsonld.h — the page's JSON-LD (<script type="application/ld+json">) parsed
 * with json-c in its lenient mode, and the typed objects found in it.
 */
#ifndef ARTICLE_JSONLD_H
#define ARTICLE_JSONLD_H

#include <stddef.h>
#include <json.h>
#include <libxml/tree.h>

/* A typed object ("@type") found in the JSON-LD: borrowed from the roots. */
typedef struct ld_item {
  json_object *o;
  int depth;                 /* 0: a script's top object or a member of @graph */
} ld_item;

typedef struct jsonld {
  json_object **roots; size_t n_roots, cap_roots;   /* owned: one per parsed value */
  ld_item *items; size_t n_items, cap_items;        /* document order, then depth */
} jsonld;

/* Parses every JSON-LD script of doc into j (zeroed first).  Blocks that do
 * not parse are skipped; HTML comment and CDATA wrappers, raw control
 * characters and several values in one script are tolerated.  Returns 0, or
 * -1 when memory ran out (j is then still valid for jsonld_free). */
int jsonld_collect(xmlDocPtr doc, jsonld *j);
/* The same for one element, for callers that walk the tree anyway: parses
 * n into j (zeroed, or filled by earlier calls) when it is a JSON-LD
 * script, else does nothing.  Call it in document order.  Returns 0, or -1
 * when memory ran out (j is then still valid for jsonld_free). */
int jsonld_add_script(jsonld *j, const xmlNode *n);
void jsonld_free(jsonld *j);

/* True when o's @type (a string or an array of them) is one of types[0..n),
 * compared without a "schema:" / "http://schema.org/" prefix.  With
 * suffix non-NULL, a type ending in it matches too ("NewsArticle" for
 * "Article"). */
int ld_type_in(json_object *o, const char *const *types, size_t n, const char *suffix);
/* The value of key in object o, or NULL. */
json_object *ld_get(json_object *o, const char *key);
/* A string for key: the value itself, the first string of an array, or the
 * "@value" / "name" / "url" / "@id" of an object (in that order).  Borrowed;
 * NULL when absent or empty. */
const char *ld_str(json_object *o, const char *key);
/* The same for a value already fetched. */
const char *ld_value_str(json_object *v);

#endif
