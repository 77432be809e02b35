"""A material whose automated check has not run, or could not finish, holds its order back: the
pre-review names it (submit refuses; tests/test_check_queue.py shows the API and the wizard)."""

from __future__ import annotations

from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile

from beian.demo import samples
from beian.materials.models import Material
from beian.materials.services import material_findings, material_upload
from tests.builders import valid_order


def test_a_pending_or_failed_check_is_a_finding_of_the_order(organisation, applicant, hosted_site):
    order = valid_order(organisation=organisation, user=applicant, site=hosted_site, materials=False)
    photo = SimpleUploadedFile("photo.jpg", samples.jpeg_bytes(samples.owner_photo().resize((900, 900))))
    with mock.patch("beian.materials.services._enqueue_checks"):  # no worker: the check stays pending
        material = material_upload(order=order, slot="owner_photo", upload=photo, user=applicant)
    assert material.check_status == "pending"
    [pending] = material_findings(order)
    assert (pending.code, pending.field, pending.is_error) == ("material.check.pending", "materials.owner_photo", True)
    assert "正在检查材料" in pending.message_zh and "Still checking" in pending.message_en

    Material.objects.filter(pk=material.pk).update(check_status="failed")
    [failed] = material_findings(order)
    assert (failed.code, failed.is_error) == ("material.check.failed", True)
    assert "Upload the material again" in failed.fix_en
