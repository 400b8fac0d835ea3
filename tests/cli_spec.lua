-- bin/article, run as a user would: a separate process on this interpreter.
local article = require "article"
local H = require "helper"

-- Runs bin/article; returns stdout, exit status, stderr.  The status is
-- echoed by the shell because Lua 5.1's popen cannot report it.
local function run(args)
  local errfile = os.tmpname()
  local cmd = ("%s bin/article %s 2>%s; echo \"exit:$?\""):format(H.lua(), args, errfile)
  local p = assert(io.popen(cmd))
  local out = p:read("*a")
  p:close()
  local body, code = out:match("^(.-)exit:(%d+)%s*$")
  local err = H.read(errfile)
  os.remove(errfile)
  return body, tonumber(code), err
end

local PAGE = "examples/site/news/lighthouse-restored.html"

describe("bin/article", function()
  it("extract --json prints one JSON object with the article fields", function()
    local out, code = run("extract " .. PAGE .. " --url https://gazette.example/news/x.html --json")
    assert.are.equal(0, code)
    local obj = assert(article.json.decode(out))
    assert.are.equal("https://gazette.example/news/x.html", obj.url)
    assert.truthy(obj.title and obj.title:find("lighthouse", 1, true))
    assert.truthy(obj.text:find("Gull Point", 1, true))
    for _, k in ipairs({ "html", "authors", "word_count", "is_article" }) do
      assert.is_not_nil(obj[k], k)
    end
    assert.is_nil(out:find("\n.", 1))  -- exactly one line
  end)

  it("reads stdin and prints text", function()
    local out, code = run("extract - --format text < " .. PAGE)
    assert.are.equal(0, code)
    assert.truthy(out:find("Gull Point", 1, true))
  end)

  it("writes JSON Lines and progress for several inputs", function()
    local out, code, err = run("extract " .. PAGE .. " examples/site/index.html --json")
    assert.are.equal(0, code)
    local n = 0
    for line in out:gmatch("[^\n]+") do
      assert(article.json.decode(line))
      n = n + 1
    end
    assert.are.equal(2, n)
    assert.truthy(err:find("[2/2]", 1, true))
  end)

  it("fails with a message and status 1 for a missing file", function()
    local _, code, err = run("extract /nonexistent/page.html")
    assert.are.equal(1, code)
    assert.truthy(err:find("/nonexistent/page.html", 1, true))
  end)

  it("rejects misuse with status 2", function()
    local _, code, err = run("extract " .. PAGE .. " --frobnicate")
    assert.are.equal(2, code)
    assert.truthy(err:find("unknown option --frobnicate", 1, true))
    _, code = run("nonsense")
    assert.are.equal(2, code)
  end)
end)

describe("examples", function()
  it("digest.lua writes a Markdown digest of the example site offline", function()
    local p = assert(io.popen(H.lua() .. " examples/digest.lua examples/site 2>/dev/null"))
    local out = p:read("*a")
    p:close()
    assert.truthy(out:find("# Digest: 3 articles", 1, true))
    assert.truthy(out:find("### [Old lighthouse shines again", 1, true))
  end)

  it("custom_fields.lua adds fields of its own", function()
    local p = assert(io.popen(H.lua() .. " examples/custom_fields.lua"))
    local obj = assert(article.json.decode(p:read("*a")))
    p:close()
    assert.are.equal("Science", obj.section)
    assert.are.equal(3, obj.most_read)
  end)
end)
