-- article.fetch, article.http.get, fetch_many and the fetcher, against a
-- loopback server this spec starts (tests/server/server.py).  Hostile
-- servers are in hostile_spec.lua.
local article = require "article"
local http = require "article.http"
local robots = require "article.robots"
local core = require "article.core"
local loopback = require "server.loopback"

local now = core.http_now

-- Runs fn and returns its results after asserting it took under `limit` s.
local function pack(...) return { n = select("#", ...), ... } end
local function within(limit, fn, ...)
  local t0 = now()
  local r = pack(fn(...))
  local took = now() - t0
  assert(took < limit, ("took %.2fs, limit %.2fs"):format(took, limit))
  return (table.unpack or unpack)(r, 1, r.n)
end

describe("article.fetch", function()
  local srv
  setup(function()
    srv = loopback.start()
    http.clear_robots()
  end)
  teardown(function() if srv then srv:stop() end end)

  it("returns the parsed article with a response table", function()
    local a, err, kind = within(5, article.fetch, srv:url("/page?title=Hello%20there"))
    assert.is_nil(err, kind)
    assert.equal("Hello there", a.title)
    assert.equal(srv:url("/page?title=Hello%20there"), a.url)
    assert.truthy(a.text:find("council met on Tuesday", 1, true))
    local r = a.response
    assert.equal(200, r.status)
    assert.equal(a.url, r.url)
    assert.equal("text/html; charset=utf-8", r.content_type)
    assert.equal("text/html; charset=utf-8", r.headers["content-type"])
    assert.is_number(r.elapsed)
    assert.is_false(r.from_cache)
    assert.is_false(r.not_modified)
  end)

  it("sends a descriptive User-Agent naming the library and version", function()
    local body = assert(http.get(srv:url("/headers")))
    local ua = body:match("User%-Agent: ([^\n]+)")
    assert.truthy(ua:find("lua-article/" .. article.version, 1, true))
    assert.equal(http.user_agent, ua)
  end)

  it("sends a custom User-Agent and extra headers", function()
    local body = assert(http.get(srv:url("/headers"), {
      user_agent = "MyBot/1.0", headers = { ["X-Token"] = "abc", "X-Other: 2" } }))
    assert.truthy(body:find("User-Agent: MyBot/1.0", 1, true))
    assert.truthy(body:find("X-Token: abc", 1, true))
    assert.truthy(body:find("X-Other: 2", 1, true))
  end)

  it("follows a redirect chain and reports the final URL", function()
    local a = assert(article.fetch(srv:url("/redirect?n=3")))
    assert.equal("Redirected", a.title)
    assert.equal(srv:url("/page?title=Redirected"), a.url)
    assert.equal(a.url, a.response.url)
    assert.equal(3, a.response.redirects)
  end)

  it("bounds redirects: a loop and a chain over max_redirects", function()
    local a, err, kind = within(5, article.fetch, srv:url("/loop"))
    assert.is_nil(a)
    assert.equal("too_many_redirects", kind)
    assert.is_string(err)
    a, err, kind = article.fetch(srv:url("/redirect?n=3"), { max_redirects = 2 })
    assert.is_nil(a)
    assert.equal("too_many_redirects", kind, err)
  end)

  it("decodes gzip and deflate", function()
    assert.equal("Gzipped", assert(article.fetch(srv:url("/gzip"))).title)
    assert.equal("Deflated", assert(article.fetch(srv:url("/deflate"))).title)
  end)

  it("turns 404 and 500 into http errors with the status", function()
    local a, err, kind = article.fetch(srv:url("/status?code=404"))
    assert.is_nil(a)
    assert.equal("http", kind)
    assert.truthy(err:find("404", 1, true))
    a, err, kind = article.fetch(srv:url("/status?code=500"), { retries = 0 })
    assert.is_nil(a)
    assert.equal("http", kind)
    assert.truthy(err:find("500", 1, true))
  end)

  it("times out on a slow server", function()
    local a, err, kind = within(3, article.fetch, srv:url("/slow?d=5"),
      { timeout = 0.5, retries = 0 })
    assert.is_nil(a)
    assert.equal("timeout", kind)
    assert.is_string(err)
  end)

  it("stops reading a body over max_body", function()
    local a, err, kind = within(5, article.fetch, srv:url("/big?n=50000"), { max_body = 10000 })
    assert.is_nil(a)
    assert.equal("too_large", kind)
    assert.truthy(err:find("10000", 1, true))
    assert(article.fetch(srv:url("/big?n=5000"), { max_body = 10000 }))
  end)

  it("refuses non-HTML types unless asked", function()
    local a, err, kind = article.fetch(srv:url("/pdf"))
    assert.is_nil(a)
    assert.equal("not_html", kind)
    assert.truthy(err:find("application/pdf", 1, true))
    local body, resp = http.get(srv:url("/pdf"))
    assert.equal("%PDF", body:sub(1, 4))
    assert.equal("application/pdf", resp.content_type)
    assert.equal("not_html", select(3, http.get(srv:url("/pdf"), { accept = "html" })))
    assert(http.get(srv:url("/feed"), { accept = { "application/rss+xml", "text/xml" } }))
    assert(article.fetch(srv:url("/pdf"), { accept = "any" }))
    assert.equal("Untyped", assert(article.fetch(srv:url("/notype"))).title)
  end)

  it("reports a connection reset", function()
    local a, err, kind = within(5, article.fetch, srv:url("/reset"), { retries = 0 })
    assert.is_nil(a)
    assert.equal("network", kind)
    assert.is_string(err)
  end)

  it("retries connection errors with backoff, bounded", function()
    local a = assert(article.fetch(srv:url("/flaky?key=f1&fails=1"), { retry_delay = 0.05 }))
    assert.equal("Flaky", a.title)
    assert.equal(2, a.response.attempts)
    local _, _, kind = article.fetch(srv:url("/flaky?key=f2&fails=5"),
      { retries = 1, retry_delay = 0.05 })
    assert.equal("network", kind)
    assert.equal(2, srv:stats("f2").hits)
  end)

  it("allows http and https only, unless protocols says more", function()
    local _, _, kind = article.fetch("ftp://127.0.0.1/x")
    assert.equal("protocol", kind)
    local _, _, kind2 = article.fetch("file:///etc/hostname")
    assert.equal("protocol", kind2)
    local path = os.getenv("PWD") .. "/tests/pages/encoding/utf8-meta.html"
    local f = io.open(path, "rb")
    if f then
      f:close()
      local a, err = article.fetch("file://" .. path, { protocols = { "file" } })
      assert.is_table(a, err)
      assert.equal(0, a.response.status)
    end
    -- Allowing file:// for the first URL never lets a redirect reach it.
    local a2, _, kind3 = article.fetch(srv:url("/to?u=file:///etc/hostname"),
      { protocols = { "http", "file" } })
    assert.is_nil(a2)
    assert.equal("protocol", kind3)
  end)

  it("reports malformed URLs as data and misuse as errors", function()
    local a, err, kind = article.fetch("not a url")
    assert.is_nil(a)
    assert.equal("url", kind)
    assert.truthy(err:find("not a url", 1, true))
    assert.has_error(function() article.fetch(42) end)
    assert.has_error(function() article.fetch(srv:url("/page"), "x") end)
    assert.has_error(function() article.fetch(srv:url("/page"), { timout = 3 }) end,
      "article.fetch: unknown option 'timout'")
    assert.has_error(function() article.fetch(srv:url("/page"), { timeout = "3" }) end)
    assert.has_error(function() article.fetch(srv:url("/page"), { protocols = { "gopher" } }) end)
    assert.has_error(function()
      article.fetch(srv:url("/page"), { headers = { "X: a\r\nY: b" } })
    end)
    assert.has_error(function() article.fetch(srv:url("/page"), { concurrency = 2 }) end)
    assert.has_error(function() article.fetch(srv:url("/page"), { allow_private = { "host" } }) end)
  end)

  it("passes parse options through to article.parse", function()
    local a = assert(article.fetch(srv:url("/page?title=Opts"), {
      favor = "precision", include_links = false, fields = {
        h1 = function(doc) return doc:text("//h1") end } }))
    assert.equal("Opts", a.h1)
  end)

  it("passes the charset from Content-Type to the parser", function()
    local a = assert(article.fetch(srv:url("/charset")))
    assert.equal("Привет, мир", a.title)
    assert.equal("koi8-r", a.encoding:lower())
  end)

  it("goes through a proxy", function()
    -- The loopback server answers absolute-form requests too, as a proxy
    -- would; the host name is never resolved here.
    local a = assert(article.fetch("http://news.example.invalid/page?title=Proxied",
      { proxy = srv.base }))
    assert.equal("Proxied", a.title)
    assert.equal("http://news.example.invalid/page?title=Proxied", a.url)
  end)

  it("keeps cookies within a fetcher and in a cookie jar", function()
    local f = article.fetcher({ cookies = true, raw = true })
    f:add(srv:url("/cookie_set"))
    repeat local r = f:step(1)[1] until r
    f:add(srv:url("/cookie_echo"))
    local r
    repeat r = f:step(1)[1] until r
    f:close()
    assert.equal("session=abc123", r.body)
    local jar = os.tmpname()
    assert(article.fetch(srv:url("/cookie_set"), { cookie_jar = jar }))
    assert.equal("session=abc123", (http.get(srv:url("/cookie_echo"), { cookie_jar = jar })))
    assert.equal("none", (http.get(srv:url("/cookie_echo"))))
    os.remove(jar)
  end)
end)

