"""A partner's webhook receiver, run as a process of its own by the tests (beian/webhooks/tests/
conftest.py): an http.server on loopback that checks every POST with the Standard Webhooks
reference library against the secrets in a file, answers as a file says, and appends what it got
to a JSON-lines log.

    python receiver.py --port 0 --port-file P --secrets-file S --mode-file M --log L

The mode file says how to answer: "ok" (200 after a verified signature), "503" (down for
maintenance), "slow <seconds>" (answers 200 late). An unverified signature is answered 400 and
logged with `verified: false`.
"""

from __future__ import annotations

import argparse
import json
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from standardwebhooks import Webhook, WebhookVerificationError


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file", type=Path, required=True)
    parser.add_argument("--secrets-file", type=Path, required=True)
    parser.add_argument("--mode-file", type=Path, required=True)
    parser.add_argument("--log", type=Path, required=True)
    args = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            mode = args.mode_file.read_text().strip() if args.mode_file.exists() else "ok"
            entry: dict[str, object] = {
                "id": self.headers.get("webhook-id"),
                "signature": self.headers.get("webhook-signature"),
                "path": self.path,
                "verified": False,
            }
            if mode == "503":
                entry["answered"] = 503
                self._answer(503, b"down for maintenance", entry)
                return
            payload = None
            for secret in args.secrets_file.read_text().split():
                try:
                    payload = Webhook(secret).verify(body, dict(self.headers))
                except WebhookVerificationError as exc:
                    entry["error"] = str(exc)
                    continue
                entry["verified"], entry["secret"] = True, secret[:10]
                break
            if payload is None:
                entry["answered"] = 400
                self._answer(400, b"bad signature", entry)
                return
            entry["payload"] = payload
            if mode.startswith("slow"):
                time.sleep(float(mode.split()[1]))
            entry["answered"] = 200
            self._answer(200, b"ok", entry)

        def _answer(self, status: int, text: bytes, entry: dict) -> None:
            with args.log.open("a") as log:
                log.write(json.dumps(entry, ensure_ascii=False) + "\n")
            try:
                self.send_response(status)
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)
            except OSError:
                pass  # the sender gave up waiting (a timeout test)

        def log_message(self, format: str, *values) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    args.port_file.write_text(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
