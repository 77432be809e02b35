"""A change or cancellation pushed to the sandbox regulator: the case keeps what it asks (changed
field paths, domains added and removed, the cancellation's reason), never a value or PII."""

from __future__ import annotations

import json

import pytest

from beian.regulator.models import RegulatorCase

pytestmark = pytest.mark.django_db


def test_the_sandbox_case_of_a_website_change_keeps_the_changed_paths_and_domains_without_pii(orders):
    record = orders.filed_record().websites.get()
    first_case = RegulatorCase.objects.get()
    assert first_case.summary == {}  # a first filing: nothing against a record
    order = orders.against_record(
        "CHANGE_WEBSITE",
        values={
            "websites[0].name": record.name + "新版",
            "websites[0].principal.mobile": "13912345678",
            "websites[0].other_domains": ["added-domain.cn"],
        },
    ).pushed(acknowledge_warnings=True)
    case = RegulatorCase.objects.get(order=order)
    assert case.summary == {
        "filing_type": "CHANGE_WEBSITE",
        "subject_number": record.subject_filing.filing_number,
        "website_numbers": [record.filing_number],
        "changed": ["websites[0].name", "websites[0].principal.mobile"],
        "domains_added": ["added-domain.cn"],
        "domains_removed": [],
    }
    stored = json.dumps(case.summary, ensure_ascii=False)
    assert "13912345678" not in stored and "新版" not in stored  # paths, not values


def test_the_sandbox_case_of_a_cancel_access_keeps_the_reason_and_the_domains(orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CANCEL_ACCESS").pushed(acknowledge_warnings=True)
    case = RegulatorCase.objects.get(order=order)
    assert case.summary["filing_type"] == "CANCEL_ACCESS" and case.summary["website_numbers"] == [record.filing_number]
    assert case.summary["reason_code"] == order.reason_code != ""
    assert case.summary["domains"] == list(record.domains.values_list("domain", flat=True))
