"""Every look at a material (ID card, face photo, signed form: personal data) is in the audit log,
once per view, with who looked, at which order and which slot; a refused link records nothing."""

from __future__ import annotations

import re

from beian.core.models import AuditEvent


def viewed(order):
    return AuditEvent.objects.filter(action="material.viewed", target_id=str(order.pk)).order_by("id")


def test_each_image_a_reviewer_opens_is_audited_once_with_its_slot(client, reviewer, orders):
    order = orders.submitted()
    client.force_login(reviewer)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    originals = sorted(set(re.findall(r'"(/files/[^"/]+/)"', html)))
    annotated = sorted(set(re.findall(r'"(/files/[^"/]+/annotated\.png)"', html)))
    assert originals and annotated
    assert not viewed(order).exists(), "rendering the page opens no file"

    assert client.get(originals[0]).status_code == 200
    assert client.get(annotated[0]).status_code == 200
    first, second = viewed(order)
    slots = set(order.materials.values_list("slot", flat=True))
    assert first.actor == reviewer and first.data["slot"] in slots and first.data["image"] == "original"
    assert second.actor == reviewer and second.data["slot"] in slots and second.data["image"] == "annotated"
    assert first.organisation_id == order.organisation_id

    client.get(originals[0])
    assert viewed(order).count() == 3, "a second look is a second event"


def test_a_link_issued_to_someone_else_records_nothing(client, reviewer, applicant, orders):
    order = orders.submitted()
    client.force_login(reviewer)
    html = client.get(f"/review/orders/{order.pk}/").content.decode()
    link = re.findall(r'"(/files/[^"/]+/)"', html)[0]
    client.force_login(applicant)
    assert client.get(link).status_code == 404
    assert not viewed(order).exists()


def test_printing_the_verification_form_is_audited(client, applicant, orders):
    order = orders.draft()
    client.force_login(applicant)
    response = client.get(f"/apply/orders/{order.pk}/verification-form.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    event = AuditEvent.objects.get(action="material.form_printed", target_id=str(order.pk))
    assert event.actor == applicant and event.data == {"slot": "verification_form", "website": 0}
