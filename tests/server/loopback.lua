--- Starts tests/server/server.py on a free loopback port for a spec, and
-- stops it.  The server exits when its standard input closes, so it never
-- outlives the test process, even one that crashes.
--
--   local loopback = require "server.loopback"
--   local srv = loopback.start()      -- in setup()
--   srv:url("/page")                  -- "http://127.0.0.1:PORT/page"
--   srv:stats("key")                  -- counters the server kept for `key`
--   srv:fetch_conc(key, n, d, opts)   -- fetch_many over n /conc pages, then stats
--   srv:stop()                        -- in teardown(); idempotent
--
-- No shell commands besides the one that starts python (sanitizer runs
-- preload their runtime into every child; python runs without it).
local L = {}
local Server = {}
Server.__index = Server

local function sleep(s)
  local ok, core = pcall(require, "article.core")
  if ok and core.http_sleep then core.http_sleep(s) else os.execute("sleep " .. s) end
end

--- env: optional table of environment variables for the server
-- (CRAWL_DELAY = "0.3" adds a Crawl-delay to its robots.txt).
function L.start(env)
  local prefix = ""
  for k, v in pairs(env or {}) do prefix = prefix .. ("%s=%q "):format(k, v) end
  local out = os.tmpname()
  -- The pipe is the server's stdin: closing it stops the server.
  local pipe = assert(io.popen(("exec env -u LD_PRELOAD %spython3 tests/server/server.py > %q")
    :format(prefix, out), "w"))
  local line
  for _ = 1, 200 do   -- up to 10 s for python to start
    local f = io.open(out, "rb")
    line = f and f:read("*l")
    if f then f:close() end
    if line and line:match("^%d+ %d+$") then break end
    sleep(0.05)
  end
  os.remove(out)
  local port, pid = (line or ""):match("^(%d+) (%d+)$")
  if not port then
    pipe:close()
    error("loopback test server did not start (is python3 installed?)")
  end
  return setmetatable({ port = tonumber(port), pid = tonumber(pid), pipe = pipe,
                        base = "http://127.0.0.1:" .. port }, Server)
end

function Server:url(path) return self.base .. path end

function Server:stats(key)
  local http = require "article.http"
  local body = assert(http.get(self:url("/stats?key=" .. key), { robots = false }))
  return require("article").json.decode(body)
end

--- Fetches n pages of /conc (the server counts hits, concurrency and gaps
-- under `key`; each answer waits `d` seconds) with fetch_many(opts),
-- asserting every one succeeds.  Returns the server's stats for `key` and
-- the seconds the run took.
function Server:fetch_conc(key, n, d, opts)
  local article = require "article"
  local core = require "article.core"
  local urls = {}
  for i = 1, n do urls[i] = self:url(("/conc?key=%s&d=%s&i=%d"):format(key, d, i)) end
  local t0 = core.http_now()
  for _, art, err in article.fetch_many(urls, opts) do assert(art, err) end
  local elapsed = core.http_now() - t0
  return self:stats(key), elapsed
end

function Server:stop()
  if not self.pipe then return end
  self.pipe:close()   -- EOF on the server's stdin; waits for it to exit
  self.pipe = nil
end

--- Removes a cache directory made by a spec, given the URLs cached in it.
function L.remove_cache(dir, urls)
  local core = require "article.core"
  for _, u in ipairs(urls) do
    os.remove(dir .. "/" .. core.http_hash(u) .. ".json")
    os.remove(dir .. "/" .. core.http_hash(u) .. ".body")
  end
  os.remove(dir)
end

return L
