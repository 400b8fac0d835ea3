/* output.c — the outputs of extraction: plain text, clean HTML, Markdown, and
 * the content's images and links (see extract_int.h).  Each output is one
 * iterative walk over the content roots that skips what the passes dropped. */
#include "extract/extract_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/uri.h>

#include "html/dom.h"
#include "extract/rules.h"

/* ------------------------------------------------------------------ walk */

typedef struct visitor {
  /* 0: skip the element; 1: descend (leave follows) */
  int (*enter)(void *ud, xmlNode *n);
  void (*leave)(void *ud, xmlNode *n);
  void (*text)(void *ud, xmlNode *n);
} visitor;

static int visible(const xctx *c, xmlNode *n) {
  const xinfo *x = xi(n);
  if (!x || (x->flags & (XF_SKIP | XF_CLEANED))) return 0;
  if (!c->o->include_tables && (x->flags & XF_TABLE) && xs_data_table(n)) return 0;
  return 1;
}

/* Whether the inline content at n belongs to a muted block: the nearest
 * block ancestor (or n itself) decides. */
static int muted_at(const xmlNode *n, const xmlNode *root) {
  for (int d = 0; n && d < RULES_MAX_DEPTH; d++, n = n->parent) {
    const xinfo *x = xi(n);
    if (x && (x->flags & XF_BLOCK)) return (x->flags & XF_MUTED) != 0;
    if (n == root) break;
  }
  return 0;
}

/* Walks the roots in document order.  Inside a muted block the inline
 * content is passed over ("ghost" elements: neither entered nor left) but
 * its images are still emitted: a rejected line of text does not take the
 * article's pictures with it. */
static void walk(xctx *c, const visitor *v, void *ud) {
  for (size_t r = 0; r < c->n_roots; r++) {
    xmlNode *root = c->roots[r];
    xmlNode *n = root;
    int muted = 0;
    while (n) {
      int down = 0, ghost = 0;
      if (n->type == XML_ELEMENT_NODE) {
        const xinfo *x = xi(n);
        int block = x && (x->flags & XF_BLOCK);
        if (!visible(c, n)) {
          /* skipped with its subtree */
        } else if (!muted || block) {
          down = v->enter(ud, n);
          if (down && block) muted = (x->flags & XF_MUTED) != 0;
        } else if (x->flags & XF_IMG) {
          if (v->enter(ud, n)) v->leave(ud, n);
        } else {
          ghost = 1;
        }
      } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (!muted) v->text(ud, n);
      }
      if ((down || ghost) && n->children) { n = n->children; continue; }
      if (down) {
        v->leave(ud, n);
        if (xi(n) && (xi(n)->flags & XF_BLOCK)) muted = muted_at(n->parent, root);
      }
      while (n != root && !n->next) {
        n = n->parent;
        const xinfo *x = xi(n);
        int block = x && (x->flags & XF_BLOCK);
        /* an inline element in a muted block was a ghost: never entered */
        if (!block && n != root && muted_at(n, root)) continue;
        v->leave(ud, n);
        if (block) muted = muted_at(n->parent, root);
      }
      if (n == root) break;
      n = n->next;
    }
  }
}

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends s with white space collapsed; no space at a line start. */
static void add_collapsed(buf *b, const char *s, int (*esc)(buf *, unsigned char)) {
  const unsigned char *p = (const unsigned char *)s;
  while (p && *p) {
    int sp = is_space(*p) || (p[0] == 0xC2 && p[1] == 0xA0);
    if (sp) {
      p += *p == 0xC2 ? 2 : 1;
      if (b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
        buf_addc(b, ' ');
      continue;
    }
    if (esc) {
      if (!esc(b, *p)) buf_addc(b, (char)*p);
      p++;
      continue;
    }
    /* a run of non-space bytes in one copy */
    const unsigned char *q = p + 1;
    while (*q && !is_space(*q) && !(q[0] == 0xC2 && q[1] == 0xA0)) q++;
    buf_add(b, (const char *)p, (size_t)(q - p));
    p = q;
  }
}

static void trim_spaces(buf *b) {
  while (b->len && b->data[b->len - 1] == ' ') buf_truncate(b, b->len - 1);
}

/* Ends the current line (n=1) or paragraph (n=2). */
static void breaks(buf *b, int n) {
  trim_spaces(b);
  if (!b->len) return;
  int have = 0;
  while (have < (int)b->len && have < 2 && b->data[b->len - 1 - have] == '\n') have++;
  for (; have < n; have++) buf_addc(b, '\n');
}

static void finish_text(buf *b) {
  while (b->len && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == ' '))
    buf_truncate(b, b->len - 1);
}

