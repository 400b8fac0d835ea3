/* vec.c — owned arrays (see vec.h). */
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

int vec_grow(void **arr, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return 0;
  size_t nc = *cap ? *cap * 2 : 8;
  if (nc > ((size_t)-1) / size) return -1;
  void *p = realloc(*arr, nc * size);
  if (!p) return -1;
  *arr = p;
  *cap = nc;
  return 0;
}

int strvec_push_owned(strvec *sv, char *s) {
  if (!s) return -1;
  if (vec_grow((void **)&sv->v, &sv->cap, sv->n, sizeof *sv->v)) {
    free(s);
    return -1;
  }
  sv->v[sv->n++] = s;
  return 0;
}

int strvec_push(strvec *sv, const char *s) {
  if (!s || !*s) return 0;
  char *d = strdup(s);
  return d ? strvec_push_owned(sv, d) : -1;
}

int strvec_has(const strvec *sv, const char *s) {
  for (size_t i = 0; i < sv->n; i++)
    if (strcmp(sv->v[i], s) == 0) return 1;
  return 0;
}

void strvec_free(strvec *sv) {
  for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
  free(sv->v);
  sv->v = NULL;
  sv->n = sv->cap = 0;
}
