/* score.c — rule lookups, node classification, per-node statistics and
 * Readability-style candidate scoring (see extract_int.h). */
#include "extract/extract_int.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/dom.h"
#include "extract/rules.h"
#include "base/strset.h"

/* ------------------------------------------------------------ rule tables */

static strset CLASS_TBL, TAG_TBL, STOP_TBL;

static const char *const UNLIKELY_W[] = {RULES_UNLIKELY_WORDS, NULL};
static const char *const MAYBE_W[] = {RULES_MAYBE_WORDS, NULL};
static const char *const POS_W[] = {RULES_POSITIVE_WORDS, NULL};
static const char *const NEG_W[] = {RULES_NEGATIVE_WORDS, NULL};
static const char *const COMMENT_W[] = {RULES_COMMENT_WORDS, NULL};
static const char *const CREDIT_W[] = {RULES_CREDIT_WORDS, NULL};
static const char *const CAPTION_W[] = {RULES_CAPTION_WORDS, NULL};
static const char *const STRONG_W[] = {RULES_STRONG_WORDS, NULL};
static const char *const LEAD_W[] = {RULES_LEAD_WORDS, NULL};
static const char *const STOPS[] = {RULES_STOP_EN, RULES_STOP_DE, RULES_STOP_FR, RULES_STOP_ES,
                                    RULES_STOP_IT, RULES_STOP_PT, RULES_STOP_NL, RULES_STOP_PL,
                                    RULES_STOP_RU, RULES_STOP_CJK, NULL};
static const char *const UNLIKELY_S[] = {RULES_UNLIKELY_SUBSTR, NULL};
static const char *const POS_S[] = {RULES_POSITIVE_SUBSTR, NULL};
static const char *const NEG_S[] = {RULES_NEGATIVE_SUBSTR, NULL};
static const char *const COMMENT_S[] = {RULES_COMMENT_SUBSTR, NULL};

static const char *const DROP_T[] = {RULES_DROP_TAGS, NULL};
static const char *const BLOCK_T[] = {RULES_BLOCK_TAGS, NULL};
static const char *const BOILER_T[] = {RULES_BOILER_TAGS, NULL};
static const char *const HTML_T[] = {RULES_HTML_TAGS, NULL};
static const char *const PARA_T[] = {RULES_PARA_TAGS, NULL};
static const char *const CPARA_T[] = {RULES_CONTAINER_PARA_TAGS, NULL};
static const char *const CLEAN_T[] = {RULES_CLEAN_TAGS, NULL};
static const char *const FLOW_T[] = {RULES_HTML_FLOW_TAGS, NULL};
static const char *const ROLES[] = {RULES_BOILER_ROLES, NULL};
static const char *const VIDEO_HOSTS[] = {RULES_VIDEO_HOSTS, NULL};
static const char *const BOILER_PFX[] = {RULES_BOILER_PREFIXES, NULL};
static const char *const TAXO[] = {RULES_TAXONOMY_PREFIXES, NULL};
static const char *const LAZY_ATTRS[] = {RULES_LAZY_SRC_ATTRS, NULL};
static const char *const PLACEHOLDERS[] = {RULES_PLACEHOLDER_SRC, NULL};

static const struct { const char *tag; int prior; } PRIORS[] = {RULES_TAG_PRIORS};
#define N_PRIORS (sizeof PRIORS / sizeof PRIORS[0])
/* Tag bits beyond RT_*: the prior's index + 1, then the tag's kind (one
 * lookup instead of a chain of string compares per element). */
enum { RT_PRIOR_SHIFT = 8, RT_KIND_SHIFT = 16 };
enum { TK_NONE, TK_A, TK_P, TK_LI, TK_PRE, TK_TABLE, TK_IMG, TK_EMBED, TK_FIGCAPTION,
       TK_HEADING, TK_BODY, TK_MAIN, TK_SCRIPT, TK_NOSCRIPT };
static const struct { const char *tag; unsigned kind; } KINDS[] = {
  {"a", TK_A}, {"p", TK_P}, {"li", TK_LI}, {"pre", TK_PRE}, {"table", TK_TABLE},
  {"img", TK_IMG}, {"amp-img", TK_IMG}, {"iframe", TK_EMBED}, {"video", TK_EMBED},
  {"amp-youtube", TK_EMBED}, {"amp-video", TK_EMBED}, {"audio", TK_EMBED},
  {"figcaption", TK_FIGCAPTION}, {"h1", TK_HEADING}, {"h2", TK_HEADING}, {"h3", TK_HEADING},
  {"h4", TK_HEADING}, {"h5", TK_HEADING}, {"h6", TK_HEADING}, {"body", TK_BODY},
  {"main", TK_MAIN}, {"script", TK_SCRIPT}, {"noscript", TK_NOSCRIPT},
};