static int tag_is(const xmlNode *n, const char *t) { return strcmp(dom_tag(n), t) == 0; }

/* Line-level blocks (one line each inside their list / table). */
static int line_block(const xmlNode *n) {
  return tag_is(n, "li") || tag_is(n, "tr") || tag_is(n, "dt") || tag_is(n, "dd");
}

/* ------------------------------------------------------------------ text */

typedef struct tstate { xctx *c; buf b; int pre; } tstate;

static int t_enter(void *ud, xmlNode *n) {
  tstate *s = ud;
  const xinfo *x = xi(n);
  if (x->flags & XF_EMBED) return 0;   /* fallback text of frames and players */
  if (x->flags & XF_PRE) s->pre++;
  if (tag_is(n, "br")) {
    /* a line break; a run of them is one paragraph break at most */
    trim_spaces(&s->b);
    if (s->b.len && !(s->b.len >= 2 && s->b.data[s->b.len - 1] == '\n' &&
                      s->b.data[s->b.len - 2] == '\n'))
      buf_addc(&s->b, '\n');
    return 0;
  }
  if (tag_is(n, "td") || tag_is(n, "th")) {
    if (s->b.len && s->b.data[s->b.len - 1] != '\n') buf_addc(&s->b, ' ');
    return 1;
  }
  if (x->flags & XF_BLOCK) breaks(&s->b, line_block(n) ? 1 : 2);
  return 1;
}

static void t_leave(void *ud, xmlNode *n) {
  tstate *s = ud;
  const xinfo *x = xi(n);
  if (!x) return;
  if (x->flags & XF_PRE) s->pre--;
  if (tag_is(n, "td") || tag_is(n, "th")) return;
  if (x->flags & XF_BLOCK) breaks(&s->b, line_block(n) ? 1 : 2);
}

static void t_text(void *ud, xmlNode *n) {
  tstate *s = ud;
  if (s->pre > 0) {
    /* keep the layout of code, but never more than one blank line */
    for (const char *p = (const char *)n->content; p && *p; p++) {
      if (*p == '\r') continue;
      if (*p == '\n' && s->b.len >= 2 && s->b.data[s->b.len - 1] == '\n' &&
          s->b.data[s->b.len - 2] == '\n')
        continue;
      buf_addc(&s->b, *p);
    }
    return;
  }
  add_collapsed(&s->b, (const char *)n->content, NULL);
}

char *xt_text(xctx *c) {
  tstate s = {c, BUF_INIT, 0};
  visitor v = {t_enter, t_leave, t_text};
  walk(c, &v, &s);
  finish_text(&s.b);
  if (s.b.oom) { buf_free(&s.b); return NULL; }
  return buf_detach(&s.b);
}

/* ------------------------------------------------------------------ urls */

