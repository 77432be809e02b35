"""Adding, removing and updating the websites of an order, up to the reference limit."""

from __future__ import annotations

import pytest

from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.filings import fields, services
from beian.filings.models import Website
from beian.reference.models import ReferenceSetting

pytestmark = pytest.mark.django_db

INDIVIDUAL = 5  # subject nature 个人


def _limits(organisation: int, individual: int) -> None:
    row = ReferenceSetting.objects.get(key="limits")
    row.value = {**row.value, "tencent_websites_per_order": {"organisation": organisation, "individual": individual}}
    row.save()


def test_add_and_remove_websites_keep_positions_and_principals(orders, applicant):
    order = orders.draft()
    second = services.order_add_website(order=order, user=applicant)
    third = services.order_add_website(order=order, user=applicant)
    assert [w.pk for w in fields.websites_of(order)] == [order.website_id, second.pk, third.pk]
    assert second.principal_id != third.principal_id != order.website.principal_id
    services.order_update(order=order, user=applicant, values={"websites[2].name": "示例科技招聘"})
    services.order_remove_website(order=order, user=applicant, index=1)
    websites = fields.websites_of(order)
    assert [w.pk for w in websites] == [order.website_id, third.pk]
    assert [w.position for w in websites] == [0, 1]
    assert fields.get_value(order, "websites[1].name") == "示例科技招聘"
    assert not Website.objects.filter(pk=second.pk).exists()


def test_the_first_website_cannot_be_removed(orders, applicant):
    order = orders.draft()
    with pytest.raises(ValidationFailed) as error:
        services.order_remove_website(order=order, user=applicant, index=0)
    assert error.value.code == "order.first_website"
    with pytest.raises(ValidationFailed) as error:
        services.order_remove_website(order=order, user=applicant, index=3)
    assert error.value.code == "order.no_such_website"


def test_adding_beyond_the_reference_limit_is_refused_with_a_message(orders, applicant):
    _limits(organisation=2, individual=1)
    order = orders.draft()
    services.order_add_website(order=order, user=applicant)
    with pytest.raises(ValidationFailed) as error:
        services.order_add_website(order=order, user=applicant)
    assert error.value.code == "order.too_many_websites"
    assert "at most 2 websites" in error.value.message
    assert len(fields.websites_of(order)) == 2


def test_an_individual_may_file_only_as_many_websites_as_the_reference_says(orders, applicant):
    order = orders.draft(values=False)
    services.order_update(order=order, user=applicant, values={"subject.nature": INDIVIDUAL})
    assert services.order_website_limit(order=order) == 1
    with pytest.raises(ValidationFailed) as error:
        services.order_add_website(order=order, user=applicant)
    assert error.value.code == "order.too_many_websites"
    _limits(organisation=10, individual=2)
    services.order_add_website(order=order, user=applicant)
    assert len(fields.websites_of(order)) == 2


def test_update_of_websites_1_adds_the_website_and_an_index_beyond_the_limit_changes_nothing(orders, applicant):
    order = orders.draft()
    changed = services.order_update(
        order=order,
        user=applicant,
        values={"websites[1].name": "示例科技产品中心", "websites[1].domain": "demo-shop-2.cn"},
    )
    assert changed == ["websites[1].name", "websites[1].domain"]
    fresh = orders._fresh(order)
    assert [w.domain for w in fields.websites_of(fresh)] == ["demo-shop.cn", "demo-shop-2.cn"]

    limit = services.order_website_limit(order=order)
    with pytest.raises(ValidationFailed) as error:
        services.order_update(
            order=fresh, user=applicant, values={"websites[0].name": "改了", f"websites[{limit}].name": "太多"}
        )
    assert error.value.code == "order.too_many_websites"
    fresh = orders._fresh(order)
    assert len(fields.websites_of(fresh)) == 2 and fresh.website.name == "示例科技官网"


def test_a_bad_value_rolls_back_the_websites_the_update_added(orders, applicant):
    order = orders.draft()
    with pytest.raises(ValidationFailed) as error:
        services.order_update(
            order=order,
            user=applicant,
            values={"websites[1].name": "产品", "websites[1].principal.certificate_type": "x"},
        )
    assert error.value.code == "field.invalid"
    assert Website.objects.filter(order=order).count() == 1
    assert len(fields.websites_of(order)) == 1


def test_same_as_subject_principal_fills_the_website_principal(orders, applicant):
    order = orders.draft()
    services.order_add_website(order=order, user=applicant)
    services.order_website_principal_from_subject(order=order, user=applicant, index=1)
    fresh = orders._fresh(order)
    subject, website = fresh.subject.principal, fields.websites_of(fresh)[1].principal
    for name in ("name", "certificate_type", "certificate_number", "mobile", "emergency_phone", "email"):
        assert getattr(website, name) == getattr(subject, name)
    assert website.pk != subject.pk


def test_websites_are_not_added_while_only_returned_fields_may_change(orders, applicant):
    order = orders.returned(fields=("websites[0].name",))
    with pytest.raises(PermissionDenied) as error:
        services.order_add_website(order=order, user=applicant)
    assert error.value.code == "order.websites_locked"
    with pytest.raises(PermissionDenied) as error:
        services.order_update(order=order, user=applicant, values={"websites[1].name": "新网站"})
    assert error.value.code == "field.locked"


def test_removing_a_website_moves_the_materials_of_the_websites_after_it(orders, applicant):
    order = orders.with_websites(3).complete_draft()
    before = {m.slot: m.pk for m in order.materials.filter(is_current=True)}
    services.order_remove_website(order=order, user=applicant, index=1)
    after = {m.slot: m.pk for m in order.materials.filter(is_current=True)}
    assert after["owner_id_front__1"] == before["owner_id_front__2"]  # websites[2] is websites[1] now
    assert "owner_id_front__2" not in after
    assert after["owner_id_front"] == before["owner_id_front"]
    removed = order.materials.get(pk=before["owner_id_front__1"])
    assert not removed.is_current and "removed" in removed.slot  # kept, every version
