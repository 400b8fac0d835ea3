/*
 * bench/server.c — loopback HTTP/1.1 server for `make bench-fetch`.
 *
 * Answers GET /p/N with one of 64 generated article pages (20-60 KB, as news
 * pages are) 50 ms after the request arrived, as a far server would, and
 * /robots.txt with 404.  Keep-alive, one epoll loop, no threads: it must not
 * be the bottleneck of the benchmark.  Prints its port on the first line;
 * exits when its parent goes away or after MAX_LIFETIME seconds.
 *
 *   cc -O2 -o server bench/server.c && ./server [delay_ms]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAX_FD 65536
#define N_PAGES 64
#define MAX_LIFETIME 1800   /* seconds: longer than any bench run */
#define REQ_MAX 8192

typedef struct conn {
  int open;
  unsigned gen;
  char req[REQ_MAX];
  size_t req_len;
  int waiting;               /* a response is due */
  /* response in flight */
  const char *hdr;
  size_t hdr_len, hdr_off;
  const char *body;
  size_t body_len, body_off;
  char hdr_buf[256];
} conn;

typedef struct due { int fd; unsigned gen; double at; } due;

static conn *conns;
static due queue[MAX_FD];
static size_t q_head, q_len;
static char *pages[N_PAGES];
static size_t page_len[N_PAGES];
static int ep;
static double delay_s;       /* seconds before each answer */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *WORDS[] = {"the", "council", "voted", "on", "a", "new", "plan", "for",
  "river", "bridge", "after", "months", "of", "debate", "residents", "said", "they", "were",
  "pleased", "with", "outcome", "but", "costs", "remain", "unclear", "engineers", "warned"};

/* An article page of about `size` bytes: navigation, headline, metadata,
 * paragraphs, related links and a footer. */
static void make_page(int i, size_t size) {
  size_t cap = size + 4096, n = 0;
  char *p = malloc(cap);
  if (!p) exit(1);
  n += (size_t)snprintf(p + n, cap - n,
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Story number %d | The Daily Bench</title>"
    "<meta property=\"og:title\" content=\"Story number %d\">"
    "<meta name=\"author\" content=\"Jane Doe\">"
    "<meta property=\"article:published_time\" content=\"2024-03-%02dT10:00:00Z\">"
    "</head><body><header><nav><ul>", i, i, i % 28 + 1);
  for (int k = 0; k < 40; k++)
    n += (size_t)snprintf(p + n, cap - n, "<li><a href=\"/section/%d\">Section %d</a></li>",
                          k, k);
  n += (size_t)snprintf(p + n, cap - n, "</ul></nav></header><main><article>"
                        "<h1>Story number %d</h1><p class=\"byline\">By Jane Doe</p>", i);
  unsigned seed = (unsigned)i * 2654435761u;
  size_t nw = sizeof WORDS / sizeof WORDS[0];
  while (n + 2000 < size) {
    n += (size_t)snprintf(p + n, cap - n, "<p>");
    for (int w = 0; w < 80; w++) {
      seed = seed * 1103515245u + 12345u;
      n += (size_t)snprintf(p + n, cap - n, "%s%s", w ? " " : "", WORDS[(seed >> 16) % nw]);
    }
    n += (size_t)snprintf(p + n, cap - n, ".</p>\n");
  }
  n += (size_t)snprintf(p + n, cap - n, "</article><aside><ul>");
  for (int k = 0; k < 12; k++)
    n += (size_t)snprintf(p + n, cap - n, "<li><a href=\"/p/%d\">Related story %d</a></li>",
                          k, k);
  n += (size_t)snprintf(p + n, cap - n, "</ul></aside></main><footer>(c) The Daily Bench"
                        "</footer></body></html>\n");
  pages[i] = p;
  page_len[i] = n;
}

static void close_conn(int fd) {
  conns[fd].open = 0;
  conns[fd].gen++;
  close(fd);
}

/* Writes what it can of the pending response; 1 when done, 0 when the
 * socket is full, -1 on error. */
static int flush_out(int fd) {
  conn *c = &conns[fd];
  while (c->hdr_off < c->hdr_len || c->body_off < c->body_len) {
    struct iovec iov[2];
    int n = 0;
    if (c->hdr_off < c->hdr_len)
      iov[n++] = (struct iovec){(void *)(c->hdr + c->hdr_off), c->hdr_len - c->hdr_off};
    if (c->body_off < c->body_len)
      iov[n++] = (struct iovec){(void *)(c->body + c->body_off), c->body_len - c->body_off};
    ssize_t w = writev(fd, iov, n);
    if (w < 0) return errno == EAGAIN ? 0 : -1;
    size_t left = (size_t)w, h = c->hdr_len - c->hdr_off;
    if (left >= h) {
      c->hdr_off = c->hdr_len;
      left -= h;
      c->body_off += left;
    } else {
      c->hdr_off += left;
    }
  }
  return 1;
}

