/*
 * fetch.c — HTTP transfers on libcurl's multi interface (see fetch.h).
 *
 * Ownership: the ft_multi owns its transfers, in one of two lists: `active`
 * (attached to the CURLM) and the done queue (detached, waiting for the
 * caller).  A transfer owns its easy handle, header list, buffers and the
 * copies of the request's lists.  Callbacks only touch their transfer.
 */
#define _GNU_SOURCE 1  /* dladdr */
#include "net/fetch.h"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <ctype.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <curl/curl.h>

/* Why a transfer was stopped by one of our callbacks. */
enum {
  FLAG_NONE = 0,
  FLAG_TOO_LARGE,     /* body over max_body */
  FLAG_HEADER_LARGE,  /* headers over max_header */
  FLAG_NOT_ACCEPTED,  /* content type not in the accept list */
  FLAG_HTTP_STOP,     /* HTTP >= 400: body not wanted */
  FLAG_BLOCKED,       /* deny_private refused an address */
  FLAG_OOM,
  FLAG_TRUNCATED,     /* body cut at max_body on request: not an error */
};

typedef struct ft_addr {
  int family;
  unsigned char a[16];
} ft_addr;

typedef struct ft_xfer {
  struct ft_xfer *prev, *next;   /* in the active list or the done queue */
  CURL *easy;
  struct curl_slist *hdr_list;
  long id;
  buf body, hdrs;
  long long max_body;
  long max_header;
  size_t cur_header;             /* header bytes of the current response */
  strvec accept;
  ft_addr *allow;
  size_t n_allow;
  int deny_private;
  int keep_error_body;
  int truncate;                  /* cut at max_body instead of failing */
  int checked;                   /* first-body checks done */
  int flag;
  int blocked_any;               /* deny_private refused at least one address */
  CURLcode code;
  int parse;                     /* turn a 2xx body into an article */
  int parsed;                    /* art holds a result (to free) */
  int parse_rc;                  /* art_parse's return */
  art_opts popts;                /* strings below are owned copies */
  char *p_url, *p_ctype, *p_enc;
  art_result art;
  char perr[128];
  char blocked[INET6_ADDRSTRLEN];
  char msg[CURL_ERROR_SIZE + 128];
  char errbuf[CURL_ERROR_SIZE];
} ft_xfer;

/* Parse workers.  `mu` guards the two queues and `stop`; a transfer in
 * either queue belongs to the pool until drained back. */
typedef struct ft_pool {
  int want;                      /* threads to start on first use */
  int n;                         /* threads started */
  pthread_t *th;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  ft_xfer *jobs_head, *jobs_tail;
  ft_xfer *out_head, *out_tail;
  int stop;
} ft_pool;

struct ft_multi {
  CURLM *multi;
  CURLSH *share;
  ft_xfer *active;
  ft_xfer *done_head, *done_tail;
  long next_id;
  int running;                   /* transfers in `active` or in the pool */
  ft_pool pool;
  long *handoff;                 /* ids that left the network for the pool ... */
  size_t n_handoff, cap_handoff; /* ... since ft_handoff_take */
};

/* ------------------------------------------------------------ addresses */

/* IPv4 ranges that are not public unicast (IANA special-purpose registry,
 * RFC 6890): reaching them from a URL someone else chose is how server-side
 * request forgery gets at internal services. */
static const struct { uint32_t net; int bits; } V4_DENY[] = {
  {0x00000000u, 8},   /* 0/8 "this network" */
  {0x0A000000u, 8},   /* 10/8 private */
  {0x64400000u, 10},  /* 100.64/10 carrier-grade NAT */
  {0x7F000000u, 8},   /* 127/8 loopback */
  {0xA9FE0000u, 16},  /* 169.254/16 link-local (cloud metadata lives here) */
  {0xAC100000u, 12},  /* 172.16/12 private */
  {0xC0000000u, 24},  /* 192.0.0/24 protocol assignments */
  {0xC0000200u, 24},  /* 192.0.2/24 documentation */
  {0xC0A80000u, 16},  /* 192.168/16 private */
  {0xC6120000u, 15},  /* 198.18/15 benchmarking */
  {0xC6336400u, 24},  /* 198.51.100/24 documentation */
  {0xCB007100u, 24},  /* 203.0.113/24 documentation */
  {0xE0000000u, 4},   /* 224/4 multicast */
  {0xF0000000u, 4},   /* 240/4 reserved, and the broadcast address */
};

