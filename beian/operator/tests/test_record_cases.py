"""The operator's regulator cases for a change or cancellation: what is filed on the regulator's
system (the diff against the filed record, masked; the cancellation's reason) beside the summary the
case keeps, and the manual bridge recording the real regulator's approval of a change."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from beian.filings import states
from beian.filings.models import WebsiteFiling
from beian.regulator import services
from beian.regulator.models import RegulatorCase

pytestmark = pytest.mark.django_db


@pytest.fixture
def manual(tmp_path):
    storages = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    services._adapter_for.cache_clear()
    with override_settings(REGULATOR_ADAPTER="manual", STORAGES=storages):
        yield tmp_path
    services._adapter_for.cache_clear()


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_operator_sees_the_change_to_file_and_records_the_regulators_approval(orders, manual, operator_client):
    record = orders.filed_record().websites.get()  # filed through the sandbox before the bridge is in use
    filed_name = record.name
    with override_settings(REGULATOR_ADAPTER="manual"):
        services._adapter_for.cache_clear()
        order = orders.against_record(
            "CHANGE_WEBSITE",
            values={"websites[0].name": filed_name + "新版", "websites[0].principal.mobile": "13912345678"},
        ).pushed(acknowledge_warnings=True)
    case = RegulatorCase.objects.get(order=order)
    assert case.adapter == "manual" and case.stage == RegulatorCase.Stage.REVIEW
    html = operator_client.get(reverse("operator:console")).content.decode()
    row = html.split(f'id="record-case-{case.pk}"')[1].split("</details>")[0]
    assert row.split(">")[0].strip() == "open"  # waiting for the operator: unfolded
    assert "Change website info" in row and record.filing_number in row
    name_row = row.split('data-path="websites[0].name"')[1].split("</tr>")[0]
    assert filed_name in name_row and filed_name + "新版" in name_row
    assert "139****5678" in row and "13912345678" not in html
    assert "Pushed to the regulator as changed: Website name, Website principal Mobile" in row
    operator_client.post(
        reverse("operator:decision", args=[case.pk]),
        {
            "decision": "approve",
            "evidence": SimpleUploadedFile("miit.png", b"\x89PNG\r\n\x1a\n notice", content_type="image/png"),
        },
    )
    order.refresh_from_db()
    assert order.status == states.APPROVED
    assert WebsiteFiling.objects.get(pk=record.pk).name == filed_name + "新版"
    # decided: the case still says what it changed (the diff against the record as it was filed)
    html = operator_client.get(reverse("operator:console")).content.decode()
    row = html.split(f'id="record-case-{case.pk}"')[1].split("</details>")[0]
    assert filed_name + "新版" in row.split('data-path="websites[0].name"')[1].split("</tr>")[0]


def test_a_cancellation_case_shows_the_reason_and_what_approval_ends(orders, operator_client):
    order = orders.against_record("CANCEL_WEBSITE", reason_code="SITE_CLOSED").pushed(acknowledge_warnings=True)
    case = RegulatorCase.objects.get(order=order)
    html = operator_client.get(reverse("operator:console")).content.decode()
    row = html.split(f'id="record-case-{case.pk}"')[1].split("</details>")[0]
    assert "Cancel website" in row and "Cancellation reason: <strong>The website is closed</strong>" in row
    assert "cancelled for good and its domains are blocked" in row
    assert case.summary["reason_code"] == "SITE_CLOSED" and case.summary["domains"]


def _decision_form(html: str, case) -> str:
    return html.split(f'id="case-{case.pk}"')[1].split("</form>")[0]


def test_the_manual_bridge_asks_for_a_number_only_where_the_approval_issues_one(orders, manual, operator_client):
    first = orders.pushed()  # a first filing in manual review: the regulator issues the numbers
    case = RegulatorCase.objects.get(order=first)
    form = _decision_form(operator_client.get(reverse("operator:console")).content.decode(), case)
    assert 'name="subject_number"' in form and "no number to enter" not in form


def test_approving_a_change_or_cancellation_by_hand_asks_for_no_number(orders, manual, operator_client):
    record = orders.filed_record().websites.get()
    with override_settings(REGULATOR_ADAPTER="manual"):
        services._adapter_for.cache_clear()
        order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).pushed(
            acknowledge_warnings=True
        )
    case = RegulatorCase.objects.get(order=order)
    form = _decision_form(operator_client.get(reverse("operator:console")).content.decode(), case)
    assert 'name="subject_number"' not in form and "Change website info: no number to enter" in form

    evidence = SimpleUploadedFile("miit.png", b"\x89PNG\r\n\x1a\n notice", content_type="image/png")
    refused = operator_client.post(
        reverse("operator:decision", args=[case.pk]),
        {"decision": "approve", "subject_number": f"{record.filing_number}", "evidence": evidence},
        follow=True,
    )
    assert "Change website info: the regulator issues no new filing number." in refused.content.decode()
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW  # nothing changed

    evidence.seek(0)
    operator_client.post(reverse("operator:decision", args=[case.pk]), {"decision": "approve", "evidence": evidence})
    order.refresh_from_db()
    assert order.status == states.APPROVED
    assert WebsiteFiling.objects.get(pk=record.pk).filing_number == record.filing_number  # the number stays
