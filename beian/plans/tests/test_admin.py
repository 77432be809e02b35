"""Operators edit plans and put organisations on them in the admin; both audited, both seen at once
by the applicant."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from beian.accounts.models import User
from beian.core.models import AuditEvent
from beian.plans.selectors import assisted_offer
from beian.reference.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(client):
    client.force_login(User.objects.create_superuser(username="root", password="pw-root-admin", email="r@example.com"))
    client.cookies["django_language"] = "en"
    return client


def test_operator_changes_the_price_and_puts_an_organisation_on_advanced(root, organisation):
    basic = Plan.objects.get(code="basic")
    form = root.get(reverse("admin:reference_plan_change", args=[basic.pk])).content.decode()
    assert "Assisted filing service price (CNY)" in form and "What it includes (en)" in form
    data = {f: getattr(basic, f) for f in ("code", "name_zh", "name_en", "includes_zh", "includes_en", "position")}
    data.update(assisted_service_price="99.00", is_default="on", extra="{}")
    response = root.post(reverse("admin:reference_plan_change", args=[basic.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert assisted_offer(organisation).price == Decimal("99.00")
    assert AuditEvent.objects.filter(action="reference.edit", target_id=str(basic.pk)).exists()

    advanced = Plan.objects.get(code="advanced")
    response = root.post(
        reverse("admin:plans_planassignment_add"), {"organisation": organisation.pk, "plan": advanced.pk}
    )
    assert response.status_code == 302
    assert assisted_offer(organisation).free
    assert AuditEvent.objects.get(action="plan.assign").data == {"from": "", "to": "advanced"}
