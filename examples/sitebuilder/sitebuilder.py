"""A small reference site builder: what a partner platform does with Beian, over HTTP only.

It is a separate program (standard library + the `standardwebhooks` package), not part of Beian:

1. on start it provisions its customer's account, user and hosted site through the provisioning API
   (idempotent PUTs on its own ids) and registers a webhook endpoint (kept in its state file);
2. its page lists the customer's site with the filing state it has heard of, and a 备案 button;
   the button asks Beian for a launch link for that user and site and sends the browser there
   (Beian signs the user in and lands them on the site's filing);
3. it receives Beian's webhooks, checks each signature (Standard Webhooks), drops repeats by
   `webhook-id`, and shows what it heard: the order's status and, once filed, the filing number.

    python examples/sitebuilder/sitebuilder.py --beian http://127.0.0.1:8000 --token bp_… --port 8100

The token is a platform token with the scopes provisioning, webhooks and launch
(`manage.py platform_token_issue --platform sitebuilder --scopes provisioning webhooks launch`).
`GET /events.json` answers what it received (for tests and curious people).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from standardwebhooks import Webhook, WebhookVerificationError

STATUS_ZH = {
    "DRAFT": "草稿",
    "PENDING_PROVIDER_REVIEW": "接入商初审中",
    "PROVIDER_NEEDS_CHANGES": "初审退回待修改",
    "PROVIDER_RESUBMITTED": "已修改待初审",
    "PENDING_SUBMISSION": "待提交管局",
    "SMS_VERIFICATION": "工信部短信核验",
    "REGULATOR_REVIEW": "管局审核中",
    "REGULATOR_REJECTED": "管局驳回",
    "APPROVED": "已备案",
}


class BeianError(Exception):
    def __init__(self, status: int, body: dict):
        super().__init__(f"{status}: {body.get('code')} {body.get('message')}")
        self.status, self.body = status, body


class Beian:
    """The few calls a site builder makes, as plain HTTP with the platform token."""

    def __init__(self, base: str, token: str):
        self.base, self.token = base.rstrip("/"), token

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.base}/api/v1/platform{path}",
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as refused:
            raise BeianError(refused.code, json.loads(refused.read() or b"{}")) from None


class State:
    """What the site builder keeps: its webhook endpoint and secret, and the events it received."""

    def __init__(self, path: Path):
        self.path = path
        self.lock = threading.Lock()
        self.data = json.loads(path.read_text()) if path.exists() else {"endpoint": None, "events": []}

    def save(self) -> None:
        self.path.write_text(json.dumps(self.data, ensure_ascii=False, indent=1))


def provision(beian: Beian, state: State, args) -> None:
    """The customer's account, user (owner) and site, then the webhook endpoint: all idempotent."""
    beian.call("PUT", f"/organisations/{args.account}", {"name": args.account_name})
    beian.call("PUT", f"/users/{args.user}", {"name": args.user_name, "email": args.user_email})
    beian.call("PUT", f"/organisations/{args.account}/members/{args.user}", {"role": "owner"})
    beian.call(
        "PUT",
        f"/organisations/{args.account}/sites/{args.site}",
        {"slug": args.site, "title": args.site_title, "domains": [args.domain]},
    )
    if not state.data["endpoint"]:
        created = beian.call(
            "POST",
            "/webhooks/endpoints",
            {"url": f"{args.public_url}/webhooks", "description": "reference site builder"},
        )
        state.data["endpoint"] = {"id": created["id"], "secret": created["secret"]}
        state.save()


def site_status(events: list[dict]) -> dict:
    """What the page shows of the site's filing, from the events heard so far (in the order received)."""
    shown = {"status": "", "reference": "", "number": "", "returned": []}
    for event in events:
        data = event["data"]
        order = data.get("order") or {}
        if event["type"] == "order.status_changed":
            shown.update(status=data.get("to_status", ""), reference=order.get("reference", ""))
        elif event["type"] == "order.returned":
            shown["returned"] = [item["field"] for item in data.get("returned_fields", [])]
        elif event["type"] == "order.filed":
            websites = (data.get("filing") or {}).get("websites") or []
            shown["number"] = websites[0]["number"] if websites else ""
    return shown