/* IPv6 prefixes likewise (RFC 6890, RFC 4291). */
static const struct { unsigned char p[4]; int bits; } V6_DENY[] = {
  {{0xfc, 0x00}, 7},         /* unique local */
  {{0xfe, 0x80}, 10},        /* link-local */
  {{0xfe, 0xc0}, 10},        /* site-local (deprecated) */
  {{0xff, 0x00}, 8},         /* multicast */
  {{0x20, 0x01, 0x0d, 0xb8}, 32},  /* documentation */
  {{0x01, 0x00}, 16},        /* discard-only 100::/64 (whole /16 is unallocated) */
};

static int v4_denied(uint32_t a) {
  for (size_t i = 0; i < sizeof V4_DENY / sizeof V4_DENY[0]; i++) {
    uint32_t mask = V4_DENY[i].bits ? 0xFFFFFFFFu << (32 - V4_DENY[i].bits) : 0;
    if ((a & mask) == V4_DENY[i].net) return 1;
  }
  return 0;
}

static uint32_t v4_at(const unsigned char *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static int v6_denied(const unsigned char *a) {
  static const unsigned char zero[16];
  /* ::/96 covers :: and ::1 and the deprecated IPv4-compatible form. */
  if (memcmp(a, zero, 12) == 0) return 1;
  /* ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach IPv4 hosts. */
  static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b};
  if (memcmp(a, mapped, 12) == 0 || memcmp(a, nat64, 12) == 0) return v4_denied(v4_at(a + 12));
  /* 2002::/16 (6to4) embeds an IPv4 address in bytes 2..5. */
  if (a[0] == 0x20 && a[1] == 0x02) return v4_denied(v4_at(a + 2));
  for (size_t i = 0; i < sizeof V6_DENY / sizeof V6_DENY[0]; i++) {
    int bits = V6_DENY[i].bits, full = bits / 8, rest = bits % 8;
    if (memcmp(a, V6_DENY[i].p, (size_t)full) != 0) continue;
    if (rest) {
      unsigned char mask = (unsigned char)(0xFF << (8 - rest));
      if ((a[full] & mask) != (V6_DENY[i].p[full] & mask)) continue;
    }
    return 1;
  }
  return 0;
}

static int parse_addr(const char *text, ft_addr *out) {
  memset(out, 0, sizeof *out);
  if (inet_pton(AF_INET, text, out->a) == 1) { out->family = AF_INET; return 0; }
  if (inet_pton(AF_INET6, text, out->a) == 1) { out->family = AF_INET6; return 0; }
  return -1;
}

int ft_addr_is_private(const char *text) {
  ft_addr a;
  if (parse_addr(text, &a)) return -1;
  return a.family == AF_INET ? v4_denied(v4_at(a.a)) : v6_denied(a.a);
}

/* ------------------------------------------------------------ callbacks */

/* Runs before every connection libcurl opens, after name resolution: the one
 * place that sees the real address, also for redirect hops and DNS answers
 * that change between checks (rebinding).  With a proxy it sees the proxy. */
static curl_socket_t on_open_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *sa) {
  ft_xfer *x = ud;
  if (x->deny_private && purpose == CURLSOCKTYPE_IPCXN) {
    ft_addr a;
    memset(&a, 0, sizeof a);
    int denied = 1;  /* unknown families are refused */
    if (sa->family == AF_INET) {
      const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)&sa->addr;
      a.family = AF_INET;
      memcpy(a.a, &in->sin_addr, 4);
      denied = v4_denied(v4_at(a.a));
    } else if (sa->family == AF_INET6) {
      const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)&sa->addr;
      a.family = AF_INET6;
      memcpy(a.a, &in6->sin6_addr, 16);
      denied = v6_denied(a.a);
    }
    for (size_t i = 0; denied && i < x->n_allow; i++)
      if (x->allow[i].family == a.family &&
          memcmp(x->allow[i].a, a.a, a.family == AF_INET ? 4 : 16) == 0)
        denied = 0;
    if (denied) {
      x->blocked_any = 1;
      if (!a.family || !inet_ntop(a.family, a.a, x->blocked, sizeof x->blocked))
        snprintf(x->blocked, sizeof x->blocked, "(family %d)", sa->family);
      return CURL_SOCKET_BAD;
    }
  }
  return socket(sa->family, sa->socktype, sa->protocol);
}

