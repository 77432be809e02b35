"""Field paths of every website: websites[i].<field> resolves to the one definition of the field."""

from __future__ import annotations

import pytest

from beian.filings import fields

pytestmark = pytest.mark.django_db


def test_a_path_of_any_website_resolves_to_the_field_of_the_registry():
    field = fields.BY_PATH["websites[2].principal.mobile"]
    assert field.path == "websites[2].principal.mobile"
    assert field.pii and field.kind == "text" and field.step == "website"
    assert field.form_name == "website_2__principal__mobile"
    assert fields.BY_FORM_NAME["website_2__principal__mobile"] == field
    assert fields.BY_FORM_NAME["website__name"].path == "websites[0].name"
    assert "websites[].name" not in fields.BY_PATH  # a template is no field of an order
    assert "websites[1].nope" not in fields.BY_PATH
    assert "websites[01].name" not in fields.BY_PATH  # one spelling per website
    assert fields.owner_path("websites[2].pre_approvals[0].number") == "websites[2].pre_approvals"


def test_the_label_of_a_later_website_names_the_website():
    assert str(fields.BY_PATH["websites[0].name"].full_label) == "Website name"
    assert str(fields.BY_PATH["websites[1].name"].full_label) == "Website 2 Website name"
    assert str(fields.BY_PATH["websites[2].principal.mobile"].full_label) == "Website 3 Website principal Mobile"


def test_flatten_nest_round_trip_with_three_websites():
    nested = {
        "subject": {"name": "北京示例科技有限公司", "principal": {"mobile": "13800138000"}},
        "websites": [
            {"name": "示例科技官网", "domain": "demo-shop.cn"},
            {"name": "示例科技产品中心", "principal": {"name": "张三"}},
            {"domain": "demo-shop-3.cn", "languages": ["中文简体"]},
        ],
    }
    flat = fields.flatten(nested)
    assert flat["websites[1].principal.name"] == "张三"
    assert flat["websites[2].domain"] == "demo-shop-3.cn"
    assert fields.nest(flat) == nested


def test_snapshot_and_nest_carry_every_website_of_the_order(orders):
    order = orders.with_websites(3).draft()
    snapshot = fields.snapshot(order)
    assert [snapshot[f"websites[{i}].domain"] for i in range(3)] == ["demo-shop.cn", "demo-shop-2.cn", "demo-shop-3.cn"]
    assert set(snapshot) == set(fields.paths_for(3))
    nested = fields.nest(snapshot)
    assert [w["name"] for w in nested["websites"]] == [
        "示例科技官网",
        "示例科技产品中心",
        "示例科技技术文档",
    ]
    assert fields.flatten(nested) == snapshot
