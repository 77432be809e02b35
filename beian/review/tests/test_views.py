"""Reviewer console pages: access control, the queue page, the order page (changes since the last
return, masked), claim / release / reassign / take next through the views."""

from __future__ import annotations

import datetime as dt

import pytest

from beian.core.models import AuditEvent
from beian.filings import selectors, services, states
from beian.filings.models import Order
from beian.review.tests.helpers import at, queued_order


@pytest.fixture
def submitted(orders):
    return orders.submitted()


def login(client, user):
    """Logged in, with the interface in English so the assertions read as the msgids."""
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


# --- access control ---------------------------------------------------------------------------------


def test_applicants_get_403_on_every_review_page(client, applicant, submitted):
    login(client, applicant)
    pk = submitted.pk
    for url in ("/review/", "/review/metrics/", f"/review/orders/{pk}/"):
        assert client.get(url).status_code == 403, url
    for url in (
        "/review/next/",
        f"/review/orders/{pk}/claim/",
        f"/review/orders/{pk}/release/",
        f"/review/orders/{pk}/reassign/",
        f"/review/orders/{pk}/approve/",
        f"/review/orders/{pk}/return/",
        f"/review/orders/{pk}/reveal/",
    ):
        assert client.post(url, {"path": "subject.principal.mobile"}).status_code == 403, url
    order = Order.objects.get(pk=pk)
    assert order.status == states.PENDING_PROVIDER_REVIEW and order.assigned_reviewer is None


def test_anonymous_visitors_are_sent_to_log_in(client, submitted):
    response = client.get("/review/")
    assert response.status_code == 302 and "/accounts/login" in response["Location"]


def test_reviewers_get_403_on_operator_only_pages(client, reviewer, second_reviewer, submitted):
    login(client, reviewer)
    assert client.get("/review/metrics/").status_code == 403
    assert client.post(f"/review/orders/{submitted.pk}/reassign/", {"reviewer": second_reviewer.pk}).status_code == 403
    assert Order.objects.get(pk=submitted.pk).assigned_reviewer is None


# --- queue page ---------------------------------------------------------------------------------------