/* Media type of a Content-Type value matches an accept entry: exact, or
 * "type/" plus a star, case-insensitively, parameters ignored. */
static int type_matches(const char *ctype, const char *want) {
  size_t n = strcspn(ctype, ";");
  while (n > 0 && isspace((unsigned char)ctype[n - 1])) n--;
  while (n > 0 && isspace((unsigned char)*ctype)) { ctype++; n--; }
  size_t w = strlen(want);
  if (w >= 2 && strcmp(want + w - 2, "/*") == 0)
    return n > w - 1 && strncasecmp(ctype, want, w - 1) == 0;
  return n == w && strncasecmp(ctype, want, n) == 0;
}

/* The checks made once the final response's headers are in.  Returns a flag
 * that stops the transfer, or FLAG_NONE. */
static int first_checks(ft_xfer *x) {
  x->checked = 1;
  long status = 0;
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 400 && !x->keep_error_body) return FLAG_HTTP_STOP;
  if (status >= 300 || x->accept.n == 0) return FLAG_NONE;
  char *ctype = NULL;
  curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ctype);
  if (!ctype || !*ctype) return FLAG_NONE;  /* untyped: let the parser judge */
  for (size_t i = 0; i < x->accept.n; i++)
    if (type_matches(ctype, x->accept.v[i])) return FLAG_NONE;
  return FLAG_NOT_ACCEPTED;
}

static size_t on_body(char *p, size_t size, size_t n, void *ud) {
  ft_xfer *x = ud;
  size_t len = size * n;
  if (!x->checked && (x->flag = first_checks(x)) != FLAG_NONE) return len ? 0 : 1;
  if (x->max_body > 0 && (long long)(x->body.len + len) > x->max_body) {
    if (x->truncate) buf_add(&x->body, p, (size_t)(x->max_body - (long long)x->body.len));
    x->flag = x->truncate ? FLAG_TRUNCATED : FLAG_TOO_LARGE;
    return len ? 0 : 1;
  }
  buf_add(&x->body, p, len);
  if (x->body.oom) {
    x->flag = FLAG_OOM;
    return len ? 0 : 1;
  }
  return len;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud) {
  ft_xfer *x = ud;
  size_t len = size * n;
  /* Each response of a redirect chain starts with its status line: keep
   * only the last response's headers. */
  if (len >= 5 && memcmp(p, "HTTP/", 5) == 0) {
    buf_truncate(&x->hdrs, 0);
    x->cur_header = 0;
  }
  x->cur_header += len;
  if (x->max_header > 0 && x->cur_header > (size_t)x->max_header) {
    x->flag = FLAG_HEADER_LARGE;
    return len ? 0 : 1;
  }
  buf_add(&x->hdrs, p, len);
  if (x->hdrs.oom) {
    x->flag = FLAG_OOM;
    return len ? 0 : 1;
  }
  return len;
}

/* ------------------------------------------------------------ transfers */

static void xfer_free(ft_xfer *x) {
  if (!x) return;
  if (x->easy) curl_easy_cleanup(x->easy);
  curl_slist_free_all(x->hdr_list);
  buf_free(&x->body);
  buf_free(&x->hdrs);
  strvec_free(&x->accept);
  free(x->allow);
  if (x->parsed) art_result_free(&x->art);
  free(x->p_url);
  free(x->p_ctype);
  free(x->p_enc);
  free(x);
}

/* Stable words for libcurl's failures (README "Error kinds"); codes not
 * listed are "network". */
