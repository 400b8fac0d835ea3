/* extract.c — main-content extraction as a named pipeline of passes (see
 * extract.h; the node statistics and scoring live in score.c, the outputs
 * in output.c, every threshold and token list in rules.h).
 *
 *   prep            classify every element once, fix lazy images
 *   guard           page totals; un-hide / un-strip wrappers holding most text
 *                   and <noscript> copies of script-rendered bodies
 *   blocks          jusText-style classification of every text block of the
 *                   page and the region that best holds the good ones: a
 *                   baseline that wins when it finds far more text
 *   attempts        for each attempt (one heuristic relaxed at a time):
 *     stats           bottom-up text / link / comma counts, skipping stripped nodes
 *     score           Readability-style paragraph scores into ancestors
 *     pick            the best candidate, moved up when its ancestors say so
 *     merge_siblings  sibling containers that continue the article
 *     clean           conditional removal, boilerplate blocks, duplicates
 *     measure         the attempt's text; keep the best attempt
 *   extend          the region replaces the content it holds (leads, intros)
 *   edges           rejected blocks at the content's edges are muted
 *   lead            the standfirst between the headline and the body joins
 *   notices         publisher notices at the end of the content are muted
 *   classify        is this an article at all?
 *   comments        with include_comments, the comment sections follow
 *   baseline        a much longer JSON-LD articleBody replaces the text
 *   output          text, html, markdown, images, links
 */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/uri.h>

#include "article.h"
#include "html/dom.h"
#include "extract/extract_int.h"
#include "extract/rules.h"


/* Retries relax one more heuristic each time (as Readability does). */
static const xattempt ATTEMPTS[] = {
  {"strict", 1, 1, 1},
  {"keep_unlikely", 0, 1, 1},
  {"no_class_weight", 0, 0, 1},
  {"no_clean", 0, 0, 0},
};
#define N_ATTEMPTS (sizeof ATTEMPTS / sizeof ATTEMPTS[0])

static int add_root(xctx *c, xmlNode *n) {
  if (vec_grow((void **)&c->roots, &c->cap_roots, c->n_roots, sizeof *c->roots) != 0) {
    c->oom = 1;
    return -1;
  }
  c->roots[c->n_roots++] = n;
  return 0;
}

/* A <noscript> standing in for script-rendered content: its siblings are
 * scripts and templates only. */
static int noscript_fallback(const xmlNode *n) {
  for (const xmlNode *s = n->parent ? n->parent->children : NULL; s; s = s->next) {
    if (s == n || s->type != XML_ELEMENT_NODE) continue;
    if (!dom_is(s, "script") && !dom_is(s, "template")) return 0;
  }
  return 1;
}

/* guard: a hidden or "unlikely" element holding most of the page's text is a
 * wrapper (anti-flicker display:none bodies, "content-sidebar-wrap"), not
 * boilerplate.  Uses statistics with only DROP skipped. */
static void pass_guard(xctx *c) {
  xs_stats(c, XF_DROP);
  if (!c->n) return;
  c->page_text = c->info[0].text;
  c->page_link = c->info[0].link;
  if (c->o->include_comments) {
    /* wanted comment sections are neither boilerplate nor negative */
    for (size_t i = 1; i < c->n; i++) {
      xinfo *x = &c->info[i];
      if (!(x->flags & XF_COMMENT)) continue;
      x->flags &= ~(uint32_t)(XF_UNLIKELY | XF_STRONG_BOILER);
      if (x->weight < 0) x->weight = 0;
    }
  }
  for (size_t i = 1; i < c->n; i++) {
    xinfo *x = &c->info[i];
    if ((x->flags & XF_HIDDEN) && x->text >= RULES_MIN_ARTICLE_CHARS &&
        dom_is(x->node, "noscript") && noscript_fallback(x->node))
      x->flags &= ~(uint32_t)XF_HIDDEN;
  }
  double big = c->page_text * RULES_GUARD_SHARE;
  double big_hidden = c->page_text * RULES_GUARD_HIDDEN_SHARE;
  for (size_t i = 1; i < c->n; i++) {
    xinfo *x = &c->info[i];
    if (!(x->flags & (XF_HIDDEN | XF_UNLIKELY)) || x->text < big) continue;
    /* lists stay lists */
    if (!(rules_tag_sets(dom_tag(x->node)) & RT_CPARA) && !dom_is(x->node, "noscript") &&
        !dom_is(x->node, "script"))
      continue;
    double ld = x->text ? (double)x->link / x->text : 0;
    if (x->text >= big_hidden)   /* it wraps the page, whatever it is called */
      x->flags &= ~(uint32_t)(XF_HIDDEN | XF_UNLIKELY | XF_STRONG_BOILER);
    if (ld < RULES_GUARD_LD) x->flags &= ~(uint32_t)(XF_UNLIKELY | XF_STRONG_BOILER);
  }
}

static int is_ancestor(const xinfo *a, const xinfo *x) {
  for (int d = 0; x && d < RULES_MAX_DEPTH; d++, x = x->parent)
    if (x == a) return 1;
  return 0;
}

