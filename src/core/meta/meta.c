/* meta.c — metadata passes (see meta.h).
 *
 * meta_extract walks the pristine tree once (scan_tree), keeping what may
 * become metadata: meta tags, microdata and RDFa values, links, the
 * <title>, headings, byline-like and date-like elements with their position
 * in the page text, and the JSON-LD (jsonld.c).  Each field is then filled
 * by its own cascade, first good source wins (JSON-LD, then meta tags, then
 * markup, then text), and one cleaning pass runs at the end.  meta_finish
 * adds what needs the extracted content: language detection, a top image
 * from the body, a page type from the content's shape.
 *
 * Every heuristic list lives in meta_rules.h. */
#include "meta/meta.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "article.h"
#include "base/buf.h"
#include "text/date.h"
#include "html/dom.h"
#include "html/jsonld.h"
#include "text/lang.h"
#include "meta/meta_rules.h"
#include "base/strset.h"
#include "base/utf8.h"

/* ================================================================ strings */

static int in_list(const char *w, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(w, list[i]) == 0) return 1;
  return 0;
}


/* Appends s with HTML character references decoded (pages double-escape
 * metadata: "&amp;#8217;" arrives here as "&#8217;"). */
static void decode_entities(buf *out, const char *s) {
  while (*s) {
    if (*s != '&') { buf_addc(out, *s++); continue; }
    const char *semi = strchr(s, ';');
    if (!semi || semi - s > 32 || semi - s < 2) { buf_addc(out, *s++); continue; }
    unsigned cp = 0;
    if (s[1] == '#') {
      const char *p = s + 2;
      int hex = (*p == 'x' || *p == 'X');
      if (hex) p++;
      int ok = p < semi;
      for (; p < semi && ok; p++) {
        int c = (unsigned char)*p;
        unsigned dv;
        if (hex && isxdigit(c)) dv = (unsigned)(isdigit(c) ? c - '0' : (c | 32) - 'a' + 10);
        else if (!hex && isdigit(c)) dv = (unsigned)(c - '0');
        else { ok = 0; break; }
        if (cp <= 0x10FFFF) cp = cp * (hex ? 16 : 10) + dv;   /* once past, stays past */
      }
      if (!ok) { buf_addc(out, *s++); continue; }
      /* as HTML does: NUL, surrogates and beyond Unicode become U+FFFD */
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    } else {
      char name[33];
      size_t l = (size_t)(semi - s - 1);
      memcpy(name, s + 1, l);
      name[l] = '\0';
      const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
      if (!e) { buf_addc(out, *s++); continue; }
      cp = e->value;
    }
    if (cp < 0x20 && cp != '\t' && cp != '\n') cp = ' ';
    buf_add_utf8(out, cp);
    s = semi + 1;
  }
}

/* Appends s without HTML tags (JSON-LD and meta values sometimes carry
 * markup).  Only strips a '<' that starts a tag and has its '>'; block
 * tags leave a space, inline ones nothing ("<b>Jo</b>yent" stays a word). */
static void strip_tags(buf *out, const char *s) {
  static const char *const SPACED[] = {"br", "p", "div", "li", "td", "th", "tr", "h1", "h2",
                                       "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr",
                                       "blockquote", "section", "dd", "dt"};
  while (*s) {
    if (*s == '<' && (isalpha((unsigned char)s[1]) || s[1] == '/' || s[1] == '!')) {
      const char *gt = strchr(s, '>');
      if (gt) {
        const char *nm = s + 1 + (s[1] == '/');
        char name[12];
        size_t l = 0;
        while (l + 1 < sizeof name && isalnum((unsigned char)nm[l])) {
          name[l] = (char)tolower((unsigned char)nm[l]);
          l++;
        }
        name[l] = '\0';
        if (in_list(name, SPACED, NELEM(SPACED))) buf_addc(out, ' ');
        s = gt + 1;
        continue;
      }
    }
    buf_addc(out, *s++);
  }
}

/* Windows-1252 bytes 0x80-0x9F as code points (0 = unassigned). */
static const unsigned short CP1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
  0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
  0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* UTF-8 read as windows-1252 and encoded again ("FranÃ§ois", "itâ€™s"):
 * when every character maps back to one windows-1252 byte and those bytes
 * are valid UTF-8 with at least one multi-byte sequence, the repair is
 * unambiguous (real text almost never has that shape).  Returns a new
 * string, or NULL when s is not mojibake. */
static char *fix_mojibake(const char *s) {
  size_t n = 0;
  int any_high = 0;
  for (; s[n]; n++) any_high |= (unsigned char)s[n] >= 0x80;
  if (!any_high) return NULL;   /* ASCII: nothing maps to a high byte */
  buf b = BUF_INIT;
  int high = 0;
  for (size_t i = 0; i < n;) {
    int l = utf8_seqlen((const unsigned char *)s + i, n - i);
    if (l <= 0) { buf_free(&b); return NULL; }
    unsigned cp = utf8_decode((const unsigned char *)s + i, l);
    i += (size_t)l;
    unsigned byte = 0x100;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) byte = cp;
    else
      for (unsigned k = 0; k < 32; k++)
        if (CP1252[k] && CP1252[k] == cp) byte = 0x80 + k;
    if (byte > 0xFF) { buf_free(&b); return NULL; }
    if (byte >= 0x80) high = 1;
    buf_addc(&b, (char)byte);
  }
  if (!high || b.oom) { buf_free(&b); return NULL; }
  utf8_stats st;
  utf8_scan(b.data, b.len, &st);
  if (st.invalid || !st.multibyte) { buf_free(&b); return NULL; }
  return buf_detach(&b);
}

/* The one cleaning pass every value goes through: character references,
 * stray tags, mojibake, white space.  Returns a new string, or NULL when
 * nothing is left (or memory ran out: *oom is then set). */
static char *clean_dup(const char *s, int *oom) {
  if (!s) return NULL;
  buf a = BUF_INIT, b = BUF_INIT;
  size_t n = strlen(s);
  if (n > META_MAX_VALUE * 16) n = META_MAX_VALUE * 16;
  buf_add(&a, s, n);
  if (a.oom) { buf_free(&a); *oom = 1; return NULL; }
  if (strchr(buf_str(&a), '&')) {
    decode_entities(&b, buf_str(&a));
    buf_free(&a); a = b; b = (buf)BUF_INIT;
    if (strchr(buf_str(&a), '&')) {      /* doubly escaped */
      decode_entities(&b, buf_str(&a));
      buf_free(&a); a = b; b = (buf)BUF_INIT;
    }
  }
  if (strchr(buf_str(&a), '<')) {
    strip_tags(&b, buf_str(&a));
    buf_free(&a); a = b; b = (buf)BUF_INIT;
  }
  if (a.oom) { buf_free(&a); *oom = 1; return NULL; }
  char *r = buf_detach(&a);
  if (!r) { *oom = 1; return NULL; }
  char *fixed = fix_mojibake(r);
  if (fixed) { free(r); r = fixed; }
  dom_squash_space(r);
  if (!*r) { free(r); return NULL; }
  return r;
}

/* ASCII / Latin-1 / Cyrillic lower-casing of one code point: enough for the
 * word lists, which are lower case. */
static unsigned lower_cp(unsigned c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

/* s lower-cased into b (UTF-8 in, UTF-8 out). */
static void lower_into(buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    int l = utf8_seqlen((const unsigned char *)s + i, n - i);
    if (l <= 0) { buf_addc(b, s[i]); i++; continue; }
    buf_add_utf8(b, lower_cp(utf8_decode((const unsigned char *)s + i, l)));
    i += (size_t)l;
  }
}

/* "Loose" form for comparisons: lower case, letters and digits only, single
 * spaces.  Caller frees; NULL on OOM or for NULL. */
static char *loose(const char *s) {
  if (!s) return NULL;
  buf b = BUF_INIT, l = BUF_INIT;
  lower_into(&l, s, strlen(s));
  const char *p = buf_str(&l);
  int space = 1;
  for (; *p; p++) {
    unsigned char c = (unsigned char)*p, c1 = (unsigned char)p[1];
    /* punctuation beyond ASCII is not a letter: U+0080-U+00BF ("«", "·"),
     * U+2000-U+203F (dashes, quotes), U+3000-U+303F (CJK marks) */
    int punct = ((c == 0xE2 || c == 0xE3) && c1 == 0x80) ? 3 : (c == 0xC2 && c1 < 0xC0) ? 2 : 0;
    if (punct) p += punct - 1;
    if (!punct && (isalnum(c) || c >= 0x80)) {
      buf_addc(&b, (char)c);
      space = 0;
    } else if (!space) {
      buf_addc(&b, ' ');
      space = 1;
    }
  }
  buf_free(&l);
  while (b.len && b.data[b.len - 1] == ' ') buf_truncate(&b, b.len - 1);
  if (b.oom) { buf_free(&b); return NULL; }
  return buf_detach(&b);
}

/* Loose equality of two strings. */
static int loose_eq(const char *a, const char *b) {
  if (!a || !b) return 0;
  char *x = loose(a), *y = loose(b);
  int r = x && y && *x && strcmp(x, y) == 0;
  free(x); free(y);
  return r;
}

static int word_count(const char *s) {
  int n = 0, in = 0;
  for (; s && *s; s++) {
    int sp = *s == ' ' || *s == '\t' || *s == '\n';
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

static int has_cjk(const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int l = utf8_seqlen((const unsigned char *)s + i, n - i);
    if (l <= 0) { i++; continue; }
    unsigned c = utf8_decode((const unsigned char *)s + i, l);
    if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
        (c >= 0xAC00 && c <= 0xD7A3))
      return 1;
    i += (size_t)l;
  }
  return 0;
}

/* ================================================================ lookups */

/* Read-only string sets (strset.h), built once under pthread_once since
 * parse workers run meta_extract in threads: class / id tokens to the CT_*
 * lists of meta_rules.h that hold them, tag names to a TG_* kind and TF_*
 * flags.  Every element is classified once through them.
 *
 * Which token lists of meta_rules.h a class / id token is in. */
enum { CT_ASIDE = 1, CT_FOOTER = 2, CT_BYLINE = 4, CT_DATE = 8, CT_MODIFIED = 16,
       CT_PUBLISHED = 32, CT_PAYWALL = 64 };

/* Tag kinds the passes tell apart (the low byte), and tag flags. */
enum { TG_OTHER, TG_META, TG_TITLE, TG_BASE, TG_LINK, TG_HTML, TG_HEAD, TG_BODY, TG_ARTICLE,
       TG_MAIN, TG_IFRAME, TG_EMBED, TG_VIDEO, TG_SOURCE, TG_A, TG_H1, TG_H2, TG_H3, TG_TIME,
       TG_IMG, TG_FOOTER, TG_SVG, TG_SYMBOL, TG_SCRIPT };
#define TG_MASK 0xffu
enum { TF_BLOCK = 0x100, TF_INVISIBLE = 0x200, TF_ASIDE = 0x400 };

static const struct { const char *tag; unsigned kind; } TAG_KINDS[] = {
  {"meta", TG_META}, {"title", TG_TITLE}, {"base", TG_BASE}, {"link", TG_LINK},
  {"html", TG_HTML}, {"head", TG_HEAD}, {"body", TG_BODY}, {"article", TG_ARTICLE},
  {"main", TG_MAIN}, {"iframe", TG_IFRAME}, {"embed", TG_EMBED}, {"video", TG_VIDEO},
  {"source", TG_SOURCE}, {"a", TG_A}, {"h1", TG_H1}, {"h2", TG_H2}, {"h3", TG_H3},
  {"time", TG_TIME}, {"img", TG_IMG}, {"footer", TG_FOOTER}, {"svg", TG_SVG},
  {"symbol", TG_SYMBOL}, {"script", TG_SCRIPT},
};

/* Elements whose content is not page text. */
static const char *const INVISIBLE_TAGS[] = {"script", "style", "template", "noscript", "svg",
                                             "select"};
/* Elements that start a line of the page text (and a part of a byline). */
static const char *const BLOCKS[] = {"br", "div", "p", "li", "ul", "ol", "h1", "h2", "h3",
                                     "h4", "h5", "h6", "section", "header", "footer", "table",
                                     "tr", "td", "dt", "dd", "address", "article", "aside",
                                     "blockquote", "figure", "figcaption", "main", "nav"};

static strset CLASS_T, TAG_T;
static pthread_once_t lookups_once = PTHREAD_ONCE_INIT;

static void add_tokens(strset *t, const char *const *l, size_t n, unsigned bits) {
  for (size_t i = 0; i < n; i++) strset_add(t, l[i], bits);
}

static void lookups_build(void) {
  add_tokens(&CLASS_T, ASIDE_TOKENS, NELEM(ASIDE_TOKENS), CT_ASIDE);
  add_tokens(&CLASS_T, FOOTER_TOKENS, NELEM(FOOTER_TOKENS), CT_FOOTER);
  add_tokens(&CLASS_T, BYLINE_TOKENS, NELEM(BYLINE_TOKENS), CT_BYLINE);
  add_tokens(&CLASS_T, DATE_TOKENS, NELEM(DATE_TOKENS), CT_DATE);
  add_tokens(&CLASS_T, MODIFIED_TOKENS, NELEM(MODIFIED_TOKENS), CT_MODIFIED);
  add_tokens(&CLASS_T, PUBLISHED_TOKENS, NELEM(PUBLISHED_TOKENS), CT_PUBLISHED);
  add_tokens(&CLASS_T, PAYWALL_TOKENS, NELEM(PAYWALL_TOKENS), CT_PAYWALL);
  for (size_t i = 0; i < NELEM(TAG_KINDS); i++)
    strset_add(&TAG_T, TAG_KINDS[i].tag, TAG_KINDS[i].kind);
  add_tokens(&TAG_T, INVISIBLE_TAGS, NELEM(INVISIBLE_TAGS), TF_INVISIBLE);
  add_tokens(&TAG_T, BLOCKS, NELEM(BLOCKS), TF_BLOCK);
  add_tokens(&TAG_T, ASIDE_TAGS, NELEM(ASIDE_TAGS), TF_ASIDE);
}

/* TG_* kind | TF_* flags of node n (0 for non-elements and other tags). */
static unsigned tag_bits(const xmlNode *n) {
  if (n->type != XML_ELEMENT_NODE || !n->name) return 0;
  const char *t = (const char *)n->name;
  return strset_get(&TAG_T, t, strlen(t));
}

/* Class / id tokens this long or longer are hashes, not words. */
#define TOKEN_MAX 64

/* CT_* bits of the tokens of a class or id value: whole tokens
 * ("posted-on") and their parts split at '-' / '_' ("post", "on"),
 * lower-cased.  Tokens of TOKEN_MAX bytes or more are skipped. */
