"""The reviewer's page of a change or cancellation of a filed record (rules file §1.5–§1.7): the
target record, the field-by-field diff against the data as filed, what a cancellation asks, what
approval does to the live site; field-level returns of the changed part; the queue shows the type."""

from __future__ import annotations

import pytest

from beian.filings import changes, services, states
from beian.filings.models import Order, WebsiteFiling
from beian.filings.precheck import order_precheck
from beian.review.tests.helpers import queued_order

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def section(html: str, element_id: str) -> str:
    start = html.index(f'id="{element_id}"')
    return html[
        start : html.index("</section>", start) if "record-order" in element_id else html.index("</table>", start)
    ]


@pytest.fixture
def record(orders):
    return orders.filed_record().websites.get()


def change_values(record) -> dict:
    """The same values in every test: the recorded material checks replay."""
    return {
        "websites[0].name": record.name + "新版",
        "websites[0].principal.mobile": "13912345678",
        "websites[0].other_domains": ["added-domain.cn"],
    }


def change_website(orders, record):
    return orders.against_record("CHANGE_WEBSITE", values=change_values(record)).submitted(acknowledge_warnings=True)


def test_a_website_change_shows_the_target_record_and_the_diff_against_it(client, reviewer, orders, record):
    filed_mobile = record.website.principal.mobile
    order = change_website(orders, record)
    login(client, reviewer)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    page = section(html, "record-order")
    assert record.filing_number in page and record.subject_filing.filing_number in page
    assert "Us: hosted site" in page  # the access of the filed record
    diff = section(html, "record-diff")
    name_row = diff.split('data-path="websites[0].name"')[1].split("</tr>")[0]
    assert record.name in name_row and record.name + "新版" in name_row
    mobile_row = diff.split('data-path="websites[0].principal.mobile"')[1].split("</tr>")[0]
    assert "139****5678" in mobile_row and "13912345678" not in html  # masked, as filed and as applied for
    assert filed_mobile not in html
    domains = diff.split('data-path="websites[0].other_domains"')[1].split("</tr>")[0]
    assert "Added: added-domain.cn" in domains
    assert "the filing numbers stay the same" in page and "Added domains serve" in page
    # the subject is not what this change applies for: nothing of it is in the diff or returnable
    assert 'data-path="subject.' not in diff
    assert 'name="fields" value="subject.name"' not in html
    # a changed field is returned from the diff, once
    assert html.count('name="fields" value="websites[0].name"') == 1
    assert html.count('name="reason__websites[0].name"') == 1
    # a field of the changed part that did not change stays returnable below
    assert 'name="fields" value="websites[0].remark"' in html


def test_the_reviewer_returns_a_changed_field_and_cannot_return_one_outside_the_change(
    client, reviewer, orders, record
):
    order = change_website(orders, record)
    login(client, reviewer)
    refused = client.post(
        f"/review/orders/{order.pk}/return/",
        {"fields": ["subject.name"], "reason__subject.name": "SUBJECT_NAME_MISMATCH"},
        follow=True,
    )
    assert "Unknown field" in refused.content.decode()
    assert Order.objects.get(pk=order.pk).status == states.PENDING_PROVIDER_REVIEW
    client.post(
        f"/review/orders/{order.pk}/return/",
        {
            "fields": ["websites[0].name", "websites[0].other_domains"],
            "reason__websites[0].name": "SITE_NAME_NOT_RELATED",
            "note__websites[0].name": "与主办单位无关",
            "reason__websites[0].other_domains": "SITE_NAME_NOT_RELATED",
        },
    )
    order = Order.objects.get(pk=order.pk)
    assert order.status == states.PROVIDER_NEEDS_CHANGES
    assert {r["field"] for r in order.returned_fields} == {"websites[0].name", "websites[0].other_domains"}
    # the applicant may change what was returned, and only that
    services.order_update(order=order, user=orders.user, values={"websites[0].name": record.name + "二版"})
    assert changes.record_diff(order)[0].new == record.name + "二版"


