"""Many websites in one order (issue 11 item 4): every website stored, checked, texted and numbered."""

from __future__ import annotations

import pytest

from beian.core.crypto import blind_index
from beian.filings import fields as order_fields
from beian.filings import states
from beian.filings.precheck import order_precheck
from beian.notifications.models import Notification, SmsMessage
from beian.notifications.services import notify_order_event
from beian.regulator.models import SmsChallenge, latest_case

pytestmark = pytest.mark.django_db


def test_a_two_website_order_has_materials_per_website_and_passes_the_precheck(orders):
    order = orders.with_websites(2).complete_draft()
    websites = order_fields.websites_of(order)
    assert [w.domain for w in websites] == ["demo-shop.cn", "demo-shop-2.cn"]
    slots = set(order.materials.filter(is_current=True).values_list("slot", flat=True))
    assert {"owner_id_front", "owner_id_front__1", "owner_photo__1", "verification_form__1"} <= slots
    assert "business_licence__1" not in slots  # the subject's documents once
    check = order_precheck(order)
    assert not check.errors, [(f.field, f.code) for f in check.errors]


def test_approval_numbers_every_website_and_texts_each_website_principal(orders):
    order = orders.with_websites(2).approved(acknowledge_warnings=True)
    assert order.status == states.APPROVED
    websites = order_fields.websites_of(order)
    subject_number = order.subject.filing_number
    assert [w.filing_number for w in websites] == [f"{subject_number}-1", f"{subject_number}-2"]
    texted = set(
        SmsMessage.objects.filter(order=order, purpose="miit_verification").values_list("mobile_index", flat=True)
    )
    for website in websites:
        assert blind_index(website.principal.mobile, purpose="mobile") in texted
    notify_order_event(order_pk=order.pk, event="regulator_approved")  # after commit in the product
    filed = Notification.objects.filter(order=order).order_by("pk").last()
    assert f"{subject_number}-1" in filed.body and f"{subject_number}-2" in filed.body
    (notice,) = SmsMessage.objects.filter(purpose="notice:approved")  # names the first website, counts the rest
    assert "（demo-shop.cn）及另外1个网站" in notice.body


def test_each_website_principal_gets_one_code_per_distinct_mobile(orders):
    builder = orders.with_websites(3)
    shared = "13800138101"  # websites[1]'s principal's mobile, given to websites[2]'s principal too
    order = builder.sms_verification(overrides={"websites[2].principal.mobile": shared}, acknowledge_warnings=True)
    roles = list(SmsChallenge.objects.filter(case=latest_case(order)).order_by("pk").values_list("role", flat=True))
    assert roles == ["subject_principal", "website_principal", "website_principal.1"]
    bodies = list(
        SmsMessage.objects.filter(order=order, purpose="miit_verification").values_list("mobile_index", "body")
    )
    assert len(bodies) == 3
    second = [body for index, body in bodies if index == blind_index(shared, purpose="mobile")]
    assert len(second) == 1 and "demo-shop-2.cn" in second[0]
    # the subject principal's code covers every website of the order
    (subject_sms,) = [body for _index, body in bodies if body.startswith("【工信部】主体负责人")]
    assert "demo-shop.cn等3个网站" in subject_sms
