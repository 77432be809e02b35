"""The public-security number of a filed website (§8.2): the applicant's own entry, validated,
recorded in the history, announced after commit; another tenant cannot set it."""

from __future__ import annotations

import datetime as dt

import pytest

from beian.core.exceptions import NotFound, ValidationFailed
from beian.core.models import AuditEvent
from beian.filings import psb
from beian.filings.models import RecordEvent, WebsiteFiling
from beian.filings.signals import record_changed
from beian.reference.models import ReferenceSetting


@pytest.fixture
def website_filing(orders):
    orders.approved()
    return WebsiteFiling.objects.get()


def test_a_valid_number_is_stored_normalised_with_history_audit_and_signal(
    website_filing, applicant, django_capture_on_commit_callbacks
):
    received = []

    def listener(**kwargs):
        received.append(kwargs)

    record_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            psb.website_filing_set_psb_number(
                website_filing=website_filing, user=applicant, number="京公网安备 11010502030143 号"
            )
    finally:
        record_changed.disconnect(listener)
    website_filing.refresh_from_db()
    assert website_filing.psb_number == "京公网安备11010502030143号"
    assert website_filing.psb_number_set_at is not None
    event = RecordEvent.objects.get(action="psb_number_set")
    assert event.website_filing == website_filing and event.data["number"] == "京公网安备11010502030143号"
    assert AuditEvent.objects.filter(action="record.psb_number_set").exists()
    assert [r["domains"] for r in received] == [["demo-shop.cn"]]


def test_a_bad_number_raises_the_rule_code_and_changes_nothing(website_filing, applicant):
    with pytest.raises(ValidationFailed) as raised:
        psb.website_filing_set_psb_number(
            website_filing=website_filing, user=applicant, number="沪公网安备31010502030143号"
        )
    assert raised.value.code == "psb.number.prefix"
    assert "京公网安备" in raised.value.message or "京公网安备" in raised.value.findings[0].message_zh
    website_filing.refresh_from_db()
    assert website_filing.psb_number == ""
    assert not RecordEvent.objects.filter(action="psb_number_set").exists()


def test_another_tenant_cannot_set_it(website_filing, other_tenant):
    with pytest.raises(NotFound):
        psb.website_filing_set_psb_number(
            website_filing=website_filing, user=other_tenant, number="京公网安备11010502030143号"
        )
    website_filing.refresh_from_db()
    assert website_filing.psb_number == ""


def test_the_deadline_is_approval_plus_the_reference_days(website_filing):
    filed = website_filing.filed_at
    assert psb.psb_deadline_days() == 30  # timings.psb_filing_deadline_days in icp-data.json
    assert (
        psb.psb_deadline(website_filing) - dt.timedelta(days=30)
        == filed.astimezone(dt.timezone(dt.timedelta(hours=8))).date()
    )
    timings = ReferenceSetting.objects.get(key="timings")
    timings.value = {**timings.value, "psb_filing_deadline_days": 15}
    timings.save()
    assert psb.psb_deadline_days() == 15
