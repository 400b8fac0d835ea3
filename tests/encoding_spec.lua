-- Character encodings: every page decodes to the right UTF-8 text, whatever
-- mix of BOM, HTTP header and <meta> declares (or misdeclares) it.
local article = require "article"
local H = require "helper"

local DIR = "tests/pages/encoding/"

local function paragraph(file, opts)
  local doc = assert(article.document(H.read(DIR .. file), opts))
  local text = doc:text("//p")
  local enc, source = doc:encoding()
  doc:close()
  return text, enc, source
end

-- Well-formed UTF-8 (structure only: lead byte followed by its continuations).
local function valid_utf8(s)
  local i, n = 1, #s
  while i <= n do
    local c = s:byte(i)
    local len = c < 0x80 and 1 or c >= 0xF0 and c <= 0xF4 and 4 or c >= 0xE0 and 3
      or c >= 0xC2 and c < 0xE0 and 2 or nil
    if not len then return false end
    for j = i + 1, i + len - 1 do
      local d = s:byte(j)
      if not d or d < 0x80 or d > 0xBF then return false end
    end
    i = i + len
  end
  return true
end

local function expected(key) return H.read(DIR .. key .. ".txt") end

describe("encodings", function()
  local cases = {
    { "utf8-meta.html", "utf8", "UTF-8", "meta" },
    { "utf8-bom.html", "utf8", "UTF-8", "bom" },
    { "utf8-bare.html", "utf8", "UTF-8", "detected" },
    { "cp1252-meta.html", "cp1252", "WINDOWS-1252", "meta" },
    { "cp1252-bare.html", "cp1252", "WINDOWS-1252", "detected" },
    { "latin2-meta.html", "latin2", "ISO-8859-2", "meta" },
    { "koi8r-meta.html", "koi8r", "KOI8-R", "meta" },
    { "koi8r-httpequiv.html", "koi8r", "KOI8-R", "meta" },
    { "sjis-meta.html", "sjis", "CP932", "meta" },
    { "gb18030-meta.html", "gb18030", "GB18030", "meta" },
    { "utf16le-bom.html", "utf8", "UTF-16LE", "bom" },
    { "utf8-lying-meta.html", "utf8", "UTF-8", "detected" },
    { "cp1252-lying-meta.html", "cp1252", "WINDOWS-1252", "detected" },
  }
  for _, c in ipairs(cases) do
    it(("decodes %s as %s (%s)"):format(c[1], c[3], c[4]), function()
      local text, enc, source = paragraph(c[1])
      assert.are.equal(expected(c[2]), text)
      assert.are.equal(c[3], enc)
      assert.are.equal(c[4], source)
    end)
  end

  it("takes the charset of the HTTP Content-Type when the page declares none", function()
    local text, enc, source = paragraph("sjis-bare.html",
      { content_type = "text/html; charset=Shift_JIS" })
    assert.are.equal(expected("sjis"), text)
    assert.are.equal("CP932", enc)
    assert.are.equal("http", source)
  end)

  it("prefers the HTTP charset over <meta>", function()
    local _, enc, source = paragraph("latin2-meta.html",
      { content_type = 'text/html; charset="iso-8859-2"' })
    assert.are.equal("ISO-8859-2", enc)
    assert.are.equal("http", source)
  end)

  it("lets the caller force an encoding", function()
    local text, enc, source = paragraph("koi8r-meta.html", { encoding = "koi8-r" })
    assert.are.equal(expected("koi8r"), text)
    assert.are.equal("KOI8-R", enc)
    assert.are.equal("override", source)
  end)

  it("ignores unknown charset labels and falls back", function()
    local html = '<meta charset="x-no-such-charset"><p>plain ascii</p>'
    local doc = assert(article.document(html))
    assert.are.equal("plain ascii", doc:text("//p"))
    assert.are.equal("UTF-8", (doc:encoding()))
  end)

  it("finds stray bytes at every alignment of the word-at-a-time scan", function()
    for k = 0, 17 do
      for _, bad in ipairs({ "\1", "\31", "\127\0", "\200", "\255" }) do
        local html = "<p>" .. ("a"):rep(k) .. bad .. ("b"):rep(20) .. "</p>"
        local t = assert(article.document(html)):text("//p")
        assert.is_nil(t:find("[%z\1-\8\11\14-\31]"), ("k=%d"):format(k))
        assert.is_true(valid_utf8(t), ("k=%d"):format(k))
      end
    end
  end)

  it("hands Lua valid UTF-8 even for broken bytes", function()
    local html = "<p>ok \255\254 bad \192\128 overlong \237\160\128 surrogate \0 nul</p>" ..
      ("<p>more é text é</p>"):rep(20)
    local a = assert(article.parse(html))
    local doc = assert(article.document(html))
    for _, s in ipairs({ a.text, doc:text("//p"), doc:html() }) do
      -- every byte sequence is well-formed: reject lone continuation bytes etc.
      assert.is_nil(s:find("[\192\193\245-\255]"))
      assert.is_nil(s:find("%z"))
    end
    assert.truthy(doc:text("//p"):find("\239\191\189", 1, true))  -- U+FFFD
  end)
end)
