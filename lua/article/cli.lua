--- The `article` command line tool.  `article help` lists the commands.
local article = require "article"

local M = {}

local USAGE = [[
usage: article <command> [options]

commands:
  extract FILE|URL...   extract the article from HTML files (or - for stdin) or URLs
  version               print the version
  help                  this text

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

local function die(msg)
  io.stderr:write("article: ", msg, "\n")
  return 2
end

local function read_file(path)
  local f, err
  if path == "-" then f = io.stdin else f, err = io.open(path, "rb") end
  if not f then return nil, err end
  local data = f:read("*a")
  if f ~= io.stdin then f:close() end
  return data
end

local function is_url(s) return s:match("^[hH][tT][tT][pP][sS]?://") ~= nil end

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

function M.main(argv)
  argv = argv or {}
  local cmd = argv[1]
  if cmd == "extract" or cmd == "fetch" then return cmd_extract(argv)
  elseif cmd == "version" or cmd == "--version" then
    print("lua-article " .. article.version)
    return 0
  elseif cmd == nil or cmd == "help" or cmd == "--help" or cmd == "-h" then
    io.stdout:write(USAGE)
    return cmd == nil and 2 or 0
  end
  return die(("unknown command '%s' (see `article help`)"):format(tostring(cmd)))
end

return M
