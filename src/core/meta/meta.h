/*
 * meta.h — article metadata: the fields, and the passes that fill them.
 * Every char* is owned by the art_meta and released by meta_free; NULL means
 * "absent", never a guess.
 */
#ifndef ARTICLE_META_H
#define ARTICLE_META_H

#include <libxml/tree.h>
#include "base/vec.h"

struct art_opts;
struct art_content;

typedef struct art_image {
  char *url, *alt, *caption;
  int width, height;         /* 0 when unknown */
} art_image;

typedef struct art_feed {
  char *url, *title, *type;  /* type: "rss", "atom", "json" */
} art_feed;

typedef struct art_video {
  char *url, *embed_url, *thumbnail, *title;
} art_video;

typedef struct art_meta {
  char *title, *description, *site_name, *language;
  char *url, *canonical_url, *image, *license;
  char *published, *modified, *date_source;
  char *page_type;           /* "article", "index", "video", "product", "other" */
  int paywalled;             /* -1 unknown, 0 free, 1 paywalled */
  strvec authors, tags, categories;
  art_feed *feeds; size_t n_feeds, cap_feeds;
  art_video *videos; size_t n_videos, cap_videos;
  /* Internal, not exported to Lua: JSON-LD articleBody text, which the
   * extractor compares its result against (a baseline). */
  char *body_text;
} art_meta;

/* Fills m from the pristine tree (before extraction rewrites it).
 * Returns 0, -1 on out of memory. */
int meta_extract(xmlDocPtr doc, const struct art_opts *o, art_meta *m);
/* Fills fields that need the extracted content (language detection, a top
 * image from the body).  Returns 0, -1 on out of memory. */
int meta_finish(const struct art_opts *o, art_meta *m, struct art_content *c);
void meta_free(art_meta *m);

#endif
