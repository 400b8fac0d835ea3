-- Runs the spec suite with busted on whatever Lua runs this file:
--   lua5.4 tests/run.lua [busted options] [spec files]
-- `make test` calls it with ARTICLE_BUILD pointing at the built C core.
local rt = jit and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
local build = os.getenv("ARTICLE_BUILD") or ("build/" .. rt)
package.path = "./lua/?.lua;./lua/?/init.lua;./tests/?.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath

local has_files = false
for i = 1, #arg do
  if arg[i]:match("%.lua$") or arg[i]:match("^tests/?$") then has_files = true end
end
if not has_files then arg[#arg + 1] = "tests" end -- luacheck: ignore 122
table.insert(arg, 1, "--pattern=_spec") -- luacheck: ignore 122

io.stderr:write(("lua-article tests on %s (%s), core from %s\n")
  :format(rt, jit and jit.version or _VERSION, build))
require("busted.runner")({ standalone = false })