static unsigned token_bits(const char *v) {
  unsigned bits = 0;
  for (const char *p = v; *p;) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    size_t l = 0;
    int split = 0;
    for (char c; (c = p[l]) && c != ' ' && c != '\t' && c != '\n'; l++)
      if (c == '-' || c == '_') split = 1;
    if (l == 0) break;
    if (l < TOKEN_MAX) {
      bits |= strset_get_lower(&CLASS_T, p, l);
      for (size_t i = 0; split && i < l;) {
        while (i < l && (p[i] == '-' || p[i] == '_')) i++;
        size_t st = i;
        while (i < l && p[i] != '-' && p[i] != '_') i++;
        if (i > st) bits |= strset_get_lower(&CLASS_T, p + st, i - st);
      }
    }
    p += l;
  }
  return bits;
}

/* True when a class value contains "byline" in any case ("FeatureByline",
 * "article-byline-wrap"). */
static int class_says_byline(const char *v) {
  static const char SUB[] = "byline";
  for (const char *p = v; p && *p; p++)
    if ((*p | 32) == SUB[0] && strncasecmp(p, SUB, sizeof SUB - 1) == 0) return 1;
  return 0;
}

/* ================================================================ URLs */

/* href made absolute against base; NULL when that is impossible (a relative
 * href without a base, a javascript: or data: URL).  Caller frees. */
static char *absolute_url(const char *href, const char *base, int *oom) {
  char *h = clean_dup(href, oom);
  if (!h) return NULL;
  if (strncasecmp(h, "javascript:", 11) == 0 || strncasecmp(h, "data:", 5) == 0 ||
      strncasecmp(h, "mailto:", 7) == 0 || h[0] == '#') {
    free(h);
    return NULL;
  }
  int has_scheme = strncasecmp(h, "http://", 7) == 0 || strncasecmp(h, "https://", 8) == 0;
  if (has_scheme || !base) {
    if (!has_scheme && strncmp(h, "//", 2) != 0) { free(h); return NULL; }
    if (!has_scheme) {             /* protocol-relative, no base: assume https */
      buf b = BUF_INIT;
      buf_adds(&b, "https:");
      buf_adds(&b, h);
      free(h);
      if (b.oom) { buf_free(&b); *oom = 1; return NULL; }
      return buf_detach(&b);
    }
    return h;
  }
  xmlChar *u = xmlBuildURI((const xmlChar *)h, (const xmlChar *)base);
  free(h);
  if (!u) return NULL;
  char *r = strdup((const char *)u);
  xmlFree(u);
  if (!r) *oom = 1;
  return r;
}

/* The host of url (without "www."), into out; "" when none. */
static void url_host(const char *url, char *out, size_t outlen) {
  out[0] = '\0';
  if (!url) return;
  const char *p = strstr(url, "://");
  if (!p) return;
  p += 3;
  if (strncasecmp(p, "www.", 4) == 0) p += 4;
  size_t l = 0;
  while (p[l] && p[l] != '/' && p[l] != ':' && p[l] != '?' && p[l] != '#') l++;
  if (l >= outlen) l = outlen - 1;
  for (size_t i = 0; i < l; i++) out[i] = (char)tolower((unsigned char)p[i]);
  out[l] = '\0';
}

/* ================================================================ scan */

/* Where a keyed value came from: <meta name>, <meta property> (RDFa; wins
 * over name for the same key, as Open Graph and Dublin Core define them
 * with property), itemprop, an RDFa property on another element. */
enum { MK_META, MK_METAPROP, MK_ITEMPROP, MK_RDFA };
enum { NK_META, NK_TIME, NK_OTHER };              /* the element that carried it */

typedef struct mentry {
  char *key;                 /* lower case, '.' read as ':' */
  char *val;                 /* cleaned */
  int kind, node_kind;
  const xmlNode *aside;      /* nearest not-the-article ancestor, or NULL */
  const xmlNode *scope;      /* itemprop: the nearest itemscope ancestor, or NULL */
  size_t pos;                /* page-text offset of the element */
} mentry;

/* A byline-like, date-like, <time> or heading element. */
typedef struct cand {
  char *text;                /* cleaned text (short) */
  char *attr;                /* datetime / content / title attribute, or NULL */
  size_t pos;
  const xmlNode *aside;      /* nearest related-stories / comments / navigation
                              * ancestor, or NULL (see is_aside) */
  int modified, published;   /* class says update / publication */
  int pubdate;               /* <time pubdate> */
  const xmlNode *node;
} cand;

typedef struct candvec {
  cand *v; size_t n, cap;
} candvec;

#define TAG_CACHE 64   /* power of two */

/* What the walk knows of an element on its path: read once when it is
 * entered, so that candidates ask their ancestors without walking up and
 * re-reading their attributes. */
typedef struct einfo {
  const xmlNode *node;
  unsigned tag;              /* TG_* kind | TF_* flags */
  unsigned cls;              /* CT_* bits of its class and id tokens */
  const char *cls_attr;      /* its class attribute, or NULL */
  const char *rel, *itemprop, *property;   /* its attributes, or NULL */
  int itemscope;             /* has an itemscope attribute */
  int aside;                 /* marks a part of the page that is not the article */
  int in_article;            /* it or an ancestor is an <article> */
  long near_aside;           /* stack index of the nearest aside at or above it,
                              * below <body>; -1 when none */
  long near_scope;           /* stack index of the nearest itemscope at or above it */
  long range;                /* the aside span it opened, or -1 */
} einfo;

typedef struct scan {
  const art_opts *o;
  mentry *m; size_t nm, capm;
  candvec bylines, dates, times, h1s, heads, rel_tags, rel_cats;
  strvec feeds_url, feeds_type, feeds_title, licenses;
  strvec iframes, video_src;
  char *title_el, *html_lang, *base, *canonical_link, *image_src;
  size_t article_pos, main_pos;     /* first <article> / <main>, or SIZE_MAX */
  int paywall_marker;
  buf text;                          /* the page text, for positions and scans */
  jsonld ld;
  json_object *main;                 /* the page's main JSON-LD item, or NULL */
  const xmlNode *headline;           /* the headline element, once known */
  const xmlNode *cur_scope;          /* itemscope of the itemprop being added */
  /* page-text spans of aside elements (document order) */
  struct arange { const xmlNode *node; size_t start, end; } *ranges;
  size_t nr, capr;
  einfo *stk; size_t depth, capstk;  /* the walk's current element and its ancestors */
  /* tag_bits by name pointer: the parser interns names in the document's
   * dictionary, so a page's few hundred elements share a dozen names */
  struct { const xmlChar *name; unsigned bits; } tagc[TAG_CACHE];
  date_ctx dc;
  int oom;
} scan;

#define NO_POS ((size_t)-1)

/* True when an element whose nearest aside ancestor is `aside` lies outside
 * the article: that ancestor does not hold the headline. */
static int is_aside(const scan *s, const xmlNode *aside);
/* Page text kept for scanning (positions beyond still count). */
#define SCAN_TEXT_MAX (1u << 20)

static void cand_free(candvec *cv) {
  for (size_t i = 0; i < cv->n; i++) { free(cv->v[i].text); free(cv->v[i].attr); }
  free(cv->v);
  memset(cv, 0, sizeof *cv);
}

static void scan_free(scan *s) {
  for (size_t i = 0; i < s->nm; i++) { free(s->m[i].key); free(s->m[i].val); }
  free(s->m);
  cand_free(&s->bylines); cand_free(&s->dates); cand_free(&s->times); cand_free(&s->h1s);
  cand_free(&s->heads); cand_free(&s->rel_tags); cand_free(&s->rel_cats);
  strvec_free(&s->feeds_url);
  strvec_free(&s->feeds_type); strvec_free(&s->feeds_title); strvec_free(&s->licenses);
  strvec_free(&s->iframes); strvec_free(&s->video_src);
  free(s->title_el); free(s->html_lang); free(s->base); free(s->canonical_link);
  free(s->image_src);
  buf_free(&s->text);
  free(s->ranges);
  free(s->stk);
  jsonld_free(&s->ld);
}

/* Normalises a meta key: lower case, '.' as ':' ("DC.date.issued" ->
 * "dc:date:issued").  Caller frees. */
static char *norm_key(const char *k, size_t n) {
  char *r = malloc(n + 1);
  if (!r) return NULL;
  for (size_t i = 0; i < n; i++) {
    char c = (char)tolower((unsigned char)k[i]);
    r[i] = c == '.' ? ':' : c;
  }
  r[n] = '\0';
  return r;
}

static void add_entry(scan *s, const char *key, size_t klen, const char *val, int kind,
                      int node_kind, const xmlNode *aside) {
  if (!val || klen == 0 || klen > 64 || s->nm >= MAX_META_ENTRIES) return;
  char *v = clean_dup(val, &s->oom);
  if (!v) return;
  if (strlen(v) > META_MAX_VALUE) v[META_MAX_VALUE] = '\0';
  char *k = norm_key(key, klen);
  if (!k || vec_grow((void **)&s->m, &s->capm, s->nm, sizeof *s->m) != 0) {
    free(k); free(v); s->oom = 1;
    return;
  }
  s->m[s->nm].key = k;
  s->m[s->nm].val = v;
  s->m[s->nm].kind = kind;
  s->m[s->nm].node_kind = node_kind;
  s->m[s->nm].aside = aside;
  s->m[s->nm].scope = s->cur_scope;
  s->m[s->nm].pos = s->text.len;
  s->nm++;
}

/* Adds an entry per space-separated key in keys ("og:title twitter:title"). */
static void add_entries(scan *s, const char *keys, const char *val, int kind, int node_kind,
                        const xmlNode *aside) {
  const char *p = keys;
  while (p && *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    size_t l = 0;
    while (p[l] && p[l] != ' ' && p[l] != '\t' && p[l] != '\n') l++;
    if (l) add_entry(s, p, l, val, kind, node_kind, aside);
    p += l;
  }
}

/* First value for the keys in priority order; kinds is a bit set of
 * (1 << MK_*).  Skips values outside the article (see is_aside). */
static const mentry *meta_entry(const scan *s, const char *const *keys, size_t nk, int kinds) {
  for (size_t k = 0; k < nk; k++) {
    const mentry *first = NULL;
    for (size_t i = 0; i < s->nm; i++)
      if ((kinds & (1 << s->m[i].kind)) && !is_aside(s, s->m[i].aside) &&
          strcmp(s->m[i].key, keys[k]) == 0) {
        if (s->m[i].kind == MK_METAPROP) return &s->m[i];
        if (!first) first = &s->m[i];
      }
    if (first) return first;
  }
  return NULL;
}

static const char *meta_get(const scan *s, const char *const *keys, size_t nk, int kinds) {
  const mentry *e = meta_entry(s, keys, nk, kinds);
  return e ? e->val : NULL;
}
#define META_ONLY ((1 << MK_META) | (1 << MK_METAPROP))
#define ALL_KINDS (META_ONLY | (1 << MK_ITEMPROP) | (1 << MK_RDFA))

/* Whether an element (its tag bits, class bits, and whether it or an
 * ancestor is an <article>) marks a part of the page that is not the
 * article (related stories, comments, navigation).  Whether an element below it is
 * really outside the article is decided later by is_aside, once the
 * headline is known: a "widget" or an <aside> that holds the headline is
 * the article's own container.  Footers inside an <article> are its own. */
static int aside_element(unsigned tag, unsigned cls, int in_article) {
  int footer = (tag & TG_MASK) == TG_FOOTER;
  if (!footer && (tag & TF_ASIDE)) return 1;
  if (cls & CT_ASIDE) return 1;
  if (footer || (cls & CT_FOOTER)) return !in_article;
  return 0;
}

/* Ancestors looked at for an aside (deeper ones are the page's layout, and
 * the bound keeps hostile nesting linear) and for an item scope. */
#define ASIDE_MAX_DEPTH 32
#define SCOPE_MAX_DEPTH 64

/* The attribute's value as dom_attr gives it. */
static const char *attr_text(const xmlAttr *a) {
  const xmlNode *c = a->children;
  if (c && c->type == XML_TEXT_NODE && c->content) return (const char *)c->content;
  return "";
}

/* Enters element n (its parent is on top of the stack): reads its tag and
 * the attributes the walk asks about in one pass over them.  NULL on OOM. */
static einfo *push_elem(scan *s, const xmlNode *n) {
  if (vec_grow((void **)&s->stk, &s->capstk, s->depth, sizeof *s->stk) != 0) {
    s->oom = 1;
    return NULL;
  }
  const einfo *up = s->depth ? &s->stk[s->depth - 1] : NULL;
  long idx = (long)s->depth++;
  einfo *e = &s->stk[idx];
  memset(e, 0, sizeof *e);
  e->node = n;
  unsigned slot = (unsigned)((uintptr_t)n->name >> 4) & (TAG_CACHE - 1);
  if (n->name && s->tagc[slot].name == n->name) {
    e->tag = s->tagc[slot].bits;
  } else {
    e->tag = tag_bits(n);
    s->tagc[slot].name = n->name;
    s->tagc[slot].bits = e->tag;
  }
  e->range = -1;
  const char *cls = NULL, *id = NULL;
  /* the first attribute of each name, as dom_attr finds it */
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    const char *nm = (const char *)a->name;
    if (!nm) continue;
    switch (nm[0]) {
    case 'c':
      if (!cls && strcmp(nm, "class") == 0) cls = attr_text(a);
      break;
    case 'i':
      if (!id && strcmp(nm, "id") == 0) id = attr_text(a);
      else if (!e->itemprop && strcmp(nm, "itemprop") == 0) e->itemprop = attr_text(a);
      else if (strcmp(nm, "itemscope") == 0) e->itemscope = 1;
      break;
    case 'r':
      if (!e->rel && strcmp(nm, "rel") == 0) e->rel = attr_text(a);
      break;
    case 'p':
      if (!e->property && strcmp(nm, "property") == 0) e->property = attr_text(a);
      break;
    default:
      break;
    }
  }
  e->cls_attr = cls;
  if (cls) e->cls |= token_bits(cls);
  if (id) e->cls |= token_bits(id);
  unsigned kind = e->tag & TG_MASK;
  e->in_article = kind == TG_ARTICLE || (up && up->in_article);
  e->aside = aside_element(e->tag, e->cls, e->in_article);
  /* the walk up from a descendant stops at <body> */
  e->near_aside = kind == TG_BODY ? -1 : e->aside ? idx : up ? up->near_aside : -1;
  e->near_scope = e->itemscope ? idx : up ? up->near_scope : -1;
  return e;
}

/* Leaves the element on top of the stack, closing its aside span. */
static void pop_elem(scan *s) {
  const einfo *e = &s->stk[--s->depth];
  if (e->range >= 0) s->ranges[e->range].end = s->text.len;
}

/* The info of the current element's parent, or NULL at the root. */
static const einfo *parent_info(const scan *s) {
  return s->depth >= 2 ? &s->stk[s->depth - 2] : NULL;
}

/* The nearest ancestor of the current element that marks a part of the
 * page that is not the article (see aside_element), or NULL. */
