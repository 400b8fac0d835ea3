/* utf8.c — UTF-8 validation and repair (see utf8.h). */
#include "base/utf8.h"

#include <stdint.h>
#include <string.h>

/* True when all 8 bytes at p are printable ASCII (0x20-0x7F): the common case
 * of HTML, checked a word at a time.  (x - 0x20..) & ~x has a byte's high bit
 * set exactly where that byte is below 0x20, given no byte is 0x80 or more. */
static inline int ascii8(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  const uint64_t hi = 0x8080808080808080ull, sp = 0x2020202020202020ull;
  return ((x | ((x - sp) & ~x)) & hi) == 0;
}

int utf8_seqlen(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2 || c > 0xF4) return 0;
  if (c < 0xE0) return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;        /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0;       /* surrogate */
    if (c == 0xEF && s[1] == 0xBF && s[2] >= 0xBE) return 0; /* U+FFFE/FFFF */
    return 3;
  }
  if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
    return 0;
  if (c == 0xF0 && s[1] < 0x90) return 0;          /* overlong */
  if (c == 0xF4 && s[1] >= 0x90) return 0;         /* above U+10FFFF */
  return 4;
}

unsigned utf8_decode(const unsigned char *s, int len) {
  switch (len) {
  case 1: return s[0];
  case 2: return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
  case 3: return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
  case 4:
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
           (s[3] & 0x3Fu);
  default: return 0xFFFD;
  }
}

static int is_bad_control(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

void utf8_scan(const char *s, size_t n, utf8_stats *st) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  st->multibyte = st->invalid = st->controls = 0;
  while (p < end) {
    if (end - p >= 8 && ascii8(p)) { p += 8; continue; }
    if (*p < 0x80) {
      if (is_bad_control(*p)) st->controls++;
      p++;
      continue;
    }
    int l = utf8_seqlen(p, (size_t)(end - p));
    if (l == 0) { st->invalid++; p++; }
    else { st->multibyte++; p += l; }
  }
}

int utf8_clean(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    if (end - p >= 8 && ascii8(p)) { p += 8; continue; }
    if (*p < 0x80) {
      if (is_bad_control(*p)) return 0;
      p++;
      continue;
    }
    int l = utf8_seqlen(p, (size_t)(end - p));
    if (l == 0) return 0;
    p += l;
  }
  return 1;
}

void utf8_repair(buf *out, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  buf_reserve(out, n + n / 8);
  while (p < end) {
    const unsigned char *run = p;  /* copy runs of good bytes in one go */
    while (p < end) {
      if (*p < 0x80) {
        if (is_bad_control(*p)) break;
        p++;
        continue;
      }
      int l = utf8_seqlen(p, (size_t)(end - p));
      if (l == 0) break;
      p += l;
    }
    buf_add(out, (const char *)run, (size_t)(p - run));
    if (p >= end) break;
    if (*p < 0x80) buf_addc(out, ' ');
    else buf_add(out, "\xEF\xBF\xBD", 3);
    p++;
  }
}