xmlChar *xt_abs_url(const xctx *c, const char *ref, int allow_data) {
  if (!ref) return NULL;
  while (is_space((unsigned char)*ref)) ref++;
  if (!*ref) return NULL;
  /* scheme check on the raw value, ignoring case and embedded controls */
  char scheme[16];
  size_t k = 0;
  for (const char *p = ref; *p && *p != ':' && k < sizeof scheme - 1; p++)
    if (!is_space((unsigned char)*p)) scheme[k++] = (char)tolower((unsigned char)*p);
  scheme[k] = '\0';
  if (strchr(ref, ':')) {
    if (!strcmp(scheme, "javascript") || !strcmp(scheme, "vbscript")) return NULL;
    if (!strcmp(scheme, "data"))
      return allow_data && !strncasecmp(ref, "data:image/", 11) ? xmlStrdup(BAD_CAST ref) : NULL;
  }
  if (!c->base) return xmlStrdup(BAD_CAST ref);
  xmlChar *u = xmlBuildURI(BAD_CAST ref, c->base);
  if (!u) {
    /* unescaped characters make xmlBuildURI give up: escape and retry */
    xmlChar *esc = xmlURIEscapeStr(BAD_CAST ref, BAD_CAST ":/?#[]@!$&'()*+,;=%~");
    if (esc) { u = xmlBuildURI(esc, c->base); xmlFree(esc); }
  }
  return u ? u : xmlStrdup(BAD_CAST ref);
}

/* ------------------------------------------------------------------ html */

enum { K_NONE = 0, K_EMIT = 1, K_BLOCK = 2 };

typedef struct frame { size_t pos; unsigned char kind; unsigned char inl; } frame;

typedef struct hstate {
  xctx *c;
  art_content *out;
  buf b;
  frame *st; size_t n, cap;
  int inl;        /* open elements that take inline content */
  int auto_p;     /* a <p> we opened for loose inline content */
  int pre;
  int oom;
} hstate;

static void esc_html(buf *b, const char *s, int attr) {
  for (; s && *s; s++) {
    switch (*s) {
      case '&': buf_adds(b, "&amp;"); break;
      case '<': buf_adds(b, "&lt;"); break;
      case '>': buf_adds(b, "&gt;"); break;
      case '"': if (attr) { buf_adds(b, "&quot;"); break; } /* fall through */
      default: buf_addc(b, *s);
    }
  }
}

static int esc_html_c(buf *b, unsigned char c) {
  if (c == '&') { buf_adds(b, "&amp;"); return 1; }
  if (c == '<') { buf_adds(b, "&lt;"); return 1; }
  if (c == '>') { buf_adds(b, "&gt;"); return 1; }
  return 0;
}

static void attr_out(buf *b, const char *name, const char *v) {
  if (!v) return;
  buf_printf(b, " %s=\"", name);
  esc_html(b, v, 1);
  buf_addc(b, '"');
}

static void close_auto_p(hstate *s) {
  if (!s->auto_p) return;
  trim_spaces(&s->b);
  /* an auto <p> that got nothing but spaces is removed */
  if (s->b.len >= 3 && !memcmp(s->b.data + s->b.len - 3, "<p>", 3))
    buf_truncate(&s->b, s->b.len - 3);
  else buf_adds(&s->b, "</p>\n");
  s->auto_p = 0;
}

static void open_auto_p(hstate *s) {
  if (s->inl > 0 || s->auto_p) return;
  buf_adds(&s->b, "<p>");
  s->auto_p = 1;
}

static int is_void(const char *t) {
  return !strcmp(t, "br") || !strcmp(t, "hr") || !strcmp(t, "img") || !strcmp(t, "source");
}

static int push_frame(hstate *s, unsigned char kind, unsigned char inl) {
  if (vec_grow((void **)&s->st, &s->cap, s->n, sizeof *s->st) != 0) { s->oom = 1; return -1; }
  s->st[s->n++] = (frame){s->b.len, kind, inl};
  return 0;
}

static int to_int(const char *v) {
  if (!v) return 0;
  long l = strtol(v, NULL, 10);
  return (l > 0 && l < 100000) ? (int)l : 0;
}