def handler_for(beian: Beian, state: State, args):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args):  # quiet: tests read events.json
            pass

        def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == "/events.json":
                with state.lock:
                    body = json.dumps(state.data["events"], ensure_ascii=False).encode()
                return self._send(200, body, "application/json")
            if self.path != "/":
                return self._send(404, b"not found")
            with state.lock:
                shown = site_status(state.data["events"])
            status = STATUS_ZH.get(shown["status"], shown["status"]) or "未备案"
            number = (
                f'<p>备案号：<a id="filing-number" href="https://beian.miit.gov.cn/">{html.escape(shown["number"])}</a></p>'
                if shown["number"]
                else ""
            )
            returned = (
                f"<p id='returned'>需要修改：{html.escape('、'.join(shown['returned']))}</p>"
                if shown["returned"]
                else ""
            )
            page = f"""<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>示例建站平台</title>
<body style="font-family:sans-serif;max-width:720px;margin:2em auto">
<h1>示例建站平台 · 我的网站</h1>
<section id="site-{html.escape(args.site)}" style="border:1px solid #ccc;padding:1em;border-radius:8px">
<h2>{html.escape(args.site_title)}</h2><p>域名：{html.escape(args.domain)}</p>
<p>备案状态：<strong id="filing-status">{html.escape(status)}</strong>
{f"（订单 {html.escape(shown['reference'])}）" if shown["reference"] else ""}</p>{returned}{number}
<form method="post" action="/launch"><button id="beian-button" type="submit">备案</button></form>
</section></body></html>"""
            return self._send(200, page.encode())

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            if self.path == "/launch":
                try:
                    link = beian.call("POST", "/launch-links", {"user": args.user, "site": args.site})
                except BeianError as refused:
                    return self._send(502, html.escape(str(refused)).encode())
                return self._send(303, b"", Location=link["url"])
            if self.path == "/webhooks":
                with state.lock:
                    secret = (state.data["endpoint"] or {}).get("secret")
                if not secret:
                    return self._send(503, b"not ready")
                try:
                    event = Webhook(secret).verify(body, {k.lower(): v for k, v in self.headers.items()})
                except WebhookVerificationError:
                    return self._send(400, b"bad signature")
                message_id = self.headers["webhook-id"]
                with state.lock:
                    if all(e["id"] != message_id for e in state.data["events"]):
                        state.data["events"].append({"id": message_id, "type": event["type"], "data": event["data"]})
                        state.save()
                return self._send(204)
            return self._send(404, b"not found")

    return Handler


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--beian", required=True, help="Beian's base URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--token", required=True, help="a platform token (scopes provisioning, webhooks, launch)")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--public-url", default="", help="where Beian reaches this program (default loopback)")
    parser.add_argument("--state", default="var/sitebuilder.json")
    parser.add_argument("--account", default="acct-sb-1")
    parser.add_argument("--account-name", default="北京示例科技有限公司")
    parser.add_argument("--user", default="u-sb-1")
    parser.add_argument("--user-name", default="张三")
    parser.add_argument("--user-email", default="owner@example.com")
    parser.add_argument("--site", default="sb-shop")
    parser.add_argument("--site-title", default="示例科技官网")
    parser.add_argument("--domain", default="sb-shop.cn")
    args = parser.parse_args(argv)
    args.public_url = (args.public_url or f"http://127.0.0.1:{args.port}").rstrip("/")
    state_path = Path(args.state)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state = State(state_path)
    beian = Beian(args.beian, args.token)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(beian, state, args))
    threading.Thread(target=server.serve_forever, daemon=True).start()  # up before the endpoint is registered
    try:
        provision(beian, state, args)
    except BeianError as refused:
        print(f"provisioning refused: {refused}", file=sys.stderr)
        server.shutdown()
        return 1
    print(f"reference site builder on {args.public_url}/ (Beian: {args.beian})", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
