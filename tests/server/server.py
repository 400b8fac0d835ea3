#!/usr/bin/env python3
"""Loopback HTTP server for the fetch specs: well-behaved and hostile routes.

Started by tests/server/loopback.lua on a free port (port 0, chosen by the OS);
prints "PORT PID" on its first line.  Exits when its standard input closes
(the spec closes it to stop the server; a crashed test run closes it too),
when killed, or after MAX_LIFETIME seconds, so it never outlives the tests.
Standard library only.
"""
import gzip
import json
import os
import socket
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_LIFETIME = 900  # seconds: far beyond any test run, short enough to reap strays

ROBOTS = b"""# Groups for other crawlers must not apply to lua-article.
User-agent: SomeOtherBot
Disallow: /

User-agent: lua-article
Disallow: /forbidden
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$

User-agent: *
Disallow: /
"""
if os.environ.get("BIG_ROBOTS"):
    # Rules past the first 512 KiB are not read (RFC 9309 asks for 500 KiB).
    ROBOTS += b"# padding\n" * 70000 + b"User-agent: lua-article\nDisallow: /page\n"
if os.environ.get("CRAWL_DELAY"):
    ROBOTS = ROBOTS.replace(b"Disallow: /forbidden\n", b"Disallow: /forbidden\nCrawl-delay: "
                            + os.environ["CRAWL_DELAY"].encode() + b"\n")

LOCK = threading.Lock()
STATS = {}      # key -> {"hits", "full", "conc", "max_conc", "starts"}
BOMB = None     # gzip of a huge page, built on first use


def stats(key):
    with LOCK:
        return STATS.setdefault(key, {"hits": 0, "full": 0, "conc": 0, "max_conc": 0,
                                      "starts": []})


def page(title, paragraphs=6, extra=""):
    body = "".join(
        "<p>Paragraph %d of the story called %s. The council met on Tuesday to debate the "
        "new bridge, and residents said the plan was long overdue after years of delay.</p>"
        % (i, title) for i in range(paragraphs))
    return ("<!doctype html><html lang=en><head><meta charset=utf-8><title>%s</title>%s"
            "</head><body><article><h1>%s</h1>%s</article></body></html>"
            % (title, extra, title, body)).encode()


