/* meta.c — metadata passes (see meta.h).  First version: <title>, <html lang>,
 * meta description, canonical link. */
#include "meta.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "dom.h"

int meta_extract(xmlDocPtr doc, const art_opts *o, art_meta *m) {
  memset(m, 0, sizeof *m);
  m->paywalled = -1;
  if (o->url) m->url = strdup(o->url);
  xmlNode *head = dom_head(doc), *html = dom_html(doc);
  xmlNode *t = head ? dom_find(head, "title") : dom_find(html, "title");
  if (t) {
    m->title = dom_text(t);
    if (m->title && !*m->title) { free(m->title); m->title = NULL; }
  }
  m->language = dom_clean_dup(dom_attr(html, "lang"));
  for (xmlNode *n = head ? head->children : NULL; n; n = n->next) {
    if (dom_is(n, "meta")) {
      const char *name = dom_attr(n, "name");
      if (name && strcasecmp(name, "description") == 0 && !m->description)
        m->description = dom_clean_dup(dom_attr(n, "content"));
    } else if (dom_is(n, "link")) {
      const char *rel = dom_attr(n, "rel");
      if (rel && strcasecmp(rel, "canonical") == 0 && !m->canonical_url)
        m->canonical_url = dom_clean_dup(dom_attr(n, "href"));
    }
  }
  return 0;
}

int meta_finish(const art_opts *o, art_meta *m, art_content *c) {
  (void)o; (void)m; (void)c;
  return 0;
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
