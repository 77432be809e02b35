"""The public-security number in the hosted footer (§8.2): beside the ICP number, with the police
emblem and the platform's query link; shown on the very next request after the applicant enters it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from beian.filings import psb
from beian.filings.models import WebsiteFiling
from beian.hosting.models import GateEntry

NUMBER = "京公网安备11010502030143号"


def page(host: str = "demo-shop.cn") -> str:
    response = Client().get("/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def filed(orders):
    return orders.approved()


def test_the_footer_shows_the_number_on_the_next_request_after_it_is_set(
    filed, applicant, hosted_site, django_capture_on_commit_callbacks
):
    before = page()
    assert filed.website.filing_number in before and "公网安备" not in before
    with django_capture_on_commit_callbacks(execute=True):
        psb.website_filing_set_psb_number(
            website_filing=WebsiteFiling.objects.get(), user=applicant, number="京公网安备 11010502030143 号"
        )
    for host in ("demo-shop.cn", "www.demo-shop.cn", "demo-shop.localhost"):
        html = page(host)
        footer = html[html.index("<footer") :]
        assert filed.website.filing_number in footer  # the ICP number stays
        link = re.search(r'<a class="psb" href="([^"]+)"[^>]*id="psb-number">(.*?)</a>', footer, re.S)
        assert link, footer
        assert link[1] == "https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"
        assert NUMBER in link[2] and "<svg" in link[2]  # the emblem, inline (no external image)
    assert "http" not in re.search(r"<svg.*?</svg>", html, re.S)[0].replace("http://www.w3.org", "")
    assert set(GateEntry.objects.values_list("psb_number", flat=True)) == {NUMBER}


def test_no_number_no_public_security_link(filed, hosted_site):
    html = page()
    assert filed.website.filing_number in html
    assert "beian.mps.gov.cn" not in html and 'id="psb-number"' not in html
