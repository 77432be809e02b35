"""`manage.py seed_demo_queue` fills the reviewer's queue with valid orders whose automated checks pass."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from beian.filings import states
from beian.filings.models import Order
from beian.filings.validation import order_findings


def test_seeded_orders_are_submitted_valid_and_checked(db, reviewer, django_capture_on_commit_callbacks):
    from beian.core import clock
    from beian.core.jobs import run_periodic_jobs
    from beian.filings import services
    from beian.materials.services import missing_materials
    from beian.regulator.services import sms_verify
    from beian.regulator.tests.conftest import sms_codes

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo_queue", "--orders", "2", stdout=out)
    orders = list(Order.objects.order_by("pk").select_related("subject", "website", "organisation"))
    assert len(orders) == 2
    assert {o.status for o in orders} == {states.PENDING_PROVIDER_REVIEW}
    assert len({o.organisation_id for o in orders}) == 2 and len({o.subject.province for o in orders}) == 2
    for order in orders:
        assert not [f.code for f in order_findings(order, complete=True) if f.is_error]
        assert not missing_materials(order)
        materials = list(order.materials.filter(is_current=True))
        assert len(materials) == 7
        for material in materials:  # the automated checks ran (OCR, face, signature) and found nothing
            assert material.check_status == "done" and material.findings == [], (material.slot, material.findings)
    plain, flagged = orders
    assert "#sandbox-reject" not in plain.website.remark
    assert flagged.website.remark.endswith("#sandbox-reject:CONTENT_NOT_MATCH_NATURE")
    assert "[sandbox rejects: CONTENT_NOT_MATCH_NATURE]" in out.getvalue()

    # the reviewer clears the flagged one; the sandbox regulator rejects it with the catalogue reason
    with django_capture_on_commit_callbacks(execute=True):
        services.order_review_approve(order=flagged, reviewer=reviewer)
    for code in sms_codes(flagged):
        flagged.refresh_from_db()
        sms_verify(
            order=flagged,
            mobile=flagged.subject.principal.mobile,
            code=code,
            certificate_tail=flagged.subject.principal.certificate_number[-6:],
        )
    clock.advance(days=45)
    run_periodic_jobs()
    flagged.refresh_from_db()
    assert flagged.status == states.REGULATOR_REJECTED
    assert flagged.events.last().data["reason_code"] == "CONTENT_NOT_MATCH_NATURE"

    # running it again adds new companies instead of reusing the first ones
    with django_capture_on_commit_callbacks(execute=False):
        call_command("seed_demo_queue", "--orders", "1", stdout=io.StringIO())
    assert Order.objects.count() == 3 and Order.objects.values("organisation").distinct().count() == 3


def test_twenty_demo_companies_are_distinct_and_spread_over_provinces():
    from stdnum.cn import ric, uscc

    from beian.demo.orders import demo_profile

    profiles = [demo_profile(i) for i in range(1, 21)]
    for field in ("key", "company", "uscc", "id_number", "mobile", "domain"):
        assert len({getattr(p, field) for p in profiles}) == 20, field
    assert len({p.province for p in profiles}) == 6
    assert all(uscc.is_valid(p.uscc) and ric.is_valid(p.id_number) for p in profiles)


def test_an_unknown_reject_reason_is_refused(db):
    with pytest.raises(CommandError, match="not in the rejection-reason catalogue"):
        call_command("seed_demo_queue", "--orders", "1", "--reject-reason", "NOPE")
    assert not Order.objects.exists()