static const xmlNode *aside_of(const scan *s) {
  const einfo *p = parent_info(s);
  if (!p || p->near_aside < 0) return NULL;
  size_t t = s->depth - 2, j = (size_t)p->near_aside;
  return t - j < ASIDE_MAX_DEPTH ? s->stk[j].node : NULL;
}

/* The item an itemprop of the current element belongs to: the nearest
 * ancestor with itemscope (its own itemscope makes it a value of the
 * parent item). */
static const xmlNode *item_scope(const scan *s) {
  const einfo *p = parent_info(s);
  if (!p || p->near_scope < 0) return NULL;
  size_t t = s->depth - 2, j = (size_t)p->near_scope;
  return t - j < SCOPE_MAX_DEPTH ? s->stk[j].node : NULL;
}

static int contains(const xmlNode *a, const xmlNode *n) {
  for (; n; n = n->parent)
    if (n == a) return 1;
  return 0;
}

/* The text of n's subtree like dom_text, but NULL as soon as it grows past
 * max bytes: byline and date classes also sit on big containers, and
 * copying each one's whole text would cost time quadratic in the nesting. */
static char *text_upto(const xmlNode *n, size_t max, int blocks) {
  buf b = BUF_INIT;
  for (const xmlNode *c = n->children; c; ) {
    int skip = 0;
    if (c->type == XML_ELEMENT_NODE) {
      unsigned tb = tag_bits(c);
      skip = (tb & TF_INVISIBLE) != 0;
      /* bylines: lines are list items ("Jane Doe<br>Staff Writer") */
      if (!skip && blocks && b.len && (tb & TF_BLOCK))
        buf_adds(&b, " | ");
      else if (!skip && b.len && b.data[b.len - 1] != ' ') buf_addc(&b, ' ');
    } else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      buf_adds(&b, (const char *)c->content);
      if (b.len > max * 2 + 64) { buf_free(&b); return NULL; }
    }
    c = dom_next(c, n, skip);
  }
  if (b.oom) { buf_free(&b); return NULL; }
  char *r = buf_detach(&b);
  if (r) dom_squash_space(r);
  return r;
}

/* Keeps the current element n (e its info) as a candidate of cv. */
static int push_cand(scan *s, const einfo *e, candvec *cv, const xmlNode *n, const char *attr,
                     size_t maxlen, int blocks) {
  if (cv->n >= MAX_CANDIDATES) return 0;
  char *t = text_upto(n, maxlen, blocks);
  char *text = NULL;
  if (t && strlen(t) <= maxlen) text = clean_dup(t, &s->oom);
  free(t);
  char *a = attr ? clean_dup(attr, &s->oom) : NULL;
  if (!text && !a) return 0;
  if (vec_grow((void **)&cv->v, &cv->cap, cv->n, sizeof *cv->v) != 0) {
    free(text); free(a); s->oom = 1;
    return -1;
  }
  cand *c = &cv->v[cv->n++];
  memset(c, 0, sizeof *c);
  c->text = text;
  c->attr = a;
  c->pos = s->text.len;
  c->aside = aside_of(s);
  c->node = n;
  const einfo *up = parent_info(s);
  c->modified = (e->cls & CT_MODIFIED) || (up && (up->cls & CT_MODIFIED));
  c->published = (e->cls & CT_PUBLISHED) != 0;
  c->pubdate = dom_attr(n, "pubdate") != NULL;
  return 0;
}

/* The next space-separated word of *rest: sets *w to it, moves *rest past
 * it and returns its length, 0 at the end. */
static size_t next_word(const char **rest, const char **w) {
  const char *p = *rest;
  while (*p == ' ') p++;
  size_t l = 0;
  while (p[l] && p[l] != ' ') l++;
  *w = p;
  *rest = p + l;
  return l;
}

static int rel_has(const char *rel, const char *word) {
  if (!rel) return 0;
  size_t wl = strlen(word);
  const char *p;
  for (size_t l; (l = next_word(&rel, &p)) > 0;)
    if (l == wl && strncasecmp(p, word, l) == 0) return 1;
  return 0;
}

/* The value an itemprop element carries (microdata rules: content, then
 * the URL attributes, then datetime, then the text). */
static char *itemprop_value(const xmlNode *n) {
  const char *v = dom_attr(n, "content");
  if (!v && (dom_is(n, "a") || dom_is(n, "link"))) v = dom_attr(n, "href");
  if (!v && (dom_is(n, "img") || dom_is(n, "source") || dom_is(n, "video")))
    v = dom_attr(n, "src");
  if (!v && dom_is(n, "time")) v = dom_attr(n, "datetime");
  if (v) return strdup(v);
  return text_upto(n, META_MAX_VALUE, 0);
}

/* For itemprop=author elements: the nested itemprop=name, or the text. */
static char *itemprop_person(const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = dom_next(c, n, 0)) {
    const char *ip = dom_attr(c, "itemprop");
    if (ip && rel_has(ip, "name")) return itemprop_value(c);
  }
  return itemprop_value(n);
}

/* Keeps what element n (e its info, on top of the stack) may add to the
 * metadata. */
static void scan_element(scan *s, xmlNode *n, const einfo *e) {
  unsigned kind = e->tag & TG_MASK;
  const einfo *up = parent_info(s);
  unsigned pkind = up ? up->tag & TG_MASK : TG_OTHER;
  s->cur_scope = NULL;
  if (kind == TG_META) {
    const char *content = dom_attr(n, "content");
    if (!content) content = dom_attr(n, "value");
    const char *name = dom_attr(n, "name"), *prop = e->property;
    const char *ip = e->itemprop, *he = dom_attr(n, "http-equiv");
    const xmlNode *aside = (ip && pkind != TG_HEAD) ? aside_of(s) : NULL;
    if (name) add_entries(s, name, content, MK_META, NK_META, NULL);
    if (prop) add_entries(s, prop, content, MK_METAPROP, NK_META, NULL);
    if (he) add_entries(s, he, content, MK_META, NK_META, NULL);
    s->cur_scope = ip ? item_scope(s) : NULL;
    if (ip) add_entries(s, ip, content, MK_ITEMPROP, NK_META, aside);
    return;
  }
  if (kind == TG_TITLE) {
    if (!s->title_el && n->parent && pkind != TG_SVG && pkind != TG_SYMBOL) {
      char *t = dom_text(n);
      s->title_el = clean_dup(t, &s->oom);
      free(t);
    }
    return;
  }
  if (kind == TG_BASE) {
    if (!s->base && dom_attr(n, "href"))
      s->base = absolute_url(dom_attr(n, "href"), s->o->url, &s->oom);
    return;
  }
  const char *rel = e->rel;
  if (kind == TG_LINK) {
    const char *href = dom_attr(n, "href");
    if (!href) return;
    if (rel_has(rel, "canonical") && !s->canonical_link) s->canonical_link = strdup(href);
    if (rel_has(rel, "image_src") && !s->image_src) s->image_src = strdup(href);
    if (rel_has(rel, "license") && strvec_push(&s->licenses, href)) s->oom = 1;
    if (rel_has(rel, "alternate")) {
      const char *type = dom_attr(n, "type");
      const char *kind = NULL;
      if (type && strncasecmp(type, "application/rss+xml", 19) == 0) kind = "rss";
      else if (type && strncasecmp(type, "application/atom+xml", 20) == 0) kind = "atom";
      else if (type && (strncasecmp(type, "application/feed+json", 21) == 0 ||
                        strncasecmp(type, "application/json", 16) == 0) &&
               strstr(href, "feed"))
        kind = "json";
      if (kind && !strvec_has(&s->feeds_url, href)) {
        const char *title = dom_attr(n, "title");
        if (strvec_push(&s->feeds_url, href) ||
            strvec_push_owned(&s->feeds_type, strdup(kind)) ||
            strvec_push_owned(&s->feeds_title, strdup(title && *title ? title : "")))
          s->oom = 1;
      }
    }
    return;
  }
  if (kind == TG_HTML && !s->html_lang) {
    const char *l = dom_attr(n, "lang");
    if (!l) l = dom_attr(n, "xml:lang");
    if (l) s->html_lang = strdup(l);
  }
  if (kind == TG_ARTICLE && s->article_pos == NO_POS) s->article_pos = s->text.len;
  if (kind == TG_MAIN && s->main_pos == NO_POS) s->main_pos = s->text.len;
  if (kind == TG_IFRAME || kind == TG_EMBED) {
    const char *src = dom_attr(n, "src");
    if (!src) src = dom_attr(n, "data-src");
    for (size_t i = 0; src && i < NELEM(VIDEO_HOSTS); i++)
      if (strstr(src, VIDEO_HOSTS[i])) {
        if (!strvec_has(&s->iframes, src) && strvec_push(&s->iframes, src)) s->oom = 1;
        break;
      }
  }
  if (kind == TG_VIDEO || (kind == TG_SOURCE && pkind == TG_VIDEO)) {
    const char *src = dom_attr(n, "src");
    if (src && *src && !strvec_has(&s->video_src, src) && strvec_push(&s->video_src, src))
      s->oom = 1;
  }
  if (kind == TG_A && rel) {
    if (rel_has(rel, "license") && dom_attr(n, "href") &&
        strvec_push(&s->licenses, dom_attr(n, "href")))
      s->oom = 1;
    if (rel_has(rel, "tag") || rel_has(rel, "category"))
      push_cand(s, e, rel_has(rel, "category") ? &s->rel_cats : &s->rel_tags, n, NULL, 100, 0);
    if (rel_has(rel, "author")) push_cand(s, e, &s->bylines, n, NULL, BYLINE_MAX_LEN, 1);
  }
  const char *ip = e->itemprop;
  s->cur_scope = ip ? item_scope(s) : NULL;
  if (ip) {
    int person = rel_has(ip, "author") || rel_has(ip, "creator");
    int big = rel_has(ip, "articleBody") || rel_has(ip, "text") || rel_has(ip, "reviewBody") ||
              rel_has(ip, "description");
    /* an element with itemscope is an item, not a value (authors aside) */
    int item = e->itemscope && !person;
    if (item) {
      /* nothing: its properties are visited on their own */
    } else if (!big || dom_attr(n, "content")) {
      char *v = person ? itemprop_person(n) : itemprop_value(n);
      if (v && strlen(v) <= META_MAX_VALUE)
        add_entries(s, ip, v, MK_ITEMPROP, kind == TG_TIME ? NK_TIME : NK_OTHER, aside_of(s));
      free(v);
    } else if (rel_has(ip, "description")) {
      char *v = text_upto(n, 1000, 0);
      if (v && strlen(v) <= 1000)
        add_entries(s, "description", v, MK_ITEMPROP, NK_OTHER, aside_of(s));
      free(v);
    }
  }
  const char *prop = e->property;
  if (prop && !e->itemprop) {
    const char *c = dom_attr(n, "content");
    char *v = c ? strdup(c) : text_upto(n, META_MAX_VALUE, 0);
    if (v && strlen(v) <= META_MAX_VALUE)
      add_entries(s, prop, v, MK_RDFA, kind == TG_TIME ? NK_TIME : NK_OTHER, aside_of(s));
    free(v);
  }
  if (kind == TG_H1) {
    push_cand(s, e, &s->h1s, n, NULL, 600, 0);
    return;
  }
  /* lower headings carry the headline on blogs whose <h1> is the blog */
  if (kind == TG_H2 || kind == TG_H3) {
    if (s->heads.n < MAX_HEADINGS) push_cand(s, e, &s->heads, n, NULL, 600, 0);
    return;
  }
  if (kind == TG_TIME) {
    const char *dt = dom_attr(n, "datetime");
    push_cand(s, e, &s->times, n, dt, 200, 0);
    return;
  }
  if (kind == TG_BODY || kind == TG_HTML || kind == TG_HEAD) return;
  if (e->cls & CT_PAYWALL) s->paywall_marker = 1;
  if (((e->cls & CT_BYLINE) || class_says_byline(e->cls_attr)) && kind != TG_IMG)
    push_cand(s, e, &s->bylines, n, NULL, BYLINE_MAX_LEN, 1);
  if ((e->cls & CT_DATE) && kind != TG_IMG) {
    const char *attr = dom_attr(n, "datetime");
    if (!attr) attr = dom_attr(n, "content");
    if (!attr) attr = dom_attr(n, "data-timestamp");
    if (!attr) attr = dom_attr(n, "data-date");
    if (!attr) attr = dom_attr(n, "title");
    push_cand(s, e, &s->dates, n, attr, 240, 0);
  }
}

/* Appends text with white space runs as one space, so that positions in
 * the page text measure words, not indentation. */
static void add_collapsed(buf *b, const char *t) {
  size_t n = strlen(t);
  /* the result is never longer than t: reserve once, write in place */
  if (n == 0 || buf_reserve(b, n) != 0) return;
  /* 1: white space; 2: may start a no-break space (C2 A0) */
  static const unsigned char WS[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
                                        ['\f'] = 1, [0xC2] = 2};
  char *out = b->data + b->len;
  int space = b->len == 0 || out[-1] == ' ' || out[-1] == '\n';
  for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
    unsigned k = WS[*p];
    if (k && (k == 1 || p[1] == 0xA0)) {
      if (*p == 0xC2) p++;
      if (!space) *out++ = ' ';
      space = 1;
    } else {
      *out++ = (char)*p;
      space = 0;
    }
  }
  b->len = (size_t)(out - b->data);
  b->data[b->len] = '\0';
}

/* The one walk over the tree. */
static void scan_tree(scan *s, xmlDocPtr doc) {
  xmlNode *root = xmlDocGetRootElement(doc);
  for (xmlNode *n = root; n;) {
    int skip = 0;
    /* pre-order: the parent of n is on the path walked so far */
    while (s->depth && s->stk[s->depth - 1].node != n->parent) pop_elem(s);
    if (n->type == XML_ELEMENT_NODE) {
      einfo *e = push_elem(s, n);
      if (!e) break;
      scan_element(s, n, e);
      skip = (e->tag & TF_INVISIBLE) != 0;
      unsigned kind = e->tag & TG_MASK;
      /* JSON-LD scripts, also inside the subtrees the walk skips */
      if (kind == TG_SCRIPT) {
        if (jsonld_add_script(&s->ld, n) != 0) s->oom = 1;
      } else if (skip) {
        for (const xmlNode *c = n->children; c; c = dom_next(c, n, 0))
          if ((tag_bits(c) & TG_MASK) == TG_SCRIPT && jsonld_add_script(&s->ld, c) != 0)
            s->oom = 1;
      }
      if (!skip && s->nr < MAX_ASIDE_SPANS && kind != TG_BODY && kind != TG_HTML && e->aside) {
        if (vec_grow((void **)&s->ranges, &s->capr, s->nr, sizeof *s->ranges)) {
          s->oom = 1;
        } else {
          s->ranges[s->nr].node = n;
          s->ranges[s->nr].start = s->text.len;
          s->ranges[s->nr].end = NO_POS;
          e->range = (long)s->nr++;
        }
      }
      /* element boundaries separate text runs ("24" "July" stay words);
       * block boundaries are line breaks, the only ones in the text */
      if (!skip && s->text.len) {
        char *last = &s->text.data[s->text.len - 1];
        int block = (e->tag & TF_BLOCK) != 0;
        if (*last == ' ' && block) *last = '\n';
        else if (*last != ' ' && *last != '\n') buf_addc(&s->text, block ? '\n' : ' ');
      }
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content && s->text.len < SCAN_TEXT_MAX &&
          !(s->depth && (s->stk[s->depth - 1].tag & TF_INVISIBLE)))
        add_collapsed(&s->text, (const char *)n->content);
    }
    n = dom_next(n, root, skip);
  }
  while (s->depth) pop_elem(s);
  if (s->text.oom) s->oom = 1;
}

