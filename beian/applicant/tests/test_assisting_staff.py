"""Staff fill in an order with the assisted filing service on the customer's behalf: only such an
order, only its fields (the customer uploads and submits), every view and edit audited and the
edit in the customer's timeline."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from beian.applicant.flow import FLOW
from beian.core.models import AuditEvent
from beian.filings import fields as order_fields
from beian.filings.models import Order
from beian.filings.services import order_grant_assisted_service
from tests.builders import valid_order


def website_form(order) -> dict:
    """The website step's POST with the order's current values."""
    data = {}
    for path in FLOW.by_key["website"].paths:
        value = order_fields.get_value(order, path)
        name = "f-" + order_fields.BY_PATH[path].form_name
        if value is True:
            data[name] = "on"
        elif value not in (None, False):
            data[name] = value
    return data


@pytest.fixture
def staff(client, operator):
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def draft(organisation, applicant, hosted_site):
    return valid_order(organisation=organisation, user=applicant, site=hosted_site, materials=False)


def test_staff_cannot_open_an_order_without_the_service(staff, draft):
    assert staff.get(reverse("applicant:step", args=[draft.pk, "website"])).status_code == 404


def test_staff_fill_in_on_behalf_audited_and_shown_to_the_customer(staff, client, draft, operator, applicant):
    order_grant_assisted_service(order=draft, actor=None, reason="test")
    url = reverse("applicant:step", args=[draft.pk, "website"])
    page = staff.get(url).content.decode()
    assert 'id="assisting-banner"' in page and draft.organisation.name in page
    assert AuditEvent.objects.filter(action="order.assisted_view", actor=operator, target_id=str(draft.pk)).exists()
    response = staff.post(url, {**website_form(draft), "f-website__name": "示例科技官方网站", "save": "1"})
    assert response.status_code == 302
    assert Order.objects.get(pk=draft.pk).website.name == "示例科技官方网站"
    edit = AuditEvent.objects.get(action="order.assisted_edit")
    assert edit.actor == operator and "websites[0].name" in edit.data["fields"]
    assert draft.events.filter(event="assisted_edit").exists()
    # the customer submits: staff have no submit
    assert staff.post(reverse("applicant:submit", args=[draft.pk])).status_code == 403
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    timeline = client.get(reverse("applicant:order", args=[draft.pk])).content.decode()
    assert "Edited by our staff on your behalf (assisted filing service)" in timeline


def test_reviewers_may_not_fill_in(client, reviewer, draft):
    order_grant_assisted_service(order=draft, actor=None, reason="test")
    client.force_login(reviewer)
    assert client.get(reverse("applicant:step", args=[draft.pk, "website"])).status_code == 403
