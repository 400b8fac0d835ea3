/* strset.c — read-only string sets (see strset.h). */
#include "base/strset.h"

#include <ctype.h>
#include <string.h>

#define ENDS(a, z) ((((unsigned)(unsigned char)(a) << 5) ^ (unsigned char)(z)) & 1023u)
#define LENBIT(n) (1u << ((n) < 32 ? (n) : 0))

unsigned strset_hash(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

void strset_add(strset *t, const char *key, unsigned bits) {
  size_t n = strlen(key);
  unsigned i = strset_hash(key, n) & (STRSET_SLOTS - 1);
  while (t->key[i] && strcmp(t->key[i], key) != 0) i = (i + 1) & (STRSET_SLOTS - 1);
  t->key[i] = key;
  t->len[i] = (unsigned char)(n < 255 ? n : 255);
  t->val[i] |= bits;
  if (n) t->ends[ENDS(key[0], key[n - 1])] |= LENBIT(n);
}

unsigned strset_get(const strset *t, const char *key, size_t n) {
  if (n == 0 || !(t->ends[ENDS(key[0], key[n - 1])] & LENBIT(n))) return 0;
  unsigned i = strset_hash(key, n) & (STRSET_SLOTS - 1);
  unsigned char l = (unsigned char)(n < 255 ? n : 255);
  while (t->key[i]) {
    if (t->len[i] == l && memcmp(t->key[i], key, n) == 0 && t->key[i][n] == '\0')
      return t->val[i];
    i = (i + 1) & (STRSET_SLOTS - 1);
  }
  return 0;
}

unsigned strset_get_lower(const strset *t, const char *key, size_t n) {
  char low[64];
  if (n == 0 || n >= sizeof low) return 0;
  int a = tolower((unsigned char)key[0]), z = tolower((unsigned char)key[n - 1]);
  if (!(t->ends[ENDS(a, z)] & LENBIT(n))) return 0;
  for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)key[i]);
  return strset_get(t, low, n);
}
