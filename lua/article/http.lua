--- article.http: fetching on libcurl, polite and guarded by default.
--
--   article.fetch(url, opts)         -> article (with .response) | nil, message, kind
--   article.http.get(url, opts)      -> body, response | nil, message, kind
--   article.fetch_many(urls, opts)   -> iterator of url, article|nil, message, kind, result
--   article.fetcher(opts)            -> fetcher driven by the host: add / step / close
--
-- Everything runs on one engine, the fetcher: single fetches are a fetcher
-- with one URL.  The C core (src/fetch.c) moves bytes and enforces the caps;
-- this module schedules (global and per-host limits, per-host delay,
-- robots.txt, retries with backoff) and caches.  See README "Fetching".
local core = require "article.core"
local robots = require "article.robots"
local cache = require "article.cache"

local M = {}

M.version = core.version
--- Our product token: what robots.txt groups are matched against.
M.robots_token = "lua-article"
--- The default User-Agent: names the library and its version.
M.user_agent = ("lua-article/%s (Lua web article extractor; libcurl)"):format(core.version)

local HTML_TYPES = { "text/html", "application/xhtml+xml" }
local ROBOTS_TTL = 3600        -- seconds a robots.txt answer is kept
local ROBOTS_FAIL_TTL = 300    -- ... and an unreachable or failing one
local ROBOTS_MAX_BODY = 512 * 1024
local ROBOTS_HOSTS = 4096      -- origins remembered at most (then forgotten all at once)
local KNOWN_PROTOCOLS = { http = true, https = true, file = true, ftp = true, ftps = true }
local RETRY_KINDS = { connect = true, network = true }  -- transient by nature
local RETRY_STATUS = { [429] = true, [503] = true }

-- Defaults, one place (README "Fetching" lists them).
local DEFAULTS = {
  timeout = 30, connect_timeout = 10, low_speed_limit = 100, low_speed_time = 20,
  max_redirects = 10, max_body = 10 * 1024 * 1024, max_header = 64 * 1024,
  protocols = { "http", "https" }, deny_private = false, verify = true,
  user_agent = M.user_agent, robots = true, retries = 2, retry_delay = 1,
  max_retry_delay = 30, cache_ttl = 0, cookies = false,
  concurrency = 8, per_host = 2, delay = 0, max_crawl_delay = 30, raw = false,
  -- parse workers for fetch_many / fetcher: the cores, up to 4 (single
  -- fetches parse on the calling thread)
  parse_threads = math.min(4, core.http_cpus()),
}

-- Option checkers: each returns an error string for a bad value.
local function is_num(v) return type(v) == "number" and v == v and v >= 0 and v < 1e12 end
local function is_int(v) return is_num(v) and v == math.floor(v) end
local function strings(v)
  if type(v) ~= "table" then return false end
  for i, s in ipairs(v) do
    if type(s) ~= "string" or s == "" then return false end
    if i > 64 then return false end
  end
  for k in pairs(v) do if type(k) ~= "number" then return false end end
  return true
end