static const struct { CURLcode code; const char *kind; } KINDS[] = {
  {CURLE_UNSUPPORTED_PROTOCOL, "protocol"},
  {CURLE_URL_MALFORMAT, "url"},
  {CURLE_COULDNT_RESOLVE_PROXY, "dns"},
  {CURLE_COULDNT_RESOLVE_HOST, "dns"},
  {CURLE_COULDNT_CONNECT, "connect"},
  {CURLE_OPERATION_TIMEDOUT, "timeout"},
  {CURLE_TOO_MANY_REDIRECTS, "too_many_redirects"},
  {CURLE_FILESIZE_EXCEEDED, "too_large"},
  {CURLE_SSL_CONNECT_ERROR, "tls"},
  {CURLE_PEER_FAILED_VERIFICATION, "tls"},
  {CURLE_SSL_CERTPROBLEM, "tls"},
  {CURLE_SSL_CIPHER, "tls"},
  {CURLE_SSL_CACERT_BADFILE, "tls"},
  {CURLE_SSL_ISSUER_ERROR, "tls"},
  {CURLE_SSL_PINNEDPUBKEYNOTMATCH, "tls"},
  {CURLE_SSL_INVALIDCERTSTATUS, "tls"},
  {CURLE_SSL_CRL_BADFILE, "tls"},
  {CURLE_SSL_ENGINE_NOTFOUND, "tls"},
  {CURLE_SSL_ENGINE_SETFAILED, "tls"},
  {CURLE_USE_SSL_FAILED, "tls"},
  {CURLE_WEIRD_SERVER_REPLY, "bad_response"},
  {CURLE_BAD_CONTENT_ENCODING, "bad_response"},
  {CURLE_HTTP2, "bad_response"},
  {CURLE_HTTP2_STREAM, "bad_response"},
  {CURLE_OUT_OF_MEMORY, "memory"},
  {CURLE_FILE_COULDNT_READ_FILE, "io"},
  {CURLE_READ_ERROR, "io"},
};

static const char *kind_of(CURLcode c) {
  for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
    if (KINDS[i].code == c) return KINDS[i].kind;
  return "network";
}

