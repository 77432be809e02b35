"""The checklist step's materials list follows the subject nature and province as they are chosen
(HTMX posts the form to applicant:checklist; nothing is saved until the applicant saves)."""

from __future__ import annotations

import pytest
from django.conf import settings

from beian.applicant.tests.test_pages import step_url
from beian.filings.models import Order

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _preview(web, order, **data):
    return web.post(f"/apply/orders/{order.pk}/checklist/", data, HTTP_HX_REQUEST="true")


def test_the_checklist_page_asks_htmx_to_refresh_the_list_on_every_choice(web, orders):
    order = orders.draft()
    html = web.get(step_url(order, "checklist")).content.decode()
    assert f'hx-post="/apply/orders/{order.pk}/checklist/"' in html and 'hx-trigger="change from:#step-form"' in html
    assert "Subject certificate (business licence etc.)" in html


def test_choosing_another_nature_and_province_changes_the_list_without_saving(web, orders):
    order = orders.draft()
    saved = (order.subject.nature, order.subject.province)
    assert "Domain certificate" not in web.get(step_url(order, "checklist")).content.decode()

    page = _preview(web, order, **{"f-subject__nature": "5", "f-subject__province": "43"})
    html = page.content.decode()
    assert page.status_code == 200 and html.lstrip().startswith('<div id="checklist"')
    assert "Domain certificate" in html  # Hunan asks for it
    assert "Subject certificate (business licence etc.)" not in html  # an individual has no licence
    assert "Website owner holding their ID" in html
    assert "/provinces/43/" in html  # what this province adds

    fresh = Order.objects.get(pk=order.pk)
    assert (fresh.subject.nature, fresh.subject.province) == saved  # nothing saved


def test_a_forged_choice_leaves_the_saved_list(web, orders):
    order = orders.draft()
    html = _preview(web, order, **{"f-subject__nature": "999", "f-subject__province": "xx"}).content.decode()
    assert "Subject certificate (business licence etc.)" in html


def test_another_tenant_cannot_preview_the_checklist_of_an_order(client, other_tenant, orders):
    order = orders.draft()
    client.force_login(other_tenant)
    assert _preview(client, order, **{"f-subject__nature": "5"}).status_code == 404
