-- Your own fields next to the built-in ones: each function gets the parsed
-- document (XPath queries) and the article, and its result lands in the
-- article under that name.  Offline, over a page of the example site:
--
--   make && lua5.4 examples/custom_fields.lua examples/site/science/eelgrass.html

local rt = jit and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = (os.getenv("ARTICLE_BUILD") or ("build/" .. rt)) .. "/?.so;" .. package.cpath

local article = require "article"

local path = arg[1] or "examples/site/science/eelgrass.html"
local f = assert(io.open(path, "rb"))
local html = f:read("*a")
f:close()

local a = assert(article.parse(html, {
  url = "https://gazette.example/science/eelgrass.html",
  fields = {
    -- the section from the breadcrumbs
    section = function(doc) return doc:text("//div[@class='breadcrumbs']/a[last()]") end,
    -- how many "most read" links the page carries (the extractor dropped them)
    most_read = function(doc) return doc:xpath("count(//aside[@class='related']//a)") end,
    -- a value computed from the article itself
    reading_minutes = function(_, art)
      return math.max(1, math.floor(art.word_count / 200 + 0.5))
    end,
  },
}))

print(article.json.encode({
  title = a.title, authors = a.authors, published = a.published,
  section = a.section, most_read = a.most_read, reading_minutes = a.reading_minutes,
}, true))
