-- German byline and dateline in text only, a "today" date above the
-- headline and a related-stories box below it.
return {
  title = "Stadtrat beschließt neue Brücke",
  authors = { "Max Mustermann", "Erika Musterfrau" },
  published = "2015-07-24T10:30:00",
  modified = "2015-07-25T08:00:00",
  date_source = "text",
  language = "de",
}
