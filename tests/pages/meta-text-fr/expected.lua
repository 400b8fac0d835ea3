-- French: <time> elements classed as publication and update.
return {
  title = "Le conseil municipal vote la construction du pont",
  authors = { "Jeanne Dupont", "Pierre Martin" },
  published = "2019-03-03T10:30:00+01:00",
  modified = "2019-03-04T09:00:00+01:00",
  date_source = "time",
  site_name = "Le Quotidien",
  language = "fr-FR",
}
