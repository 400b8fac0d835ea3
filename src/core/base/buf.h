/*
 * buf.h — a growable byte buffer, always NUL-terminated.
 *
 * Ownership: a buf owns `data`; buf_free() releases it, buf_detach() hands it
 * to the caller (who frees it with free()).  On allocation failure the buffer
 * sets `oom` and ignores further appends, so callers check once at the end.
 */
#ifndef ARTICLE_BUF_H
#define ARTICLE_BUF_H

#include <stddef.h>
#include <stdarg.h>

typedef struct buf {
  char *data;   /* NUL-terminated, or NULL while empty */
  size_t len;   /* bytes used, excluding the NUL */
  size_t cap;   /* bytes allocated */
  int oom;      /* an allocation failed: contents are incomplete */
} buf;

#define BUF_INIT {NULL, 0, 0, 0}

void buf_init(buf *b);
void buf_free(buf *b);
/* Ensures room for `extra` more bytes plus the NUL; 0 on success. */
int buf_reserve(buf *b, size_t extra);
void buf_add(buf *b, const char *s, size_t n);
void buf_adds(buf *b, const char *s);
void buf_addc_slow(buf *b, char c);
/* Appends one byte; the common case (room left) is inlined: text output
 * appends byte by byte and this is its hottest path. */
static inline void buf_addc(buf *b, char c) {
  if (b->len + 1 < b->cap) {
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
  } else {
    buf_addc_slow(b, c);
  }
}
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends the UTF-8 encoding of code point `cp`. */
void buf_add_utf8(buf *b, unsigned cp);
/* Returns the data (never NULL: "" when empty, heap-allocated) and resets b.
 * The caller owns the result. NULL only when out of memory. */
char *buf_detach(buf *b);
/* Truncates to `len` bytes (len <= b->len). */
void buf_truncate(buf *b, size_t len);
/* A view of the contents: never NULL. Valid until the next append. */
const char *buf_str(const buf *b);

#endif