def test_a_cancellation_shows_the_reason_the_note_the_typed_confirmation_and_the_empty_shell(
    client, reviewer, orders, record
):
    order = orders.against_record("CANCEL_WEBSITE", reason_code="SITE_CLOSED").draft()
    services.order_set_request(order=order, user=orders.user, reason_note="公司业务调整，网站下线")
    services.order_submit(order=order, user=orders.user, acknowledged_warnings=order_precheck(order).warning_codes)
    domain = changes.expected_confirmation(order)
    login(client, reviewer)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    page = section(html, "record-order")
    assert "What this cancellation ends" in page and record.filing_number in page and domain in page
    assert "The website is closed" in page and "SITE_CLOSED" in page
    assert "公司业务调整，网站下线" in page
    assert "typed" in page and f"The applicant typed “{domain}”" in page
    assert "cancelled for good and its domains are blocked" in page
    assert "the subject is an empty shell" in page  # the tenant's only website
    assert 'id="record-diff"' not in html
    # nothing of the filed data is returnable in a cancellation; its reason and confirmation are
    assert 'name="fields" value="websites[0].name"' not in html
    assert 'name="fields" value="reason_code"' in html and 'name="fields" value="confirmation"' in html


def test_the_reviewer_returns_a_cancellations_reason_and_the_applicant_answers_it(client, reviewer, orders):
    order = orders.against_record("CANCEL_WEBSITE").submitted(acknowledge_warnings=True)
    login(client, reviewer)
    client.post(
        f"/review/orders/{order.pk}/return/",
        {"fields": ["reason_code"], "reason__reason_code": "OTHER", "note__reason_code": "请选择真实原因"},
    )
    order = Order.objects.get(pk=order.pk)
    assert order.status == states.PROVIDER_NEEDS_CHANGES
    assert order.returned_fields == [{"field": "reason_code", "reason_code": "OTHER", "note": "请选择真实原因"}]
    timeline = client.get(f"/review/orders/{order.pk}/").content.decode().split('id="timeline"')[1]
    assert "Cancellation reason" in timeline
    services.order_set_request(order=order, user=orders.user, reason_code="DOMAIN_LAPSED")
    services.order_submit(order=order, user=orders.user, acknowledged_warnings=order_precheck(order).warning_codes)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    since = section(html, "changes")
    row = since.split('data-path="reason_code"')[1].split("</tr>")[0]
    assert "The website is closed" in row and "The domain lapsed or was transferred" in row


def test_a_change_of_access_shows_the_site_before_and_after(client, reviewer, orders, organisation, hosted_site):
    from beian.hosting.models import HostedSite

    orders.filed_record()
    other = HostedSite.objects.create(organisation=organisation, slug="new-home", title="新站点")
    order = orders.against_record("CHANGE_ACCESS").draft()
    services.order_set_request(order=order, user=orders.user, hosted_site=other)
    services.order_submit(order=order, user=orders.user, acknowledged_warnings=order_precheck(order).warning_codes)
    login(client, reviewer)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    row = section(html, "access-change")
    assert hosted_site.title in row.split('class="old"')[1].split("</td>")[0]
    assert "新站点" in row.split('class="new"')[1].split("</td>")[0]
    assert "from then on 新站点" in section(html, "record-order")


def test_an_approved_change_still_shows_what_it_changed(client, reviewer, orders, record):
    filed_name = record.name
    order = orders.against_record("CHANGE_WEBSITE", values=change_values(record)).approved(acknowledge_warnings=True)
    assert WebsiteFiling.objects.get(pk=record.pk).name == filed_name + "新版"
    login(client, reviewer)
    diff = section(client.get(f"/review/orders/{order.pk}/").content.decode(), "record-diff")
    row = diff.split('data-path="websites[0].name"')[1].split("</tr>")[0]
    assert f'<td class="old">{filed_name}</td>' in row and filed_name + "新版" in row
    assert 'type="checkbox"' not in diff  # decided: nothing to return


def test_the_queue_shows_changes_and_cancellations_by_type_and_filters_them(client, reviewer, organisation):
    change = queued_order(
        organisation=organisation, filing_type="CHANGE_WEBSITE", website_number="京ICP备2026000001号-1"
    )
    cancel = queued_order(organisation=organisation, filing_type="CANCEL_SUBJECT", subject_number="京ICP备2026000002号")
    first = queued_order(organisation=organisation)
    login(client, reviewer)
    html = client.get("/review/").content.decode()
    assert "Change website info" in html.split(f'data-order="{change.pk}"')[1].split("</tr>")[0]
    assert "Cancel subject" in html.split(f'data-order="{cancel.pk}"')[1].split("</tr>")[0]
    filtered = client.get("/review/", {"filing_type": "CANCEL_SUBJECT"}).content.decode()
    assert f'data-order="{cancel.pk}"' in filtered
    assert f'data-order="{change.pk}"' not in filtered and f'data-order="{first.pk}"' not in filtered
    changed = client.get("/review/", {"filing_type": "CHANGE_WEBSITE"}).content.decode()
    assert f'data-order="{change.pk}"' in changed and f'data-order="{cancel.pk}"' not in changed
