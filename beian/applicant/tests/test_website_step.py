"""The wizard's website step with several websites: add one, fill its principal from the subject
principal (plain form posts, no JavaScript), remove it, and a return of websites[1] opens that website."""

from __future__ import annotations

import pytest
from django.conf import settings

from beian.applicant.tests.test_pages import step_url
from beian.filings import fields
from beian.filings.models import Order
from beian.reference.models import ReferenceSetting

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _post(web, order, **data):
    return web.post(step_url(order, "website"), data, follow=True)


def test_add_a_website_and_fill_its_principal_from_the_subject_principal(web, orders):
    order = orders.draft()
    page = web.get(step_url(order, "website")).content.decode()
    assert 'value="add"' in page and 'value="remove:0"' not in page  # the first is never removed

    page = _post(web, order, website_action="add").content.decode()
    assert "Website added." in page
    assert 'name="f-website_1__name"' in page and 'name="f-website_1__domain"' in page
    assert "Website 2" in page and 'value="remove:1"' in page

    page = _post(web, order, **{"f-website_1__name": "示例科技产品中心", "website_action": "same_principal:1"})
    html = page.content.decode()
    assert "The website principal was filled in from the subject principal." in html
    fresh = Order.objects.get(pk=order.pk)
    second = fields.websites_of(fresh)[1]
    assert second.name == "示例科技产品中心"  # typed values are saved before the action
    assert second.principal.name == fresh.subject.principal.name
    assert second.principal.mobile == fresh.subject.principal.mobile
    assert second.principal.pk != fresh.subject.principal.pk

    html = _post(web, order, website_action="remove:1").content.decode()
    assert "Website removed." in html and 'name="f-website_1__name"' not in html
    assert len(fields.websites_of(Order.objects.get(pk=order.pk))) == 1


def test_the_add_button_is_gone_at_the_limit_and_a_forged_add_is_refused(web, orders):
    row = ReferenceSetting.objects.get(key="limits")
    row.value = {**row.value, "tencent_websites_per_order": {"organisation": 2, "individual": 1}}
    row.save()
    order = orders.with_websites(2).draft()
    page = web.get(step_url(order, "website")).content.decode()
    assert 'value="add"' not in page and "up to 2 websites" in page
    html = _post(web, order, website_action="add").content.decode()
    assert "An order may hold at most 2 websites for this subject." in html
    assert len(fields.websites_of(Order.objects.get(pk=order.pk))) == 2


def test_a_returned_field_of_the_second_website_opens_that_website_only(web, orders):
    order = orders.with_websites(2).returned(fields=("websites[1].name",), acknowledge_warnings=True)
    html = web.get(step_url(order, "website")).content.decode()
    assert 'name="f-website_1__name"' in html and "Returned by the reviewer" in html
    assert 'name="f-website__name"' not in html  # the first website was not returned
    assert 'value="add"' not in html and 'value="remove:1"' not in html
    _post(web, order, **{"f-website_1__name": "示例科技产品中心站"})
    assert fields.websites_of(Order.objects.get(pk=order.pk))[1].name == "示例科技产品中心站"


def test_the_order_page_lists_every_website_with_its_number(web, orders):
    order = orders.with_websites(2).approved(acknowledge_warnings=True)
    html = web.get(f"/apply/orders/{order.pk}/").content.decode()
    number = order.subject.filing_number
    assert "Website 1: 示例科技官网 · demo-shop.cn" in html
    assert f'<strong id="filing-number">{number}-1</strong>' in html
    assert f'<strong class="website-number">{number}-2</strong>' in html and "demo-shop-2.cn" in html
