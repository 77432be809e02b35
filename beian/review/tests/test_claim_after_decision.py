"""A decision ends the reviewer's claim: an approved or returned order shows no live claim and no
Release button, and the claim cannot be released any more."""

from __future__ import annotations

import datetime as dt

import pytest

from beian.core.exceptions import ValidationFailed
from beian.filings import services, states
from beian.filings.models import Order
from beian.review.tests.helpers import at, queued_order


def login(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def claimed(applicant, reviewer):
    order = queued_order(organisation=applicant.memberships.get().organisation)
    return services.order_claim(order=order, reviewer=reviewer)


def test_approval_ends_the_claim(claimed, reviewer, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        services.order_review_approve(order=claimed, reviewer=reviewer)
    order = Order.objects.get(pk=claimed.pk)
    assert order.status == states.PENDING_SUBMISSION and order.claimed_at is None
    with pytest.raises(ValidationFailed) as refused:
        services.order_release_claim(order=order, actor=reviewer)
    assert refused.value.code == "order.not_in_review"
    page = login(client, reviewer).get(f"/review/orders/{order.pk}/").content.decode()
    assert 'id="release"' not in page and "last activity" not in page


def test_a_return_ends_the_claim_and_the_resubmission_renews_it(claimed, reviewer, client):
    services.order_return_fields(
        order=claimed,
        reviewer=reviewer,
        returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED"}],
    )
    order = Order.objects.get(pk=claimed.pk)
    assert order.status == states.PROVIDER_NEEDS_CHANGES and order.claimed_at is None
    assert order.assigned_reviewer == reviewer  # reserved for the resubmission
    page = login(client, reviewer).get(f"/review/orders/{order.pk}/").content.decode()
    assert 'id="release"' not in page and "last activity" not in page


def test_an_approved_order_with_a_stale_claim_shows_neither_the_claim_nor_release(applicant, reviewer, client):
    order = queued_order(
        organisation=applicant.memberships.get().organisation,
        status=states.APPROVED,
        reviewer=reviewer,
        claimed_at=at(2025, 10, 20, 9) - dt.timedelta(weeks=4),
    )
    page = login(client, reviewer).get(f"/review/orders/{order.pk}/").content.decode()
    assert 'id="release"' not in page and "last activity" not in page
    assert (
        'id="release"'
        in login(client, reviewer)
        .get(f"/review/orders/{queued_order(organisation=order.organisation, reviewer=reviewer).pk}/")
        .content.decode()
    )  # an order in review still offers it
