/*
 * doc.h — turning bytes into a libxml2 HTML tree, with the character
 * encoding settled first so the tree is always UTF-8.
 *
 * Encoding order: byte-order mark; the caller's override; the charset of the
 * HTTP Content-Type; <meta charset> / http-equiv / <?xml encoding?>; then a
 * guess (valid UTF-8 stays UTF-8, anything else is windows-1252).  A declared
 * legacy encoding is overruled when the bytes are well-formed UTF-8 with
 * multi-byte sequences: pages that lie about their charset are common and
 * real legacy text essentially never forms valid UTF-8.
 */
#ifndef ARTICLE_DOC_H
#define ARTICLE_DOC_H

#include <stddef.h>
#include <libxml/HTMLparser.h>

/* Deepest element nesting kept; deeper nodes are hoisted to this depth. */
#define DOC_MAX_DEPTH 512

/* Bounds the tree depth to DOC_MAX_DEPTH (see doc.c); doc_parse_html calls it. */
void doc_flatten_deep(xmlDocPtr doc);

typedef struct doc_opts {
  const char *content_type;  /* HTTP Content-Type header, or NULL */
  const char *encoding;      /* caller's override (a charset label), or NULL */
  const char *url;           /* recorded as the document URL, or NULL */
} doc_opts;

typedef struct doc_info {
  char encoding[40];         /* canonical name the bytes were decoded from */
  const char *source;        /* "bom", "override", "http", "meta", "detected", "default" */
} doc_info;

/* Parses `len` bytes of HTML.  Never fails on bad input: empty, binary or
 * truncated bytes give a best-effort (possibly empty) tree.  Returns NULL only
 * when memory runs out, with a message in err.  The caller owns the returned
 * document and frees it with xmlFreeDoc().  `info` may be NULL. */
xmlDocPtr doc_parse_html(const char *bytes, size_t len, const doc_opts *o, doc_info *info,
                         char *err, size_t errlen);

/* Converts `len` bytes in encoding `name` (a name as doc_charset_name gives,
 * or "UTF-16LE"/"UTF-16BE") to valid UTF-8, appended to out.  Returns 0, or
 * -1 when iconv has no such converter.  Invalid input bytes become U+FFFD. */
struct buf;
int doc_to_utf8(struct buf *out, const char *bytes, size_t len, const char *name);

/* Maps a charset label to the name handed to iconv (WHATWG aliases applied:
 * latin1 and ascii mean windows-1252, gb2312 means GB18030, ...).  Writes
 * into out (size outlen) and returns 0, or -1 if no converter exists. */
int doc_charset_name(const char *label, char *out, size_t outlen);

/* Finds a declared charset in the first bytes of a page (meta charset,
 * http-equiv, XML declaration).  Writes the raw label to out; 0 if found. */
int doc_sniff_meta_charset(const char *bytes, size_t len, char *out, size_t outlen);

/* Extracts the charset parameter of a Content-Type value; 0 if found. */
int doc_content_type_charset(const char *ct, char *out, size_t outlen);

#endif