static int element_children(const xinfo *x) {
  int k = 0;
  for (xmlNode *ch = dom_first_element(x->node); ch; ch = dom_next_element(ch)) {
    xinfo *ci = xi(ch);
    if (ci && !(ci->flags & XF_SKIP)) k++;
  }
  return k;
}

/* pick: Readability's top candidate, then its refinements: a common
 * ancestor of several near-equal candidates, a parent that scores higher,
 * and a parent of which the candidate is the only child. */
static xinfo *pass_pick(xctx *c) {
  xinfo *top = xs_score(c);
  xinfo *body = &c->info[0];
  if (!top) return body;
  /* whatever the refinements pick, the best-scored node stays content */
  for (xinfo *a = top; a; a = a->parent) a->flags |= XF_KEEP;
  enum { NALT = 5 };
  xinfo *alt[NALT] = {0};
  for (size_t i = 0; i < c->n; i++) {
    xinfo *x = &c->info[i];
    if (!x->candidate || x == top) continue;
    for (int k = 0; k < NALT; k++) {
      if (!alt[k] || x->score > alt[k]->score) {
        memmove(alt + k + 1, alt + k, (NALT - 1 - k) * sizeof *alt);
        alt[k] = x;
        break;
      }
    }
  }
  int n_alt = 0;
  for (int k = 0; k < NALT && alt[k]; k++)
    if (alt[k]->score >= top->score * RULES_ALT_SHARE) alt[n_alt++] = alt[k];
  if (n_alt >= RULES_ALT_MIN) {
    for (xinfo *p = top->parent; p && p != body; p = p->parent) {
      int k = 0;
      for (int j = 0; j < n_alt; j++) k += is_ancestor(p, alt[j]);
      if (k >= RULES_ALT_MIN) { top = p; break; }
    }
  }
  double last = top->score, thresh = last / 3;
  for (xinfo *p = top->parent; p && p != body; p = p->parent) {
    if (!p->candidate) continue;
    if (p->score < thresh) break;
    if (p->score > last) { top = p; break; }
    last = p->score;
  }
  while (top->parent && top->parent != body && element_children(top->parent) == 1)
    top = top->parent;
  return top;
}

static int ends_sentence(const xmlNode *n) {
  char *t = dom_text(n);
  if (!t) return 0;
  size_t l = strlen(t);
  int r = (l > 0 && t[l - 1] == '.') || strstr(t, ". ") != NULL;
  free(t);
  return r;
}

/* merge_siblings: sibling containers that continue the article (bodies split
 * across several <div>s, a lead paragraph next to the body). */
static int pass_merge_siblings(xctx *c, xinfo *top, int merge) {
  xinfo *body = &c->info[0];
  if (top == body || !top->parent || !merge) return add_root(c, top->node);
  double thresh = top->score * RULES_SIBLING_SHARE;
  if (thresh < RULES_SIBLING_MIN) thresh = RULES_SIBLING_MIN;
  const char *cls = dom_attr(top->node, "class");
  for (xmlNode *s = dom_first_element(top->parent->node); s; s = dom_next_element(s)) {
    xinfo *si = xi(s);
    if (!si || (si->flags & XF_SKIP)) continue;
    int take = si == top;
    if (!take && si->candidate) {
      const char *sc = dom_attr(s, "class");
      double bonus = (cls && *cls && sc && strcmp(cls, sc) == 0) ? top->score * 0.2 : 0;
      take = si->score + bonus >= thresh;
    }
    if (!take && ((si->flags & XF_P) || ((si->flags & XF_PARA) && si->inl == si->text)) &&
        si->text > 0) {
      double ld = (double)si->link / si->text;
      if (si->text > RULES_SIBLING_P_LONG && ld < RULES_SIBLING_P_LD) take = 1;
      else if (si->text <= RULES_SIBLING_P_LONG && si->link == 0 && ends_sentence(s)) take = 1;
    }
    if (take && add_root(c, s) != 0) return -1;
  }
  return 0;
}

/* ----------------------------------------------------------------- clean */

/* x or one of its near ancestors is a caption. */
static int in_caption(const xinfo *x) {
  for (int d = 0; x && d < 3; d++, x = x->parent)
    if (x->flags & (XF_CAPTION | XF_CREDIT)) return 1;
  return 0;
}

static int inside_figure(const xinfo *x) {
  for (int d = 0; x && d < 4; d++, x = x->parent)
    if (dom_is(x->node, "figure")) return 1;
  return 0;
}

