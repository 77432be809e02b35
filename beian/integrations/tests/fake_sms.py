"""A local fake of the two SMS services' SendSms, enough for their official SDKs: an HTTP server on
127.0.0.1 that checks each request's signature with the test's secret (Aliyun ACS3-HMAC-SHA256,
Tencent Cloud TC3-HMAC-SHA256), records what was asked, and answers as the service does: success,
a refusal of the number, or an error of the call."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

KEY_ID = "test-key-id"
KEY_SECRET = "test-key-secret"
TENCENT_APP_ID = "1400000001"


@dataclass
class Call:
    service: str  # "aliyun" | "tencent"
    action: str
    params: dict  # Aliyun: the query; Tencent: the JSON body
    signed: bool  # the signature matched KEY_SECRET
    credential: str


@dataclass
class FakeSms:
    calls: list[Call] = field(default_factory=list)
    answers: list[tuple[int, dict]] = field(default_factory=list)  # scripted (status, JSON), FIFO
    port: int = 0

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def answer(self, body: dict, status: int = 200) -> None:
        self.answers.append((status, body))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def _aliyun_signed(method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[bool, str]:
    """ACS3-HMAC-SHA256: https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature"""
    auth = headers.get("authorization", "")
    parts = dict(p.split("=", 1) for p in auth.removeprefix("ACS3-HMAC-SHA256 ").split(",") if "=" in p)
    signed_headers = parts.get("SignedHeaders", "").split(";")
    url = urlsplit(path)
    query = sorted(parse_qsl(url.query, keep_blank_values=True))
    canonical_query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in query)
    canonical_headers = "".join(f"{name}:{headers.get(name, '').strip()}\n" for name in signed_headers)
    canonical = "\n".join(
        [method, url.path or "/", canonical_query, canonical_headers, ";".join(signed_headers), _sha256(body)]
    )
    to_sign = "ACS3-HMAC-SHA256\n" + _sha256(canonical.encode())
    expected = hmac.new(KEY_SECRET.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("Signature", "")), parts.get("Credential", "")


def _tencent_signed(headers: dict[str, str], body: bytes) -> tuple[bool, str]:
    """TC3-HMAC-SHA256: https://cloud.tencent.com/document/api/382/52071"""
    auth = headers.get("authorization", "")
    parts = dict(p.strip().split("=", 1) for p in auth.removeprefix("TC3-HMAC-SHA256 ").split(",") if "=" in p)
    credential = parts.get("Credential", "")
    key_id, _slash, scope = credential.partition("/")
    date, service = scope.split("/")[:2] if scope.count("/") >= 2 else ("", "")
    signed_headers = parts.get("SignedHeaders", "").split(";")
    canonical_headers = "".join(f"{name}:{headers.get(name, '').strip().lower()}\n" for name in signed_headers)
    canonical = "\n".join(["POST", "/", "", canonical_headers, ";".join(signed_headers), _sha256(body)])
    to_sign = "\n".join(["TC3-HMAC-SHA256", headers.get("x-tc-timestamp", ""), scope, _sha256(canonical.encode())])
    key = _hmac(_hmac(_hmac(("TC3" + KEY_SECRET).encode(), date), service), "tc3_request")
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("Signature", "")), key_id


def _ok(service: str, params: dict) -> dict:
    if service == "aliyun":
        return {"Code": "OK", "Message": "OK", "BizId": "900619746936498440^0", "RequestId": "F655A8D5-B967-440B"}
    phone = (params.get("PhoneNumberSet") or [""])[0]
    status = {"SerialNo": "2640:1245823000", "PhoneNumber": phone, "Fee": 1, "Code": "Ok", "Message": "send success"}
    return {"Response": {"SendStatusSet": [{**status, "SessionContext": "", "IsoCode": "CN"}], "RequestId": "r-1"}}


def start(fake: FakeSms):
    """Serve `fake` on a free port in a daemon thread; returns the server (shutdown() it)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            if "x-tc-action" in headers:
                service, action = "tencent", headers["x-tc-action"]
                params = json.loads(body or b"{}")
                signed, credential = _tencent_signed(headers, body)
            else:
                service, action = "aliyun", headers.get("x-acs-action", "")
                params = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
                params |= dict(parse_qsl(body.decode(), keep_blank_values=True))
                signed, credential = _aliyun_signed("POST", self.path, headers, body)
            fake.calls.append(Call(service, action, params, signed, credential))
            status, answer = fake.answers.pop(0) if fake.answers else (200, _ok(service, params))
            if not signed and service == "aliyun":
                status, answer = 400, {"Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched"}
            elif not signed:
                error = {
                    "Code": "AuthFailure.SignatureFailure",
                    "Message": "The provided credentials could not be validated.",
                }
                status, answer = 200, {"Response": {"Error": error, "RequestId": "r-2"}}
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@contextmanager
def serving() -> Iterator[FakeSms]:
    """A fake running for the block."""
    fake = FakeSms()
    server = start(fake)
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
