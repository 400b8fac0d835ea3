-- make bench: throughput of the full article.parse pipeline against bare
-- libxml2 parsing (htmlReadMemory + xmlFreeDoc) of the same bytes, measured
-- in the same process, rounds interleaved; then the peak RSS of each mode,
-- each in a child process that handles the pages one at a time and reads
-- VmHWM from /proc/self/status.
--
--   lua5.4 bench/parse.lua [--rounds N] [--pages DIR...]
-- Pages: the shared corpora (../shared/corpora), else tests/pages.
local rt = jit and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
local build = os.getenv("ARTICLE_BUILD") or ("build/" .. rt)
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath

local article = require "article"
local core = require "article.core"

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local function ls(cmd)
  local out, p = {}, io.popen(cmd)
  for l in p:lines() do out[#out + 1] = l end
  p:close()
  return out
end

local function page_files()
  local root = os.getenv("ARTICLE_CORPORA") or "../shared/corpora"
  local files = {}
  for _, f in ipairs(ls('ls "' .. root .. '/trafilatura/html" 2>/dev/null')) do
    files[#files + 1] = root .. "/trafilatura/html/" .. f
  end
  for _, d in ipairs(ls('ls "' .. root .. '/readability/pages" 2>/dev/null')) do
    files[#files + 1] = root .. "/readability/pages/" .. d .. "/source.html"
  end
  if #files == 0 then
    io.write("(../shared/corpora absent: benchmarking tests/pages instead)\n")
    for _, f in ipairs(ls("ls tests/pages/*/source.html 2>/dev/null")) do files[#files + 1] = f end
  end
  return files
end

local MODES = {
  bare = function(html) return core._bench_parse(html) end,
  full = function(html) return article.parse(html, { url = "http://example.com/page.html" }) end,
}

local function vmhwm_kb()
  local s = read("/proc/self/status") or ""
  return tonumber(s:match("VmHWM:%s*(%d+)")) or 0
end

-- Child mode: one page at a time, then print the peak RSS in kB.
if arg[1] == "--rss" then
  local run = MODES[arg[2]]
  for i, f in ipairs(page_files()) do
    local html = read(f)
    if html then run(html) end
    if i % 50 == 0 then collectgarbage() end
  end
  collectgarbage()
  io.write(vmhwm_kb(), "\n")
  os.exit(0)
end

local rounds = 3
for i = 1, #arg do
  if arg[i] == "--rounds" then rounds = tonumber(arg[i + 1]) or rounds end
end

local files = page_files()
local pages, bytes = {}, 0
for _, f in ipairs(files) do
  local html = read(f)
  if html then pages[#pages + 1] = html; bytes = bytes + #html end
end
if #pages == 0 then
  io.write("make bench: no pages to benchmark\n")
  os.exit(0)
end

-- CPU time of this process: other jobs on the machine do not skew it.
local function time_mode(run)
  collectgarbage()
  local t0 = os.clock()
  for i = 1, #pages do run(pages[i]) end
  return os.clock() - t0
end

for _, m in ipairs({ "bare", "full" }) do time_mode(MODES[m]) end   -- warm-up
local best = { bare = math.huge, full = math.huge }
for _ = 1, rounds do
  for _, m in ipairs({ "bare", "full" }) do
    local t = time_mode(MODES[m])
    if t < best[m] then best[m] = t end
  end
end

local function interp()
  local i = -1
  while arg[i - 1] do i = i - 1 end
  return arg[i]
end

local rss = {}
for _, m in ipairs({ "bare", "full" }) do
  local p = io.popen(('ARTICLE_BUILD="%s" "%s" bench/parse.lua --rss %s'):format(
    build, interp(), m))
  rss[m] = tonumber(p:read("*l") or "") or 0
  p:close()
end

local mb = bytes / 1048576
io.write(("pages: %d, %.1f MB, best of %d rounds (CPU time), %s, libxml2 %s\n"):format(
  #pages, mb, rounds, rt, core.libxml2_version))
io.write(("%-28s %10s %10s %12s\n"):format("mode", "pages/s", "MB/s", "peak RSS MB"))
local labels = { bare = "bare libxml2 parse", full = "article.parse (full)" }
for _, m in ipairs({ "bare", "full" }) do
  io.write(("%-28s %10.1f %10.2f %12.1f\n"):format(labels[m], #pages / best[m], mb / best[m],
    rss[m] / 1024))
end
io.write(("throughput ratio full/bare: %.1f%%   peak RSS ratio full/bare: %.2fx\n"):format(
  100 * best.bare / best.full, rss.bare > 0 and rss.full / rss.bare or 0))
