/* buf.c — growable byte buffer; see buf.h for the ownership contract. */
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->oom = 0;
}

void buf_free(buf *b) {
  free(b->data);
  buf_init(b);
}

int buf_reserve(buf *b, size_t extra) {
  if (b->oom) return -1;
  if (extra > (size_t)-1 / 2 - b->len) { b->oom = 1; return -1; }
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  char *p = realloc(b->data, cap);
  if (!p) { b->oom = 1; return -1; }
  b->data = p;
  b->cap = cap;
  return 0;
}

void buf_add(buf *b, const char *s, size_t n) {
  if (n == 0 || buf_reserve(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void buf_adds(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_addc_slow(buf *b, char c) {
  if (buf_reserve(b, 1)) return;
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}

void buf_printf(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) { buf_add(b, small, (size_t)n); return; }
  if (buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void buf_add_utf8(buf *b, unsigned cp) {
  char o[4];
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) { buf_addc(b, (char)cp); return; }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F));
    buf_add(b, o, 2);
  } else if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    buf_add(b, o, 3);
  } else {
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    buf_add(b, o, 4);
  }
}

char *buf_detach(buf *b) {
  if (b->oom) { buf_free(b); return NULL; }
  char *p = b->data;
  if (!p) p = calloc(1, 1);
  buf_init(b);
  return p;
}

void buf_truncate(buf *b, size_t len) {
  if (len < b->len) {
    b->len = len;
    b->data[len] = '\0';
  }
}

const char *buf_str(const buf *b) { return b->data ? b->data : ""; }
