"""A request body declared larger than the limit is refused before the web worker reads it: the
client that announces 200 MB and sends a few bytes gets its answer at once, translated, as a page
or as the API's JSON error."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from beian.materials.models import MaterialRequirement

HUGE = 200 * 1024 * 1024


def _send_headers_only(live_server, path: str, *, language: str = "en") -> str:
    """POST announcing HUGE bytes, send 1 KB of it, and read the answer (the server never waits for the rest)."""
    address = urlsplit(live_server.url)
    with socket.create_connection((address.hostname, address.port), timeout=20) as conn:
        conn.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: {address.hostname}\r\nAccept-Language: {language}\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {HUGE}\r\n\r\n"
            ).encode()
            + b"--x\r\n"
            + b"0" * 1024
        )
        # The whole answer arrives while 200 MB are still unsent: a server that read the body first
        # would never answer (recv times out). (The development server drains the rest afterwards to
        # keep the connection, so the answer is read by its Content-Length, not to the end.)
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += conn.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(next(line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))[15:])
        while len(body) < length:
            body += conn.recv(65536)
    return (head + b"\r\n\r\n" + body).decode("utf-8", "replace")


@pytest.mark.django_db(transaction=True)
def test_a_page_upload_over_the_limit_is_refused_unread(live_server):
    answer = _send_headers_only(live_server, "/apply/orders/1/materials/owner_photo/")
    assert answer.startswith("HTTP/1.1 413")
    assert "The upload is 200.0 MB, above the limit of 4.1 MB" in answer


@pytest.mark.django_db(transaction=True)
def test_an_api_upload_over_the_limit_is_a_json_error_in_the_callers_language(live_server):
    answer = _send_headers_only(live_server, "/api/v1/orders/1/materials/owner_photo", language="zh-hans")
    assert answer.startswith("HTTP/1.1 413")
    assert '"code": "request.too_large"' in answer and '"field": ""' in answer


def test_the_limit_follows_a_larger_material_the_operator_allows(db, client, settings):

    MaterialRequirement.objects.filter(slot="owner_photo").update(max_bytes=8 * 1024 * 1024)
    # 6 MB declared: over the setting, under the largest accepted material: passes on (to the login)
    response = client.generic(
        "POST", "/apply/orders/1/materials/owner_photo/", b"", CONTENT_LENGTH=str(6 * 1024 * 1024)
    )
    assert response.status_code != 413