/* Readability's conditional cleaning of one container. */
static int clean_conditionally(const xctx *c, xinfo *x) {
  const char *tag = dom_tag(x->node);
  int is_list = !strcmp(tag, "ul") || !strcmp(tag, "ol") || !strcmp(tag, "dl");
  if ((x->flags & XF_TABLE) && xs_data_table(x->node)) {
    x->flags |= XF_DATA_TABLE;
    return 0;
  }
  /* a container with only inline content is a paragraph, not a widget */
  if ((x->flags & XF_PARA) && !is_list && x->inl == x->text && x->text >= 1 &&
      !(x->flags & XF_TABLE))
    return 0;
  double weight = c->at->weight_classes ? x->weight : 0;
  /* a negative class that its own text does not redeem */
  if (weight < 0 && weight + (x->candidate ? x->score : 0) < 0) return 1;
  if (x->commas >= RULES_CLEAN_MIN_COMMAS) return 0;
  double p = x->n_p, img = x->n_img, li = (double)x->n_li - RULES_CLEAN_LI_SLACK;
  double len = x->text, ld = len ? (double)x->link / len : 0;
  double hd = len ? (double)x->heading_text / len : 0;
  int fig = inside_figure(x);
  /* more pictures than paragraphs: a gallery, unless there is real prose */
  if (img > 1 && p / img < 0.5 && !fig && len - x->link < RULES_CLEAN_PROSE) return 1;
  if (!is_list && li > p) return 1;
  if (!is_list && hd < 0.9 && len < RULES_MIN_PARA_CHARS && (img == 0 || img > 2) && !fig &&
      x->n_embed == 0)
    return 1;
  double ld_low = RULES_CLEAN_LD_LOW, ld_high = RULES_CLEAN_LD_HIGH;
  if (c->o->favor == ART_FAVOR_RECALL) { ld_low += 0.2; ld_high += 0.2; }
  if (!is_list && weight < 25 && ld > ld_low) return 1;
  if (weight >= 25 && ld > ld_high) return 1;
  if (is_list && ld > RULES_CLEAN_LIST_LD && c->o->favor != ART_FAVOR_RECALL) return 1;
  return 0;
}

typedef struct seen { uint32_t *h; size_t n, cap; } seen;