static void add_list(strset *t, const char *const *l, unsigned bits) {
  for (; *l; l++) strset_add(t, *l, bits);
}

static pthread_once_t rules_once = PTHREAD_ONCE_INIT;
/* Boiler prefixes grouped by their (lower-case) first byte: pfx_order
 * lists indexes into BOILER_PFX, pfx_start[b]..pfx_start[b + 1] those
 * starting with byte b. */
#define N_PFX (sizeof BOILER_PFX / sizeof BOILER_PFX[0] - 1)
static unsigned short pfx_order[N_PFX];
static unsigned short pfx_start[257];
static size_t stop_maxlen;   /* longest function word in bytes: longer words skip the lookup */

enum { RS_STRONG = 64 };

static void rules_build(void) {
  add_list(&CLASS_TBL, UNLIKELY_W, RS_UNLIKELY);
  add_list(&CLASS_TBL, MAYBE_W, RS_MAYBE);
  add_list(&CLASS_TBL, POS_W, RS_POS);
  add_list(&CLASS_TBL, NEG_W, RS_NEG);
  add_list(&CLASS_TBL, COMMENT_W, RS_COMMENT);
  add_list(&CLASS_TBL, CREDIT_W, RS_CREDIT);
  add_list(&CLASS_TBL, CAPTION_W, RS_CAPTION);
  add_list(&CLASS_TBL, STRONG_W, RS_STRONG);
  add_list(&CLASS_TBL, LEAD_W, RS_LEAD);
  add_list(&STOP_TBL, STOPS, 1);
  unsigned count[256] = {0};
  for (size_t i = 0; i < N_PFX; i++) count[(unsigned char)BOILER_PFX[i][0]]++;
  for (unsigned b = 0; b < 256; b++) pfx_start[b + 1] = (unsigned short)(pfx_start[b] + count[b]);
  unsigned short fill[256];
  for (unsigned b = 0; b < 256; b++) fill[b] = pfx_start[b];
  for (size_t i = 0; i < N_PFX; i++)
    pfx_order[fill[(unsigned char)BOILER_PFX[i][0]]++] = (unsigned short)i;
  for (const char *const *l = STOPS; *l; l++)
    if (strlen(*l) > stop_maxlen) stop_maxlen = strlen(*l);
  add_list(&TAG_TBL, DROP_T, RT_DROP);
  add_list(&TAG_TBL, BLOCK_T, RT_BLOCK);
  add_list(&TAG_TBL, BOILER_T, RT_BOILER);
  add_list(&TAG_TBL, HTML_T, RT_HTML);
  add_list(&TAG_TBL, PARA_T, RT_PARA);
  add_list(&TAG_TBL, CPARA_T, RT_CPARA);
  add_list(&TAG_TBL, CLEAN_T, RT_CLEAN);
  add_list(&TAG_TBL, FLOW_T, RT_FLOW);
  for (size_t i = 0; i < N_PRIORS; i++)
    strset_add(&TAG_TBL, PRIORS[i].tag, (unsigned)(i + 1) << RT_PRIOR_SHIFT);
  for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
    strset_add(&TAG_TBL, KINDS[i].tag, KINDS[i].kind << RT_KIND_SHIFT);
}

void rules_init(void) { pthread_once(&rules_once, rules_build); }

unsigned rules_tag_sets(const char *tag) { return strset_get(&TAG_TBL, tag, strlen(tag)); }

static int tag_prior(unsigned tagbits) {
  unsigned k = (tagbits >> RT_PRIOR_SHIFT) & 0xff;
  return k ? PRIORS[k - 1].prior : 0;
}

static int in_list(const char *s, const char *const *l) {
  for (; *l; l++)
    if (strcmp(s, *l) == 0) return 1;
  return 0;
}

int rules_boiler_role(const char *role) { return role && in_list(role, ROLES); }

