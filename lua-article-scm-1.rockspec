-- LuaRocks build of lua-article; `luarocks make` from a checkout, offline.
-- The source list is checked against src/ by tests/rockspec_spec.lua.
rockspec_format = "3.0"
package = "lua-article"
version = "scm-1"
source = {
  url = "git+https://example.invalid/lua-article.git",
}
description = {
  summary = "Fetch web articles, extract their main text and metadata",
  detailed = [[
    A C core (libxml2, libcurl, json-c, cld2) that downloads pages, extracts the article
    text, clean HTML, Markdown and metadata (title, authors, dates, language, images ...),
    and a Lua API on top.
  ]],
  license = "MIT",
  labels = { "html", "scraping", "readability", "extraction" },
}
dependencies = {
  "lua >= 5.1, < 5.5",
}
external_dependencies = {
  LIBXML2 = { library = "xml2" },
  LIBCURL = { library = "curl" },
  JSONC = { library = "json-c" },
  CLD2 = { library = "cld2" },
}
build = {
  type = "builtin",
  modules = {
    ["article.core"] = {
      sources = {
        "src/core/article.c", "src/core/base/buf.c", "src/core/base/strset.c",
        "src/core/base/utf8.c", "src/core/base/vec.c", "src/core/extract/extract.c",
        "src/core/extract/output.c", "src/core/extract/score.c", "src/core/html/doc.c",
        "src/core/html/dom.c", "src/core/html/jsonld.c", "src/core/meta/meta.c",
        "src/core/net/fetch.c", "src/core/text/date.c", "src/lua/l_bench.c",
        "src/lua/l_content.c", "src/lua/l_core.c", "src/lua/l_date.c", "src/lua/l_doc.c",
        "src/lua/l_fetch.c", "src/lua/l_json.c", "src/lua/l_meta.c", "src/core/text/lang.cc",
      },
      defines = { "_POSIX_C_SOURCE=200809L" },
      incdirs = { "src/core", "src/lua", "$(LIBXML2_INCDIR)/libxml2", "$(JSONC_INCDIR)/json-c" },
      libdirs = { "$(LIBXML2_LIBDIR)", "$(LIBCURL_LIBDIR)", "$(JSONC_LIBDIR)", "$(CLD2_LIBDIR)" },
      libraries = { "xml2", "curl", "json-c", "cld2", "stdc++" },
    },
    ["article.cache"] = "lua/article/cache.lua",
    ["article.cli"] = "lua/article/cli/init.lua",
    ["article.cli.extract"] = "lua/article/cli/extract.lua",
    ["article.cli.util"] = "lua/article/cli/util.lua",
    ["article.http"] = "lua/article/http.lua",
    ["article"] = "lua/article/init.lua",
    ["article.robots"] = "lua/article/robots.lua",
  },
  install = {
    bin = { article = "bin/article" },
  },
}