static void add_image(hstate *s, xmlNode *n, const xmlChar *url) {
  art_content *o = s->out;
  if (!strncmp((const char *)url, "data:", 5)) return;
  for (size_t i = 0; i < o->n_images; i++)
    if (!strcmp(o->images[i].url, (const char *)url)) return;
  if (vec_grow((void **)&o->images, &o->cap_images, o->n_images, sizeof *o->images) != 0) {
    s->oom = 1;
    return;
  }
  art_image *im = &o->images[o->n_images];
  memset(im, 0, sizeof *im);
  im->url = strdup((const char *)url);
  if (!im->url) { s->oom = 1; return; }
  o->n_images++;
  im->alt = dom_clean_dup(dom_attr(n, "alt"));
  /* the caption of the figure holding the image */
  for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    if (dom_is(p, "figure")) {
      for (const xmlNode *f = p->children; f; f = dom_next(f, p, 0))
        if (dom_is(f, "figcaption")) { im->caption = dom_text(f); break; }
      if (im->caption && !*im->caption) { free(im->caption); im->caption = NULL; }
      break;
    }
    if (p == s->c->body) break;
  }
  im->width = to_int(dom_attr(n, "width"));
  im->height = to_int(dom_attr(n, "height"));
}

static void add_link(hstate *s, xmlNode *n, const xmlChar *url) {
  art_content *o = s->out;
  if (vec_grow((void **)&o->links, &o->cap_links, o->n_links, sizeof *o->links) != 0) {
    s->oom = 1;
    return;
  }
  art_link *l = &o->links[o->n_links];
  l->url = strdup((const char *)url);
  l->text = dom_text(n);
  if (!l->url || !l->text) { free(l->url); free(l->text); s->oom = 1; return; }
  o->n_links++;
}