describe("robots.txt", function()
  local srv
  setup(function()
    srv = loopback.start()
    http.clear_robots()
  end)
  teardown(function() if srv then srv:stop() end end)

  it("is honoured by default, with its own user-agent group, and can be turned off", function()
    local a, err, kind = article.fetch(srv:url("/forbidden"))
    assert.is_nil(a)
    assert.equal("robots", kind)
    assert.truthy(err:find("robots.txt", 1, true))
    assert.equal("robots", select(3, article.fetch(srv:url("/private/x"))))
    assert(article.fetch(srv:url("/private/open")))   -- Allow, longer than Disallow
    assert(article.fetch(srv:url("/page")))           -- the `*` group (Disallow: /) is not ours
    assert(article.fetch(srv:url("/forbidden"), { robots = false }))
  end)

  it("parses groups, longest match, wildcards, $ and Crawl-delay", function()
    local r = robots.parse([[
User-agent: other
User-agent: Lua-Article
Disallow: /a
Allow: /a/b
Disallow: /*.pdf$
Disallow: /x*/y
Crawl-delay: 2.5

User-agent: *
Disallow: /
Crawl-delay: 9
]])
    local ua = "lua-article"
    assert.is_false(r:allowed(ua, "/a"))
    assert.is_false(r:allowed(ua, "/abc"))
    assert.is_true(r:allowed(ua, "/a/b"))
    assert.is_true(r:allowed(ua, "/a/bc?x=1"))
    assert.is_false(r:allowed(ua, "/doc.pdf"))
    assert.is_true(r:allowed(ua, "/doc.pdf?download=1"))
    assert.is_false(r:allowed(ua, "/x1/z/y"))
    assert.is_true(r:allowed(ua, "/b"))
    assert.is_true(r:allowed(ua, "/robots.txt"))
    assert.equal(2.5, r:crawl_delay(ua))
    assert.is_false(r:allowed("somebot", "/b"))
    assert.equal(9, r:crawl_delay("somebot"))
    -- a tie goes to Allow; an empty Disallow allows all
    local t = robots.parse("User-agent: *\nDisallow: /p\nAllow: /p\n")
    assert.is_true(t:allowed(ua, "/p"))
    assert.is_true(robots.parse("User-agent: *\nDisallow:\n"):allowed(ua, "/"))
    assert.is_true(robots.parse(""):allowed(ua, "/anything"))
  end)

  it("matches hostile wildcard patterns in linear time", function()
    local r = robots.parse("User-agent: *\nDisallow: /" .. ("*a"):rep(200) .. "b$\n")
    local t0 = now()
    assert.is_true(r:allowed("lua-article", "/" .. ("a"):rep(5000)))
    assert(now() - t0 < 1)
  end)
end)

