/* dom.c — tree helpers (see dom.h). */
#include "html/dom.h"

#include <stdlib.h>
#include <string.h>

const char *dom_tag(const xmlNode *n) {
  return (n && n->type == XML_ELEMENT_NODE && n->name) ? (const char *)n->name : "";
}

int dom_is(const xmlNode *n, const char *tag) {
  return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, tag) == 0;
}

const char *dom_attr(const xmlNode *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE) return NULL;
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    if (a->name && strcmp((const char *)a->name, name) == 0) {
      const xmlNode *c = a->children;
      if (!c) return "";
      if (c->type == XML_TEXT_NODE && c->content) return (const char *)c->content;
      return "";
    }
  }
  return NULL;
}

xmlNode *dom_first_element(const xmlNode *n) {
  for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return NULL;
}

xmlNode *dom_next_element(const xmlNode *n) {
  for (xmlNode *c = n ? n->next : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return NULL;
}

xmlNode *dom_next(const xmlNode *n, const xmlNode *root, int skip_children) {
  if (!skip_children && n->children && n->type != XML_ENTITY_REF_NODE) return n->children;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return NULL;
}

static int is_invisible_container(const xmlNode *n) {
  return dom_is(n, "script") || dom_is(n, "style") || dom_is(n, "template") ||
         dom_is(n, "noscript");
}

/* Appends text with white space runs collapsed; *space tracks whether the
 * buffer currently ends in a (collapsed) space. */
static void append_collapsed(buf *out, const unsigned char *p, int *space) {
  for (; p && *p; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' ||
        (p[0] == 0xC2 && p[1] == 0xA0)) {
      if (*p == 0xC2) p++;  /* no-break space */
      if (!*space && out->len > 0) { buf_addc(out, ' '); *space = 1; }
      continue;
    }
    const unsigned char *run = p;
    while (p[1] && p[1] != ' ' && p[1] != '\t' && p[1] != '\n' && p[1] != '\r' &&
           p[1] != '\f' && !(p[1] == 0xC2 && p[2] == 0xA0))
      p++;
    buf_add(out, (const char *)run, (size_t)(p - run + 1));
    *space = 0;
  }
}

void dom_append_text(buf *out, const xmlNode *root) {
  if (!root) return;
  int space = out->len > 0 && out->data[out->len - 1] == ' ';
  if (root->type == XML_TEXT_NODE || root->type == XML_CDATA_SECTION_NODE) {
    append_collapsed(out, root->content, &space);
    return;
  }
  for (const xmlNode *n = root->children; n;) {
    if (n->type == XML_ELEMENT_NODE && is_invisible_container(n)) {
      n = dom_next(n, root, 1);
      continue;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
      append_collapsed(out, n->content, &space);
    n = dom_next(n, root, 0);
  }
}

void dom_squash_space(char *s) {
  if (!s) return;
  char *w = s;
  int space = 1;  /* drops leading space */
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
      if (!space) { *w++ = ' '; space = 1; }
    } else if (p[0] == 0xC2 && p[1] == 0xA0) {
      if (!space) { *w++ = ' '; space = 1; }
      p++;
    } else {
      *w++ = (char)*p;
      space = 0;
    }
  }
  if (w > s && w[-1] == ' ') w--;
  *w = '\0';
}

char *dom_text(const xmlNode *n) {
  buf b = BUF_INIT;
  dom_append_text(&b, n);
  char *s = buf_detach(&b);
  dom_squash_space(s);
  return s;
}

char *dom_clean_dup(const char *s) {
  if (!s) return NULL;
  char *d = strdup(s);
  if (!d) return NULL;
  dom_squash_space(d);
  if (!*d) { free(d); return NULL; }
  return d;
}

xmlNode *dom_find(const xmlNode *root, const char *tag) {
  if (!root) return NULL;
  for (xmlNode *n = root->children; n; n = dom_next(n, root, 0))
    if (dom_is(n, tag)) return n;
  return NULL;
}

xmlNode *dom_html(const xmlDoc *doc) {
  xmlNode *r = doc ? xmlDocGetRootElement(doc) : NULL;
  return r;
}

xmlNode *dom_head(const xmlDoc *doc) {
  xmlNode *r = dom_html(doc);
  for (xmlNode *c = dom_first_element(r); c; c = dom_next_element(c))
    if (dom_is(c, "head")) return c;
  return NULL;
}

xmlNode *dom_body(const xmlDoc *doc) {
  xmlNode *r = dom_html(doc);
  for (xmlNode *c = dom_first_element(r); c; c = dom_next_element(c))
    if (dom_is(c, "body")) return c;
  return r ? dom_find(r, "body") : NULL;
}