/* Up to len bytes of page text from `from` on, leaving out the spans of
 * asides (related stories, comments) that do not hold the headline.
 * Caller frees; NULL on OOM. */
static char *visible_text(const scan *s, size_t from, size_t len) {
  buf b = BUF_INIT;
  size_t pos = from;
  while (pos < s->text.len && b.len < len) {
    size_t next = s->text.len;    /* where the next skipped span starts */
    size_t resume = pos;
    for (size_t i = 0; i < s->nr; i++) {
      const struct arange *r = &s->ranges[i];
      if (r->end <= pos || !is_aside(s, r->node)) continue;
      if (r->start <= pos) { if (r->end > resume) resume = r->end; }
      else if (r->start < next) next = r->start;
    }
    if (resume > pos) { pos = resume; buf_addc(&b, ' '); continue; }
    size_t take = next - pos;
    if (take > len - b.len) take = len - b.len;
    buf_add(&b, s->text.data + pos, take);
    pos += take;
  }
  if (b.oom) { buf_free(&b); return NULL; }
  return buf_detach(&b);
}

/* ================================================================ language */

/* A declared language as a BCP 47 tag: "en_US" -> "en-US", "ZH-hant-tw" ->
 * "zh-Hant-TW", the first of a list ("de, en"); NULL for placeholders
 * ("x-default", "und", "mul") and malformed values.  Caller frees. */
static char *norm_lang(const char *v, int *oom) {
  if (!v) return NULL;
  while (*v == ' ' || *v == '\t') v++;
  char tag[36];
  size_t n = 0;
  for (; *v && *v != ',' && *v != ';' && *v != ' ' && n + 1 < sizeof tag; v++)
    tag[n++] = *v == '_' ? '-' : *v;
  tag[n] = '\0';
  /* primary subtag: 2 or 3 letters */
  size_t p = 0;
  while (isalpha((unsigned char)tag[p])) p++;
  if (p < 2 || p > 3 || (tag[p] && tag[p] != '-')) return NULL;
  for (size_t i = 0; i < p; i++) tag[i] = (char)tolower((unsigned char)tag[i]);
  tag[p] = '\0';
  static const char *const PLACEHOLDER[] = {"und", "mul", "zxx", "xx", "mis"};
  if (in_list(tag, PLACEHOLDER, NELEM(PLACEHOLDER))) return NULL;
  buf b = BUF_INIT;
  buf_adds(&b, tag);
  /* further subtags: script (4 letters) Title-case, region upper case */
  char *rest = tag + p + 1;
  if (p < n) {
    char *save = NULL;
    for (char *sub = strtok_r(rest, "-", &save); sub; sub = strtok_r(NULL, "-", &save)) {
      size_t l = strlen(sub);
      int alpha = 1;
      for (size_t i = 0; i < l; i++) if (!isalnum((unsigned char)sub[i])) alpha = 0;
      if (!alpha || l < 2 || l > 8) break;
      buf_addc(&b, '-');
      for (size_t i = 0; i < l; i++) {
        int c = (unsigned char)sub[i];
        if (l == 4) c = i == 0 ? toupper(c) : tolower(c);
        else if (l == 2) c = toupper(c);
        else c = tolower(c);
        buf_addc(&b, (char)c);
      }
    }
  }
  if (b.oom) { buf_free(&b); *oom = 1; return NULL; }
  return buf_detach(&b);
}

/* ================================================================ JSON-LD */

/* The page's main item: an article type at the shallowest depth, else a
 * video, a product, a collection, a web page. */
static json_object *pick_main(const jsonld *ld) {
  static const struct { const char *const *types; size_t n; const char *suffix; } ORDER[] = {
    {LD_ARTICLE, NELEM(LD_ARTICLE), "Article"},
    {LD_VIDEO, NELEM(LD_VIDEO), NULL},
    {LD_PRODUCT, NELEM(LD_PRODUCT), NULL},
    {LD_INDEX, NELEM(LD_INDEX), NULL},
    {LD_WEBPAGE, NELEM(LD_WEBPAGE), NULL},
  };
  for (size_t k = 0; k < NELEM(ORDER); k++) {
    json_object *best = NULL;
    int best_depth = 1 << 20;
    for (size_t i = 0; i < ld->n_items; i++) {
      const ld_item *it = &ld->items[i];
      if (it->depth < best_depth &&
          ld_type_in(it->o, ORDER[k].types, ORDER[k].n, ORDER[k].suffix)) {
        best = it->o;
        best_depth = it->depth;
      }
    }
    if (best) return best;
  }
  return NULL;
}

static int is_article_item(json_object *o) {
  return o && ld_type_in(o, LD_ARTICLE, NELEM(LD_ARTICLE), "Article");
}

/* The name of an Organization / WebSite item at the top level. */
static const char *ld_top_name(const jsonld *ld, const char *const *types, size_t n) {
  for (size_t i = 0; i < ld->n_items; i++)
    if (ld->items[i].depth == 0 && ld_type_in(ld->items[i].o, types, n, NULL)) {
      const char *v = ld_str(ld->items[i].o, "name");
      if (v) return v;
    }
  return NULL;
}

/* ================================================================ title */

/* True when seg names the site: equal to the site name, or to the host's
 * name ("nytimes" for nytimes.com, "Factorio.com"). */
static int is_site_segment(const char *seg, const char *site, const char *host) {
  if (site && loose_eq(seg, site)) return 1;
  if (!host || !*host) return 0;
  char *l = loose(seg);
  if (!l) return 0;
  /* compare without spaces to the host, with and without its TLD */
  char flat[256];
  size_t k = 0;
  for (const char *p = l; *p && k + 1 < sizeof flat; p++)
    if (*p != ' ') flat[k++] = *p;
  flat[k] = '\0';
  free(l);
  if (!*flat) return 0;
  char h[256];
  size_t j = 0;
  for (const char *p = host; *p && j + 1 < sizeof h; p++)
    if (*p != '.' && *p != '-') h[j++] = *p;
  h[j] = '\0';
  if (strcmp(flat, h) == 0) return 1;
  const char *dot = strchr(host, '.');
  if (dot && (size_t)(dot - host) == strlen(flat) && strncmp(host, flat, strlen(flat)) == 0)
    return 1;
  return 0;
}

/* Finds the first (last when from_end) title separator in t; sets *sl. */
static const char *find_sep(const char *t, int from_end, size_t *sl) {
  const char *best = NULL;
  size_t bl = 0;
  int cjk = has_cjk(t);
  for (size_t i = 0; i < NELEM(TITLE_SEPARATORS); i++) {
    const char *sep = TITLE_SEPARATORS[i];
    if (strchr(sep, '_') && !cjk) continue;
    size_t l = strlen(sep);
    for (const char *p = strstr(t, sep); p; p = strstr(p + 1, sep)) {
      if (p == t || !p[l]) continue;
      if (!best || (from_end ? p > best : p < best) || (p == best && l > bl)) {
        best = p;
        bl = l;
      }
      if (!from_end) break;
    }
  }
  *sl = bl;
  return best;
}

/* t without a leading or trailing segment naming the site ("Story | Site",
 * "Site - Story").  Returns a new string (a copy when nothing was cut). */
static char *strip_site(const char *t, const char *site, const char *host, int *oom) {
  char *r = strdup(t);
  if (!r) { *oom = 1; return NULL; }
  for (int round = 0; round < 3; round++) {
    size_t sl;
    const char *p = find_sep(r, 1, &sl);
    if (p && is_site_segment(p + sl, site, host)) {
      r[p - r] = '\0';
      dom_squash_space(r);
      continue;
    }
    p = find_sep(r, 0, &sl);
    if (p) {
      char *head = strndup(r, (size_t)(p - r));
      if (!head) { *oom = 1; break; }
      int site_head = is_site_segment(head, site, host);
      free(head);
      if (site_head) {
        memmove(r, p + sl, strlen(p + sl) + 1);
        dom_squash_space(r);
        continue;
      }
    }
    break;
  }
  return r;
}

/* A cleaned <title>: the site's segment removed, then a trailing short
 * section segment ("Story - Politics") when what remains is a headline of
 * its own.  Returns a new string. */
static char *clean_title(const char *t, const char *site, const char *host, int *oom) {
  char *r = strip_site(t, site, host, oom);
  if (!r) return NULL;
  for (int round = 0; round < 2; round++) {
    size_t sl;
    const char *p = find_sep(r, 1, &sl);
    if (!p) break;
    const char *tail = p + sl;
    char *head = strndup(r, (size_t)(p - r));
    if (!head) { *oom = 1; break; }
    /* "Headline - Section": a tail of at most 3 words after a headline of 4+
     * words (Readability's rule of thumb for what a headline needs). */
    int cut = word_count(tail) <= 3 && word_count(head) >= 4 && strlen(tail) * 2 < strlen(head);
    if (has_cjk(head) && strlen(tail) * 2 < strlen(head) && strlen(head) >= 24) cut = 1;
    if (cut) { free(r); r = head; dom_squash_space(r); }
    else { free(head); break; }
  }
  return r;
}

/* ================================================================ anchor */

/* The page-text offset of the headline, and its element in s->headline:
 * the <h1> matching the title, else an <h2> / <h3> matching it, else the
 * first <h1> outside asides, else the first <article> / <main>. */
static size_t find_anchor(scan *s, const char *title) {
  char *lt = loose(title);
  const cand *first = NULL, *match = NULL;
  for (int pass = 0; pass < 2 && !match; pass++) {
    const candvec *cv = pass == 0 ? &s->h1s : &s->heads;
    for (size_t i = 0; i < cv->n && !match; i++) {
      const cand *c = &cv->v[i];
      if (!c->text) continue;
      if (pass == 0 && !first && !c->aside) first = c;
      char *lh = loose(c->text);
      int hit = 0;
      if (lt && lh && *lh)
        hit = pass == 0 ? (strstr(lt, lh) || strstr(lh, lt)) : strcmp(lt, lh) == 0;
      if (hit) match = c;
      free(lh);
    }
  }
  free(lt);
  if (!match) match = first;
  if (match) {
    s->headline = match->node;
    return match->pos;
  }
  if (s->article_pos != NO_POS) return s->article_pos;
  return s->main_pos;
}

static int is_aside(const scan *s, const xmlNode *aside) {
  return aside && !(s->headline && contains(aside, s->headline));
}

static int near_anchor(size_t pos, size_t anchor) {
  if (anchor == NO_POS) return 1;
  return pos + ANCHOR_BEFORE >= anchor && pos <= anchor + ANCHOR_AFTER;
}

/* True when itemprop entry e belongs to the item holding the headline (its
 * scope contains it); with no headline or no scope, e counts when near the
 * headline. */
static int main_item_prop(const scan *s, const mentry *e, size_t anchor) {
  if (e->scope && s->headline) return contains(e->scope, s->headline);
  return near_anchor(e->pos, anchor);
}

/* ================================================================ authors */

static int has_sub(const char *p, size_t l, const char *sub) {
  size_t sl = strlen(sub);
  for (size_t i = 0; i + sl <= l; i++)
    if (memcmp(p + i, sub, sl) == 0) return 1;
  return 0;
}

typedef struct names {
  strvec persons;
  char *org;                 /* the first organisation seen (kept if no person) */
} names;

/* Words of relative times ("2 hours ago", "vor 3 Stunden", "hace 2 horas"):
 * dropped from bylines when one of the trigger words is there. */
static const char *const REL_TRIGGERS[] = {"ago", "vor", "hace", "há", "fa", "назад"};
static const char *const REL_UNITS[] = {
  "ago", "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour",
  "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years",
  "vor", "sekunden", "minuten", "stunde", "stunden", "tag", "tagen", "hace", "minutos",
  "hora", "horas", "días", "há", "fa", "ore", "giorni", "назад", "часа", "часов", "минут",
  "an", "a", "just", "now", "yesterday", "today",
};

/* Lower-cased ASCII copy of a word without surrounding punctuation. */
static void word_key(const char *w, size_t n, char *out, size_t outlen) {
  while (n && strchr(".,:;!?\"'()[]", w[n - 1])) n--;
  while (n && strchr(".,:;!?\"'()[]", *w)) { w++; n--; }
  buf b = BUF_INIT;
  lower_into(&b, w, n);
  size_t l = b.len < outlen - 1 ? b.len : outlen - 1;
  if (b.data) memcpy(out, b.data, l);
  out[l] = '\0';
  buf_free(&b);
}

/* True when w starts with a lower-case letter (ASCII, Latin-1, Cyrillic). */
static int word_lower_start(const char *w) {
  unsigned char c = (unsigned char)*w;
  if (c < 0x80) return islower(c);
  int l = utf8_seqlen((const unsigned char *)w, strlen(w));
  if (l <= 0) return 0;
  unsigned cp = utf8_decode((const unsigned char *)w, l);
  return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x430 && cp <= 0x45F);
}

static int word_upper_start(const char *w) {
  unsigned char c = (unsigned char)*w;
  if (c >= 'A' && c <= 'Z') return 1;
  if (c < 0x80) return 0;
  int l = utf8_seqlen((const unsigned char *)w, strlen(w));
  if (l <= 0) return 0;
  unsigned cp = utf8_decode((const unsigned char *)w, l);
  return lower_cp(cp) != cp || (cp >= 0x100 && cp <= 0x17F && !(cp & 1));
}

/* True when a word of s is in JUNK_NAME_WORDS. */
static int has_junk_word(const char *s) {
  const char *p;
  for (size_t l; (l = next_word(&s, &p)) > 0;) {
    char key[64];
    word_key(p, l, key, sizeof key);
    if (in_list(key, JUNK_NAME_WORDS, NELEM(JUNK_NAME_WORDS))) return 1;
  }
  return 0;
}

