/*
 * utf8.h — UTF-8 validation and repair.  Everything handed to Lua passes
 * through here, so Lua never sees invalid UTF-8.
 */
#ifndef ARTICLE_UTF8_H
#define ARTICLE_UTF8_H

#include <stddef.h>
#include "base/buf.h"

typedef struct utf8_stats {
  size_t multibyte;   /* well-formed sequences of 2-4 bytes */
  size_t invalid;     /* bytes that start no well-formed sequence */
  size_t controls;    /* NUL and C0 controls other than TAB, LF, CR, FF */
} utf8_stats;

/* Length of the well-formed sequence at s (1-4), or 0 if s[0] starts none.
 * `n` is the number of bytes available. */
int utf8_seqlen(const unsigned char *s, size_t n);
/* Decodes the sequence at s (as sized by utf8_seqlen) to a code point. */
unsigned utf8_decode(const unsigned char *s, int len);
/* Counts well-formed multi-byte sequences, invalid bytes and control bytes. */
void utf8_scan(const char *s, size_t n, utf8_stats *st);
/* Appends s to out, replacing each invalid byte with U+FFFD and NUL / C0
 * controls (except TAB, LF, CR) with a space, so the result is valid UTF-8
 * that libxml2 accepts. */
void utf8_repair(buf *out, const char *s, size_t n);
/* True when s[0..n) is valid UTF-8 free of NUL and C0 controls. */
int utf8_clean(const char *s, size_t n);

#endif