/* Sets every option of r on x->easy; 0, or -1 with err filled. */
static int configure(ft_multi *m, ft_xfer *x, const ft_req *r, char *err, size_t errlen) {
  CURL *e = x->easy;
  CURLcode c = CURLE_OK;
#define SET(opt, val) do { if (c == CURLE_OK) c = curl_easy_setopt(e, opt, val); } while (0)
  SET(CURLOPT_URL, r->url);
  SET(CURLOPT_PRIVATE, (void *)x);
  SET(CURLOPT_NOSIGNAL, 1L);
  SET(CURLOPT_ERRORBUFFER, x->errbuf);
  SET(CURLOPT_WRITEFUNCTION, on_body);
  SET(CURLOPT_WRITEDATA, (void *)x);
  SET(CURLOPT_HEADERFUNCTION, on_header);
  SET(CURLOPT_HEADERDATA, (void *)x);
  SET(CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  SET(CURLOPT_OPENSOCKETDATA, (void *)x);
  SET(CURLOPT_FOLLOWLOCATION, 1L);
  SET(CURLOPT_MAXREDIRS, r->max_redirects);
  SET(CURLOPT_AUTOREFERER, 1L);
  SET(CURLOPT_ACCEPT_ENCODING, "");  /* every decoder libcurl has: gzip, deflate, br, zstd */
  if (r->connect_timeout_ms > 0) SET(CURLOPT_CONNECTTIMEOUT_MS, r->connect_timeout_ms);
  if (r->timeout_ms > 0) SET(CURLOPT_TIMEOUT_MS, r->timeout_ms);
  if (r->low_speed_time > 0) {
    SET(CURLOPT_LOW_SPEED_LIMIT, r->low_speed_limit > 0 ? r->low_speed_limit : 1L);
    SET(CURLOPT_LOW_SPEED_TIME, r->low_speed_time);
  }
  /* A claimed Content-Length over the cap is refused before any byte
   * (unless the first bytes are wanted anyway). */
  if (r->max_body > 0 && !r->truncate)
    SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)r->max_body);
  if (r->user_agent) SET(CURLOPT_USERAGENT, r->user_agent);
  const char *protos = r->protocols ? r->protocols : "http,https";
  SET(CURLOPT_PROTOCOLS_STR, protos);
  /* A redirect never lands on file:// (a server could point us at local
   * files); it may only use the network protocols allowed. */
  char redir[128];
  size_t rl = 0;
  redir[0] = '\0';
  for (const char *p = protos; *p;) {
    size_t n = strcspn(p, ",");
    if (!(n == 4 && strncasecmp(p, "file", 4) == 0) && rl + n + 2 < sizeof redir) {
      if (rl) redir[rl++] = ',';
      memcpy(redir + rl, p, n);
      rl += n;
      redir[rl] = '\0';
    }
    p += n;
    if (*p == ',') p++;
  }
  SET(CURLOPT_REDIR_PROTOCOLS_STR, rl ? redir : "http,https");
  SET(CURLOPT_SSL_VERIFYPEER, r->verify_tls ? 1L : 0L);
  SET(CURLOPT_SSL_VERIFYHOST, r->verify_tls ? 2L : 0L);
  if (r->ca_file) SET(CURLOPT_CAINFO, r->ca_file);
  if (r->proxy) SET(CURLOPT_PROXY, r->proxy);
  if (r->noproxy) SET(CURLOPT_NOPROXY, r->noproxy);
  if (r->cookie_file) SET(CURLOPT_COOKIEFILE, r->cookie_file);
  if (r->cookie_jar) SET(CURLOPT_COOKIEJAR, r->cookie_jar);
  if (m->share) SET(CURLOPT_SHARE, m->share);
  for (size_t i = 0; c == CURLE_OK && i < r->n_headers; i++) {
    struct curl_slist *l = curl_slist_append(x->hdr_list, r->headers[i]);
    if (!l) c = CURLE_OUT_OF_MEMORY;
    else x->hdr_list = l;
  }
  if (x->hdr_list) SET(CURLOPT_HTTPHEADER, x->hdr_list);
#undef SET
  if (c != CURLE_OK) {
    snprintf(err, errlen, "%s", curl_easy_strerror(c));
    return -1;
  }
  return 0;
}

int ft_add(ft_multi *m, const ft_req *r, long *id, char *err, size_t errlen) {
  ft_xfer *x = calloc(1, sizeof *x);
  if (!x) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  buf_init(&x->body);
  buf_init(&x->hdrs);
  x->max_body = r->max_body;
  x->max_header = r->max_header;
  x->deny_private = r->deny_private;
  x->keep_error_body = r->keep_error_body;
  x->truncate = r->truncate;
  int fail = 0;
  if (r->parse) {
    x->parse = 1;
    x->popts = *r->parse;
    x->popts.url = x->popts.content_type = NULL;  /* set from the response */
    if (r->parse->encoding) fail = !(x->p_enc = strdup(r->parse->encoding));
    x->popts.encoding = x->p_enc;
  }
  for (size_t i = 0; !fail && i < r->n_accept; i++)
    fail = strvec_push(&x->accept, r->accept[i]) != 0;
  if (!fail && r->n_allow) {
    x->allow = calloc(r->n_allow, sizeof *x->allow);
    fail = x->allow == NULL;
    for (size_t i = 0; !fail && i < r->n_allow; i++, x->n_allow++) {
      if (parse_addr(r->allow_addrs[i], &x->allow[i])) {
        snprintf(err, errlen, "not a numeric IP address: '%s'", r->allow_addrs[i]);
        xfer_free(x);
        return -1;
      }
    }
  }
  if (fail || !(x->easy = curl_easy_init())) {
    snprintf(err, errlen, "out of memory");
    xfer_free(x);
    return -1;
  }
  if (configure(m, x, r, err, errlen)) {
    xfer_free(x);
    return -1;
  }
  CURLMcode mc = curl_multi_add_handle(m->multi, x->easy);
  if (mc != CURLM_OK) {
    snprintf(err, errlen, "%s", curl_multi_strerror(mc));
    xfer_free(x);
    return -1;
  }
  x->id = ++m->next_id;
  x->next = m->active;
  if (m->active) m->active->prev = x;
  m->active = x;
  m->running++;
  *id = x->id;
  return 0;
}

