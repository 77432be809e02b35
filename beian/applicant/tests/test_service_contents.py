"""The thirty service contents on the website step: under the headings of the operator-editable
reference setting `service_content_groups`, one fieldset per group (laid out in columns by the
stylesheet, one column on a phone: tests/e2e/test_phone_layout.py)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from beian.applicant.tests.test_pages import step_url
from beian.filings import fields
from beian.filings.models import Order
from beian.reference.models import ReferenceSetting, ServiceContent

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _groups(html: str) -> dict[str, list[str]]:
    """{heading: [values of its checkboxes]} of the service-content fieldsets."""
    out = {}
    for legend, body in re.findall(
        r'<fieldset class="checkbox-group"><legend>(.*?)</legend>(.*?)</fieldset>', html, re.S
    ):
        out[legend] = re.findall(r'name="f-website__service_contents" value="([^"]+)"', body)
    return out


def test_the_service_contents_are_grouped_under_headings(web, orders):
    order = orders.draft()
    groups = _groups(web.get(step_url(order, "website")).content.decode())
    assert list(groups) == [
        "Common",
        "Information and services",
        "Communication and social",
        "Entertainment and media",
        "Commerce and finance",
        "Apps and mobile",
    ]
    assert groups["Common"][:4] == ["单位门户网站", "博客/个人空间", "综合门户", "其他"]
    assert "网络购物" in groups["Commerce and finance"]
    assert sum(len(v) for v in groups.values()) == ServiceContent.objects.count() == 30


def test_a_grouped_choice_is_saved_as_before(web, orders):
    order = orders.draft()
    web.post(step_url(order, "website"), {"f-website__service_contents": ["网络购物", "其他"], "save": "1"})
    assert fields.websites_of(Order.objects.get(pk=order.pk))[0].service_contents == ["网络购物", "其他"]


def test_the_operator_regroups_and_a_new_content_lands_under_more(web, orders):
    order = orders.draft()
    row = ReferenceSetting.objects.get(key="service_content_groups")
    row.value = {
        **row.value,
        "groups": [{"name_zh": "企业常用", "name_en": "For companies", "items": ["单位门户网站", "网络购物"]}],
    }
    row.save()
    ServiceContent.objects.create(name_zh="测试新内容", name_en="A new content")
    groups = _groups(web.get(step_url(order, "website")).content.decode())
    assert list(groups) == ["For companies", "More"]
    assert groups["For companies"] == ["单位门户网站", "网络购物"]
    assert "测试新内容" in groups["More"] and len(groups["More"]) == 29