describe("cache and conditional GET", function()
  local srv, dir
  setup(function()
    srv = loopback.start()
    http.clear_robots()
    dir = os.tmpname()
    os.remove(dir)
  end)
  teardown(function()
    if srv then
      loopback.remove_cache(dir, { srv:url("/etag?key=e1"), srv:url("/etag?key=l1&mode=lm"),
                                   srv:url("/etag?key=t1"), srv:url("/etag?key=g1") })
      srv:stop()
    end
  end)

  it("revalidates with ETag: the second fetch is a 304 served from the cache", function()
    local url = srv:url("/etag?key=e1")
    local a = assert(article.fetch(url, { cache = dir }))
    assert.is_false(a.response.from_cache)
    assert.is_false(a.response.not_modified)
    local b = assert(article.fetch(url, { cache = dir }))
    assert.is_true(b.response.from_cache)
    assert.is_true(b.response.not_modified)
    assert.equal(304, b.response.status)
    assert.equal(a.title, b.title)
    assert.equal(a.text, b.text)
    local s = srv:stats("e1")
    assert.equal(2, s.hits)
    assert.equal(1, s.full)
  end)

  it("revalidates with Last-Modified", function()
    local url = srv:url("/etag?key=l1&mode=lm")
    assert(article.fetch(url, { cache = dir }))
    local b = assert(article.fetch(url, { cache = dir }))
    assert.is_true(b.response.not_modified)
    assert.equal(1, srv:stats("l1").full)
  end)

  it("serves fresh entries without a request under cache_ttl", function()
    local url = srv:url("/etag?key=t1")
    assert(article.fetch(url, { cache = dir, cache_ttl = 60 }))
    local b = assert(article.fetch(url, { cache = dir, cache_ttl = 60 }))
    assert.is_true(b.response.from_cache)
    assert.is_false(b.response.not_modified)
    assert.equal(1, srv:stats("t1").hits)
  end)

  it("works for raw gets (feeds)", function()
    local url = srv:url("/etag?key=g1")
    local body1 = assert(http.get(url, { cache = dir }))
    local body2, resp = http.get(url, { cache = dir })
    assert.equal(body1, body2)
    assert.is_true(resp.not_modified)
  end)
end)

