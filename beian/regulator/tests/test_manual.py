"""The manual bridge (BEIAN_REGULATOR_ADAPTER=manual): operators file on MIIT's own system and
record the outcome here (number, or catalogue reason + opinion) with evidence; the order then
moves on exactly as with the sandbox."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from beian.core.exceptions import ValidationFailed
from beian.core.models import AuditEvent
from beian.filings import services as order_services
from beian.filings import states
from beian.notifications.models import SmsMessage
from beian.regulator import services
from beian.regulator.models import RegulatorCase
from beian.regulator.tests.conftest import CERT_TAIL, SUBJECT_MOBILE


@pytest.fixture
def manual(tmp_path):
    """The manual adapter, with evidence files stored under a temporary directory."""
    storages = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    services._adapter_for.cache_clear()
    with override_settings(REGULATOR_ADAPTER="manual", STORAGES=storages):
        yield tmp_path
    services._adapter_for.cache_clear()


@pytest.fixture
def in_manual_review(manual, awaiting_push):
    order, _submission = awaiting_push()
    services.submissions_process_due()
    order.refresh_from_db()
    return order, RegulatorCase.objects.get(order=order)


def evidence(name="miit-notice.png"):
    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n screenshot of the MIIT decision", content_type="image/png")


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # assert on the English messages
    return client


def decide(client, case, **data):
    return client.post(reverse("operator:decision", args=[case.pk]), data, follow=True)


def test_a_manual_push_waits_for_the_operator_without_sandbox_sms(in_manual_review, operator_client):
    order, case = in_manual_review
    assert services.adapter().name == "manual"
    assert (case.adapter, case.stage) == ("manual", RegulatorCase.Stage.REVIEW)
    assert order.status == states.REGULATOR_REVIEW
    assert not SmsMessage.objects.filter(order=order).exists()
    assert services.adapter().progress() == 0  # nothing moves by itself
    page = operator_client.get(reverse("operator:console")).content.decode()
    assert reverse("operator:decision", args=[case.pk]) in page and 'name="evidence"' in page


def test_the_operator_records_the_regulators_number_with_evidence(in_manual_review, operator_client, operator, manual):
    order, case = in_manual_review
    response = decide(operator_client, case, decision="approve", subject_number="京ICP备2026123456号-1")
    assert "Attach the regulator" in response.content.decode()  # evidence is required
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW

    response = decide(
        operator_client, case, decision="approve", subject_number="沪ICP备2026123456号", evidence=evidence()
    )
    assert "but the subject is filed in 京" in response.content.decode()
    response = decide(operator_client, case, decision="approve", subject_number="京ICP备12号", evidence=evidence())
    assert "Not a website filing number" in response.content.decode()
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW

    decide(operator_client, case, decision="approve", subject_number="京ICP备2026123456号-3", evidence=evidence())
    order.refresh_from_db()
    case.refresh_from_db()
    assert order.status == states.APPROVED
    assert order.subject.filing_number == "京ICP备2026123456号"
    assert order.website.filing_number == "京ICP备2026123456号-3"  # MIIT's suffix, not ours
    assert case.stage == RegulatorCase.Stage.APPROVED and case.decided_by == "operator"
    assert case.evidence.name.startswith("regulator/") and case.evidence.read().startswith(b"\x89PNG")
    assert (manual / case.evidence.name).exists()
    audit = AuditEvent.objects.get(action="regulator.case_decided", target_id=str(case.pk))
    assert audit.actor == operator and audit.data["subject_number"] == "京ICP备2026123456号"
    assert order.events.last().event == "regulator_approved"


def test_the_operator_records_a_rejection_with_a_catalogue_reason(in_manual_review, operator_client, applicant):
    order, case = in_manual_review
    response = decide(
        operator_client, case, decision="reject", reason_code="NOT_A_REASON", note="管局意见", evidence=evidence()
    )
    assert "Choose a reason from the catalogue." in response.content.decode()
    response = decide(
        operator_client, case, decision="reject", reason_code="SITE_NAME_NOT_RELATED", note=" ", evidence=evidence()
    )
    assert "Copy the regulator" in response.content.decode()
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW

    decide(
        operator_client,
        case,
        decision="reject",
        reason_code="SITE_NAME_NOT_RELATED",
        note="网站名称与主办单位无关联，请修改。",
        evidence=evidence("notice.pdf"),
    )
    order.refresh_from_db()
    case.refresh_from_db()
    assert order.status == states.REGULATOR_REJECTED
    event = order.events.last()
    assert event.data["reason_code"] == "SITE_NAME_NOT_RELATED" and event.reason == "网站名称与主办单位无关联，请修改。"
    assert (case.decision_reason_code, case.evidence.name.endswith("notice.pdf")) == ("SITE_NAME_NOT_RELATED", True)
    # the applicant fixes and resubmits, as after a sandbox rejection
    order_services.order_update(order=order, user=applicant, values={"websites[0].name": "北京示例科技官网"})
    order_services.order_submit(order=order, user=applicant)
    order.refresh_from_db()
    assert order.status == states.PROVIDER_RESUBMITTED


def test_a_case_is_decided_once(in_manual_review, operator):
    _order, case = in_manual_review
    services.case_record_manual_decision(
        case=case, actor=operator, approve=True, subject_number="京ICP备2026000777号", evidence=evidence()
    )
    with pytest.raises(ValidationFailed):
        services.case_record_manual_decision(
            case=case, actor=operator, approve=False, reason_code="OTHER", note="x", evidence=evidence()
        )


def test_a_number_another_subject_holds_is_refused(in_manual_review, operator, organisation):
    from beian.core import clock
    from beian.filings.models import Person, Subject, SubjectFiling

    other = Subject.objects.create(
        organisation=organisation,
        province="11",
        filing_number="京ICP备2026000888号",
        principal=Person.objects.create(organisation=organisation),
    )
    SubjectFiling.objects.create(
        organisation=organisation,
        subject=other,
        province="11",
        name="other",
        filing_number="京ICP备2026000888号",
        filed_at=clock.now(),
        updated_at=clock.now(),
    )
    order, case = in_manual_review
    with pytest.raises(ValidationFailed, match="Another subject already has"):
        services.case_record_manual_decision(
            case=case, actor=operator, approve=True, subject_number="京ICP备2026000888号", evidence=evidence()
        )
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW


def test_sms_is_done_on_the_miit_site_under_the_manual_bridge(in_manual_review):
    order, _case = in_manual_review
    order.status = states.SMS_VERIFICATION  # what an applicant would see if the order were waiting for SMS
    result = services.adapter().verify_sms(order, mobile=SUBJECT_MOBILE, code="123456", certificate_tail=CERT_TAIL)
    assert not result.ok and "MIIT system" in result.message_en


def test_sandbox_cases_are_not_decided_by_hand(awaiting_push, operator):
    order, _submission = awaiting_push(**{"websites[0].principal.mobile": "13800138001"})
    services.submissions_process_due()
    case = RegulatorCase.objects.get(order=order)
    with pytest.raises(ValidationFailed, match="Only manual-bridge cases"):
        services.case_record_manual_decision(
            case=case, actor=operator, approve=True, subject_number="京ICP备2026000999号", evidence=evidence()
        )
