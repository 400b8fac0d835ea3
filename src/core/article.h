/*
 * article.h — the C core's public face: options in, an article out.
 * Nothing here knows about Lua; l_*.c files translate.
 *
 * Pipeline (article.c): doc_parse_html -> meta_extract (pristine tree) ->
 * extract_content (may rewrite the tree) -> meta_finish (fields that need the
 * content, such as language detection from the text) -> free the tree.
 */
#ifndef ARTICLE_ARTICLE_H
#define ARTICLE_ARTICLE_H

#include <stddef.h>
#include "html/doc.h"
#include "base/vec.h"
#include "meta/meta.h"
#include "extract/extract.h"

enum { ART_FAVOR_BALANCED = 0, ART_FAVOR_PRECISION = 1, ART_FAVOR_RECALL = 2 };

/* Options for art_parse.  art_opts_init sets the documented defaults. */
typedef struct art_opts {
  const char *url;           /* page URL: base for relative links, dates in URL */
  const char *content_type;  /* HTTP Content-Type (charset hint), or NULL */
  const char *encoding;      /* force this charset, or NULL */
  int include_comments;      /* keep the comment section (default 0) */
  int include_tables;        /* keep tables (default 1) */
  int include_images;        /* keep images in html/markdown (default 1) */
  int include_links;         /* keep links in html/markdown (default 1) */
  int favor;                 /* ART_FAVOR_* (default balanced) */
  int date_floor;            /* reject dates before this year (default 1995) */
  int detect_language;       /* detect language from text when undeclared (default 1) */
  long long now;             /* "now" for future-date checks, Unix seconds; 0 = time() */
} art_opts;

void art_opts_init(art_opts *o);

typedef struct art_result {
  doc_info doc;              /* encoding decisions */
  art_meta meta;
  art_content content;
} art_result;

/* Parses and extracts.  Fills *r (which the caller then owns and releases
 * with art_result_free, also after failure).  Returns 0, or -1 with a
 * message in err when memory ran out; bad pages are never an error. */
int art_parse(const char *bytes, size_t len, const art_opts *o, art_result *r,
              char *err, size_t errlen);
/* Runs the passes after parsing on a tree the caller owns (the tree may be
 * rewritten).  Same contract as art_parse. */
int art_extract_doc(xmlDocPtr doc, const art_opts *o, art_result *r, char *err, size_t errlen);
void art_result_free(art_result *r);

#endif
