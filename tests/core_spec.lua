local article = require "article"

describe("article.parse", function()
  it("returns an article table with url, title and text", function()
    local a = assert(article.parse("<html><head><title>T</title></head>" ..
      "<body><p>Hello world.</p></body></html>", { url = "http://example.com/x" }))
    assert.are.equal("http://example.com/x", a.url)
    assert.are.equal("T", a.title)
    assert.truthy(a.text:find("Hello world.", 1, true))
  end)

  it("raises on misuse, naming the argument", function()
    assert.has_error(function() article.parse(nil) end,
      "bad argument #1 to 'article.parse' (string expected, got nil)")
    assert.has_error(function() article.parse("x", 5) end,
      "bad argument #2 to 'article.parse' (table expected, got number)")
    assert.has_error(function() article.parse("x", { urll = "x" }) end,
      "article.parse: unknown option 'urll'")
    assert.has_error(function() article.parse("x", { include_tables = "yes" }) end,
      "article.parse: option 'include_tables' must be a boolean (got string)")
  end)
end)
