-- Extraction quality gate: runs article.parse in-process over the shared
-- corpora and fails when a score drops below the floors pinned in
-- tests/eval_floors.lua.  The metrics follow ../shared/tools/score-extraction:
--   trafilatura  snippets that must / must not appear in `text`
--                (precision, recall and F1 over all snippets);
--   readability  4-token shingles of `text` against the text of expected.html
--                (precision and recall averaged over pages, then F1).
-- Differences from the Python scorer: Lua has no NFKC normalisation or
-- Unicode case folding, so only the common cases are mapped (no-break and
-- other Unicode spaces, ASCII case); the numbers agree to about 0.002.
-- Skipped (pending, with the reason printed) when ../shared/corpora is absent.
-- Under valgrind (ARTICLE_VALGRIND=1, set by `make valgrind`) a full run
-- would take hours: only every SUBSAMPLE-th page (in sorted order, so the
-- same pages each time) is parsed, for memory safety, and the floors are
-- not checked.
local article = require "article"
local H = require "helper"
local floors = require "eval_floors"

local E = {}

-- Unicode spaces that NFKC and Python's \s turn into a plain space.
local SPACES = { "\194\160", "\226\128\130", "\226\128\131", "\226\128\132", "\226\128\133",
  "\226\128\134", "\226\128\135", "\226\128\136", "\226\128\137", "\226\128\138",
  "\226\128\175", "\226\129\159", "\227\128\128" }

function E.norm(s)
  s = s or ""
  for _, sp in ipairs(SPACES) do s = s:gsub(sp, " ") end
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- Word characters as Python's \w sees them, approximately: ASCII letters,
-- digits and "_", and any non-ASCII code point outside the punctuation and
-- symbol blocks.
local function is_word_cp(cp)
  if cp < 128 then
    return (cp >= 48 and cp <= 57) or (cp >= 65 and cp <= 90) or (cp >= 97 and cp <= 122)
      or cp == 95
  end
  if cp <= 0xBF then return cp == 0xAA or cp == 0xB2 or cp == 0xB3 or cp == 0xB5 or
    cp == 0xB9 or cp == 0xBA or (cp >= 0xBC and cp <= 0xBE) end
  if cp == 0xD7 or cp == 0xF7 then return false end
  if cp >= 0x2000 and cp <= 0x2BFF then return false end   -- punctuation, arrows, symbols
  if cp >= 0x3000 and cp <= 0x303F then return false end   -- CJK punctuation
  if cp >= 0xFF00 and cp <= 0xFF0F then return false end
  if cp >= 0xFF1A and cp <= 0xFF20 then return false end
  if cp >= 0xFE30 and cp <= 0xFE4F then return false end
  if cp >= 0x1F000 then return false end                     -- emoji
  return true
end

