"""Material checks run beside the web request, never in it: the upload queues the check and returns;
a check lost to a crash is queued again by the periodic job; while a check is pending or could not
finish, the one pre-review holds the order back (service, API and wizard say so)."""

from __future__ import annotations

import pytest
from django.test import Client

from beian.accounts.models import ApiToken
from beian.core import clock, jobs
from beian.core.exceptions import ValidationFailed
from beian.filings import services
from beian.filings.precheck import order_precheck
from beian.materials.models import Material
from beian.materials.tasks import check_material
from tests.builders import valid_order
from tests.processes import deployment_database


def _pending(order, status=Material.CheckStatus.PENDING) -> Material:
    """The order's business licence as if its check had not run (or could not finish)."""
    material = order.materials.get(slot="business_licence", is_current=True)
    material.check_status = status
    material.findings = []
    material.save(update_fields=["check_status", "findings"])
    return material


@pytest.fixture
def checked_order(organisation, applicant, hosted_site):
    return valid_order(organisation=organisation, user=applicant, site=hosted_site)


@pytest.mark.parametrize(
    ("status", "code"),
    [(Material.CheckStatus.PENDING, "material.check.pending"), (Material.CheckStatus.FAILED, "material.check.failed")],
)
def test_submit_is_refused_while_a_check_is_pending_or_failed(checked_order, applicant, status, code):
    _pending(checked_order, status)
    precheck = order_precheck(checked_order)
    assert [f.code for f in precheck.errors] == [code]
    assert precheck.errors[0].field == "materials.business_licence"
    with pytest.raises(ValidationFailed) as refused:
        services.order_submit(order=checked_order, user=applicant, acknowledged_warnings=precheck.warning_codes)
    assert refused.value.code == "order.has_errors" and [f.code for f in refused.value.findings] == [code]
    checked_order.refresh_from_db()
    assert checked_order.status == "DRAFT"


def test_the_api_names_the_pending_check_when_it_refuses_submit(checked_order, applicant):
    _pending(checked_order)
    _row, key = ApiToken.issue(applicant, name="test")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    response = client.post(f"/api/v1/orders/{checked_order.pk}/submit")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "order.has_errors"
    assert [f["code"] for f in body["findings"]] == ["material.check.pending"]
    findings = client.get(f"/api/v1/orders/{checked_order.pk}/findings").json()
    assert "material.check.pending" in str(findings)


def test_the_wizard_says_the_material_is_still_being_checked(checked_order, applicant, client):
    _pending(checked_order)
    client.force_login(applicant)
    warnings = order_precheck(checked_order).warning_codes
    response = client.post(
        f"/apply/orders/{checked_order.pk}/submit/", {"acknowledge": warnings}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    page = response.content.decode()
    assert "Still checking the material: " in page and "material.check.pending" in page
    checked_order.refresh_from_db()
    assert checked_order.status == "DRAFT"
    materials = client.get(f"/apply/orders/{checked_order.pk}/step/materials/").content.decode()
    # the slot polls until the worker has checked it
    assert 'id="slot-business_licence" hx-get=' in materials and 'hx-trigger="every 2s"' in materials


def test_the_periodic_job_queues_a_lost_check_again_once(checked_order, settings):
    lost = _pending(checked_order)
    Material.objects.filter(pk=lost.pk).update(check_queued_at=clock.now())
    assert jobs.run_periodic_jobs()["material_checks"] == 0  # just queued: not lost yet
    clock.advance(hours=(settings.MATERIAL_CHECK_STALE_MINUTES + 1) / 60)
    report = jobs.run_periodic_jobs()
    assert report["material_checks"] == 1  # queued again (tests run the task in-process: it ran)
    lost.refresh_from_db()
    assert lost.check_status == "done"
    assert order_precheck(checked_order).ok
    clock.advance(hours=(settings.MATERIAL_CHECK_STALE_MINUTES + 1) / 60)
    assert jobs.run_periodic_jobs()["material_checks"] == 0  # nothing left to queue


def test_a_check_queued_twice_runs_once(checked_order):

    material = checked_order.materials.get(slot="business_licence", is_current=True)
    Material.objects.filter(pk=material.pk).update(findings=[{"marker": "kept"}])
    check_material(material.pk)  # already done: the duplicate does nothing
    material.refresh_from_db()
    assert material.findings == [{"marker": "kept"}]


UPLOAD = """
import json, os
from pathlib import Path
from django.conf import settings
from beian.demo import orders as demo
from beian.filings import services
from beian.filings.precheck import order_precheck
from beian.materials.models import Material
organisation, user, site = demo.tenant_for(demo.demo_profile(5))
order = demo.valid_order(organisation=organisation, user=user, site=site, profile=demo.demo_profile(5))
try:
    services.order_submit(order=order, user=user, acknowledged_warnings=order_precheck(order).warning_codes)
    refused = ""
except Exception as exc:
    refused = getattr(exc, "code", repr(exc))
queue = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_out"])
print("RESULT" + json.dumps({"order": order.pk, "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "statuses": sorted(set(Material.objects.filter(order=order).values_list("check_status", flat=True))),
    "materials": Material.objects.filter(order=order).count(),
    "queued": sum("check_material" in p.read_text(errors="replace") for p in queue.iterdir()),
    "refused": refused}))
"""

SUBMIT = """
import json
from beian.filings import services
from beian.filings.models import Order
from beian.filings.precheck import order_precheck
from beian.materials.models import Material
order = Order.objects.get(pk={order})
statuses = sorted(set(Material.objects.filter(order=order).values_list("check_status", flat=True)))
if statuses == ["done"]:
    services.order_submit(order=order, user=order.created_by, acknowledged_warnings=order_precheck(order).warning_codes)
    order.refresh_from_db()
print("RESULT" + json.dumps({{"statuses": statuses, "status": order.status}}))
"""


def test_in_the_embedded_default_an_upload_queues_its_check_and_a_worker_process_runs_it(tmp_path):
    """No broker configured: the filesystem queue under var/, as `make run` has it. The uploads
    return with every check pending and a message on the queue per material; submit is refused;
    `celery -A config worker` (what `make run` starts beside the web server) runs the checks, then
    the order can be submitted."""
    with deployment_database("sqlite", tmp_path, BEIAN_TASKS_EAGER="0") as deploy:
        setup = deploy.python(UPLOAD)
        assert setup["eager"] is False
        assert setup["statuses"] == ["pending"] and setup["queued"] == setup["materials"] >= 5
        assert setup["refused"] == "order.has_errors"
        with deploy.celery_worker() as worker:
            state = deploy.wait_until(
                worker, SUBMIT.format(order=setup["order"]), lambda state: state["statuses"] == ["done"]
            )
        log = worker.log
        assert state == {"statuses": ["done"], "status": "PENDING_PROVIDER_REVIEW"}, log[-3000:]
        assert "beian.materials.tasks.check_material" in log
