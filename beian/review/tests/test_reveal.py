"""Revealing one unmasked value: only of an order submitted for review, only to reviewers, and every
reveal is in the audit log with the field revealed."""

from __future__ import annotations

import pytest

from beian.core.models import AuditEvent

MOBILE = "subject.principal.mobile"


def reveal(client, order, path=MOBILE):
    return client.post(f"/review/orders/{order.pk}/reveal/", {"path": path})


def reveals(order):
    return AuditEvent.objects.filter(action="pii.revealed", target_id=str(order.pk))


def test_a_reviewer_sees_the_full_mobile_of_a_submitted_order_and_the_reveal_is_audited(client, reviewer, orders):
    order = orders.submitted()
    client.force_login(reviewer)
    response = reveal(client, order)
    assert response.status_code == 200
    assert order.subject.principal.mobile in response.content.decode()
    event = reveals(order).get()
    assert event.actor == reviewer and event.data == {"field": MOBILE}
    assert event.organisation_id == order.organisation_id


@pytest.mark.parametrize("state", ["draft", "withdrawn", "abandoned"])
def test_a_draft_or_an_order_never_in_review_is_not_found_and_nothing_is_revealed(client, reviewer, orders, state):
    order = getattr(orders, state)() if state != "draft" else orders.complete_draft()
    client.force_login(reviewer)
    response = reveal(client, order)
    assert response.status_code == 404
    assert order.subject.principal.mobile not in response.content.decode()
    assert not reveals(order).exists()


def test_another_tenants_applicant_cannot_reveal_a_submitted_order(client, other_tenant, orders):
    order = orders.submitted()
    client.force_login(other_tenant)
    response = reveal(client, order)
    assert response.status_code in (403, 404)
    assert order.subject.principal.mobile not in response.content.decode()
    assert not reveals(order).exists()


def test_a_field_that_is_not_personal_data_is_refused(client, reviewer, orders):
    order = orders.submitted()
    client.force_login(reviewer)
    assert reveal(client, order, "subject.name").status_code == 400
    assert not reveals(order).exists()
