-- Main-content extraction (src/core/extract/) on small pages
-- written for the purpose: golden pages in tests/pages/extract-*/ and inline
-- snippets for one behaviour each.
local article = require "article"
local H = require "helper"

local URL = "https://news.example.org/stories/seals"

-- Prose long enough to be scored as article text.
local P = {
  "After an absence of nearly thirty years, harbour seals have been seen again in the " ..
    "estuary, volunteers counting wildlife along the mudflats reported on Sunday morning.",
  "The group, which has kept records since 1987, counted fourteen adults and three pups " ..
    "resting on a sandbank near the old ferry landing, a spot busy with boats for decades.",
  "Biologists at the university say the return follows two decades of work on the water " ..
    "quality of the river, whose fish stocks have recovered since the plant was rebuilt.",
  "Visitors are asked not to approach the animals, which are easily disturbed during the " ..
    "pupping season, and to report their sightings to the wildlife trust by telephone.",
}

local function paras(from, to)
  local t = {}
  for i = from or 1, to or #P do t[#t + 1] = "<p>" .. P[i] .. "</p>" end
  return table.concat(t, "\n")
end

local function page(body, head)
  return "<!DOCTYPE html><html><head><title>Seals</title>" .. (head or "") ..
    "</head><body>" .. body .. "</body></html>"
end

local function parse(html, opts)
  opts = opts or {}
  opts.url = opts.url or URL
  return assert(article.parse(html, opts))
end

local function has(s, needle) return s:find(needle, 1, true) ~= nil end