function E.tokens(text)
  local toks, cur = {}, {}
  local s = E.norm(text):lower()
  local i, n = 1, #s
  while i <= n do
    local c = s:byte(i)
    local len, cp = 1, c
    if c >= 0xF0 then len = 4; cp = ((c % 8) * 262144) + ((s:byte(i + 1) or 128) % 64) * 4096
      + ((s:byte(i + 2) or 128) % 64) * 64 + ((s:byte(i + 3) or 128) % 64)
    elseif c >= 0xE0 then len = 3; cp = ((c % 16) * 4096) + ((s:byte(i + 1) or 128) % 64) * 64
      + ((s:byte(i + 2) or 128) % 64)
    elseif c >= 0xC0 then len = 2; cp = ((c % 32) * 64) + ((s:byte(i + 1) or 128) % 64)
    end
    if is_word_cp(cp) then
      cur[#cur + 1] = s:sub(i, i + len - 1)
    elseif #cur > 0 then
      toks[#toks + 1] = table.concat(cur); cur = {}
    end
    i = i + len
  end
  if #cur > 0 then toks[#toks + 1] = table.concat(cur) end
  return toks
end

function E.shingles(text, n)
  n = n or 4
  local toks, out, total = E.tokens(text), {}, 0
  if #toks < n then
    if #toks == 0 then return out, 0 end
    out[table.concat(toks, " ")] = 1
    return out, 1
  end
  for i = 1, #toks - n + 1 do
    local k = table.concat(toks, " ", i, i + n - 1)
    out[k] = (out[k] or 0) + 1
    total = total + 1
  end
  return out, total
end

function E.shingle_pr(truth, pred)
  local t, nt = E.shingles(truth)
  local p, np = E.shingles(pred)
  local tp = 0
  for k, c in pairs(t) do tp = tp + math.min(c, p[k] or 0) end
  local prec = np > 0 and tp / np or (nt == 0 and 1 or 0)
  local rec = nt > 0 and tp / nt or (np == 0 and 1 or 0)
  return prec, rec
end

function E.f1(p, r) return (p + r > 0) and 2 * p * r / (p + r) or 0 end

-- Text of an HTML fragment as the scorer's TextOf sees it: block tags give
-- line breaks, script/style/noscript are skipped, entities decoded.
local BLOCK = {}
for t in ([[p div br li h1 h2 h3 h4 h5 h6 tr pre blockquote section article figcaption
  td th dt dd ul ol table]]):gmatch("%S+") do BLOCK[t] = true end
local ENT = { amp = "&", lt = "<", gt = ">", quot = '"', apos = "'", nbsp = "\194\160",
  rsquo = "\226\128\153", lsquo = "\226\128\152", rdquo = "\226\128\157",
  ldquo = "\226\128\156", mdash = "\226\128\148", ndash = "\226\128\147",
  hellip = "\226\128\166", copy = "\194\169" }

local function utf8char(cp)
  if utf8 then return utf8.char(cp) end
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64) end
  if cp < 0x10000 then
    return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64,
      0x80 + cp % 64)
  end
  return string.char(0xF0 + math.floor(cp / 262144), 0x80 + math.floor(cp / 4096) % 64,
    0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
end

local function decode_entities(s)
  return (s:gsub("&(#?)([%w]+);", function(hash, name)
    if hash == "#" then
      local cp = name:match("^[xX](%x+)$") and tonumber(name:sub(2), 16) or tonumber(name)
      if cp and cp > 0 and cp < 0x110000 then return utf8char(cp) end
      return nil
    end
    return ENT[name]
  end))
end

function E.html_text(html)
  local parts, skip, pos = {}, 0, 1
  while true do
    local s, e, close, tag = html:find("<(/?)([%a][%w]*)[^>]*>", pos)
    local data = html:sub(pos, (s or #html + 1) - 1)
    if skip == 0 then parts[#parts + 1] = decode_entities(data) end
    if not s then break end
    tag = tag:lower()
    if tag == "script" or tag == "style" or tag == "noscript" then
      if close == "" then skip = skip + 1 elseif skip > 0 then skip = skip - 1 end
    end
    if BLOCK[tag] then parts[#parts + 1] = "\n" end
    pos = e + 1
  end
  return table.concat(parts)
end

local function read(path) return H.read(path) end

E.SUBSAMPLE = 20

-- `step` (default 1): score every step-th page only.
function E.score_trafilatura(dir, step)
  step = step or 1
  local data = article.json.decode(read(dir .. "/trafilatura/evaldata.json"))
  local tp, fn, fp, tn = 0, 0, 0, 0
  local urls, all = {}, {}
  for url in pairs(data) do all[#all + 1] = url end
  table.sort(all)
  for i = 1, #all, step do urls[#urls + 1] = all[i] end
  for _, url in ipairs(urls) do
    local item = data[url]
    local html = read(dir .. "/trafilatura/html/" .. item.file)
    local a = article.parse(html, { url = url:match("^https?://") and url or nil })
    local text = E.norm(a and a.text or "")
    for _, s in ipairs(item.with) do
      if text:find(E.norm(s), 1, true) then tp = tp + 1 else fn = fn + 1 end
    end
    for _, s in ipairs(item.without) do
      if text:find(E.norm(s), 1, true) then fp = fp + 1 else tn = tn + 1 end
    end
  end
  local p = tp + fp > 0 and tp / (tp + fp) or 0
  local r = tp + fn > 0 and tp / (tp + fn) or 0
  return { precision = p, recall = r, f1 = E.f1(p, r), pages = #urls }
end

function E.score_readability(dir, step)
  step = step or 1
  local pages = dir .. "/readability/pages"
  local list, all = {}, {}
  local p = io.popen('ls "' .. pages .. '"')
  for d in p:lines() do all[#all + 1] = d end
  p:close()
  table.sort(all)
  for i = 1, #all, step do list[#list + 1] = all[i] end
  local ps, rs = 0, 0
  for _, d in ipairs(list) do
    local html = read(pages .. "/" .. d .. "/source.html")
    local a = article.parse(html, { url = "http://fakehost/test/page.html" })
    local expected = E.html_text(read(pages .. "/" .. d .. "/expected.html"))
    local pr, rc = E.shingle_pr(expected, a and a.text or "")
    ps, rs = ps + pr, rs + rc
  end
  local n = #list
  return { precision = ps / n, recall = rs / n, f1 = E.f1(ps / n, rs / n), pages = n }
end

local corpora = H.corpora()

describe("extraction quality (shared corpora)", function()
  if not corpora or not H.exists(corpora .. "/readability/pages") then
    local why = "../shared/corpora is absent: extraction quality gate skipped"
    io.stderr:write(why, "\n")
    pending(why)
    return
  end

  local valgrind = os.getenv("ARTICLE_VALGRIND") == "1"
  local step = valgrind and E.SUBSAMPLE or 1
  if valgrind then
    io.stderr:write(("eval: ARTICLE_VALGRIND=1, parsing every %dth page for memory safety " ..
      "only; the floors are not checked\n"):format(E.SUBSAMPLE))
  end

  local function check(name, got, floor)
    io.stderr:write(("eval %s: precision %.4f recall %.4f f1 %.4f (%d pages)\n"):format(
      name, got.precision, got.recall, got.f1, got.pages))
    if valgrind then return end
    for _, k in ipairs({ "precision", "recall", "f1" }) do
      if floor[k] then
        assert(got[k] >= floor[k], ("%s %s %.4f fell below the floor %.4f"):format(
          name, k, got[k], floor[k]))
      end
    end
  end

  it(valgrind and "trafilatura pages (subsample) parse without memory errors" or
    "trafilatura snippets stay above the pinned floors", function()
    check("trafilatura", E.score_trafilatura(corpora, step), floors.trafilatura)
  end)

  it(valgrind and "readability pages (subsample) parse without memory errors" or
    "readability shingles stay above the pinned floors", function()
    check("readability", E.score_readability(corpora, step), floors.readability)
  end)
end)

return E
