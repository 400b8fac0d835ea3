--- Fetch throughput: article.fetch_many over COUNT pages of the bench server,
-- every page parsed.  Called by bench/fetch.sh; prints one RESULT line.
--   lua bench/fetch.lua BASE_URL COUNT [CONCURRENCY [table|iter]]
-- `table` (default) hands fetch_many an array of COUNT URLs, as most callers
-- would; `iter` a function producing them, so the only memory that depends
-- on COUNT is what fetch_many itself keeps.
local build = os.getenv("ARTICLE_BUILD") or "build/lua5.4"
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath
local article = require "article"
local core = require "article.core"

local base, count, conc = arg[1], tonumber(arg[2]), tonumber(arg[3] or "32")
local mode = arg[4] or "table"
assert(base and count, "usage: lua bench/fetch.lua BASE_URL COUNT [CONCURRENCY]")

local function peak_rss_kb()
  local f = io.open("/proc/self/status")
  if not f then return 0 end
  local s = f:read("*a")
  f:close()
  return tonumber(s:match("VmHWM:%s*(%d+)")) or 0
end

local urls
if mode == "iter" then
  local i = 0
  urls = function()
    i = i + 1
    if i <= count then return ("%s/p/%d"):format(base, i) end
  end
else
  urls = {}
  for i = 1, count do urls[i] = ("%s/p/%d"):format(base, i) end
end

local t0 = core.http_now()
local ok, failed, words = 0, 0, 0
-- All URLs are on one host: the per-host limit is raised to the global one.
for url, art, err, kind in article.fetch_many(urls, { concurrency = conc, per_host = conc,
                                                     delay = 0 }) do
  if art and art.title then
    ok = ok + 1
    words = words + (art.word_count or 0)
  else
    failed = failed + 1
    if failed <= 3 then io.stderr:write(("failed %s: %s (%s)\n"):format(url, err, kind)) end
  end
end
local dt = core.http_now() - t0
print(("RESULT %d %d %d %.3f %d %d"):format(count, ok, failed, dt, peak_rss_kb(), words))
