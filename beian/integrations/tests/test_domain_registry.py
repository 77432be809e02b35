"""Domain registry adapters: the RDAP client against a local fake RDAP server, and the fixture file."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from beian.integrations.domain_registry import (
    DomainRegistryError,
    FixtureDomainRegistry,
    RdapDomainRegistry,
    domain_facts_from_rdap,
)

RDAP_DOMAIN = {
    "objectClassName": "domain",
    "ldhName": "demo-shop.cn",
    "status": ["client transfer prohibited", "server delete prohibited"],
    "events": [
        {"eventAction": "registration", "eventDate": "2020-06-30T08:00:00Z"},
        {"eventAction": "expiration", "eventDate": "2028-06-30T08:00:00Z"},
    ],
    "entities": [
        {
            "objectClassName": "entity",
            "roles": ["registrar"],
            "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "示例注册服务有限公司"]]],
            "entities": [
                {
                    "objectClassName": "entity",
                    "roles": ["abuse"],
                    "vcardArray": ["vcard", [["fn", {}, "text", "Abuse desk"]]],
                }
            ],
        },
        {
            "objectClassName": "entity",
            "roles": ["registrant"],
            "vcardArray": [
                "vcard",
                [
                    ["version", {}, "text", "4.0"],
                    ["fn", {}, "text", "张三"],
                    ["org", {}, "text", "北京示例科技有限公司"],
                ],
            ],
        },
    ],
}
SLOW_SECONDS = 2.0


class FakeRdap(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []

    def do_GET(self):
        FakeRdap.requests.append((self.path, self.headers.get("Accept", "")))
        routes = {
            "/rdap/domain/demo-shop.cn": (200, json.dumps(RDAP_DOMAIN)),
            "/rdap/domain/xn--fsqu00a.xn--fiqs8s": (
                200,
                json.dumps({**RDAP_DOMAIN, "ldhName": "xn--fsqu00a.xn--fiqs8s", "unicodeName": "例子.中国"}),
            ),
            "/rdap/domain/broken.cn": (200, "{not json"),
            "/rdap/domain/list.cn": (200, "[]"),
            "/rdap/domain/failing.cn": (503, json.dumps({"errorCode": 503, "title": "busy"})),
        }
        if self.path == "/rdap/domain/slow.cn":
            time.sleep(SLOW_SECONDS)
        status, body = routes.get(self.path, (404, json.dumps({"errorCode": 404, "title": "Not Found"})))
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/rdap+json")
            self.end_headers()
            self.wfile.write(body.encode())
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def rdap_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRdap)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/rdap/"
    server.shutdown()
    server.server_close()


def test_rdap_happy_path(rdap_url):
    facts = RdapDomainRegistry(rdap_url, timeout=5).lookup("Demo-Shop.CN.")
    assert facts.domain == "demo-shop.cn"
    assert facts.registrant == "北京示例科技有限公司"  # org wins over the contact's fn
    assert facts.registrar == "示例注册服务有限公司"
    assert facts.expires_on == date(2028, 6, 30)
    assert facts.real_name_verified is None  # RDAP does not say
    assert facts.statuses == ["client transfer prohibited", "server delete prohibited"]
    assert FakeRdap.requests[-1] == ("/rdap/domain/demo-shop.cn", "application/rdap+json, application/json")


def test_rdap_queries_idn_in_punycode(rdap_url):
    facts = RdapDomainRegistry(rdap_url, timeout=5).lookup("例子.中国")
    assert facts.domain == "例子.中国"
    assert FakeRdap.requests[-1][0] == "/rdap/domain/xn--fsqu00a.xn--fiqs8s"


def test_rdap_unknown_domain_is_none(rdap_url):
    assert RdapDomainRegistry(rdap_url, timeout=5).lookup("unknown.cn") is None


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("broken.cn", "malformed JSON"),
        ("list.cn", "not an object"),
        ("failing.cn", "HTTP 503"),
        ("exa mple.cn", "not a domain name"),
    ],
)
def test_rdap_failures_raise_a_clear_error(rdap_url, domain, message):
    with pytest.raises(DomainRegistryError, match=message):
        RdapDomainRegistry(rdap_url, timeout=5).lookup(domain)


def test_rdap_timeout(rdap_url):
    started = time.monotonic()
    with pytest.raises(DomainRegistryError, match=r"did not answer within 0\.3 s"):
        RdapDomainRegistry(rdap_url, timeout=0.3).lookup("slow.cn")
    assert time.monotonic() - started < SLOW_SECONDS


def test_rdap_unreachable_server():
    with pytest.raises(DomainRegistryError, match="unreachable"):
        RdapDomainRegistry("http://127.0.0.1:9", timeout=2).lookup("demo-shop.cn")


def test_rdap_without_registrant_or_events():
    facts = domain_facts_from_rdap(
        {
            "ldhName": "demo-shop.cn",
            "entities": [{"roles": ["registrant"]}],
            "events": [{"eventAction": "expiration", "eventDate": "soon"}],
        },
        "demo-shop.cn",
    )
    assert (facts.registrant, facts.expires_on, facts.statuses) == ("", None, [])


@pytest.mark.parametrize(
    ("domain", "registrant", "verified", "expires_on"),
    [
        ("demo-shop.cn", "北京示例科技有限公司", True, date(2028, 6, 30)),
        ("ZHANGSAN-NOTES.CN", "张三", True, date(2027, 9, 1)),
        ("example-other.com", "上海另一家公司有限公司", True, date(2027, 8, 15)),
        ("unverified-demo.cn", "北京示例科技有限公司", False, date(2028, 1, 31)),
    ],
)
def test_fixture_registry(domain, registrant, verified, expires_on):
    facts = FixtureDomainRegistry().lookup(domain)
    assert (facts.registrant, facts.real_name_verified, facts.expires_on) == (registrant, verified, expires_on)


def test_fixture_has_a_domain_expiring_within_30_days_of_the_demo_date():
    facts = FixtureDomainRegistry().lookup("expiring-soon.cn")
    assert 0 <= (facts.expires_on - date(2026, 11, 29)).days <= 30


def test_fixture_registry_does_not_know_other_domains():
    assert FixtureDomainRegistry().lookup("not-in-fixture.cn") is None
