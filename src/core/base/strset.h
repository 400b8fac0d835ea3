/*
 * strset.h — read-only string sets: keys (static strings, not copied) to a
 * word of bits, built once and then only read, so parse workers may share
 * them.  Used for every token and tag lookup of the extraction, metadata and
 * date passes, where linear strcmp scans of the rule lists were most of the
 * time.
 */
#ifndef ARTICLE_STRSET_H
#define ARTICLE_STRSET_H

#include <stddef.h>

#define STRSET_SLOTS 2048  /* power of two, > 2x the longest rule list: short probes */

typedef struct strset {
  const char *key[STRSET_SLOTS];
  unsigned val[STRSET_SLOTS];
  unsigned char len[STRSET_SLOTS];  /* key length capped at 255: compared first */
  /* bit l of ends[first byte, last byte] is set when some key of length l
   * (bit 0: 32 or more) has those ends.  Most words looked up are in no set;
   * they are turned away before hashing. */
  unsigned ends[1024];
} strset;

/* FNV-1a of s[0..n): also for callers' own memo tables. */
unsigned strset_hash(const char *s, size_t n);
/* ORs bits into the value of key (adding it).  `key` must outlive the set
 * (rule lists are static).  Not thread-safe: build under pthread_once. */
void strset_add(strset *t, const char *key, unsigned bits);
/* The value of key[0..n), 0 when absent. */
unsigned strset_get(const strset *t, const char *key, size_t n);

/* The value of key[0..n) lower-cased (ASCII), 0 when absent or n >= 64
 * (no rule token is that long).  The ends filter runs on the raw bytes, so
 * most words are turned away without a copy. */
unsigned strset_get_lower(const strset *t, const char *key, size_t n);

#endif
