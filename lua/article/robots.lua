--- robots.txt (RFC 9309): parse once, then ask whether a path may be fetched.
--
--   local robots = require "article.robots"
--   local r = robots.parse(text)
--   r:allowed("lua-article", "/private/page?x=1")  --> false
--   r:crawl_delay("lua-article")                   --> 2 or nil
--
-- Groups: consecutive `User-agent` lines share the rules that follow them.
-- The groups whose user-agent names our product token (case-insensitive)
-- apply, merged; when none does, the `*` groups do; when there are none,
-- everything is allowed.  Rules match the start of the path (with its query)
-- and may use `*` (any run of characters) and a final `$` (end of path).
-- The longest matching pattern wins; on a tie, Allow wins.
local M = {}

local MAX_BYTES = 512 * 1024   -- RFC 9309 asks crawlers to read at least 500 KiB
local MAX_PATTERN = 1024       -- longer patterns are ignored, not trusted

local Robots = {}
Robots.__index = Robots

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

--- Parses robots.txt text (any size: only the first 512 KiB are read).
function M.parse(text)
  if type(text) ~= "string" then
    error(("bad argument #1 to 'robots.parse' (string expected, got %s)"):format(type(text)), 2)
  end
  if #text > MAX_BYTES then text = text:sub(1, MAX_BYTES) end
  text = text:gsub("^\239\187\191", "")  -- UTF-8 BOM
  local groups, cur, in_agents = {}, nil, false
  for line in (text .. "\n"):gmatch("([^\r\n]*)\r?\n?") do
    line = line:gsub("#.*", "")
    local key, value = line:match("^%s*([%a%-_]+)%s*:%s*(.-)%s*$")
    if key then
      key = key:lower()
      if key == "user-agent" then
        if not in_agents then
          cur = { agents = {}, rules = {} }
          groups[#groups + 1] = cur
          in_agents = true
        end
        cur.agents[#cur.agents + 1] = trim(value):lower()
      elseif cur and (key == "allow" or key == "disallow") then
        in_agents = false
        -- An empty Disallow allows everything: it adds no rule.
        if value ~= "" and #value <= MAX_PATTERN then
          cur.rules[#cur.rules + 1] = { allow = key == "allow", pattern = value }
        end
      elseif cur and key == "crawl-delay" then
        in_agents = false
        local d = tonumber(value)
        if d and d >= 0 and d < 1e6 then cur.crawl_delay = d end
      else
        in_agents = false  -- sitemap and unknown lines end an agent list too
      end
    end
  end
  return setmetatable({ groups = groups }, Robots)
end

--- A parsed file that allows everything (robots.txt missing: HTTP 4xx).
function M.allow_all() return setmetatable({ groups = {} }, Robots) end

--- A parsed file that disallows everything (robots.txt failing with 5xx).
function M.deny_all()
  return setmetatable({ groups = { { agents = { "*" }, rules = {
    { allow = false, pattern = "/" } } } } }, Robots)
end

-- The groups that apply to `agent` (a product token such as "lua-article").
local function select_groups(self, agent)
  agent = agent:lower()
  local mine, star = {}, {}
  for _, g in ipairs(self.groups) do
    for _, a in ipairs(g.agents) do
      if a == "*" then
        star[#star + 1] = g
        break
      elseif a ~= "" and agent:find(a, 1, true) then
        mine[#mine + 1] = g
        break
      end
    end
  end
  return #mine > 0 and mine or star
end

-- Whether pattern p (robots syntax) matches the start of path s.  A greedy
-- wildcard matcher with one backtrack point: linear in practice, never
-- exponential, whatever the number of `*` a hostile file uses.
local function match(p, s)
  local anchored = p:sub(-1) == "$"
  if anchored then p = p:sub(1, -2) end
  local pi, si, np, ns = 1, 1, #p, #s
  local star_p, star_s = nil, nil
  while true do
    if pi > np then
      if not anchored or si > ns then return true end
      -- anchored and text left: let the last star eat more
      if not star_p then return false end
      star_s = star_s + 1
      if star_s > ns + 1 then return false end
      pi, si = star_p + 1, star_s
    else
      local c = p:byte(pi)
      if c == 42 then         -- '*'
        star_p, star_s = pi, si
        pi = pi + 1
      elseif si <= ns and s:byte(si) == c then
        pi, si = pi + 1, si + 1
      elseif star_p and star_s <= ns then
        star_s = star_s + 1
        pi, si = star_p + 1, star_s
      else
        return false
      end
    end
  end
end
M._match = match

--- Whether `agent` may fetch `path` ("/dir/page?query").
function Robots:allowed(agent, path)
  if path == "" then path = "/" end
  if path == "/robots.txt" then return true end
  local best, best_len = true, -1
  for _, g in ipairs(select_groups(self, agent)) do
    for _, r in ipairs(g.rules) do
      local len = #r.pattern
      if (len > best_len or (len == best_len and r.allow)) and match(r.pattern, path) then
        best, best_len = r.allow, len
      end
    end
  end
  return best
end

--- The Crawl-delay (seconds) of the groups that apply to `agent`, or nil.
function Robots:crawl_delay(agent)
  local d
  for _, g in ipairs(select_groups(self, agent)) do
    if g.crawl_delay and (not d or g.crawl_delay > d) then d = g.crawl_delay end
  end
  return d
end

return M
