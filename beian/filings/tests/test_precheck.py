"""One pre-review for the wizard, the API and submit; submit takes the acknowledged warning codes."""

from __future__ import annotations

import pytest
from django.test import Client

from beian.core.exceptions import ValidationFailed
from beian.filings import services, states
from beian.filings.precheck import order_precheck
from beian.rules import registry
from tests.factories import valid_order


def _with_a_blur_warning(order):
    """The recorded check result of one current material gains a blur warning."""
    material = order.materials.filter(is_current=True).order_by("slot").first()
    blur = registry.MATERIAL_BLUR.at(f"materials.{material.slot}", sharpness=20.0, min_sharpness=60.0)
    material.findings = [*material.findings, blur.as_dict()]
    material.save(update_fields=["findings"])
    return blur


@pytest.fixture
def order(applicant, hosted_site):
    return valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)


def test_submit_refuses_while_a_warning_is_not_acknowledged_and_changes_nothing(order, applicant):
    blur = _with_a_blur_warning(order)
    check = order_precheck(order)
    assert check.ok and "material.blur" in check.warning_codes
    assert blur in check.material_findings and blur in check.findings and blur in check.warnings

    with pytest.raises(ValidationFailed) as refused:
        services.order_submit(order=order, user=applicant, acknowledged_warnings=["subject.something_else"])
    assert refused.value.code == "order.warnings_unacknowledged"
    assert [f.code for f in refused.value.findings] == ["material.blur"]
    order.refresh_from_db()
    assert order.status == states.DRAFT and order.versions.count() == 0 and order.submitted_at is None

    services.order_submit(order=order, user=applicant, acknowledged_warnings=check.warning_codes)
    order.refresh_from_db()
    assert order.status == states.PENDING_PROVIDER_REVIEW
    assert order.acknowledged_warnings == check.warning_codes
    assert order.finding_count == sum(1 for f in check.automated if f.severity.value != "info")


def test_the_wizard_sends_the_ticked_codes_and_the_api_the_listed_ones(order, applicant):
    _with_a_blur_warning(order)
    client = Client()
    client.force_login(applicant)
    confirm = client.get(f"/apply/orders/{order.pk}/step/confirm/").content.decode()
    assert 'name="acknowledge" value="material.blur"' in confirm

    unticked = client.post(f"/apply/orders/{order.pk}/submit/", follow=True)
    order.refresh_from_db()
    assert order.status == states.DRAFT
    assert unticked.redirect_chain[-1][0].endswith("/step/confirm/")

    api_unacknowledged = client.post(
        f"/api/v1/orders/{order.pk}/submit", {"acknowledged_warnings": []}, content_type="application/json"
    )
    assert api_unacknowledged.status_code == 422
    assert api_unacknowledged.json()["code"] == "order.warnings_unacknowledged"
    findings = client.get(f"/api/v1/orders/{order.pk}/findings").json()
    assert findings["ok"] and "material.blur" in [f["code"] for f in findings["findings"]]

    codes = order_precheck(order).warning_codes
    client.post(f"/apply/orders/{order.pk}/submit/", {"acknowledge": codes})
    order.refresh_from_db()
    assert order.status == states.PENDING_PROVIDER_REVIEW and order.acknowledged_warnings == codes