local CHECK = {
  timeout = { is_num, "a number of seconds" },
  connect_timeout = { is_num, "a number of seconds" },
  low_speed_limit = { is_int, "an integer (bytes per second)" },
  low_speed_time = { is_int, "an integer (seconds)" },
  max_redirects = { is_int, "a non-negative integer" },
  max_body = { is_int, "an integer (bytes)" },
  max_header = { is_int, "an integer (bytes)" },
  protocols = { strings, "an array of protocol names" },
  deny_private = { function(v) return type(v) == "boolean" end, "a boolean" },
  allow_private = { strings, "an array of numeric IP addresses" },
  verify = { function(v) return type(v) == "boolean" end, "a boolean" },
  ca_file = { function(v) return type(v) == "string" end, "a string" },
  proxy = { function(v) return type(v) == "string" end, "a string" },
  noproxy = { function(v) return type(v) == "string" end, "a string" },
  cookies = { function(v) return type(v) == "boolean" end, "a boolean" },
  cookie_jar = { function(v) return type(v) == "string" end, "a string (file path)" },
  user_agent = { function(v) return type(v) == "string" end, "a string" },
  headers = { function(v) return type(v) == "table" end, "a table" },
  accept = { function(v) return v == "any" or v == "html" or strings(v) end,
             "'any', 'html' or an array of media types" },
  robots = { function(v) return type(v) == "boolean" end, "a boolean" },
  retries = { function(v) return is_int(v) and v <= 10 end, "an integer from 0 to 10" },
  retry_delay = { is_num, "a number of seconds" },
  max_retry_delay = { is_num, "a number of seconds" },
  cache = { function(v) return type(v) == "string" and v ~= "" end, "a directory path" },
  cache_ttl = { is_num, "a number of seconds" },
  -- scheduling (fetch_many and fetcher)
  concurrency = { function(v) return is_int(v) and v >= 1 and v <= 1024 end,
                  "an integer from 1 to 1024" },
  per_host = { function(v) return is_int(v) and v >= 1 and v <= 1024 end,
               "an integer from 1 to 1024" },
  delay = { is_num, "a number of seconds" },
  max_crawl_delay = { is_num, "a number of seconds" },
  raw = { function(v) return type(v) == "boolean" end, "a boolean" },
  parse_threads = { function(v) return is_int(v) and v <= 64 end, "an integer from 0 to 64" },
}
local SCHEDULING = { concurrency = true, per_host = true, delay = true, raw = true,
                     parse_threads = true }

local function parse_options()
  return require("article").parse_options
end

