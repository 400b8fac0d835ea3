/*
 * lang.h — language detection from text (CLD2 underneath, behind a C shim
 * so no C++ exception or type crosses into the C core).
 */
#ifndef ARTICLE_LANG_H
#define ARTICLE_LANG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Detects the language of the UTF-8 text[0..len).  tld_hint (a top-level
 * domain such as "de", or NULL) nudges close calls.  On a reliable answer
 * writes its BCP 47 tag ("en", "pt", "zh-Hant") into out and returns 1;
 * returns 0 otherwise (too little text, mixed, unknown, out of memory).
 * Never throws; allocates nothing the caller owns. */
int lang_detect(const char *text, size_t len, const char *tld_hint, char *out, size_t outlen);

#ifdef __cplusplus
}
#endif

#endif
