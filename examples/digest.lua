-- A Markdown digest of a site: read its index page, follow the article
-- links, extract each article and print title, byline, date and summary,
-- grouped by section.  Runs offline over the bundled example site:
--
--   make && lua5.4 examples/digest.lua examples/site
--
-- (`make demo` does exactly that.)

-- Find the checkout's modules when run from the top of a checkout after `make`.
local rt = jit and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = (os.getenv("ARTICLE_BUILD") or ("build/" .. rt)) .. "/?.so;" .. package.cpath

local article = require "article"

local root = arg[1] or "examples/site"
local base = arg[2] or "https://gazette.example/"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

-- The first `n` sentences of a text, as a summary.
local function lead(text, n)
  local out, count = {}, 0
  for sentence in text:gmatch("[^%.!?]+[%.!?]+[\"”]?") do
    out[#out + 1] = sentence:gsub("^%s+", "")
    count = count + 1
    if count == n then break end
  end
  return table.concat(out, " ")
end

-- 1. the index page: which articles are there?
local index = assert(article.document(read(root .. "/index.html"), { url = base }))
local links = index:xpath("//ul[@class='stories']//a/@href")
index:close()

-- 2. extract each one, grouping by section (the first path segment)
local sections, order = {}, {}
for i, href in ipairs(links) do
  io.stderr:write(("[%d/%d] %s\n"):format(i, #links, href))
  local a, err = article.parse(read(root .. "/" .. href), { url = base .. href })
  if not a then
    io.stderr:write("  skipped: ", err, "\n")
  else
    local section = href:match("^([^/]+)/") or "other"
    if not sections[section] then
      sections[section] = {}
      order[#order + 1] = section
    end
    table.insert(sections[section], a)
  end
end

-- 3. render
print("# Digest: " .. #links .. " articles\n")
for _, section in ipairs(order) do
  print("## " .. section:sub(1, 1):upper() .. section:sub(2) .. "\n")
  for _, a in ipairs(sections[section]) do
    print(("### [%s](%s)\n"):format(a.title or "(untitled)", a.canonical_url or a.url))
    local by = #a.authors > 0 and ("by " .. table.concat(a.authors, ", ")) or nil
    local meta = {}
    if by then meta[#meta + 1] = by end
    if a.published then meta[#meta + 1] = a.published:sub(1, 10) end
    meta[#meta + 1] = a.word_count .. " words"
    print("*" .. table.concat(meta, " · ") .. "*\n")
    print((a.description or lead(a.text, 2)) .. "\n")
  end
end
