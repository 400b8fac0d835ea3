// lang.cc — lang_detect (see lang.h): the one C++ file, a shim over CLD2.
#include "text/lang.h"

#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cstring>
#include <new>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

// Text beyond this is not needed for a reliable answer and costs time.
static const size_t LANG_MAX_TEXT = 64 * 1024;

extern "C" int lang_detect(const char *text, size_t len, const char *tld_hint, char *out,
                           size_t outlen) {
  if (!text || !out || outlen < 2 || len == 0) return 0;
  if (len > LANG_MAX_TEXT) {
    len = LANG_MAX_TEXT;
    // back up to a UTF-8 character boundary
    while (len > 0 && (static_cast<unsigned char>(text[len]) & 0xC0) == 0x80) len--;
  }
  try {
    CLD2::CLDHints hints = {NULL, tld_hint, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language lang3[3];
    int percent3[3];
    double score3[3];
    int text_bytes = 0, valid_prefix = 0;
    bool reliable = false;
    CLD2::Language l = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, static_cast<int>(len), true, &hints, 0, lang3, percent3, score3, NULL,
        &text_bytes, &reliable, &valid_prefix);
    if (!reliable || l == CLD2::UNKNOWN_LANGUAGE) return 0;
    const char *code = CLD2::LanguageCode(l);
    if (!code || !*code || std::strcmp(code, "un") == 0 || std::strncmp(code, "xx", 2) == 0)
      return 0;
    size_t n = std::strlen(code);
    if (n + 1 > outlen) return 0;
    std::memcpy(out, code, n + 1);
    return 1;
  } catch (...) {
    return 0;
  }
}
