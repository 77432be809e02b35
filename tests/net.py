"""Plain HTTP from tests and benches to servers they started (gunicorn, nginx) on 127.0.0.1."""

from __future__ import annotations

import signal
import socket
import subprocess
import uuid
from http.client import HTTPConnection


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(port: int, host: str, path: str = "/", headers: dict | None = None) -> tuple[int, bytes]:
    """(status, body) of one GET to 127.0.0.1:port with this Host header."""
    status, _headers, body = http_request(port, host, path, headers)
    return status, body


def http_request(port: int, host: str, path: str = "/", headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": host, **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def multipart(name: str, filename: str, data: bytes) -> tuple[bytes, str]:
    """(body, Content-Type) of a multipart/form-data request carrying one file."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
    """Ask a server we started to stop (gunicorn: SIGTERM; nginx: SIGQUIT, graceful), kill it if it
    has not within `timeout` seconds; its pipes are read to the end."""
    process.send_signal(sig)
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
