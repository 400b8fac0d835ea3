-- JSON-LD @graph with an article, a web page and a web site; meta tags agree.
return {
  _url = "https://cityherald.example/news/council-bridge",
  title = "Council approves the new bridge after “long” debate",
  authors = { "Jane Doe", "John Roe" },
  published = "2021-03-04T09:15:00-05:00",   -- same instant as JSON-LD's UTC, page's zone
  modified = "2021-03-05T16:00:00+00:00",
  date_source = "json-ld",
  description = "The council voted 7-2 to fund the river crossing.",
  site_name = "City Herald",
  language = "en-US",
  canonical_url = "https://cityherald.example/news/council-bridge",
  image = "https://cityherald.example/img/bridge.jpg",
  tags = { "Bridges", "City council", "budget" },   -- case-insensitive duplicates merged
  categories = { "Local", "Politics" },
  paywalled = true,
  page_type = "article",
  feeds = {
    { url = "https://cityherald.example/feed.xml", type = "rss", title = "City Herald RSS" },
    { url = "https://cityherald.example/atom.xml", type = "atom" },
  },
}
