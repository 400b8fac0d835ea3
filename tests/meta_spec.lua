-- Metadata: each field's cascade and cleaning, on small pages.
-- Golden pages live in tests/pages/meta-*/ (source.html + expected.lua); the
-- rest are inline pages testing one rule each.
local article = require "article"
local H = require "helper"

-- A fixed "now" (2024-06-01T00:00:00Z) so future-date rules are stable.
local NOW = 1717200000

local function parse(html, opts)
  opts = opts or {}
  if opts.now == nil then opts.now = NOW end
  return assert(article.parse(html, opts))
end

-- A page with a head and a body; `head` and `body` are HTML strings.
local function page(head, body, lang)
  return ("<!DOCTYPE html><html%s><head><meta charset='utf-8'>%s</head><body>%s</body></html>")
    :format(lang and (" lang='" .. lang .. "'") or "", head or "", body or "")
end

local PARA = "<p>" .. ("The council met on Tuesday evening to discuss the budget. "):rep(4) ..
  "</p>"

local function ld(obj) return "<script type='application/ld+json'>" .. obj .. "</script>" end

describe("metadata golden pages", function()
  local p = io.popen('ls tests/pages')
  local dirs = {}
  for d in p:lines() do
    if d:match("^meta%-") then dirs[#dirs + 1] = d end
  end
  p:close()
  assert.is_true(#dirs >= 10, "tests/pages/meta-* pages missing")

  for _, d in ipairs(dirs) do
    it(d, function()
      local dir = "tests/pages/" .. d .. "/"
      local expected = dofile(dir .. "expected.lua")
      local a = parse(H.read(dir .. "source.html"), { url = expected._url })
      for k, v in pairs(expected) do
        if k == "absent" then
          for _, f in ipairs(v) do
            local got = a[f]
            if type(got) == "table" then assert.are.equal(0, #got, f)
            else assert.is_nil(got, f) end
          end
        elseif k ~= "_url" then
          assert.are.same(v, a[k], k)
        end
      end
    end)
  end
end)

describe("title", function()
  it("prefers the JSON-LD headline over og:title and <title>", function()
    local a = parse(page(ld('{"@type":"NewsArticle","headline":"The headline"}') ..
      "<meta property='og:title' content='OG title'><title>Doc title - Site</title>"))
    assert.are.equal("The headline", a.title)
  end)

  it("strips a site suffix from og:title only when it names the site", function()
    local a = parse(page("<meta property='og:title' content='Storm hits coast | Daily Planet'>" ..
      "<meta property='og:site_name' content='Daily Planet'>"))
    assert.are.equal("Storm hits coast", a.title)
    a = parse(page("<meta property='og:title' content='Storm hits coast | Live updates'>"))
    assert.are.equal("Storm hits coast | Live updates", a.title)
  end)

  it("takes the <h1> that the <title> holds", function()
    local a = parse(page("<title>Storm hits the coast overnight - Weather - Planet</title>",
      "<h1>Planet</h1><h1>Storm hits the coast overnight</h1>" .. PARA))
    assert.are.equal("Storm hits the coast overnight", a.title)
  end)

  it("cleans <title>: site name, then a short section", function()
    local a = parse(page("<title>Daily Planet | Storm hits the coast overnight</title>" ..
      "<meta name='application-name' content='Daily Planet'>"))
    assert.are.equal("Storm hits the coast overnight", a.title)
    a = parse(page("<title>Storm hits the coast overnight - Weather</title>"))
    assert.are.equal("Storm hits the coast overnight", a.title)
    a = parse(page("<title>Mozilla - Wikipedia</title>"))
    assert.are.equal("Mozilla - Wikipedia", a.title)   -- too short to tell
    a = parse(page("<title>Storm hits</title>"), { url = "https://www.planet.example/x" })
    assert.are.equal("Storm hits", a.title)
    a = parse(page("<title>Storm hits the coast | Planet</title>"),
      { url = "https://www.planet.example/x" })
    assert.are.equal("Storm hits the coast", a.title)  -- the host names the site
  end)

  it("takes the JSON-LD name when the headline is a subtitle", function()
    local a = parse(page(ld('{"@type":"Article","name":"New Zealand",' ..
      '"headline":"island country in the Pacific"}') .. "<title>New Zealand - Wikipedia</title>"))
    assert.are.equal("New Zealand", a.title)
  end)

  it("completes a truncated JSON-LD headline", function()
    local full = "A very long headline about the storm that hit the coast overnight and the damage"
    local a = parse(page(ld('{"@type":"NewsArticle","headline":"' .. full:sub(1, 40) .. '..."}') ..
      "<meta property='og:title' content='" .. full .. "'>"))
    assert.are.equal(full, a.title)
  end)

  it("is nil when the page has none", function()
    assert.is_nil(parse(page(nil, "<p>text</p>")).title)
  end)
end)

describe("authors", function()
  local function authors(head, body, opts)
    return parse(page(head, body), opts).authors
  end

  it("reads JSON-LD Person arrays in order, deduplicated", function()
    assert.are.same({ "Ann Lee", "Bo Chen" }, authors(ld(
      '{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Lee"},' ..
      '{"@type":"Person","name":{"@value":"Bo Chen"}},"ann lee"]}')))
  end)

  it("keeps an organisation only when it is the only author", function()
    assert.are.same({ "Ann Lee" }, authors(ld('{"@type":"NewsArticle","author":[' ..
      '{"@type":"Organization","name":"Planet News"},{"@type":"Person","name":"Ann Lee"}]}')))
    assert.are.same({ "Planet News" }, authors(ld(
      '{"@type":"NewsArticle","author":{"@type":"Organization","name":"Planet News"}}')))
  end)

  it("reads meta tags, splitting lists and dropping 'By'", function()
    assert.are.same({ "Ann Lee", "Bo Chen", "Cy Young" },
      authors("<meta name='author' content='By Ann Lee, Bo Chen and Cy Young'>"))
    assert.are.same({ "Ann Lee" }, authors("<meta name='parsely-author' content='Ann Lee'>"))
    assert.are.same({ "Ann Lee" }, authors("<meta property='article:author' " ..
      "content='https://www.facebook.com/annlee'><meta name='author' content='Ann Lee'>"))
    assert.are.same({ "Michiel de Jong" },
      authors("<meta name='dc.creator' content='Jong, Michiel de'>"))
  end)

  it("strips roles, e-mails, URLs, handles and dates", function()
    assert.are.same({ "Ann Lee" }, authors(nil,
      "<h1>Storm</h1><div class='byline'>By Ann Lee, Staff Writer</div>" .. PARA))
    assert.are.same({ "Ann Lee" }, authors(nil,
      "<h1>Storm</h1><div class='byline'>Ann Lee ann@planet.example @annlee</div>" .. PARA))
    assert.are.same({ "ANN LEE" }, authors(nil,
      "<h1>Storm</h1><div class='author'>By ANN LEE<br>March 11, 2015 3:46 PM</div>" .. PARA))
    assert.are.same({ "Brenda Goodman" }, authors(nil,
      "<h1>Storm</h1><div class='author'>By Brenda Goodman, MA<br>Health News</div>" .. PARA))
  end)

  it("rejects junk bylines", function()
    assert.are.same({}, authors(nil,
      "<h1>Storm</h1><div class='byline'>Email the author</div>" .. PARA))
    assert.are.same({ "Devin Coldewey" }, authors(nil,
      "<h1>Storm</h1><div class='byline'>2 Hours Ago Devin Coldewey</div>" .. PARA))
    assert.are.same({}, authors("<meta name='author' content='Reuters Staff'>"))
    assert.are.same({}, authors(nil, "<h1>Storm</h1><div class='byline'>Follow</div>" .. PARA))
    assert.are.same({}, authors(nil,
      "<h1>Storm</h1><div class='author'>Expertin für Neue Arbeit und Lernen</div>" .. PARA))
  end)

  it("ignores bylines of related stories and comments", function()
    assert.are.same({ "Ann Lee" }, authors(nil, "<article><h1>Storm</h1>" ..
      "<div class='byline'>By Ann Lee</div>" .. PARA .. "</article>" ..
      "<aside class='related'><div class='byline'>By Bo Chen</div>" ..
      "<div class='byline'>By Cy Young</div></aside>"))
    assert.are.same({}, authors(nil, "<article><h1>Storm</h1>" .. PARA .. "</article>" ..
      "<div class='related-stories'><div class='byline'>By Bo Chen</div>" ..
      "<div class='byline'>By Cy Young</div></div>"))
  end)

  it("reads footers inside the article, not the site's", function()
    assert.are.same({ "Ann Lee" }, authors(nil, "<article><h1>Storm</h1>" .. PARA ..
      "<footer class='entry-footer'><span class='byline'>By Ann Lee</span></footer>" ..
      "</article>"))
    assert.are.same({}, authors(nil, "<h1>Storm</h1>" .. PARA ..
      "<div class='site-footer'><div><span class='byline'>By Ann Lee</span></div></div>"))
  end)

  it("keeps bylines of an aside that holds the headline", function()
    assert.are.same({ "Ann Lee" }, authors("<title>Storm</title>",
      "<div class='widget'><h1>Storm</h1><div><div class='byline'>By Ann Lee</div></div>" ..
      PARA .. "</div>"))
  end)

  it("reads microdata and rel=author", function()
    assert.are.same({ "Ann Lee" }, authors(nil,
      "<h1>Storm</h1><span itemprop='author' itemscope>" ..
      "<span itemprop='name'>Ann Lee</span> <span>Editor</span></span>" .. PARA))
    assert.are.same({ "Bo Chen" }, authors(nil,
      "<h1>Storm</h1><a rel='author' href='/bo'>Bo Chen</a>" .. PARA))
  end)

  it("splits bylines in other languages", function()
    assert.are.same({ "Jeanne Dupont", "Pierre Martin" }, authors(nil,
      "<h1>Pont</h1><p class='auteur'>Par Jeanne Dupont et Pierre Martin</p>" .. PARA))
    assert.are.same({ "Max Muster", "Eva Muster" }, authors(nil,
      "<h1>Brücke</h1><p class='autor'>Von Max Muster und Eva Muster</p>" .. PARA))
    assert.are.same({ "Martin Untersinger", "Damien Leloup", "Morgane Tual" }, authors(nil,
      "<h1>Loi</h1><p class='byline'>Martin Untersinger " ..
      "(avec Damien Leloup et Morgane Tual)</p>" .. PARA))
  end)
end)

describe("dates", function()
  local function dates(head, body, opts)
    local a = parse(page(head, body), opts)
    return a.published, a.date_source, a.modified
  end

  it("never confuses published and modified", function()
    local p, s, m = dates(ld('{"@type":"NewsArticle","dateModified":"2021-05-02T10:00:00Z",' ..
      '"datePublished":"2021-05-01T10:00:00Z"}'))
    assert.are.equal("2021-05-01T10:00:00+00:00", p)
    assert.are.equal("json-ld", s)
    assert.are.equal("2021-05-02T10:00:00+00:00", m)
    p, s, m = dates("<meta property='article:modified_time' content='2021-05-02'>")
    assert.is_nil(p)
    assert.is_nil(s)
    assert.are.equal("2021-05-02", m)
  end)

  it("reads meta tags", function()
    local p, s = dates("<meta property='article:published_time' " ..
      "content='2021-05-01T10:00:00+02:00'>")
    assert.are.equal("2021-05-01T10:00:00+02:00", p)
    assert.are.equal("meta", s)
    p = dates("<meta name='DC.date.issued' content='2021-05-01'>")
    assert.are.equal("2021-05-01", p)
    p = dates("<meta name='sailthru.date' content='Sat, 01 May 2021 10:00:00 GMT'>")
    assert.are.equal("2021-05-01T10:00:00+00:00", p)
  end)

  it("drops a modification before the publication", function()
    local _, _, m = dates(ld('{"@type":"NewsArticle","datePublished":"2021-05-03",' ..
      '"dateModified":"2021-04-01"}'))
    assert.is_nil(m)
  end)

  it("rejects future dates and dates before the floor", function()
    local p, s = dates("<meta property='article:published_time' content='2030-01-01'>" ..
      "<meta name='date' content='1990-05-05'>", "<h1>Storm</h1><p>Posted May 3, 2021</p>" .. PARA)
    assert.are.equal("2021-05-03", p)
    assert.are.equal("text", s)
    p = dates("<meta name='date' content='1990-05-05'>", nil, { date_floor = 1980 })
    assert.are.equal("1990-05-05", p)
    p = dates("<meta name='date' content='2030-01-01'>", nil, { now = 1900000000 })
    assert.are.equal("2030-01-01", p)
  end)

  it("reads <time> elements near the headline", function()
    local p, s = dates(nil, "<article><h1>Storm</h1><time datetime='2021-05-01T08:00:00Z'>May 1" ..
      "</time>" .. PARA .. "</article>")
    assert.are.equal("2021-05-01T08:00:00+00:00", p)
    assert.are.equal("time", s)
    p = dates(nil, "<h1>Storm</h1><time class='updated' datetime='2021-05-09'>May 9</time>" ..
      "<time pubdate datetime='2021-05-01'>May 1</time>" .. PARA)
    assert.are.equal("2021-05-01", p)
  end)

  it("takes the URL's date when the page has none", function()
    local p, s = dates(nil, PARA, { url = "https://x.example/news/2019/04/28/storm.html" })
    assert.are.equal("2019-04-28", p)
    assert.are.equal("url", s)
    p = dates(nil, PARA, { url = "https://x.example/news/20190428_storm" })
    assert.are.equal("2019-04-28", p)
    p = dates(nil, PARA, { url = "https://x.example/2019/04/storm" })   -- no day: no date
    assert.is_nil(p)
  end)

  it("prefers the URL's date to a structured date days later (an update)", function()
    local p, s, m = dates("<meta property='article:published_time' " ..
      "content='2020-06-01T10:00:00Z'>", PARA, { url = "https://x.example/2019/04/28/storm/" })
    assert.are.equal("2019-04-28", p)
    assert.are.equal("url", s)
    assert.are.equal("2020-06-01T10:00:00+00:00", m)
  end)

  it("reads a UTC time as the URL's day in the page's zone", function()
    local p = dates(ld('{"@type":"NewsArticle","datePublished":"2020-02-25T02:25:54Z"}'), PARA,
      { url = "https://x.example/2020/02/24/story/" })
    assert.are.equal("2020-02-24", p)
  end)

  it("takes the first date not labelled as an update", function()
    local p, s, m = dates(nil, "<h1>Storm</h1><div class='dateline'>Updated April 29, 2019 at " ..
      "3:33 pm | Published April 28, 2019 at 6:01 am</div>" .. PARA)
    assert.are.equal("2019-04-28T06:01:00", p)
    assert.are.equal("text", s)
    assert.are.equal("2019-04-29T15:33:00", m)
  end)

  it("reads ambiguous numeric dates by the page's language", function()
    local body = "<h1>Storm</h1><p class='date'>03/04/2015</p>" .. PARA
    assert.are.equal("2015-03-04", parse(page(nil, body, "en-US")).published)
    assert.are.equal("2015-04-03", parse(page(nil, body, "en-GB")).published)
    assert.are.equal("2015-04-03", parse(page(nil, body, "fr")).published)
    body = "<h1>Storm</h1><p class='date'>04/13/2015</p>" .. PARA   -- only one reading
    assert.are.equal("2015-04-13", parse(page(nil, body, "en-GB")).published)
  end)

  it("does not take a date from the site header above the headline", function()
    local p = dates(nil,
      "<div class='topbar'><span class='date'>Monday, May 20, 2024</span></div>" ..
      ("<nav>" .. ("<a href='/x'>Section link</a> "):rep(80) .. "</nav>") ..
      "<h1>Storm</h1>" .. PARA)
    assert.is_nil(p)
  end)

  it("finds a labelled date anywhere as a last resort", function()
    local p = dates(nil,
      "<h1>Storm</h1>" .. PARA:rep(10) .. "<p>Veröffentlicht am 3. Mai 2021</p>")
    assert.are.equal("2021-05-03", p)
  end)
end)

describe("other fields", function()
  it("description: JSON-LD, then og / meta, then the lead paragraph", function()
    local a = parse(page(ld('{"@type":"NewsArticle","description":"LD summary"}') ..
      "<meta property='og:description' content='OG summary'>"))
    assert.are.equal("LD summary", a.description)
    a = parse(page("<meta name='description' content='Meta summary'>" ..
      "<meta property='og:description' content='OG summary'>"))
    assert.are.equal("OG summary", a.description)
    a = parse(page(nil, "<article><h1>Storm</h1>" .. PARA .. PARA .. "</article>"))
    assert.truthy(a.description and a.description:find("^The council met"))
  end)

  it("site_name: og:site_name, JSON-LD publisher, application-name; no tagline", function()
    assert.are.equal("Planet", parse(page("<meta property='og:site_name' content='Planet'>" ..
      ld('{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Planet Inc"}}')))
      .site_name)
    assert.are.equal("Planet Inc", parse(page(ld('{"@type":"NewsArticle","publisher":' ..
      '{"@type":"Organization","name":"Planet Inc"}}'))).site_name)
    assert.are.equal("Planet", parse(page("<meta name='application-name' content='Planet'>"))
      .site_name)
    assert.are.equal("Aktuálně.cz", parse(page("<meta property='og:site_name' " ..
      "content='Aktuálně.cz - Víte, co se právě děje'>")).site_name)
  end)

  it("language: html lang, Content-Language, og:locale, then detection", function()
    assert.are.equal("en-US", parse(page(nil, nil, "en_us")).language)
    assert.are.equal("zh-Hant-TW", parse(page(nil, nil, "ZH-hant-tw")).language)
    assert.are.equal("de", parse(page("<meta http-equiv='Content-Language' content='de, en'>"))
      .language)
    assert.are.equal("pt-BR", parse(page("<meta property='og:locale' content='pt_BR'>")).language)
    local text = "<article><p>" .. ("Der Stadtrat hat am Dienstag nach langer Debatte den Bau " ..
      "der neuen Brücke über den Fluss beschlossen. "):rep(3) .. "</p></article>"
    assert.are.equal("de", parse(page(nil, text)).language)
    assert.is_nil(parse(page(nil, text), { detect_language = false }).language)
    assert.is_nil(parse(page(nil, nil, "x-default")).language)
  end)

  it("canonical_url and image are absolute", function()
    local a = parse(page("<link rel='canonical' href='/story'><meta property='og:image' " ..
      "content='//cdn.example/i.jpg'>"), { url = "https://x.example/a/b?c" })
    assert.are.equal("https://x.example/story", a.canonical_url)
    assert.are.equal("https://cdn.example/i.jpg", a.image)
    a = parse(page("<base href='https://base.example/dir/'><link rel='canonical' href='story'>"),
      { url = "https://x.example/a/b" })
    assert.are.equal("https://base.example/dir/story", a.canonical_url)
    a = parse(page(ld('{"@type":"NewsArticle","image":[{"@type":"ImageObject",' ..
      '"url":"https://x.example/ld.jpg"}]}')))
    assert.are.equal("https://x.example/ld.jpg", a.image)
  end)

  it("image: the first large body image when nothing is declared", function()
    local a = parse(page(nil,
      "<article><h1>Storm</h1><img src='/icon.png' width='16' height='16'>" ..
      "<img src='/big.jpg' width='800' height='600' alt='Waves'>" .. PARA:rep(3) .. "</article>"),
      { url = "https://x.example/a" })
    assert.are.equal("https://x.example/big.jpg", a.image)
  end)

  it("videos: JSON-LD VideoObject, og:video, player iframes", function()
    local a = parse(page(ld('{"@type":"VideoObject","name":"Clip","contentUrl":' ..
      '"https://v.example/c.mp4","thumbnailUrl":"https://v.example/c.jpg"}'),
      "<iframe src='https://www.youtube.com/embed/abc'></iframe>"))
    assert.are.equal(2, #a.videos)
    assert.are.same({ url = "https://v.example/c.mp4", thumbnail = "https://v.example/c.jpg",
      title = "Clip" }, a.videos[1])
    assert.are.equal("https://www.youtube.com/embed/abc", a.videos[2].embed_url)
    assert.are.equal("video", a.page_type)
  end)

  it("tags and categories", function()
    local a = parse(page(ld('{"@type":"NewsArticle","keywords":["storm","coast"],' ..
      '"articleSection":"Weather"}') .. "<meta property='article:tag' content='Storm'>"))
    assert.are.same({ "Storm", "coast" }, a.tags)
    assert.are.same({ "Weather" }, a.categories)
    a = parse(page("<meta name='keywords' content='a, b; c'>"))
    assert.are.same({ "a", "b", "c" }, a.tags)
  end)

  it("license", function()
    assert.are.equal("https://creativecommons.org/licenses/by/4.0/", parse(page(nil,
      "<a rel='license' href='https://creativecommons.org/licenses/by/4.0/'>CC BY</a>")).license)
    assert.are.equal("CC-BY-4.0", parse(page(ld('{"@type":"Article","license":"CC-BY-4.0"}')))
      .license)
  end)

  it("paywalled", function()
    local function pw(head, body) return parse(page(head, body)).paywalled end
    assert.is_true(pw(ld('{"@type":"NewsArticle","isAccessibleForFree":false}')))
    assert.is_true(pw(ld('{"@type":"NewsArticle","isAccessibleForFree":"False"}')))
    assert.is_false(pw(ld('{"@type":"NewsArticle","isAccessibleForFree":true}')))
    assert.is_true(pw(ld('{"@type":"NewsArticle","hasPart":{"@type":"WebPageElement",' ..
      '"isAccessibleForFree":false,"cssSelector":".paywall"}}')))
    assert.is_true(pw("<meta property='article:content_tier' content='locked'>"))
    assert.is_true(pw(nil, "<div class='paywall'>Subscribe to read on</div>"))
    assert.is_nil(pw(ld('{"@type":"NewsArticle"}')))
  end)

  it("page_type", function()
    local function pt(head, body) return parse(page(head, body)).page_type end
    assert.are.equal("article", pt(ld('{"@type":"ReportageNews"}')))
    assert.are.equal("product", pt(ld('{"@type":"Product","name":"Kettle"}')))
    assert.are.equal("index", pt(ld('{"@type":"CollectionPage"}')))
    assert.are.equal("video", pt("<meta property='og:type' content='video.other'>"))
    assert.are.equal("article", pt("<meta property='og:type' content='article'>"))
  end)

  it("feeds: RSS, Atom and JSON Feed links, absolute and deduplicated", function()
    local a = parse(page("<link rel='alternate' type='application/rss+xml' href='/rss'>" ..
      "<link rel='alternate' type='application/atom+xml' title='Atom' href='atom.xml'>" ..
      "<link rel='alternate' type='application/feed+json' href='/feed.json'>" ..
      "<link rel='alternate' type='application/rss+xml' href='https://x.example/rss'>" ..
      "<link rel='alternate' hreflang='de' href='/de/'>"), { url = "https://x.example/a/b" })
    assert.are.same({
      { url = "https://x.example/rss", type = "rss" },
      { url = "https://x.example/a/atom.xml", type = "atom", title = "Atom" },
      { url = "https://x.example/feed.json", type = "json" },
    }, a.feeds)
  end)

  it("every field is present in the JSON output", function()
    local a = parse(H.read("tests/pages/meta-news-jsonld/source.html"),
      { url = "https://cityherald.example/news/council-bridge" })
    local j = article.json.decode(article.json.encode(a))
    for _, k in ipairs { "title", "authors", "published", "modified", "date_source",
      "description", "site_name", "language", "canonical_url", "image", "videos", "tags",
      "categories", "paywalled", "page_type", "feeds" } do
      assert.is_not_nil(j[k], k)
    end
  end)
end)

describe("JSON-LD parsing", function()
  local function title(block) return parse(page(ld(block))).title end

  it("reads @graph, arrays, several blocks and several values in one block", function()
    assert.are.equal("G", title('{"@graph":[{"@type":"WebPage","name":"W"},' ..
      '{"@type":"Article","headline":"G"}]}'))
    assert.are.equal("A", title('[{"@type":"Organization","name":"O"},' ..
      '{"@type":"BlogPosting","headline":"A"}]'))
    assert.are.equal("T", title('{"@type":"WebSite","name":"S"} {"@type":"NewsArticle",' ..
      '"headline":"T"}'))
    assert.are.equal("N", title('{"@type":"WebPage","mainEntity":{"@type":"NewsArticle",' ..
      '"headline":"N"}}'))
    assert.are.equal("P", title('{"@type":["NewsArticle","schema:Thing"],"headline":"P"}'))
  end)

  it("tolerates what json-c's lenient mode allows, and wrappers", function()
    assert.are.equal("Trailing", title('{"@type":"NewsArticle","headline":"Trailing",}'))
    assert.are.equal("Quotes", title("{'@type':'NewsArticle','headline':'Quotes'}"))
    assert.are.equal("Raw line", title('{"@type":"NewsArticle","headline":"Raw\nline"}'))
    assert.are.equal("Wrapped", title('<!-- {"@type":"NewsArticle","headline":"Wrapped"} -->'))
    assert.are.equal("CDATA",
      title('//<![CDATA[\n{"@type":"NewsArticle","headline":"CDATA"}\n//]]>'))
  end)

  it("survives garbage and deep nesting", function()
    assert.is_nil(title('{"@type":"NewsArticle","headline":'))
    assert.is_nil(title(("["):rep(5000)))
    local deep = ('{"a":'):rep(3000) .. '{"@type":"NewsArticle","headline":"deep"}' ..
      ("}"):rep(3000)
    parse(page(ld(deep)))   -- must not crash; too deep to count as the page's item
  end)

  it("reads blocks in the body and inside noscript, in document order", function()
    assert.are.equal("Hidden", parse(page(nil, "<noscript>" ..
      ld('{"@type":"NewsArticle","headline":"Hidden"}') .. "</noscript>" .. PARA)).title)
    assert.are.equal("First", parse(page(nil, "<div><noscript>" ..
      ld('{"@type":"NewsArticle","headline":"First"}') .. "</noscript></div>" ..
      ld('{"@type":"NewsArticle","headline":"Second"}') .. PARA)).title)
  end)

  it("keeps articleBody out of the article table", function()
    local a = parse(page(ld('{"@type":"NewsArticle","articleBody":"Body text"}')))
    assert.is_nil(a.articleBody)
    assert.is_nil(a.body_text)
  end)
end)

describe("microdata and RDFa", function()
  it("reads itemprop and property values", function()
    local a = parse(page(nil, "<div itemscope itemtype='http://schema.org/Article'>" ..
      "<h1 itemprop='headline'>Micro headline</h1>" ..
      "<time itemprop='datePublished' datetime='2021-05-01T10:00:00+02:00'>1 May</time>" ..
      "<span property='dc:creator'>Ann Lee</span>" .. PARA .. "</div>"))
    assert.are.equal("Micro headline", a.title)
    assert.are.equal("2021-05-01T10:00:00+02:00", a.published)
    assert.are.equal("time", a.date_source)
    assert.are.same({ "Ann Lee" }, a.authors)
  end)

  it("takes the properties of the item that holds the headline", function()
    local a = parse(page(nil, "<div itemscope itemtype='http://schema.org/Comment'>" ..
      "<span itemprop='author'>Bo Chen</span>" ..
      "<time itemprop='datePublished' datetime='2021-06-01'>1 June</time></div>" ..
      "<div itemscope itemtype='http://schema.org/Article'><h1>Storm</h1>" ..
      "<div><span itemprop='author'>Ann Lee</span></div>" ..
      "<time itemprop='datePublished' datetime='2021-05-01'>1 May</time>" .. PARA .. "</div>"))
    assert.are.same({ "Ann Lee" }, a.authors)
    assert.are.equal("2021-05-01", a.published)
  end)
end)

describe("cleaning", function()
  it("decodes double-escaped entities and strips tags", function()
    local a = parse(page(ld('{"@type":"NewsArticle","headline":"It&amp;#8217;s <b>bold</b>",' ..
      '"description":"<p>One</p><p>Two &amp;amp; three</p>"}')))
    assert.are.equal("It’s bold", a.title)
    assert.are.equal("One Two & three", a.description)
  end)

  it("repairs mojibake (UTF-8 read as windows-1252)", function()
    local a = parse(page("<meta name='author' content='FranÃ§ois MÃ¼ller'>" ..
      "<meta property='og:title' content='Itâ€™s over'>"))
    assert.are.same({ "François Müller" }, a.authors)
    assert.are.equal("It’s over", a.title)
    -- real Latin-1 looking text is left alone
    assert.are.equal("Ã la carte", parse(page("<title>Ã la carte</title>")).title)
  end)

  it("collapses white space", function()
    assert.are.equal("A B", parse(page("<title>\n  A \t\n B  </title>")).title)
  end)
end)
