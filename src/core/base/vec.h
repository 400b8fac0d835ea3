/*
 * vec.h — the small owned arrays the article result is made of.
 * Every pointer stored in one is owned by it and freed by its _free.
 */
#ifndef ARTICLE_VEC_H
#define ARTICLE_VEC_H

#include <stddef.h>

typedef struct strvec {
  char **v;
  size_t n, cap;
} strvec;

/* Appends a copy of s (NULL or empty strings are skipped); 0 on success. */
int strvec_push(strvec *sv, const char *s);
/* Appends s, taking ownership (freed on failure); 0 on success. */
int strvec_push_owned(strvec *sv, char *s);
/* True when an equal string is present. */
int strvec_has(const strvec *sv, const char *s);
void strvec_free(strvec *sv);

/* Grows *arr (of element size `size`) to hold at least n+1 elements; 0 on
 * success.  For arrays of structs kept with a count and a capacity. */
int vec_grow(void **arr, size_t *cap, size_t n, size_t size);

#endif
