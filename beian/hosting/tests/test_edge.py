"""The gate at the edge, as nginx asks it (beian.hosting.edge): /_edge/auth answers per Host with the
footer of the number filed for that domain, or denies; /_edge/page gives the maintenance or block
page with the gate's statuses; both only to a caller with the shared secret, and the auth answer
makes no query while nothing changed. The real nginx in front: tests/test_edge_nginx.py."""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.test import Client

from beian.hosting.models import SiteDomain

SECRET = "edge-test-secret"


@pytest.fixture(autouse=True)
def _edge_secret(settings):
    settings.EDGE_SECRET = SECRET
    settings.EDGE_CACHE_SECONDS = 2


def ask(path: str, host: str, secret: str | None = SECRET, **extra):
    headers = {"HTTP_X_BEIAN_HOST": host, **extra}
    if secret is not None:
        headers["HTTP_X_BEIAN_EDGE_SECRET"] = secret
    return Client().get(f"/_edge/{path}", HTTP_HOST="localhost", **headers)


def test_a_filed_domain_is_let_through_with_the_footer_of_its_own_number(orders):
    number = orders.approved().website.filing_number
    for host in ("demo-shop.cn", "WWW.demo-shop.cn:443", "blog.demo-shop.cn", "demo-shop.localhost"):
        response = ask("auth", host)
        assert response.status_code == 200, host
        assert response["X-Beian-Access"] == "serve"
        assert response["X-Accel-Expires"] == "2"  # settings.EDGE_CACHE_SECONDS: how long nginx keeps it
        footer = response["X-Beian-Footer"]
        assert footer.isascii() and "\n" not in footer  # one header line
        shown = html.unescape(footer)
        assert 'href="https://beian.miit.gov.cn/"' in shown and f">{number}</a>" in shown
    assert response.content == b""
    # nginx asks for the gate page only when its kept answer said no: a moment, not the site itself
    page = ask("page", "demo-shop.cn", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 503 and page["Retry-After"] == "2" and "示例科技" not in page.content.decode()


def test_a_filing_in_progress_is_denied_and_its_page_is_maintenance_503(orders):
    orders.regulator_review()
    response = ask("auth", "demo-shop.cn")
    assert response.status_code == 403 and response["X-Beian-Access"] == "maintenance"
    assert "X-Beian-Footer" not in response
    page = ask("page", "demo-shop.cn", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 503 and page["Retry-After"] == "3600" and page["Cache-Control"] == "no-store"
    assert "under maintenance" in page.content.decode()


@pytest.mark.parametrize("host", ["demo-shop.cn", "unknown-shop.cn", "demo-shop.cn.evil.com", ""])
def test_unfiled_and_unknown_hosts_are_denied_and_get_the_block_page_451(hosted_site, host):
    response = ask("auth", host)
    assert response.status_code == 403 and response["X-Beian-Access"] == "block"
    page = ask("page", host, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 451 and page["Cache-Control"] == "no-store"
    assert "This site has not been filed" in page.content.decode()


def test_a_blocked_domain_gets_its_page_for_any_method(hosted_site):
    response = Client(enforce_csrf_checks=True).post(
        "/_edge/page", HTTP_HOST="localhost", HTTP_X_BEIAN_HOST="demo-shop.cn", HTTP_X_BEIAN_EDGE_SECRET=SECRET
    )
    assert response.status_code == 451


@pytest.mark.parametrize("secret", [None, "", "wrong-secret"])
def test_without_the_shared_secret_the_edge_endpoints_are_not_there(orders, secret):
    orders.approved()
    assert ask("auth", "demo-shop.cn", secret=secret).status_code == 404
    assert ask("page", "demo-shop.cn", secret=secret).status_code == 404


def test_with_no_secret_configured_nobody_reaches_them(orders, settings):
    orders.approved()
    settings.EDGE_SECRET = ""
    assert ask("auth", "demo-shop.cn", secret="").status_code == 404


def test_the_auth_answer_makes_no_query_while_the_gate_stamp_has_not_moved(
    orders, django_capture_on_commit_callbacks, django_assert_num_queries, django_assert_max_num_queries
):
    order = orders.regulator_review()
    ask("auth", "demo-shop.cn")
    with django_assert_num_queries(0):
        assert ask("auth", "demo-shop.cn").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        order = orders._decide(order, approve=True)
    with django_assert_max_num_queries(1):  # the stamp moved: the entry is read again
        response = ask("auth", "demo-shop.cn")
    assert response.status_code == 200
    assert order.website.filing_number in html.unescape(response["X-Beian-Footer"])
    with django_assert_num_queries(0):
        assert ask("auth", "demo-shop.cn").status_code == 200


def test_unbinding_a_filed_domain_blocks_it_at_the_edge(orders):
    orders.approved()
    assert ask("auth", "demo-shop.cn").status_code == 200
    SiteDomain.objects.filter(domain="demo-shop.cn").delete()
    assert ask("auth", "demo-shop.cn").status_code == 403
    assert ask("page", "demo-shop.cn").status_code == 451


def test_the_compose_example_is_the_template_rendered_with_the_defaults():
    out = io.StringIO()
    call_command(
        "edge_nginx_config", "--platform-host", "localhost", "--platform-host", "${BEIAN_SERVER_NAMES}", stdout=out
    )
    example = Path(django_settings.BASE_DIR) / "deploy" / "nginx" / "beian.conf"
    assert out.getvalue() == example.read_text(), "deploy/nginx/beian.conf is stale: run `make edge-nginx`"
    # left for the nginx image's envsubst: the shared secret, the platform's public names
    assert 'X-Beian-Edge-Secret "${BEIAN_EDGE_SECRET}"' in example.read_text()
    assert "server_name localhost ${BEIAN_SERVER_NAMES};" in example.read_text()


@pytest.mark.parametrize(
    "option",
    [
        ["--origin", "renderer:3000; include /etc/passwd"],
        ["--platform-host", "a b"],
        ["--platform-host", "localhost", "--platform-host", "${X}; include /etc/passwd"],
        ["--platform-host", "${BEIAN_SERVER_NAMES}"],  # the Host nginx sends Beian: a name
    ],
)
def test_a_value_that_would_break_the_nginx_config_is_refused(option):
    with pytest.raises(CommandError):
        call_command("edge_nginx_config", *option, stdout=io.StringIO())


def test_a_foreign_origin_gets_the_footer_filter_and_beians_pages_do_not(settings):
    out = io.StringIO()
    call_command("edge_nginx_config", "--origin", "renderer:3000", "--secret-from-settings", stdout=out)
    text = out.getvalue()
    assert "server renderer:3000;" in text and "sub_filter '</body>' '$beian_footer</body>';" in text
    assert f'X-Beian-Edge-Secret "{SECRET}"' in text
    out = io.StringIO()
    call_command("edge_nginx_config", stdout=out)
    assert "sub_filter '" not in out.getvalue()


def test_a_files_origin_is_served_from_one_folder_per_host_with_the_footer_filter():
    out = io.StringIO()
    call_command("edge_nginx_config", "--origin", "/srv/sites/", stdout=out)
    text = out.getvalue()
    assert "root /srv/sites/$host;" in text and "sub_filter '</body>' '$beian_footer</body>';" in text
    assert "proxy_pass http://beian_site_origin;" not in text


def test_the_edge_is_answered_over_plain_http_where_the_platform_redirects_to_https(orders, settings):
    orders.approved()
    settings.PLATFORM_SSL_REDIRECT = True  # production: nginx asks over http inside the network
    assert ask("auth", "demo-shop.cn").status_code == 200
    assert ask("page", "unknown-shop.cn").status_code == 451
    assert Client().get("/accounts/login/", HTTP_HOST="localhost").status_code == 301  # the platform itself is
