"""The page we serve on a host, read in process: a GET / with that Host header through the project's
WSGI handler and its whole middleware chain (HostedSiteMiddleware picks the site by Host, the gate
decides what it serves, a custom footer comes with the page) — no network, no DNS, so the monitor
reads exactly the bytes a visitor receives from us.

The request is answered by `get_response`, not the handler's `__call__`: the request_started /
request_finished signals (which close the job's database connection, possibly inside its
transaction) are not sent, as a check is no request of a visitor; what their receivers would reset
for this thread (the URLconf) is put back here."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.urls import get_urlconf, set_urlconf
from django.utils import translation

USER_AGENT = "beian-monitor"


@dataclass(frozen=True)
class Served:
    status: int
    html: str


class PageReader:
    """One per run: the handler loads the middleware once."""

    def __init__(self) -> None:
        self._handler = WSGIHandler()

    def read(self, host: str, path: str = "/") -> Served:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "SCRIPT_NAME": "",
            "QUERY_STRING": "",
            "SERVER_NAME": host,
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host,
            "HTTP_USER_AGENT": USER_AGENT,
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        # The handler leaves the hosted URLconf (set by HostedSiteMiddleware) and the visitor's
        # language (LocaleMiddleware) on this thread; request_finished would reset the URLconf:
        # the job's own are put back.
        urlconf = get_urlconf()
        try:
            with translation.override(translation.get_language()):
                response = self._handler.get_response(WSGIRequest(environ))
        finally:
            set_urlconf(urlconf)
        content = b"" if response.streaming else getattr(response, "content", b"")
        return Served(response.status_code, content.decode(response.charset or "utf-8", errors="replace"))