int rules_video_src(const char *src) {
  if (!src) return 0;
  const char *p = strstr(src, "//");
  if (!p) return 0;
  p += 2;
  size_t hl = strcspn(p, "/:?#");
  for (const char *const *h = VIDEO_HOSTS; *h; h++) {
    size_t n = strlen(*h);
    if (hl >= n && strncasecmp(p + hl - n, *h, n) == 0 &&
        (hl == n || p[hl - n - 1] == '.'))
      return 1;
  }
  return 0;
}

static const char *const CREDIT_MARKS[] = {RULES_CREDIT_MARKS, NULL};

int rules_credit_text(const char *text) {
  char low[RULES_CREDIT_CAPTION_MAX + 1];
  size_t n = 0;
  for (; text[n]; n++) {
    if (n >= RULES_CREDIT_CAPTION_MAX) return 0;
    low[n] = (char)tolower((unsigned char)text[n]);
  }
  low[n] = '\0';
  for (const char *const *l = CREDIT_MARKS; *l; l++)
    if (strstr(low, *l)) return 1;
  return 0;
}

static const char *const NOTICE_MARKS[] = {RULES_NOTICE_MARKS, NULL};

/* Lower-cases src into dst (cap bytes): ASCII, and Latin-1 capitals
 * (U+00C0-U+00DE, two bytes each, so the length is kept).  Returns 0 when
 * src does not fit. */
static int lower_copy(char *dst, size_t cap, const char *src) {
  size_t n = 0;
  for (; src[n]; n++) {
    if (n + 1 >= cap) return 0;
    unsigned char ch = (unsigned char)src[n];
    if (ch == 0xC3 && (unsigned char)src[n + 1] >= 0x80 && (unsigned char)src[n + 1] <= 0x9E &&
        (unsigned char)src[n + 1] != 0x97) {
      dst[n] = (char)ch;
      dst[n + 1] = (char)((unsigned char)src[n + 1] + 0x20);
      n++;
      continue;
    }
    dst[n] = (char)tolower(ch);
  }
  dst[n] = '\0';
  return 1;
}

int rules_notice_text(const char *text) {
  char low[RULES_NOTICE_MAX * 4 + 1];   /* characters may take 4 bytes */
  if (!lower_copy(low, sizeof low, text)) return 0;
  for (const char *const *l = NOTICE_MARKS; *l; l++)
    if (strstr(low, *l)) return 1;
  return 0;
}

static const char *const PHOTO_CREDIT_MARKS[] = {RULES_PHOTO_CREDIT_MARKS, NULL};

int rules_credit_tail(const char *text) {
  size_t n = strlen(text);
  if (n > RULES_CREDIT_CAPTION_MAX * 2) return 0;   /* bytes; about 250 characters */
  const char *tail = text + (n > RULES_CREDIT_TAIL ? n - RULES_CREDIT_TAIL : 0);
  char low[RULES_CREDIT_TAIL + 1];
  size_t k = 0;
  for (; tail[k]; k++) low[k] = (char)tolower((unsigned char)tail[k]);
  low[k] = '\0';
  for (const char *const *l = PHOTO_CREDIT_MARKS; *l; l++)
    if (strstr(low, *l)) return 1;
  return 0;
}

int rules_boiler_prefix(const char *text) {
  while (*text == '(' || *text == '*' || *text == '[') text++;
  /* only the prefixes that start with the text's first byte */
  unsigned char first = (unsigned char)tolower((unsigned char)text[0]);
  for (unsigned i = pfx_start[first]; i < pfx_start[first + 1]; i++) {
    const char *l = BOILER_PFX[pfx_order[i]];
    if (strncasecmp(text, l, strlen(l)) == 0) return 1;
  }
  return 0;
}

/* Per-page memos: pages repeat the same class values over and over (list
 * items, grid cells) and the same pieces across values ("container",
 * "wrapper"); matching them against the token lists is the costliest step
 * of the prep pass.  Value keys point into the tree, which outlives the
 * memo; piece keys are short copies. */
#define MEMO_SIZE 1024   /* power of two; a full memo just stops memoising */
#define PIECE_MEMO_SIZE 512
#define PIECE_MAX 24
typedef struct attr_memo {
  const char *key[MEMO_SIZE];
  unsigned sets[MEMO_SIZE];
  unsigned char is_id[MEMO_SIZE];
  char piece[PIECE_MEMO_SIZE][PIECE_MAX];
  unsigned piece_sets[PIECE_MEMO_SIZE];
} attr_memo;

/* Substring sets of a class/id piece that is no token of its own
 * ("blogsidebar", "mainmenu"): compounds only, so the lists are scanned for
 * few pieces. */