static void done_push(ft_multi *m, ft_xfer *x) {
  x->next = NULL;
  if (m->done_tail) m->done_tail->next = x;
  else m->done_head = x;
  m->done_tail = x;
}

/* Runs art_parse on the transfer's body.  Touches only x: safe on a worker. */
static void parse_body(ft_xfer *x) {
  x->parse_rc = art_parse(buf_str(&x->body), x->body.len, &x->popts, &x->art, x->perr,
                          sizeof x->perr);
  x->parsed = 1;
}

static void *worker(void *arg) {
  ft_multi *m = arg;
  ft_pool *p = &m->pool;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->stop && !p->jobs_head) pthread_cond_wait(&p->cv, &p->mu);
    if (p->stop) break;
    ft_xfer *x = p->jobs_head;
    p->jobs_head = x->next;
    if (!p->jobs_head) p->jobs_tail = NULL;
    pthread_mutex_unlock(&p->mu);
    parse_body(x);
    pthread_mutex_lock(&p->mu);
    x->next = NULL;
    if (p->out_tail) p->out_tail->next = x;
    else p->out_head = x;
    p->out_tail = x;
    /* Thread-safe by libcurl's contract: ends the owner's curl_multi_poll. */
    curl_multi_wakeup(m->multi);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

/* Starts the workers on first use; returns the number running. */
static int pool_start(ft_multi *m) {
  ft_pool *p = &m->pool;
  if (p->n || p->want <= 0) return p->n;
  p->th = calloc((size_t)p->want, sizeof *p->th);
  if (!p->th) {
    p->want = 0;
    return 0;
  }
  for (int i = 0; i < p->want; i++) {
    if (pthread_create(&p->th[i], NULL, worker, m) != 0) break;
    p->n++;
  }
  if (!p->n) p->want = 0;  /* could not start any: parse inline from now on */
  return p->n;
}

/* Hands a finished transfer that wants parsing to a worker, or parses it
 * here when there are none.  Returns 1 when the pool took it. */
static int submit_parse(ft_multi *m, ft_xfer *x) {
  char *u = NULL, *ct = NULL;
  curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &u);
  curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ct);
  if (u) x->p_url = strdup(u);
  if (ct) x->p_ctype = strdup(ct);
  x->popts.url = x->p_url;
  x->popts.content_type = x->p_ctype;
  if (pool_start(m) == 0) {
    parse_body(x);
    return 0;
  }
  ft_pool *p = &m->pool;
  pthread_mutex_lock(&p->mu);
  x->next = NULL;
  if (p->jobs_tail) p->jobs_tail->next = x;
  else p->jobs_head = x;
  p->jobs_tail = x;
  pthread_cond_signal(&p->cv);
  pthread_mutex_unlock(&p->mu);
  return 1;
}

/* Moves parsed transfers from the pool to the done queue. */
static void drain(ft_multi *m) {
  ft_pool *p = &m->pool;
  if (!p->n) return;
  pthread_mutex_lock(&p->mu);
  ft_xfer *x = p->out_head;
  p->out_head = p->out_tail = NULL;
  pthread_mutex_unlock(&p->mu);
  while (x) {
    ft_xfer *next = x->next;
    done_push(m, x);
    m->running--;
    x = next;
  }
}

/* Whether a finished transfer has a body to parse: completed, unflagged,
 * and 2xx (or no status at all: file://). */
static int wants_parse(ft_xfer *x) {
  if (!x->parse || x->code != CURLE_OK) return 0;
  if (!x->checked) x->flag = first_checks(x);
  if (x->flag != FLAG_NONE) return 0;
  long status = 0;
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
  return status < 300;
}

/* Moves finished transfers from the active list to the done queue (or to
 * the parse pool first). */