static int h_enter(void *ud, xmlNode *n) {
  hstate *s = ud;
  const xinfo *x = xi(n);
  const char *tag = dom_tag(n);
  unsigned tb = rules_tag_sets(tag);
  int is_img = (x->flags & XF_IMG) != 0;
  if (is_img) {
    if (!s->c->o->include_images) return 0;
    xmlChar *u = xt_abs_url(s->c, dom_attr(n, "src"), 1);
    if (!u) return 0;
    add_image(s, n, u);
    buf_adds(&s->b, "<img");
    attr_out(&s->b, "src", (const char *)u);
    xmlFree(u);
    attr_out(&s->b, "alt", dom_attr(n, "alt"));
    if (to_int(dom_attr(n, "width"))) attr_out(&s->b, "width", dom_attr(n, "width"));
    if (to_int(dom_attr(n, "height"))) attr_out(&s->b, "height", dom_attr(n, "height"));
    buf_adds(&s->b, ">");
    return 0;
  }
  if (!strcmp(tag, "iframe")) {
    const char *src = dom_attr(n, "src");
    if (!s->c->o->include_images || !rules_video_src(src)) return 0;
    xmlChar *u = xt_abs_url(s->c, src, 0);
    if (!u) return 0;
    close_auto_p(s);
    buf_adds(&s->b, "<iframe");
    attr_out(&s->b, "src", (const char *)u);
    xmlFree(u);
    if (to_int(dom_attr(n, "width"))) attr_out(&s->b, "width", dom_attr(n, "width"));
    if (to_int(dom_attr(n, "height"))) attr_out(&s->b, "height", dom_attr(n, "height"));
    buf_adds(&s->b, " allowfullscreen></iframe>\n");
    return 0;
  }
  if (!strcmp(tag, "br")) {
    if (s->inl > 0 || s->auto_p) buf_adds(&s->b, "<br>");
    return 0;
  }
  if ((tb & RT_HTML) && !(!strcmp(tag, "a") && !s->c->o->include_links) &&
      !((!strcmp(tag, "video") || !strcmp(tag, "audio") || !strcmp(tag, "source") ||
         !strcmp(tag, "picture")) && !s->c->o->include_images)) {
    int block = (x->flags & XF_BLOCK) != 0 || !strcmp(tag, "hr");
    int flow = (tb & RT_FLOW) != 0;
    if (block) close_auto_p(s);
    else open_auto_p(s);
    if (push_frame(s, K_EMIT, !flow) != 0) return 0;
    if (!flow) s->inl++;
    if (x->flags & XF_PRE) s->pre++;
    buf_printf(&s->b, "<%s", tag);
    if (!strcmp(tag, "a")) {
      xmlChar *u = xt_abs_url(s->c, dom_attr(n, "href"), 0);
      if (u) {
        attr_out(&s->b, "href", (const char *)u);
        add_link(s, n, u);
        xmlFree(u);
      }
    } else if (!strcmp(tag, "td") || !strcmp(tag, "th")) {
      if (to_int(dom_attr(n, "colspan")) > 1) attr_out(&s->b, "colspan", dom_attr(n, "colspan"));
      if (to_int(dom_attr(n, "rowspan")) > 1) attr_out(&s->b, "rowspan", dom_attr(n, "rowspan"));
    } else if (!strcmp(tag, "ol")) {
      if (to_int(dom_attr(n, "start"))) attr_out(&s->b, "start", dom_attr(n, "start"));
    } else if (!strcmp(tag, "time")) {
      attr_out(&s->b, "datetime", dom_attr(n, "datetime"));
    } else if (!strcmp(tag, "video") || !strcmp(tag, "audio") || !strcmp(tag, "source")) {
      xmlChar *u = xt_abs_url(s->c, dom_attr(n, "src"), 0);
      if (u) { attr_out(&s->b, "src", (const char *)u); xmlFree(u); }
      if (!strcmp(tag, "source")) attr_out(&s->b, "type", dom_attr(n, "type"));
      else buf_adds(&s->b, " controls");
    }
    buf_adds(&s->b, ">");
    if (is_void(tag)) {
      s->n--;
      if (!flow) s->inl--;
      if (block) buf_addc(&s->b, '\n');
      return 0;
    }
    s->st[s->n - 1].pos = s->b.len;   /* content starts here */
    return 1;
  }
  /* unwrapped: blocks end the loose paragraph, inline elements vanish */
  int block = (x->flags & XF_BLOCK) != 0;
  if (block) close_auto_p(s);
  if (x->flags & XF_PRE) s->pre++;
  if (push_frame(s, block ? K_BLOCK : K_NONE, 0) != 0) return 0;
  return 1;
}

static void h_leave(void *ud, xmlNode *n) {
  hstate *s = ud;
  const xinfo *x = xi(n);
  if (!x || !s->n) return;
  frame f = s->st[--s->n];
  if (x->flags & XF_PRE) s->pre--;
  if (f.kind == K_BLOCK) { close_auto_p(s); return; }
  if (f.kind != K_EMIT) return;
  const char *tag = dom_tag(n);
  int block = (x->flags & XF_BLOCK) != 0;
  if (f.inl) s->inl--;
  if (block) close_auto_p(s);
  /* drop elements left empty (their content was all boilerplate) */
  int empty = 1;
  for (size_t i = f.pos; i < s->b.len; i++)
    if (!is_space((unsigned char)s->b.data[i])) { empty = 0; break; }
  if (empty && strcmp(tag, "td") && strcmp(tag, "th")) {
    size_t open = f.pos;
    while (open > 0 && s->b.data[open - 1] != '<') open--;
    if (open > 0) buf_truncate(&s->b, open - 1);
    return;
  }
  if (!s->pre) trim_spaces(&s->b);
  buf_printf(&s->b, "</%s>", tag);
  if (block) buf_addc(&s->b, '\n');
}

