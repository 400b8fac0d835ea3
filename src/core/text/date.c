/* date.c — dates in strings (see date.h).
 *
 * The string is cut into tokens (numbers, lower-cased words, CJK characters,
 * punctuation) and date shapes are matched over the tokens, which keeps the
 * many languages apart from the shapes: "24 de julio de 2015", "24. Juli
 * 2015" and "24 July 2015" are one shape (day, month word, year) with
 * different filler words.  A time and a zone right after the date (or a time
 * right before it) are taken along. */
#include "text/date.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "base/strset.h"
#include <strings.h>

#include "base/utf8.h"

/* ---------------------------------------------------------------- data */

/* Month names and the abbreviations pages use, lower case, per language.
 * Ambiguous words across these languages are left out ("listopad" is
 * November in Polish and Czech but October in Croatian, so only the
 * unambiguous genitive forms are listed). */
static const struct { const char *name; int month; } MONTHS[] = {
  /* English */
  {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
  {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
  {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
  {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
  /* German */
  {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"feber", 2}, {"märz", 3}, {"maerz", 3},
  {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"jän", 1},
  {"mär", 3}, {"mrz", 3}, {"okt", 10}, {"dez", 12},
  /* French */
  {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
  {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
  {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2},
  {"fév", 2}, {"fevr", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
  /* Spanish */
  {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
  {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
  {"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
  /* Portuguese */
  {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
  {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
  {"fev", 2}, {"set", 9}, {"out", 10}, {"dez", 12},
  /* Italian */
  {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
  {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1},
  {"mag", 5}, {"giu", 6}, {"lug", 7}, {"ott", 10},
  /* Dutch */
  {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
  {"mrt", 3},
  /* Swedish, Danish, Norwegian */
  {"marts", 3}, {"augusti", 8}, {"desember", 12}, {"maj", 5},
  /* Polish (genitive, as in dates) */
  {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
  {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
  {"listopada", 11}, {"grudnia", 12},
  /* Czech (genitive) */
  {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6},
  {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11},
  {"prosince", 12},
  /* Turkish */
  {"ocak", 1}, {"şubat", 2}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6}, {"temmuz", 7},
  {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
  /* Russian (genitive as in dates, then nominative and abbreviations) */
  {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
  {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
  {"декабря", 12}, {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4},
  {"май", 5}, {"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9},
  {"октябрь", 10}, {"ноябрь", 11}, {"декабрь", 12}, {"янв", 1}, {"фев", 2},
  {"февр", 2}, {"мар", 3}, {"апр", 4}, {"июн", 6}, {"июл", 7}, {"авг", 8}, {"сен", 9},
  {"сент", 9}, {"окт", 10}, {"ноя", 11}, {"нояб", 11}, {"дек", 12},
  /* Ukrainian (genitive) */
  {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5},
  {"червня", 6}, {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10},
  {"листопада", 11}, {"грудня", 12},
};
#define N_MONTHS (sizeof MONTHS / sizeof MONTHS[0])

/* Words that may stand between the parts of a date: "24 de julio de 2015",
 * "the 24th of July", "den 24. Juli", Russian "24 июля 2015 г.". */
static const char *const FILLERS[] = {"de", "del", "of", "the", "den", "le", "el", "il"};

/* Ordinal suffixes glued to the day: 24th, 1st, 1er (French), 1º. */
static const char *const ORDINALS[] = {"st", "nd", "rd", "th", "er", "re", "o", "º", "ª"};

/* Words linking a date to its time: "at 10:30", "um 10:30 Uhr", "à 10h30",
 * "a las 10:30", "às 10h30", "alle 10:30", "в 10:30", "kl. 10.30", "om 10:30". */
static const char *const TIME_LINKS[] = {
  "at", "um", "à", "a", "las", "às", "as", "alle", "ore", "в", "kl", "om", "klo", "o",
  "t", "on", "-", "le", "dne", "godz",
};

/* Zone abbreviations (minutes east of UTC).  IST (India / Israel / Ireland)
 * and other ambiguous ones are left out: a missing offset beats a wrong one. */
static const struct { const char *name; int offset; } ZONES[] = {
  {"utc", 0}, {"gmt", 0}, {"z", 0}, {"ut", 0},
  {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420},
  {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480},
  {"hst", -600}, {"bst", 60}, {"cet", 60}, {"cest", 120}, {"mez", 60}, {"mesz", 120},
  {"eet", 120}, {"eest", 180}, {"wet", 0}, {"west", 60}, {"msk", 180}, {"jst", 540},
  {"kst", 540}, {"hkt", 480}, {"sgt", 480}, {"aest", 600}, {"aedt", 660},
  {"acst", 570}, {"acdt", 630}, {"awst", 480}, {"nzst", 720}, {"nzdt", 780},
};

/* CJK / Korean markers: year, month, day, hour, minute, second. */
enum { CJK_NONE, CJK_Y, CJK_M, CJK_D, CJK_H, CJK_MIN, CJK_S };
static const struct { unsigned cp; int kind; } CJK_MARKS[] = {
  {0x5E74, CJK_Y}, {0xB144, CJK_Y},                   /* 年 년 */
  {0x6708, CJK_M}, {0xC6D4, CJK_M},                   /* 月 월 */
  {0x65E5, CJK_D}, {0x53F7, CJK_D}, {0x865F, CJK_D},  /* 日 号 號 */
  {0xC77C, CJK_D},                                    /* 일 */
  {0x65F6, CJK_H}, {0x6642, CJK_H}, {0x70B9, CJK_H},  /* 时 時 点 */
  {0x9EDE, CJK_H}, {0xC2DC, CJK_H},                   /* 點 시 */
  {0x5206, CJK_MIN}, {0xBD84, CJK_MIN},               /* 分 분 */
  {0x79D2, CJK_S}, {0xCD08, CJK_S},                   /* 秒 초 */
};

/* Slack for dates without an offset: local time may be up to 14 hours ahead
 * of UTC, and a date-only value covers the whole day. */
#define FUTURE_SLACK_S (38LL * 3600)
/* Two-digit years at or below this (relative to 2000) are 20xx, others 19xx. */
#define TWO_DIGIT_PIVOT 69

/* ---------------------------------------------------------------- tokens */

enum { T_NUM, T_WORD, T_CJK, T_PUNCT };

typedef struct tok {
  int type;
  int ndig;                  /* T_NUM: digits */
  long long val;             /* T_NUM: value (capped) */
  char w[28];                /* T_WORD: lower-cased (truncated: then wlong) */
  int wlong;
  unsigned cp;               /* T_CJK: code point; T_PUNCT: the character */
  size_t s, e;               /* byte span in the string */
  int sp;                    /* white space before it */
} tok;

#define MAX_TOK 96
#define LOOKAHEAD 28         /* tokens a date with time and zone may span */

static unsigned lower_cp(unsigned c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c == 0x130) return 'i';
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
  return c;
}

static int is_letter_cp(unsigned c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 1;
  if (c == 0xBA || c == 0xAA) return 1;  /* º ª */
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x370 && c <= 0x1FFF) return 1;  /* Greek, Cyrillic, ... scripts */
  return 0;
}

static int is_cjk_cp(unsigned c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF);
}

static int is_space_cp(unsigned c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F;
}

static unsigned next_cp(const unsigned char *s, size_t n, size_t i, int *len) {
  if (s[i] < 0x80) { *len = 1; return s[i]; }   /* most text: no call */
  int l = utf8_seqlen(s + i, n - i);
  if (l <= 0) { *len = 1; return 0xFFFD; }
  *len = l;
  return utf8_decode(s + i, l);
}

/* Cuts s[from..n) into at most MAX_TOK tokens; returns the count.  *more is
 * set when the string goes on past the last token. */
static int tokenize(const char *str, size_t n, size_t from, tok *t, int *more) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = from;
  int k = 0, sp = 1;
  *more = 0;
  while (i < n) {
    if (k == MAX_TOK) { *more = 1; break; }
    int l;
    unsigned c = next_cp(s, n, i, &l);
    if (is_space_cp(c)) { sp = 1; i += (size_t)l; continue; }
    tok *x = &t[k];
    memset(x, 0, sizeof *x);
    x->s = i;
    x->sp = sp;
    sp = 0;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) {
      x->type = T_NUM;
      while (i < n) {
        c = next_cp(s, n, i, &l);
        unsigned dv;
        if (c >= '0' && c <= '9') dv = c - '0';
        else if (c >= 0xFF10 && c <= 0xFF19) dv = c - 0xFF10;
        else break;
        if (x->val < 100000000000000LL) x->val = x->val * 10 + dv;
        x->ndig++;
        i += (size_t)l;
      }
    } else if (is_letter_cp(c)) {
      x->type = T_WORD;
      size_t wl = 0;
      while (i < n) {
        c = next_cp(s, n, i, &l);
        if (!is_letter_cp(c)) break;
        unsigned lc = lower_cp(c);
        unsigned char enc[4];
        int el;
        if (lc < 0x80) { enc[0] = (unsigned char)lc; el = 1; }
        else if (lc < 0x800) {
          enc[0] = (unsigned char)(0xC0 | (lc >> 6)); enc[1] = (unsigned char)(0x80 | (lc & 63));
          el = 2;
        } else {
          enc[0] = (unsigned char)(0xE0 | (lc >> 12));
          enc[1] = (unsigned char)(0x80 | ((lc >> 6) & 63));
          enc[2] = (unsigned char)(0x80 | (lc & 63));
          el = 3;
        }
        if (wl + (size_t)el < sizeof x->w) {
          memcpy(x->w + wl, enc, (size_t)el);
          wl += (size_t)el;
        } else {
          x->wlong = 1;
        }
        i += (size_t)l;
      }
      x->w[wl] = '\0';
    } else if (is_cjk_cp(c)) {
      x->type = T_CJK;
      x->cp = c;
      i += (size_t)l;
    } else {
      x->type = T_PUNCT;
      /* Fullwidth and typographic forms of the separators dates use. */
      if (c == 0xFF0C || c == 0x3001) c = ',';
      else if (c == 0xFF1A) c = ':';
      else if (c == 0xFF0F) c = '/';
      else if (c == 0xFF0E || c == 0x3002) c = '.';
      else if (c == 0x2010 || c == 0x2011) c = '-';
      else if (c >= 0x80) c = '~';
      x->cp = c;
      i += (size_t)l;
    }
    x->e = i;
    k++;
  }
  return k;
}

/* ---------------------------------------------------------------- matching */

static int word_in(const tok *x, const char *const *list, size_t n) {
  if (x->type != T_WORD || x->wlong) return 0;
  for (size_t i = 0; i < n; i++)
    if (strcmp(x->w, list[i]) == 0) return 1;
  return 0;
}
#define WORD_IN(x, arr) word_in((x), (arr), sizeof(arr) / sizeof(arr)[0])

/* Month names hashed once (pthread_once: parse workers run in threads):
 * every word of a scanned text is looked up, and a linear scan of MONTHS
 * per word was most of the date search's time. */
static strset month_set;   /* month name -> month number (1-12) */
static pthread_once_t month_once = PTHREAD_ONCE_INIT;

static void month_build(void) {
  for (size_t i = 0; i < N_MONTHS; i++) {
    size_t n = strlen(MONTHS[i].name);
    if (strset_get(&month_set, MONTHS[i].name, n)) continue;  /* listed twice: first stands */
    strset_add(&month_set, MONTHS[i].name, (unsigned)MONTHS[i].month);
  }
}

static int month_of(const tok *x) {
  if (x->type != T_WORD || x->wlong) return 0;
  return (int)strset_get(&month_set, x->w, strlen(x->w));
}

static int is_p(const tok *x, unsigned c) { return x->type == T_PUNCT && x->cp == c; }

static int cjk_kind(const tok *x) {
  if (x->type != T_CJK) return CJK_NONE;
  for (size_t i = 0; i < sizeof CJK_MARKS / sizeof CJK_MARKS[0]; i++)
    if (CJK_MARKS[i].cp == x->cp) return CJK_MARKS[i].kind;
  return CJK_NONE;
}

static int days_in_month(int y, int m) {
  static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return D[m - 1];
}

static int valid_ymd(int y, int m, int d) {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static int year_of(const tok *x, int flags) {
  if (x->type != T_NUM) return -1;
  if (x->ndig == 4) return (int)x->val;
  if (x->ndig == 2 && (flags & DATE_TWO_DIGIT_YEAR))
    return (int)x->val + (x->val <= TWO_DIGIT_PIVOT ? 2000 : 1900);
  return -1;
}

/* Skips a '.' right after token i (abbreviations, "24." day numbers). */
static int skip_dot(const tok *t, int n, int i) { return (i < n && is_p(&t[i], '.')) ? i + 1 : i; }

/* A day number at i with an optional glued ordinal suffix; returns the index
 * after it or -1. */
static int day_at(const tok *t, int n, int i, int *day) {
  if (i >= n || t[i].type != T_NUM || t[i].ndig > 2 || t[i].val < 1 || t[i].val > 31)
    return -1;
  *day = (int)t[i].val;
  i++;
  if (i < n && !t[i].sp && WORD_IN(&t[i], ORDINALS)) i++;
  return i;
}

/* Parses a zone at i (after a time).  Returns the index after it, or i. */
static int zone_at(const tok *t, int n, int i, art_date *d) {
  if (i >= n) return i;
  int j = i, named = 0;
  if (t[j].type == T_WORD) {
    for (size_t z = 0; z < sizeof ZONES / sizeof ZONES[0]; z++)
      if (!t[j].wlong && strcmp(t[j].w, ZONES[z].name) == 0 &&
          (strcmp(t[j].w, "z") != 0 || !t[j].sp)) {
        d->has_offset = 1;
        d->offset = ZONES[z].offset;
        named = 1;
        j++;
        break;
      }
    if (!named) return i;
    if (d->offset != 0) return j;  /* "EST" alone; "GMT+2" style only after UTC/GMT */
  }
  /* +hh:mm, +hhmm, +hh; glued to the time or after UTC/GMT, or 4 digits. */
  if (j < n && (is_p(&t[j], '+') || is_p(&t[j], '-')) && j + 1 < n &&
      t[j + 1].type == T_NUM && !t[j + 1].sp) {
    int sign = is_p(&t[j], '+') ? 1 : -1;
    int glued = !t[j].sp || named;
    const tok *h = &t[j + 1];
    int hh = -1, mm = 0, k = j + 2;
    if (h->ndig == 4) { hh = (int)h->val / 100; mm = (int)h->val % 100; }
    else if (h->ndig <= 2 && glued) {
      hh = (int)h->val;
      if (k + 1 < n && is_p(&t[k], ':') && t[k + 1].type == T_NUM && t[k + 1].ndig == 2) {
        mm = (int)t[k + 1].val;
        k += 2;
      }
    }
    if (hh >= 0 && hh <= 14 && mm < 60 && (glued || h->ndig == 4)) {
      d->has_offset = 1;
      d->offset = sign * (hh * 60 + mm);
      j = k;
    }
  }
  /* "(CEST)" after an offset, as JavaScript's Date prints it. */
  if (j + 2 < n && is_p(&t[j], '(') && t[j + 1].type == T_WORD && is_p(&t[j + 2], ')'))
    j += 3;
  return j;
}

/* Parses a time at i: hh:mm[:ss[.frac]] [am|pm] [Uhr|h] [zone], also 10h30
 * and the CJK 10时30分.  Returns the index after it, or -1. */
static int time_at(const tok *t, int n, int i, art_date *d) {
  if (i + 2 >= n || t[i].type != T_NUM || t[i].ndig > 2) return -1;
  int hh = (int)t[i].val, mm, ss = 0, j;
  if ((is_p(&t[i + 1], ':') || is_p(&t[i + 1], '.') ||
       (t[i + 1].type == T_WORD && strcmp(t[i + 1].w, "h") == 0) ||
       cjk_kind(&t[i + 1]) == CJK_H) &&
      t[i + 2].type == T_NUM && t[i + 2].ndig == 2) {
    mm = (int)t[i + 2].val;
    j = i + 3;
  } else {
    return -1;
  }
  int cjk = cjk_kind(&t[i + 1]) == CJK_H;
  if (cjk && j < n && cjk_kind(&t[j]) == CJK_MIN) j++;
  if (j + 1 < n && (is_p(&t[j], ':') || (is_p(&t[j], '.') && is_p(&t[i + 1], '.'))) &&
      t[j + 1].type == T_NUM && t[j + 1].ndig == 2) {
    ss = (int)t[j + 1].val;
    j += 2;
    if (j + 1 < n && (is_p(&t[j], '.') || is_p(&t[j], ',')) && t[j + 1].type == T_NUM &&
        !t[j + 1].sp)
      j += 2;  /* fraction of a second */
  }
  if (cjk && j < n && cjk_kind(&t[j]) == CJK_S) j++;
  /* am / pm, also "a.m." and "p. m." */
  if (j < n && t[j].type == T_WORD) {
    int pm = -1, k = j;
    if (strcmp(t[j].w, "am") == 0 || strcmp(t[j].w, "pm") == 0) {
      pm = t[j].w[0] == 'p';
      k = skip_dot(t, n, j + 1);
    } else if ((strcmp(t[j].w, "a") == 0 || strcmp(t[j].w, "p") == 0) && j + 2 < n &&
               is_p(&t[j + 1], '.') && t[j + 2].type == T_WORD && strcmp(t[j + 2].w, "m") == 0) {
      pm = t[j].w[0] == 'p';
      k = skip_dot(t, n, j + 3);
    }
    if (pm >= 0) {
      if (hh < 1 || hh > 12) return -1;
      hh = hh % 12 + (pm ? 12 : 0);
      j = k;
    } else if (strcmp(t[j].w, "uhr") == 0 || strcmp(t[j].w, "h") == 0 ||
               strcmp(t[j].w, "hrs") == 0 || strcmp(t[j].w, "ч") == 0) {
      j++;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return -1;
  d->has_time = 1;
  d->hour = hh; d->minute = mm; d->second = ss;
  d->has_offset = 0;
  d->offset = 0;
  return zone_at(t, n, j, d);
}

/* Tries the time forms after a date that ends at index i. */
static int time_after(const tok *t, int n, int i, art_date *d) {
  int j = i;
  for (int hops = 0; hops < 3 && j < n; hops++) {
    int r = time_at(t, n, j, d);
    if (r > 0) return r;
    if (is_p(&t[j], ',') || is_p(&t[j], '|') || is_p(&t[j], '@') || is_p(&t[j], '-') ||
        is_p(&t[j], '~') || is_p(&t[j], '/') || is_p(&t[j], '(') || WORD_IN(&t[j], TIME_LINKS))
      j = skip_dot(t, n, j + 1);
    else
      break;
  }
  return i;
}

/* Tries a time just before a date that starts at index i ("10:52, 1 Nov
 * 2021", "3:46 PM March 11, 2015"). */
static void time_before(const tok *t, int i, art_date *d) {
  for (int s = i - 9; s <= i - 3; s++) {
    if (s < 0) continue;
    art_date tmp = *d;
    int e = time_at(t, i, s, &tmp);
    if (e < 0) continue;
    while (e < i && (is_p(&t[e], ',') || is_p(&t[e], '|') || is_p(&t[e], '-') ||
                     WORD_IN(&t[e], TIME_LINKS)))
      e++;
    if (e == i) { *d = tmp; return; }
  }
}

/* Matches a date (no time) starting at token i; returns the index after it,
 * or -1.  order says how to read an ambiguous numeric date. */
static int date_at(const tok *t, int n, int i, const date_ctx *c, art_date *d) {
  memset(d, 0, sizeof *d);
  const tok *a = &t[i];
  if (a->type == T_NUM && a->ndig == 4) {
    int y = (int)a->val;
    /* 2015-07-24, 2015/07/24, 2015.07.24 */
    if (i + 4 < n + 0 && (is_p(&t[i + 1], '-') || is_p(&t[i + 1], '/') || is_p(&t[i + 1], '.')) &&
        t[i + 2].type == T_NUM && t[i + 2].ndig <= 2 && is_p(&t[i + 3], t[i + 1].cp) &&
        t[i + 4].type == T_NUM && t[i + 4].ndig <= 2 && !t[i + 1].sp && !t[i + 3].sp &&
        ((!t[i + 2].sp && !t[i + 4].sp) || is_p(&t[i + 1], '.'))) {   /* "2015. 07. 24." */
      d->year = y; d->month = (int)t[i + 2].val; d->day = (int)t[i + 4].val;
      int j = i + 5;
      if (is_p(&t[i + 1], '.') && j < n && is_p(&t[j], '.')) j++;
      return valid_ymd(d->year, d->month, d->day) ? j : -1;
    }
    /* 2015年7月24日, 2015년 7월 24일 */
    if (i + 5 < n + 1 && i + 4 < n && cjk_kind(&t[i + 1]) == CJK_Y && t[i + 2].type == T_NUM &&
        cjk_kind(&t[i + 3]) == CJK_M && t[i + 4].type == T_NUM) {
      d->year = y; d->month = (int)t[i + 2].val; d->day = (int)t[i + 4].val;
      int j = i + 5;
      if (j < n && cjk_kind(&t[j]) == CJK_D) j++;
      else return -1;
      return valid_ymd(d->year, d->month, d->day) ? j : -1;
    }
    /* 2015 Jul 24, 2015-Jul-24, 2015. július 24. (year first, month word) */
    int j = skip_dot(t, n, i + 1);
    if (j < n && (is_p(&t[j], ',') || (is_p(&t[j], '-') && !t[j].sp))) j++;
    int m = j < n ? month_of(&t[j]) : 0;
    if (m) {
      int day;
      int k = skip_dot(t, n, j + 1);
      if (k < n && is_p(&t[k], '-') && !t[k].sp) k++;
      k = day_at(t, n, k, &day);
      if (k > 0 && valid_ymd(y, m, day)) {
        d->year = y; d->month = m; d->day = day;
        return skip_dot(t, n, k);
      }
    }
    return -1;
  }
  if (a->type == T_NUM && a->ndig <= 2) {
    /* 24.07.2015, 07/24/2015, 24-07-2015 (and two-digit years on request) */
    if (i + 4 < n && (is_p(&t[i + 1], '.') || is_p(&t[i + 1], '/') || is_p(&t[i + 1], '-')) &&
        t[i + 2].type == T_NUM && t[i + 2].ndig <= 2 && is_p(&t[i + 3], t[i + 1].cp) &&
        !t[i + 1].sp && !t[i + 3].sp &&
        ((!t[i + 2].sp && !t[i + 4].sp) || (is_p(&t[i + 1], '.') && t[i + 4].ndig == 4))) {
      /* "24. 7. 2015" (Czech, Slovak) keeps its spaces only after dots */
      int y = year_of(&t[i + 4], c->flags);
      if (y < 0 || (t[i + 4].ndig == 2 && is_p(&t[i + 1], '-'))) return -1;
      /* a further ".digit" means a version number or an IP address */
      if (i + 6 < n && (is_p(&t[i + 5], '.') || is_p(&t[i + 5], ':')) && !t[i + 5].sp &&
          t[i + 6].type == T_NUM && !t[i + 6].sp)
        return -1;
      int p = (int)a->val, q = (int)t[i + 2].val, mdy;
      if (p > 12 && q <= 12) mdy = 0;
      else if (q > 12 && p <= 12) mdy = 1;
      else if (p > 12 && q > 12) return -1;
      else mdy = is_p(&t[i + 1], '.') ? 0 : c->order == DATE_MDY;
      d->year = y;
      d->month = mdy ? p : q;
      d->day = mdy ? q : p;
      return valid_ymd(d->year, d->month, d->day) ? i + 5 : -1;
    }
    /* 24 July 2015, 24. Juli 2015, 24 de julio de 2015, 24th of July, 2015 */
    int day;
    int j = day_at(t, n, i, &day);
    if (j < 0) return -1;
    j = skip_dot(t, n, j);
    int dash = j < n && (is_p(&t[j], '-') || is_p(&t[j], '/')) && !t[j].sp;   /* 24-Jul-2015 */
    if (dash) j++;
    if (j < n && WORD_IN(&t[j], FILLERS)) j++;
    int m = j < n ? month_of(&t[j]) : 0;
    if (!m) return -1;
    j = skip_dot(t, n, j + 1);
    if (dash && j < n && (is_p(&t[j], '-') || is_p(&t[j], '/'))) j++;
    if (j < n && is_p(&t[j], ',')) j++;
    if (j < n && WORD_IN(&t[j], FILLERS)) j++;
    if (j >= n || t[j].type != T_NUM || t[j].ndig != 4) return -1;
    d->year = (int)t[j].val; d->month = m; d->day = day;
    j++;
    /* Russian "2015 г." / "года", Polish "r." */
    if (j < n && t[j].type == T_WORD &&
        (strcmp(t[j].w, "г") == 0 || strcmp(t[j].w, "года") == 0 || strcmp(t[j].w, "r") == 0))
      j = skip_dot(t, n, j + 1);
    return valid_ymd(d->year, d->month, d->day) ? j : -1;
  }
  int m = month_of(a);
  if (m) {
    /* July 24, 2015; Jul. 24th 2015; Fri Jul 24 2015 */
    int day;
    int j = skip_dot(t, n, i + 1);
    j = day_at(t, n, j, &day);
    if (j < 0) return -1;
    if (j < n && is_p(&t[j], ',')) j++;
    if (j >= n || t[j].type != T_NUM || t[j].ndig != 4) {
      /* "Fri Jul 24 05:36:09 2015" (C's asctime) */
      art_date tmp = *d;
      int k = time_at(t, n, j, &tmp);
      if (k > 0 && k < n && t[k].type == T_NUM && t[k].ndig == 4 &&
          valid_ymd((int)t[k].val, m, day)) {
        *d = tmp;
        d->year = (int)t[k].val; d->month = m; d->day = day;
        return k + 1;
      }
      return -1;
    }
    d->year = (int)t[j].val; d->month = m; d->day = day;
    return valid_ymd(d->year, d->month, d->day) ? j + 1 : -1;
  }
  return -1;
}

/* ---------------------------------------------------------------- public */

static long long days_from_civil(int y, int m, int d) {
  /* Days since 1970-01-01 in the proleptic Gregorian calendar. */
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

long long date_epoch(const art_date *d) {
  long long s = days_from_civil(d->year, d->month, d->day) * 86400LL;
  if (d->has_time) s += d->hour * 3600LL + d->minute * 60LL + d->second;
  if (d->has_offset) s -= d->offset * 60LL;
  return s;
}

int date_plausible(const art_date *d, const date_ctx *c) {
  if (!valid_ymd(d->year, d->month, d->day)) return 0;
  if (d->year < c->floor_year) return 0;
  long long e = date_epoch(d);
  long long slack = d->has_offset ? 0 : FUTURE_SLACK_S;
  if (!d->has_time) slack = FUTURE_SLACK_S;
  return c->now <= 0 || e <= c->now + slack;
}

int date_order_for(const char *lang) {
  if (!lang) return DATE_DMY;
  if (strcasecmp(lang, "en") == 0 || strncasecmp(lang, "en-US", 5) == 0 ||
      strncasecmp(lang, "en_US", 5) == 0)
    return DATE_MDY;
  return DATE_DMY;
}

void date_iso(const art_date *d, char *out, size_t outlen) {
  int n = snprintf(out, outlen, "%04d-%02d-%02d", d->year, d->month, d->day);
  if (!d->has_time || n < 0 || (size_t)n >= outlen) return;
  n += snprintf(out + n, outlen - (size_t)n, "T%02d:%02d:%02d", d->hour, d->minute, d->second);
  if (!d->has_offset || n < 0 || (size_t)n >= outlen) return;
  int off = d->offset < 0 ? -d->offset : d->offset;
  snprintf(out + n, outlen - (size_t)n, "%c%02d:%02d", d->offset < 0 ? '-' : '+', off / 60,
           off % 60);
}

/* Whole-string numeric forms: Unix time (10 or 13 digits), YYYYMMDD. */
static int numeric_only(const char *s, const date_ctx *c, art_date *d) {
  while (*s == ' ') s++;
  size_t n = 0;
  long long v = 0;
  while (s[n] >= '0' && s[n] <= '9') { if (n < 18) v = v * 10 + (s[n] - '0'); n++; }
  for (size_t k = n; s[k]; k++)
    if (s[k] != ' ') return 0;
  memset(d, 0, sizeof *d);
  if (n == 8 && (c->flags & DATE_COMPACT)) {
    d->year = (int)(v / 10000); d->month = (int)(v / 100 % 100); d->day = (int)(v % 100);
    return valid_ymd(d->year, d->month, d->day) && date_plausible(d, c);
  }
  if ((n == 10 || n == 13) && (c->flags & DATE_EPOCH)) {
    if (n == 13) v /= 1000;
    long long days = v / 86400, rem = v % 86400;
    /* civil_from_days */
    days += 719468;
    long long era = days / 146097, doe = days - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    d->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d->year = (int)(yoe + era * 400 + (d->month <= 2));
    d->has_time = d->has_offset = 1;
    d->hour = (int)(rem / 3600); d->minute = (int)(rem / 60 % 60); d->second = (int)(rem % 60);
    return date_plausible(d, c);
  }
  return 0;
}

int date_find(const char *s, size_t from, const date_ctx *c, art_date *d,
              size_t *start, size_t *end) {
  if (!s) return 0;
  pthread_once(&month_once, month_build);
  size_t n = strlen(s);
  if (from == 0 && (c->flags & (DATE_EPOCH | DATE_COMPACT)) && numeric_only(s, c, d)) {
    if (start) *start = 0;
    if (end) *end = n;
    return 1;
  }
  tok t[MAX_TOK];
  size_t pos = from;
  while (pos < n) {
    int more, k = tokenize(s, n, pos, t, &more);
    if (k == 0) break;
    int limit = more ? k - LOOKAHEAD : k;
    if (limit < 1) limit = 1;
    for (int i = 0; i < limit; i++) {
      /* A date glued to letters or digits before it is part of something
       * else (an id, a product code). */
      if (i > 0 && !t[i].sp && (t[i - 1].type == T_NUM || t[i - 1].type == T_WORD) &&
          t[i].type == T_NUM)
        continue;
      art_date x;
      int j = date_at(t, k, i, c, &x);
      if (j < 0) continue;
      /* "2015-07-24-foo-12" in a slug, or digits glued after the date */
      if (j < k && !t[j].sp && t[j].type == T_NUM) continue;
      int e = time_after(t, k, j, &x);
      if (e == j && !x.has_time) time_before(t, i, &x);
      if (!date_plausible(&x, c)) continue;
      *d = x;
      if (start) *start = t[i].s;
      if (end) *end = t[e - 1].e;
      return 1;
    }
    if (!more) break;
    pos = t[limit].s;
  }
  return 0;
}