static unsigned piece_substr_sets(const char *p, size_t n) {
  char w[64];
  if (n < RULES_SUBSTR_MIN_PIECE || n >= sizeof w) return 0;
  memcpy(w, p, n);
  w[n] = '\0';
  unsigned sets = 0;
  for (const char *const *l = UNLIKELY_S; *l; l++)
    if (strstr(w, *l)) { sets |= RS_UNLIKELY; break; }
  for (const char *const *l = POS_S; *l; l++)
    if (strstr(w, *l)) { sets |= RS_POS; break; }
  for (const char *const *l = NEG_S; *l; l++)
    if (strstr(w, *l)) { sets |= RS_NEG; break; }
  for (const char *const *l = COMMENT_S; *l; l++)
    if (strstr(w, *l)) { sets |= RS_COMMENT; break; }
  return sets;
}

/* Sets of one piece: its own token sets, else its substring sets. */
static unsigned piece_sets(const char *p, size_t n, attr_memo *m) {
  unsigned sets = strset_get(&CLASS_TBL, p, n);
  if (sets || n < RULES_SUBSTR_MIN_PIECE) return sets;
  if (!m || n >= PIECE_MAX) return piece_substr_sets(p, n);
  unsigned h = strset_hash(p, n);
  for (unsigned k = 0; k < 4; k++) {
    unsigned i = (h + k) & (PIECE_MEMO_SIZE - 1);
    char *e = m->piece[i];
    if (!e[0]) {
      memcpy(e, p, n);
      e[n] = '\0';
      return m->piece_sets[i] = piece_substr_sets(p, n);
    }
    if (strncmp(e, p, n) == 0 && e[n] == '\0') return m->piece_sets[i];
  }
  return piece_substr_sets(p, n);
}

/* Rule sets matched by one attribute value (class or id). */
static unsigned attr_sets(const char *v, int is_id, attr_memo *memo) {
  char low[256];
  size_t n = 0, dashes = 0;
  for (; v[n] && n < sizeof low - 1; n++) {
    low[n] = (char)tolower((unsigned char)v[n]);
    dashes += low[n] == '-' || low[n] == '_';
  }
  low[n] = '\0';
  if (n == 0) return 0;
  /* an id made of many words is a heading's slug ("sharing-with-a-team"),
   * not a widget name */
  if (is_id && dashes + 1 >= RULES_SLUG_PIECES) return strset_get(&CLASS_TBL, low, n);
  unsigned sets = 0;
  /* whole tokens (split on white space), then their alphanumeric pieces */
  for (size_t i = 0; i < n;) {
    while (i < n && isspace((unsigned char)low[i])) i++;
    size_t s = i;
    while (i < n && !isspace((unsigned char)low[i])) i++;
    if (i == s) continue;
    unsigned whole = strset_get(&CLASS_TBL, low + s, i - s);
    sets |= whole;
    int taxo = 0;
    for (const char *const *t = TAXO; *t && !taxo; t++)
      taxo = !strncmp(low + s, *t, strlen(*t));
    if (taxo || whole) continue;
    /* a BEM modifier ("section--has-ads", "Report__Section--Ads") says
     * what the block carries, not what it is: its pieces only add the
     * content-saying sets.  Tokens with several "--" use them as
     * namespace separators ("duet--article--byline"), not modifiers. */
    int dd = 0;
    for (size_t j = s; j + 1 < i; j++)
      if (low[j] == '-' && low[j + 1] == '-') { dd++; j++; }
    int modifier = 0;
    for (size_t j = s; j < i;) {
      while (j < i && !isalnum((unsigned char)low[j])) {
        if (dd == 1 && low[j] == '-' && j + 1 < i && low[j + 1] == '-') modifier = 1;
        j++;
      }
      size_t ps = j;
      while (j < i && isalnum((unsigned char)low[j])) j++;
      if (j == ps) continue;
      unsigned ps_sets = piece_sets(low + ps, j - ps, memo);
      sets |= modifier ? ps_sets & (RS_POS | RS_MAYBE | RS_LEAD | RS_CREDIT | RS_CAPTION) : ps_sets;
    }
  }
  return sets;
}


