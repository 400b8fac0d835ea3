/* l_meta.c — metadata fields onto the article table (see binding.h). */
#include "binding.h"

void l_push_meta(lua_State *L, const art_meta *m) {
  l_setstr(L, "title", m->title);
  l_setstr(L, "description", m->description);
  l_setstr(L, "site_name", m->site_name);
  l_setstr(L, "language", m->language);
  l_setstr(L, "url", m->url);
  l_setstr(L, "canonical_url", m->canonical_url);
  l_setstr(L, "image", m->image);
  l_setstr(L, "license", m->license);
  l_setstr(L, "published", m->published);
  l_setstr(L, "modified", m->modified);
  l_setstr(L, "date_source", m->date_source);
  l_setstr(L, "page_type", m->page_type);
  if (m->paywalled >= 0) {
    lua_pushboolean(L, m->paywalled);
    lua_setfield(L, -2, "paywalled");
  }
  l_pusharray(L, &m->authors);
  lua_setfield(L, -2, "authors");
  l_pusharray(L, &m->tags);
  lua_setfield(L, -2, "tags");
  l_pusharray(L, &m->categories);
  lua_setfield(L, -2, "categories");
  l_newarray(L, (int)m->n_feeds);
  for (size_t i = 0; i < m->n_feeds; i++) {
    lua_createtable(L, 0, 3);
    l_setstr(L, "url", m->feeds[i].url);
    l_setstr(L, "title", m->feeds[i].title);
    l_setstr(L, "type", m->feeds[i].type);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "feeds");
  l_newarray(L, (int)m->n_videos);
  for (size_t i = 0; i < m->n_videos; i++) {
    lua_createtable(L, 0, 4);
    l_setstr(L, "url", m->videos[i].url);
    l_setstr(L, "embed_url", m->videos[i].embed_url);
    l_setstr(L, "thumbnail", m->videos[i].thumbnail);
    l_setstr(L, "title", m->videos[i].title);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "videos");
}