static void collect(ft_multi *m) {
  CURLMsg *msg;
  int left;
  while ((msg = curl_multi_info_read(m->multi, &left))) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL *e = msg->easy_handle;
    CURLcode code = msg->data.result;  /* msg dies with remove_handle */
    ft_xfer *x = NULL;
    curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&x);
    curl_multi_remove_handle(m->multi, e);
    if (!x) continue;
    x->code = code;
    if (x->prev) x->prev->next = x->next;
    else m->active = x->next;
    if (x->next) x->next->prev = x->prev;
    x->prev = x->next = NULL;
    if (wants_parse(x) && submit_parse(m, x)) {  /* still running, off the network */
      if (vec_grow((void **)&m->handoff, &m->cap_handoff, m->n_handoff, sizeof *m->handoff)
          == 0)
        m->handoff[m->n_handoff++] = x->id;
      continue;
    }
    done_push(m, x);
    m->running--;
  }
}

int ft_perform(ft_multi *m, long timeout_ms, char *err, size_t errlen) {
  int still = 0;
  CURLMcode mc = curl_multi_perform(m->multi, &still);
  if (mc == CURLM_OK) collect(m);
  drain(m);
  if (mc == CURLM_OK && timeout_ms > 0 && !m->done_head) {
    mc = curl_multi_poll(m->multi, NULL, 0, (int)(timeout_ms > 86400000L ? 86400000L
                                                                          : timeout_ms), NULL);
    if (mc == CURLM_OK) mc = curl_multi_perform(m->multi, &still);
    if (mc == CURLM_OK) collect(m);
    drain(m);
  }
  if (mc != CURLM_OK) {
    snprintf(err, errlen, "%s", curl_multi_strerror(mc));
    return -1;
  }
  return m->running;
}

int ft_done_peek(ft_multi *m, ft_info *info) {
  ft_xfer *x = m->done_head;
  if (!x) return 0;
  memset(info, 0, sizeof *info);
  info->id = x->id;
  CURL *e = x->easy;
  char *s = NULL;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &info->status);
  if (curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK) info->url = s;
  s = NULL;
  if (curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK) info->content_type = s;
  s = NULL;
  if (curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &s) == CURLE_OK && s && *s) info->primary_ip = s;
  curl_easy_getinfo(e, CURLINFO_TOTAL_TIME, &info->elapsed);
  curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &info->redirects);
  info->headers = buf_str(&x->hdrs);
  info->headers_len = x->hdrs.len;
  info->body = buf_str(&x->body);
  info->body_len = x->body.len;
  if (x->parsed && x->parse_rc == 0) info->article = &x->art;
  if (x->parsed && x->parse_rc != 0) info->parse_error = x->perr;
  /* An exchange that completed, possibly with an empty body the write
   * callback never saw: the type and status checks still apply. */
  if (x->code == CURLE_OK && !x->checked) x->flag = first_checks(x);
  int stopped = x->code != CURLE_OK || x->flag == FLAG_NOT_ACCEPTED;
  if (x->flag == FLAG_HTTP_STOP || x->flag == FLAG_TRUNCATED) return 1;  /* not errors */
  if (!stopped) return 1;
  switch (x->flag) {
  case FLAG_TOO_LARGE:
    info->kind = "too_large";
    snprintf(x->msg, sizeof x->msg, "body over the %lld byte limit", x->max_body);
    break;
  case FLAG_HEADER_LARGE:
    info->kind = "too_large";
    snprintf(x->msg, sizeof x->msg, "response headers over the %ld byte limit", x->max_header);
    break;
  case FLAG_NOT_ACCEPTED:
    info->kind = "not_html";
    snprintf(x->msg, sizeof x->msg, "content type '%.200s' not accepted",
             info->content_type ? info->content_type : "");
    break;
  case FLAG_OOM:
    info->kind = "memory";
    snprintf(x->msg, sizeof x->msg, "out of memory");
    break;
  default:
    if (x->blocked_any && x->code == CURLE_COULDNT_CONNECT) {
      info->kind = "blocked";
      snprintf(x->msg, sizeof x->msg, "refused to connect to non-public address %s",
               x->blocked);
    } else {
      info->kind = kind_of(x->code);
      if (x->code == CURLE_FILESIZE_EXCEEDED)
        snprintf(x->msg, sizeof x->msg, "body over the %lld byte limit", x->max_body);
      else
        snprintf(x->msg, sizeof x->msg, "%s", x->errbuf[0] ? x->errbuf
                                                          : curl_easy_strerror(x->code));
    }
  }
  info->message = x->msg;
  return 1;
}

