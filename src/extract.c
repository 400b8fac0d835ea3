/* extract.c — main-content extraction (see extract.h).  First version: the
 * visible text of <body>, one paragraph per block element. */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "dom.h"

static int is_block(const xmlNode *n) {
  static const char *const BLOCKS[] = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "tr", "blockquote", "pre", "figure", "figcaption", "form", "br", "hr", NULL};
  const char *t = dom_tag(n);
  for (int i = 0; BLOCKS[i]; i++)
    if (strcmp(t, BLOCKS[i]) == 0) return 1;
  return 0;
}

/* Ends the current paragraph: blank line unless the buffer already ends one. */
static void para_break(buf *b) {
  while (b->len > 0 && b->data[b->len - 1] == ' ') buf_truncate(b, b->len - 1);
  if (b->len == 0) return;
  if (b->len >= 2 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n') return;
  buf_adds(b, b->data[b->len - 1] == '\n' ? "\n" : "\n\n");
}

int extract_content(xmlDocPtr doc, const art_opts *o, const art_meta *m, art_content *c) {
  (void)o; (void)m;
  memset(c, 0, sizeof *c);
  xmlNode *body = dom_body(doc);
  buf b = BUF_INIT;
  for (xmlNode *n = body ? body->children : NULL; n;) {
    if (n->type == XML_ELEMENT_NODE &&
        (dom_is(n, "script") || dom_is(n, "style") || dom_is(n, "noscript") ||
         dom_is(n, "template"))) {
      n = dom_next(n, body, 1);
      continue;
    }
    if (n->type == XML_TEXT_NODE) {
      size_t before = b.len;
      dom_append_text(&b, n);
      if (before == 0 && b.len && b.data[0] == ' ') {
        memmove(b.data, b.data + 1, b.len);
        b.len--;
      }
    } else if (is_block(n)) {
      para_break(&b);
    }
    /* leaving n (and maybe ancestors): a block's end also ends a paragraph */
    xmlNode *next = dom_next(n, body, 0);
    if (!(n->type == XML_ELEMENT_NODE && n->children && next == n->children)) {
      for (xmlNode *p = n; p && p != body; p = p->parent) {
        if (is_block(p)) para_break(&b);
        if (p->next) break;
      }
    }
    n = next;
  }
  para_break(&b);
  while (b.len > 0 && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
    buf_truncate(&b, b.len - 1);
  c->text = buf_detach(&b);
  if (!c->text) return -1;
  size_t words = 0;
  for (const char *p = c->text; *p;) {
    while (*p == ' ' || *p == '\n') p++;
    if (!*p) break;
    words++;
    while (*p && *p != ' ' && *p != '\n') p++;
  }
  c->word_count = words;
  c->is_article = words > 0;
  return 0;
}

void content_free(art_content *c) {
  free(c->text); free(c->html); free(c->markdown);
  for (size_t i = 0; i < c->n_images; i++) {
    free(c->images[i].url); free(c->images[i].alt); free(c->images[i].caption);
  }
  free(c->images);
  for (size_t i = 0; i < c->n_links; i++) { free(c->links[i].url); free(c->links[i].text); }
  free(c->links);
  memset(c, 0, sizeof *c);
}