/* 0: not a name; 1: a person; 2: an organisation. */
static int classify_name(const char *name, int structured, const char *site) {
  size_t len = strlen(name);
  if (len < 2 || len > NAME_MAX_BYTES) return 0;
  int words = word_count(name);
  if (words < 1 || words > NAME_MAX_WORDS) return 0;
  int latin = 0, upper = 0, org = 0, lower_word = 0;
  for (const char *p = name; *p; p++) {
    if (isdigit((unsigned char)*p) || *p == '@' || *p == '<' || *p == '>' || *p == '=' ||
        *p == '{' || *p == '}' || *p == '#' || *p == '?' || *p == '!' || *p == ':')
      return 0;
    if (isalpha((unsigned char)*p)) latin = 1;
  }
  if (strstr(name, "://") || strncasecmp(name, "www.", 4) == 0) return 0;
  const char *rest = name, *p;
  for (size_t l; (l = next_word(&rest, &p)) > 0;) {
    char key[64];
    word_key(p, l, key, sizeof key);
    if (in_list(key, JUNK_NAME_WORDS, NELEM(JUNK_NAME_WORDS))) return 0;
    if (in_list(key, ORG_WORDS, NELEM(ORG_WORDS))) org = 1;
    if (word_upper_start(p)) upper++;
    else if (word_lower_start(p) && !in_list(key, NAME_PARTICLES, NELEM(NAME_PARTICLES)))
      lower_word = 1;
  }
  if (site && loose_eq(name, site)) org = 1;
  if (org) return (upper || !latin) ? 2 : 0;   /* "news service reports" is prose */
  if (latin && !upper && !structured) return 0;
  /* "Expertin für Neue Arbeit", "Martin is a developer": a sentence */
  if (lower_word && !structured) return 0;
  if (words == 1 && !structured && !has_cjk(name)) return 0;
  return 1;
}

static void add_name(names *nm, const char *part, int kind, int *oom) {
  if (kind == 2) {
    if (!nm->org && !(nm->org = strdup(part))) *oom = 1;
    return;
  }
  if (nm->persons.n >= AUTHORS_MAX) return;
  for (size_t i = 0; i < nm->persons.n; i++)
    if (loose_eq(nm->persons.v[i], part)) return;
  if (strvec_push(&nm->persons, part)) *oom = 1;
}

/* "facebook.com", "jane.doe": a lower-case word with a dot inside is a
 * domain or a user name ("J.O." initials are upper case). */
static int is_username(const char *p, size_t l) {
  int dot = 0, upper = 0;
  for (size_t i = 0; i < l; i++) {
    if (p[i] == '.' && i > 0 && i + 1 < l && isalpha((unsigned char)p[i + 1])) dot = 1;
    if (isupper((unsigned char)p[i])) upper = 1;
  }
  return dot && !upper;
}

/* Strips byline prefixes ("By", "Von", "Texte :") and role words at both
 * ends of part, in place. */
static void strip_prefixes(char *part) {
  for (int again = 1; again;) {
    again = 0;
    dom_squash_space(part);
    buf low = BUF_INIT;           /* lower-casing keeps byte lengths here */
    lower_into(&low, part, strlen(part) < 64 ? strlen(part) : 64);
    const char *lp = buf_str(&low);
    for (size_t i = 0; i < NELEM(BYLINE_PREFIXES); i++) {
      const char *pre = BYLINE_PREFIXES[i];
      size_t l = strlen(pre);
      if (low.len >= l && strncmp(lp, pre, l) == 0 &&
          (part[l] == ' ' || part[l] == ':' || part[l] == '\0' || strchr(pre, ':') ||
           strchr(pre, '/') || (unsigned char)pre[l - 1] >= 0x80)) {
        memmove(part, part + l, strlen(part + l) + 1);
        while (*part == ' ' || *part == ':') memmove(part, part + 1, strlen(part));
        again = 1;
        break;
      }
    }
    buf_free(&low);
  }
}

/* Strips role words at both ends of part, in place ("Senior Editor Jane
 * Doe, Staff Writer"), and stray punctuation. */
static void strip_roles(char *part) {
  /* leading role words */
  for (;;) {
    size_t l = 0;
    while (part[l] && part[l] != ' ') l++;
    if (!part[l]) break;
    char key[64];
    word_key(part, l, key, sizeof key);
    if (!in_list(key, ROLE_WORDS, NELEM(ROLE_WORDS)) && !in_list(key, WEEKDAYS, NELEM(WEEKDAYS)))
      break;
    memmove(part, part + l + 1, strlen(part + l + 1) + 1);
  }
  /* trailing role words, and trailing lower-case words after a capitalised
   * name ("Daniel Hentschel ebrosia") */
  for (;;) {
    char *sp = strrchr(part, ' ');
    if (!sp) break;
    char key[64];
    word_key(sp + 1, strlen(sp + 1), key, sizeof key);
    int lower_tail = word_lower_start(sp + 1) &&
                     !in_list(key, NAME_PARTICLES, NELEM(NAME_PARTICLES)) &&
                     word_upper_start(part);
    if (!in_list(key, ROLE_WORDS, NELEM(ROLE_WORDS)) && !in_list(key, WEEKDAYS, NELEM(WEEKDAYS)) &&
        !lower_tail)
      break;
    *sp = '\0';
  }
  /* stray punctuation at the ends, guillemets included */
  size_t n = strlen(part);
  for (;;) {
    while (n && strchr(".,:;-|*> ", part[n - 1])) part[--n] = '\0';
    if (n >= 2 && (unsigned char)part[n - 2] == 0xC2 &&
        ((unsigned char)part[n - 1] == 0xBB || (unsigned char)part[n - 1] == 0xAB)) {
      n -= 2;
      part[n] = '\0';
      continue;
    }
    break;
  }
  while (*part && strchr(",:;-|*", *part)) memmove(part, part + 1, strlen(part));
  dom_squash_space(part);
}

/* Splits a raw byline into names and adds them to nm.  structured: from
 * JSON-LD or a meta tag (single-word and lower-case names allowed). */
static void add_byline(scan *s, names *nm, const char *raw, int structured, const char *site) {
  char *c = clean_dup(raw, &s->oom);
  if (!c) return;
  if (strlen(c) > BYLINE_MAX_LEN) { free(c); return; }
  /* "(handle)", "(AFP)": a one-word group in parentheses is an alias or an
   * agency, not a further name */
  for (char *o = strchr(c, '('); o; o = strchr(o, '(')) {
    char *cl = strchr(o, ')');
    if (!cl) break;
    if (!memchr(o, ' ', (size_t)(cl - o))) {
      memmove(o, cl + 1, strlen(cl + 1) + 1);
      continue;
    }
    /* "Bruno (Henrique Zecchin) Rodrigues": capitalised middle names */
    int inline_ok = 1;
    for (char *q = o + 1; q < cl && inline_ok; q++)
      if ((q == o + 1 || q[-1] == ' ') && !isupper((unsigned char)*q)) inline_ok = 0;
    if (inline_ok) { *o = ' '; *cl = ' '; }
    o = cl;
  }
  /* other brackets separate names: make them words of their own */
  {
    buf sep = BUF_INIT;
    for (const char *q = c; *q; q++) {
      if (*q == '(' || *q == ')' || *q == '[' || *q == ']') buf_adds(&sep, " | ");
      else buf_addc(&sep, *q);
    }
    char *t = buf_detach(&sep);
    if (!t) { free(c); s->oom = 1; return; }
    free(c);
    c = t;
  }
  /* ideographic spaces are spaces */
  for (char *q = strstr(c, "\xE3\x80\x80"); q; q = strstr(q, "\xE3\x80\x80")) {
    memmove(q + 1, q + 3, strlen(q + 3) + 1);
    *q = ' ';
  }
  /* a date label ends the names ("By Jane Doe | Published ...", "作者：张伟
   * 发布时间：...") */
  {
    buf low = BUF_INIT;
    lower_into(&low, c, strlen(c));
    size_t cut = low.len;
    static const struct { const char *const *w; size_t n; } LABELS[] = {
      {PUBLISHED_WORDS, NELEM(PUBLISHED_WORDS)}, {MODIFIED_WORDS, NELEM(MODIFIED_WORDS)},
    };
    for (size_t k = 0; k < NELEM(LABELS); k++)
      for (size_t i = 0; i < LABELS[k].n; i++) {
        const char *hit = strstr(buf_str(&low), LABELS[k].w[i]);
        /* at a word start, and not the whole byline */
        if (hit && hit > low.data && (size_t)(hit - low.data) < cut &&
            ((unsigned char)hit[0] >= 0x80 || !isalnum((unsigned char)hit[-1])))
          cut = (size_t)(hit - low.data);
      }
    if (low.len == strlen(c) && cut < low.len) c[cut] = '\0';
    buf_free(&low);
  }
  /* a date ends the names ("By Jane Doe March 25, 2015") */
  date_ctx any = s->dc;
  any.now = 0;
  any.floor_year = 1900;
  any.flags = DATE_TWO_DIGIT_YEAR;
  art_date d;
  size_t ds;
  if (date_find(c, 0, &any, &d, &ds, NULL)) c[ds] = '\0';
  /* words: URLs, e-mails, handles, digits and relative times go; list
   * separators become '\x01' */
  int relative = 0;
  const char *rest = c, *p;
  for (size_t l; (l = next_word(&rest, &p)) > 0;) {
    char key[64];
    word_key(p, l, key, sizeof key);
    if (in_list(key, REL_TRIGGERS, NELEM(REL_TRIGGERS))) relative = 1;
  }
  buf b = BUF_INIT;
  int comma_parts = 0, other_seps = 0;
  rest = c;
  for (size_t l; (l = next_word(&rest, &p)) > 0;) {
    char key[64];
    word_key(p, l, key, sizeof key);
    int drop = 0, sep = 0;
    if (l == 1 && (*p == '-' || *p == '|' || *p == '/')) {
      buf_addc(&b, '\x01');
      other_seps++;
      continue;
    }
    if (is_username(p, l)) drop = 1;
    if (memchr(p, '@', l) || (l > 4 && (strncmp(p, "http", 4) == 0 || strncmp(p, "www.", 4) == 0))
        || has_sub(p, l, "://"))
      drop = 1;
    for (size_t i = 0; i < l && !drop; i++)
      if (isdigit((unsigned char)p[i])) drop = 1;
    if (relative && in_list(key, REL_UNITS, NELEM(REL_UNITS))) drop = 1;
    /* joiners are lower case: "A" is an initial, "and" a joiner */
    char raw_key[16];
    if (l < sizeof raw_key) { memcpy(raw_key, p, l); raw_key[l] = '\0'; }
    else raw_key[0] = '\0';
    if (in_list(raw_key, NAME_JOINERS, NELEM(NAME_JOINERS))) { sep = 1; drop = 1; other_seps++; }
    if (!drop) {
      for (size_t i = 0; i < l; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch == ',') { buf_addc(&b, '\x01'); comma_parts++; }
        else if (ch == ';' || ch == '|' || ch == '/' || ch == '(' || ch == ')' || ch == '[' ||
                 ch == ']' || ch == '\n' || ch == '+') {
          buf_addc(&b, '\x01'); other_seps++;
        } else if (ch == 0xE2 && (unsigned char)p[i + 1] == 0x80 &&
                   ((unsigned char)p[i + 2] == 0xA2 || (unsigned char)p[i + 2] == 0x94 ||
                    (unsigned char)p[i + 2] == 0x93)) {
          buf_addc(&b, '\x01'); other_seps++; i += 2;   /* • — – */
        } else if (ch == 0xC2 && (unsigned char)p[i + 1] == 0xB7) {
          buf_addc(&b, '\x01'); other_seps++; i += 1;   /* · */
        } else if (ch == 0xE3 && (unsigned char)p[i + 1] == 0x80 &&
                   (unsigned char)p[i + 2] == 0x81) {
          buf_addc(&b, '\x01'); other_seps++; i += 2;   /* 、 */
        } else if (ch == 0xEF && (unsigned char)p[i + 1] == 0xBC &&
                   (unsigned char)p[i + 2] == 0x8C) {
          buf_addc(&b, '\x01'); other_seps++; i += 2;   /* ， */
        } else {
          buf_addc(&b, (char)ch);
        }
      }
      buf_addc(&b, ' ');
    } else if (sep) {
      buf_addc(&b, '\x01');
    }
  }
  free(c);
  if (b.oom) { buf_free(&b); s->oom = 1; return; }
  char *all = buf_detach(&b);
  if (!all) { s->oom = 1; return; }
  /* "Doe, Jane" (one comma, one word before it) is one name */
  if (comma_parts == 1 && other_seps == 0) {
    char *comma = strchr(all, '\x01');
    *comma = '\0';
    char first[NAME_MAX_BYTES + 1], last[NAME_MAX_BYTES + 1];
    snprintf(last, sizeof last, "%s", all);
    snprintf(first, sizeof first, "%s", comma + 1);
    dom_squash_space(last);
    strip_prefixes(first);
    strip_roles(first);
    if (word_count(last) == 1 && word_count(first) >= 1 && word_count(first) <= 3 &&
        classify_name(last, 1, site) == 1 && classify_name(first, 1, site) == 1) {
      char joined[2 * NAME_MAX_BYTES + 2];
      snprintf(joined, sizeof joined, "%s %s", first, last);
      int kind = classify_name(joined, structured, site);
      if (kind) add_name(nm, joined, kind, &s->oom);
      free(all);
      return;
    }
    *comma = '\x01';
  }
  /* parts first, so that a one-word part can be judged against the others:
   * "unocero - Alberto Ávila" is a site and a person */
  char *parts[AUTHORS_MAX * 2];
  int kinds[AUTHORS_MAX * 2], np = 0, multi = 0;
  char *save = NULL;
  for (char *part = strtok_r(all, "\x01", &save); part && np < AUTHORS_MAX * 2;
       part = strtok_r(NULL, "\x01", &save)) {
    strip_prefixes(part);
    char orig[BYLINE_MAX_LEN + 1];
    snprintf(orig, sizeof orig, "%s", part);
    strip_roles(part);
    if (!*part) continue;
    int kind = classify_name(part, structured, site);
    if (!kind) continue;
    /* "BBC News" stays whole as an organisation; "Reuters Staff" is no one */
    if (kind == 2 && strcmp(orig, part) != 0) {
      if (has_junk_word(orig)) continue;
      if (classify_name(orig, structured, site) == 2) strcpy(part, orig);
    }
    if (kind == 1 && word_count(part) >= 2) multi = 1;
    parts[np] = part;
    kinds[np++] = kind;
  }
  /* one word among several parts is a place, a handle or a site
   * ("Süddeutsche.de GmbH, Munich, Germany") */
  for (int i = 0; i < np; i++)
    if (!((multi || np > 1) && kinds[i] == 1 && word_count(parts[i]) == 1 && !has_cjk(parts[i])))
      add_name(nm, parts[i], kinds[i], &s->oom);
  free(all);
}

/* Finds an author label in free text and adds the names right after it:
 * capitalised words (and the joiners between them) for alphabetic scripts,
 * a few characters up to the next space or mark for CJK. */
