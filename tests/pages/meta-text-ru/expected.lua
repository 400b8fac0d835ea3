return {
  title = "Совет одобрил строительство моста",
  authors = { "Иван Петров" },
  published = "2019-04-03T10:30:00",
  date_source = "text",
  language = "ru",
}
