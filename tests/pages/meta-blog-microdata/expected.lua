-- A blog: microdata, the headline in an <h2> inside a "widget" (the blog's
-- own container, not a sidebar), a British numeric date, rel=tag/category/license.
return {
  _url = "https://notes.example/2015/growing-tomatoes",
  title = "Growing tomatoes on a balcony",
  authors = { "Sam Green" },
  published = "2015-04-03",
  date_source = "text",
  site_name = "Allotment Notes",
  language = "en-GB",
  license = "https://creativecommons.org/licenses/by-sa/4.0/",
  tags = { "tomatoes", "balcony" },
  categories = { "Vegetables" },
  absent = { "modified", "paywalled" },
}