describe("article.fetch_many", function()
  local srv
  setup(function()
    srv = loopback.start()
    http.clear_robots()
  end)
  teardown(function() if srv then srv:stop() end end)

  it("yields every URL with its article or error, as they complete", function()
    local urls = { srv:url("/slow?d=0.6"), srv:url("/page?title=One"),
                   srv:url("/status?code=404"), srv:url("/page?title=Two"), "nope" }
    local got, order = {}, {}
    for url, art, err, kind, res in article.fetch_many(urls, { per_host = 4 }) do
      got[url] = { art = art, err = err, kind = kind, res = res }
      order[#order + 1] = url
    end
    assert.equal(5, #order)
    assert.equal("One", got[urls[2]].art.title)
    assert.equal("http", got[urls[3]].kind)
    assert.equal("url", got["nope"].kind)
    assert.equal(urls[1], order[#order])   -- the slow one completes last
    assert.is_number(got[urls[2]].res.tag)
  end)

  it("takes a callback", function()
    local n = 0
    local count = article.fetch_many({ srv:url("/page?title=A"), srv:url("/page?title=B") },
      { per_host = 2 }, function(_, art) n = n + 1; assert(art.title) end)
    assert.equal(2, count)
    assert.equal(2, n)
  end)

  it("keeps to per_host", function()
    local s = srv:fetch_conc("ph1", 4, 0.15, { per_host = 1, concurrency = 8 })
    assert.equal(4, s.hits)
    assert.equal(1, s.max_conc)
  end)

  it("keeps to concurrency", function()
    local s = srv:fetch_conc("c1", 6, 0.2, { per_host = 8, concurrency = 3 })
    assert.equal(6, s.hits)
    assert.is_true(s.max_conc <= 3 and s.max_conc >= 2)
  end)

  it("waits delay seconds between requests to one host", function()
    local s, elapsed = srv:fetch_conc("d1", 3, 0, { per_host = 4, delay = 0.25 })
    assert.is_true(elapsed >= 0.5)
    assert.is_true(s.min_gap >= 0.2)
  end)

  it("pulls URLs from an iterator only as fast as they are fetched", function()
    local made, seen, ahead = 0, 0, 0
    local function gen()
      if made >= 200 then return nil end
      made = made + 1
      ahead = math.max(ahead, made - seen)
      return srv:url("/page?title=G" .. made)
    end
    for _, art, err in article.fetch_many(gen, { concurrency = 4, per_host = 4, raw = true }) do
      assert(art, err)
      seen = seen + 1
    end
    assert.equal(200, seen)
    assert.is_true(ahead <= 64 + 1, "queued ahead: " .. ahead)
  end)

  it("validates its arguments", function()
    assert.has_error(function() article.fetch_many("x") end)
    assert.has_error(function() article.fetch_many({}, { per_host = 0 }) end)
    assert.has_error(function() article.fetch_many({}, { concurency = 3 }) end)
    assert.has_error(function() article.fetch_many({}, nil, 5) end)
  end)
end)

describe("article.fetcher", function()
  local srv
  setup(function()
    srv = loopback.start()
    http.clear_robots()
  end)
  teardown(function() if srv then srv:stop() end end)

  it("is driven by the host and never blocks longer than asked", function()
    local f = article.fetcher({ per_host = 4 })
    local id = f:add(srv:url("/slow?d=0.5"), "slow")
    assert.is_number(id)
    local t0 = now()
    local out = f:step(0)
    assert.equal(0, #out)
    out = f:step(0.05)
    assert.equal(0, #out)
    assert.is_true(now() - t0 < 0.3, "step(0) and step(0.05) blocked")
    assert.is_number(f:timeout())
    local rd, wr = f:fds()
    assert.is_table(rd)
    assert.is_table(wr)
    assert.equal(1, f:pending())
    local r
    while not r do r = f:step(0.02)[1] end
    assert.equal("Slow", r.article.title)
    assert.equal("slow", r.tag)
    assert.equal(id, r.id)
    assert.equal(0, f:pending())
    assert.is_nil(f:timeout())
    f:close()
  end)

  it("works from a coroutine scheduler", function()
    local f = article.fetcher({ per_host = 4 })
    local results = {}
    local co = coroutine.wrap(function()
      for i = 1, 3 do f:add(srv:url("/page?title=C" .. i)) end
      while f:pending() > 0 do
        for _, r in ipairs(f:step(0)) do results[#results + 1] = r end
        coroutine.yield()
      end
      return "done"
    end)
    local ticks = 0
    while co() ~= "done" do
      ticks = ticks + 1
      core.http_sleep(0.005)   -- the host's other work
    end
    assert.equal(3, #results)
    assert.is_true(ticks > 1)
    f:close()
  end)

  it("closes idempotently and refuses use after close", function()
    local f = article.fetcher()
    f:add(srv:url("/slow?d=2"))
    f:step(0)
    f:close()
    f:close()
    assert.is_true(f:closed())
    assert.truthy(tostring(f):find("closed", 1, true))
    assert.has_error(function() f:step(0) end, "attempt to use a closed fetcher")
    assert.has_error(function() f:add("http://x/") end)
    -- garbage collection of an open fetcher with transfers in flight
    local g = article.fetcher()
    g:add(srv:url("/slow?d=2"))
    g:step(0)
    g = nil -- luacheck: ignore 311
    collectgarbage()
    collectgarbage()
  end)

  if _VERSION == "Lua 5.4" then
    it("supports <close>", function()
      local chunk = assert(load([[
        local article, url = ...
        local f <close> = article.fetcher()
        f:add(url)
        f:step(0)
        return f
      ]]))
      local f = chunk(article, srv:url("/slow?d=2"))
      assert.is_true(f:closed())
    end)
  end
end)
