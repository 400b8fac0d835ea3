-- A future and a pre-1995 meta date are rejected; the <time> wins.
return {
  published = "2023-02-10T08:00:00+00:00",
  date_source = "time",
}
