"""The block page (unfiled domain) and the maintenance page (filing under way) name the access
provider and say what to do: the visitor comes back later, the site's owner logs in to file or to
follow the filing (a link to the platform's dashboard). Both languages on one page, the reader's
first; the nginx edge serves the very same page."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

SECRET = "edge-test-secret"


@pytest.fixture(autouse=True)
def _provider(settings):
    settings.ACCESS_PROVIDER_NAME = "示例接入云"
    settings.BEIAN_PUBLIC_URL = "https://beian.example.cn/"
    settings.EDGE_SECRET = SECRET


def hosted(host: str, language: str = "en"):
    return Client().get("/", HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE=language)


def edge(host: str, language: str = "en"):
    return Client().get(
        "/_edge/page",
        HTTP_HOST="localhost",
        HTTP_X_BEIAN_HOST=host,
        HTTP_X_BEIAN_EDGE_SECRET=SECRET,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def _sections(page) -> list[str]:
    return re.findall(r'<section class="lang" lang="([a-z-]+)"', page.content.decode())


def test_the_block_page_names_the_provider_and_the_way_forward_in_both_languages(hosted_site):
    page = hosted("demo-shop.cn")
    html = page.content.decode()
    assert page.status_code == 451
    assert "This site has not been filed" in html and "该网站尚未备案" in html
    assert html.count("示例接入云") >= 3  # who blocks it, in each language, and the footer line
    assert "Please come back later." in html  # the visitor
    assert 'href="https://beian.example.cn/apply/"' in html and "Log in to file this site" in html  # the owner
    assert "登录备案此网站" in html
    assert _sections(page) == ["en", "zh-hans"]  # the reader's language first
    assert _sections(hosted("demo-shop.cn", "zh-hans")) == ["zh-hans", "en"]
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html  # fits a phone


def test_the_maintenance_page_names_the_provider_and_links_to_the_progress(orders):
    orders.regulator_review()
    page = hosted("demo-shop.cn")
    html = page.content.decode()
    assert page.status_code == 503
    assert "This site is under maintenance" in html and "该网站正在维护中" in html
    assert "through 示例接入云" in html and "Log in to check the filing" in html
    assert 'href="https://beian.example.cn/apply/"' in html
    assert "Please come back later" in html and "请稍后再访问" in html


def test_the_edge_serves_the_same_pages_as_the_hosted_site(orders):
    assert edge("demo-shop.cn").content == hosted("demo-shop.cn").content  # unfiled: blocked
    assert "示例接入云" in edge("unknown-shop.cn").content.decode()  # no site on the host: blocked too
    orders.regulator_review()
    assert edge("demo-shop.cn").content == hosted("demo-shop.cn").content  # filing: maintenance