void ft_done_pop(ft_multi *m) {
  ft_xfer *x = m->done_head;
  if (!x) return;
  m->done_head = x->next;
  if (!m->done_head) m->done_tail = NULL;
  xfer_free(x);
}

/* ------------------------------------------------------------ the multi */

int ft_global_init(void) {
  /* Pin libcurl (and with it OpenSSL) in memory: the Lua module may be
   * unloaded when its state closes, and libcurl's TLS backend cannot be
   * unloaded and loaded again safely (its one-time initialisation stays). */
  Dl_info info;
  if (dladdr((void *)curl_version, &info) && info.dli_fname)
    (void)dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
  return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

ft_multi *ft_multi_new(int parse_threads) {
  ft_multi *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->multi = curl_multi_init();
  if (!m->multi) {
    free(m);
    return NULL;
  }
  if (pthread_mutex_init(&m->pool.mu, NULL) != 0) {
    curl_multi_cleanup(m->multi);
    free(m);
    return NULL;
  }
  if (pthread_cond_init(&m->pool.cv, NULL) != 0) {
    pthread_mutex_destroy(&m->pool.mu);
    curl_multi_cleanup(m->multi);
    free(m);
    return NULL;
  }
  m->pool.want = parse_threads > 0 ? parse_threads : 0;
  /* Cookies and DNS answers shared by the transfers of one multi, so a
   * fetcher behaves like one browser session.  Single-threaded: no locks. */
  m->share = curl_share_init();
  if (m->share) {
    curl_share_setopt(m->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
    curl_share_setopt(m->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  }
  return m;
}

static void free_list(ft_xfer *x) {
  while (x) {
    ft_xfer *next = x->next;
    xfer_free(x);
    x = next;
  }
}

void ft_multi_free(ft_multi *m) {
  if (!m) return;
  ft_pool *p = &m->pool;
  if (p->n) {
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n; i++) pthread_join(p->th[i], NULL);
  }
  free(p->th);
  free_list(p->jobs_head);
  free_list(p->out_head);
  pthread_cond_destroy(&p->cv);
  pthread_mutex_destroy(&p->mu);
  while (m->active) {
    ft_xfer *x = m->active;
    m->active = x->next;
    curl_multi_remove_handle(m->multi, x->easy);
    xfer_free(x);
  }
  while (m->done_head) ft_done_pop(m);
  curl_multi_cleanup(m->multi);
  if (m->share) curl_share_cleanup(m->share);
  free(m->handoff);
  free(m);
}

size_t ft_handoff_take(ft_multi *m, const long **ids) {
  size_t n = m->n_handoff;
  *ids = m->handoff;
  m->n_handoff = 0;
  return n;
}

long ft_timeout(ft_multi *m) {
  long t = -1;
  if (curl_multi_timeout(m->multi, &t) != CURLM_OK) return -1;
  return t;
}

int ft_running(const ft_multi *m) { return m->running; }

int ft_fds(ft_multi *m, int *rd, int *nrd, int *wr, int *nwr, int max) {
  fd_set r, w, x;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&x);
  int maxfd = -1;
  *nrd = *nwr = 0;
  if (curl_multi_fdset(m->multi, &r, &w, &x, &maxfd) != CURLM_OK) return -1;
  for (int fd = 0; fd <= maxfd; fd++) {
    if (FD_ISSET(fd, &r) && *nrd < max) rd[(*nrd)++] = fd;
    if (FD_ISSET(fd, &w) && *nwr < max) wr[(*nwr)++] = fd;
  }
  return 0;
}

const char *ft_curl_version(void) { return curl_version(); }