static void h_text(void *ud, xmlNode *n) {
  hstate *s = ud;
  const char *t = (const char *)n->content;
  if (!t) return;
  if (s->pre) { esc_html(&s->b, t, 0); return; }
  const char *p = t;
  while (*p && (is_space((unsigned char)*p) || ((unsigned char)p[0] == 0xC2 &&
                                                 (unsigned char)p[1] == 0xA0)))
    p += ((unsigned char)*p == 0xC2) ? 2 : 1;
  if (!*p) {
    if (s->inl > 0 || s->auto_p) add_collapsed(&s->b, " ", NULL);
    return;
  }
  open_auto_p(s);
  if (s->b.len && (s->b.data[s->b.len - 1] == '>' || s->b.data[s->b.len - 1] == '\n')) {
    /* no leading space right after an opening block tag */
    size_t l = s->b.len;
    while (l > 0 && s->b.data[l - 1] != '<') l--;
    if (l > 0 && (s->b.data[l] == '/' || !strncmp(s->b.data + l, "a ", 2) ||
                  !strncmp(s->b.data + l, "a>", 2)))
      add_collapsed(&s->b, t, esc_html_c);
    else
      add_collapsed(&s->b, p, esc_html_c);
    return;
  }
  add_collapsed(&s->b, t, esc_html_c);
}

/* ------------------------------------------------------------- markdown */

typedef struct lvl { char ordered; int count; } lvl;

typedef struct mstate {
  xctx *c;
  buf b;
  size_t *pos; size_t n, cap;   /* start of each open element's output */
  lvl lists[32]; int depth;     /* list nesting */
  int pre, quote, cells, row, oom;
} mstate;

static int esc_md_c(buf *b, unsigned char c) {
  if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '\\') {
    buf_addc(b, '\\');
    buf_addc(b, (char)c);
    return 1;
  }
  return 0;
}

static int heading_level(const xmlNode *n) {
  const char *t = dom_tag(n);
  return (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2]) ? t[1] - '0' : 0;
}

static int m_enter(void *ud, xmlNode *n) {
  mstate *s = ud;
  const xinfo *x = xi(n);
  const char *tag = dom_tag(n);
  if (vec_grow((void **)&s->pos, &s->cap, s->n, sizeof *s->pos) != 0) { s->oom = 1; return 0; }
  if ((x->flags & XF_EMBED) && !(x->flags & XF_IMG)) return 0;
  if (x->flags & XF_IMG) {
    if (!s->c->o->include_images) return 0;
    xmlChar *u = xt_abs_url(s->c, dom_attr(n, "src"), 0);
    if (!u) return 0;
    buf_adds(&s->b, "![");
    add_collapsed(&s->b, dom_attr(n, "alt"), esc_md_c);
    buf_printf(&s->b, "](%s)", (const char *)u);
    xmlFree(u);
    return 0;
  }
  if (!strcmp(tag, "br")) {
    trim_spaces(&s->b);
    buf_adds(&s->b, s->cells ? " " : "  \n");
    return 0;
  }
  if (!strcmp(tag, "hr")) { breaks(&s->b, 2); buf_adds(&s->b, "---\n\n"); return 0; }
  int h = heading_level(n);
  if (h) {
    breaks(&s->b, 2);
    for (int i = 0; i < h; i++) buf_addc(&s->b, '#');
    buf_addc(&s->b, ' ');
  }
  else if (!strcmp(tag, "ul") || !strcmp(tag, "ol")) {
    if (s->depth == 0) breaks(&s->b, 2); else breaks(&s->b, 1);
    if (s->depth < 32) s->lists[s->depth] = (lvl){tag[0] == 'o', 0};
    s->depth++;
  } else if (!strcmp(tag, "li")) {
    breaks(&s->b, 1);
    int d = s->depth > 0 ? s->depth - 1 : 0;
    for (int i = 0; i < d && i < 31; i++) buf_adds(&s->b, "  ");
    if (s->depth > 0 && s->depth <= 32 && s->lists[s->depth - 1].ordered)
      buf_printf(&s->b, "%d. ", ++s->lists[s->depth - 1].count);
    else
      buf_adds(&s->b, "- ");
  } else if (x->flags & XF_PRE) {
    breaks(&s->b, 2);
    buf_adds(&s->b, "```\n");
    s->pre++;
  } else if (!strcmp(tag, "code") && !s->pre) {
    buf_addc(&s->b, '`');
  } else if (!strcmp(tag, "tr")) {
    breaks(&s->b, 1);
    buf_addc(&s->b, '|');
    s->cells = 0;
  } else if (!strcmp(tag, "td") || !strcmp(tag, "th")) {
    buf_addc(&s->b, ' ');
    s->cells++;
  } else if (!strcmp(tag, "table")) {
    breaks(&s->b, 2);
    s->row = 0;
  } else if (!strcmp(tag, "em") || !strcmp(tag, "i")) {
    buf_addc(&s->b, '*');
  } else if (!strcmp(tag, "strong") || !strcmp(tag, "b")) {
    buf_adds(&s->b, "**");
  } else if (!strcmp(tag, "a") && s->c->o->include_links) {
    buf_addc(&s->b, '[');
  } else if (x->flags & XF_BLOCK) {
    breaks(&s->b, line_block(n) ? 1 : 2);
  }
  s->pos[s->n++] = s->b.len;
  return 1;
}

