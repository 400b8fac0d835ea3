-- article.json: json-c underneath, arrays marked so they survive round trips.
local article = require "article"
local json = article.json

describe("article.json", function()
  it("encodes objects with sorted keys and arrays", function()
    assert.are.equal('{"a":1,"b":[1,2,"x"],"c":true}',
      json.encode({ c = true, b = { 1, 2, "x" }, a = 1 }))
  end)

  it("encodes empty tables as objects unless marked as arrays", function()
    assert.are.equal("{}", json.encode({}))
    assert.are.equal("[]", json.encode(json.array()))
    local a = assert(article.parse("<p>x</p>"))
    assert.truthy(json.encode(a):find('"authors":[]', 1, true))
  end)

  it("escapes strings and repairs invalid UTF-8", function()
    assert.are.equal('["a\\"b\\n","é","\239\191\189"]', json.encode({ 'a"b\n', "é", "\255" }))
  end)

  it("encodes numbers: integers stay integers, NaN becomes null", function()
    assert.are.equal("[1,2.5,-3,null]", json.encode({ 1, 2.5, -3, 0 / 0 }))
  end)

  it("raises on values JSON cannot hold", function()
    assert.has_error(function() json.encode({ f = print }) end,
      "json_encode: cannot encode a value of type function")
    local t = {}
    t.self = t
    assert.has_error(function() json.encode(t) end)
  end)

  it("decodes, marking arrays and dropping nulls from objects", function()
    local v = assert(json.decode('{"a":[1,null,"x"],"b":null,"c":{"d":false}}'))
    assert.are.equal(1, v.a[1])
    assert.are.equal(json.null, v.a[2])
    assert.is_nil(v.b)
    assert.is_false(v.c.d)
    assert.are.equal('[]', json.encode(json.decode("[]")))
  end)

  it("returns nil and a message for malformed JSON", function()
    local v, err = json.decode('{"a": ')
    assert.is_nil(v)
    assert.truthy(err:find("invalid JSON", 1, true))
    v, err = json.decode('[1] trailing')
    assert.is_nil(v)
    assert.truthy(err:find("trailing", 1, true))
    assert.are.equal(42, json.decode("42"))
  end)

  it("survives deep nesting", function()
    local v, err = json.decode(("["):rep(100000))
    assert.is_nil(v)
    assert.truthy(err)
  end)
end)
