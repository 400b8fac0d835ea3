-- The rockspec's builtin build lists files by hand: keep it in step with
-- the tree, so `luarocks make` never builds a module with a file missing.
local H = require "helper"

local function ls(pattern)
  local out, p = {}, io.popen("ls " .. pattern .. " 2>/dev/null")
  for l in p:lines() do out[#out + 1] = l end
  p:close()
  return out
end

describe("lua-article-scm-1.rockspec", function()
  local spec = H.read("lua-article-scm-1.rockspec")

  it("lists every C and C++ source file under src/", function()
    local files = ls("$(find src -name '*.c' -o -name '*.cc')")
    assert.is_true(#files > 0)
    for _, f in ipairs(files) do
      assert.truthy(spec:find('"' .. f .. '"', 1, true), f .. " is missing from the rockspec")
    end
    for f in spec:gmatch('"(src/[^"]+)"') do
      assert.is_true(H.exists(f), f .. " is listed but does not exist")
    end
  end)

  it("lists every Lua module under lua/article/", function()
    for _, f in ipairs(ls("$(find lua/article -name '*.lua')")) do
      assert.truthy(spec:find('"' .. f .. '"', 1, true), f .. " is missing from the rockspec")
    end
  end)
end)