-- Splits and checks user options.  Returns the HTTP options (defaults
-- filled) and the options for article.parse.  Misuse raises at `level`.
local function check_options(opts, fname, scheduling, level)
  level = (level or 2) + 1
  if opts ~= nil and type(opts) ~= "table" then
    error(("bad argument #2 to '%s' (table expected, got %s)"):format(fname, type(opts)), level)
  end
  local o, p = {}, {}
  for k, v in pairs(DEFAULTS) do o[k] = v end
  local popts = parse_options()
  for k, v in pairs(opts or {}) do
    if type(k) ~= "string" then error(fname .. ": option names must be strings", level) end
    local c = CHECK[k]
    if c and (scheduling or not SCHEDULING[k]) then
      if not c[1](v) then
        error(("%s: option '%s' must be %s (got %s)"):format(fname, k, c[2],
          type(v) == "table" and "table" or tostring(v)), level)
      end
      o[k] = v
    elseif popts[k] and k ~= "url" and k ~= "content_type" then
      p[k] = v
    else
      error(("%s: unknown option '%s'"):format(fname, k), level)
    end
  end
  for _, name in ipairs(o.protocols) do
    if not KNOWN_PROTOCOLS[name:lower()] then
      error(("%s: unknown protocol '%s' in option 'protocols'"):format(fname, name), level)
    end
  end
  for _, a in ipairs(o.allow_private or {}) do
    if core.http_is_private(a) == nil then
      error(("%s: option 'allow_private': '%s' is not a numeric IP address"):format(fname, a),
        level)
    end
  end
  -- Request headers: { ["Name"] = "value" } or { "Name: value" }.
  local lines = {}
  for k, v in pairs(o.headers or {}) do
    local line
    if type(k) == "number" and type(v) == "string" then line = v
    elseif type(k) == "string" and type(v) == "string" then line = k .. ": " .. v
    else error(fname .. ": option 'headers' must map names to strings", level) end
    if line:find("[\r\n%z]") or not line:find("^[%w!#$%%&'*+.^_`|~-]+:") then
      error(("%s: invalid header line %q"):format(fname, line), level)
    end
    lines[#lines + 1] = line
  end
  table.sort(lines)
  o.header_lines = lines
  for _, l in ipairs(lines) do
    if l:lower():match("^accept%s*:") then o.has_accept_header = true end
  end
  if o.cache then
    local ok, err = cache.prepare(o.cache)
    if not ok then error(("%s: option 'cache': %s"):format(fname, err), level) end
  end
  return o, p
end

---------------------------------------------------------------- URLs

-- scheme, origin ("scheme://host:port"), path-with-query of an absolute URL.
local DEFAULT_PORT = { http = 80, https = 443, ftp = 21, ftps = 990 }
local function split_url(url)
  local scheme, authority, rest = url:match("^(%a[%w+.-]*)://([^/?#]*)(.*)$")
  if not scheme then return nil end
  scheme = scheme:lower()
  if scheme == "file" then return scheme, "file://", rest end
  authority = authority:gsub("^.*@", "")
  local host, port = authority:match("^(%[[^%]]*%]):?(%d*)$")
  if not host then host, port = authority:match("^([^:]*):?(%d*)$") end
  if not host or host == "" then return nil end
  port = tonumber(port) or DEFAULT_PORT[scheme] or 0
  local path = rest:gsub("#.*", "")
  if path == "" or path:sub(1, 1) == "?" then path = "/" .. path end
  return scheme, ("%s://%s:%d"):format(scheme, host:lower(), port), path
end
M._split_url = split_url

---------------------------------------------------------------- responses

local function parse_headers(raw)
  local h, status_line = {}, nil
  for line in raw:gmatch("[^\r\n]+") do
    if line:match("^HTTP/") then
      status_line = line
    else
      local k, v = line:match("^([^:%s]+)%s*:%s*(.-)%s*$")
      if k then
        k = k:lower()
        h[k] = h[k] and (h[k] .. ", " .. v) or v
      end
    end
  end
  return h, status_line
end

local MONTHS = { jan = 1, feb = 2, mar = 3, apr = 4, may = 5, jun = 6, jul = 7, aug = 8,
                 sep = 9, oct = 10, nov = 11, dec = 12 }
-- Unix seconds of an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), or nil.
local function http_date(s)
  local d, mon, y, hh, mm, ss = s:match("(%d+)%s+(%a%a%a)%a*%s+(%d%d%d%d)%s+(%d+):(%d+):(%d+)")
  mon = mon and MONTHS[mon:lower()]
  if not mon then return nil end
  y, d = tonumber(y), tonumber(d)
  -- days from civil (proleptic Gregorian), no dependence on the local zone
  local yy = mon <= 2 and y - 1 or y
  local era = math.floor(yy / 400)
  local yoe = yy - era * 400
  local doy = math.floor((153 * (mon + (mon > 2 and -3 or 9)) + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  local days = era * 146097 + doe - 719468
  return days * 86400 + tonumber(hh) * 3600 + tonumber(mm) * 60 + tonumber(ss)
end
M._http_date = http_date

-- Seconds a Retry-After value asks for, or nil.
local function retry_after(v)
  if not v then return nil end
  local n = tonumber(v:match("^%s*(%d+)%s*$"))
  if n then return n end
  local t = http_date(v)
  if t then return math.max(0, t - os.time()) end
  return nil
end

---------------------------------------------------------------- robots.txt

-- Shared by every fetcher of this Lua state: origin -> { rules, expires }.
local robots_memo, robots_count = {}, 0

--- Forgets every robots.txt answer (they are otherwise kept an hour).
function M.clear_robots() robots_memo, robots_count = {}, 0 end

local function robots_get(origin, now)
  local e = robots_memo[origin]
  if e and e.expires > now then return e.rules end
  return nil
end

local function robots_put(origin, rules, ttl, now)
  if robots_count >= ROBOTS_HOSTS then M.clear_robots() end
  if not robots_memo[origin] then robots_count = robots_count + 1 end
  robots_memo[origin] = { rules = rules, expires = now + ttl }
end

---------------------------------------------------------------- the fetcher

local Fetcher = {}
Fetcher.__index = Fetcher

-- The C request for `url` with the fetcher's options.
local function request(F, url, extra_headers, robots_fetch)
  local o = F.o
  local headers = {}
  for i, l in ipairs(o.header_lines) do headers[i] = l end
  for _, l in ipairs(extra_headers or {}) do headers[#headers + 1] = l end
  local accept
  if robots_fetch then accept = nil
  elseif o.accept == "any" then accept = nil
  elseif o.accept == nil then
    if not o.raw then accept = HTML_TYPES end  -- raw bodies (feeds, files): any type
  elseif o.accept == "html" then accept = HTML_TYPES
  else accept = o.accept end
  if accept and not o.has_accept_header then
    headers[#headers + 1] = "Accept: " .. table.concat(accept, ",") .. ",*/*;q=0.1"
  end
  local parse
  if not robots_fetch and not o.raw and not F.popts.fields then parse = F.popts end
  return {
    parse = parse,
    url = url, user_agent = o.user_agent, headers = headers,
    connect_timeout = o.connect_timeout, timeout = o.timeout,
    low_speed_limit = o.low_speed_limit, low_speed_time = o.low_speed_time,
    max_redirects = robots_fetch and math.min(o.max_redirects, 5) or o.max_redirects,
    max_body = robots_fetch and ROBOTS_MAX_BODY or o.max_body,
    truncate = robots_fetch or nil,   -- RFC 9309: parse the first 500 KiB or more
    max_header = o.max_header,
    protocols = table.concat(o.protocols, ","):lower(),
    deny_private = o.deny_private, allow_private = o.allow_private,
    accept = accept, verify = o.verify, ca_file = o.ca_file,
    proxy = o.proxy, noproxy = o.noproxy,
    cookie_file = o.cookie_jar or (o.cookies and "" or nil), cookie_jar = o.cookie_jar,
  }
end

local function new_fetcher(o, p)
  local F = setmetatable({
    o = o, popts = p,
    multi = core.http_multi(o.parse_threads),
    hosts = {}, host_list = {},   -- origin -> host state; origins with queued items
    inflight = {},                -- transfer id -> item
    retrying = {},                -- items waiting for their retry time
    done = {},                    -- results ready for the next step
    active = 0, queued = 0, next_id = 0,
    parsing = 0,                  -- off the network, on a parse worker
  }, Fetcher)
  return F
end

local function host_of(F, origin)
  local h = F.hosts[origin]
  if not h then
    h = { origin = origin, first = 1, last = 0, items = {}, active = 0, next_at = 0 }
    F.hosts[origin] = h
  end
  return h
end

local function enqueue(F, item, front)
  local h = host_of(F, item.origin)
  if front then
    h.first = h.first - 1
    h.items[h.first] = item
  else
    h.last = h.last + 1
    h.items[h.last] = item
  end
  if not h.listed then
    h.listed = true
    F.host_list[#F.host_list + 1] = h
  end
  F.queued = F.queued + 1
end

local function dequeue(F, h)
  local item = h.items[h.first]
  h.items[h.first] = nil
  h.first = h.first + 1
  F.queued = F.queued - 1
  return item
end

local function response_of(c, item)
  local headers, status_line = parse_headers(c.headers or "")
  return {
    status = c.status, url = c.url or item.url, content_type = c.content_type,
    headers = headers, status_line = status_line, elapsed = c.elapsed,
    redirects = c.redirects, primary_ip = c.primary_ip,
    from_cache = false, not_modified = false, attempts = item.attempt,
  }
end

-- Records a finished item: parses the body into an article unless raw
-- (or takes the article the engine parsed on a worker thread, `parsed`).
local function finish(F, item, body, resp, err, kind, parsed, parse_err)
  local r = { id = item.id, url = item.url, tag = item.tag, response = resp }
  if body and not err then
    if F.o.raw then
      r.body = body
    elseif parsed then
      parsed.response = resp
      r.article = parsed
    elseif parse_err then
      err, kind = parse_err, "memory"
    else
      local po = {}
      for k, v in pairs(F.popts) do po[k] = v end
      po.url = resp.url
      po.content_type = resp.content_type
      local art, perr, pkind = require("article").parse(body, po)
      if art then
        art.response = resp
        r.article = art
      else
        err, kind = perr, pkind
      end
    end
  end
  if err then r.error, r.kind = err, kind end
  F.done[#F.done + 1] = r
end

local function backoff(F, attempt)
  local o = F.o
  local d = math.min(o.max_retry_delay, o.retry_delay * 2 ^ (attempt - 1))
  return d * (0.5 + 0.5 * math.random())  -- jitter: spread retries of many clients
end

-- Schedules another attempt, or returns false when retries are spent.
local function retry(F, item, wait)
  if item.attempt > F.o.retries then return false end
  if wait > F.o.max_retry_delay then return false end
  item.attempt = item.attempt + 1
  item.not_before = core.http_now() + wait
  F.retrying[#F.retrying + 1] = item
  return true
end

local function host_delay(F, h)
  local d = F.o.delay
  if h.crawl_delay then d = math.max(d, math.min(h.crawl_delay, F.o.max_crawl_delay)) end
  return d
end

local function start_robots(F, h, now)
  local _ = now
  local ok, id = pcall(F.multi.add, F.multi, request(F, h.origin .. "/robots.txt", nil, true))
  if not ok then  -- an origin libcurl refuses: the page fetch will say why
    robots_put(h.origin, robots.allow_all(), ROBOTS_FAIL_TTL, core.http_now())
    return
  end
  F.inflight[id] = { robots = true, host = h }
  h.robots_pending = true
  h.active = h.active + 1
  F.active = F.active + 1
end

local function cache_fresh(F, item)
  local o = F.o
  if not o.cache then return nil end
  local e = cache.load(o.cache, item.url)
  if not e or not cache.has_body(o.cache, item.url) then return nil end
  item.cache_entry = e
  if o.cache_ttl > 0 and os.time() - e.stored < o.cache_ttl then
    local body = cache.body(o.cache, item.url)
    if body then return e, body end
  end
  return nil
end

local function cached_response(e, item, not_modified)
  return {
    status = not_modified and 304 or e.status, url = e.final_url or item.url,
    content_type = e.content_type, headers = e.headers or {}, elapsed = 0, redirects = 0,
    from_cache = true, not_modified = not_modified, attempts = item.attempt,
  }
end

local function start_item(F, h, item)
  local extra = {}
  local e = item.cache_entry
  if e then
    if e.etag then extra[#extra + 1] = "If-None-Match: " .. e.etag end
    if e.last_modified then extra[#extra + 1] = "If-Modified-Since: " .. e.last_modified end
  end
  local ok, id = pcall(F.multi.add, F.multi, request(F, item.url, extra))
  if not ok then
    finish(F, item, nil, nil, tostring(id):gsub("^.-fetch: ", ""), "url")
    return
  end
  F.inflight[id] = item
  h.active = h.active + 1
  F.active = F.active + 1
  h.next_at = core.http_now() + host_delay(F, h)
end

-- Starts whatever the limits allow now.  Returns the earliest time something
-- waiting could start (for the next wait), or nil.
local function pump(F)
  local now = core.http_now()
  local o = F.o
  local wake
  -- Retries that are due go back to the front of their host's queue.
  if #F.retrying > 0 then
    local keep = {}
    for _, item in ipairs(F.retrying) do
      if item.not_before <= now then enqueue(F, item, true)
      else
        keep[#keep + 1] = item
        wake = math.min(wake or math.huge, item.not_before)
      end
    end
    F.retrying = keep
  end
  local list, kept = F.host_list, {}
  -- Pages waiting for a parse worker count against the limit too: when
  -- parsing is slower than the network, downloads wait instead of piling up.
  local room = function() return F.active < o.concurrency and F.parsing < o.concurrency end
  for _, h in ipairs(list) do
    while h.first <= h.last and room() and h.active < o.per_host do
      local item = h.items[h.first]
      local rules
      if o.robots and item.scheme ~= "file" then
        rules = h.robots_local or robots_get(h.origin, now)
        if not rules then
          if not h.robots_pending then start_robots(F, h, now) end
          break
        end
      end
      if rules and not rules:allowed(M.robots_token, item.path) then
        dequeue(F, h)
        finish(F, item, nil, nil, "disallowed by robots.txt: " .. item.url, "robots")
      else
        if rules then h.crawl_delay = rules:crawl_delay(M.robots_token) end
        local e, body = cache_fresh(F, item)
        if e then
          dequeue(F, h)
          finish(F, item, body, cached_response(e, item, false))
        elseif now < h.next_at then
          wake = math.min(wake or math.huge, h.next_at)
          break
        else
          dequeue(F, h)
          start_item(F, h, item)
        end
      end
    end
    if h.first <= h.last then kept[#kept + 1] = h else h.listed = false end
  end
  F.host_list = kept
  return wake
end

local function on_robots(_, meta, c)
  local h = meta.host
  h.robots_pending = false
  local now = core.http_now()
  local rules, ttl
  if c.kind then
    -- Unreachable (or refused by this fetcher's own guards): let the page
    -- fetch report the failure.  Kept by this fetcher only, since another
    -- fetcher's options may reach the host.
    h.robots_local = robots.allow_all()
    return
  elseif c.status >= 200 and c.status < 300 then
    rules, ttl = robots.parse(c.body), ROBOTS_TTL
  elseif c.status >= 500 then
    rules, ttl = robots.deny_all(), ROBOTS_FAIL_TTL  -- RFC 9309: assume complete disallow
  else
    rules, ttl = robots.allow_all(), ROBOTS_TTL      -- 4xx: no robots.txt
  end
  robots_put(h.origin, rules, ttl, now)
end

-- A transfer left the network and is being parsed: its slot is free.
local function on_handoff(F, id)
  local item = F.inflight[id]
  if not item or item.parsing then return end
  item.parsing = true
  F.active = F.active - 1
  local h = F.hosts[item.origin]
  h.active = h.active - 1
end

local function on_done(F, c)
  local item = F.inflight[c.id]
  if not item then return end
  F.inflight[c.id] = nil
  local h = item.host or F.hosts[item.origin]
  if not item.parsing then
    F.active = F.active - 1
    h.active = h.active - 1
  end
  if item.robots then return on_robots(F, item, c) end
  local resp = response_of(c, item)
  if c.kind then
    if RETRY_KINDS[c.kind] and retry(F, item, backoff(F, item.attempt)) then return end
    return finish(F, item, nil, resp, c.message, c.kind)
  end
  local status, o = c.status, F.o
  if status == 304 and item.cache_entry then
    local e = item.cache_entry
    local body = cache.body(o.cache, item.url)
    if body then
      e.stored = os.time()
      cache.store(o.cache, item.url, e, nil)
      local r = cached_response(e, item, true)
      r.elapsed, r.headers = resp.elapsed, resp.headers
      return finish(F, item, body, r)
    end
  end
  if RETRY_STATUS[status] then
    local wait = retry_after(resp.headers["retry-after"]) or backoff(F, item.attempt)
    if retry(F, item, wait) then return end
  end
  if status >= 300 or (status == 0 and item.scheme ~= "file") then
    local line = resp.status_line and resp.status_line:match("^HTTP/%S+%s+(.*)$")
    return finish(F, item, nil, resp, ("HTTP %s from %s"):format(line or status, resp.url),
      "http")
  end
  if o.cache and (resp.headers.etag or resp.headers["last-modified"] or o.cache_ttl > 0) then
    cache.store(o.cache, item.url, {
      status = status, final_url = resp.url, content_type = resp.content_type,
      etag = resp.headers.etag, last_modified = resp.headers["last-modified"],
      stored = os.time(),
    }, c.body)
  end
  finish(F, item, c.body, resp, nil, nil, c.article, c.parse_error)
end

--- Queues url; returns its id (results carry it, and `tag`).
function Fetcher:add(url, tag)
  if type(url) ~= "string" then
    error(("bad argument #1 to 'fetcher:add' (string expected, got %s)"):format(type(url)), 2)
  end
  if self.multi:closed() then error("attempt to use a closed fetcher", 2) end
  self.next_id = self.next_id + 1
  local item = { id = self.next_id, url = url, tag = tag, attempt = 1 }
  local scheme, origin, path = split_url(url)
  if not scheme then
    finish(self, item, nil, nil, "not an absolute URL: " .. url, "url")
    return item.id
  end
  local allowed = false
  for _, p in ipairs(self.o.protocols) do allowed = allowed or p:lower() == scheme end
  if not allowed then
    finish(self, item, nil, nil, ("protocol '%s' not allowed: %s"):format(scheme, url),
      "protocol")
    return item.id
  end
  item.scheme, item.origin, item.path = scheme, origin, path
  enqueue(self, item)
  return item.id
end

--- URLs added and not yet returned by step.
function Fetcher:pending()
  return self.queued + self.active + self.parsing + #self.retrying + #self.done
end

--- Seconds until step has something to do (0: now), or nil when idle.
function Fetcher:timeout()
  if #self.done > 0 then return 0 end
  if self:pending() == 0 then return nil end
  local wake = pump(self)
  if #self.done > 0 then return 0 end
  local t = (self.active > 0 or self.parsing > 0) and self.multi:timeout() or nil
  if wake then
    local w = math.max(0, wake - core.http_now())
    t = t and math.min(t, w) or w
  end
  return t or 0.05
end

--- Sockets to watch: array of read descriptors, array of write descriptors.
function Fetcher:fds() return self.multi:fds() end

--- Advances every transfer, waiting at most `timeout` seconds (default 0:
-- never blocks), and returns the results finished meanwhile (an array,
-- possibly empty).  Returns as soon as at least one result is ready.
function Fetcher:step(timeout)
  if self.multi:closed() then error("attempt to use a closed fetcher", 2) end
  timeout = timeout or 0
  if type(timeout) ~= "number" or timeout ~= timeout or timeout < 0 then
    error("bad argument #1 to 'fetcher:step' (non-negative number expected)", 2)
  end
  local deadline = core.http_now() + timeout
  repeat
    local wake = pump(self)
    local now = core.http_now()
    local wait = #self.done > 0 and 0 or math.max(0, deadline - now)
    if wake then wait = math.min(wait, math.max(0, wake - now)) end
    if self.active > 0 or self.parsing > 0 then
      local done, handoff = self.multi:perform(wait)
      for _, id in ipairs(handoff) do
        on_handoff(self, id)
        self.parsing = self.parsing + 1
      end
      for _, c in ipairs(done) do
        if self.inflight[c.id] and self.inflight[c.id].parsing then
          self.parsing = self.parsing - 1
        end
        on_done(self, c)
      end
    elseif wait > 0 and (wake or self.queued > 0) then
      core.http_sleep(wait)
    elseif #self.done == 0 then
      break  -- idle
    end
    pump(self)
  until #self.done > 0 or core.http_now() >= deadline
  local out = self.done
  self.done = {}
  return out
end

--- Aborts every transfer and frees the engine; idempotent.
function Fetcher:close()
  self.multi:close()
  self.hosts, self.host_list, self.inflight, self.retrying = {}, {}, {}, {}
  self.queued, self.active, self.parsing = 0, 0, 0
end

function Fetcher:closed() return self.multi:closed() end

Fetcher.__close = Fetcher.close
Fetcher.__tostring = function(self)
  return self.multi:closed() and "article.fetcher (closed)"
    or ("article.fetcher (%d pending)"):format(self:pending())
end

--- A fetcher for the host's own loop.  opts: every fetch option, plus
-- concurrency, per_host, delay and raw (results carry `body` instead of
-- `article`).
function M.fetcher(opts)
  local o, p = check_options(opts, "article.fetcher", true)
  return new_fetcher(o, p)
end

---------------------------------------------------------------- one-shot

local function run_one(url, opts, fname, raw)
  if type(url) ~= "string" then
    error(("bad argument #1 to '%s' (string expected, got %s)"):format(fname, type(url)), 3)
  end
  local o, p = check_options(opts, fname, false, 2)
  o.concurrency, o.per_host, o.raw, o.parse_threads = 1, 1, raw, 0
  local F = new_fetcher(o, p)
  F:add(url)
  local r
  while not r do
    local ok, out = pcall(F.step, F, 1)
    if not ok then
      F:close()
      error(out, 0)
    end
    r = out[1]
  end
  F:close()
  return r
end

--- Downloads url and parses it: the article with a `response` table, or
-- nil, message, kind.
function M.fetch(url, opts)
  local r = run_one(url, opts, "article.fetch", false)
  if r.article then return r.article end
  return nil, r.error, r.kind
end

--- Downloads url without parsing: body, response | nil, message, kind.
-- Any content type is accepted unless opts.accept says otherwise.
function M.get(url, opts)
  local r = run_one(url, opts, "article.http.get", true)
  if r.body then return r.body, r.response end
  return nil, r.error, r.kind
end

---------------------------------------------------------------- many

--- Fetches many URLs concurrently.  `urls` is an array or an iterator
-- function returning URLs (then nothing is held beyond the window).
-- Without `callback`, returns an iterator of url, article, message, kind,
-- result; with it, calls callback(url, article, message, kind, result) for
-- each and returns the number of URLs fetched.  Results come as they
-- complete, not in input order.
function M.fetch_many(urls, opts, callback)
  local tu = type(urls)
  if tu ~= "table" and tu ~= "function" then
    error(("bad argument #1 to 'article.fetch_many' (table or function expected, got %s)")
      :format(tu), 2)
  end
  if callback ~= nil and type(callback) ~= "function" then
    error(("bad argument #3 to 'article.fetch_many' (function expected, got %s)")
      :format(type(callback)), 2)
  end
  local o, p = check_options(opts, "article.fetch_many", true)
  local F = new_fetcher(o, p)
  -- Only a window of URLs is queued at a time: memory follows the
  -- concurrency, not the length of the list.
  local window = math.max(4 * o.concurrency, 64)
  local idx, exhausted = 0, false
  local function next_url()
    if tu == "function" then return urls() end
    idx = idx + 1
    return urls[idx]
  end
  local buffer, bi, bn = {}, 1, 0
  local function fill()
    while not exhausted and F:pending() < window do
      local u = next_url()
      if u == nil then exhausted = true
      else F:add(u, idx) end
    end
  end
  local function iter()
    while true do
      if bi <= bn then
        local r = buffer[bi]
        buffer[bi] = nil   -- let the article go once handed out
        bi = bi + 1
        local art = r.article or r.body
        return r.url, art, r.error, r.kind, r
      end
      fill()
      if F:pending() == 0 then
        F:close()
        return nil
      end
      buffer, bi = F:step(1), 1
      bn = #buffer
    end
  end
  if not callback then return iter end
  local n = 0
  local ok, err = pcall(function()
    for url, art, msg, kind, r in iter do
      n = n + 1
      callback(url, art, msg, kind, r)
    end
  end)
  F:close()
  if not ok then error(err, 0) end
  return n
end

return M
