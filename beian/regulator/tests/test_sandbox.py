"""The sandbox regulator against the rules file: SMS recipients per filing type (§1.1), the 24-hour
window and the wrong-attempt limit (§2.4), resends, review length per province in working days,
rejection with catalogue reasons (§9), and pushing again after an SMS timeout."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from beian.core import clock, workdays
from beian.core.jobs import run_periodic_jobs
from beian.core.models import AuditEvent
from beian.demo.orders import VALID_ENTERPRISE
from beian.filings import states
from beian.filings.models import Order
from beian.integrations.tests.fake_sms import KEY_ID, KEY_SECRET, TENCENT_APP_ID, serving
from beian.notifications import sms as notifications_sms
from beian.notifications.models import SmsMessage
from beian.reference.models import CalendarDay, ReferenceSetting
from beian.regulator import services
from beian.regulator.adapters.sandbox import review_working_days
from beian.regulator.models import RegulatorCase, SmsChallenge, Submission
from beian.regulator.tests.conftest import CERT_TAIL, SUBJECT_MOBILE, sms_codes

WEBSITE_MOBILE = "13800138001"  # the website principal, another person with his own phone
WEBSITE_EMERGENCY = "13900139001"
SUBJECT_EMERGENCY = "13900139000"
OTHER_PRINCIPAL = {
    "websites[0].principal.mobile": WEBSITE_MOBILE,
    "websites[0].principal.emergency_phone": WEBSITE_EMERGENCY,
}


def pushed(awaiting_push, filing_type: str = "", **overrides) -> Order:
    order, _submission = awaiting_push(**overrides)
    if filing_type:
        Order.objects.filter(pk=order.pk).update(filing_type=filing_type)
    services.submissions_process_due()
    order.refresh_from_db()
    return order


def recipients(order) -> list[str]:
    return [m.mobile for m in SmsMessage.objects.filter(order=order, purpose="miit_verification").order_by("pk")]


def verify(order, code, mobile=SUBJECT_MOBILE, tail=CERT_TAIL):
    order.refresh_from_db()
    result = services.sms_verify(order=order, mobile=mobile, code=code, certificate_tail=tail)
    order.refresh_from_db()
    return result


def set_reference(key: str, **values) -> None:
    row = ReferenceSetting.objects.filter(key=key).first()
    if row is None:
        ReferenceSetting.objects.create(key=key, value=values)
    else:
        row.value = {**row.value, **values}
        row.save(update_fields=["value"])


# --- who gets the SMS -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filing_type, expected",
    [
        ("FIRST_FILING", [SUBJECT_MOBILE, WEBSITE_MOBILE]),
        ("NEW_WEBSITE", [SUBJECT_MOBILE, WEBSITE_MOBILE]),
        ("NEW_ACCESS", [WEBSITE_MOBILE]),
        ("CHANGE_SUBJECT", [SUBJECT_MOBILE]),
        ("CHANGE_WEBSITE", [WEBSITE_MOBILE]),
        ("CANCEL_SUBJECT", [SUBJECT_MOBILE]),
        ("CHANGE_ACCESS", []),
        ("CANCEL_ACCESS", []),
        ("CANCEL_WEBSITE", []),
    ],
)
def test_the_sms_goes_to_the_principals_the_filing_type_requires_never_to_emergency_phones(
    awaiting_push, filing_type, expected
):
    order = pushed(awaiting_push, filing_type, **OTHER_PRINCIPAL)
    assert recipients(order) == expected
    assert not {SUBJECT_EMERGENCY, WEBSITE_EMERGENCY} & set(recipients(order))
    case = RegulatorCase.objects.get(order=order)
    if expected:
        assert order.status == states.SMS_VERIFICATION
        assert case.sms_deadline == case.received_at + dt.timedelta(hours=24)
    else:  # no SMS for this type: straight to the regulator's review
        assert order.status == states.REGULATOR_REVIEW and case.stage == RegulatorCase.Stage.REVIEW


def test_both_principals_must_verify_before_the_review_starts(awaiting_push):
    order = pushed(awaiting_push, **OTHER_PRINCIPAL)
    [subject_code] = sms_codes(order, SUBJECT_MOBILE)
    [website_code] = sms_codes(order, WEBSITE_MOBILE)
    result = verify(order, subject_code)
    assert result.ok and not result.all_verified and order.status == states.SMS_VERIFICATION
    assert verify(order, website_code, WEBSITE_MOBILE).all_verified
    assert order.status == states.REGULATOR_REVIEW


def test_each_code_says_which_principal_it_is_for_and_which_website(awaiting_push):
    order, _submission = awaiting_push(**OTHER_PRINCIPAL)
    # other names than the sample ID cards carry (their checks would refuse the submit): set after the review
    subject_principal, website_principal = order.subject.principal, order.websites.get().principal
    subject_principal.name, website_principal.name = "欧阳娜娜", "李四"
    subject_principal.save(update_fields=["name"])
    website_principal.save(update_fields=["name"])
    services.submissions_process_due()
    order.refresh_from_db()
    subject_sms, website_sms = SmsMessage.objects.filter(order=order, purpose="miit_verification").order_by("pk")
    assert subject_sms.body.startswith("【工信部】主体负责人欧***：") and "李四" not in subject_sms.body
    assert website_sms.body.startswith("【工信部】网站负责人李*：") and "欧阳" not in website_sms.body
    for sms in (subject_sms, website_sms):
        assert "网站：示例科技官网，demo-shop.cn" in sms.body
        assert sms.params["website"] == "demo-shop.cn" and sms.params["reference"] == order.reference
        assert sms.params["code"] == sms_codes(order, sms.mobile)[0]  # the template's ${code}
    assert (subject_sms.params["role"], subject_sms.params["name"]) == ("主体负责人", "欧***")
    assert (website_sms.params["role"], website_sms.params["name"]) == ("网站负责人", "李*")


def test_the_codes_go_out_through_the_configured_gateway_naming_principal_and_website(awaiting_push, settings):
    with serving() as fake:
        settings.SMS_GATEWAY, settings.SMS_ENDPOINT, settings.SMS_TENCENT_SDK_APP_ID = (
            "tencent",
            fake.endpoint,
            TENCENT_APP_ID,
        )
        settings.SMS_ACCESS_KEY_ID, settings.SMS_ACCESS_KEY_SECRET = KEY_ID, KEY_SECRET
        templates = ReferenceSetting.objects.get(key="sms_templates")
        templates.value["tencent"]["sign_name"] = "建站云"
        templates.value["tencent"]["templates"]["miit_verification"]["template"] = "2345678"
        templates.save(update_fields=["value"])
        order = pushed(awaiting_push, **OTHER_PRINCIPAL)
        notifications_sms.sms_process_due()  # what the after-commit kick does in the product
    by_number = {call.params["PhoneNumberSet"][0]: call.params for call in fake.calls}
    assert set(by_number) == {f"+86{SUBJECT_MOBILE}", f"+86{WEBSITE_MOBILE}"}
    deadline = timezone.localtime(RegulatorCase.objects.get(order=order).sms_deadline).strftime("%Y-%m-%d %H:%M")
    [subject_code], [website_code] = sms_codes(order, SUBJECT_MOBILE), sms_codes(order, WEBSITE_MOBILE)
    assert by_number[f"+86{SUBJECT_MOBILE}"]["TemplateParamSet"] == [
        "主体负责人",
        "张*",
        "demo-shop.cn",
        subject_code,
        deadline,
    ]
    assert by_number[f"+86{WEBSITE_MOBILE}"]["TemplateParamSet"] == [
        "网站负责人",
        "张*",
        "demo-shop.cn",
        website_code,
        deadline,
    ]
    assert all(p["TemplateId"] == "2345678" and p["SignName"] == "建站云" for p in by_number.values())
    assert set(SmsMessage.objects.filter(order=order).values_list("status", "gateway")) == {("sent", "tencent")}


# --- the 24-hour window -----------------------------------------------------------------------


def test_a_code_entered_within_24_hours_counts_and_one_entered_later_returns_the_order(awaiting_push):
    order = pushed(awaiting_push)
    first, second = sms_codes(order)
    clock.advance(hours=23.9)
    assert verify(order, first).ok
    clock.advance(hours=0.2)
    result = verify(order, second)
    assert result.returned and not result.ok
    assert order.status == states.RETURNED_SMS_TIMEOUT
    assert order.events.last().data["reason_code"] == "SMS_VERIFY_TIMEOUT"


# --- wrong attempts ---------------------------------------------------------------------------


def test_five_wrong_attempts_leave_one_chance_and_the_sixth_wrong_returns_the_order(awaiting_push):
    order = pushed(awaiting_push)
    messages = [verify(order, "000000").message_en for _ in range(5)]
    assert messages[0] == "Wrong code or certificate digits; 5 attempts left."
    assert messages[3] == "Wrong code or certificate digits; 2 attempts left."
    assert messages[4] == "Wrong code or certificate digits. One more wrong attempt returns the order."
    assert order.status == states.SMS_VERIFICATION
    result = verify(order, "000000")
    assert result.returned and order.status == states.RETURNED_SMS_TIMEOUT
    assert RegulatorCase.objects.get(order=order).stage == RegulatorCase.Stage.RETURNED


def test_a_right_code_after_five_wrong_attempts_still_verifies(awaiting_push):
    order = pushed(awaiting_push)
    code = sms_codes(order)[0]
    for _ in range(4):
        verify(order, code, tail="000000")  # right code, wrong certificate digits: wrong too
    verify(order, "123456")
    assert SmsChallenge.objects.filter(case__order=order, wrong_attempts=5).count() == 1
    assert verify(order, code).ok
    assert order.status == states.SMS_VERIFICATION  # the other principal's SMS is still open


# --- resend -----------------------------------------------------------------------------------


def test_resend_replaces_the_code_with_limits_in_number_and_spacing(awaiting_push, applicant):
    order = pushed(awaiting_push, **OTHER_PRINCIPAL)
    [old] = sms_codes(order, WEBSITE_MOBILE)
    refused = services.sms_resend(order=order, role="website_principal", actor=applicant)
    assert not refused.ok and refused.message_en.startswith("Sent too recently; try again in")
    for _n in range(3):
        clock.advance(hours=1 / 60)
        result = services.sms_resend(order=order, role="website_principal", actor=applicant)
        assert result.ok and result.sent == 1
    codes = sms_codes(order, WEBSITE_MOBILE)
    assert len(codes) == 4 and sms_codes(order, SUBJECT_MOBILE) != []
    clock.advance(hours=1 / 60)
    limit = services.sms_resend(order=order, role="website_principal", actor=applicant)
    assert not limit.ok and limit.message_en == "The code can be resent at most 3 times; that limit is reached."
    assert len(sms_codes(order, WEBSITE_MOBILE)) == 4
    if old != codes[-1]:
        assert not verify(order, old, WEBSITE_MOBILE).ok  # the replaced code no longer works
    assert verify(order, codes[-1], WEBSITE_MOBILE).ok
    audits = AuditEvent.objects.filter(action="regulator.sms_resend", actor=applicant)
    assert [a.data["ok"] for a in audits.order_by("pk")] == [False, True, True, True, False]


def test_resend_limits_come_from_the_reference_settings(awaiting_push):
    set_reference("sms_verification", max_resends=1, resend_min_interval_seconds=0)
    order = pushed(awaiting_push)
    assert services.sms_resend(order=order, mobile=SUBJECT_MOBILE).sent == 2  # one person, both roles
    assert not services.sms_resend(order=order, mobile=SUBJECT_MOBILE).ok
    assert len(sms_codes(order)) == 4


def test_the_applicant_resends_from_the_order_page(awaiting_push, applicant, other_tenant):
    order = pushed(awaiting_push)
    client = Client()
    client.force_login(applicant)
    page = client.get(reverse("applicant:order", args=[order.pk])).content.decode()
    section = page[page.index('id="sms-verification"') :]
    assert reverse("applicant:sms_resend", args=[order.pk]) in section
    assert 'name="role" value="subject_principal"' in section and 'name="role" value="website_principal"' in section
    clock.advance(hours=0.1)
    response = client.post(reverse("applicant:sms_resend", args=[order.pk]), {"role": "subject_principal"}, follow=True)
    assert response.status_code == 200
    assert len(sms_codes(order)) == 3
    outsider = Client()
    outsider.force_login(other_tenant)
    response = outsider.post(reverse("applicant:sms_resend", args=[order.pk]), {"role": "subject_principal"})
    assert response.status_code == 404
    assert len(sms_codes(order)) == 3


# --- review length and decision ---------------------------------------------------------------


def test_review_length_is_drawn_per_order_within_the_provinces_working_days(db):
    for province_days in (20, 30):
        drawn = [review_working_days(pk, province_days) for pk in range(1, 400)]
        assert drawn == [review_working_days(pk, province_days) for pk in range(1, 400)]  # deterministic
        assert min(drawn) >= 1 and max(drawn) <= province_days
        assert len(set(drawn)) > province_days // 2  # actually spread


def test_the_minimum_review_length_is_a_reference_setting(db):
    set_reference("regulator_sandbox", review_min_working_days=15)
    assert {review_working_days(pk, 20) for pk in range(1, 200)} <= set(range(15, 21))
    assert review_working_days(7, 10) == 10  # the province's figure caps the minimum


def test_the_decision_comes_on_the_drawn_working_day(awaiting_push):

    order = pushed(awaiting_push)
    for code in sms_codes(order):
        verify(order, code)
    case = RegulatorCase.objects.get(order=order)
    days = review_working_days(order.pk, 20)  # Beijing: 20 working days expected
    assert case.review_working_days == days
    assert case.decide_on == workdays.current_calendar().add_working_days(clock.today(), days)
    day_before = case.decide_on - dt.timedelta(days=1)
    clock.advance(days=(day_before - clock.today()).days)
    run_periodic_jobs()
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW
    clock.advance(days=1)
    run_periodic_jobs()
    order.refresh_from_db()
    assert order.status == states.APPROVED and order.website.filing_number.startswith("京ICP备")


def test_a_holiday_entered_during_the_review_moves_the_decision_day(awaiting_push, django_capture_on_commit_callbacks):

    order = pushed(awaiting_push)
    for code in sms_codes(order):
        verify(order, code)
    case = RegulatorCase.objects.get(order=order)
    before = case.decide_on
    # the operator marks two working days of the review as days off (e.g. a corrected schedule)
    days_off = [
        day
        for day in (clock.today() + dt.timedelta(days=i) for i in range(1, 10))
        if workdays.current_calendar().is_working_day(day)
    ][:2]
    with django_capture_on_commit_callbacks(execute=True):
        for day in days_off:
            CalendarDay.objects.update_or_create(date=day, defaults={"kind": CalendarDay.Kind.DAY_OFF, "name": "test"})
    case.refresh_from_db()
    calendar = workdays.current_calendar()
    assert case.decide_on > before and calendar.is_working_day(case.decide_on)
    assert case.decide_on == calendar.add_working_days(clock.today(), case.review_working_days)


@pytest.mark.parametrize(
    "trigger, code, note",
    [
        ("#sandbox-reject", "CONTENT_NOT_MATCH_NATURE", "网站内容与主体性质或经营范围不符"),
        ("#sandbox-reject:DOMAIN_OWNER_MISMATCH", "DOMAIN_OWNER_MISMATCH", "域名持有者与备案主体不一致"),
        ("#sandbox-reject:NO_SUCH_REASON", "OTHER", "沙箱驳回：NO_SUCH_REASON"),
    ],
)
def test_the_reject_trigger_rejects_with_a_catalogue_reason(awaiting_push, trigger, code, note):

    order = pushed(awaiting_push, **{"websites[0].remark": f"{VALID_ENTERPRISE['websites[0].remark']} {trigger}"})
    for sms in sms_codes(order):
        verify(order, sms)
    clock.advance(days=45)
    run_periodic_jobs()
    order.refresh_from_db()
    case = RegulatorCase.objects.get(order=order)
    assert order.status == states.REGULATOR_REJECTED
    assert (case.stage, case.decision_reason_code, case.decision_note) == (RegulatorCase.Stage.REJECTED, code, note)
    assert order.events.last().data["reason_code"] == code


# --- after an SMS timeout the provider pushes again --------------------------------------------


def test_the_operator_pushes_a_returned_order_again_and_new_sms_go_out(awaiting_push, operator):

    order = pushed(awaiting_push)
    first_case = RegulatorCase.objects.get(order=order)
    clock.advance(hours=25)
    run_periodic_jobs()
    order.refresh_from_db()
    assert order.status == states.RETURNED_SMS_TIMEOUT

    client = Client()
    client.force_login(operator)
    page = client.get(reverse("operator:console")).content.decode()
    assert reverse("operator:push_again", args=[order.pk]) in page
    client.post(reverse("operator:push_again", args=[order.pk]))
    order.refresh_from_db()
    assert order.status == states.PENDING_SUBMISSION
    assert order.events.last().actor == operator
    assert order.submissions.filter(status=Submission.Status.PENDING).count() == 1

    services.submissions_process_due()
    order.refresh_from_db()
    assert order.status == states.SMS_VERIFICATION
    second_case = RegulatorCase.objects.exclude(pk=first_case.pk).get(order=order)
    assert second_case.idempotency_key != first_case.idempotency_key
    assert len(sms_codes(order)) == 4  # a fresh pair of codes
    for code in sms_codes(order)[2:]:
        verify(order, code)
    assert order.status == states.REGULATOR_REVIEW
    assert client.post(reverse("operator:push_again", args=[order.pk])).status_code == 302
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW  # refused: not returned
