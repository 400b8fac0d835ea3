/*
 * fetch.h — HTTP transfers on libcurl's multi interface, free of Lua.
 *
 * One ft_multi drives any number of transfers; each transfer is described by
 * an ft_req (copied at ft_add time: the request may be freed right after) and
 * identified by the id ft_add returns.  The multi owns every transfer until
 * the caller takes a finished one with ft_done_peek / ft_done_pop.  libcurl's
 * callbacks here only count bytes and set flags: nothing in them can longjmp
 * or call back into a scripting language.
 *
 * Guards applied in the callbacks: body cap (counted after decoding, so a
 * gzip bomb stops at the cap), header cap, accepted content types (checked on
 * the first body byte, so a refused PDF is not downloaded), early stop on
 * HTTP >= 400 (the status is what matters, not the error page), and the
 * private-address guard in the open-socket callback, which sees the address
 * libcurl is about to connect to after DNS, on every redirect hop.
 *
 * Parsing: a request with `parse` set has its body (2xx, or file://) turned
 * into an art_result by art_parse on one of the multi's worker threads, so
 * parsing uses the other cores while the network keeps moving.  Workers only
 * run art_parse on data the transfer owns; they hand the transfer back
 * through a mutex-protected queue and wake the multi with
 * curl_multi_wakeup.  Everything else (libcurl, the queues the caller sees)
 * stays on the caller's thread.
 */
#ifndef ARTICLE_FETCH_H
#define ARTICLE_FETCH_H

#include <stddef.h>
#include "article.h"
#include "base/buf.h"
#include "base/vec.h"

typedef struct ft_req {
  const char *url;
  const char *user_agent;
  const char *const *headers;    /* "Name: value" lines */
  size_t n_headers;
  long connect_timeout_ms;       /* 0: libcurl's default */
  long timeout_ms;               /* total time; 0: none */
  long low_speed_limit;          /* bytes per second ... */
  long low_speed_time;           /* ... for this many seconds, else timeout; 0: off */
  long max_redirects;            /* 0: do not follow */
  long long max_body;            /* decoded body bytes; 0: no cap */
  long max_header;               /* header bytes of one response; 0: no cap */
  const char *protocols;         /* libcurl list, "http,https" */
  int deny_private;              /* refuse private / loopback / ... addresses */
  const char *const *allow_addrs;  /* numeric addresses exempt from deny_private */
  size_t n_allow;
  const char *const *accept;     /* media types ("text/html", or "text/" plus a star); NULL: any */
  size_t n_accept;
  int verify_tls;                /* verify peer and host name */
  const char *ca_file;
  const char *proxy;             /* NULL: libcurl's default (environment) */
  const char *noproxy;
  const char *cookie_file;       /* read cookies from; "" enables the engine only */
  const char *cookie_jar;        /* write cookies to at the end of the transfer */
  int keep_error_body;           /* read the body of HTTP >= 400 responses too */
  const art_opts *parse;         /* parse a 2xx body with these (copied); NULL: no */
  int truncate;                  /* over max_body: keep the first max_body bytes and
                                    complete, instead of failing (robots.txt) */
} ft_req;

/* What a finished transfer tells.  Strings point into the transfer and live
 * until it is popped. */
typedef struct ft_info {
  long id;
  const char *kind;              /* NULL when the exchange completed (any status) */
  const char *message;           /* with kind */
  long status;                   /* HTTP status, 0 for file:// or when none came */
  const char *url;               /* final URL */
  const char *content_type;      /* NULL when none */
  const char *headers;           /* raw header lines of the final response */
  size_t headers_len;
  const char *body;
  size_t body_len;
  double elapsed;                /* seconds */
  long redirects;
  const char *primary_ip;
  const art_result *article;     /* the parsed body, when the request asked for it */
  const char *parse_error;       /* art_parse's message when it failed (memory) */
} ft_info;

typedef struct ft_multi ft_multi;

/* Sets libcurl up once per process; call before anything else.  0 on
 * success, -1 when libcurl could not initialise. */
int ft_global_init(void);

/* A new multi handle, or NULL when out of memory.  Free with ft_multi_free.
 * parse_threads: worker threads for requests that ask for parsing (started
 * on first use); 0 parses on the caller's thread inside ft_perform. */
ft_multi *ft_multi_new(int parse_threads);
/* Stops the workers (waiting for the pages they are parsing), aborts and
 * frees every transfer, then the multi.  NULL is a no-op. */
void ft_multi_free(ft_multi *m);

/* Starts a transfer for r (copied).  Returns 0 and sets *id, or -1 with a
 * message in err (bad option value, out of memory); nothing is left behind
 * on failure. */
int ft_add(ft_multi *m, const ft_req *r, long *id, char *err, size_t errlen);

/* Waits up to timeout_ms for socket activity (0: not at all), then advances
 * every transfer.  Finished ones move to the done queue.  Returns the number
 * of transfers still running, or -1 with a message in err. */
int ft_perform(ft_multi *m, long timeout_ms, char *err, size_t errlen);

/* Fills *info for the oldest finished transfer and returns 1, or returns 0
 * when none is waiting.  The transfer stays queued until ft_done_pop. */
int ft_done_peek(ft_multi *m, ft_info *info);
/* Frees the oldest finished transfer. */
void ft_done_pop(ft_multi *m);

/* The ids of transfers whose network part ended since the last call and
 * that are now being parsed (their results come later).  *ids stays valid
 * until the next ft_perform.  A caller counting connections per host frees
 * the slot here rather than when the parsed result arrives. */
size_t ft_handoff_take(ft_multi *m, const long **ids);

/* Milliseconds libcurl wants before the next ft_perform (-1: no timer). */
long ft_timeout(ft_multi *m);
/* Transfers started and not finished. */
int ft_running(const ft_multi *m);
/* Sockets libcurl waits on: read and write descriptors, at most `max` each.
 * For hosts with their own event loop.  Returns 0, -1 on error. */
int ft_fds(ft_multi *m, int *rd, int *nrd, int *wr, int *nwr, int max);

/* Whether the numeric address in text form is loopback, private, link-local,
 * multicast or otherwise not a public unicast address.  -1: not an address. */
int ft_addr_is_private(const char *text);

/* libcurl's version string ("libcurl/7.88.1 OpenSSL/3.0 ..."). */
const char *ft_curl_version(void);

#endif
