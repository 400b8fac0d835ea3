/* jsonld.c — JSON-LD blocks (see jsonld.h). */
#include "html/jsonld.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "html/dom.h"
#include "base/vec.h"

/* Nesting followed when looking for typed objects: the main item sits at
 * depth 0 or 1 (inside @graph, or as mainEntity of a WebPage); authors and
 * publishers one deeper. Deeper objects are reached through the items. */
#define LD_MAX_DEPTH 4
/* Typed objects kept at most (product feeds list thousands). */
#define LD_MAX_ITEMS 256
/* Scripts larger than this are data dumps, not page metadata. */
#define LD_MAX_SCRIPT (2u << 20)

static int push_root(jsonld *j, json_object *o) {
  if (vec_grow((void **)&j->roots, &j->cap_roots, j->n_roots, sizeof *j->roots) != 0) {
    json_object_put(o);
    return -1;
  }
  j->roots[j->n_roots++] = o;
  return 0;
}

static int push_item(jsonld *j, json_object *o, int depth) {
  if (j->n_items >= LD_MAX_ITEMS) return 0;
  if (vec_grow((void **)&j->items, &j->cap_items, j->n_items, sizeof *j->items) != 0)
    return -1;
  j->items[j->n_items].o = o;
  j->items[j->n_items].depth = depth;
  j->n_items++;
  return 0;
}

/* Walks v breadth-first (an explicit queue, so nesting depth cannot blow
 * the stack), adding the typed objects at depth <= LD_MAX_DEPTH. */
static int collect_items(jsonld *j, json_object *v) {
  struct qe { json_object *o; int depth; } *q = NULL;
  size_t qn = 0, qcap = 0, qi = 0;
  int rc = 0;
  if (vec_grow((void **)&q, &qcap, qn, sizeof *q) != 0) return -1;
  q[qn].o = v; q[qn].depth = 0; qn++;
  while (qi < qn && rc == 0) {
    json_object *o = q[qi].o;
    int depth = q[qi].depth;
    qi++;
    if (json_object_is_type(o, json_type_array)) {
      size_t n = json_object_array_length(o);
      for (size_t i = 0; i < n && rc == 0; i++) {
        if (vec_grow((void **)&q, &qcap, qn, sizeof *q) != 0) { rc = -1; break; }
        q[qn].o = json_object_array_get_idx(o, i);
        q[qn].depth = depth;   /* arrays do not add a level */
        qn++;
      }
      continue;
    }
    if (!json_object_is_type(o, json_type_object)) continue;
    int typed = ld_get(o, "@type") != NULL;
    if (typed && push_item(j, o, depth) != 0) { rc = -1; break; }
    if (depth >= LD_MAX_DEPTH) continue;
    json_object_object_foreach(o, key, val) {
      if (!json_object_is_type(val, json_type_object) &&
          !json_object_is_type(val, json_type_array))
        continue;
      /* @graph members are top-level items; everything else nests. */
      int d = strcmp(key, "@graph") == 0 ? depth : depth + 1;
      if (vec_grow((void **)&q, &qcap, qn, sizeof *q) != 0) { rc = -1; break; }
      q[qn].o = val; q[qn].depth = d; qn++;
    }
  }
  free(q);
  return rc;
}

/* Strips the wrappers pages put around JSON-LD and turns raw control
 * characters (invalid inside JSON strings, common in hand-written blocks)
 * into spaces.  Returns the cleaned text in b. */
static void clean_script(buf *b, const char *s) {
  while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t') s++;
  static const char *const OPENERS[] = {"<!--", "//<![CDATA[", "<![CDATA[", "/*<![CDATA[*/"};
  for (size_t i = 0; i < sizeof OPENERS / sizeof OPENERS[0]; i++) {
    size_t l = strlen(OPENERS[i]);
    if (strncmp(s, OPENERS[i], l) == 0) { s += l; break; }
  }
  for (; *s; s++) buf_addc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
  /* trailing wrappers and semicolons */
  for (;;) {
    while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == ';'))
      buf_truncate(b, b->len - 1);
    static const char *const CLOSERS[] = {"-->", "//]]>", "]]>", "/*]]>*/"};
    int cut = 0;
    for (size_t i = 0; i < sizeof CLOSERS / sizeof CLOSERS[0]; i++) {
      size_t l = strlen(CLOSERS[i]);
      if (b->len >= l && memcmp(b->data + b->len - l, CLOSERS[i], l) == 0) {
        buf_truncate(b, b->len - l);
        cut = 1;
      }
    }
    if (!cut) break;
  }
}