static void labelled_byline(scan *s, names *nm, const char *text, const char *site,
                            int line_start) {
  buf low = BUF_INIT;
  lower_into(&low, text, strlen(text));
  if (low.oom || low.len != strlen(text)) { buf_free(&low); return; }
  const char *lt = buf_str(&low);
  for (size_t i = 0; i < NELEM(AUTHOR_LABELS) && nm->persons.n == 0; i++) {
    const char *hit = strstr(lt, AUTHOR_LABELS[i]);
    /* in running text only a label that starts a line, and only when the
     * name ends the line or meets a separator ("Von Max Muster | 24.07.") */
    while (hit && line_start && hit > lt && hit[-1] != '\n')
      hit = strstr(hit + 1, AUTHOR_LABELS[i]);
    if (!hit || (hit > lt && (unsigned char)hit[0] < 0x80 && isalnum((unsigned char)hit[-1])))
      continue;
    const char *p = text + (hit - lt) + strlen(AUTHOR_LABELS[i]);
    while (*p == ' ' || *p == ':') p++;
    buf name = BUF_INIT;
    if (has_cjk(AUTHOR_LABELS[i]) || ((unsigned char)*p >= 0xE3 && (unsigned char)*p <= 0xED)) {
      /* CJK: up to 12 bytes (four characters) before a space or a mark */
      size_t n = 0;
      while (p[n] && p[n] != ' ' && n < 12 && (unsigned char)p[n] >= 0x80 &&
             strncmp(p + n, "\xEF\xBC", 2) != 0 && strncmp(p + n, "\xE3\x80", 2) != 0)
        n++;
      buf_add(&name, p, n);
    } else {
      int words = 0;
      while (*p && words < NAME_MAX_WORDS + 2) {
        size_t l = 0;
        while (p[l] && p[l] != ' ' && p[l] != ',' && p[l] != '|') l++;
        if (!l) break;
        char key[64];
        word_key(p, l, key, sizeof key);
        int joiner = in_list(key, NAME_JOINERS, NELEM(NAME_JOINERS)) && word_lower_start(p);
        static const char *const STOP[] = {"by", "von", "par", "por"};
        if (words > 0 && in_list(key, STOP, NELEM(STOP)) && !word_lower_start(p)) break;
        if (!word_upper_start(p) && !joiner &&
            !in_list(key, NAME_PARTICLES, NELEM(NAME_PARTICLES)))
          break;
        buf_add(&name, p, l);
        buf_addc(&name, ' ');
        words++;
        p += l;
        if (*p == ',') { buf_addc(&name, ','); p++; }
        if (*p == '|') break;
        while (*p == ' ') p++;
      }
      int ends = !*p || strchr("\n|,", *p) || isdigit((unsigned char)*p) ||
                 (*p == '-' && p[1] == ' ') || strncmp(p, "\xC2\xB7", 2) == 0 ||
                 strncmp(p, "\xE2\x80", 2) == 0;
      if (line_start && !ends) name.len = 0;   /* the "name" runs on into a sentence */
    }
    if (name.len) add_byline(s, nm, buf_str(&name), 0, site);
    buf_free(&name);
  }
  buf_free(&low);
}

/* Adds the names of a JSON-LD author value: a string, a Person or
 * Organization object, or an array of them. */
static void add_ld_authors(scan *s, names *nm, json_object *v, const char *site) {
  if (!v) return;
  if (json_object_is_type(v, json_type_array)) {
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n && i < 64; i++) {
      json_object *e = json_object_array_get_idx(v, i);
      if (!json_object_is_type(e, json_type_array)) add_ld_authors(s, nm, e, site);
    }
    return;
  }
  if (json_object_is_type(v, json_type_string)) {
    add_byline(s, nm, json_object_get_string(v), 1, site);
    return;
  }
  if (!json_object_is_type(v, json_type_object)) return;
  const char *name = ld_str(v, "name");
  if (!name) {
    /* {"givenName": "Jane", "familyName": "Doe"} */
    const char *g = ld_str(v, "givenName"), *f = ld_str(v, "familyName");
    if (g && f) {
      char full[2 * NAME_MAX_BYTES + 2];
      snprintf(full, sizeof full, "%s %s", g, f);
      add_byline(s, nm, full, 1, site);
    }
    return;
  }
  if (ld_type_in(v, LD_ORG, NELEM(LD_ORG), NULL)) {
    char *c = clean_dup(name, &s->oom);
    if (c && !nm->org) nm->org = c;
    else free(c);
    return;
  }
  add_byline(s, nm, name, 1, site);
}

static void resolve_authors(scan *s, art_meta *m, size_t anchor) {
  names nm;
  memset(&nm, 0, sizeof nm);
  const char *site = m->site_name;
  /* 1. JSON-LD */
  json_object *item = s->main;
  if (item) {
    json_object *a = ld_get(item, "author");
    if (!a) a = ld_get(item, "creator");
    add_ld_authors(s, &nm, a, site);
  }
  /* 2. meta tags, key by key */
  for (size_t k = 0; k < NELEM(K_AUTHOR) && nm.persons.n == 0; k++)
    for (size_t i = 0; i < s->nm; i++)
      if (s->m[i].kind != MK_ITEMPROP && strcmp(s->m[i].key, K_AUTHOR[k]) == 0)
        add_byline(s, &nm, s->m[i].val, 1, site);
  /* 3. microdata */
  for (size_t i = 0; i < s->nm && nm.persons.n == 0; i++)
    if (s->m[i].kind == MK_ITEMPROP && !is_aside(s, s->m[i].aside) &&
        (strcmp(s->m[i].key, "author") == 0 || strcmp(s->m[i].key, "creator") == 0) &&
        main_item_prop(s, &s->m[i], anchor))
      add_byline(s, &nm, s->m[i].val, s->m[i].node_kind == NK_META, site);
  /* 4. byline elements near the headline (rel=author links among them) */
  for (size_t i = 0; i < s->bylines.n && nm.persons.n == 0; i++) {
    const cand *c = &s->bylines.v[i];
    if (is_aside(s, c->aside) || !c->text || !near_anchor(c->pos, anchor)) continue;
    add_byline(s, &nm, c->text, 0, site);
  }
  /* 5. an explicit label ("By", "Von", "作者：") in a dateline or in the text
   * right below the headline */
  for (size_t i = 0; i < s->dates.n && nm.persons.n == 0; i++) {
    const cand *c = &s->dates.v[i];
    if (is_aside(s, c->aside) || !c->text || !near_anchor(c->pos, anchor)) continue;
    labelled_byline(s, &nm, c->text, site, 0);
  }
  if (nm.persons.n == 0 && anchor != NO_POS && anchor < s->text.len) {
    char *slice = visible_text(s, anchor, ANCHOR_TEXT_SCAN);
    if (slice) labelled_byline(s, &nm, slice, site, 1);
    else s->oom = 1;
    free(slice);
  }
  /* with a full name among them, one-word "authors" are stations, desks or
   * handles ("Jessica Holly", "WSVN") */
  int full = 0;
  for (size_t i = 0; i < nm.persons.n; i++)
    if (word_count(nm.persons.v[i]) >= 2 || has_cjk(nm.persons.v[i])) full = 1;
  for (size_t i = 0; i < nm.persons.n; i++)
    if ((!full || word_count(nm.persons.v[i]) >= 2 || has_cjk(nm.persons.v[i])) &&
        strvec_push(&m->authors, nm.persons.v[i]))
      s->oom = 1;
  if (m->authors.n == 0 && nm.org && strvec_push(&m->authors, nm.org)) s->oom = 1;
  strvec_free(&nm.persons);
  free(nm.org);
}

/* ================================================================ dates */

enum { LBL_NONE, LBL_PUB, LBL_MOD };

/* Context bytes before a date searched for a label ("Updated:", "Publié le"). */
#define LABEL_WINDOW 48

/* The label nearest before text[start], not looking before lo. */
static int label_before(const char *text, size_t lo, size_t start) {
  size_t from = start > LABEL_WINDOW ? start - LABEL_WINDOW : 0;
  if (from < lo) from = lo;
  if (from >= start) return LBL_NONE;
  buf b = BUF_INIT;
  lower_into(&b, text + from, start - from);
  const char *h = buf_str(&b);
  int kind = LBL_NONE;
  size_t best = 0;
  static const struct { const char *const *w; size_t n; int kind; } SETS[] = {
    {MODIFIED_WORDS, NELEM(MODIFIED_WORDS), LBL_MOD},
    {PUBLISHED_WORDS, NELEM(PUBLISHED_WORDS), LBL_PUB},
  };
  for (size_t k = 0; k < NELEM(SETS); k++)
    for (size_t i = 0; i < SETS[k].n; i++) {
      size_t wl = strlen(SETS[k].w[i]);
      for (const char *p = strstr(h, SETS[k].w[i]); p; p = strstr(p + 1, SETS[k].w[i])) {
        size_t endpos = (size_t)(p - h) + wl;
        if (endpos > best || (endpos == best && kind == LBL_NONE)) {
          best = endpos;
          kind = SETS[k].kind;
        }
      }
    }
  buf_free(&b);
  return kind;
}

typedef struct found {
  art_date d;
  int ok;
} found;

/* Dates in text: the first one not labelled as an update goes to *pub (only
 * one labelled as a publication when need_label), the first labelled as an
 * update to *mod (either may be NULL). */
#define MAX_TEXT_DATES 64
static void scan_dates(const scan *s, const char *text, int flags, int need_label, found *pub,
                       found *mod) {
  date_ctx c = s->dc;
  c.flags |= flags;
  size_t from = 0, prev = 0, st, en;
  art_date d;
  for (int k = 0; k < MAX_TEXT_DATES && date_find(text, from, &c, &d, &st, &en); k++) {
    int lbl = label_before(text, prev, st);
    if (lbl == LBL_MOD) {
      if (mod && !mod->ok) { mod->d = d; mod->ok = 1; }
    } else if (pub && !pub->ok && (!need_label || lbl == LBL_PUB)) {
      pub->d = d;
      pub->ok = 1;
    }
    if ((!pub || pub->ok) && (!mod || mod->ok)) break;
    from = prev = en;
  }
}

/* A date from a structured value (meta content, JSON-LD, datetime attribute). */
static int value_date(const scan *s, const char *v, art_date *d) {
  if (!v) return 0;
  date_ctx c = s->dc;
  c.flags |= DATE_EPOCH | DATE_COMPACT;
  return date_find(v, 0, &c, d, NULL, NULL);
}

/* The date in the page URL: /2019/04/28/, /2019-04-28-slug, _20190428. */
static int url_date(const char *url, const date_ctx *c, art_date *d) {
  if (!url) return 0;
  const char *p = strstr(url, "://");
  p = p ? strchr(p + 3, '/') : url;
  if (!p) return 0;
  for (; *p; p++) {
    if (!isdigit((unsigned char)*p) || isdigit((unsigned char)p[-1])) continue;
    size_t n = 0;
    while (isdigit((unsigned char)p[n])) n++;
    memset(d, 0, sizeof *d);
    if (n == 4 && strchr("/-_.", p[4]) && p[4]) {
      char sep = p[4];
      const char *q = p + 5;
      size_t m = 0;
      while (isdigit((unsigned char)q[m])) m++;
      if (m < 1 || m > 2 || q[m] != sep) continue;
      const char *r = q + m + 1;
      size_t k = 0;
      while (isdigit((unsigned char)r[k])) k++;
      if (k < 1 || k > 2) continue;
      d->year = atoi(p); d->month = atoi(q); d->day = atoi(r);
    } else if (n == 8 && strchr("/-_", p[-1])) {
      long v = strtol(p, NULL, 10);
      d->year = (int)(v / 10000); d->month = (int)(v / 100 % 100); d->day = (int)(v % 100);
    } else {
      p += n - 1;
      continue;
    }
    if (date_plausible(d, c)) return 1;
    p += n - 1;
  }
  return 0;
}

/* JSON-LD date for key: the main item's, else a top-level page item's. */
static int ld_date(const scan *s, const char *key, art_date *d) {
  if (s->main && value_date(s, ld_str(s->main, key), d)) return 1;
  for (size_t i = 0; i < s->ld.n_items; i++) {
    json_object *o = s->ld.items[i].o;
    if (s->ld.items[i].depth != 0 || o == s->main) continue;
    if (!is_article_item(o) && !ld_type_in(o, LD_WEBPAGE, NELEM(LD_WEBPAGE), NULL) &&
        !ld_type_in(o, LD_VIDEO, NELEM(LD_VIDEO), NULL))
      continue;
    if (value_date(s, ld_str(o, key), d)) return 1;
  }
  return 0;
}

static int meta_date(const scan *s, const char *const *keys, size_t nk, art_date *d) {
  for (size_t k = 0; k < nk; k++)
    for (size_t i = 0; i < s->nm; i++)
      if (s->m[i].kind != MK_ITEMPROP && strcmp(s->m[i].key, keys[k]) == 0 &&
          value_date(s, s->m[i].val, d))
        return 1;
  return 0;
}

/* itemprop=key outside asides: of the headline's item first, else the first
 * in the page. */
static int micro_date(const scan *s, const char *key, size_t anchor, art_date *d, int *nk) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < s->nm; i++) {
      const mentry *e = &s->m[i];
      if (e->kind != MK_ITEMPROP || is_aside(s, e->aside) || strcmp(e->key, key) != 0) continue;
      if (pass == 0 && !main_item_prop(s, e, anchor)) continue;
      if (value_date(s, e->val, d)) { *nk = e->node_kind; return 1; }
    }
  return 0;
}

/* A <time> or date element's date: its attribute, else its text (and the
 * text's update label, when there is one, fills *mod). */
static int cand_date(const scan *s, const cand *c, art_date *d, found *mod) {
  if (c->attr && value_date(s, c->attr, d)) return 1;
  if (!c->text) return 0;
  found pub = {0};
  scan_dates(s, c->text, DATE_TWO_DIGIT_YEAR, 0, &pub, mod);
  if (pub.ok) *d = pub.d;
  return pub.ok;
}

static void put_date(scan *s, char **field, const art_date *d) {
  char iso[48];
  date_iso(d, iso, sizeof iso);
  free(*field);
  if (!(*field = strdup(iso))) s->oom = 1;
}

