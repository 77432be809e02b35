"""Regulator test helpers: orders brought to the regulator's door through the real services."""

from __future__ import annotations

import re

import pytest

from beian.core.crypto import blind_index
from beian.filings import services as order_services
from beian.notifications.models import SmsMessage
from beian.regulator.services import submission_enqueue
from tests.builders import VALID_ENTERPRISE, valid_order  # materials uploaded and their checks run (recorded)

CODE = re.compile(r"核验码：(\d{6})")
CERT_TAIL = VALID_ENTERPRISE["subject.principal.certificate_number"][-6:]
SUBJECT_MOBILE = VALID_ENTERPRISE["subject.principal.mobile"]


@pytest.fixture
def submitted(applicant, hosted_site):
    """make(**field overrides) -> an order submitted for provider review (material checks not run)."""

    def make(**overrides):
        order = valid_order(
            organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, overrides=overrides
        )
        order_services.order_submit(order=order, user=applicant)
        return order

    return make


@pytest.fixture
def awaiting_push(submitted, reviewer):
    """make(**overrides) -> (order in PENDING_SUBMISSION, its outbox row). Nothing pushed yet: the
    approval's after-commit callbacks do not run inside the test transaction."""

    def make(**overrides):
        order = submitted(**overrides)
        order_services.order_review_approve(order=order, reviewer=reviewer)
        order.refresh_from_db()
        return order, submission_enqueue(order_pk=order.pk)

    return make


def sms_codes(order, mobile: str | None = None) -> list[str]:
    """MIIT codes texted for the order, oldest first (optionally to one mobile)."""

    messages = SmsMessage.objects.filter(order=order, purpose="miit_verification").order_by("created_at", "pk")
    if mobile:
        messages = messages.filter(mobile_index=blind_index(mobile, purpose="mobile"))
    return [_code(m.body) for m in messages]


def _code(body: str) -> str:
    match = CODE.search(body)
    assert match is not None, body
    return match.group(1)
