return {
  title = "Il consiglio approva il nuovo ponte",
  authors = { "Marco Rossi" },
  published = "2015-07-24T10:30:00",
  date_source = "text",
  language = "it",
}