describe("extraction", function()
  it("matches the golden boilerplate page", function()
    local dir = "tests/pages/extract-boilerplate/"
    local a = parse(H.read(dir .. "source.html"))
    local want = H.read(dir .. "expected.txt"):gsub("\n$", "")
    assert.are.equal(want, a.text)
    assert.is_true(a.is_article)
  end)

  it("drops navigation, share bars, newsletters, cookie banners, related lists, comments",
    function()
    local a = parse(H.read("tests/pages/extract-boilerplate/source.html"))
    for _, junk in ipairs({ "We use cookies", "Sport", "Share on Twitter", "morning briefing",
      "Most read", "Otters spotted", "Wonderful news", "All rights reserved", "Home" }) do
      assert.is_false(has(a.text, junk), junk)
      assert.is_false(has(a.html, junk), junk)
    end
  end)

  it("keeps headings, lists, quotes and captions in reading order", function()
    local a = parse(H.read("tests/pages/extract-boilerplate/source.html"))
    local order = { "After an absence", "Seals resting on the sandbank", "Cleaner water",
      "It is the best news", "Keep dogs on a lead", "Visitors are asked" }
    local last = 0
    for _, s in ipairs(order) do
      local at = a.text:find(s, 1, true)
      assert.truthy(at, s)
      assert.is_true(at > last, s)
      last = at
    end
    assert.truthy(has(a.html, "<h2>Cleaner water</h2>"))
    assert.truthy(has(a.html, "<blockquote>"))
    assert.truthy(has(a.html, "<li>Keep dogs on a lead along the shore.</li>"))
    assert.truthy(has(a.html, "<figcaption>"))
  end)

  it("separates paragraphs with one blank line and normalises white space", function()
    local a = parse(page("<article><p>  One   two\n\tthree, " .. P[1] .. "</p>\n\n<p>" ..
      P[2] .. "</p></article>"))
    assert.truthy(has(a.text, "One two three, After"))
    assert.truthy(has(a.text, "morning.\n\nThe group"))
    assert.is_nil(a.text:find("\n\n\n", 1, true))
    assert.is_nil(a.text:find("^%s"))
    assert.is_nil(a.text:find("%s$"))
  end)

  it("counts words", function()
    local a = parse(page("<article><p>" .. P[1] .. "</p></article>"))
    local n = 0
    for _ in a.text:gmatch("%S+") do n = n + 1 end
    assert.are.equal(n, a.word_count)
  end)

  it("turns <br>-separated text into lines and paragraphs", function()
    local a = parse(page("<div class='post'>" .. P[1] .. "<br>" .. P[2] .. "<br><br><br>" ..
      P[3] .. "</div>"))
    assert.truthy(has(a.text, "morning.\nThe group"))
    assert.truthy(has(a.text, "decades.\n\nBiologists"))
    assert.is_nil(a.text:find("\n\n\n", 1, true))
  end)

  it("skips hidden elements", function()
    local a = parse(page("<article>" .. paras() ..
      "<p hidden>Secret hidden paragraph one.</p>" ..
      "<div aria-hidden='true'>Secret aria paragraph two.</div>" ..
      "<p style='display: none'>Secret styled paragraph three.</p>" ..
      "<p style='visibility:hidden'>Secret invisible paragraph four.</p></article>"))
    assert.truthy(has(a.text, "Visitors are asked"))
    assert.is_false(has(a.text, "Secret"))
  end)

  it("shows a hidden wrapper that holds the whole page", function()
    local a = parse(page("<div style='display:none' id='app'><article>" .. paras() ..
      "</article></div>"))
    assert.truthy(has(a.text, "After an absence"))
  end)

  it("joins an article split across sibling containers", function()
    local a = parse(page("<nav><a href='/'>Home</a> <a href='/x'>News</a></nav>" ..
      "<div id='main'><div class='part'>" .. paras(1, 2) .. "</div>" ..
      "<div class='ad-slot'><a href='/ad'>Buy now</a></div>" ..
      "<div class='part'>" .. paras(3, 4) .. "</div></div>"))
    assert.truthy(has(a.text, "After an absence"))
    assert.truthy(has(a.text, "Visitors are asked"))
    assert.is_false(has(a.text, "Buy now"))
  end)

  it("finds lazy images: data-src, srcset, <noscript> fallbacks, AMP", function()
    local a = parse(page("<article>" .. paras(1, 2) ..
      "<figure><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-src='/img/a.jpg' " ..
      "alt='A'><figcaption>First picture of the seals.</figcaption></figure>" ..
      "<img class='lazy' src='placeholder.png' " ..
      "srcset='/img/b-320.jpg 320w, /img/b-1024.jpg 1024w' alt='B'>" ..
      "<img src='/img/blank.gif' class='lazyload'><noscript><img src='/img/c.jpg' alt='C'>" ..
      "</noscript>" ..
      "<amp-img src='/img/d.jpg' width='640' height='480' alt='D'></amp-img>" ..
      paras(3, 4) .. "</article>"))
    local urls = {}
    for _, im in ipairs(a.images) do urls[#urls + 1] = im.url end
    assert.are.same({ "https://news.example.org/img/a.jpg",
      "https://news.example.org/img/b-1024.jpg", "https://news.example.org/img/c.jpg",
      "https://news.example.org/img/d.jpg" }, urls)
    assert.are.equal("First picture of the seals.", a.images[1].caption)
    assert.are.equal(640, a.images[4].width)
    assert.truthy(has(a.html, '<img src="https://news.example.org/img/a.jpg" alt="A">'))
    assert.is_false(has(a.html, "blank.gif"))
    assert.is_false(has(a.html, "placeholder.png"))
  end)

  it("makes the HTML safe and its URLs absolute against <base>", function()
    local a = parse(page("<article>" .. paras(1, 2) ..
      "<p onclick='steal()'>See <a href='javascript:alert(1)' onmouseover='x()'>here</a> " ..
      "or <a href='more.html'>there</a>, a paragraph with enough words to be kept in.</p>" ..
      "<script>alert('x')</script><style>p{color:red}</style>" ..
      "<form action='/f'><input name='q'><p>Inside a form, with enough words to matter.</p>" ..
      "</form><iframe src='https://evil.example.com/frame'></iframe>" ..
      "<iframe src='https://www.youtube.com/embed/abc123' width='560' height='315'></iframe>" ..
      "<figure><img src='data:image/png;base64,iVBORw0KGgo=' alt='inline'></figure>" ..
      "<p>A paragraph with a <a href='data:text/html;base64,PHNjcmlwdD4='>data link</a> " ..
      "in it and enough words around it to count as text.</p>" ..
      paras(3, 4) .. "</article>", "<base href='https://cdn.example.net/base/'>"))
    local h = a.html
    for _, bad in ipairs({ "<script", "<style", "onclick", "onmouseover", "javascript:",
      "evil.example.com", "<form", "<input", "data:text" }) do
      assert.is_false(has(h:lower(), bad), bad)
    end
    assert.truthy(has(h, 'href="https://cdn.example.net/base/more.html"'))
    assert.truthy(has(h, '<iframe src="https://www.youtube.com/embed/abc123"'))
    assert.truthy(has(h, 'src="data:image/png;base64,iVBORw0KGgo="'))
    assert.truthy(has(a.text, "See here or there"))
    for _, l in ipairs(a.links) do assert.is_nil(l.url:find("^javascript")) end
  end)

  it("writes Markdown", function()
    local a = parse(page("<article><h2>Cleaner water</h2>" .. paras(1, 2) ..
      "<ul><li>First point of the list</li><li>Second point with <em>stress</em></li></ul>" ..
      "<ol><li>One</li><li>Two</li></ol>" ..
      "<blockquote><p>Quoted words of a biologist on the river.</p></blockquote>" ..
      "<pre>code  line 1\n  line 2</pre>" ..
      "<p>A <a href='/x'>link</a> and <strong>bold</strong> text, " .. P[3] .. "</p>" ..
      "<table><tr><th>Year</th><th>Seals</th></tr><tr><td>2023</td><td>14</td></tr></table>" ..
      paras(4, 4) .. "</article>"))
    local m = a.markdown
    assert.truthy(has(m, "## Cleaner water"))
    assert.truthy(has(m, "- First point of the list\n- Second point with *stress*"))
    assert.truthy(has(m, "1. One\n2. Two"))
    assert.truthy(has(m, "> Quoted words of a biologist"))
    assert.truthy(has(m, "```\ncode  line 1\n  line 2\n```"))
    assert.truthy(has(m, "[link](https://news.example.org/x)"))
    assert.truthy(has(m, "**bold**"))
    assert.truthy(has(m, "| Year | Seals |\n| --- | --- |\n| 2023 | 14 |"))
  end)

  describe("options", function()
    local html = page("<article>" .. paras(1, 2) ..
      "<table><tr><th>Year</th><th>Count</th></tr><tr><td>2023</td><td>seventeen</td></tr>" ..
      "</table><p>See <a href='/map'>the map</a> and <img src='/m.png' alt='map'> for " ..
      "the places where the seals rest, " .. P[3] .. "</p>" .. paras(4, 4) ..
      "</article><div id='comments' class='comments'><div class='comment'><p>" ..
      "A reader's comment that goes on long enough to look like a real paragraph of " ..
      "text, with commas, words and a full stop at the end of it.</p></div></div>")

    it("keep tables, images and links and drop comments by default", function()
      local a = parse(html)
      assert.truthy(has(a.text, "Year Count"))
      assert.truthy(has(a.html, "<table>"))
      assert.truthy(has(a.html, "<img"))
      assert.truthy(has(a.html, "<a href"))
      assert.is_false(has(a.text, "reader's comment"))
    end)

    it("include_tables = false drops data tables", function()
      local a = parse(html, { include_tables = false })
      assert.is_false(has(a.text, "seventeen"))
      assert.is_false(has(a.html, "<table"))
    end)

    it("include_images = false drops images", function()
      local a = parse(html, { include_images = false })
      assert.is_false(has(a.html, "<img"))
      assert.is_false(has(a.markdown, "!["))
    end)

    it("include_links = false keeps link text without links", function()
      local a = parse(html, { include_links = false })
      assert.is_false(has(a.html, "<a "))
      assert.truthy(has(a.html, "the map"))
      assert.is_false(has(a.markdown, "](https://news.example.org/map)"))
    end)

    it("include_comments = true keeps the comment section", function()
      local a = parse(html, { include_comments = true })
      assert.truthy(has(a.text, "Visitors are asked"))
      assert.truthy(has(a.text, "reader's comment"))
      assert.truthy(a.text:find("Visitors are asked", 1, true) <
        a.text:find("reader's comment", 1, true))
    end)

    it("favor changes nothing on a clean page", function()
      local p, r = parse(html, { favor = "precision" }), parse(html, { favor = "recall" })
      assert.truthy(has(p.text, "Visitors are asked"))
      assert.truthy(has(r.text, "Visitors are asked"))
    end)
  end)

  it("says an index page is not an article and does not merge its snippets", function()
    local items = {}
    for i = 1, 8 do
      items[#items + 1] = ("<div class='teaser'><h2><a href='/story/%d'>Headline number %d " ..
        "about the harbour</a></h2><p>A short teaser for story %d.</p></div>"):format(i, i, i)
    end
    local a = parse(page("<nav><a href='/'>Home</a></nav><main>" .. table.concat(items) ..
      "</main>"))
    assert.is_false(a.is_article)
    assert.is_true(#a.text < 600)
  end)

  it("is an article on an article page", function()
    assert.is_true(parse(page("<article>" .. paras() .. "</article>")).is_article)
  end)

  it("drops the headline that repeats the title, and duplicated captions", function()
    local a = parse(page("<article><h1>Seals</h1>" .. paras(1, 2) ..
      "<figure><img src='/a.jpg'><figcaption>Seals on the sandbank at low tide.</figcaption>" ..
      "</figure><p class='caption'>Seals on the sandbank at low tide.</p>" ..
      "<figure><img src='/b.jpg'><figcaption>Foto: Getty Images</figcaption></figure>" ..
      paras(3, 4) .. "</article>"))
    assert.is_nil(a.text:find("^Seals\n"))
    local _, n = a.text:gsub("Seals on the sandbank at low tide", "")
    assert.are.equal(1, n)
    assert.is_false(has(a.text, "Getty"))
  end)

  it("brings back the standfirst between the headline and the body", function()
    local a = parse(page("<div class='story'><div class='top'><h1>Seals</h1>" ..
      "<div class='meta'>By Jane Doe, 3 May</div>" ..
      "<p class='standfirst'>Harbour seals are back in the estuary after thirty years, " ..
      "and the volunteers who count them are delighted with the news.</p></div>" ..
      "<div class='layout'><div class='story-body'>" .. paras() .. "</div>" ..
      "<aside><p>Other stories you may like, a line long enough to be a block.</p></aside>" ..
      "</div></div>"))
    assert.truthy(a.text:find("^Harbour seals are back"))
    assert.truthy(has(a.text, "Visitors are asked"))
    assert.is_false(has(a.text, "By Jane Doe"))
    assert.is_false(has(a.text, "Other stories"))
  end)

  it("drops publisher notices at the end of the text", function()
    local a = parse(page("<article>" .. paras() ..
      "<p>Follow us on Twitter and Facebook for the latest news from the estuary.</p>" ..
      "<p>© 2024 The Estuary Times. All rights reserved. No reprint without permission.</p>" ..
      "</article>"))
    assert.truthy(has(a.text, "Visitors are asked"))
    assert.is_false(has(a.text, "Follow us"))
    assert.is_false(has(a.text, "All rights reserved"))
    -- the same words inside the text stay
    local b = parse(page("<article>" .. paras(1, 2) .. "<p>The trust asked people to follow " ..
      "us on the new app, the warden said, which sign up for alerts.</p>" .. paras(3, 4) ..
      "</article>"))
    assert.truthy(has(b.text, "sign up for alerts"))
  end)

  it("drops short lines that end with a photo credit", function()
    local a = parse(page("<article>" .. paras(1, 2) ..
      "<div class='image-wrap'><img src='/s.jpg'><div class='note'>Seals at dawn on the " ..
      "sandbank. Foto: Jane Doe</div></div>" .. paras(3, 4) .. "</article>"))
    assert.is_false(has(a.text, "Jane Doe"))
    assert.truthy(has(a.text, "Visitors are asked"))
  end)

  it("drops the labels of a figure and keeps its caption", function()
    local a = parse(page("<article>" .. paras(1, 2) .. "<figure><div class='media'>" ..
      "<span>16x9 Image</span><img src='/a.jpg'></div><figcaption>Seals on the sandbank " ..
      "at low tide.</figcaption></figure>" .. paras(3, 4) .. "</article>"))
    assert.is_false(has(a.text, "16x9"))
    assert.truthy(has(a.text, "Seals on the sandbank at low tide."))
  end)

  it("reads the <noscript> copy of a body rendered by script", function()
    local a = parse(page("<div class='post'><h1>Seals</h1><div class='post-body'>" ..
      "<script type='text/template'><p>template</p></script><noscript>" .. paras() ..
      "</noscript></div></div><div class='sidebar'><p>Archive</p></div>"))
    assert.truthy(has(a.text, "After an absence"))
    assert.truthy(has(a.text, "Visitors are asked"))
  end)

  it("keeps the images of a rejected line of text", function()
    local a = parse(page("<article>" .. paras() ..
      "<p><a href='/gallery'><img src='/g.jpg' alt='G'> Gallery</a></p></article>"))
    assert.is_false(has(a.text, "Gallery"))
    assert.truthy(has(a.html, 'src="https://news.example.org/g.jpg"'))
    assert.truthy(has(a.markdown, "](https://news.example.org/g.jpg)"))
  end)

  it("reads a BEM modifier as what a block carries, not what it is", function()
    local other = "<p>Meanwhile the council met to discuss the new parking rules for the " ..
      "harbour front, which residents have criticised for months, and adopted them.</p>"
    local a = parse(page("<div class='report'><section class='report__section--ads'>" ..
      paras() .. "</section><div class='other'>" .. other:rep(4) .. "</div></div>"))
    assert.truthy(has(a.text, "After an absence"))
    assert.truthy(has(a.text, "Visitors are asked"))
  end)

  it("keeps a paragraph that comes with several pictures", function()
    local a = parse(page("<article>" .. paras() .. "<div class='row'><p>The wardens " ..
      "photographed the colony from the dyke, counting the pups twice, and shared the " ..
      "pictures with the university for its long-term survey of the estuary. The survey " ..
      "has followed the river since the first counts in the eighties, when the banks " ..
      "were still lined with warehouses and the water was brown with waste.</p>" ..
      "<img src='/1.jpg'><img src='/2.jpg'><img src='/3.jpg'></div>" .. paras(1, 2):gsub(
      "After", "Later"):gsub("The group", "Then the group") .. "</article>"))
    assert.truthy(has(a.text, "The wardens photographed"))
    assert.truthy(has(a.html, "/3.jpg"))
  end)

  it("keeps the linked cells of a data table", function()
    local rows = {}
    for i = 1, 6 do
      rows[#rows + 1] = ("<tr><td><a href='/s/%d'>Sandbank %d</a></td><td>%d seals</td></tr>")
        :format(i, i, i * 3)
    end
    local a = parse(page("<article>" .. paras(1, 2) .. "<table><tr><th>Place</th>" ..
      "<th>Count</th></tr>" .. table.concat(rows) .. "</table>" .. paras(3, 4) .. "</article>"))
    assert.truthy(has(a.text, "Sandbank 1"))
    assert.truthy(has(a.text, "Sandbank 6"))
  end)

  it("never fails on empty, text-only or deeply nested pages", function()
    for _, html in ipairs({ "", "just text", "<html></html>", "<body></body>",
      string.rep("<div>", 5000) .. P[1] .. string.rep("</div>", 5000),
      string.rep("<b>", 3000) .. P[2] }) do
      local a = parse(html)
      assert.are.equal("string", type(a.text))
      assert.are.equal("string", type(a.html))
      assert.are.equal("string", type(a.markdown))
    end
  end)
end)
