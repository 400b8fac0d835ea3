return {
  title = "Câmara aprova nova ponte",
  authors = { "João Silva" },
  published = "2015-07-24T10:30:00",
  date_source = "text",
  language = "pt-BR",
}
