--- lua-article: fetch web articles, extract their main text and metadata.
--
--   local article = require "article"
--   local a = article.parse(html, { url = "https://example.com/story" })
--   print(a.title, a.published, #a.authors)
--   print(a.text)
--
-- The C core (`article.core`) does the per-byte work: parsing, extraction,
-- metadata, JSON, HTTP.  This module is the public API and its documentation;
-- see README.md for every field and option.
local core = require "article.core"

local M = {}

M.version = core.version
M._core = core

local parse_options = {}
for _, name in ipairs(core.options()) do parse_options[name] = true end
parse_options.fields = true  -- handled here, not by the core
M.parse_options = parse_options

local function copy_without(t, key)
  local c = {}
  for k, v in pairs(t) do
    if k ~= key then c[k] = v end
  end
  return c
end

--- Runs user field extractors: fields = { name = function(doc, art) ... end }.
local function run_fields(doc, art, fields)
  for name, fn in pairs(fields) do
    if type(fn) ~= "function" then
      error(("article.parse: fields.%s must be a function (got %s)"):format(
        tostring(name), type(fn)), 3)
    end
    local ok, value = pcall(fn, doc, art)
    if not ok then
      error(("article.parse: field extractor '%s' failed: %s"):format(tostring(name),
        tostring(value)), 3)
    end
    art[name] = value
  end
end

--- Parses HTML you already have into an article table.
-- @param html  string, the page bytes (any encoding; see README "Encodings")
-- @param opts  table or nil: url, content_type, encoding, include_comments,
--              include_tables, include_images, include_links, favor,
--              date_floor, detect_language, fields
-- @return article table, or nil, message, kind
function M.parse(html, opts)
  if type(html) ~= "string" then
    error(("bad argument #1 to 'article.parse' (string expected, got %s)"):format(
      type(html)), 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error(("bad argument #2 to 'article.parse' (table expected, got %s)"):format(
      type(opts)), 2)
  end
  if not (opts and opts.fields) then return core.parse(html, opts) end
  if type(opts.fields) ~= "table" then
    error("article.parse: option 'fields' must be a table of functions", 2)
  end
  local rest = copy_without(opts, "fields")
  local docopts = { url = rest.url, content_type = rest.content_type, encoding = rest.encoding }
  local doc, err, kind = core.document(html, docopts)
  if not doc then return nil, err, kind end
  rest.url, rest.content_type, rest.encoding = nil, nil, nil
  local art, aerr, akind = doc:article(rest)
  if art then run_fields(doc, art, opts.fields) end
  doc:close()
  if not art then return nil, aerr, akind end
  return art
end

--- Parses HTML into a document handle for XPath queries (see README).
-- @return document, or nil, message, kind
function M.document(html, opts)
  return core.document(html, opts)
end

--- Finds the first plausible date in a string, as the metadata does.
-- @param s     string ("Published 24. Juli 2015, 10:30 Uhr", "2015-07-24T05:36:09Z", ...)
-- @param opts  table or nil: date_floor, now, language ("en-US" reads
--              03/04/2015 month first), two_digit_year
-- @return ISO 8601 string, or nil
function M.parse_date(s, opts) return core.parse_date(s, opts) end

--- JSON helpers (json-c underneath).
M.json = {
  encode = core.json_encode,   -- encode(value [, pretty]) -> string
  decode = core.json_decode,   -- decode(string) -> value | nil, message
  null = core.json_null,       -- stands for null inside decoded arrays
  --- Marks t (or a new table) as a JSON array, so it encodes as [] even empty.
  array = function(t) return setmetatable(t or {}, core.array_mt) end,
}

-- HTTP lives in article.http; loaded on first use.
local function http() return require "article.http" end

--- Downloads url and parses it: article with a `response` table, or
-- nil, message, kind (see README "Error kinds").
function M.fetch(url, opts) return http().fetch(url, opts) end

--- Fetches many URLs concurrently; see README "Fetching at scale".
function M.fetch_many(urls, opts, callback) return http().fetch_many(urls, opts, callback) end

--- A fetcher object driven by the host's own loop; see README.
function M.fetcher(opts) return http().fetcher(opts) end

--- article.http (get, clear_robots, user_agent, ...), loaded on first use.
M.http = setmetatable({}, { __index = function(_, k) return http()[k] end })

return M
