/* article.c — the pipeline from bytes to article (see article.h). */
#include "article.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void art_opts_init(art_opts *o) {
  memset(o, 0, sizeof *o);
  o->include_tables = 1;
  o->include_images = 1;
  o->include_links = 1;
  o->favor = ART_FAVOR_BALANCED;
  o->date_floor = 1995;
  o->detect_language = 1;
}

int art_extract_doc(xmlDocPtr doc, const art_opts *o, art_result *r, char *err, size_t errlen) {
  art_opts local = *o;
  if (local.now == 0) local.now = (long long)time(NULL);
  if (meta_extract(doc, &local, &r->meta) != 0 ||
      extract_content(doc, &local, &r->meta, &r->content) != 0 ||
      meta_finish(&local, &r->meta, &r->content) != 0) {
    snprintf(err, errlen, "out of memory extracting the article");
    return -1;
  }
  return 0;
}

int art_parse(const char *bytes, size_t len, const art_opts *o, art_result *r,
              char *err, size_t errlen) {
  memset(r, 0, sizeof *r);
  doc_opts dopts = {o->content_type, o->encoding, o->url};
  xmlDocPtr doc = doc_parse_html(bytes, len, &dopts, &r->doc, err, errlen);
  if (!doc) return -1;
  int rc = art_extract_doc(doc, o, r, err, errlen);
  xmlFreeDoc(doc);
  return rc;
}

void art_result_free(art_result *r) {
  meta_free(&r->meta);
  content_free(&r->content);
}
