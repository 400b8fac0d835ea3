/*
 * date.h — finding and checking calendar dates in strings: ISO 8601, RFC 2822,
 * numeric day/month/year forms and month names in English, German, French,
 * Spanish, Portuguese, Italian, Dutch, Scandinavian, Polish, Czech, Turkish
 * and Russian, and Chinese / Japanese / Korean year-month-day forms.
 * Nothing here allocates.
 */
#ifndef ARTICLE_DATE_H
#define ARTICLE_DATE_H

#include <stddef.h>

/* A date as the page gave it: time and offset only when present. */
typedef struct art_date {
  int year, month, day;
  int hour, minute, second;
  int has_time;              /* hour/minute/second are meaningful */
  int has_offset;            /* offset is meaningful (requires has_time) */
  int offset;                /* minutes east of UTC */
} art_date;

/* How to read an all-numeric date whose day and month are both <= 12. */
enum { DATE_DMY = 0, DATE_MDY = 1 };

/* Flags for date_find. */
enum {
  DATE_EPOCH = 1,            /* a string that is only 10 or 13 digits is Unix time */
  DATE_COMPACT = 2,          /* a string that is only 8 digits is YYYYMMDD */
  DATE_TWO_DIGIT_YEAR = 4    /* accept dd.mm.yy / mm/dd/yy */
};

typedef struct date_ctx {
  int floor_year;            /* dates before 1 January of this year are rejected */
  long long now;             /* Unix seconds; later dates are rejected */
  int order;                 /* DATE_DMY or DATE_MDY */
  int flags;                 /* DATE_* above */
} date_ctx;

/* Finds the first plausible full date (year, month and day) in s, from byte
 * `from` on.  On success fills *d and, when non-NULL, *start / *end with the
 * byte span it covered (time and zone included) and returns 1; returns 0
 * when there is none.  Month-and-year-only dates and relative dates
 * ("3 hours ago") are never dates.  Implausible dates (before the floor,
 * after now) are skipped, not returned. */
int date_find(const char *s, size_t from, const date_ctx *c, art_date *d,
              size_t *start, size_t *end);

/* True when d is a valid calendar date no earlier than c->floor_year and
 * not after c->now (a day of slack for dates without an offset, which may
 * be local time anywhere). */
int date_plausible(const art_date *d, const date_ctx *c);

/* Writes d as ISO 8601 into out (at least 32 bytes): "2015-07-24",
 * "2015-07-24T05:36:09" or "2015-07-24T05:36:09+01:00". */
void date_iso(const art_date *d, char *out, size_t outlen);

/* How a page in language `lang` (BCP 47, may be NULL) writes numeric
 * dates: DATE_MDY for US English ("en", "en-US"), DATE_DMY otherwise. */
int date_order_for(const char *lang);

/* Seconds since the epoch of d (its offset applied; UTC when it has none;
 * midnight when it has no time). */
long long date_epoch(const art_date *d);

#endif