def test_queue_page_shows_deadline_overdue_mine_and_filters(
    client, organisation, reviewer, second_reviewer, frozen_clock
):
    now = frozen_clock(at(2025, 10, 20, 12, 0))
    late = queued_order(
        organisation=organisation,
        province="44",
        due=now - dt.timedelta(hours=3),
        findings=2,
        name="广州华信贸易有限公司",
    )
    mine = queued_order(
        organisation=organisation,
        province="11",
        due=now + dt.timedelta(hours=5),
        reviewer=reviewer,
        name="北京云海科技有限公司",
    )
    other = queued_order(
        organisation=organisation, province="11", due=now + dt.timedelta(hours=9), reviewer=second_reviewer
    )
    login(client, reviewer)
    html = client.get("/review/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    rows = html.split('data-order="')[1:]
    assert [int(r.split('"', 1)[0]) for r in rows] == [late.pk, mine.pk, other.pk]
    assert 'class="overdue"' in html.split(f'data-order="{late.pk}"')[0].rsplit("<tr", 1)[1]
    assert "2025-10-20 09:00" in rows[0] and "overdue by" in rows[0]
    assert "mine" in html.split(f'data-order="{mine.pk}"')[0].rsplit("<tr", 1)[1]
    assert "reviewer2" in rows[2]
    filtered = client.get("/review/", {"assignee": "me"}).content.decode()
    assert f'data-order="{mine.pk}"' in filtered and f'data-order="{late.pk}"' not in filtered
    searched = client.get("/review/", {"q": "华信"}).content.decode()
    assert f'data-order="{late.pk}"' in searched and f'data-order="{mine.pk}"' not in searched


def test_queue_page_paginates_and_keeps_the_filters(client, organisation, reviewer, frozen_clock):
    now = frozen_clock(at(2025, 10, 20, 12, 0))
    orders = [
        queued_order(organisation=organisation, province="11", due=now + dt.timedelta(minutes=i)) for i in range(55)
    ]
    queued_order(organisation=organisation, province="31", due=now)
    login(client, reviewer)
    first = client.get("/review/", {"province": "11"})
    html = first.content.decode()
    assert first.context["page"].count == 55 and len(first.context["orders"]) == 50
    assert "55 orders match." in html
    assert f"province=11&amp;after={orders[49].pk}" in html and 'id="previous-page"' not in html
    second = client.get("/review/", {"province": "11", "after": orders[49].pk})
    assert [o.pk for o in second.context["orders"]] == [o.pk for o in orders[50:]]
    html = second.content.decode()
    assert 'id="next-page"' not in html and f"province=11&amp;before={orders[50].pk}" in html
    back = client.get("/review/", {"province": "11", "before": orders[50].pk})
    assert [o.pk for o in back.context["orders"]] == [o.pk for o in orders[:50]]
    assert 'id="previous-page"' not in back.content.decode()  # the first page again


def test_queue_page_says_more_than_the_count_limit(client, organisation, reviewer, frozen_clock, monkeypatch):

    monkeypatch.setattr(selectors, "QUEUE_COUNT_LIMIT", 3)
    now = frozen_clock(at(2025, 10, 20, 12, 0))
    for i in range(5):
        queued_order(organisation=organisation, due=now + dt.timedelta(minutes=i))
    login(client, reviewer)
    page = client.get("/review/")
    assert page.context["page"].count == 3 and page.context["page"].more_than
    assert len(page.context["orders"]) == 5 and "More than 3 orders match." in page.content.decode()


def test_take_next_claims_the_most_urgent_order_within_the_filters(client, organisation, reviewer, frozen_clock):
    now = frozen_clock(at(2025, 10, 20, 12, 0))
    queued_order(organisation=organisation, province="44", due=now - dt.timedelta(hours=5))
    beijing = queued_order(organisation=organisation, province="11", due=now + dt.timedelta(hours=1))
    login(client, reviewer)
    response = client.post("/review/next/", {"province": "11"})
    assert response.status_code == 302 and response["Location"] == f"/review/orders/{beijing.pk}/"
    assert Order.objects.get(pk=beijing.pk).assigned_reviewer == reviewer
    empty = client.post("/review/next/", {"province": "31", "querystring": "province=31"})
    assert empty["Location"] == "/review/?province=31"


# --- order page ---------------------------------------------------------------------------------------


def test_changes_since_the_last_return_field_by_field_masked(client, applicant, reviewer, submitted):
    services.order_return_fields(
        order=submitted,
        reviewer=reviewer,
        returns=[
            {"field": "subject.principal.mobile", "reason_code": "PHONE_UNREACHABLE", "note": "电话无人接听"},
            {"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": ""},
        ],
    )
    order = Order.objects.get(pk=submitted.pk)
    services.order_update(order=order, user=applicant, values={"subject.principal.mobile": "13700137001"})
    # the new mobile is not a local number: a warning the applicant acknowledges on submit
    services.order_submit(order=order, user=applicant, acknowledged_warnings=["person.mobile.not_local"])
    login(client, reviewer)
    html = client.get(f"/review/orders/{order.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    section = html.split('id="changes"')[1].split("</section>")[0]
    mobile = section.split('data-path="subject.principal.mobile"')[1].split("</tr>")[0]
    assert "138****8000" in mobile and "137****7001" in mobile
    assert "13800138000" not in html and "13700137001" not in html
    assert "PHONE_UNREACHABLE" in mobile and "电话无人接听" in mobile
    name = section.split('data-path="websites[0].name"')[1].split("</tr>")[0]
    assert "not changed" in name  # returned, but the applicant left it as it was
    assert 'data-path="subject.city"' not in section  # neither returned nor changed


def test_no_change_section_before_any_return(client, reviewer, submitted):
    login(client, reviewer)
    assert 'id="changes"' not in client.get(f"/review/orders/{submitted.pk}/").content.decode()


def test_opening_the_order_renews_the_holders_claim_only(client, reviewer, second_reviewer, submitted, frozen_clock):
    start = frozen_clock(at(2025, 10, 20, 9, 0))
    services.order_claim(order=submitted, reviewer=reviewer)
    frozen_clock(start + dt.timedelta(minutes=20))
    login(client, second_reviewer)
    page = client.get(f"/review/orders/{submitted.pk}/")
    assert page.context["held_by_other"] and not page.context["can_act"]
    assert Order.objects.get(pk=submitted.pk).claimed_at == start
    login(client, reviewer)
    assert client.get(f"/review/orders/{submitted.pk}/").context["can_act"]
    assert Order.objects.get(pk=submitted.pk).claimed_at == start + dt.timedelta(minutes=20)


def test_claim_and_release_through_the_pages(client, reviewer, second_reviewer, submitted):
    login(client, reviewer)
    client.post(f"/review/orders/{submitted.pk}/claim/")
    assert Order.objects.get(pk=submitted.pk).assigned_reviewer == reviewer
    login(client, second_reviewer)
    client.post(f"/review/orders/{submitted.pk}/claim/")
    client.post(f"/review/orders/{submitted.pk}/release/")
    assert Order.objects.get(pk=submitted.pk).assigned_reviewer == reviewer
    login(client, reviewer)
    response = client.post(f"/review/orders/{submitted.pk}/release/", {"reason": "下班"})
    assert response["Location"] == "/review/"
    assert Order.objects.get(pk=submitted.pk).assigned_reviewer is None
    assert submitted.events.filter(event="release", reason="下班", visible_to_applicant=False).exists()


def test_operator_reassigns_through_the_page_and_the_timeline_shows_it(
    client, operator, reviewer, second_reviewer, submitted, applicant
):
    services.order_claim(order=submitted, reviewer=reviewer)
    login(client, operator)
    page = client.get(f"/review/orders/{submitted.pk}/")
    assert second_reviewer in page.context["reviewers"] and reviewer not in page.context["reviewers"]
    client.post(f"/review/orders/{submitted.pk}/reassign/", {"reviewer": second_reviewer.pk, "reason": "平衡工作量"})
    assert Order.objects.get(pk=submitted.pk).assigned_reviewer == second_reviewer
    assert AuditEvent.objects.filter(action="order.reassign", actor=operator).count() == 1
    timeline = client.get(f"/review/orders/{submitted.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    timeline = timeline.split('id="timeline"')[1]
    assert "reviewer → reviewer2" in timeline and "平衡工作量" in timeline
    # the applicant's timeline (API) does not show internal events
    token = client.post(
        "/api/v1/auth/token", {"username": "applicant", "password": "pw-applicant"}, content_type="application/json"
    ).json()["token"]
    events = [
        e["event"]
        for e in client.get(f"/api/v1/orders/{submitted.pk}/timeline", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    ]
    assert "submit" in events and "reassign" not in events and "claim" not in events


def test_reassign_without_a_reviewer_changes_nothing(client, operator, submitted):
    login(client, operator)
    client.post(f"/review/orders/{submitted.pk}/reassign/", {"reviewer": "abc"})
    assert Order.objects.get(pk=submitted.pk).assigned_reviewer is None
    assert not AuditEvent.objects.filter(action="order.reassign").exists()


def test_approve_through_the_page(client, reviewer, submitted, django_capture_on_commit_callbacks):
    login(client, reviewer)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(f"/review/orders/{submitted.pk}/approve/")
    assert response["Location"] == "/review/"
    order = Order.objects.get(pk=submitted.pk)
    assert order.status == states.PENDING_SUBMISSION and order.assigned_reviewer == reviewer


def test_reviewer_sees_the_image_with_ocr_text_and_face_drawn(reviewer, applicant, hosted_site):
    from django.test import Client

    from tests.factories import valid_order

    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    client = Client()
    client.force_login(reviewer)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    import re

    links = re.findall(r'src="(/files/[^"]+/annotated\.png)"', html)
    assert links, "annotated images are shown beside the materials"
    png = client.get(links[0])
    assert png.status_code == 200 and png["Content-Type"] == "image/png" and png.content[:4] == b"\x89PNG"
    applicant_client = Client()
    applicant_client.force_login(applicant)
    assert applicant_client.get(links[0]).status_code == 404  # the link is bound to the reviewer
