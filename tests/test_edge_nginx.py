"""The gate at the edge with a real nginx (deploy/nginx/beian.conf.template, rendered by
`manage.py edge_nginx_config`) in front of a live Beian (gunicorn) and a tiny foreign origin (the
site builder's renderer): a filed domain reaches the origin and the visitor gets the footer with
the number filed for it; a filing in progress gets Beian's maintenance page (503), an unfiled or
unknown domain the block page (451) and the origin never sees them; an approval and an unbinding
made in other processes take effect at nginx within the edge's cache time, with nothing reloaded.
The same with the site builder's published files as the origin; Beian's own hosted pages behind
the same config keep their single footer."""

from __future__ import annotations

import contextlib
import html
import secrets
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.net import free_port, http_get, http_request
from tests.nginx import nginx_binary, running_nginx
from tests.processes import APPROVE, Deployment, deployment_database, serving

pytestmark = pytest.mark.skipif(
    nginx_binary() is None, reason="nginx is not installed here (CI installs Debian's nginx: .ci/run)"
)

SECRET = secrets.token_urlsafe(24)
CACHE_SECONDS = 1
MIIT = "https://beian.miit.gov.cn/"

SETUP = """
import json
from beian.demo.orders import BEIJING, tenant_for
from beian.hosting.models import SiteDomain
from tests.builders import RECORDED, OrderBuilder
organisation, user, site = tenant_for(BEIJING)
with RECORDED.installed():
    order = OrderBuilder(organisation=organisation, user=user, site=site).regulator_review()
SiteDomain.objects.create(site=site, domain="unfiled-shop.cn")  # bound, never filed
print("RESULT" + json.dumps({"order": order.pk, "domain": site.domains.order_by("pk").first().domain}))
"""

UNBIND = """
from beian.hosting.models import SiteDomain
SiteDomain.objects.get(domain={domain!r}).delete()
print("RESULT{{}}")
"""


class Origin(ThreadingHTTPServer):
    """The site builder's renderer: a page of its own for any Host; remembers who asked."""

    daemon_threads = True

    def __init__(self) -> None:
        self.hosts: list[str] = []
        super().__init__(("127.0.0.1", 0), OriginPage)


class OriginPage(BaseHTTPRequestHandler):
    def do_GET(self):
        host = self.headers.get("Host", "")
        self.server.hosts.append(host)  # type: ignore[attr-defined]
        body = f"<!doctype html><html><body><h1>Rendered by the site builder for {host}</h1></BODY></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def origin() -> Iterator[Origin]:
    server = Origin()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def edge_config(deploy: Deployment, folder: Path, *, beian_port: int, listen: int, site_origin: str) -> Path:
    path = folder / f"edge-{listen}.conf"
    deploy.run(
        "edge_nginx_config",
        "--beian",
        f"127.0.0.1:{beian_port}",
        "--origin",
        site_origin,
        "--listen",
        f"127.0.0.1:{listen}",
        "--cache-dir",
        str(folder / f"gate-cache-{listen}"),
        "--platform-host",
        "localhost",
        "--secret-from-settings",
        "--output",
        str(path),
    )
    return path


def page(port: int, host: str, path: str = "/") -> tuple[int, dict, str]:
    status, headers, body = http_request(port, host, path)
    return status, headers, html.unescape(body.decode())


def eventually(port: int, host: str, status: int, seconds: float = CACHE_SECONDS + 10) -> tuple[int, dict, str]:
    """The answer once nginx's kept gate answer has expired (nothing reloaded, nothing cleared)."""
    deadline = time.monotonic() + seconds
    while True:
        answer = page(port, host)
        if answer[0] == status or time.monotonic() > deadline:
            return answer
        time.sleep(0.1)


@pytest.fixture(params=["sqlite", "postgres"])
def deploy(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"edge-{request.param}")
    env = {"BEIAN_EDGE_SECRET": SECRET, "BEIAN_EDGE_CACHE_SECONDS": str(CACHE_SECONDS), "BEIAN_GATE_STAMP": "file"}
    with deployment_database(request.param, folder, **env) as deployment:
        yield deployment


