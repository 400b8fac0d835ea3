return {
  title = "El ayuntamiento aprueba el nuevo puente",
  authors = { "María García" },
  published = "2019-12-03T10:30:00",
  date_source = "text",
  language = "es",
}