static uint32_t fnv(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static int seen_add(seen *s, uint32_t h) {
  for (size_t i = 0; i < s->n; i++)
    if (s->h[i] == h) return 1;
  if (vec_grow((void **)&s->h, &s->cap, s->n, sizeof *s->h) == 0) s->h[s->n++] = h;
  return 0;
}

/* t is the page title, or the title without the site name that pages
 * append or prepend ("Headline - Site", "Site | Headline"). */
static int similar_title(const char *t, const char *title) {
  if (!title || !*title) return 0;
  if (strcasecmp(t, title) == 0) return 1;
  size_t tl = strlen(t), l = strlen(title);
  if (tl < RULES_TITLE_MIN || tl >= l) return 0;
  static const char *const SEPS[] = {RULES_TITLE_SEPARATORS, NULL};
  for (const char *const *sp = SEPS; *sp; sp++) {
    size_t sl = strlen(*sp);
    if (tl + sl > l) continue;
    if (strncasecmp(title, t, tl) == 0 && strncmp(title + tl, *sp, sl) == 0) return 1;
    if (strcasecmp(title + l - tl, t) == 0 && strncmp(title + l - tl - sl, *sp, sl) == 0)
      return 1;
  }
  return 0;
}

/* clean: within the roots, drop widgets, boilerplate blocks, repeated
 * blocks and credits. */
static void pass_clean(xctx *c) {
  seen s = {0};
  int title_seen = 0;
  for (size_t r = 0; r < c->n_roots; r++) {
    xmlNode *root = c->roots[r];
    for (xmlNode *n = root; n;) {
      xinfo *x = xi(n);
      if (!x || (x->flags & (XF_SKIP | XF_DONE))) { n = dom_next(n, root, 1); continue; }
      int drop = 0;
      uint32_t f = x->flags;
      if (n != root && !(f & XF_KEEP) && !((f & XF_COMMENT) && c->o->include_comments)) {
        if ((f & (XF_STRONG_BOILER | XF_UNLIKELY)) && !c->at->strip_unlikely &&
            (f & XF_STRONG_BOILER))
          drop = 1;
        else if ((f & XF_CREDIT) && x->text < RULES_CREDIT_MAX)
          drop = 1;
        else if ((f & XF_HEADING) && c->at->weight_classes && x->weight < 0)
          drop = 1;
        else if (c->at->clean_conditionally &&
                 (rules_tag_sets(dom_tag(n)) & RT_CLEAN) && clean_conditionally(c, x))
          drop = 1;
      }
      /* leaf text blocks: boilerplate lines, repeats, the title */
      if (!drop && (f & (XF_BLOCK | XF_HEADING)) && x->inl == x->text && x->text > 0 &&
          x->text < RULES_BLOCK_CHECK_MAX) {
        char *t = dom_text(n);
        if (t) {
          if (x->text < RULES_BOILER_LINE_MAX && rules_boiler_prefix(t)) drop = 1;
          else if (strstr(t, RULES_SERVER_ERROR_MARK)) drop = 1;
          else if (in_caption(x) && rules_credit_text(t)) drop = 1;
          else if (rules_credit_tail(t)) drop = 1;
          /* a figure's short text outside its caption labels the picture
           * ("16x9 Image", "Enlarge", a credit): not article text */
          else if (x->text < RULES_FIGURE_LABEL_MAX && inside_figure(x) && !in_caption(x))
            drop = 1;
          else if ((f & XF_HEADING) && !title_seen && c->m && similar_title(t, c->m->title)) {
            title_seen = 1;
            drop = RULES_DROP_TITLE;
          } else if (x->text >= RULES_DUP_MIN &&
                     (x->text <= RULES_DUP_MAX || dom_is(n, "figcaption") ||
                      dom_is(n, "caption")) && seen_add(&s, fnv(t))) {
            drop = 1;
          }
          free(t);
        }
      }
      if (drop) {
        x->flags |= XF_CLEANED;
        n = dom_next(n, root, 1);
        continue;
      }
      n = dom_next(n, root, 0);
    }
  }
  free(s.h);
}

static uint32_t skip_flags(const xctx *c) {
  uint32_t skip = XF_DROP | XF_HIDDEN;
  if (c->at->strip_unlikely) skip |= XF_UNLIKELY;
  if (!c->o->include_comments) skip |= XF_COMMENT;
  return skip;
}

/* ----------------------------------------------------------- block pass */

enum { B_BAD, B_SHORT, B_NEAR, B_GOOD, B_HEAD };

/* blocks: jusText-style classification of every text block of the page
 * (text it holds itself: length, link density), then context: short and
 * middling blocks take the class of their good / bad neighbours.  Leaves
 * roots = [body] with the rejected blocks muted. */
static unsigned char block_class(const xinfo *x) {
  double ld = (double)x->inl_link / x->inl;
  if (ld > RULES_BLOCK_BAD_LD) return B_BAD;
  if (x->flags & XF_HEADING) return B_HEAD;
  if (x->inl < RULES_BLOCK_SHORT) return B_SHORT;
  if (x->inl >= RULES_BLOCK_GOOD && ld <= RULES_BLOCK_GOOD_LD) return B_GOOD;
  return B_NEAR;
}

/* x is (inside) a cell of a table holding data. */
static int in_data_table(xinfo *x) {
  for (int d = 0; x && d < RULES_CELL_DEPTH; d++, x = x->parent) {
    if (!(x->flags & XF_TABLE)) continue;
    /* checked once per table: a layout table's cells must not rescan it */
    if (!(x->flags & (XF_DATA_TABLE | XF_TABLE_SEEN))) {
      x->flags |= XF_TABLE_SEEN;
      if (xs_data_table(x->node)) x->flags |= XF_DATA_TABLE;
    }
    return (x->flags & XF_DATA_TABLE) != 0;
  }
  return 0;
}

static int text_block(const xinfo *x) {
  return (x->flags & (XF_BLOCK | XF_SKIP | XF_CLEANED)) == XF_BLOCK && x->inl > 0;
}

/* Collects the text blocks: of the whole page (roots == 0) or of the
 * content roots, in document order.  Returns the count, or -1 on OOM. */
static long collect_blocks(xctx *c, int in_roots, xinfo ***out) {
  size_t n = 0, cap = 0;
  xinfo **b = NULL;
  if (!in_roots) {
    for (size_t i = 0; i < c->n; i++) {
      if (!text_block(&c->info[i])) continue;
      if (vec_grow((void **)&b, &cap, n, sizeof *b) != 0) { free(b); return -1; }
      b[n++] = &c->info[i];
    }
  } else {
    for (size_t r = 0; r < c->n_roots; r++) {
      xmlNode *root = c->roots[r];
      for (xmlNode *nd = root; nd;) {
        xinfo *x = xi(nd);
        if (!x || (x->flags & (XF_SKIP | XF_CLEANED))) { nd = dom_next(nd, root, 1); continue; }
        if (text_block(x)) {
          if (vec_grow((void **)&b, &cap, n, sizeof *b) != 0) { free(b); return -1; }
          b[n++] = x;
        }
        nd = dom_next(nd, root, 0);
      }
    }
  }
  *out = b;
  return (long)n;
}

/* blocks_classify: jusText-style classes from the block's own text, then
 * context (the nearest decided blocks on both sides).  Whole page: every
 * rejected block is muted.  In the content (edges_only): only the rejected
 * blocks before the first and after the last good block are muted, and
 * link lists in between. */
static int blocks_classify(xctx *c, int edges_only) {
  xinfo **b = NULL;
  long nl = collect_blocks(c, edges_only, &b);
  if (nl < 0) { c->oom = 1; return -1; }
  size_t nb = (size_t)nl;
  unsigned char *k = malloc(nb ? nb : 1), *fin = malloc(nb ? nb : 1);
  unsigned char *prev = malloc(nb ? nb : 1), *next = malloc(nb ? nb : 1);
  if (!k || !fin || !prev || !next) {
    free(b); free(k); free(fin); free(prev); free(next);
    c->oom = 1;
    return -1;
  }
  for (size_t i = 0; i < nb; i++) k[i] = block_class(b[i]);
  /* nearest decided class before / after each block: two linear sweeps */
  unsigned char last = B_BAD;
  for (size_t i = 0; i < nb; i++) {
    prev[i] = last;
    if (k[i] == B_GOOD || k[i] == B_BAD) last = k[i];
  }
  last = B_BAD;
  for (size_t i = nb; i-- > 0;) {
    next[i] = last;
    if (k[i] == B_GOOD || k[i] == B_BAD) last = k[i];
  }
  size_t first_good = nb, last_good = 0;
  for (size_t i = 0; i < nb; i++) {
    if (k[i] == B_GOOD) { if (first_good == nb) first_good = i; last_good = i; }
    if (k[i] == B_GOOD || k[i] == B_BAD) { fin[i] = k[i]; continue; }
    if (k[i] == B_HEAD) fin[i] = next[i] == B_GOOD ? B_GOOD : B_BAD;
    else if (prev[i] == B_GOOD && next[i] == B_GOOD) fin[i] = B_GOOD;
    else if ((prev[i] == B_GOOD || next[i] == B_GOOD) && k[i] == B_NEAR) fin[i] = B_GOOD;
    else fin[i] = B_BAD;
  }
  /* decisions first (in fin: 1 = mute), then, for the content's edges, a
   * check that trimming does not gut the content */
  uint64_t all = 0, muted = 0;
  for (size_t i = 0; i < nb; i++) {
    int mute = fin[i] != B_GOOD;
    if (edges_only && first_good < nb && i > first_good && i < last_good)
      mute = (k[i] == B_BAD && (double)b[i]->inl_link / b[i]->inl > RULES_BLOCK_MID_LD) ||
             (k[i] == B_HEAD && next[i] == B_BAD);
    if (edges_only && first_good == nb) mute = 0;   /* nothing to anchor on */
    /* cells of a data table are data, however short or linked */
    if (mute && in_data_table(b[i])) mute = 0;
    fin[i] = (unsigned char)mute;
    all += b[i]->inl;
    if (mute) muted += b[i]->inl;
  }
  /* edges that would take most of the text are not edges: then only the
   * link lists go */
  int gutted = edges_only && muted > all * RULES_EDGE_MAX_SHARE;
  for (size_t i = 0; i < nb; i++) {
    int mute = fin[i];
    if (mute && gutted) mute = k[i] == B_BAD;
    b[i]->flags |= mute ? XF_MUTED : XF_GOOD;
    if (mute) b[i]->bad = b[i]->inl; else b[i]->good = b[i]->inl;
  }
  free(b); free(k); free(fin); free(prev); free(next);
  return 0;
}

static int pass_blocks(xctx *c) {
  c->at = &ATTEMPTS[0];
  c->n_roots = 0;
  xs_stats(c, skip_flags(c));
  if (blocks_classify(c, 0) != 0) return -1;
  /* region: the element that best separates good text from rejected text */
  xinfo *best = &c->info[0];
  double best_v = -1e18;
  for (size_t i = c->n; i-- > 0;) {
    xinfo *x = &c->info[i];
    if (x->flags & XF_SKIP) continue;
    double v = x->good - RULES_REGION_BAD_WEIGHT * x->bad;
    if (v >= best_v) { best_v = v; best = x; }
    if (x->parent) { x->parent->good += x->good; x->parent->bad += x->bad; }
  }
  c->region = best->node;
  return add_root(c, best->node);
}

static int is_ancestor_node(const xmlNode *a, const xmlNode *n) {
  for (int d = 0; n && d < RULES_MAX_DEPTH; d++, n = n->parent)
    if (n == a) return 1;
  return 0;
}

/* extend: the block pass's region, when it holds the scored content and not
 * much more, replaces it: leads, standfirsts and subheadings that sit next
 * to the body container, not inside it, come back. */
static int pass_extend(xctx *c) {
  xmlNode *r = c->region;
  if (!r || r == c->body || !c->n_roots) return 0;
  uint32_t text = 0;
  for (size_t i = 0; i < c->n_roots; i++) {
    if (!is_ancestor_node(r, c->roots[i])) return 0;
    text += xi(c->roots[i]) ? xi(c->roots[i])->text : 0;
  }
  xinfo *rx = xi(r);
  double max = c->o->favor == ART_FAVOR_RECALL ? RULES_EXTEND_MAX_RECALL : RULES_EXTEND_MAX;
  if (!rx || (rx->flags & XF_SKIP) || rx->text > text * max) return 0;
  for (size_t i = 0; i < c->n_roots; i++) {
    xi(c->roots[i])->flags |= XF_DONE;
    for (xinfo *a = xi(c->roots[i])->parent; a && a->node != r; a = a->parent) a->flags |= XF_KEEP;
  }
  c->n_roots = 0;
  if (add_root(c, r) != 0) return -1;
  pass_clean(c);
  return 0;
}

/* Mutes x when it is a publisher notice; returns 1 if it was. */
static int notice_block(xinfo *x) {
  if (x->inl > RULES_NOTICE_MAX) return 0;
  char *t = dom_text(x->node);
  int hit = t && rules_notice_text(t);
  free(t);
  if (hit) { x->flags |= XF_MUTED; x->flags &= ~(uint32_t)XF_GOOD; }
  return hit;
}

/* notices: publisher notices at the end of the content (subscription and
 * app pitches, copyright and reprint lines, disclaimers) are muted, walking
 * back from the last block until one that is not a notice.  (The start of
 * the content is left alone: measured, notices there are rarer than short
 * openings that mention a subscription or an ad.) */
static int pass_notices(xctx *c) {
  xinfo **b = NULL;
  long nl = collect_blocks(c, 1, &b);
  if (nl < 0) { c->oom = 1; return -1; }
  size_t nb = (size_t)nl;
  for (size_t i = nb, k = 0; i-- > 0 && k < RULES_NOTICE_RUN;) {
    if (b[i]->flags & XF_MUTED) continue;
    k++;
    /* labels and dates between notices do not end the run */
    if (!notice_block(b[i]) && b[i]->inl >= RULES_NOTICE_LABEL) break;
  }
  free(b);
  return 0;
}

/* Whether the zone block x (after the headline at index hi) sits in a
 * rejected container: walks up to the common ancestor with the content. */
static int lead_rejected(const xctx *c, const xinfo *x, size_t hi) {
  /* XF_MARK: the content's first root and its ancestors */
  for (int d = 0; x && !(x->flags & XF_MARK) && d < RULES_MAX_DEPTH; d++, x = x->parent) {
    uint32_t f = x->flags;
    if (f & (XF_DROP | XF_HIDDEN | XF_COMMENT)) return 1;
    /* containers holding the headline are the article's header, whatever
     * their class says */
    if ((size_t)(x - c->info) <= hi) continue;
    if (f & (XF_STRONG_BOILER | XF_CAPTION | XF_CREDIT)) return 1;
    if ((f & XF_UNLIKELY) && !(f & XF_LEAD)) return 1;
    if (dom_is(x->node, "figure")) return 1;
  }
  return 0;
}

/* A lead is prose: enough words, enough of them function words (counted
 * here, for the few candidates only). */
static int lead_prose(const xinfo *x) {
  char *t = dom_text(x->node);
  if (!t) return 0;
  uint32_t words = 0, stops = 0;
  xs_count_words((const unsigned char *)t, &words, &stops);
  /* a caption with its credit, or a boilerplate line, is no lead */
  int junk = rules_credit_tail(t) || rules_boiler_prefix(t);
  free(t);
  return !junk && words >= RULES_LEAD_PROSE_WORDS && stops >= words * RULES_LEAD_PROSE;
}

/* Shows the subtree of a lead block that the attempt skipped (a lead inside
 * an article header named "header"): the nodes below it are skipped only
 * for what they are themselves. */
static void lead_show(xctx *c, xinfo *x) {
  if (!(x->flags & XF_SKIP)) return;
  x->flags &= ~(uint32_t)XF_SKIP;
  uint32_t own = XF_DROP | XF_HIDDEN | XF_COMMENT | XF_STRONG_BOILER;
  for (size_t i = (size_t)(x - c->info) + 1; i < c->n; i++) {
    xinfo *y = &c->info[i];
    if (!is_ancestor(x, y)) break;   /* pre-order: the subtree is contiguous */
    if ((y->flags & own) || (y->parent->flags & XF_SKIP)) y->flags |= XF_SKIP;
    else y->flags &= ~(uint32_t)XF_SKIP;
  }
}

/* The lead blocks before the first root r0 (whose ancestor chain carries
 * XF_MARK) become roots.  Returns 0, -1 on out of memory. */
static int lead_find(xctx *c, xinfo *r0) {
  size_t ri = (size_t)(r0 - c->info), lo = ri > RULES_LEAD_SCAN ? ri - RULES_LEAD_SCAN : 1;
  /* the headline: the nearest heading that repeats the title, else the
   * nearest real <h1> (screen-reader labels are too short to be one) */
  size_t hi = 0, h1 = 0;
  for (size_t i = ri; i-- > lo && !hi;) {
    xinfo *h = &c->info[i];
    if (!(h->flags & XF_HEADING) || !h->page_text ||
        (h->flags & (XF_HIDDEN | XF_UNLIKELY | XF_DROP)))
      continue;
    if (!h1 && dom_is(h->node, "h1") && h->page_text >= RULES_TITLE_MIN) h1 = i;
    char *t = c->m && c->m->title ? dom_text(h->node) : NULL;
    if (t) {
      dom_squash_space(t);
      if (similar_title(t, c->m->title)) hi = i;
      free(t);
    }
  }
  if (!hi) hi = h1;
  if (!hi || (c->info[hi].flags & XF_MARK)) return 0;
  xinfo *take[16];
  size_t n_take = 0;
  uint32_t zone = 0;
  for (size_t i = hi + 1; i < ri; i++) {
    xinfo *x = &c->info[i];
    if (!(x->flags & XF_BLOCK) || !x->page_inl || (x->flags & XF_MARK)) continue;
    if (lead_rejected(c, x, hi)) continue;
    zone += x->page_inl;
    if (zone > RULES_LEAD_ZONE_MAX) return 0;
    if (x->page_inl < RULES_LEAD_MIN || x->page_inl_link > x->page_inl * RULES_LEAD_LD) continue;
    if (!lead_prose(x)) continue;
    if (n_take && is_ancestor(take[n_take - 1], x)) continue;
    if (n_take < sizeof take / sizeof *take) take[n_take++] = x;
  }
  if (!n_take) return 0;
  size_t old = c->n_roots;
  for (size_t k = 0; k < n_take; k++) {
    lead_show(c, take[k]);
    if (add_root(c, take[k]->node) != 0) return -1;
  }
  /* lead first: rotate the new roots to the front */
  xmlNode *tmp[16];
  memcpy(tmp, c->roots + old, n_take * sizeof *tmp);
  memmove(c->roots + n_take, c->roots, old * sizeof *c->roots);
  memcpy(c->roots, tmp, n_take * sizeof *tmp);
  return 0;
}

/* lead: the standfirst between the headline and the content's first root
 * (news pages put it in the article header, outside the body container)
 * joins the content. */
static int pass_lead(xctx *c) {
  if (!c->n_roots) return 0;
  xinfo *r0 = xi(c->roots[0]);
  if (!r0) return 0;
  /* mark the first root's ancestor chain: "is it an ancestor of the
   * content" becomes one flag test */
  for (xinfo *a = r0; a; a = a->parent) a->flags |= XF_MARK;
  int rc = lead_find(c, r0);
  for (xinfo *a = r0; a; a = a->parent) a->flags &= ~(uint32_t)XF_MARK;
  return rc;
}

/* comments: with include_comments, the comment sections that are not in
 * the content already follow it. */
static int pass_comments(xctx *c) {
  if (!c->o->include_comments) return 0;
  size_t n_content = c->n_roots;
  for (size_t i = 1; i < c->n; i++) {
    xinfo *x = &c->info[i];
    if (!(x->flags & XF_COMMENT) || (x->flags & XF_SKIP) || !x->text) continue;
    if (x->parent && (x->parent->flags & XF_COMMENT)) continue;   /* outermost only */
    int inside = 0;
    for (size_t r = 0; r < n_content && !inside; r++)
      inside = is_ancestor_node(c->roots[r], x->node) || is_ancestor_node(x->node, c->roots[r]);
    if (!inside && add_root(c, x->node) != 0) return -1;
  }
  return 0;
}

/* ---------------------------------------------------------------- attempt */

/* Runs one attempt; leaves its roots and flags in c.  Returns 0, -1 on OOM. */
static int run_attempt(xctx *c, const xattempt *at, int merge) {
  c->at = at;
  c->n_roots = 0;
  xs_stats(c, skip_flags(c));
  xinfo *top = pass_pick(c);
  c->top = top;
  if (pass_merge_siblings(c, top, merge) != 0) return -1;
  pass_clean(c);
  return c->oom ? -1 : 0;
}

/* Code points of s. */
static size_t u8len(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* Is this an article?  A page whose best content is short, mostly links, or
 * a pile of linked headlines (an index, search results) is not. */
static int classify_article(xctx *c, size_t chars) {
  if (chars < RULES_NONARTICLE_CHARS) return 0;
  uint32_t text = 0, link = 0;
  int linked_heads = 0, heads = 0;
  for (size_t r = 0; r < c->n_roots; r++) {
    xinfo *x = xi(c->roots[r]);
    if (!x) continue;
    text += x->text; link += x->link;
    xmlNode *root = c->roots[r];
    for (xmlNode *n = root; n;) {
      xinfo *y = xi(n);
      if (!y || (y->flags & (XF_SKIP | XF_CLEANED))) { n = dom_next(n, root, 1); continue; }
      if (y->flags & XF_HEADING) {
        heads++;
        if (y->text && y->link * 2 >= y->text) linked_heads++;
        n = dom_next(n, root, 1);
        continue;
      }
      n = dom_next(n, root, 0);
    }
  }
  if (text && (double)link / text > RULES_NONARTICLE_LD) return 0;
  if (linked_heads >= RULES_INDEX_LINKED_HEADS &&
      text / (uint32_t)linked_heads < RULES_INDEX_CHARS_PER_HEAD)
    return 0;
  return 1;
}

static xmlChar *find_base(xmlDocPtr doc, const char *url) {
  xmlNode *head = dom_head(doc);
  const char *href = NULL;
  for (xmlNode *n = head ? head->children : NULL; n; n = n->next)
    if (dom_is(n, "base") && (href = dom_attr(n, "href"))) break;
  if (href && *href) {
    xmlChar *b = xmlBuildURI(BAD_CAST href, BAD_CAST (url ? url : ""));
    if (b) return b;
  }
  return url && *url ? xmlStrdup(BAD_CAST url) : NULL;
}

int extract_content(xmlDocPtr doc, const art_opts *o, const art_meta *m, art_content *out) {
  memset(out, 0, sizeof *out);
  xctx c = {0};
  c.doc = doc; c.o = o; c.m = m;
  c.body = dom_body(doc);
  int rc = -1;
  if (!c.body) {
    out->text = strdup(""); out->html = strdup(""); out->markdown = strdup("");
    return (out->text && out->html && out->markdown) ? 0 : -1;
  }
  c.base = find_base(doc, o->url);
  if (xs_prep(&c) != 0) goto done;
  pass_guard(&c);
  /* page statistics: what is visible, whatever an attempt strips */
  xs_stats(&c, XF_DROP | XF_HIDDEN);
  for (size_t i = 0; i < c.n; i++) {
    xinfo *x = &c.info[i];
    x->page_text = x->text; x->page_inl = x->inl; x->page_inl_link = x->inl_link;
  }
  /* the block pass: a recall baseline; its length is the good text its
   * region holds (no text walk needed) */
  if (pass_blocks(&c) != 0) goto done;
  size_t blocks_len = c.region && xi(c.region) ? xi(c.region)->good : 0;
  /* attempts: the first long enough wins, else the longest */
  size_t best = 0, best_len = 0, last = 0;
  double best_score = 0;
  xmlNode *best_top = NULL;
  for (size_t a = 0; a < N_ATTEMPTS; a++) {
    if (run_attempt(&c, &ATTEMPTS[a], 1) != 0) goto done;
    last = a;
    char *t = xt_text(&c);
    if (!t) goto done;
    size_t l = u8len(t);
    free(t);
    if (a == 0 || l > best_len * RULES_RETRY_GAIN) {
      best = a;
      best_len = l;
      best_score = c.top ? c.top->score : 0;
      best_top = c.top ? c.top->node : NULL;
    }
    if (l >= RULES_MIN_ARTICLE_CHARS) break;
  }
  double ratio = o->favor == ART_FAVOR_PRECISION ? RULES_BLOCKS_RATIO_PRECISION :
                 o->favor == ART_FAVOR_RECALL ? RULES_BLOCKS_RATIO_RECALL : RULES_BLOCKS_RATIO;
  /* a candidate scored that high (many long paragraphs) is trusted: the
   * extra text the block pass finds is then other posts and asides */
  int trusted = best_score >= RULES_BLOCKS_TRUST_SCORE;
  /* and the region must hold what the scoring found: when the two
   * disagree on where the article is, the scored candidate is trusted */
  int holds = best_top && c.region && is_ancestor_node(c.region, best_top);
  if (best_len < blocks_len * ratio && !trusted && holds) {
    best = N_ATTEMPTS;
    best_len = blocks_len;
  }
  if (best == N_ATTEMPTS) {
    if (pass_blocks(&c) != 0) goto done;
    c.at = &ATTEMPTS[3];   /* clean_lines */
    pass_clean(&c);
    if (o->favor != ART_FAVOR_RECALL && pass_notices(&c) != 0) goto done;
  } else {
    /* the tree holds the last attempt's flags: run the best one again
     * only when it was an earlier one */
    if (best != last && run_attempt(&c, &ATTEMPTS[best], 1) != 0) goto done;
    if (o->favor != ART_FAVOR_PRECISION && pass_extend(&c) != 0) goto done;
    if (o->favor != ART_FAVOR_RECALL && blocks_classify(&c, 1) != 0) goto done;
    if (pass_lead(&c) != 0) goto done;
    if (o->favor != ART_FAVOR_RECALL && pass_notices(&c) != 0) goto done;
  }
  out->is_article = classify_article(&c, best_len);
  if (!out->is_article && c.n_roots > 1 && best < N_ATTEMPTS) {
    /* not an article: what little the top candidate has, not a merge */
    if (run_attempt(&c, &ATTEMPTS[best], 0) != 0) goto done;
  }

  if (pass_comments(&c) != 0) goto done;
  out->text = xt_text(&c);
  if (!out->text) goto done;
  /* baseline: a JSON-LD articleBody much longer than what we found wins */
  size_t tl = u8len(out->text);
  if (m && m->body_text && u8len(m->body_text) > tl * RULES_BASELINE_RATIO &&
      u8len(m->body_text) >= RULES_NONARTICLE_CHARS) {
    free(out->text);
    out->text = strdup(m->body_text);
    if (!out->text) goto done;
    c.n_roots = 0;   /* html etc. then come from the text */
  }
  if (xt_outputs(&c, out) != 0) goto done;
  rc = 0;
done:
  for (size_t i = 0; i < c.n; i++) c.info[i].node->_private = NULL;
  free(c.info);
  free(c.roots);
  if (c.base) xmlFree(c.base);
  if (rc != 0) content_free(out);
  return rc;
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
