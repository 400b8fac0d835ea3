/* l_content.c — extracted content onto the article table (see binding.h). */
#include "binding.h"

void l_push_content(lua_State *L, const art_content *c) {
  l_setstr(L, "text", c->text ? c->text : "");
  l_setstr(L, "html", c->html ? c->html : "");
  l_setstr(L, "markdown", c->markdown ? c->markdown : "");
  lua_pushboolean(L, c->is_article);
  lua_setfield(L, -2, "is_article");
  lua_pushinteger(L, (lua_Integer)c->word_count);
  lua_setfield(L, -2, "word_count");
  l_newarray(L, (int)c->n_images);
  for (size_t i = 0; i < c->n_images; i++) {
    const art_image *im = &c->images[i];
    lua_createtable(L, 0, 5);
    l_setstr(L, "url", im->url);
    l_setstr(L, "alt", im->alt);
    l_setstr(L, "caption", im->caption);
    if (im->width > 0) { lua_pushinteger(L, im->width); lua_setfield(L, -2, "width"); }
    if (im->height > 0) { lua_pushinteger(L, im->height); lua_setfield(L, -2, "height"); }
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "images");
  l_newarray(L, (int)c->n_links);
  for (size_t i = 0; i < c->n_links; i++) {
    lua_createtable(L, 0, 2);
    l_setstr(L, "url", c->links[i].url);
    l_setstr(L, "text", c->links[i].text);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "links");
}
