"""URLconf of bench/gate.py's server for platform hosts: the platform's URLs (services reverse
them: links in notifications) and the plain page, with no gate.

It returns the bytes of the filed site's page, rendered once by the real gate before the server
started (the file named by BEIAN_BENCH_GATE_HTML), through the same middleware stack and WSGI
server: the difference in requests per second is what the gate costs per request.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as platform_urlpatterns

PLAIN_PATH = "bench/plain/"


@cache
def page_html() -> bytes:
    return Path(os.environ["BEIAN_BENCH_GATE_HTML"]).read_bytes()


def plain_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(page_html(), content_type="text/html; charset=utf-8")


urlpatterns = [path(PLAIN_PATH, plain_page), *platform_urlpatterns]
