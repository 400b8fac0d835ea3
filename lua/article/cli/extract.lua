--- `article extract`: the article of HTML files, stdin or URLs.
local article = require "article"
local util = require "article.cli.util"

local M = {}

M.USAGE = [[
extract options:
  --url URL             the page's URL (resolves links, dates in the URL); files only
  --json                print the whole article as one JSON object (JSON Lines for
                        several inputs)
  --format FMT          text (default), markdown, html or json
  --pretty              indent JSON
  --include-comments    keep the comment section
  --no-tables           drop tables
  --no-images           drop images from html/markdown
  --no-links            drop links from html/markdown
  --favor MODE          precision, recall or balanced (default)
  --encoding NAME       decode the input as NAME, whatever it declares
  --timeout SECONDS     total time limit for URLs (default 30)

exit status: 0 on success, 1 when an input failed, 2 on misuse.
]]

local die, read_file, is_url = util.die, util.read_file, util.is_url

-- Parses argv into options and positional arguments.  Returns opts, inputs
-- or nil, message.
local function parse_args(argv, first)
  local o = { format = "text", parse = {} }
  local inputs = {}
  local i = first
  local function value(name)
    i = i + 1
    local v = argv[i]
    if v == nil then error(("option %s needs a value"):format(name), 0) end
    return v
  end
  while i <= #argv do
    local a = argv[i]
    if a == "--json" then o.format = "json"
    elseif a == "--format" then o.format = value(a)
    elseif a == "--pretty" then o.pretty = true
    elseif a == "--url" then o.parse.url = value(a)
    elseif a == "--encoding" then o.parse.encoding = value(a)
    elseif a == "--include-comments" then o.parse.include_comments = true
    elseif a == "--no-tables" then o.parse.include_tables = false
    elseif a == "--no-images" then o.parse.include_images = false
    elseif a == "--no-links" then o.parse.include_links = false
    elseif a == "--favor" then o.parse.favor = value(a)
    elseif a == "--timeout" then
      o.timeout = tonumber(value(a)) or error("--timeout needs a number of seconds", 0)
    elseif a == "-" or a:sub(1, 1) ~= "-" then inputs[#inputs + 1] = a
    else error(("unknown option %s (see `article help`)"):format(a), 0)
    end
    i = i + 1
  end
  local formats = { text = true, markdown = true, html = true, json = true }
  if not formats[o.format] then
    error(("unknown format '%s': use text, markdown, html or json"):format(o.format), 0)
  end
  if o.parse.favor and not ({ precision = 1, recall = 1, balanced = 1 })[o.parse.favor] then
    error("--favor takes precision, recall or balanced", 0)
  end
  return o, inputs
end

local function render(art, o)
  if o.format == "json" then return article.json.encode(art, o.pretty) end
  if o.format == "markdown" then return art.markdown end
  if o.format == "html" then return art.html end
  local head = art.title and (art.title .. "\n\n") or ""
  return head .. (art.text or "")
end

local function extract_one(input, o)
  if is_url(input) then
    local fo = {}
    for k, v in pairs(o.parse) do fo[k] = v end
    fo.url = nil
    fo.timeout = o.timeout
    return article.fetch(input, fo)
  end
  local html, err = read_file(input)
  if not html then return nil, err, "io" end
  return article.parse(html, o.parse)
end

local function cmd_extract(argv)
  local ok, o, inputs = pcall(parse_args, argv, 2)
  if not ok then return die(o) end
  if #inputs == 0 then return die("extract needs a FILE, - or a URL (see `article help`)") end
  local status = 0
  local many = #inputs > 1
  for n, input in ipairs(inputs) do
    if many then io.stderr:write(("[%d/%d] %s\n"):format(n, #inputs, input)) end
    local art, err, kind = extract_one(input, o)
    if art then
      local out = render(art, o)
      io.stdout:write(out, out:sub(-1) == "\n" and "" or "\n")
    else
      io.stderr:write(("article: %s: %s%s\n"):format(input, tostring(err),
        kind and (" (" .. kind .. ")") or ""))
      status = 1
    end
  end
  return status
end

M.run = cmd_extract

return M
