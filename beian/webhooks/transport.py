"""The HTTP POST of a webhook delivery (stdlib urllib, like the RDAP client in integrations): a
short timeout, no redirects followed (a receiver answers where it was registered), and, outside
development and tests, no private, loopback or link-local address (a partner's URL must not reach
into our own network; see BEIAN_WEBHOOK_ALLOW_PRIVATE_URLS)."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import HTTPRedirectHandler, ProxyHandler, Request, build_opener

RESPONSE_EXCERPT = 1000  # characters of the receiver's answer kept in the delivery log
USER_AGENT = "Beian-Webhooks/1"


class AddressRefused(Exception):
    """The URL's host resolves to an address we do not send webhooks to."""


@dataclass(frozen=True)
class Response:
    status: int | None  # None: no HTTP answer (connection refused, timeout, refused address)
    body: str
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the 3xx is the answer (a failure), not an invitation


# environment proxies apply as to every outbound call; redirects never
_OPENER = build_opener(ProxyHandler(), _NoRedirect())


def check_address(url: str, *, allow_private: bool) -> None:
    """Refuse a host that resolves to a private, loopback, link-local or reserved address."""
    if allow_private:
        return
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError as exc:
        raise AddressRefused(f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise AddressRefused(f"{host} resolves to a non-public address ({address})")


def post(url: str, body: bytes, headers: dict[str, str], *, timeout: float, allow_private: bool) -> Response:
    started = time.perf_counter()

    def done(status: int | None, text: str = "", error: str = "") -> Response:
        return Response(status, text[:RESPONSE_EXCERPT], error[:1000], int((time.perf_counter() - started) * 1000))

    try:
        check_address(url, allow_private=allow_private)
    except AddressRefused as exc:
        return done(None, error=str(exc))
    request = Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "User-Agent": USER_AGENT, **headers},
    )
    try:
        with _OPENER.open(request, timeout=timeout) as answer:
            return done(answer.status, _read(answer))
    except HTTPError as exc:  # a 3xx, 4xx or 5xx answer: its status code says it
        return done(exc.code, _read(exc))
    except (
        URLError,
        OSError,
        ValueError,
        http.client.HTTPException,
    ) as exc:  # refused, reset, timed out, a malformed URL
        reason = getattr(exc, "reason", exc)
        return done(None, error=f"{type(reason).__name__}: {reason}")


def _read(answer) -> str:
    try:
        return answer.read(RESPONSE_EXCERPT * 4).decode("utf-8", "replace")
    except (OSError, ValueError):
        return ""
