/* doc.c — encoding detection and HTML parsing (see doc.h). */
#include "html/doc.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLtree.h>

#include "base/buf.h"
#include "base/utf8.h"

/* How far into the page we look for a <meta charset>.  WHATWG says 1024
 * bytes, but real pages put long scripts and styles first. */
#define META_SNIFF_BYTES 16384

/* libxml2 options: recover from anything, stay quiet, never touch the network,
 * and ignore <meta charset> since we hand it UTF-8 already.  XML_PARSE_HUGE
 * lifts the 256-level depth limit, past which libxml2 silently drops the rest
 * of the page (piles of unclosed <font> or <b> tags reach it); depth is then
 * bounded by doc_flatten_deep instead, keeping the text. */
#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                       HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)

/* WHATWG label aliases that differ from what glibc's iconv would do with the
 * label itself: the browser reading is the one pages are written against. */
static const struct { const char *label, *name; } ALIASES[] = {
  {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
  {"unicode", "UTF-8"}, {"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"},
  {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
  {"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
  {"us-ascii", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
  {"windows-1252", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"}, {"x-user-defined", "WINDOWS-1252"},
  {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
  {"iso-8859-11", "WINDOWS-874"}, {"tis-620", "WINDOWS-874"},
  {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"cp936", "GB18030"},
  {"csgb2312", "GB18030"}, {"chinese", "GB18030"}, {"gb_2312-80", "GB18030"},
  {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"},
  {"ms_kanji", "CP932"}, {"windows-31j", "CP932"}, {"csshiftjis", "CP932"}, {"ms932", "CP932"},
  {"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"korean", "CP949"},
  {"windows-949", "CP949"}, {"big5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
  {"cn-big5", "BIG5-HKSCS"},
};

int doc_charset_name(const char *label, char *out, size_t outlen) {
  char low[64];
  size_t n = 0;
  while (*label && isspace((unsigned char)*label)) label++;
  for (; label[n] && n < sizeof low - 1; n++) low[n] = (char)tolower((unsigned char)label[n]);
  while (n > 0 && (isspace((unsigned char)low[n - 1]) || low[n - 1] == '"' || low[n - 1] == '\''))
    n--;
  low[n] = '\0';
  if (n == 0) return -1;
  for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++) {
    if (strcmp(low, ALIASES[i].label) == 0) {
      snprintf(out, outlen, "%s", ALIASES[i].name);
      return 0;
    }
  }
  for (size_t i = 0; i < n; i++) {  /* only plausible label characters reach iconv */
    if (!isalnum((unsigned char)low[i]) && !strchr("-_.:", low[i])) return -1;
  }
  char up[64];
  for (size_t i = 0; i <= n; i++) up[i] = (char)toupper((unsigned char)low[i]);
  iconv_t cd = iconv_open("UTF-8", up);
  if (cd == (iconv_t)-1) return -1;
  iconv_close(cd);
  snprintf(out, outlen, "%s", up);
  return 0;
}

int doc_to_utf8(buf *out, const char *bytes, size_t len, const char *name) {
  if (strcmp(name, "UTF-8") == 0) {
    utf8_repair(out, bytes, len);
    return 0;
  }
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1) return -1;
  char *in = (char *)bytes;
  size_t inleft = len;
  buf tmp = BUF_INIT;  /* raw iconv output; repaired into `out` at the end */
  while (inleft > 0 && !tmp.oom) {
    if (buf_reserve(&tmp, inleft * 2 + 16)) break;
    char *o = tmp.data + tmp.len;
    size_t oleft = tmp.cap - tmp.len - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    tmp.len = (size_t)(o - tmp.data);
    tmp.data[tmp.len] = '\0';
    if (r == (size_t)-1) {
      if (errno == E2BIG) continue;
      /* EILSEQ or EINVAL (truncated tail): one replacement char per bad byte */
      buf_add(&tmp, "\xEF\xBF\xBD", 3);
      in++;
      inleft--;
    }
  }
  iconv_close(cd);
  utf8_repair(out, buf_str(&tmp), tmp.len);  /* drops controls the source held */
  if (tmp.oom) out->oom = 1;
  buf_free(&tmp);
  return 0;
}

/* Case-insensitive search for `needle` (lower case) in [p, end). */
static const char *find_ci(const char *p, const char *end, const char *needle) {
  size_t n = strlen(needle);
  for (; p + n <= end; p++) {
    if (strncasecmp(p, needle, n) == 0) return p;
  }
  return NULL;
}

/* Copies the charset=... parameter value found in [p, end) into out. */
static int charset_param(const char *p, const char *end, char *out, size_t outlen) {
  const char *c = find_ci(p, end, "charset");
  if (!c) return -1;
  c += 7;
  while (c < end && isspace((unsigned char)*c)) c++;
  if (c >= end || *c != '=') return -1;
  c++;
  while (c < end && (isspace((unsigned char)*c) || *c == '"' || *c == '\'')) c++;
  size_t n = 0;
  while (c + n < end && !strchr(" \t\r\n;\"'>,", c[n])) n++;
  if (n == 0 || n >= outlen) return -1;
  memcpy(out, c, n);
  out[n] = '\0';
  return 0;
}

int doc_content_type_charset(const char *ct, char *out, size_t outlen) {
  if (!ct) return -1;
  return charset_param(ct, ct + strlen(ct), out, outlen);
}

/* Reads one attribute of a tag starting at *pp; returns 0 at the tag end. */
static int next_attr(const char **pp, const char *end, const char **name, size_t *nlen,
                     const char **val, size_t *vlen) {
  const char *p = *pp;
  while (p < end && (isspace((unsigned char)*p) || *p == '/')) p++;
  if (p >= end || *p == '>') return 0;
  *name = p;
  while (p < end && !isspace((unsigned char)*p) && *p != '=' && *p != '>' && *p != '/') p++;
  *nlen = (size_t)(p - *name);
  while (p < end && isspace((unsigned char)*p)) p++;
  *val = p;
  *vlen = 0;
  if (p < end && *p == '=') {
    p++;
    while (p < end && isspace((unsigned char)*p)) p++;
    if (p < end && (*p == '"' || *p == '\'')) {
      char q = *p++;
      *val = p;
      while (p < end && *p != q) p++;
      *vlen = (size_t)(p - *val);
      if (p < end) p++;
    } else {
      *val = p;
      while (p < end && !isspace((unsigned char)*p) && *p != '>') p++;
      *vlen = (size_t)(p - *val);
    }
  }
  if (*nlen == 0) p++;  /* stray character: step over it */
  *pp = p;
  return 1;
}

int doc_sniff_meta_charset(const char *bytes, size_t len, char *out, size_t outlen) {
  const char *end = bytes + (len < META_SNIFF_BYTES ? len : META_SNIFF_BYTES);
  if (len > 5 && strncmp(bytes, "<?xml", 5) == 0) {
    const char *close = find_ci(bytes, end, "?>");
    const char *enc = close ? find_ci(bytes, close, "encoding") : NULL;
    if (enc) {
      enc += 8;
      while (enc < close && (isspace((unsigned char)*enc) || *enc == '=' || *enc == '"' ||
                             *enc == '\''))
        enc++;
      size_t n = 0;
      while (enc + n < close && !strchr("\"' ?", enc[n])) n++;
      if (n > 0 && n < outlen) {
        memcpy(out, enc, n);
        out[n] = '\0';
        return 0;
      }
    }
  }
  for (const char *p = bytes; (p = find_ci(p, end, "<meta")) != NULL;) {
    p += 5;
    if (p < end && !isspace((unsigned char)*p) && *p != '/') continue;
    const char *name, *val;
    size_t nlen, vlen;
    int http_ct = 0;
    const char *content = NULL;
    size_t clen = 0;
    while (next_attr(&p, end, &name, &nlen, &val, &vlen)) {
      if (nlen == 7 && strncasecmp(name, "charset", 7) == 0 && vlen > 0 && vlen < outlen) {
        memcpy(out, val, vlen);
        out[vlen] = '\0';
        return 0;
      }
      if (nlen == 10 && strncasecmp(name, "http-equiv", 10) == 0 && vlen == 12 &&
          strncasecmp(val, "content-type", 12) == 0)
        http_ct = 1;
      if (nlen == 7 && strncasecmp(name, "content", 7) == 0) {
        content = val;
        clen = vlen;
      }
    }
    if (http_ct && content && charset_param(content, content + clen, out, outlen) == 0)
      return 0;
  }
  return -1;
}

/* Decides the encoding of the bytes; returns the canonical name in info.
 * Returns 1 when the bytes were scanned and are clean UTF-8 (no invalid
 * sequence, no control byte), 0 when scanned and not, -1 when not scanned. */
static int choose_encoding(const char *bytes, size_t len, const doc_opts *o, doc_info *info,
                           const char **start, size_t *slen) {
  const unsigned char *u = (const unsigned char *)bytes;
  char label[64];
  *start = bytes;
  *slen = len;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    snprintf(info->encoding, sizeof info->encoding, "UTF-8");
    info->source = "bom";
    *start = bytes + 3;
    *slen = len - 3;
    return -1;
  }
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    snprintf(info->encoding, sizeof info->encoding, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
    info->source = "bom";
    *start = bytes + 2;
    *slen = len - 2;
    return -1;
  }
  if (o && o->encoding && doc_charset_name(o->encoding, info->encoding,
                                           sizeof info->encoding) == 0) {
    info->source = "override";
    return -1;
  }

  utf8_stats st;
  utf8_scan(bytes, len, &st);
  int clean = st.invalid == 0 && st.controls == 0;
  const char *declared_src = NULL;
  char declared[40] = "";
  if (o && doc_content_type_charset(o->content_type, label, sizeof label) == 0 &&
      doc_charset_name(label, declared, sizeof declared) == 0)
    declared_src = "http";
  else if (doc_sniff_meta_charset(bytes, len, label, sizeof label) == 0 &&
           doc_charset_name(label, declared, sizeof declared) == 0)
    declared_src = "meta";

  if (declared_src) {
    int is_utf8 = strcmp(declared, "UTF-8") == 0;
    if (!is_utf8 && st.invalid == 0 && st.multibyte > 0) {
      /* declared legacy, but the bytes are unmistakably UTF-8 */
      snprintf(info->encoding, sizeof info->encoding, "UTF-8");
      info->source = "detected";
    } else if (is_utf8 && st.invalid > 0 && st.multibyte == 0) {
      /* declared UTF-8, but only legacy high bytes */
      snprintf(info->encoding, sizeof info->encoding, "WINDOWS-1252");
      info->source = "detected";
    } else {
      snprintf(info->encoding, sizeof info->encoding, "%s", declared);
      info->source = declared_src;
    }
    return clean;
  }
  /* Nothing declared: a few stray bytes in otherwise UTF-8 text stay UTF-8. */
  if (st.invalid == 0 || st.multibyte > 4 * st.invalid) {
    snprintf(info->encoding, sizeof info->encoding, "UTF-8");
    info->source = st.multibyte ? "detected" : "default";
  } else {
    snprintf(info->encoding, sizeof info->encoding, "WINDOWS-1252");
    info->source = "detected";
  }
  return clean;
}

/* Moves every node nested deeper than DOC_MAX_DEPTH up to that depth, in
 * document order, so no code downstream (ours, XPath, xmlCopyDoc) meets an
 * unbounded recursion.  O(nodes): each node is moved at most once. */
void doc_flatten_deep(xmlDocPtr doc) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) return;
  int depth = 0;
  for (xmlNodePtr n = root; n;) {
    if (depth == DOC_MAX_DEPTH - 1 && n->children) {
      /* hoist: each child's children become siblings right after it */
      for (xmlNodePtr c = n->children; c; c = c->next) {
        xmlNodePtr after = c;
        while (c->children) {
          xmlNodePtr gc = c->children;
          xmlUnlinkNode(gc);
          xmlAddNextSibling(after, gc);
          after = gc;
        }
      }
    }
    if (n->children && depth < DOC_MAX_DEPTH - 1) {
      n = n->children;
      depth++;
      continue;
    }
    while (n && !n->next) {
      n = n->parent;
      depth--;
      if (depth < 0 || n == (xmlNodePtr)doc) { n = NULL; break; }
    }
    if (n) n = n->next;
  }
}

xmlDocPtr doc_parse_html(const char *bytes, size_t len, const doc_opts *o, doc_info *info,
                         char *err, size_t errlen) {
  doc_info local;
  if (!info) info = &local;
  const char *start;
  size_t slen;
  int clean = choose_encoding(bytes, len, o, info, &start, &slen);

  buf conv = BUF_INIT;
  const char *src = start;
  size_t srclen = slen;
  if (strcmp(info->encoding, "UTF-8") != 0 ||
      !(clean == 1 || (clean < 0 && utf8_clean(start, slen)))) {
    if (doc_to_utf8(&conv, start, slen, info->encoding) != 0)
      utf8_repair(&conv, start, slen);
    if (conv.oom) {
      buf_free(&conv);
      snprintf(err, errlen, "out of memory converting the page to UTF-8");
      return NULL;
    }
    src = buf_str(&conv);
    srclen = conv.len;
  }
  /* libxml2 takes an int length; pages beyond 2 GB are cut there. */
  int n = srclen > 0x7FFFFFFF ? 0x7FFFFFFF : (int)srclen;
  xmlDocPtr doc = NULL;
  if (n > 0) doc = htmlReadMemory(src, n, o ? o->url : NULL, "UTF-8", PARSE_OPTIONS);
  buf_free(&conv);
  if (doc) doc_flatten_deep(doc);
  if (!doc) {
    /* nothing parseable (empty or whitespace): an empty document is the answer */
    doc = htmlNewDocNoDtD(NULL, NULL);
    if (doc) {
      xmlNodePtr html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
      if (html) {
        xmlDocSetRootElement(doc, html);
        xmlNewChild(html, NULL, BAD_CAST "body", NULL);
      }
      if (o && o->url) doc->URL = xmlStrdup(BAD_CAST o->url);
    }
  }
  if (!doc) snprintf(err, errlen, "out of memory parsing the page");
  return doc;
}
