-- Bad input never crashes and never hangs: each gets a best-effort result.
local article = require "article"

local function check(html)
  local a = assert(article.parse(html))
  assert.are.equal("string", type(a.text))
  local doc = assert(article.document(html))
  doc:xpath("//p")
  assert(doc:article())
  doc:close()
  return a
end

describe("bad input", function()
  it("handles empty and whitespace-only input", function()
    check("")
    check("   \n\t ")
    assert.are.equal("", check("").text)
  end)

  it("handles truncated HTML", function()
    local a = check("<html><head><title>Cut</title></head><body><p>Some text that ends mid")
    assert.truthy(a.text:find("Some text that ends mid", 1, true))
    check("<html><body><p>x</p><div class=\"")
    check("<!-- never closed")
    check("<script>var a = '<p>")
  end)

  it("handles binary garbage", function()
    math.randomseed(42)
    for _ = 1, 20 do
      local t = {}
      for i = 1, 5000 do t[i] = string.char(math.random(0, 255)) end
      check(table.concat(t))
    end
    check(("\0"):rep(10000))
  end)

  it("keeps text nested far deeper than libxml2's default limit", function()
    local n = 100000
    local a = check(("<div>"):rep(n) .. "<p>deep text here</p>" .. ("</div>"):rep(n))
    assert.truthy(a.text:find("deep text here", 1, true))
    check(("<b>"):rep(n) .. "x")
    check(("<table><tr><td>"):rep(10000) .. "y")
  end)

  it("handles a large page", function()
    local big = ("<p>" .. ("word "):rep(200) .. "</p>"):rep(5000)
    local a = check(big)
    assert.truthy(#a.text > 4000000)
  end)

  it("handles entity and character-reference abuse", function()
    check(("&amp;"):rep(100000))
    check("<p>&#0; &#xD800; &#x110000; &#99999999999; &#x; &bogus;</p>")
  end)
end)