def test_nginx_lets_filed_domains_reach_the_origin_with_their_footer_and_shows_beians_pages_otherwise(deploy, tmp_path):
    made = deploy.python(SETUP)
    domain = made["domain"]
    edge_port, hosted_port, files_port = free_port(), free_port(), free_port()
    published = tmp_path / "published"  # the site builder's published files, one folder per host
    for host in (domain, "unfiled-shop.cn"):
        (published / host).mkdir(parents=True)
        (published / host / "index.html").write_text(f"<html><body><p>Published files of {host}</p></body></html>")
    with origin() as renderer, serving(deploy) as beian_port:
        foreign = edge_config(
            deploy, tmp_path, beian_port=beian_port, listen=edge_port, site_origin=f"127.0.0.1:{renderer.server_port}"
        )
        hosted = edge_config(deploy, tmp_path, beian_port=beian_port, listen=hosted_port, site_origin="beian")
        files = edge_config(deploy, tmp_path, beian_port=beian_port, listen=files_port, site_origin=str(published))
        with (
            running_nginx(tmp_path / "nginx", [foreign], edge_port, workers=2),
            running_nginx(tmp_path / "nginx-hosted", [hosted], hosted_port),
            running_nginx(tmp_path / "nginx-files", [files], files_port),
        ):
            # the first filing is with the regulator: maintenance, with the gate's status and Retry-After
            status, headers, body = page(edge_port, domain)
            assert status == 503 and headers.get("Retry-After") == "3600", (status, body)
            assert "ICP" in body and "Rendered by the site builder" not in body
            for host in ("unfiled-shop.cn", "never-heard-of.cn", "www.unfiled-shop.cn"):
                status, _headers, body = page(edge_port, host)
                assert status == 451 and "Rendered by the site builder" not in body, host
            assert renderer.hosts == []  # the origin saw none of them

            # the regulator approves (another process): served from the origin, with THIS domain's number
            approved = deploy.python(APPROVE.format(order=made["order"]))
            number = approved["number"]
            status, _headers, body = eventually(edge_port, domain, 200)
            assert status == 200, body
            for host in (domain, f"www.{domain}"):
                for _ in range(3):  # answered from nginx's kept gate answer too
                    status, _headers, body = page(edge_port, host, "/products/")
                    assert status == 200 and f"Rendered by the site builder for {host}" in body
                    assert f'<a href="{MIIT}"' in body and f">{number}</a>" in body
                    assert body.index(number) < body.lower().index("</body>")  # in the page, before its end
            assert "unfiled-shop.cn" not in renderer.hosts
            assert page(edge_port, "unfiled-shop.cn")[0] == 451  # its own domain, its own decision

            # the site builder's published files behind the edge: the same gate, the same footer
            status, _headers, body = eventually(files_port, domain, 200)
            assert status == 200 and f"Published files of {domain}" in body and f">{number}</a>" in body
            status, _headers, body = page(files_port, "unfiled-shop.cn")
            assert status == 451 and "Published files" not in body

            # Beian's own hosted pages behind the edge: its page, its one footer
            status, _headers, body = eventually(hosted_port, domain, 200)
            assert status == 200 and body.count(number) == 1 and "示例科技" in body

            # Beian itself is reached under its platform host; the edge's endpoints are not
            assert http_get(edge_port, "localhost", "/accounts/login/")[0] == 200
            assert http_get(edge_port, "localhost", "/_edge/auth", {"X-Beian-Edge-Secret": SECRET})[0] == 404

            # the domain is unbound from the site (another process): blocked again
            deploy.python(UNBIND.format(domain=domain))
            status, _headers, body = eventually(edge_port, domain, 451)  # polls served until the change arrives
            assert status == 451 and "Rendered by the site builder" not in body
            seen = len(renderer.hosts)
            assert page(edge_port, domain)[0] == 451 and len(renderer.hosts) == seen  # blocked: the origin sees none