/* Prefixes every line from pos on with "> ". */
static void quote_from(mstate *s, size_t pos) {
  buf q = BUF_INIT;
  const char *p = s->b.data + pos;
  while (*p == '\n') p++;
  buf_adds(&q, "> ");
  for (; *p; p++) {
    buf_addc(&q, *p);
    if (*p == '\n') buf_adds(&q, ">");
    if (*p == '\n' && p[1] && p[1] != '\n') buf_addc(&q, ' ');
  }
  while (q.len && (q.data[q.len - 1] == '>' || q.data[q.len - 1] == '\n' ||
                   q.data[q.len - 1] == ' '))
    buf_truncate(&q, q.len - 1);
  buf_truncate(&s->b, pos);
  buf_add(&s->b, buf_str(&q), q.len);
  if (q.oom) s->oom = 1;
  buf_free(&q);
}

static void m_leave(void *ud, xmlNode *n) {
  mstate *s = ud;
  const xinfo *x = xi(n);
  if (!x || !s->n) return;
  size_t pos = s->pos[--s->n];
  const char *tag = dom_tag(n);
  int empty = 1;
  for (size_t i = pos; i < s->b.len; i++)
    if (!is_space((unsigned char)s->b.data[i])) { empty = 0; break; }
  if (heading_level(n)) {
    if (empty) {   /* drop the "## " of a heading left empty */
      while (s->b.len && s->b.data[s->b.len - 1] != '\n') buf_truncate(&s->b, s->b.len - 1);
      return;
    }
    breaks(&s->b, 2);
  } else if (!strcmp(tag, "ul") || !strcmp(tag, "ol")) {
    s->depth--;
    breaks(&s->b, s->depth ? 1 : 2);
  } else if (x->flags & XF_PRE) {
    s->pre--;
    if (s->b.len && s->b.data[s->b.len - 1] != '\n') buf_addc(&s->b, '\n');
    buf_adds(&s->b, "```\n\n");
  } else if (!strcmp(tag, "code") && !s->pre) {
    if (empty) buf_truncate(&s->b, pos - 1); else buf_addc(&s->b, '`');
  } else if (!strcmp(tag, "td") || !strcmp(tag, "th")) {
    for (size_t i = pos; i < s->b.len; i++)
      if (s->b.data[i] == '\n' || s->b.data[i] == '|') s->b.data[i] = ' ';
    trim_spaces(&s->b);
    buf_adds(&s->b, " |");
  } else if (!strcmp(tag, "tr")) {
    if (s->row++ == 0 && s->cells > 0) {
      buf_adds(&s->b, "\n|");
      for (int i = 0; i < s->cells; i++) buf_adds(&s->b, " --- |");
    }
    buf_addc(&s->b, '\n');
  } else if (!strcmp(tag, "em") || !strcmp(tag, "i")) {
    trim_spaces(&s->b);
    if (empty) buf_truncate(&s->b, pos - 1); else buf_addc(&s->b, '*');
  } else if (!strcmp(tag, "strong") || !strcmp(tag, "b")) {
    trim_spaces(&s->b);
    if (empty) buf_truncate(&s->b, pos - 2); else buf_adds(&s->b, "**");
  } else if (!strcmp(tag, "a") && s->c->o->include_links) {
    xmlChar *u = xt_abs_url(s->c, dom_attr(n, "href"), 0);
    if (empty) buf_truncate(&s->b, pos - 1);
    else if (u) { trim_spaces(&s->b); buf_printf(&s->b, "](%s)", (const char *)u); }
    else {   /* no usable URL: remove the "[" and keep the text */
      memmove(s->b.data + pos - 1, s->b.data + pos, s->b.len - pos);
      buf_truncate(&s->b, s->b.len - 1);
    }
    if (u) xmlFree(u);
  } else if (!strcmp(tag, "blockquote")) {
    breaks(&s->b, 1);
    if (!empty) quote_from(s, pos);
    breaks(&s->b, 2);
  } else if (x->flags & XF_BLOCK) {
    breaks(&s->b, line_block(n) ? 1 : 2);
  }
}

