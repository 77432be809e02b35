"""The public-security number through the API (§8.2): read with the records, set per website;
a bad number answers the rule's code; another tenant's website is not found."""

from __future__ import annotations

from urllib.parse import quote

from django.test import Client

from beian.accounts.models import ApiToken
from beian.filings.models import WebsiteFiling


def bearer(user):
    _row, key = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _put(client, number: str, psb_number: str):
    return client.put(
        f"/api/v1/filings/websites/{quote(number)}/psb-number",
        {"psb_number": psb_number},
        content_type="application/json",
    )


def test_the_records_carry_the_deadline_then_the_number_once_set(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    client = bearer(applicant)
    [website] = client.get("/api/v1/filings").json()[0]["websites"]
    assert website["psb_number"] == "" and website["psb_deadline"]
    response = _put(client, record.filing_number, "京公网安备 11010502030143 号")
    assert response.status_code == 200, response.content
    assert response.json()["websites"][0]["psb_number"] == "京公网安备11010502030143号"
    [website] = client.get("/api/v1/filings").json()[0]["websites"]
    assert website["psb_number"] == "京公网安备11010502030143号" and website["psb_deadline"] is None


def test_a_bad_number_answers_422_with_the_rule_code(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    response = _put(bearer(applicant), record.filing_number, "京公网安备31010502030143号")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "psb.number.division" and body["field"] == "psb_number" and body["message"]
    assert [f["code"] for f in body["findings"]] == ["psb.number.division"]
    record.refresh_from_db()
    assert record.psb_number == ""


def test_another_tenants_website_is_not_found(orders, other_tenant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    response = _put(bearer(other_tenant), record.filing_number, "京公网安备11010502030143号")
    assert response.status_code == 404
    record.refresh_from_db()
    assert record.psb_number == ""
