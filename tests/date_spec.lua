-- article.parse_date: the date finder behind `published` and `modified`.
local article = require "article"

-- A fixed "now" (2024-06-01T00:00:00Z) so future-date rules are stable.
local NOW = 1717200000

local function d(s, opts)
  opts = opts or {}
  if opts.now == nil then opts.now = NOW end
  return article.parse_date(s, opts)
end

describe("parse_date", function()
  it("reads ISO 8601 with the precision given", function()
    assert.are.equal("2015-07-24", d("2015-07-24"))
    assert.are.equal("2015-07-24T05:36:09+00:00", d("2015-07-24T05:36:09Z"))
    assert.are.equal("2015-07-24T05:36:09+01:00", d("2015-07-24T05:36:09+01:00"))
    assert.are.equal("2015-07-24T05:36:09-08:00", d("2015-07-24T05:36:09.123-0800"))
    assert.are.equal("2015-07-24T05:36:00", d("2015-07-24 05:36"))
    assert.are.equal("2017-11-03T03:01:00", d("2017-11-03 03:01:00.000000"))
    assert.are.equal("2015-07-24", d("2015/07/24"))
  end)

  it("reads RFC 2822, asctime and JavaScript dates", function()
    assert.are.equal("2015-07-24T05:36:09+01:00", d("Fri, 24 Jul 2015 05:36:09 +0100"))
    assert.are.equal("2015-07-24T05:36:09+00:00", d("Fri, 24 Jul 2015 05:36:09 GMT"))
    assert.are.equal("2015-07-24T05:36:09", d("Fri Jul 24 05:36:09 2015"))
    assert.are.equal("2015-07-24T05:36:09+02:00",
      d("Fri Jul 24 2015 05:36:09 GMT+0200 (Central European Summer Time)"))
  end)

  it("reads English", function()
    assert.are.equal("2015-07-24", d("July 24, 2015"))
    assert.are.equal("2015-07-24", d("24 July 2015"))
    assert.are.equal("2015-07-24", d("Jul. 24th, 2015"))
    assert.are.equal("2015-07-24", d("the 24th of July, 2015"))
    assert.are.equal("2015-03-11T15:46:00", d("March 11, 2015 3:46 PM"))
    assert.are.equal("2015-07-24T00:30:00", d("July 24, 2015 at 12:30 a.m."))
    assert.are.equal("2015-07-24T15:46:00-04:00", d("July 24th, 2015 at 3:46 PM EDT"))
    assert.are.equal("2021-11-01T10:52:00", d("10:52, 1 November 2021"))
  end)

  it("reads German", function()
    assert.are.equal("2015-07-24", d("24. Juli 2015"))
    assert.are.equal("2015-07-24T10:30:00", d("Veröffentlicht am 24.07.2015, 10:30 Uhr"))
    assert.are.equal("2019-03-03", d("Sonntag, 3. März 2019"))
    assert.are.equal("2019-01-03", d("3. Jänner 2019"))
  end)

  it("reads French", function()
    assert.are.equal("2019-03-03T10:30:00", d("le 3 mars 2019 à 10h30"))
    assert.are.equal("2020-04-01", d("1er avril 2020"))
    assert.are.equal("2019-02-03", d("3 févr. 2019"))
    assert.are.equal("2019-12-25", d("MERCREDI 25 DÉCEMBRE 2019"))
  end)

  it("reads Spanish", function()
    assert.are.equal("2015-07-24", d("24 de julio de 2015"))
    assert.are.equal("2019-12-03T10:30:00", d("3 de dic. de 2019 a las 10:30"))
    assert.are.equal("2018-09-01", d("1 de septiembre del 2018"))
  end)

  it("reads Portuguese", function()
    assert.are.equal("2015-07-24T10:30:00", d("24 de julho de 2015 às 10h30"))
    assert.are.equal("2019-03-03", d("3 de março de 2019"))
  end)

  it("reads Italian", function()
    assert.are.equal("2015-07-24T10:30:00", d("24 luglio 2015 alle 10:30"))
    assert.are.equal("2019-05-03", d("3 mag 2019"))
  end)

  it("reads Russian", function()
    assert.are.equal("2015-07-24", d("24 июля 2015 года"))
    assert.are.equal("2019-04-03T10:30:00", d("3 апреля 2019 г. в 10:30"))
    assert.are.equal("2020-01-01", d("1 ЯНВАРЯ 2020"))
  end)

  it("reads Chinese, Japanese and Korean", function()
    assert.are.equal("2015-07-24", d("2015年7月24日"))
    assert.are.equal("2019-04-03T10:30:00", d("发布时间：2019年04月03日 10:30"))
    assert.are.equal("2019-04-03T10:30:00", d("2019年4月3日 10時30分"))
    assert.are.equal("2019-04-03", d("２０１９年４月３日"))
    assert.are.equal("2019-04-03", d("2019년 4월 3일"))
  end)

  it("reads Dutch, Polish and Turkish months", function()
    assert.are.equal("2019-03-03", d("3 maart 2019"))
    assert.are.equal("2021-03-16", d("16 marca 2021"))
    assert.are.equal("2021-08-16", d("16 Ağustos 2021"))
  end)

  it("reads dashed month words and spaced numeric dates", function()
    assert.are.equal("2015-07-24", d("24-Jul-2015"))
    assert.are.equal("2015-07-24", d("2015-Jul-24"))
    assert.are.equal("2015-07-24", d("24. 7. 2015"))     -- Czech, Slovak
    assert.are.equal("2015-07-24", d("2015. 07. 24."))   -- Korean, Hungarian
    assert.are.equal("2015-07-24T10:30:00+02:00", d("Publicado: 24/07/2015 10:30 CEST"))
  end)

  it("reads ambiguous numeric dates by the language", function()
    assert.are.equal("2015-04-03", d("03/04/2015"))
    assert.are.equal("2015-03-04", d("03/04/2015", { language = "en-US" }))
    assert.are.equal("2015-04-03", d("03/04/2015", { language = "en-GB" }))
    assert.are.equal("2015-04-13", d("13/04/2015", { language = "en-US" }))
    assert.are.equal("2015-04-13", d("04/13/2015"))
    assert.are.equal("2015-04-03", d("03.04.2015", { language = "en-US" }))  -- dots: day first
    assert.is_nil(d("13/13/2015"))
  end)

  it("reads two-digit years only when asked", function()
    assert.is_nil(d("24.07.15"))
    assert.are.equal("2015-07-24", d("24.07.15", { two_digit_year = true }))
    assert.are.equal("2011-07-17", d("17.7.11", { two_digit_year = true }))
    assert.are.equal("1998-07-24", d("24/07/98", { two_digit_year = true, date_floor = 1990 }))
  end)

  it("reads Unix times and compact dates in a string of their own", function()
    assert.are.equal("2015-07-24T05:36:09+00:00", d("1437716169"))
    assert.are.equal("2015-07-24T05:36:09+00:00", d("1437716169000"))
    assert.are.equal("2015-07-24", d("20150724"))
    assert.is_nil(d("id 1437716169"))
  end)

  it("is not fooled by things that are not dates", function()
    assert.is_nil(d("July 2015"))                 -- no day
    assert.is_nil(d("3 hours ago"))
    assert.is_nil(d("2015-02-30"))               -- no such day
    assert.is_nil(d("version 10.12.2015.3"))     -- a version number
    assert.is_nil(d("call 555-12-2015"))
    assert.is_nil(d("192.168.10.12"))
    assert.is_nil(d("SKU4412-07-2015"))
    assert.is_nil(d(""))
  end)

  it("rejects future dates and dates before the floor", function()
    assert.is_nil(d("2030-01-01"))
    assert.are.equal("2030-01-01", d("2030-01-01", { now = 1900000000 }))
    assert.is_nil(d("1990-05-05"))
    assert.are.equal("1990-05-05", d("1990-05-05", { date_floor = 1980 }))
    -- the first plausible one wins
    assert.are.equal("2020-01-01", d("2099-01-01 or 2020-01-01"))
    -- a date-only today is not the future anywhere on Earth
    assert.are.equal("2024-06-01", d("2024-06-01"))
  end)

  it("raises on misuse", function()
    assert.has_error(function() article.parse_date(5) end)
    assert.has_error(function() article.parse_date("x", { nope = 1 }) end)
  end)
end)