static void m_text(void *ud, xmlNode *n) {
  mstate *s = ud;
  if (s->pre) { buf_adds(&s->b, (const char *)n->content); return; }
  add_collapsed(&s->b, (const char *)n->content, esc_md_c);
}

/* ---------------------------------------------------------------- outputs */

/* HTML and Markdown from plain text alone (the JSON-LD baseline). */
static int outputs_from_text(art_content *out) {
  buf h = BUF_INIT, m = BUF_INIT;
  const char *p = out->text;
  while (*p) {
    const char *e = strstr(p, "\n\n");
    size_t l = e ? (size_t)(e - p) : strlen(p);
    char *para = strndup(p, l);
    if (para) {
      buf_adds(&h, "<p>");
      esc_html(&h, para, 0);
      buf_adds(&h, "</p>\n");
      add_collapsed(&m, para, esc_md_c);
      buf_adds(&m, "\n\n");
      free(para);
    } else {
      h.oom = 1;
    }
    p += l;
    while (*p == '\n') p++;
  }
  finish_text(&m);
  if (h.oom || m.oom) { buf_free(&h); buf_free(&m); return -1; }
  out->html = buf_detach(&h);
  out->markdown = buf_detach(&m);
  return out->html && out->markdown ? 0 : -1;
}

int xt_outputs(xctx *c, art_content *out) {
  size_t words = 0;
  for (const char *p = out->text; *p;) {
    while (*p && is_space((unsigned char)*p)) p++;
    if (!*p) break;
    words++;
    while (*p && !is_space((unsigned char)*p)) p++;
  }
  out->word_count = words;
  if (c->n_roots == 0) return outputs_from_text(out);

  hstate h = {0};
  h.c = c; h.out = out;
  visitor hv = {h_enter, h_leave, h_text};
  walk(c, &hv, &h);
  close_auto_p(&h);
  free(h.st);
  finish_text(&h.b);
  if (h.b.oom || h.oom) { buf_free(&h.b); return -1; }
  out->html = buf_detach(&h.b);
  if (!out->html) return -1;

  mstate m = {0};
  m.c = c;
  visitor mv = {m_enter, m_leave, m_text};
  walk(c, &mv, &m);
  free(m.pos);
  finish_text(&m.b);
  if (m.b.oom || m.oom) { buf_free(&m.b); return -1; }
  out->markdown = buf_detach(&m.b);
  return out->markdown ? 0 : -1;
}
