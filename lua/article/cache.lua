--- On-disk HTTP cache for article.http: one entry per URL, two files each
-- (`<hash>.json` with the validators and response facts, `<hash>.body`).
-- Entries are written to a temporary name and renamed, so a reader never
-- sees half an entry; the URL is stored in the entry and checked on load,
-- so a hash collision is a miss, not a wrong page.
local core = require "article.core"

local M = {}

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local function write_atomic(path, data)
  local tmp = ("%s.tmp%d"):format(path, math.random(1, 1e9))
  local f, err = io.open(tmp, "wb")
  if not f then return nil, err end
  local ok, werr = f:write(data)
  f:close()
  if not ok then
    os.remove(tmp)
    return nil, werr
  end
  local rok, rerr = os.rename(tmp, path)
  if not rok then
    os.remove(tmp)
    return nil, rerr
  end
  return true
end

local function base(dir, url) return dir .. "/" .. core.http_hash(url) end

--- Makes sure dir exists; nil, message when it cannot be created.
function M.prepare(dir)
  local ok, err = core.http_mkdir(dir)
  if not ok then return nil, err or (dir .. ": not a directory") end
  return true
end

--- The entry for url: a table (url, final_url, status, etag, last_modified,
-- content_type, stored = Unix seconds), or nil.  The body is not read.
function M.load(dir, url)
  local s = read(base(dir, url) .. ".json")
  if not s then return nil end
  local e = core.json_decode(s)
  if type(e) ~= "table" or e.url ~= url or type(e.stored) ~= "number" then return nil end
  return e
end

--- Whether a body is stored for url.
function M.has_body(dir, url)
  local f = io.open(base(dir, url) .. ".body", "rb")
  if f then f:close() end
  return f ~= nil
end

--- The body stored for url, or nil.
function M.body(dir, url) return read(base(dir, url) .. ".body") end

--- Stores an entry and its body (body nil: keep the body already stored,
-- for a 304 that only refreshes the entry).  Failures are not fatal to a
-- fetch: returns nil, message.
function M.store(dir, url, entry, body)
  entry.url = url
  local b = base(dir, url)
  if body then
    local ok, err = write_atomic(b .. ".body", body)
    if not ok then return nil, err end
  end
  local ok, json = pcall(core.json_encode, entry)
  if not ok then return nil, json end
  return write_atomic(b .. ".json", json)
end

return M
