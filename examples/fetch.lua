-- Fetch pages politely and print their titles as they arrive (needs network):
--
--   make && lua5.4 examples/fetch.lua https://example.com/a https://example.org/b
--
-- robots.txt is honoured, each host gets at most 2 requests at a time and a
-- second between them, and answers are cached in /tmp/article-cache so a
-- second run costs a 304 per page.

local rt = jit and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = (os.getenv("ARTICLE_BUILD") or ("build/" .. rt)) .. "/?.so;" .. package.cpath

local article = require "article"

if #arg == 0 then
  io.stderr:write("usage: lua examples/fetch.lua URL...\n")
  os.exit(2)
end

local opts = { concurrency = 8, per_host = 2, delay = 1, timeout = 20,
               cache = "/tmp/article-cache", deny_private = true }
for url, a, err, kind in article.fetch_many(arg, opts) do
  if a then
    print(("%s\n  %s%s, %d words%s"):format(url, a.title or "(untitled)",
      a.published and (" · " .. a.published:sub(1, 10)) or "", a.word_count,
      a.response.not_modified and " (not modified)" or ""))
  else
    print(("%s\n  failed: %s (%s)"):format(url, err, kind))
  end
end
