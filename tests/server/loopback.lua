--- Starts tests/server/server.py on a free loopback port for a spec, and
-- stops it.  The server also exits on its own when this process goes away.
--
--   local loopback = require "server.loopback"
--   local srv = loopback.start()      -- in setup()
--   srv:url("/page")                  -- "http://127.0.0.1:PORT/page"
--   srv:stats("key")                  -- counters the server kept for `key`
--   srv:stop()                        -- in teardown(); idempotent
local L = {}
local Server = {}
Server.__index = Server

--- env: optional table of environment variables for the server
-- (CRAWL_DELAY = "0.3" adds a Crawl-delay to its robots.txt).
function L.start(env)
  local prefix = ""
  for k, v in pairs(env or {}) do prefix = prefix .. ("%s=%q "):format(k, v) end
  -- `exec` makes python a direct child, so its watchdog sees us go away.
  local pipe = assert(io.popen("exec env " .. prefix .. "python3 tests/server/server.py", "r"))
  local line = pipe:read("*l")
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

function Server:stop()
  if not self.pipe then return end
  os.execute("kill " .. self.pid .. " 2>/dev/null")
  self.pipe:close()
  self.pipe = nil
end

return L
