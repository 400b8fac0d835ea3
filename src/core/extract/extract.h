/*
 * extract.h — main-content extraction: the article body as text, clean HTML
 * and Markdown, with its images and links.
 * Every pointer is owned by the art_content and released by content_free.
 */
#ifndef ARTICLE_EXTRACT_H
#define ARTICLE_EXTRACT_H

#include <stddef.h>
#include <libxml/tree.h>
#include "meta/meta.h"

struct art_opts;

typedef struct art_link {
  char *url, *text;
} art_link;

typedef struct art_content {
  char *text;                /* paragraphs separated by blank lines */
  char *html;                /* cleaned main content */
  char *markdown;
  int is_article;            /* 0 for index pages, search results, ... */
  size_t word_count;
  art_image *images; size_t n_images, cap_images;   /* images in the content */
  art_link *links; size_t n_links, cap_links;       /* links in the content */
} art_content;

/* Finds the main content of doc and fills c.  May rewrite the tree.
 * `m` is the metadata found so far (the title helps to find the body).
 * Returns 0, -1 on out of memory. */
int extract_content(xmlDocPtr doc, const struct art_opts *o, const art_meta *m,
                    art_content *c);
void content_free(art_content *c);

#endif