/* Parses one script's text: possibly several values in a row. */
static int parse_script(jsonld *j, const char *text) {
  buf b = BUF_INIT;
  clean_script(&b, text);
  if (b.oom) { buf_free(&b); return -1; }
  if (b.len == 0) { buf_free(&b); return 0; }
  json_tokener *tok = json_tokener_new();
  if (!tok) { buf_free(&b); return -1; }
  const char *p = b.data;
  size_t left = b.len;
  int rc = 0;
  while (left > 0) {
    while (left && (*p == ' ' || *p == ',' || *p == ';')) { p++; left--; }
    if (!left) break;
    json_tokener_reset(tok);
    json_object *o = json_tokener_parse_ex(tok, p, (int)left);
    if (!o) break;   /* broken beyond the lenient parser: keep what we have */
    size_t used = json_tokener_get_parse_end(tok);
    if (push_root(j, o) != 0 || collect_items(j, o) != 0) { rc = -1; break; }
    if (used == 0 || used > left) break;
    p += used;
    left -= used;
  }
  json_tokener_free(tok);
  buf_free(&b);
  return rc;
}

int jsonld_add_script(jsonld *j, const xmlNode *n) {
  if (!dom_is(n, "script")) return 0;
  const char *type = dom_attr(n, "type");
  if (!type || strncasecmp(type, "application/ld+json", 19) != 0) return 0;
  buf t = BUF_INIT;
  for (xmlNode *c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
        t.len < LD_MAX_SCRIPT)
      buf_adds(&t, (const char *)c->content);
  if (t.oom) { buf_free(&t); return -1; }
  int rc = t.len ? parse_script(j, t.data) : 0;
  buf_free(&t);
  return rc;
}

int jsonld_collect(xmlDocPtr doc, jsonld *j) {
  memset(j, 0, sizeof *j);
  xmlNode *root = xmlDocGetRootElement(doc);
  for (xmlNode *n = root; n; n = dom_next(n, root, 0))
    if (jsonld_add_script(j, n) != 0) return -1;
  return 0;
}

void jsonld_free(jsonld *j) {
  for (size_t i = 0; i < j->n_roots; i++) json_object_put(j->roots[i]);
  free(j->roots);
  free(j->items);
  memset(j, 0, sizeof *j);
}

json_object *ld_get(json_object *o, const char *key) {
  json_object *v = NULL;
  if (!o || !json_object_is_type(o, json_type_object)) return NULL;
  if (!json_object_object_get_ex(o, key, &v)) return NULL;
  if (json_object_is_type(v, json_type_null)) return NULL;
  return v;
}

/* The type name without a vocabulary prefix. */
static const char *bare_type(const char *t) {
  static const char *const PREFIXES[] = {"http://schema.org/", "https://schema.org/",
                                         "schema:", "http://schema.org", "https://schema.org"};
  for (size_t i = 0; i < sizeof PREFIXES / sizeof PREFIXES[0]; i++) {
    size_t l = strlen(PREFIXES[i]);
    if (strncasecmp(t, PREFIXES[i], l) == 0) return t + l;
  }
  return t;
}

static int type_matches(const char *t, const char *const *types, size_t n, const char *suffix) {
  t = bare_type(t);
  for (size_t i = 0; i < n; i++)
    if (strcasecmp(t, types[i]) == 0) return 1;
  if (suffix) {
    size_t lt = strlen(t), ls = strlen(suffix);
    if (lt >= ls && strcasecmp(t + lt - ls, suffix) == 0) return 1;
  }
  return 0;
}

int ld_type_in(json_object *o, const char *const *types, size_t n, const char *suffix) {
  json_object *t = ld_get(o, "@type");
  if (!t) return 0;
  if (json_object_is_type(t, json_type_string))
    return type_matches(json_object_get_string(t), types, n, suffix);
  if (json_object_is_type(t, json_type_array)) {
    size_t len = json_object_array_length(t);
    for (size_t i = 0; i < len; i++) {
      json_object *e = json_object_array_get_idx(t, i);
      if (json_object_is_type(e, json_type_string) &&
          type_matches(json_object_get_string(e), types, n, suffix))
        return 1;
    }
  }
  return 0;
}

static const char *nonempty(const char *s) {
  if (!s) return NULL;
  for (const char *p = s; *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return s;
  return NULL;
}

const char *ld_value_str(json_object *v) {
  if (!v) return NULL;
  if (json_object_is_type(v, json_type_string)) return nonempty(json_object_get_string(v));
  if (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double))
    return json_object_get_string(v);
  if (json_object_is_type(v, json_type_array)) {
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n; i++) {
      json_object *e = json_object_array_get_idx(v, i);
      if (json_object_is_type(e, json_type_array)) continue;  /* one level only */
      const char *s = ld_value_str(e);
      if (s) return s;
    }
    return NULL;
  }
  if (json_object_is_type(v, json_type_object)) {
    static const char *const KEYS[] = {"@value", "name", "url", "@id"};
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
      json_object *e = ld_get(v, KEYS[i]);
      if (e && json_object_is_type(e, json_type_string)) {
        const char *s = nonempty(json_object_get_string(e));
        if (s) return s;
      }
    }
  }
  return NULL;
}

const char *ld_str(json_object *o, const char *key) { return ld_value_str(ld_get(o, key)); }