/* Publication and modification dates (see the README for the cascade). */
static void resolve_dates(scan *s, art_meta *m, size_t anchor) {
  art_date pub, tmp, mod;
  const char *src = NULL;
  int have_mod = 0, nk = 0;
  found tmod = {0};
  /* structured sources */
  if (ld_date(s, "datePublished", &pub) || ld_date(s, "dateCreated", &pub) ||
      ld_date(s, "uploadDate", &pub))
    src = "json-ld";
  else if (meta_date(s, K_PUBLISHED, NELEM(K_PUBLISHED), &pub))
    src = "meta";
  else if (micro_date(s, "datepublished", anchor, &pub, &nk) ||
           micro_date(s, "datecreated", anchor, &pub, &nk) ||
           micro_date(s, "uploaddate", anchor, &pub, &nk))
    src = nk == NK_META ? "meta" : nk == NK_TIME ? "time" : "text";
  /* <time pubdate> and times classed as the publication */
  for (size_t i = 0; !src && i < s->times.n; i++) {
    const cand *c = &s->times.v[i];
    if (is_aside(s, c->aside) || c->modified || !(c->pubdate || c->published)) continue;
    if (cand_date(s, c, &pub, &tmod)) src = "time";
  }
  /* The same instant in the page's own zone reads as the page's date
   * (JSON-LD in UTC is a day later for an evening story in California). */
  if (src && pub.has_offset && pub.offset == 0 && strcmp(src, "meta") != 0 &&
      meta_date(s, K_PUBLISHED, NELEM(K_PUBLISHED), &tmp) && tmp.has_offset &&
      tmp.offset != 0 && llabs(date_epoch(&tmp) - date_epoch(&pub)) <= 60)
    pub = tmp;
  art_date ud;
  int have_url = url_date(s->o->url, &s->dc, &ud);
  if (!have_url && m->canonical_url) have_url = url_date(m->canonical_url, &s->dc, &ud);
  if (!src && have_url) { pub = ud; src = "url"; }
  /* the first <time> near the headline */
  for (size_t i = 0; !src && i < s->times.n; i++) {
    const cand *c = &s->times.v[i];
    if (is_aside(s, c->aside) || c->modified || !near_anchor(c->pos, anchor)) continue;
    if (cand_date(s, c, &pub, &tmod)) src = "time";
  }
  /* elements classed as dates near the headline */
  for (size_t i = 0; !src && i < s->dates.n; i++) {
    const cand *c = &s->dates.v[i];
    if (is_aside(s, c->aside) || c->modified || !near_anchor(c->pos, anchor)) continue;
    if (cand_date(s, c, &pub, &tmod)) src = "text";
  }
  /* the text just below the headline, then a labelled date anywhere */
  if (!src && anchor != NO_POS && anchor < s->text.len) {
    char *slice = visible_text(s, anchor, ANCHOR_TEXT_SCAN);
    if (!slice) s->oom = 1;
    found f = {0};
    if (slice) scan_dates(s, slice, 0, 0, &f, &tmod);
    free(slice);
    if (f.ok) { pub = f.d; src = "text"; }
  }
  if (!src && s->text.len) {
    found f = {0};
    char *all = visible_text(s, 0, s->text.len);
    if (!all) s->oom = 1;
    else scan_dates(s, all, 0, 1, &f, NULL);
    free(all);
    if (f.ok) { pub = f.d; src = "text"; }
  }
  /* A structured date days after the URL's is an update passed off as the
   * publication (CMSs do that); the URL's date is when the story ran. */
  if (src && have_url && strcmp(src, "url") != 0 &&
      date_epoch(&pub) > date_epoch(&ud) + URL_DATE_TOLERANCE_S) {
    if (!have_mod) { mod = pub; have_mod = 1; }
    pub = ud;
    src = "url";
  }
  /* A UTC time a day off the URL's date, on the side the hour points to
   * (an evening story in New York is "tomorrow" in UTC), is the URL's day
   * in the page's own zone. */
  if (src && have_url && strcmp(src, "url") != 0 && pub.has_offset && pub.offset == 0) {
    art_date pd = pub, u0 = ud;
    pd.has_time = u0.has_time = 0;
    long long days = (date_epoch(&pd) - date_epoch(&u0)) / 86400;
    if ((days == 1 && pub.hour < 14) || (days == -1 && pub.hour >= 10)) {
      pub = ud;
      src = "url";
    }
  }

  /* modification */
  if (ld_date(s, "dateModified", &tmp) || meta_date(s, K_MODIFIED, NELEM(K_MODIFIED), &tmp) ||
      micro_date(s, "datemodified", anchor, &tmp, &nk)) {
    mod = tmp;
    have_mod = 1;
  }
  for (size_t i = 0; !have_mod && i < s->times.n; i++) {
    const cand *c = &s->times.v[i];
    if (is_aside(s, c->aside) || !c->modified || !near_anchor(c->pos, anchor)) continue;
    if (cand_date(s, c, &tmp, NULL)) { mod = tmp; have_mod = 1; }
  }
  for (size_t i = 0; !have_mod && i < s->dates.n; i++) {
    const cand *c = &s->dates.v[i];
    if (is_aside(s, c->aside) || !c->modified || !near_anchor(c->pos, anchor)) continue;
    if (cand_date(s, c, &tmp, NULL)) { mod = tmp; have_mod = 1; }
  }
  if (!have_mod && tmod.ok) { mod = tmod.d; have_mod = 1; }

  if (src) {
    put_date(s, &m->published, &pub);
    if (!(m->date_source = strdup(src))) s->oom = 1;
  }
  /* an update cannot precede the publication */
  if (have_mod && (!src || date_epoch(&mod) + 86400 >= date_epoch(&pub)))
    put_date(s, &m->modified, &mod);
}

/* ================================================================ others */

static void set_clean(scan *s, char **field, const char *v) {
  if (*field || !v) return;
  *field = clean_dup(v, &s->oom);
}

/* Splits a tag list ("a, b; c") and adds its parts, deduplicated. */
static void add_tags(scan *s, strvec *dst, const char *v) {
  if (!v) return;
  char *c = clean_dup(v, &s->oom);
  if (!c) return;
  char *save = NULL;
  for (char *t = strtok_r(c, ",;", &save); t && dst->n < TAGS_MAX;
       t = strtok_r(NULL, ",;", &save)) {
    dom_squash_space(t);
    if (!*t || strlen(t) > 100) continue;
    int dup = 0;
    for (size_t i = 0; i < dst->n && !dup; i++) dup = strcasecmp(dst->v[i], t) == 0;
    if (!dup && strvec_push(dst, t)) s->oom = 1;
  }
  free(c);
}

static void add_ld_tags(scan *s, strvec *dst, json_object *v) {
  if (!v) return;
  if (json_object_is_type(v, json_type_array)) {
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n && dst->n < TAGS_MAX; i++) {
      const char *t = ld_value_str(json_object_array_get_idx(v, i));
      if (t) add_tags(s, dst, t);
    }
  } else {
    add_tags(s, dst, ld_value_str(v));
  }
}

static void add_meta_tags(scan *s, strvec *dst, const char *key) {
  for (size_t i = 0; i < s->nm && dst->n < TAGS_MAX; i++)
    if (strcmp(s->m[i].key, key) == 0 && !is_aside(s, s->m[i].aside))
      add_tags(s, dst, s->m[i].val);
}

static const char *base_url(const scan *s) { return s->base ? s->base : s->o->url; }