static unsigned attr_sets_memo(attr_memo *m, const char *v, int is_id) {
  if (!m) return attr_sets(v, is_id, NULL);
  unsigned h = strset_hash(v, strlen(v)) ^ (unsigned)is_id;
  for (unsigned k = 0; k < 8; k++) {   /* short probe: a miss is cheap */
    unsigned i = (h + k) & (MEMO_SIZE - 1);
    if (!m->key[i]) {
      m->key[i] = v;
      m->is_id[i] = (unsigned char)is_id;
      return m->sets[i] = attr_sets(v, is_id, m);
    }
    if (m->is_id[i] == is_id && strcmp(m->key[i], v) == 0) return m->sets[i];
  }
  return attr_sets(v, is_id, m);
}

/* Readability's weight: class and id each count +-25. */
static float class_weight(attr_memo *memo, const char *cls, const char *id, unsigned *all) {
  float w = 0;
  const char *vals[2] = {cls, id};
  *all = 0;
  for (int k = 0; k < 2; k++) {
    if (!vals[k] || !*vals[k]) continue;
    unsigned s = attr_sets_memo(memo, vals[k], k == 1);
    *all |= s;
    if (s & RS_NEG) w -= (float)RULES_CLASS_WEIGHT;
    if (s & RS_POS) w += (float)RULES_CLASS_WEIGHT;
  }
  return w;
}

/* ------------------------------------------------------------ text counts */

void xs_count_text(const unsigned char *p, uint32_t *chars, uint32_t *commas, int *space) {
  int pending = 0;  /* white space seen since the last character */
  for (; p && *p; p++) {
    unsigned c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { pending = 1; continue; }
    if (c == 0xC2 && p[1] == 0xA0) { pending = 1; p++; continue; }
    if ((c & 0xC0) == 0x80) continue;   /* continuation byte */
    if (pending && !*space) (*chars)++;
    pending = 0;
    *space = 0;
    (*chars)++;
    if (c == ',') (*commas)++;
    else if (c == 0xEF && p[1] == 0xBC && p[2] == 0x8C) (*commas)++;   /* fullwidth comma */
    else if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x81) (*commas)++;   /* ideographic comma */
    else if (c == 0xD8 && p[1] == 0x8C) (*commas)++;                   /* Arabic comma */
  }
  if (pending) *space = 0;
}

/* ------------------------------------------------------------ prose */

/* Code point of the UTF-8 sequence at p (lenient: the tree is valid UTF-8)
 * and its length in *len. */
