"""The MIIT SMS of changes and cancellations follows the matrix of rules file §1.1 (reference
`sms_verification.targets_by_type`), and cancellations are reviewed in their own span (§1.6)."""

from __future__ import annotations

import pytest

from beian.filings import states
from beian.regulator.models import SmsChallenge, latest_case

pytestmark = pytest.mark.django_db

MATRIX = {
    "CHANGE_SUBJECT": ({"values": {"subject.mailing_address": "北京市海淀区新地址1号"}}, {"subject_principal"}),
    "CHANGE_WEBSITE": ({"values": {"websites[0].name": "示例科技新官网"}}, {"website_principal"}),
    "CHANGE_FILING": (
        {"values": {"subject.mailing_address": "北京市海淀区新地址1号", "websites[0].name": "示例科技新官网"}},
        {"subject_principal", "website_principal"},
    ),
    "CANCEL_SUBJECT": ({}, {"subject_principal"}),
    "CANCEL_WEBSITE": ({}, set()),
    "CANCEL_ACCESS": ({}, set()),
}


@pytest.mark.parametrize("filing_type", sorted(MATRIX))
def test_who_gets_the_miit_sms(orders, filing_type):
    spec, roles = MATRIX[filing_type]
    order = orders.against_record(filing_type, **spec).pushed(acknowledge_warnings=True)
    case = latest_case(order)
    assert set(SmsChallenge.objects.filter(case=case).values_list("role", flat=True)) == roles
    assert order.status == (states.SMS_VERIFICATION if roles else states.REGULATOR_REVIEW)


def test_a_cancellation_is_decided_within_its_own_span(orders):
    order = orders.against_record("CANCEL_WEBSITE").regulator_review(acknowledge_warnings=True)
    case = latest_case(order)
    assert 1 <= case.review_working_days <= 5  # filing_types[].regulator_review_working_days "1-5"
