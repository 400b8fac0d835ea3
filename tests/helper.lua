--- Shared test helpers: paths, fixtures, corpus discovery.
local H = {}

H.root = "."

function H.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

function H.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

--- The shared corpora, or nil (tests then skip with a message).
function H.corpora()
  local dir = os.getenv("ARTICLE_CORPORA") or "../shared/corpora"
  if H.exists(dir .. "/trafilatura/evaldata.json") then return dir end
  return nil
end

--- The interpreter running the suite, for tests that spawn bin/article.
function H.lua()
  local i = -1
  while arg and arg[i - 1] do i = i - 1 end
  return arg and arg[i] or "lua"
end

return H
