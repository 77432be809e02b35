"""Which hosted site a Host header reaches, and what it serves: 451 unfiled, 503 while the first
filing runs, 200 with the filing number in the footer once filed."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client

from beian.hosting.middleware import site_for_host
from beian.hosting.models import HostedSite, SiteDomain


def get(host: str, path: str = "/"):
    return Client().get(path, HTTP_HOST=host)


@pytest.mark.parametrize(
    "host",
    [
        "demo-shop.localhost",
        "demo-shop.localhost:8000",
        "DEMO-SHOP.LOCALHOST",
        "Demo-Shop.localhost:8101",
        "demo-shop.localhost.",
        "demo-shop.cn",
        "DEMO-SHOP.CN",
        "demo-shop.cn:80",
        "www.demo-shop.cn",
        "demo-shop.cn.",
    ],
)
def test_slug_and_custom_domain_hosts_reach_the_site(hosted_site, host):
    assert site_for_host(host) == hosted_site
    response = get(host)
    assert response.status_code == 451  # found, and unfiled: blocked
    assert response.wsgi_request.hosted_site == hosted_site
    assert response.content == render_to_string("hosting/blocked.html", {"site": hosted_site}).encode()


@pytest.mark.parametrize("host", ["nobody.localhost", "unknown.example.com", "shop.cn", "demo-shop.cn.evil.com"])
def test_an_unknown_host_gets_the_unknown_site_page(hosted_site, host):
    assert site_for_host(host) is None
    response = get(host)
    assert response.status_code == 404
    assert response.templates[0].name == "hosting/unknown.html"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "testserver", "localhost:8000", "127.0.0.1:8101"])
def test_platform_hosts_serve_the_filing_system(hosted_site, host):
    response = get(host)
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert not hasattr(response.wsgi_request, "hosted_site")


def test_the_bare_suffix_is_no_site(hosted_site):
    assert site_for_host("localhost.") is None
    assert site_for_host(".localhost") is None


def test_each_slug_reaches_its_own_site(hosted_site, other_tenant):
    other = HostedSite.objects.create(
        organisation=other_tenant.memberships.get().organisation, slug="other-shop", title="另一家网站"
    )
    SiteDomain.objects.create(site=other, domain="other-shop.com.cn")
    assert site_for_host("other-shop.localhost") == other
    assert site_for_host("other-shop.com.cn") == other
    assert site_for_host("demo-shop.localhost") == hosted_site


def test_every_path_of_a_hosted_host_goes_to_the_site_not_the_platform(hosted_site):
    for path in ("/", "/about/", "/accounts/login/", "/apply/"):
        response = get("demo-shop.localhost", path)
        assert response.status_code == 451, path
        assert response.wsgi_request.hosted_site == hosted_site


def test_unfiled_site_is_blocked_with_451(hosted_site):
    response = get("demo-shop.cn")
    assert response.status_code == 451
    assert response["Cache-Control"] == "no-store"
    assert "beian.miit.gov.cn" not in response.content.decode()


def test_a_site_whose_first_filing_runs_shows_maintenance_with_503(orders):
    orders.submitted()
    for host in ("demo-shop.localhost", "demo-shop.cn:8000"):
        response = get(host)
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        assert response["Cache-Control"] == "no-store"


def test_a_filed_site_serves_200_with_its_number_in_the_footer(orders):
    order = orders.approved()
    number = order.website.filing_number
    for host in ("demo-shop.localhost", "DEMO-SHOP.CN", "www.demo-shop.cn:8000", "demo-shop.cn."):
        response = get(host)
        html = response.content.decode()
        assert response.status_code == 200, host
        assert "北京示例科技有限公司" in html  # the site's own content
        assert number in html and 'href="https://beian.miit.gov.cn/"' in html


# --- production hosts: DJANGO_ALLOWED_HOSTS names the platform; customers' domains are checked here -----------


@pytest.fixture
def production_hosts(settings):
    settings.PLATFORM_HOSTS = ["beian.example.com"]  # DJANGO_ALLOWED_HOSTS=beian.example.com
    return settings


def test_in_production_the_platform_answers_only_on_its_allowed_hosts(hosted_site, production_hosts):
    assert get("beian.example.com", "/accounts/login/").status_code == 200
    for host in ("localhost", "evil.example", "beian.example.com.evil.example"):
        response = get(host, "/accounts/login/")
        assert response.status_code == 404, host  # no login form (or link built from it) on another name
        assert response.templates[0].name == "hosting/unknown.html"


def test_in_production_a_customer_domain_reaches_its_site_whatever_the_allowed_hosts(hosted_site, production_hosts):
    # a customer's own domain is in no ALLOWED_HOSTS list: its SiteDomain row lets it in
    for host in ("demo-shop.cn", "www.demo-shop.cn:443", "demo-shop.localhost"):
        response = get(host)
        assert response.status_code == 451, host
        assert response.wsgi_request.hosted_site == hosted_site
        assert "Content-Security-Policy" not in response  # the customer's page, not ours


def test_our_hsts_does_not_pin_a_customer_domain(hosted_site, production_hosts):
    production_hosts.SECURE_HSTS_SECONDS = 31536000
    production_hosts.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    assert "Strict-Transport-Security" in Client().get("/accounts/login/", HTTP_HOST="beian.example.com", secure=True)
    assert "Strict-Transport-Security" not in Client().get("/", HTTP_HOST="demo-shop.cn", secure=True)


def test_in_production_http_is_redirected_to_https_on_the_platform_only(hosted_site, production_hosts):
    production_hosts.PLATFORM_SSL_REDIRECT = True
    response = get("beian.example.com", "/accounts/login/?next=/apply/")
    assert response.status_code == 301
    assert response["Location"] == "https://beian.example.com/accounts/login/?next=/apply/"
    assert Client().get("/accounts/login/", HTTP_HOST="beian.example.com", secure=True).status_code == 200
    assert get("beian.example.com", "/healthz").status_code == 200  # probes speak http inside
    # a customer's domain is served as the edge serves it: no redirect to an https it may have no certificate for
    assert get("demo-shop.cn").status_code == 451


def test_an_invalid_host_header_is_refused(hosted_site):
    assert get("bad host!").status_code == 400
