/*
 * extract_int.h — internals shared by the extraction passes (extract.c),
 * node scoring (score.c) and the outputs (output.c).  Not a public API.
 *
 * Each element below <body> gets one xinfo, reachable from the node through
 * node->_private (libxml2 leaves that field to the application) and stored
 * in pre-order in ctx->info, so a reverse scan of the array visits children
 * before parents: the bottom-up statistics need no recursion.
 */
#ifndef ARTICLE_EXTRACT_INT_H
#define ARTICLE_EXTRACT_INT_H

#include <stdint.h>
#include <libxml/tree.h>

#include "article.h"
#include "base/buf.h"

/* Static classification (set once by the prep pass). */
enum {
  XF_DROP = 1u << 0,       /* never content: script, form controls, ads tags */
  XF_HIDDEN = 1u << 1,     /* hidden, aria-hidden, display:none */
  XF_UNLIKELY = 1u << 2,   /* boilerplate by tag, role or class/id */
  XF_COMMENT = 1u << 3,    /* comment section */
  XF_BLOCK = 1u << 4,      /* block-level element */
  XF_LINK = 1u << 5,       /* <a> */
  XF_HEADING = 1u << 6,    /* h1-h6 */
  XF_PARA = 1u << 7,       /* may be scored as a paragraph unit */
  XF_IMG = 1u << 8,        /* img / amp-img */
  XF_EMBED = 1u << 9,      /* iframe, video, embed, object */
  XF_LI = 1u << 10,
  XF_P = 1u << 11,         /* <p> (and br-text divs count as paragraphs too) */
  XF_STRONG_BOILER = 1u << 12, /* boilerplate even inside the article */
  XF_CREDIT = 1u << 13,    /* image credit label */
  XF_PRE = 1u << 14,
  XF_TABLE = 1u << 15,
  XF_DATA_TABLE = 1u << 16,
  XF_CAPTION = 1u << 17,   /* figcaption or caption by class */
  XF_LEAD = 1u << 18,      /* class says lead / intro / standfirst */
  XF_TABLE_SEEN = 1u << 19, /* table already checked for XF_DATA_TABLE */
  /* Per attempt. */
  XF_CLEANED = 1u << 20,   /* removed by the clean pass of this attempt */
  XF_SKIP = 1u << 21,      /* effectively skipped (self or an ancestor) */
  XF_MUTED = 1u << 22,     /* own text dropped, nested blocks kept (block pass) */
  XF_GOOD = 1u << 23,      /* block pass: classified as article text */
  XF_DONE = 1u << 24,      /* already cleaned: the clean pass leaves it alone */
  XF_KEEP = 1u << 25,      /* holds content: the clean pass may not drop it */
  XF_MARK = 1u << 26       /* scratch mark of one pass, cleared when it ends */
};
#define XF_PER_ATTEMPT (XF_CLEANED | XF_SKIP | XF_MUTED | XF_GOOD | XF_DONE | XF_KEEP)

typedef struct xinfo {
  xmlNode *node;
  struct xinfo *parent;    /* NULL for <body> */
  uint32_t flags;
  float weight;            /* class/id weight */
  /* Fixed: text directly in this element's text-node children. */
  uint32_t direct, direct_commas;
  /* Per attempt, over the non-skipped subtree. */
  uint32_t text, link, commas;      /* characters, characters inside <a>, commas */
  uint32_t inl, inl_link, inl_commas; /* text reaching the nearest block ancestor */
  /* The same inline counts over the page with only DROP skipped (set once
   * by the guard pass, whatever an attempt strips). */
  uint32_t page_text, page_inl, page_inl_link;
  uint32_t n_p, n_img, n_li, n_embed, n_heading, heading_text;
  uint32_t good, bad;      /* block pass: characters of good / rejected blocks */
  double score;
  int candidate;           /* score is initialised */
} xinfo;

/* One attempt's settings: each flag is one heuristic a retry may relax. */
typedef struct xattempt {
  const char *name;
  int strip_unlikely, weight_classes, clean_conditionally;
} xattempt;

typedef struct xctx {
  xmlDocPtr doc;
  const art_opts *o;
  const art_meta *m;
  xmlNode *body;
  xinfo *info;
  size_t n, cap;
  uint32_t page_text, page_link;    /* over <body>, only DROP skipped */
  const xattempt *at;
  /* The result of an attempt: content roots in document order. */
  xmlNode **roots;
  size_t n_roots, cap_roots;
  xinfo *top;
  xmlNode *region;         /* the block pass's region */
  xmlChar *base;           /* base URL for links, or NULL */
  int oom;
} xctx;

static inline xinfo *xi(const xmlNode *n) {
  return (n && n->type == XML_ELEMENT_NODE) ? (xinfo *)n->_private : NULL;
}

/* ---- score.c */

/* Builds the rule lookup tables once per process (thread-safe). */
void rules_init(void);
/* Classifies every element below body (flags, weight, direct text) and
 * fixes lazy images; fills ctx->info.  Returns 0, -1 on out of memory. */
int xs_prep(xctx *c);
/* Recomputes the per-attempt statistics with `skip` flags excluded. */
void xs_stats(xctx *c, uint32_t skip);
/* Scores paragraph units into their ancestors and returns the best
 * candidate (NULL when nothing scored). */
xinfo *xs_score(xctx *c);
/* Class/id rule sets (RS_*). */
enum { RS_UNLIKELY = 1, RS_MAYBE = 2, RS_POS = 4, RS_NEG = 8, RS_COMMENT = 16, RS_CREDIT = 32,
       RS_CAPTION = 128, RS_LEAD = 256 };
/* Tag rule sets. */
enum { RT_DROP = 1, RT_BLOCK = 2, RT_BOILER = 4, RT_HTML = 8, RT_CLEAN = 64, RT_FLOW = 128,
       RT_PARA = 16, RT_CPARA = 32 };
/* True for a table holding data rather than layout. */
int xs_data_table(const xmlNode *t);
unsigned rules_tag_sets(const char *tag);
int rules_boiler_role(const char *role);
int rules_video_src(const char *src);
int rules_boiler_prefix(const char *text);
/* True for a short block holding a publisher notice (RULES_NOTICE_MARKS). */
int rules_notice_text(const char *text);
/* True for a short block that ends with a credit ("... Foto: dpa"): a
 * caption, whatever its markup. */
int rules_credit_tail(const char *text);
/* True for a short caption that is a credit line ("Foto: dpa"). */
int rules_credit_text(const char *text);
/* Words and function words (RULES_STOP_*) of s, added to *words and
 * *stops. */
void xs_count_words(const unsigned char *s, uint32_t *words, uint32_t *stops);
/* Characters (code points, white space runs counted once) and commas. */
void xs_count_text(const unsigned char *s, uint32_t *chars, uint32_t *commas, int *space);

/* ---- output.c */

/* Skipped in the output: flagged for this attempt. */
static inline int x_skipped(const xmlNode *n) {
  const xinfo *i = xi(n);
  return i && (i->flags & (XF_SKIP | XF_CLEANED));
}
/* The article text of the roots (paragraphs separated by blank lines).
 * Caller frees; NULL on out of memory. */
char *xt_text(xctx *c);
/* Fills html, markdown, images and links of out from the roots.
 * Returns 0, -1 on out of memory. */
int xt_outputs(xctx *c, art_content *out);
/* Absolute URL of ref against the base; caller frees with xmlFree.
 * NULL when ref is empty or unsafe (javascript:, data: unless allow_data). */
xmlChar *xt_abs_url(const xctx *c, const char *ref, int allow_data);

#endif
