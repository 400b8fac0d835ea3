-- No date in the page: the URL's.
return {
  _url = "https://blog.example/2019/04/28/notes-from-the-river/",
  published = "2019-04-28",
  date_source = "url",
  absent = { "modified", "authors" },
}
