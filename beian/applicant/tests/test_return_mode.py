"""After a reviewer's field-level return, "Save and continue" leads back to the confirm step (which
lists what is still returned) instead of walking the applicant through the remaining steps."""

from __future__ import annotations

import pytest
from django.conf import settings

from beian.applicant.tests.test_pages import step_url
from beian.filings import fields
from beian.filings.models import Order

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_saving_a_returned_field_goes_back_to_the_confirm_step(web, orders):
    order = orders.returned(fields=["websites[0].name"], note="请使用公司简称", acknowledge_warnings=True)
    page = web.get(step_url(order, "website")).content.decode()
    assert "Save and back to confirm" in page and "Save and continue" not in page

    name = f"{order.subject.name[:4]}官方网站"
    response = web.post(step_url(order, "website"), {"f-website__name": name, "continue": "1"})
    assert response.status_code == 302 and response["Location"] == step_url(order, "confirm")
    assert fields.websites_of(Order.objects.get(pk=order.pk))[0].name == name

    confirm = web.get(step_url(order, "confirm")).content.decode()
    assert 'id="returned-fields"' in confirm and "请使用公司简称" in confirm
    assert f'href="{step_url(order, "website")}"' in confirm  # each returned field links to its step


def test_the_materials_step_of_a_returned_order_leads_back_to_confirm(web, orders):
    order = orders.returned(fields=[], slots=["business_licence"], acknowledge_warnings=True)
    page = web.get(step_url(order, "materials")).content.decode()
    assert f'href="{step_url(order, "confirm")}">Back to confirm' in page


def test_a_draft_still_continues_to_the_next_step(web, orders):
    order = orders.draft()
    page = web.get(step_url(order, "website")).content.decode()
    assert "Save and continue" in page and "Save and back to confirm" not in page
    response = web.post(step_url(order, "website"), {"continue": "1"})
    assert response["Location"] == step_url(order, "materials")
    assert 'id="returned-fields"' not in web.get(step_url(order, "confirm")).content.decode()
