"""GET /api/v1/filings: the organisation's standing records, as a partner reads them."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from beian.accounts.models import ApiToken
from beian.filings.models import SubjectFiling
from tests.factories import valid_order
from tests.records import add_website_filing, subject_filing_for


def bearer(user):
    _row, key = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def test_the_records_of_an_approved_order_with_numbers_domains_access_and_order(orders, applicant):
    order = orders.approved()
    body = bearer(applicant).get("/api/v1/filings")
    assert body.status_code == 200, body.content
    [subject] = body.json()
    assert subject["filing_number"] == order.subject.filing_number
    assert subject["province"] == "11" and subject["nature"] == 4 and subject["status"] == "active"
    assert subject["name"] == order.subject.name and subject["filed_at"]
    [website] = subject["websites"]
    assert website["filing_number"] == f"{subject['filing_number']}-1" and website["sequence"] == 1
    [domain] = website["domains"]
    assert domain["domain"] == domain["domain_ascii"] == order.website.domain and domain["added_at"]
    assert website["removed_domains"] == []
    [access] = website["access_records"]
    assert access["is_ours"] and access["provider_name"] == "" and access["status"] == "active"
    assert website["created_by_order"] == {"id": order.pk, "reference": order.reference}
    assert website["last_changed_by_order"] == {"id": order.pk, "reference": order.reference}


def test_no_personal_data_in_the_records(orders, applicant):
    order = orders.approved()
    text = bearer(applicant).get("/api/v1/filings").content.decode()
    subject, principal = order.subject, order.subject.principal
    for secret in (subject.certificate_number, principal.certificate_number, principal.mobile, principal.name):
        assert secret and secret not in text


def test_idn_domains_come_as_u_label_and_a_label_and_other_providers_by_name(orders, applicant):
    order = orders.approved()
    add_website_filing(
        SubjectFiling.objects.get(), domain="xn--fsq092h.xn--fiqs8s", order=order, provider_name="阿里云"
    )
    [subject] = bearer(applicant).get("/api/v1/filings").json()
    second = subject["websites"][1]
    assert second["filing_number"].endswith("-2")
    assert [(d["domain"], d["domain_ascii"]) for d in second["domains"]] == [("示例.中国", "xn--fsq092h.xn--fiqs8s")]
    assert second["access_records"][0]["is_ours"] is False
    assert second["access_records"][0]["provider_name"] == "阿里云"


def test_queries_stay_the_same_for_one_or_three_websites(orders, applicant):
    order = orders.approved()
    client = bearer(applicant)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/filings").status_code == 200
        return len(ctx.captured_queries)

    one = count()
    record = SubjectFiling.objects.get()
    add_website_filing(record, domain="second-site.cn", order=order)
    add_website_filing(record, domain="third-site.cn", order=order)
    assert len(client.get("/api/v1/filings").json()[0]["websites"]) == 3
    assert count() == one


def test_another_tenants_records_never_appear(orders, applicant, other_tenant):
    own = orders.approved()
    other_org = other_tenant.memberships.get().organisation
    theirs = valid_order(
        organisation=other_org,
        user=other_tenant,
        site=None,
        materials=False,
        overrides={"websites[0].domain": "another-tenant.cn"},
    )
    subject_filing_for(theirs, number="沪ICP备2026000099号")
    mine = bearer(applicant).get("/api/v1/filings").json()
    assert [s["filing_number"] for s in mine] == [own.subject.filing_number]
    their_view = bearer(other_tenant).get("/api/v1/filings").json()
    assert [s["filing_number"] for s in their_view] == ["沪ICP备2026000099号"]
    assert own.subject.filing_number not in str(their_view)


def test_without_a_token_the_answer_is_401(db):
    response = Client().get("/api/v1/filings")
    assert response.status_code == 401 and response.json()["code"] == "unauthenticated"


def test_the_operation_is_documented(db):
    schema = Client().get("/api/openapi.json").json()
    operation = schema["paths"]["/api/v1/filings"]["get"]
    assert operation["operationId"] == "filings_list" and operation["tags"] == ["filings"]
    website = schema["components"]["schemas"]["WebsiteFilingOut"]["properties"]
    assert {"filing_number", "domains", "access_records", "created_by_order"} <= set(website)


def test_orders_carry_each_websites_domain_as_u_label_and_a_label(orders, applicant):
    order = orders.draft(overrides={"websites[0].domain": "xn--fsq092h.xn--fiqs8s"})
    body = bearer(applicant).get(f"/api/v1/orders/{order.pk}").json()
    [website] = body["data"]["websites"]
    assert website["domain"] == "示例.中国" and website["domain_ascii"] == "xn--fsq092h.xn--fiqs8s"
