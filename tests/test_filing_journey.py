"""One website from draft to its filing number in the hosted site's footer (services + pages)."""

import re

import pytest
from django.test import Client

from beian.core import clock
from beian.filings import selectors, services, states
from beian.filings.models import Order
from beian.notifications.models import SmsMessage
from beian.regulator.services import sms_verify
from tests.factories import VALID_ENTERPRISE, valid_order

HOST = "demo-shop.localhost"


def site_response(client=None):
    return (client or Client()).get("/", HTTP_HOST=HOST)


def sms_codes(order):
    return [
        re.search(r"核验码：(\d{6})", m.body).group(1) for m in SmsMessage.objects.filter(order=order).order_by("pk")
    ]


def test_draft_to_filing_number_in_footer(applicant, reviewer, hosted_site, django_capture_on_commit_callbacks):
    assert site_response().status_code == 451  # unfiled: blocked

    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    response = site_response()
    assert response.status_code == 503 and response["Retry-After"]

    services.order_claim(order=order, reviewer=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_review_approve(order=order, reviewer=reviewer)
    order.refresh_from_db()
    assert order.status == states.SMS_VERIFICATION  # pushed in-process, SMS sent to both principals

    codes = sms_codes(order)
    assert len(codes) == 2
    for code in codes:
        sms_verify(
            order=order,
            mobile=VALID_ENTERPRISE["subject.principal.mobile"],
            code=code,
            certificate_tail=VALID_ENTERPRISE["subject.principal.certificate_number"][-6:],
        )
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW

    from beian.core.jobs import run_periodic_jobs

    clock.advance(days=45)
    run_periodic_jobs()
    order.refresh_from_db()
    assert order.status == states.APPROVED
    number = order.website.filing_number
    assert re.fullmatch(r"京ICP备\d{10}号-1", number)

    page = site_response()
    assert page.status_code == 200
    html = page.content.decode()
    assert number in html
    assert 'href="https://beian.miit.gov.cn/"' in html and 'target="_blank"' in html

    events = list(Order.objects.get(pk=order.pk).events.values_list("event", flat=True))
    for expected in ("create", "submit", "approve", "regulator_accepted", "sms_verified", "regulator_approved"):
        assert expected in events


def test_returned_fields_reopen_only_those_fields(applicant, reviewer, hosted_site):
    from beian.core.exceptions import PermissionDenied

    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    services.order_return_fields(
        order=order,
        reviewer=reviewer,
        returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "请使用公司简称"}],
    )
    order.refresh_from_db()
    assert order.status == states.PROVIDER_NEEDS_CHANGES
    assert selectors.order_actions_for(order, applicant).editable_paths == {"websites[0].name"}
    with pytest.raises(PermissionDenied):
        services.order_update(order=order, user=applicant, values={"subject.city": "上海市"})
    services.order_update(order=order, user=applicant, values={"websites[0].name": "示例科技公司官网"})
    services.order_submit(order=order, user=applicant)
    order.refresh_from_db()
    assert order.status == states.PROVIDER_RESUBMITTED
    assert order.assigned_reviewer == reviewer  # back to the same reviewer first


def test_sandbox_rejects_with_the_demo_trigger(applicant, reviewer, hosted_site, django_capture_on_commit_callbacks):
    from beian.core.jobs import run_periodic_jobs

    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_update(
        order=order,
        user=applicant,
        values={
            "websites[0].remark": VALID_ENTERPRISE["websites[0].remark"] + " #sandbox-reject:SITE_NAME_NOT_RELATED"
        },
    )
    services.order_submit(order=order, user=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_review_approve(order=order, reviewer=reviewer)
    order.refresh_from_db()
    for code in sms_codes(order):
        sms_verify(
            order=order,
            mobile="13800138000",
            code=code,
            certificate_tail=VALID_ENTERPRISE["subject.principal.certificate_number"][-6:],
        )
    clock.advance(days=45)
    run_periodic_jobs()
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REJECTED
    assert order.events.last().data["reason_code"] == "SITE_NAME_NOT_RELATED"
    assert site_response().status_code == 503


def test_sms_not_entered_within_24_hours_returns_the_order(
    applicant, reviewer, hosted_site, django_capture_on_commit_callbacks
):
    from beian.core.jobs import run_periodic_jobs

    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_review_approve(order=order, reviewer=reviewer)
    clock.advance(hours=25)
    run_periodic_jobs()
    order.refresh_from_db()
    assert order.status == states.RETURNED_SMS_TIMEOUT


def test_submitting_with_errors_changes_nothing(applicant, hosted_site):
    from beian.core.exceptions import ValidationFailed

    order = services.order_create_draft(
        organisation=applicant.memberships.get().organisation, user=applicant, hosted_site=hosted_site
    )
    services.order_update(
        order=order,
        user=applicant,
        values={"subject.nature": 4, "subject.certificate_type": 1, "subject.certificate_number": "91110000600037341X"},
    )
    with pytest.raises(ValidationFailed) as raised:
        services.order_submit(order=order, user=applicant)
    assert any(f.field == "subject.certificate_number" for f in raised.value.findings)
    order.refresh_from_db()
    assert order.status == states.DRAFT
    assert order.subject.certificate_number == "91110000600037341X"  # what was typed is kept


def test_a_returned_material_reopens_only_its_upload_slot(applicant, reviewer, hosted_site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from beian.core.exceptions import PermissionDenied
    from beian.demo import samples
    from beian.materials.services import material_upload

    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    services.order_return_fields(
        order=order,
        reviewer=reviewer,
        returns=[{"field": "materials.owner_photo", "reason_code": "DOC_UNCLEAR", "note": "请上传正面清晰照片"}],
    )
    order.refresh_from_db()
    assert selectors.order_actions_for(order, applicant).editable_paths == set()  # no typed field is open
    photo = SimpleUploadedFile("me.jpg", samples.jpeg_bytes(samples.owner_photo(side=800)))
    assert material_upload(order=order, slot="owner_photo", upload=photo, user=applicant).version == 2
    with pytest.raises(PermissionDenied):
        material_upload(order=order, slot="business_licence", upload=photo, user=applicant)