/* Queues the next request of fd for its answer, if one is complete. */
static void maybe_queue(int fd) {
  conn *c = &conns[fd];
  if (c->waiting || !strstr(c->req, "\r\n\r\n")) return;
  c->waiting = 1;
  /* Constant delay: the queue stays sorted by due time. */
  due *d = &queue[(q_head + q_len) % MAX_FD];
  d->fd = fd;
  d->gen = c->gen;
  d->at = now() + delay_s;
  q_len++;
}

static void watch(int fd, unsigned events) {
  struct epoll_event ev = {.events = events, .data.fd = fd};
  epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
}

/* Starts the response for the request in c->req. */
static void respond(int fd) {
  conn *c = &conns[fd];
  int id = -1;
  if (sscanf(c->req, "GET /p/%d", &id) == 1 && id >= 0) {
    int k = id % N_PAGES;
    c->hdr_len = (size_t)snprintf(c->hdr_buf, sizeof c->hdr_buf,
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
      "Content-Length: %zu\r\n\r\n", page_len[k]);
    c->body = pages[k];
    c->body_len = page_len[k];
  } else {
    static const char nf[] = "not found\n";
    c->hdr_len = (size_t)snprintf(c->hdr_buf, sizeof c->hdr_buf,
      "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n",
      sizeof nf - 1);
    c->body = nf;
    c->body_len = sizeof nf - 1;
  }
  c->hdr = c->hdr_buf;
  c->hdr_off = c->body_off = 0;
  /* drop the request just answered, keep any pipelined bytes */
  char *end = strstr(c->req, "\r\n\r\n");
  size_t used = end ? (size_t)(end + 4 - c->req) : c->req_len;
  memmove(c->req, c->req + used, c->req_len - used);
  c->req_len -= used;
  c->req[c->req_len] = '\0';
  int r = flush_out(fd);
  if (r < 0) close_conn(fd);
  else if (r == 0) watch(fd, EPOLLOUT);
  else {
    c->waiting = 0;
    maybe_queue(fd);
  }
}

static void on_readable(int fd) {
  conn *c = &conns[fd];
  for (;;) {
    if (c->req_len + 1 >= REQ_MAX) { close_conn(fd); return; }
    ssize_t r = read(fd, c->req + c->req_len, REQ_MAX - 1 - c->req_len);
    if (r == 0) { close_conn(fd); return; }
    if (r < 0) {
      if (errno == EAGAIN) break;
      close_conn(fd);
      return;
    }
    c->req_len += (size_t)r;
    c->req[c->req_len] = '\0';
  }
  maybe_queue(fd);
}

int main(int argc, char **argv) {
  delay_s = (argc > 1 ? atof(argv[1]) : 50) / 1000.0;
  signal(SIGPIPE, SIG_IGN);
  conns = calloc(MAX_FD, sizeof *conns);
  if (!conns) return 1;
  for (int i = 0; i < N_PAGES; i++) make_page(i, 20000 + (size_t)i * 40000 / N_PAGES);
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t al = sizeof a;
  if (bind(ls, (struct sockaddr *)&a, sizeof a) || listen(ls, 1024) ||
      getsockname(ls, (struct sockaddr *)&a, &al)) {
    perror("bench server");
    return 1;
  }
  printf("%d\n", ntohs(a.sin_port));
  fflush(stdout);
  pid_t parent = getppid();
  double start = now();
  ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = ls};
  epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
  struct epoll_event evs[256];
  for (;;) {
    double t = now();
    if (getppid() != parent || t - start > MAX_LIFETIME) return 0;
    /* answer what is due */
    while (q_len && queue[q_head].at <= t) {
      due d = queue[q_head];
      q_head = (q_head + 1) % MAX_FD;
      q_len--;
      if (conns[d.fd].open && conns[d.fd].gen == d.gen) respond(d.fd);
    }
    int timeout = 1000;
    if (q_len) {
      double w = (queue[q_head].at - t) * 1000;
      timeout = w < 0 ? 0 : (int)w + 1;
    }
    int n = epoll_wait(ep, evs, 256, timeout);
    for (int i = 0; i < n; i++) {
      int fd = evs[i].data.fd;
      if (fd == ls) {
        int cfd;
        while ((cfd = accept4(ls, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          if (cfd >= MAX_FD) { close(cfd); continue; }
          setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          conn *c = &conns[cfd];
          unsigned gen = c->gen;
          memset(c, 0, sizeof *c);
          c->gen = gen + 1;
          c->open = 1;
          struct epoll_event ce = {.events = EPOLLIN, .data.fd = cfd};
          epoll_ctl(ep, EPOLL_CTL_ADD, cfd, &ce);
        }
        continue;
      }
      if (!conns[fd].open) continue;
      if (evs[i].events & EPOLLOUT) {
        int r = flush_out(fd);
        if (r < 0) close_conn(fd);
        else if (r == 1) {
          conns[fd].waiting = 0;
          watch(fd, EPOLLIN);
          maybe_queue(fd);
        }
      } else if (evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
        on_readable(fd);
      }
    }
  }
}
