-- Writes the JSON of every corpus page in ../shared (trafilatura, readability
-- and meta corpora) as one line "<corpus>/<page>\t<json>", in a fixed order
-- and with a fixed `now`, so two builds can be compared byte for byte:
--
--   make corpus-dump OUT=/tmp/before.tsv   (on the old tree)
--   make corpus-dump OUT=/tmp/after.tsv    (on the new tree)
--   cmp /tmp/before.tsv /tmp/after.tsv
--
-- Usage: lua scripts/corpus-dump.lua OUT [CORPORA_DIR]
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
local rt = jit and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
package.cpath = (os.getenv("ARTICLE_BUILD") or ("build/" .. rt)) .. "/?.so;" .. package.cpath

local article = require "article"
local out_path = assert(arg[1], "usage: corpus-dump.lua OUT [CORPORA_DIR]")
local root = arg[2] or os.getenv("ARTICLE_CORPORA") or "../shared/corpora"
local NOW = 1798761600   -- 2027-01-01T00:00:00Z: dates stay stable whatever the day

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local pages = {}   -- { name, path, url }
local eval = read(root .. "/trafilatura/evaldata.json")
if not eval then
  io.stderr:write("corpus-dump: " .. root .. " has no corpora; nothing to dump\n")
  os.exit(0)
end
for url, item in pairs(article.json.decode(eval)) do
  pages[#pages + 1] = { "trafilatura/" .. item.file, root .. "/trafilatura/html/" .. item.file,
    url:match("^https?://") and url or nil }
end
local p = io.popen("ls " .. root .. "/readability/pages")
for case in p:lines() do
  pages[#pages + 1] = { "readability/" .. case, root .. "/readability/pages/" .. case ..
    "/source.html", "http://fakehost/test/page.html" }
end
p:close()
for line in io.lines(root .. "/meta/expected.jsonl") do
  local e = article.json.decode(line)
  local url = e.url
  if e.id:match("^htmldate/") or url == article.json.null then url = nil end
  pages[#pages + 1] = { "meta/" .. e.id, root .. "/meta/" .. e.file, url }
end
table.sort(pages, function(a, b) return a[1] < b[1] end)

local out = assert(io.open(out_path, "wb"))
for _, pg in ipairs(pages) do
  local html = assert(read(pg[2]), pg[2])
  local a, err, kind = article.parse(html, { url = pg[3], now = NOW })
  local json = a and article.json.encode(a) or ("error: " .. tostring(err) .. " " ..
    tostring(kind))
  out:write(pg[1], "\t", json, "\n")
end
out:close()
io.stderr:write(("corpus-dump: %d pages written to %s\n"):format(#pages, out_path))