static int same_url(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static void add_video(scan *s, art_meta *m, const char *url, const char *embed,
                      const char *thumb, const char *title) {
  char *u = url ? absolute_url(url, base_url(s), &s->oom) : NULL;
  char *e = embed ? absolute_url(embed, base_url(s), &s->oom) : NULL;
  if ((!u && !e) || m->n_videos >= 20) { free(u); free(e); return; }
  for (size_t i = 0; i < m->n_videos; i++) {
    const art_video *v = &m->videos[i];
    if (same_url(u, v->url) || same_url(u, v->embed_url) || same_url(e, v->url) ||
        same_url(e, v->embed_url)) {
      free(u); free(e);
      return;
    }
  }
  if (vec_grow((void **)&m->videos, &m->cap_videos, m->n_videos, sizeof *m->videos) != 0) {
    free(u); free(e); s->oom = 1;
    return;
  }
  art_video *v = &m->videos[m->n_videos++];
  v->url = u;
  v->embed_url = e;
  v->thumbnail = thumb ? absolute_url(thumb, base_url(s), &s->oom) : NULL;
  v->title = title ? clean_dup(title, &s->oom) : NULL;
}

static void resolve_videos(scan *s, art_meta *m) {
  for (size_t i = 0; i < s->ld.n_items; i++) {
    json_object *o = s->ld.items[i].o;
    if (!ld_type_in(o, LD_VIDEO, NELEM(LD_VIDEO), NULL)) continue;
    add_video(s, m, ld_str(o, "contentUrl"), ld_str(o, "embedUrl"), ld_str(o, "thumbnailUrl"),
              ld_str(o, "name"));
  }
  const char *og = meta_get(s, K_VIDEO, NELEM(K_VIDEO), META_ONLY);
  if (og) {
    int player = !strstr(og, ".mp4") && !strstr(og, ".webm") && !strstr(og, ".m3u8");
    add_video(s, m, player ? NULL : og, player ? og : NULL, NULL, NULL);
  }
  for (size_t i = 0; i < s->video_src.n; i++)
    add_video(s, m, s->video_src.v[i], NULL, NULL, NULL);
  for (size_t i = 0; i < s->iframes.n; i++) add_video(s, m, NULL, s->iframes.v[i], NULL, NULL);
}

static void resolve_paywall(scan *s, art_meta *m) {
  json_object *item = s->main;
  json_object *f = item ? ld_get(item, "isAccessibleForFree") : NULL;
  if (f) {
    const char *v = json_object_is_type(f, json_type_boolean)
                        ? (json_object_get_boolean(f) ? "true" : "false")
                        : ld_value_str(f);
    if (v && (strcasecmp(v, "false") == 0 || strcasecmp(v, "no") == 0)) m->paywalled = 1;
    else if (v && (strcasecmp(v, "true") == 0 || strcasecmp(v, "yes") == 0)) m->paywalled = 0;
  }
  /* hasPart: [{"isAccessibleForFree": false, "cssSelector": ".paywall"}] */
  for (size_t i = 0; m->paywalled != 1 && i < s->ld.n_items; i++) {
    json_object *o = s->ld.items[i].o;
    if (s->ld.items[i].depth == 0) continue;
    json_object *p = ld_get(o, "isAccessibleForFree");
    const char *v = p && json_object_is_type(p, json_type_boolean)
                        ? (json_object_get_boolean(p) ? "true" : "false")
                        : ld_value_str(p);
    if (v && strcasecmp(v, "false") == 0 && ld_get(o, "cssSelector")) m->paywalled = 1;
  }
  static const char *const TIER_KEYS[] = {"article:content_tier", "og:article:content_tier",
                                          "cxenseparse:access-level", "access"};
  const char *tier = meta_get(s, TIER_KEYS, NELEM(TIER_KEYS), META_ONLY);
  if (tier && m->paywalled < 0) {
    for (size_t i = 0; i < NELEM(PAYWALL_TIERS); i++)
      if (strcasecmp(tier, PAYWALL_TIERS[i]) == 0) m->paywalled = 1;
    if (m->paywalled < 0 && strcasecmp(tier, "free") == 0) m->paywalled = 0;
  }
  if (m->paywalled < 0 && s->paywall_marker) m->paywalled = 1;
}

static void resolve_page_type(scan *s, art_meta *m) {
  json_object *o = s->main;
  const char *t = NULL;
  if (o && is_article_item(o)) t = "article";
  else if (o && ld_type_in(o, LD_VIDEO, NELEM(LD_VIDEO), NULL)) t = "video";
  else if (o && ld_type_in(o, LD_PRODUCT, NELEM(LD_PRODUCT), NULL)) t = "product";
  else if (o && ld_type_in(o, LD_INDEX, NELEM(LD_INDEX), NULL)) t = "index";
  if (!t) {
    static const char *const K[] = {"og:type"};
    const char *og = meta_get(s, K, 1, META_ONLY);
    if (og && (strcasecmp(og, "article") == 0 || strncasecmp(og, "article", 7) == 0 ||
               strcasecmp(og, "blog") == 0 || strcasecmp(og, "news") == 0))
      t = "article";
    else if (og && strncasecmp(og, "video", 5) == 0) t = "video";
    else if (og && (strncasecmp(og, "product", 7) == 0 || strcasecmp(og, "og:product") == 0))
      t = "product";
  }
  if (t && !(m->page_type = strdup(t))) s->oom = 1;
}

static void resolve_language(scan *s, art_meta *m) {
  m->language = norm_lang(s->html_lang, &s->oom);
  static const char *const CL[] = {"content-language"};
  static const char *const LOC[] = {"og:locale"};
  static const char *const OTHER[] = {"language", "dc:language", "dcterms:language",
                                      "inlanguage"};
  if (!m->language) m->language = norm_lang(meta_get(s, CL, 1, META_ONLY), &s->oom);
  if (!m->language) m->language = norm_lang(meta_get(s, LOC, 1, META_ONLY), &s->oom);
  if (!m->language && s->main) m->language = norm_lang(ld_str(s->main, "inLanguage"), &s->oom);
  if (!m->language) m->language = norm_lang(meta_get(s, OTHER, NELEM(OTHER), ALL_KINDS), &s->oom);
}

static void resolve_site(scan *s, art_meta *m) {
  static const char *const OG[] = {"og:site_name"};
  set_clean(s, &m->site_name, meta_get(s, OG, 1, META_ONLY));
  if (s->main) {
    json_object *p = ld_get(s->main, "publisher");
    if (p && json_object_is_type(p, json_type_array)) p = json_object_array_get_idx(p, 0);
    set_clean(s, &m->site_name, ld_value_str(p));
  }
  set_clean(s, &m->site_name, ld_top_name(&s->ld, (const char *const[]){"WebSite"}, 1));
  set_clean(s, &m->site_name, meta_get(s, K_SITE_NAME + 1, NELEM(K_SITE_NAME) - 1, META_ONLY));
  set_clean(s, &m->site_name, ld_top_name(&s->ld, LD_ORG, NELEM(LD_ORG)));
  /* "Site - Tagline", "Site | Slogan": the name is the short first part */
  if (m->site_name) {
    size_t sl;
    const char *p = find_sep(m->site_name, 0, &sl);
    if (p && word_count(p + sl) >= 2 && p - m->site_name <= 40) {
      char *head = strndup(m->site_name, (size_t)(p - m->site_name));
      if (head && word_count(head) <= 3) { free(m->site_name); m->site_name = head; }
      else free(head);
    }
  }
  /* a name has letters ("☆☆☆☆☆" is decoration) */
  if (m->site_name) {
    char *l = loose(m->site_name);
    if (!l || !*l) { free(m->site_name); m->site_name = NULL; }
    free(l);
  }
  /* a URL is not a name */
  if (m->site_name && (strstr(m->site_name, "://") || strlen(m->site_name) > 200)) {
    free(m->site_name);
    m->site_name = NULL;
  }
}

/* JSON-LD headlines are often cut at 110 characters ("..."): a longer title
 * that starts the same is the full one. */
static const char *untruncate(const char *t, const char *longer) {
  if (!t || !longer) return t;
  size_t n = strlen(t);
  size_t k = n;
  if (n >= 3 && strcmp(t + n - 3, "...") == 0) k = n - 3;
  else if (n >= 3 && strcmp(t + n - 3, "\xE2\x80\xA6") == 0) k = n - 3;
  else return t;
  while (k && t[k - 1] == ' ') k--;
  if (k >= 20 && strlen(longer) > k && strncmp(t, longer, k) == 0) return longer;
  return t;
}

/* Share of the words of a that b has (loose forms): 0..1. */
static double overlap(const char *a, const char *b) {
  char *la = loose(a), *lb = loose(b);
  int total = 0, found = 0;
  if (la && lb) {
    size_t lbl = strlen(lb);
    char *save = NULL;
    for (char *w = strtok_r(la, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
      size_t wl = strlen(w);
      total++;
      for (const char *p = strstr(lb, w); p; p = strstr(p + 1, w))
        if ((p == lb || p[-1] == ' ') && (p + wl == lb + lbl || p[wl] == ' ')) { found++; break; }
    }
  }
  free(la); free(lb);
  return total ? (double)found / total : 0.0;
}

/* The <h1> that the <title> holds: the whole title, its start, or a long
 * enough part of it that is not the trailing site segment. */
static char *matching_h1(const scan *s, const char *site, int *score_out) {
  char *lt = loose(s->title_el);
  if (!lt || !*lt) { free(lt); return NULL; }
  size_t sl;
  const char *sep = find_sep(s->title_el, 1, &sl);
  char *tail = sep ? loose(sep + sl) : NULL;
  const char *best = NULL;
  int best_score = 0;
  for (size_t i = 0; i < s->h1s.n; i++) {
    const cand *c = &s->h1s.v[i];
    if (!c->text || (site && loose_eq(c->text, site))) continue;
    char *lh = loose(c->text);
    size_t hl = lh ? strlen(lh) : 0;
    int score = 0;
    if (hl && strcmp(lh, lt) == 0) score = 3;
    else if (hl >= 8 && strncmp(lt, lh, hl) == 0 && lt[hl] == ' ') score = 2;
    else if (hl >= 8 && strstr(lt, lh) && hl * 10 >= strlen(lt) * 3 &&
             !(tail && strcmp(tail, lh) == 0))
      score = 1;
    if (score > best_score) { best = c->text; best_score = score; }
    free(lh);
  }
  free(tail);
  free(lt);
  if (score_out) *score_out = best_score;
  return best ? strdup(best) : NULL;
}

static void resolve_title(scan *s, art_meta *m, const char *host) {
  const char *site = m->site_name;
  const char *ld = NULL;
  const char *og = meta_get(s, K_TITLE, NELEM(K_TITLE), ALL_KINDS);
  if (s->main) {
    const char *hl = ld_str(s->main, "headline"), *name = NULL;
    if (is_article_item(s->main) || ld_type_in(s->main, LD_VIDEO, NELEM(LD_VIDEO), NULL))
      name = ld_str(s->main, "name");
    /* a headline unlike the page's title while the name matches it is a
     * subtitle in the wrong field (Wikipedia puts its short description
     * there) */
    const char *ref = s->title_el ? s->title_el : og;
    if (hl && name && ref && !loose_eq(hl, name) && overlap(hl, ref) < 0.5 &&
        overlap(name, ref) >= 0.75)
      hl = name;
    ld = hl ? hl : name;
  }
  char *pick = NULL;
  if (ld) {
    const char *full = untruncate(ld, og);
    for (size_t i = 0; full == ld && i < s->h1s.n; i++)
      if (!s->h1s.v[i].aside) full = untruncate(ld, s->h1s.v[i].text);
    pick = strip_site(full, site, host, &s->oom);
  } else if (og) {
    pick = strip_site(og, site, host, &s->oom);
  }
  /* a declared title unlike both the <title> and the <h1>, which agree, is
   * the site's generic one ("Yahoo News - Latest News & Headlines") */
  if (pick && s->title_el) {
    int score = 0;
    char *h1 = matching_h1(s, site, &score);
    if (h1 && (score == 3 || (score == 2 && strlen(h1) * 10 >= strlen(s->title_el) * 6)) &&
        overlap(pick, h1) < 0.5 && overlap(h1, pick) < 0.5) {
      free(pick);
      pick = h1;
      h1 = NULL;
    }
    free(h1);
  }
  if (!pick && s->title_el) {
    pick = matching_h1(s, site, NULL);
    if (!pick) pick = clean_title(s->title_el, site, host, &s->oom);
  }
  for (size_t i = 0; i < s->h1s.n && !pick; i++)
    if (!s->h1s.v[i].aside && s->h1s.v[i].text) pick = strdup(s->h1s.v[i].text);
  if (pick) {
    /* permalink marks documentation generators put after headings, and a
     * separator left dangling at either end ("site.example //") */
    dom_squash_space(pick);
    for (int changed = 1; changed;) {
      changed = 0;
      size_t n = strlen(pick);
      if (n >= 2 && strcmp(pick + n - 2, "\xC2\xB6") == 0) { pick[n - 2] = '\0'; changed = 1; }
      for (size_t i = 0; i < NELEM(TITLE_SEPARATORS) && !changed; i++) {
        const char *sep = TITLE_SEPARATORS[i];
        size_t l = strlen(sep);
        while (l && sep[l - 1] == ' ') l--;          /* " | " -> " |" */
        if (l > 1 && n > l && strncmp(pick + n - l, sep, l) == 0) {
          pick[n - l] = '\0';
          changed = 1;
        }
      }
      dom_squash_space(pick);
    }
    m->title = clean_dup(pick, &s->oom);
    free(pick);
  }
}

/* JSON-LD's description first: it is the editor's summary, where the meta
 * description is often the first paragraph. */
static void resolve_description(scan *s, art_meta *m) {
  if (s->main) set_clean(s, &m->description, ld_str(s->main, "description"));
  set_clean(s, &m->description, meta_get(s, K_DESCRIPTION, NELEM(K_DESCRIPTION),
                                          META_ONLY | (1 << MK_RDFA)));
  static const char *const D[] = {"description"};
  set_clean(s, &m->description, meta_get(s, D, 1, 1 << MK_ITEMPROP));
}

static void resolve_urls(scan *s, art_meta *m) {
  const char *base = base_url(s);
  if (s->canonical_link) m->canonical_url = absolute_url(s->canonical_link, base, &s->oom);
  if (!m->canonical_url) {
    const char *og = meta_get(s, K_CANONICAL, NELEM(K_CANONICAL), META_ONLY);
    if (og) m->canonical_url = absolute_url(og, base, &s->oom);
  }
  if (!m->canonical_url && s->main) {
    const char *u = ld_str(s->main, "url");
    if (!u) u = ld_str(s->main, "mainEntityOfPage");
    if (u) m->canonical_url = absolute_url(u, base, &s->oom);
  }
  const char *img = meta_get(s, K_IMAGE, NELEM(K_IMAGE), META_ONLY);
  if (img) m->image = absolute_url(img, base, &s->oom);
  if (!m->image && s->main) {
    const char *u = ld_str(s->main, "image");
    if (!u) u = ld_str(s->main, "thumbnailUrl");
    if (u) m->image = absolute_url(u, base, &s->oom);
  }
  if (!m->image && s->image_src) m->image = absolute_url(s->image_src, base, &s->oom);
  /* licence: rel=license, JSON-LD, meta */
  for (size_t i = 0; i < s->licenses.n && !m->license; i++)
    m->license = absolute_url(s->licenses.v[i], base, &s->oom);
  if (!m->license && s->main) set_clean(s, &m->license, ld_str(s->main, "license"));
  if (!m->license) set_clean(s, &m->license, meta_get(s, K_LICENSE, NELEM(K_LICENSE), ALL_KINDS));
  /* feeds */
  for (size_t i = 0; i < s->feeds_url.n; i++) {
    char *u = absolute_url(s->feeds_url.v[i], base, &s->oom);
    if (!u) continue;
    int dup = 0;
    for (size_t k = 0; k < m->n_feeds && !dup; k++) dup = strcmp(m->feeds[k].url, u) == 0;
    if (dup || vec_grow((void **)&m->feeds, &m->cap_feeds, m->n_feeds, sizeof *m->feeds)) {
      if (!dup) s->oom = 1;
      free(u);
      continue;
    }
    art_feed *f = &m->feeds[m->n_feeds++];
    f->url = u;
    f->type = strdup(s->feeds_type.v[i]);
    f->title = clean_dup(s->feeds_title.v[i], &s->oom);
    if (!f->type) s->oom = 1;
  }
}

static void resolve_tags(scan *s, art_meta *m) {
  add_meta_tags(s, &m->tags, "article:tag");
  add_meta_tags(s, &m->tags, "og:article:tag");
  if (s->main) add_ld_tags(s, &m->tags, ld_get(s->main, "keywords"));
  for (size_t i = 0; i < s->rel_tags.n; i++)
    if (!is_aside(s, s->rel_tags.v[i].aside)) add_tags(s, &m->tags, s->rel_tags.v[i].text);
  for (size_t k = 2; m->tags.n == 0 && k < NELEM(K_TAGS); k++)
    add_meta_tags(s, &m->tags, K_TAGS[k]);
  for (size_t k = 0; k < NELEM(K_SECTION); k++) add_meta_tags(s, &m->categories, K_SECTION[k]);
  if (s->main) add_ld_tags(s, &m->categories, ld_get(s->main, "articleSection"));
  for (size_t i = 0; i < s->rel_cats.n; i++)
    if (!is_aside(s, s->rel_cats.v[i].aside)) add_tags(s, &m->categories, s->rel_cats.v[i].text);
}

/* "Headline - Jane Doe": a trailing title segment naming an author goes
 * (when a headline of three words or more remains). */
static void strip_author_segment(scan *s, art_meta *m) {
  if (!m->title || m->authors.n == 0) return;
  size_t sl;
  const char *p = find_sep(m->title, 1, &sl);
  if (!p || word_count(p + sl) > NAME_MAX_WORDS) return;
  for (size_t i = 0; i < m->authors.n; i++)
    if (loose_eq(p + sl, m->authors.v[i])) {
      char *head = strndup(m->title, (size_t)(p - m->title));
      if (!head) { s->oom = 1; return; }
      dom_squash_space(head);
      if (word_count(head) >= 3) { free(m->title); m->title = head; }
      else free(head);
      return;
    }
}

/* ================================================================ public */

int meta_extract(xmlDocPtr doc, const art_opts *o, art_meta *m) {
  pthread_once(&lookups_once, lookups_build);
  memset(m, 0, sizeof *m);
  m->paywalled = -1;
  scan s;
  memset(&s, 0, sizeof s);
  s.o = o;
  s.article_pos = s.main_pos = NO_POS;
  if (o->url && !(m->url = strdup(o->url))) s.oom = 1;
  scan_tree(&s, doc);       /* collects the JSON-LD too */
  s.main = pick_main(&s.ld);
  char host[256];
  url_host(o->url, host, sizeof host);

  resolve_language(&s, m);
  s.dc.floor_year = o->date_floor;
  s.dc.now = o->now;
  s.dc.order = date_order_for(m->language);
  resolve_site(&s, m);
  resolve_title(&s, m, host);
  size_t anchor = find_anchor(&s, m->title);
  resolve_description(&s, m);
  resolve_urls(&s, m);
  resolve_authors(&s, m, anchor);
  strip_author_segment(&s, m);
  resolve_dates(&s, m, anchor);
  resolve_tags(&s, m);
  resolve_videos(&s, m);
  resolve_paywall(&s, m);
  resolve_page_type(&s, m);
  if (s.main && is_article_item(s.main))
    set_clean(&s, &m->body_text, ld_str(s.main, "articleBody"));
  int oom = s.oom;
  scan_free(&s);
  return oom ? -1 : 0;
}

/* An image that is an icon, a logo, an avatar or a tracking pixel. */
static int small_image(const art_image *im) {
  if (im->width > 0 && im->width < TOP_IMAGE_MIN_WIDTH) return 1;
  if (im->height > 0 && im->height < TOP_IMAGE_MIN_WIDTH / 3) return 1;
  static const char *const ICONISH[] = {"icon", "logo", "avatar", "sprite", "pixel", "spacer",
                                        "blank.gif", "1x1", "badge", "emoji"};
  for (size_t i = 0; im->url && i < NELEM(ICONISH); i++)
    if (strstr(im->url, ICONISH[i])) return 1;
  return 0;
}

/* The text of the first non-empty <p> of the content's HTML (headings are
 * not a lead), cut at DESCRIPTION_MAX bytes.  NULL when there is none. */
static char *lead_paragraph(const char *html, int *oom) {
  for (const char *p = html; (p = strstr(p, "<p")) != NULL; p += 2) {
    if (p[2] != '>' && p[2] != ' ') continue;
    const char *open_end = strchr(p, '>');
    if (!open_end) return NULL;
    const char *close = strstr(open_end, "</p>");
    size_t l = close ? (size_t)(close - open_end - 1) : strlen(open_end + 1);
    if (l > DESCRIPTION_MAX * 4) l = DESCRIPTION_MAX * 4;   /* markup included */
    char *inner = strndup(open_end + 1, l);
    if (!inner) { *oom = 1; return NULL; }
    char *t = clean_dup(inner, oom);
    free(inner);
    if (t && strlen(t) > DESCRIPTION_MAX) {
      size_t k = DESCRIPTION_MAX;
      while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80) k--;  /* whole characters */
      t[k] = '\0';
    }
    if (t) return t;
    if (!close) return NULL;
  }
  return NULL;
}

int meta_finish(const art_opts *o, art_meta *m, art_content *c) {
  int oom = 0;
  if (!m->image && c) {
    for (size_t i = 0; i < c->n_images && !m->image; i++)
      if (c->images[i].url && !small_image(&c->images[i]) &&
          !(m->image = strdup(c->images[i].url)))
        oom = 1;
  }
  if (!m->language && o->detect_language && c && c->text && strlen(c->text) >= LANG_MIN_TEXT) {
    char tld[16] = "", host[256], code[32];
    url_host(o->url, host, sizeof host);
    const char *dot = strrchr(host, '.');
    if (dot && strlen(dot + 1) < sizeof tld) snprintf(tld, sizeof tld, "%s", dot + 1);
    if (lang_detect(c->text, strlen(c->text), *tld ? tld : NULL, code, sizeof code) &&
        !(m->language = strdup(code)))
      oom = 1;
  }
  /* no description declared: the lead paragraph */
  if (!m->description && c && c->html) m->description = lead_paragraph(c->html, &oom);
  if (!m->page_type && c) {
    const char *t = c->is_article ? "article" : c->n_links >= 10 ? "index" : "other";
    if (!(m->page_type = strdup(t))) oom = 1;
  }
  return oom ? -1 : 0;
}

void meta_free(art_meta *m) {
  free(m->title); free(m->description); free(m->site_name); free(m->language);
  free(m->url); free(m->canonical_url); free(m->image); free(m->license);
  free(m->published); free(m->modified); free(m->date_source); free(m->page_type);
  free(m->body_text);
  strvec_free(&m->authors);
  strvec_free(&m->tags);
  strvec_free(&m->categories);
  for (size_t i = 0; i < m->n_feeds; i++) {
    free(m->feeds[i].url); free(m->feeds[i].title); free(m->feeds[i].type);
  }
  free(m->feeds);
  for (size_t i = 0; i < m->n_videos; i++) {
    free(m->videos[i].url); free(m->videos[i].embed_url);
    free(m->videos[i].thumbnail); free(m->videos[i].title);
  }
  free(m->videos);
  memset(m, 0, sizeof *m);
}
