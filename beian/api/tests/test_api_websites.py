"""Orders of several websites over the API: websites are a list, every one is stored (regression:
a PATCH with two websites answered 200 and dropped the second), too many answer 422."""

from __future__ import annotations

import pytest

from beian.api.tests.test_api_behaviour import assert_error, bearer
from beian.filings import fields
from beian.filings.models import Order, Website

pytestmark = pytest.mark.django_db

SECOND = {
    "name": "示例科技产品中心",
    "domain": "demo-shop-2.cn",
    "service_contents": ["单位门户网站"],
    "languages": ["中文简体"],
    "principal": {"name": "张三", "mobile": "13800138101"},
}


@pytest.fixture
def order(orders):
    return orders.draft()


def test_a_patch_with_two_websites_stores_both(applicant, order):
    client = bearer(applicant)
    body = {"websites": [{"name": "示例科技官网"}, SECOND]}
    response = client.patch(f"/api/v1/orders/{order.pk}", body, content_type="application/json")
    assert response.status_code == 200, response.content
    websites = response.json()["data"]["websites"]
    assert [w["domain"] for w in websites] == ["demo-shop.cn", "demo-shop-2.cn"]
    assert websites[1]["principal"]["mobile"] == "138****8101"  # masked like the first
    assert "websites[1].principal.mobile" in response.json()["editable_fields"]
    stored = fields.websites_of(Order.objects.get(pk=order.pk))
    assert [(w.name, w.position) for w in stored] == [("示例科技官网", 0), ("示例科技产品中心", 1)]
    assert stored[1].principal.name == "张三"

    again = client.get(f"/api/v1/orders/{order.pk}").json()
    assert again["data"]["websites"][1]["name"] == "示例科技产品中心"
    assert again["website_filing_numbers"] == [None, None]
    assert again["max_websites"] >= 2


def test_more_websites_than_the_limit_answer_422_and_change_nothing(applicant, order):
    client = bearer(applicant)
    limit = client.get(f"/api/v1/orders/{order.pk}").json()["max_websites"]
    body = {"websites": [{"name": "改了"}, *([SECOND] * limit)]}
    response = client.patch(f"/api/v1/orders/{order.pk}", body, content_type="application/json")
    error = assert_error(response, 422, "order.too_many_websites", field="websites")
    assert str(limit) in error["message"]
    assert Website.objects.filter(order=order).count() == 1
    assert Order.objects.get(pk=order.pk).website.name == "示例科技官网"


def test_the_findings_of_the_second_website_come_with_its_path(applicant, order):
    client = bearer(applicant)
    body = {"websites": [{}, {**SECOND, "domain": "not a domain"}]}
    response = client.patch(f"/api/v1/orders/{order.pk}", body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert "websites[1].domain" in {f["field"] for f in response.json()["findings"]}
