#!/usr/bin/env python3
"""Serve the built book as a static host would: gzip for text, no directory listings.

    python tools/serve.py [DIR] [--host 127.0.0.1] [--port 8000]

DIR defaults to _build/html. Port 0 picks a free port (the URL is printed). Used by `make serve`,
by the browser tests (tests/test_browser.py) and by the benchmark (bench/run.py), so that what
they measure is what readers get from a host that compresses (GitHub Pages, Netlify, nginx with
gzip on): text files (HTML, CSS, JS, SVG, JSON, ...) are sent gzip-compressed to a client that
accepts gzip (with Vary: Accept-Encoding), images and fonts as they are.

In Python code:

    from serve import serving           # tools/ on sys.path, or load the file by path
    with serving("_build/html") as base_url:
        ...                             # e.g. http://127.0.0.1:40123/

Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import gzip
import http.server
import io
import os
import posixpath
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "_build" / "html"

# Types worth compressing (what static hosts compress); images and woff2 are compressed already.
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/x-font-ttf",
    "font/ttf",
    "application/vnd.ms-fontobject",
)
MIN_GZIP_BYTES = 256  # below this gzip does not pay (nginx's gzip_min_length is of this order)
CACHE_CONTROL = "public, max-age=600"  # what GitHub Pages sends


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """GET/HEAD of files under `directory`; gzip when the client accepts it; 404 for folders
    without index.html (no listings)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts
    server_version = "sciencecity-static/1"
    quiet = True
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".ttf": "font/ttf",
        ".map": "application/json",
        ".txt": "text/plain",
        ".xml": "application/xml",
        ".pdf": "application/pdf",
    }

    # Shared cache of compressed bodies: (path, mtime_ns, size) -> gzip bytes.
    _gzip_cache: dict[tuple[str, int, int], bytes] = {}
    _gzip_lock = threading.Lock()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (signature of the base class)
        if not self.quiet:
            super().log_message(format, *args)

    def version_string(self) -> str:
        return self.server_version

    def guess_type(self, path: str) -> str:
        ctype = super().guess_type(path)
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            if "charset" not in ctype:
                ctype += "; charset=utf-8"
        return ctype

    def _accepts_gzip(self) -> bool:
        accepted = self.headers.get("Accept-Encoding", "")
        for part in accepted.split(","):
            name, _, params = part.strip().partition(";")
            if name.strip().lower() in ("gzip", "*"):
                q = params.strip()
                return not (q.startswith("q=") and float(q[2:] or 0) == 0)
        return False

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            parts = urllib.parse.urlsplit(self.path)
            if not parts.path.endswith("/"):
                self.send_response(301)
                new = urllib.parse.urlunsplit((parts[0], parts[1], parts[2] + "/", parts[3], parts[4]))
                self.send_header("Location", new)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or posixpath.basename(path).startswith("."):
            self.send_error(404, "Not found")
            return None
        ctype = self.guess_type(path)
        stat = os.stat(path)
        # Conditional GET, as the base class does.
        if "If-Modified-Since" in self.headers and "If-None-Match" not in self.headers:
            with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
                since = email.utils.parsedate_to_datetime(self.headers["If-Modified-Since"])
                if int(stat.st_mtime) <= since.timestamp():
                    self.send_response(304)
                    self.send_header("Cache-Control", CACHE_CONTROL)
                    self.end_headers()
                    return None
        body: bytes | None = None
        encoding = None
        if stat.st_size >= MIN_GZIP_BYTES and ctype.startswith(COMPRESSIBLE) and self._accepts_gzip():
            key = (path, stat.st_mtime_ns, stat.st_size)
            with self._gzip_lock:
                body = self._gzip_cache.get(key)
            if body is None:
                with open(path, "rb") as f:
                    # mtime=0: the same file always gives the same bytes (stable for the bench).
                    body = gzip.compress(f.read(), compresslevel=6, mtime=0)
                with self._gzip_lock:
                    self._gzip_cache[key] = body
            encoding = "gzip"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body) if body is not None else stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body is not None:
            return io.BytesIO(body)
        return open(path, "rb")  # noqa: SIM115 (closed by the base class)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(
    directory: str | os.PathLike = DEFAULT_DIR, host: str = "127.0.0.1", port: int = 0, quiet: bool = True
) -> Server:
    """A server for `directory` (not started). Port 0: a free port (see server.server_address)."""
    directory = os.fspath(Path(directory).resolve())
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"{directory} does not exist: build the book first (make book)")

    class Handler(StaticHandler):
        pass

    Handler.quiet = quiet

    def factory(*args, **kwargs):
        return Handler(*args, directory=directory, **kwargs)

    return Server((host, port), factory)


@contextlib.contextmanager
def serving(directory: str | os.PathLike = DEFAULT_DIR, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `directory` in a background thread; yields the base URL (ending in /)."""
    server = make_server(directory, host, port)
    thread = threading.Thread(target=server.serve_forever, name="book-server", daemon=True)
    thread.start()
    try:
        h, p = server.server_address[:2]
        yield f"http://{h}:{p}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--log", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server = make_server(args.directory, args.host, args.port, quiet=not args.log)
    host, port = server.server_address[:2]
    print(f"==> serving {args.directory} (gzip) on http://{host}:{port}/  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
