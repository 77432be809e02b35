"""The operator's cancel-access notices: find a filed website by domain or number, notify the customer,
see the confirm button disabled until the deadline has passed, then confirm (the cancel access is
filed); operators only. The customer's dashboard shows the notice."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from beian.core import clock
from beian.filings import notices
from beian.filings.models import AccessCancellationNotice, NoticeStatus, Order


@pytest.fixture
def record(orders):
    return orders.filed_record().websites.get()


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_only_operators_see_the_notices(client, applicant, reviewer):
    for user in (applicant, reviewer):
        client.force_login(user)
        assert client.get(reverse("operator:notices")).status_code == 403
        assert client.get(reverse("operator:notice_new"), {"q": "demo-shop.cn"}).status_code == 403


def test_find_by_domain_or_number_and_notify_the_customer(operator_client, record):
    page = operator_client.get(reverse("operator:notice_new"), {"q": "www.DEMO-shop.cn"}).content.decode()
    assert f'id="candidate-{record.pk}"' in page and record.filing_number in page
    by_subject = operator_client.get(reverse("operator:notice_new"), {"q": record.subject_filing.filing_number})
    assert f'id="candidate-{record.pk}"' in by_subject.content.decode()
    typed = operator_client.get(reverse("operator:notice_new"), {"q": record.filing_number.replace("ICP", "icp")})
    assert f'id="candidate-{record.pk}"' in typed.content.decode()
    nothing_chosen = operator_client.post(reverse("operator:notice_new"), {"website": "", "reason_code": "VIOLATION"})
    assert nothing_chosen.status_code == 422 and "No such filed website." in nothing_chosen.content.decode()
    assert (
        'id="no-candidates"'
        in operator_client.get(reverse("operator:notice_new"), {"q": "nothing.cn"}).content.decode()
    )

    refused = operator_client.post(
        reverse("operator:notice_new"), {"website": record.pk, "q": "demo-shop.cn", "reason_code": "", "note": "x"}
    )
    assert refused.status_code == 422 and "Choose one of the provider" in refused.content.decode()
    assert not AccessCancellationNotice.objects.exists()

    response = operator_client.post(
        reverse("operator:notice_new"),
        {
            "website": record.pk,
            "q": "demo-shop.cn",
            "reason_code": "SITE_NOT_HOSTED_HERE",
            "note": "域名已解析到别处。",
        },
    )
    notice = AccessCancellationNotice.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("operator:notice", args=[notice.pk])
    assert notice.status == NoticeStatus.OPEN and notice.notified_by is not None

    again = operator_client.get(reverse("operator:notice_new"), {"q": "demo-shop.cn"}).content.decode()
    assert "already has a pending notice" in again  # no second form for the same website


def test_confirm_is_disabled_until_the_deadline_then_files_the_cancel_access(operator_client, operator, record):
    notice = notices.access_notice_create(website_filing=record, operator=operator, reason_code="RESOURCES_EXPIRED")
    url = reverse("operator:notice", args=[notice.pk])
    page = operator_client.get(url).content.decode()
    assert 'id="confirm-cancel" disabled' in page
    assert f"The customer has until {notice.deadline:%Y-%m-%d} to rectify" in page

    listing = operator_client.get(reverse("operator:notices")).content.decode()
    waiting = listing.split('id="waiting-notices"')[1].split("</table>")[0]
    assert f'data-notice="{notice.pk}"' in waiting

    refused = operator_client.post(reverse("operator:notice_confirm", args=[notice.pk]), follow=True)
    assert "can be confirmed from" in refused.content.decode()
    assert not Order.objects.filter(filing_type="CANCEL_ACCESS").exists()

    clock.advance(days=(notice.deadline - clock.today()).days + 1)
    listing = operator_client.get(reverse("operator:notices")).content.decode()
    due = listing.split('id="due-notices"')[1].split("</table>")[0]
    assert f'data-notice="{notice.pk}"' in due
    page = operator_client.get(url).content.decode()
    assert 'id="confirm-cancel" disabled' not in page and 'id="confirm-cancel"' in page

    done = operator_client.post(reverse("operator:notice_confirm", args=[notice.pk]), follow=True)
    order = Order.objects.get(filing_type="CANCEL_ACCESS")
    assert order.initiated_by_provider and order.reference in done.content.decode()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.CONFIRMED
    closed = operator_client.get(reverse("operator:notices")).content.decode().split('id="closed-notices"')[1]
    assert order.reference in closed


def test_withdraw_needs_a_reason_and_keeps_the_access(operator_client, operator, record):
    notice = notices.access_notice_create(website_filing=record, operator=operator, reason_code="VIOLATION")
    response = operator_client.post(
        reverse("operator:notice_withdraw", args=[notice.pk]), {"close_note": ""}, follow=True
    )
    assert "Say why the notice is withdrawn" in response.content.decode()
    operator_client.post(reverse("operator:notice_withdraw", args=[notice.pk]), {"close_note": "已整改。"})
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.WITHDRAWN and notice.close_note == "已整改。"


def test_a_proposal_is_started_from_its_page(operator_client, record):
    proposed = notices.access_notice_propose(
        website_filing=record, reason_code="VERIFICATION_FAILED", source="monitor:risk:3"
    ).notice
    listing = operator_client.get(reverse("operator:notices")).content.decode()
    assert f'data-notice="{proposed.pk}"' in listing.split('id="proposed-notices"')[1].split("</table>")[0]
    operator_client.post(reverse("operator:notice_start", args=[proposed.pk]))
    proposed.refresh_from_db()
    assert proposed.status == NoticeStatus.OPEN and proposed.deadline is not None


def test_the_customers_dashboard_shows_the_notice_and_another_tenant_does_not(
    client, operator, applicant, other_tenant, record
):
    notice = notices.access_notice_create(
        website_filing=record, operator=operator, reason_code="RESOURCES_EXPIRED", note="请续费。"
    )
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("applicant:dashboard")).content.decode()
    section = page.split('id="access-notices"')[1]
    assert record.filing_number in section and f"rectify by {notice.deadline:%Y-%m-%d}" in section
    assert "请续费。" in section and "Renew the hosting resource" in section
    client.force_login(other_tenant)
    assert 'id="access-notices"' not in client.get(reverse("applicant:dashboard")).content.decode()


def test_the_customer_reads_the_provider_initiated_order_but_cannot_withdraw_it(
    client, operator, applicant, record, django_capture_on_commit_callbacks
):
    notice = notices.access_notice_create(website_filing=record, operator=operator, reason_code="RESOURCES_EXPIRED")
    clock.advance(days=(notice.deadline - clock.today()).days + 1)
    with django_capture_on_commit_callbacks():  # not pushed yet: a customer's own order could be withdrawn now
        order = notices.access_notice_confirm(notice=notice, operator=operator)
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("applicant:order", args=[order.pk])).content.decode()
    timeline = page.split('id="timeline"')[1]
    assert "Started by the access provider" in timeline
    assert 'id="withdraw"' not in page and 'id="abandon"' not in page
    assert client.post(reverse("applicant:withdraw", args=[order.pk]), {"confirm": "1"}).status_code in (302, 404)
    order.refresh_from_db()
    assert order.status == "PENDING_SUBMISSION"
