"""The reviewer's page of an order of several websites: a section per website, a return of a field
of the second website through the page, the applicant's fix and the change shown per website."""

from __future__ import annotations

import pytest

from beian.filings import fields, services, states
from beian.filings.models import Order
from beian.review.tests.test_views import login

pytestmark = pytest.mark.django_db


def test_return_websites_1_name_through_the_page_then_resubmit_shows_the_change(client, applicant, reviewer, orders):
    order = orders.with_websites(2).submitted(acknowledge_warnings=True)
    login(client, reviewer)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    assert "Website information · Website 1" in html and "Website information · Website 2" in html
    assert 'value="websites[1].name"' in html and 'value="websites[1].domain"' in html
    assert "demo-shop-2.cn" in html

    client.post(f"/review/orders/{order.pk}/claim/")
    response = client.post(
        f"/review/orders/{order.pk}/return/",
        {
            "fields": ["websites[1].name"],
            "reason__websites[1].name": "SITE_NAME_NOT_RELATED",
            "note__websites[1].name": "请写明产品",
        },
    )
    assert response.status_code == 302
    order = Order.objects.get(pk=order.pk)
    assert order.status == states.PROVIDER_NEEDS_CHANGES
    assert order.returned_field_paths == {"websites[1].name"}

    services.order_update(order=order, user=applicant, values={"websites[1].name": "示例科技产品介绍"})
    services.order_submit(order=order, user=applicant, acknowledged_warnings=order.acknowledged_warnings)
    order = Order.objects.get(pk=order.pk)
    assert order.status == states.PROVIDER_RESUBMITTED
    assert order.versions.order_by("number").last().data["websites[1].name"] == "示例科技产品介绍"
    assert fields.websites_of(order)[0].name == "示例科技官网"

    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    section = html.split('id="changes"')[1].split("</section>")[0]
    row = section.split('data-path="websites[1].name"')[1].split("</tr>")[0]
    assert "Website 2 Website name" in row
    assert "示例科技产品中心" in row and "示例科技产品介绍" in row
    assert 'data-path="websites[0].name"' not in section
