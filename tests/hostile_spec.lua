-- Hostile servers: every case ends in its documented result (README "Error
-- kinds") within its time limit.  The loopback server is tests/server/server.py.
local article = require "article"
local http = require "article.http"
local core = require "article.core"
local loopback = require "server.loopback"

local now = core.http_now
-- Valgrind slows our side (not the server's) by an order of magnitude.
local SLOW = os.getenv("ARTICLE_VALGRIND") and 5 or 1

local function pack(...) return { n = select("#", ...), ... } end

-- Calls fn(...), asserts it returned within `limit` seconds, returns its results.
local function within(limit, fn, ...)
  local t0 = now()
  local r = pack(fn(...))
  local took = now() - t0
  assert(took < limit * SLOW, ("took %.2fs, limit %.2fs"):format(took, limit * SLOW))
  return (table.unpack or unpack)(r, 1, r.n)
end

-- Asserts a failed fetch of the given kind.
local function fails(kind, a, err, k)
  assert.is_nil(a)
  assert.is_string(err)
  assert.equal(kind, k, err)
  return err
end

describe("hostile servers", function()
  local srv
  setup(function()
    srv = loopback.start()
    http.clear_robots()
  end)
  teardown(function() if srv then srv:stop() end end)

  it("slowloris trickle: low-speed limit ends it", function()
    fails("timeout", within(5, article.fetch, srv:url("/trickle"),
      { low_speed_limit = 100, low_speed_time = 1, retries = 0 }))
  end)

  it("slowloris trickle: the total timeout ends it", function()
    fails("timeout", within(4, article.fetch, srv:url("/trickle"), { timeout = 1, retries = 0 }))
  end)

  it("reset mid-body", function()
    fails("network", within(3, article.fetch, srv:url("/reset_mid"), { retries = 0 }))
  end)

  it("reset mid-body with retries: bounded attempts, same result", function()
    fails("network", within(5, article.fetch, srv:url("/reset_mid"),
      { retries = 2, retry_delay = 0.05 }))
  end)

  it("endless redirect", function()
    fails("too_many_redirects", within(3, article.fetch, srv:url("/loop"),
      { max_redirects = 20 }))
  end)

  it("2 GB claimed Content-Length is refused before the body", function()
    local err = fails("too_large", within(2, article.fetch, srv:url("/claim2gb")))
    assert.truthy(err:find("byte limit", 1, true))
  end)

  it("gzip bomb stops at the cap after decompression", function()
    fails("too_large", within(10, article.fetch, srv:url("/bomb"), { max_body = 1024 * 1024 }))
  end)

  it("invalid chunked encoding", function()
    fails("network", within(3, article.fetch, srv:url("/badchunk"), { retries = 0 }))
  end)

  it("endless headers stop at max_header", function()
    fails("too_large", within(5, article.fetch, srv:url("/header_flood"),
      { max_header = 16 * 1024 }))
  end)

  it("wrong charset: HTTP charset wins over the missing meta", function()
    local a = within(3, article.fetch, srv:url("/charset"))
    assert.equal("Привет, мир", a.title)
  end)

  it("wrong charset: a UTF-8 label on windows-1252 bytes still gives valid UTF-8", function()
    local a = within(3, article.fetch, srv:url("/charset?mode=lie"))
    assert.equal("Café crème", a.title)
    assert.truthy(a.text:find("Café crème brûlée", 1, true))
  end)

  it("robots.txt that disallows: no request for the page", function()
    local err = fails("robots", within(3, article.fetch, srv:url("/forbidden?x=1")))
    assert.truthy(err:find("/forbidden", 1, true))
  end)

  it("429 with Retry-After: waits, then succeeds", function()
    local t0 = now()
    local a = within(5, article.fetch, srv:url("/retry?key=r429&after=1"))
    assert.equal("After retry", a.title)
    assert.equal(2, a.response.attempts)
    assert.is_true(now() - t0 >= 0.9)
  end)

  it("429 with a Retry-After beyond max_retry_delay: gives up at once", function()
    local err = fails("http", within(2, article.fetch, srv:url("/retry?key=rlong&after=3600"),
      { max_retry_delay = 5 }))
    assert.truthy(err:find("429", 1, true))
    assert.equal(1, srv:stats("rlong").hits)
  end)

  it("503 without Retry-After: exponential backoff, bounded", function()
    local a = within(5, article.fetch, srv:url("/retry?key=r503&code=503&fails=2"),
      { retry_delay = 0.05 })
    assert.equal(3, a.response.attempts)
    fails("http", within(5, article.fetch, srv:url("/retry?key=r503b&code=503&fails=9"),
      { retries = 1, retry_delay = 0.05 }))
    assert.equal(2, srv:stats("r503b").hits)
  end)

  it("Retry-After as an HTTP date", function()
    assert.equal(784111777, http._http_date("Sun, 06 Nov 1994 08:49:37 GMT"))
    assert.is_nil(http._http_date("soon"))
  end)

  it("304 flows: revalidation, and a 304 nobody asked for", function()
    local dir = os.tmpname()
    os.remove(dir)
    local url = srv:url("/etag?key=h304")
    local a = within(3, article.fetch, url, { cache = dir })
    assert.is_false(a.response.not_modified)
    for _ = 1, 3 do   -- polled again and again: each poll is a 304, not a download
      local b = within(3, article.fetch, url, { cache = dir })
      assert.is_true(b.response.not_modified)
      assert.is_true(b.response.from_cache)
      assert.equal(a.title, b.title)
    end
    assert.equal(1, srv:stats("h304").full)
    -- cache entry whose body went missing: a plain GET again
    os.remove(dir .. "/" .. core.http_hash(url) .. ".body")
    local c = within(3, article.fetch, url, { cache = dir })
    assert.is_false(c.response.from_cache)
    assert.equal(2, srv:stats("h304").full)
    loopback.remove_cache(dir, { url })
    fails("http", within(3, article.fetch, srv:url("/always304")))
  end)

  it("deny_private refuses loopback, also after a redirect", function()
    local err = fails("blocked", within(3, article.fetch, srv:url("/page"),
      { deny_private = true }))
    assert.truthy(err:find("127.0.0.1", 1, true))
    -- the first hop exempted, the redirect target not
    local ok = { deny_private = true, allow_private = { "127.0.0.1" } }
    assert(within(3, article.fetch, srv:url("/page"), ok))
    fails("blocked", within(3, article.fetch, srv:url("/to?u=http://127.0.0.2:9/x"), ok))
    fails("blocked", within(3, article.fetch, srv:url("/to?u=http://[::1]:9/x"), ok))
  end)

  it("classifies addresses for deny_private", function()
    local private = { "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                      "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                      "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12::1",
                      "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
                      "2002:7f00:1::" }
    local public = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "93.184.216.34",
                     "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::" }
    for _, a in ipairs(private) do assert.is_true(core.http_is_private(a), a) end
    for _, a in ipairs(public) do assert.is_false(core.http_is_private(a), a) end
    assert.is_nil(core.http_is_private("example.com"))
  end)

  it("a stalled server never blocks fetcher:step beyond its timeout", function()
    local f = article.fetcher()
    f:add(srv:url("/trickle"))
    f:add(srv:url("/slow?d=3"))
    for _ = 1, 5 do
      local out = within(0.3, f.step, f, 0)
      assert.equal(0, #out)
      out = within(0.4, f.step, f, 0.1)
      assert.equal(0, #out)
    end
    within(0.3, f.close, f)
  end)
end)

describe("politeness under load", function()
  local srv
  setup(function()
    srv = loopback.start({ CRAWL_DELAY = "0.3", BIG_ROBOTS = "1" })
    http.clear_robots()
  end)
  teardown(function() if srv then srv:stop() end end)

  it("honours Crawl-delay over the delay option", function()
    local s, elapsed = srv:fetch_conc("cd", 3, 0, { per_host = 4, delay = 0.05 })
    assert.is_true(elapsed >= 0.55)
    assert.is_true(s.min_gap >= 0.25)
  end)

  it("reads the first 512 KiB of a huge robots.txt", function()
    http.clear_robots()
    local a, err = within(5, article.fetch, srv:url("/page?title=Big"))
    assert.is_table(a, err)   -- the Disallow past the cut is not read
    fails("robots", article.fetch(srv:url("/forbidden")))   -- the rules before it are
  end)

  it("caps a hostile Crawl-delay at max_crawl_delay", function()
    http.clear_robots()
    local urls = { srv:url("/conc?key=cd2&i=1"), srv:url("/conc?key=cd2&i=2") }
    local t0 = now()
    for _, art, err in article.fetch_many(urls, { max_crawl_delay = 0.05 }) do
      assert(art, err)
    end
    assert.is_true(now() - t0 < 2 * SLOW)
  end)
end)