class Handler(BaseHTTPRequestHandler):
    server_version = "lua-article-test"

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="text/html; charset=utf-8", headers=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def reset(self):
        """Closes the connection with a TCP RST (linger 0)."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def do_GET(self):
        u = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        route = getattr(self, "r_" + u.path.strip("/").split("/")[0].replace(".", "_"), None)
        if u.path.startswith("/private/") or u.path.startswith("/forbidden"):
            route = self.r_page
        if route is None:
            return self.send(404, b"<html><body>not found</body></html>")
        try:
            route(q)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True

    def r_robots_txt(self, q):
        self.send(200, ROBOTS, "text/plain")

    def r_page(self, q):
        self.send(200, page(q.get("title", "Hello")))

    def r_headers(self, q):
        text = "".join("%s: %s\n" % (k, v) for k, v in self.headers.items())
        self.send(200, text.encode(), "text/plain")

    def r_redirect(self, q):
        n = int(q.get("n", "1"))
        loc = "/redirect?n=%d" % (n - 1) if n > 1 else "/page?title=Redirected"
        self.send(302, b"", None, [("Location", loc)])

    def r_loop(self, q):
        self.send(302, b"", None, [("Location", "/loop")])

    def r_to(self, q):
        self.send(302, b"", None, [("Location", q["u"])])

    def r_gzip(self, q):
        self.send(200, gzip.compress(page("Gzipped")), headers=[("Content-Encoding", "gzip")])

    def r_deflate(self, q):
        self.send(200, zlib.compress(page("Deflated")), headers=[("Content-Encoding", "deflate")])

    def r_status(self, q):
        code = int(q.get("code", "500"))
        self.send(code, page("Error %d" % code))

    def r_slow(self, q):
        time.sleep(float(q.get("d", "1")))
        self.send(200, page("Slow"))

    def r_big(self, q):
        n = int(q.get("n", "100000"))
        head = b"<html><head><title>Big</title></head><body><p>"
        self.send(200, head + b"x" * max(0, n - len(head)))

    def r_pdf(self, q):
        self.send(200, b"%PDF-1.4\n% not really\n", "application/pdf")

    def r_notype(self, q):
        self.send(200, page("Untyped"), None)

    def r_reset(self, q):
        self.reset()

    def r_reset_mid(self, q):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(page("Cut")[:2000])
        self.wfile.flush()
        time.sleep(0.1)
        self.reset()

    def r_trickle(self, q):
        """Slowloris: one byte every 0.2 s, for at most 60 s."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        end = time.time() + 60
        while time.time() < end:
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.2)

    def r_claim2gb(self, q):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(2 * 1024 ** 3))
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b"<p>" + b"y" * 10000)

    def r_bomb(self, q):
        global BOMB
        with LOCK:
            if BOMB is None:
                # 64 MiB of one character compresses to ~64 KB.
                BOMB = gzip.compress(b"<html><body><p>" + b"a" * (64 * 1024 * 1024), 9)
        self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])

    def r_badchunk(self, q):
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n"
                         b"5\r\nhello\r\nZZZZ\r\nnot a chunk\r\n0\r\n\r\n")
        self.wfile.flush()
        self.close_connection = True

    def r_header_flood(self, q):
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        for i in range(20000):
            self.wfile.write(b"X-Junk-%d: %s\r\n" % (i, b"z" * 100))
        self.wfile.write(b"\r\n<html></html>")
        self.close_connection = True

    def r_charset(self, q):
        text = "Привет, мир"
        if q.get("mode") == "lie":
            # Says UTF-8, is windows-1252: the parser must not trust it.
            body = ("<html><head><title>Caf\u00e9 cr\u00e8me</title></head><body><p>"
                    "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e.</p></body></html>").encode("cp1252")
            self.send(200, body, "text/html; charset=utf-8")
        else:
            body = ("<html><head><title>%s</title></head><body><p>%s</p></body></html>"
                    % (text, text)).encode("koi8-r")
            self.send(200, body, "text/html; charset=koi8-r")

    def r_retry(self, q):
        """The first `fails` hits of a key answer `code` with Retry-After."""
        s = stats(q["key"])
        with LOCK:
            s["hits"] += 1
            n = s["hits"]
        if n <= int(q.get("fails", "1")):
            hdrs = [("Retry-After", q["after"])] if "after" in q else []
            return self.send(int(q.get("code", "429")), b"busy", "text/plain", hdrs)
        self.send(200, page("After retry"))

    def r_flaky(self, q):
        """The first `fails` hits of a key are reset connections."""
        s = stats(q["key"])
        with LOCK:
            s["hits"] += 1
            n = s["hits"]
        if n <= int(q.get("fails", "1")):
            return self.reset()
        self.send(200, page("Flaky"))

    def r_etag(self, q):
        s = stats(q["key"])
        with LOCK:
            s["hits"] += 1
        etag = '"v1"'
        lm = "Mon, 01 Jan 2024 00:00:00 GMT"
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        use_etag = q.get("mode") != "lm"
        hdrs = [("ETag", etag)] if use_etag else []
        hdrs.append(("Last-Modified", lm))
        if (use_etag and inm == etag) or (not use_etag and ims == lm):
            self.send_response(304)
            for k, v in hdrs:
                self.send_header(k, v)
            self.end_headers()
            return
        with LOCK:
            s["full"] += 1
        self.send(200, page("Cached page"), headers=hdrs)

    def r_conc(self, q):
        s = stats(q["key"])
        with LOCK:
            s["hits"] += 1
            s["conc"] += 1
            s["max_conc"] = max(s["max_conc"], s["conc"])
            s["starts"].append(time.monotonic())
        try:
            time.sleep(float(q.get("d", "0.2")))
        finally:
            with LOCK:
                s["conc"] -= 1
        self.send(200, page("Concurrent"))

    def r_stats(self, q):
        s = stats(q["key"])
        with LOCK:
            starts = sorted(s["starts"])
            gaps = [b - a for a, b in zip(starts, starts[1:])]
            out = {"hits": s["hits"], "full": s["full"], "max_conc": s["max_conc"],
                   "min_gap": min(gaps) if gaps else -1}
        self.send(200, json.dumps(out).encode(), "application/json")

    def r_cookie_set(self, q):
        self.send(200, page("Cookie"), headers=[("Set-Cookie", "session=abc123; Path=/")])

    def r_cookie_echo(self, q):
        self.send(200, (self.headers.get("Cookie") or "none").encode(), "text/plain")

    def r_always304(self, q):
        self.send_response(304)
        self.end_headers()

    def r_feed(self, q):
        self.send(200, b"<?xml version='1.0'?><rss><channel><title>F</title></channel></rss>",
                  "application/rss+xml")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        pass  # hostile routes end connections abruptly on purpose


def watchdog(parent):
    start = time.time()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent or time.time() - start > MAX_LIFETIME:
            os._exit(0)


def stdin_watch():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except OSError:
        pass
    os._exit(0)


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=watchdog, args=(os.getppid(),), daemon=True).start()
    threading.Thread(target=stdin_watch, daemon=True).start()
    sys.stdout.write("%d %d\n" % (srv.server_address[1], os.getpid()))
    sys.stdout.flush()
    srv.serve_forever()


if __name__ == "__main__":
    main()
