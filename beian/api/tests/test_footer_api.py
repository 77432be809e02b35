"""A filed website's footer through the API (§8.1, §8.2): generated from the record, with the
public-security number once entered; another tenant's website, or a number filed nowhere, is not found."""

from __future__ import annotations

from urllib.parse import quote

from django.test import Client

from beian.accounts.models import ApiToken
from beian.filings import psb
from beian.filings.models import WebsiteFiling


def bearer(user):
    _row, key = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _get(client, number: str):
    return client.get(f"/api/v1/filings/websites/{quote(number)}/footer")


def test_the_footer_is_the_records_number_linked_to_miit_then_carries_the_psb_number(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    client = bearer(applicant)
    response = _get(client, record.filing_number)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["filing_number"] == record.filing_number
    assert body["parts"]["miit_link"] == "https://beian.miit.gov.cn/"
    assert body["parts"]["psb_number"] == "" and body["parts"]["psb_link"] == ""
    assert (
        f'<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" style="color:inherit">{record.filing_number}</a>'
        in body["html"]
    )
    assert "公网安备" not in body["html"] and "<svg" not in body["html"]

    psb.website_filing_set_psb_number(website_filing=record, user=applicant, number="京公网安备 11010502030143 号")
    body = _get(client, record.filing_number).json()
    assert body["parts"]["psb_number"] == "京公网安备11010502030143号"
    assert body["parts"]["psb_link"] == "https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"
    assert body["parts"]["emblem_svg"].startswith("<svg") and body["parts"]["emblem_svg"] in body["html"]
    assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"' in body["html"]
    assert body["html"].index(record.filing_number) < body["html"].index("京公网安备11010502030143号")


def test_another_tenants_website_or_an_unknown_number_is_not_found(orders, applicant, other_tenant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    response = _get(bearer(other_tenant), record.filing_number)
    assert response.status_code == 404 and response.json()["code"] == "filing.not_found"
    assert _get(bearer(applicant), "京ICP备2026999999号-1").status_code == 404


def test_unauthenticated_is_refused(orders):
    orders.approved()
    assert _get(Client(), WebsiteFiling.objects.get().filing_number).status_code == 401
