-- Chinese: no declared language (detected from the text), a <title> with
-- section and site after underscores.
return {
  title = "市议会批准新建大桥",
  authors = { "张伟" },
  published = "2019-04-03T10:30:00",
  date_source = "text",
  language = "zh",
}