static unsigned cp_at(const unsigned char *p, int *len) {
  unsigned c = p[0];
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xE0 && p[1]) { *len = 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
  if (c < 0xF0 && p[1] && p[2]) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  if (p[1] && p[2] && p[3]) {
    *len = 4;
    return ((c & 0x07) << 18) | ((unsigned)(p[1] & 0x3F) << 12) |
           ((unsigned)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
  *len = 1;
  return 0xFFFD;
}

/* Kana and CJK ideographs: a word each. */
static int cp_cjk(unsigned c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

/* Part of a word: letters and digits of any script (punctuation, symbol
 * and space blocks excluded). */
static int cp_word(unsigned c) {
  if (c < 0x80) return isalnum((int)c);
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return 0;
  if (c >= 0x2000 && c <= 0x2BFF) return 0;
  if (c >= 0x3000 && c <= 0x303F) return 0;
  if (c >= 0xFE30 && c <= 0xFE4F) return 0;
  if (c >= 0xFF00 && c <= 0xFF20) return 0;
  return c < 0x1F000;
}

/* Lower-case for the scripts of the stop lists: ASCII, Latin-1, Cyrillic. */
static unsigned cp_lower(unsigned c) {
  if (c < 0x80) return (unsigned)tolower((int)c);
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

static size_t put_utf8(unsigned char *o, unsigned c) {
  if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
  if (c < 0x800) {
    o[0] = (unsigned char)(0xC0 | (c >> 6));
    o[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (c >> 12));
    o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (c >> 18));
  o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

void xs_count_words(const unsigned char *p, uint32_t *words, uint32_t *stops) {
  /* the longest function word fits; longer words are never one */
  enum { WMAX = 32 };
  unsigned char w[WMAX + 4];
  size_t wl = 0;
  int in_word = 0, too_long = 0;
  while (p && *p) {
    int len;
    unsigned c = cp_at(p, &len);
    p += len;
    int cjk = cp_cjk(c);
    if (cp_word(c) && !cjk) {
      if (!in_word) { in_word = 1; wl = 0; too_long = 0; }
      if (wl + 4 <= WMAX) wl += put_utf8(w + wl, cp_lower(c));
      else too_long = 1;
      continue;
    }
    if (in_word) {
      (*words)++;
      if (!too_long && wl <= stop_maxlen && strset_get(&STOP_TBL, (const char *)w, wl)) (*stops)++;
      in_word = 0;
    }
    if (cjk) {
      (*words)++;
      wl = put_utf8(w, c);
      if (strset_get(&STOP_TBL, (const char *)w, wl)) (*stops)++;
    }
  }
  if (in_word) {
    (*words)++;
    if (!too_long && wl <= stop_maxlen && strset_get(&STOP_TBL, (const char *)w, wl)) (*stops)++;
  }
}

/* ------------------------------------------------------------------ prep */

static int style_hidden(const char *style) {
  char buf[512];
  size_t n = 0;
  for (const char *p = style; *p && n < sizeof buf - 1; p++)
    if (!isspace((unsigned char)*p)) buf[n++] = (char)tolower((unsigned char)*p);
  buf[n] = '\0';
  return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static int placeholder_src(const char *src) {
  if (!src || !*src) return 1;
  if (strncmp(src, "data:", 5) == 0) return strlen(src) < 2000;  /* tiny inline gif */
  for (const char *const *l = PLACEHOLDERS; *l; l++)
    if (strstr(src, *l)) return 1;
  return 0;
}

/* The best URL of a srcset: the widest candidate (or the last). */
static char *srcset_best(const char *ss) {
  const char *best = NULL;
  size_t best_len = 0;
  double best_w = -1;
  for (const char *p = ss; *p;) {
    while (*p == ' ' || *p == ',' || *p == '\n' || *p == '\t') p++;
    if (!*p) break;
    const char *u = p;
    while (*p && !isspace((unsigned char)*p) && *p != ',') p++;
    size_t ul = (size_t)(p - u);
    /* a comma inside the URL (rare) ends it here; good enough */
    double w = 0;
    while (*p == ' ') p++;
    if (*p && *p != ',') {
      w = strtod(p, NULL);
      while (*p && *p != ',') p++;
    }
    if (ul && w >= best_w) { best = u; best_len = ul; best_w = w; }
  }
  return best ? strndup(best, best_len) : NULL;
}

/* Gives a lazy image its real source. */
static void fix_lazy_image(xmlNode *n) {
  const char *src = dom_attr(n, "src");
  if (!placeholder_src(src)) return;
  for (const char *const *a = LAZY_ATTRS; *a; a++) {
    const char *v = dom_attr(n, *a);
    if (!v || !*v) continue;
    char *u = strstr(*a, "srcset") ? srcset_best(v) : strdup(v);
    if (u && *u && strncmp(u, "data:", 5) != 0) {
      xmlSetProp(n, BAD_CAST "src", BAD_CAST u);
      free(u);
      return;
    }
    free(u);
  }
}

/* A <noscript> holding the real image of a lazy placeholder just before it:
 * keep the noscript's image, drop the placeholder. */
static int noscript_image(xmlNode *ns) {
  xmlNode *img = NULL;
  for (xmlNode *d = ns->children; d; d = dom_next(d, ns, 0)) {
    if (d->type == XML_TEXT_NODE) {
      for (const xmlChar *p = d->content; p && *p; p++)
        if (!isspace(*p)) return 0;
    } else if (dom_is(d, "img")) {
      if (img) return 0;
      img = d;
    }
  }
  return img != NULL;
}

static int push_info(xctx *c, xmlNode *n, xinfo *parent) {
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 1024;
    xinfo *ni = realloc(c->info, cap * sizeof *ni);
    if (!ni) return -1;
    /* re-point the nodes at the moved array */
    if (ni != c->info) {
      for (size_t i = 0; i < c->n; i++) {
        ni[i].node->_private = &ni[i];
        if (ni[i].parent) ni[i].parent = ni + (ni[i].parent - c->info);
      }
      if (parent) parent = ni + (parent - c->info);
    }
    c->info = ni;
    c->cap = cap;
  }
  xinfo *x = &c->info[c->n++];
  memset(x, 0, sizeof *x);
  x->node = n;
  x->parent = parent;
  n->_private = x;
  return 0;
}

/* Classifies one element (its info is already allocated). */
static void classify(xinfo *x, attr_memo *memo) {
  xmlNode *n = x->node;
  const char *tag = dom_tag(n);
  unsigned tb = rules_tag_sets(tag);
  uint32_t f = 0;
  if (tb & RT_DROP) f |= XF_DROP;
  if (tb & RT_BLOCK) f |= XF_BLOCK;
  if (tb & (RT_PARA | RT_CPARA)) f |= XF_PARA;
  if (tb & RT_BOILER) f |= XF_UNLIKELY;
  unsigned kind = (tb >> RT_KIND_SHIFT) & 0xff;
  switch (kind) {
    case TK_A: f |= XF_LINK; break;
    case TK_P: f |= XF_P; break;
    case TK_LI: f |= XF_LI; break;
    case TK_PRE: f |= XF_PRE; break;
    case TK_TABLE: f |= XF_TABLE; break;
    case TK_IMG: f |= XF_IMG; break;
    case TK_EMBED: f |= XF_EMBED; break;
    case TK_FIGCAPTION: f |= XF_CAPTION; break;
    case TK_HEADING: f |= XF_HEADING; break;
    default: break;
  }
  if (f & XF_IMG) fix_lazy_image(n);
  if (n->properties) {
    /* one pass over the attributes */
    const char *cls = NULL, *id = NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
      const char *name = (const char *)a->name;
      const char *v = (a->children && a->children->type == XML_TEXT_NODE &&
                       a->children->content) ? (const char *)a->children->content : "";
      switch (name ? name[0] : 0) {
        case 'c': if (!strcmp(name, "class")) cls = v; break;
        case 'i': if (!strcmp(name, "id")) id = v; break;
        case 'h': if (!strcmp(name, "hidden")) f |= XF_HIDDEN; break;
        case 'a': if (!strcmp(name, "aria-hidden") && !strcmp(v, "true")) f |= XF_HIDDEN; break;
        case 's': if (!strcmp(name, "style") && style_hidden(v)) f |= XF_HIDDEN; break;
        case 'r': if (!strcmp(name, "role") && rules_boiler_role(v)) f |= XF_UNLIKELY; break;
        default: break;
      }
    }
    unsigned sets = 0;
    x->weight = class_weight(memo, cls, id, &sets);
    int protected = kind == TK_A || kind == TK_BODY || kind == TK_MAIN;
    if (!protected) {
      if ((sets & RS_UNLIKELY) && !(sets & RS_MAYBE)) f |= XF_UNLIKELY;
      if (sets & RS_STRONG) f |= XF_UNLIKELY | XF_STRONG_BOILER;
      if (sets & RS_COMMENT) f |= XF_COMMENT;
      if (sets & RS_CREDIT) f |= XF_CREDIT;
      if (sets & RS_CAPTION) f |= XF_CAPTION;
      if (sets & RS_LEAD) f |= XF_LEAD;
    }
  }
  /* <noscript> (and a <script> the parser filled with elements) is hidden
   * unless it holds the page (see the guard pass) or the real image of a
   * lazy placeholder just before it */
  if (kind == TK_SCRIPT && dom_first_element(n)) f = (f & ~(uint32_t)XF_DROP) | XF_HIDDEN;
  if (kind == TK_NOSCRIPT) {
    f |= XF_HIDDEN;
    if (noscript_image(n)) {
      xmlNode *prev = n->prev;
      while (prev && prev->type != XML_ELEMENT_NODE) prev = prev->prev;
      xinfo *pi = xi(prev);
      if (pi && (pi->flags & XF_IMG)) {
        pi->flags |= XF_DROP;
        f &= ~(uint32_t)XF_HIDDEN;
      }
    }
  }
  x->flags = f;
}

int xs_prep(xctx *c) {
  rules_init();
  if (!c->body) return 0;
  if (push_info(c, c->body, NULL) != 0) return -1;
  /* without memory for the memo, classification is only slower */
  attr_memo *memo = calloc(1, sizeof *memo);
  classify(&c->info[0], memo);
  c->info[0].flags &= ~(uint32_t)(XF_DROP | XF_HIDDEN | XF_UNLIKELY | XF_COMMENT);
  for (xmlNode *n = c->body->children; n;) {
    if (n->type == XML_ELEMENT_NODE) {
      if (push_info(c, n, xi(n->parent)) != 0) { free(memo); return -1; }
      xinfo *x = xi(n);
      classify(x, memo);
      if (x->flags & XF_DROP) {           /* no need to look inside */
        n = dom_next(n, c->body, 1);
        continue;
      }
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      xinfo *p = xi(n->parent);
      if (p) {
        int space = 0;
        xs_count_text(n->content, &p->direct, &p->direct_commas, &space);
      }
    }
    n = dom_next(n, c->body, 0);
  }
  free(memo);
  return 0;
}

/* ------------------------------------------------------------------ stats */

void xs_stats(xctx *c, uint32_t skip) {
  for (size_t i = 0; i < c->n; i++) {
    xinfo *x = &c->info[i];
    x->flags &= ~(uint32_t)XF_PER_ATTEMPT;
    if ((x->flags & skip) || (x->parent && (x->parent->flags & XF_SKIP))) x->flags |= XF_SKIP;
    x->text = x->inl = x->direct;
    x->commas = x->inl_commas = x->direct_commas;
    x->link = x->inl_link = 0;
    x->good = x->bad = 0;
    x->n_p = x->n_img = x->n_li = x->n_embed = x->n_heading = x->heading_text = 0;
    x->score = 0;
    x->candidate = 0;
  }
  for (size_t i = c->n; i-- > 0;) {
    xinfo *x = &c->info[i];
    if (x->flags & XF_SKIP) continue;
    uint32_t f = x->flags;
    if (f & XF_LINK) { x->link = x->text; x->inl_link = x->inl; }
    if (f & XF_P) x->n_p++;
    else if ((f & XF_PARA) && x->inl >= RULES_MIN_PARA_CHARS) x->n_p++;
    if (f & XF_IMG) x->n_img++;
    if (f & XF_LI) x->n_li++;
    if (f & XF_EMBED) x->n_embed++;
    if (f & XF_HEADING) { x->n_heading++; x->heading_text += x->text; }
    xinfo *p = x->parent;
    if (!p) continue;
    p->text += x->text; p->link += x->link; p->commas += x->commas;
    p->n_p += x->n_p; p->n_img += x->n_img; p->n_li += x->n_li;
    p->n_embed += x->n_embed; p->n_heading += x->n_heading;
    p->heading_text += x->heading_text;
    if (!(f & XF_BLOCK)) {
      p->inl += x->inl; p->inl_link += x->inl_link; p->inl_commas += x->inl_commas;
    }
  }
}

/* ------------------------------------------------------------------ score */

static void init_candidate(const xctx *c, xinfo *x) {
  if (x->candidate) return;
  x->candidate = 1;
  x->score = tag_prior(rules_tag_sets(dom_tag(x->node)));
  if (c->at->weight_classes) x->score += x->weight;
}

xinfo *xs_score(xctx *c) {
  for (size_t i = 0; i < c->n; i++) {
    xinfo *x = &c->info[i];
    if ((x->flags & (XF_SKIP | XF_PARA)) != XF_PARA) continue;
    if (x->inl < RULES_MIN_PARA_CHARS) continue;
    double s = 1.0 + x->inl_commas + (x->inl / 100.0 < RULES_LEN_POINTS_CAP ?
                                      x->inl / 100.0 : RULES_LEN_POINTS_CAP);
    s *= 1.0 - (double)x->inl_link / x->inl;
    unsigned tb = rules_tag_sets(dom_tag(x->node));
    xinfo *a = (tb & RT_CPARA) ? x : x->parent;
    for (int level = 0; a && level < RULES_SCORE_LEVELS; level++, a = a->parent) {
      init_candidate(c, a);
      double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      a->score += s / div;
    }
  }
  xinfo *top = NULL;
  for (size_t i = 0; i < c->n; i++) {
    xinfo *x = &c->info[i];
    if (!x->candidate) continue;
    if (x->text) x->score *= 1.0 - (double)x->link / x->text;
    if (!top || x->score > top->score) top = x;
  }
  return top;
}

int xs_data_table(const xmlNode *t) {
  const char *role = dom_attr(t, "role");
  if (role && strcmp(role, "presentation") == 0) return 0;
  int rows = 0, cols = 0, cur = 0;
  for (const xmlNode *n = t->children; n; n = dom_next(n, t, 0)) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (dom_is(n, "table")) return 0;     /* nested tables: layout */
    if (dom_is(n, "th") || dom_is(n, "thead") || dom_is(n, "caption")) return 1;
    if (dom_is(n, "tr")) { rows++; if (cur > cols) cols = cur; cur = 0; }
    if (dom_is(n, "td")) cur++;
  }
  if (cur > cols) cols = cur;
  return rows >= RULES_DATA_TABLE_ROWS || (rows > 1 && cols > RULES_DATA_TABLE_COLS);
}
