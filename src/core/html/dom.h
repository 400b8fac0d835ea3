/*
 * dom.h — small helpers over the libxml2 tree shared by the extraction and
 * metadata passes.  Nothing here allocates unless it says so.
 */
#ifndef ARTICLE_DOM_H
#define ARTICLE_DOM_H

#include <stddef.h>
#include <libxml/tree.h>
#include "base/buf.h"

/* Lower-case tag name of an element ("" for non-elements).  HTML parser
 * names are already lower case; this guards against XHTML oddities. */
const char *dom_tag(const xmlNode *n);
/* True when element n has tag `tag` (lower case). */
int dom_is(const xmlNode *n, const char *tag);
/* Attribute value without copying, or NULL.  Valid while the node lives. */
const char *dom_attr(const xmlNode *n, const char *name);
/* First child / next sibling that is an element, or NULL. */
xmlNode *dom_first_element(const xmlNode *n);
xmlNode *dom_next_element(const xmlNode *n);
/* Next node in document order below `root` (pre-order); skip_children
 * skips n's subtree.  Iterative, so deep trees cannot overflow the stack. */
xmlNode *dom_next(const xmlNode *n, const xmlNode *root, int skip_children);
/* Appends the text of n's subtree to out, collapsing runs of white space to
 * one space (no leading/trailing trimming across calls).  Skips script,
 * style, template and noscript content. */
void dom_append_text(buf *out, const xmlNode *n);
/* The text of n's subtree, white space collapsed and trimmed.  Caller frees. */
char *dom_text(const xmlNode *n);
/* First element in document order below root with tag `tag`, or NULL. */
xmlNode *dom_find(const xmlNode *root, const char *tag);
/* The <html>, <head> and <body> elements (NULL when missing). */
xmlNode *dom_html(const xmlDoc *doc);
xmlNode *dom_head(const xmlDoc *doc);
xmlNode *dom_body(const xmlDoc *doc);
/* Trims and collapses white space of a NUL-terminated string in place. */
void dom_squash_space(char *s);
/* Copies s (may be NULL -> NULL), white space collapsed and trimmed; NULL if
 * the result is empty.  Caller frees. */
char *dom_clean_dup(const char *s);

#endif
