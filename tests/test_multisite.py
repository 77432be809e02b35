"""Many websites in one order (issue 11 item 4): every website stored, checked, texted and numbered."""

from __future__ import annotations

import pytest

from beian.core.crypto import blind_index
from beian.filings import fields as order_fields
from beian.filings import states
from beian.filings.precheck import order_precheck
from beian.notifications.models import SmsMessage

pytestmark = pytest.mark.django_db


def test_a_two_website_order_is_complete_and_passes_the_precheck(orders):
    order = orders.with_websites(2).complete_draft()
    websites = order_fields.websites_of(order)
    assert [w.domain for w in websites] == ["demo-shop.cn", "demo-shop-2.cn"]
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
