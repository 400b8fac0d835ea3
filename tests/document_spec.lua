-- article.document: XPath queries over the parsed tree, and the handle's
-- life cycle (close, use after close, garbage collection).
local article = require "article"

local HTML = [[
<html lang="en"><head><title>Doc title</title>
<meta property="og:title" content="OG title"><meta name="price" content="12.50"></head>
<body><div id="main" class="story">
<h1>Head</h1><p class="lead">First <a href="/a">link</a>.</p><p>Second   para.</p>
<ul><li>one</li><li>two</li></ul></div></body></html>]]

describe("article.document", function()
  local doc
  before_each(function() doc = assert(article.document(HTML, { url = "http://e.com/x" })) end)
  after_each(function() doc:close() end)

  it("returns node lists for node-set queries", function()
    local ps = doc:xpath("//p")
    assert.are.equal(2, #ps)
    assert.are.equal("p", ps[1]:tag())
    assert.are.equal("First link.", ps[1]:text())
    assert.are.equal("lead", ps[1]:attr("class"))
    assert.are.same({ class = "lead" }, ps[1]:attrs())
  end)

  it("returns strings, numbers and booleans for scalar queries", function()
    assert.are.equal("Doc title", doc:xpath("string(//title)"))
    assert.are.equal(2, doc:xpath("count(//li)"))
    assert.is_true(doc:xpath("boolean(//ul)"))
    assert.are.same({ "/a" }, doc:xpath("//a/@href"))
  end)

  it("has shortcuts for text, texts, attributes and HTML", function()
    assert.are.equal("OG title", doc:attr("//meta[@property='og:title']", "content"))
    assert.are.equal("Second para.", doc:text("//p[2]"))
    assert.are.same({ "one", "two" }, doc:texts("//li"))
    assert.is_nil(doc:text("//table"))
    assert.is_nil(doc:attr("//table", "id"))
    assert.are.equal("<li>one</li>", doc:html("//li"))
    assert.truthy(doc:html():find("<h1>Head</h1>", 1, true))
    assert.are.equal("http://e.com/x", doc:url())
  end)

  it("queries relative to a node", function()
    local main = doc:xpath("//div[@id='main']")[1]
    assert.are.equal(2, #main:xpath("./p"))
    assert.are.equal(2, #doc:xpath("./p", main))
    assert.are.equal("div", main:children()[1]:parent():tag())
    assert.are.equal(main, doc:xpath("//div")[1])
    assert.are.equal("html", doc:root():tag())
  end)

  it("extracts an article from the same tree without changing it", function()
    local before = doc:html()
    local a = assert(doc:article())
    assert.are.equal("http://e.com/x", a.url)
    assert.truthy(a.text:find("Second para.", 1, true))
    assert.are.equal(before, doc:html())
  end)

  it("raises a clear error for invalid XPath", function()
    assert.has_error(function() doc:xpath("//p[") end)
    local ok, err = pcall(doc.xpath, doc, "//p[")
    assert.is_false(ok)
    assert.truthy(err:find("invalid XPath expression '//p['", 1, true))
  end)

  it("is safe after close: methods raise, close is idempotent", function()
    local p = doc:xpath("//p")[1]
    doc:close()
    doc:close()
    assert.is_true(doc:closed())
    assert.are.equal("article.document (closed)", tostring(doc))
    assert.has_error(function() doc:xpath("//p") end, "attempt to use a closed document")
    assert.has_error(function() p:text() end, "attempt to use a node of a closed document")
    assert.are.equal("article.node (closed document)", tostring(p))
  end)

  it("keeps the tree alive while nodes reference it", function()
    local node = article.document(HTML):xpath("//li")[2]
    collectgarbage()
    collectgarbage()
    assert.are.equal("two", node:text())
  end)

  it("frees documents left to the garbage collector", function()
    for _ = 1, 200 do article.document(HTML):xpath("//p") end
    collectgarbage()
    collectgarbage()
  end)

  it("checks its arguments", function()
    assert.has_error(function() article.document(42) end)
    assert.has_error(function() article.document("x", { include_tables = true }) end,
      "article.document: unknown option 'include_tables'")
    assert.has_error(function() doc:xpath() end)
    assert.has_error(function() doc.xpath({}, "//p") end)
  end)
end)

if _VERSION == "Lua 5.4" then
  describe("article.document on Lua 5.4", function()
    it("closes with <close>", function()
      local code = [[
        local article = ...
        local d
        do
          local doc <close> = assert(article.document("<p>x</p>"))
          d = doc
        end
        return d:closed()
      ]]
      local chunk = assert(load(code))
      assert.is_true(chunk(article))
    end)
  end)
end
