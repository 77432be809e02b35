"""Material uploads: sniffed, sanitised, stored privately, every version kept, checked as a task."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from beian.core import audit, clock, faults
from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.materials.change_slots import change_slots
from beian.materials.models import Material, MaterialRequirement
from beian.materials.requirements import (
    change_input,
    holder_of,
    per_website,
    requirements_for,
    split_slot,
    website_slot,
)
from beian.materials.verification_data import verification_form_data
from beian.rules import record_orders, registry
from beian.rules.findings import Finding, Severity
from beian.rules.registry import Bilingual

SIGNING_SALT = "beian.materials.download"
# the orders against a filed record that change its data (subject, website or both)
CHANGES_OF_DATA = record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS


def websites_of(order) -> list:
    """The order's websites, websites[0] first (materials sit below filings: read through the relation)."""
    return [order.website, *(w for w in order.websites.all() if w.pk != order.website_id)]


def order_requirements(order) -> list[MaterialRequirement]:
    """The material slots of the order: the subject's once, the per-website ones for every website.
    A change of data asks only for what the change needs, plus the province add-ons
    (change_slots, rules file §1.5); a cancellation or a change of access files no documents
    (§1.6, §1.7)."""
    if order.filing_type in record_orders.CANCEL_TYPES or order.filing_type == record_orders.CHANGE_ACCESS:
        return []
    holder = holder_of(order.subject.nature)
    websites = websites_of(order)
    requirements = per_website(
        requirements_for(filing_type=order.filing_type, holder=holder, province=order.subject.province), len(websites)
    )
    if order.filing_type in CHANGES_OF_DATA:
        needed = change_slots(change_input(order, holder=holder, websites=websites, requirements=requirements))
        requirements = [r for r in requirements if r.slot in needed]
    return requirements


def current_materials(order) -> dict[str, Material]:
    return {m.slot: m for m in order.materials.filter(is_current=True)}


def missing_materials(order) -> list[Finding]:
    have = current_materials(order)
    missing = []
    for req in order_requirements(order):
        if req.required and req.slot not in have:
            missing.append(
                registry.MATERIAL_MISSING.at(
                    f"materials.{req.slot}", params={}, label=Bilingual(req.label_zh, req.label_en)
                )
            )
    return missing


def material_upload(*, order, slot: str, upload, user) -> Material:
    """Store one upload for a slot. Hostile or unsuitable files raise ValidationFailed; nothing is stored."""
    from beian.materials.checks.upload import UploadRejected, inspect_upload  # heavy (OpenCV): where used

    requirements = order_requirements(order)
    acts = order.actions_for(user, slots=[r.slot for r in requirements])  # filings decides (Order model API)
    if not acts.may_edit:
        raise PermissionDenied(
            _("Materials cannot be changed in this state."), code="material.locked", field=f"materials.{slot}"
        )
    if acts.only_returned and not acts.may_edit_slot(slot):
        raise PermissionDenied(
            _("This material was not returned for changes."), code="material.locked", field=f"materials.{slot}"
        )
    requirement = next((r for r in requirements if r.slot == slot), None)
    if requirement is None:
        raise ValidationFailed(
            _("This filing does not need that material."), code="material.unknown_slot", field=f"materials.{slot}"
        )
    try:
        clean = inspect_upload(
            upload,
            declared_size=getattr(upload, "size", None),
            allowed_formats=list(requirement.formats),
            max_bytes=requirement.max_bytes,
            max_pixels=settings.MAX_IMAGE_PIXELS,
            max_side=settings.MAX_IMAGE_SIDE,
        )
    except UploadRejected as rejected:
        raise ValidationFailed(rejected.message(_lang()), code=rejected.code, field=f"materials.{slot}") from None
    extension = {"jpeg": "jpg"}.get(clean.format, clean.format)
    path = f"orders/{order.organisation_id}/{order.pk}/{slot}/{uuid.uuid4().hex}.{extension}"
    with transaction.atomic():
        previous = Material.objects.select_for_update().filter(order=order, slot=slot).order_by("-version").first()
        stored = default_storage.save(path, ContentFile(clean.data))
        material = Material.objects.create(
            organisation_id=order.organisation_id,
            order=order,
            slot=slot,
            version=(previous.version + 1) if previous else 1,
            file=stored,
            original_name=(getattr(upload, "name", "") or "upload")[:255],
            content_type=clean.content_type,
            size=len(clean.data),
            width=clean.width,
            height=clean.height,
            sha256=clean.sha256,
            uploaded_by=user,
            uploaded_at=clock.now(),
        )
        Material.objects.filter(order=order, slot=slot).exclude(pk=material.pk).update(is_current=False)
        order.last_customer_action_at = clock.now()
        order.save(update_fields=["last_customer_action_at"])
        audit.record(
            action="material.upload",
            target=material,
            actor=user,
            data={"order": order.pk, "slot": slot, "version": material.version, "sha256": clean.sha256},
        )
        transaction.on_commit(lambda: _enqueue_checks(material.pk))
        faults.pause("material_stored")
    return material


def _lang() -> str:
    from django.utils.translation import get_language

    return get_language() or "zh-hans"


def _enqueue_checks(material_pk: int) -> None:
    """Put the material's check on the queue (a worker runs it; never this web request)."""
    from beian.materials.tasks import check_material  # tasks imports this module

    faults.pause("material_committed")
    Material.objects.filter(pk=material_pk, check_status=Material.CheckStatus.PENDING).update(
        check_queued_at=clock.now()
    )
    check_material.delay(material_pk)


def materials_requeue_stale_checks() -> int:
    """The periodic job: a check still pending MATERIAL_CHECK_STALE_MINUTES after it was queued was lost
    (the web process died between the upload's commit and its enqueue, a worker or broker died with the
    message): queue it again. Idempotent: a check that ran in the meantime is not pending any more,
    and the task skips a material whose check is no longer pending. Returns how many were queued."""
    stale_before = clock.now() - timedelta(minutes=settings.MATERIAL_CHECK_STALE_MINUTES)
    stale = Material.objects.filter(check_status=Material.CheckStatus.PENDING, is_current=True).filter(
        Q(check_queued_at__lt=stale_before) | Q(check_queued_at__isnull=True, uploaded_at__lt=stale_before)
    )
    pks = list(stale.values_list("pk", flat=True)[:500])
    if pks:
        from beian.materials.tasks import check_material  # tasks imports this module

        Material.objects.filter(pk__in=pks, check_status=Material.CheckStatus.PENDING).update(
            check_queued_at=clock.now()
        )
        for pk in pks:
            check_material.delay(pk)
    return len(pks)


def materials_website_removed(*, order, index: int, user=None) -> None:
    """websites[index] left the order: its materials stop counting (kept under a slot no requirement
    names, every version), and the materials of the websites after it follow them up one place
    (`owner_id_front__3` becomes `owner_id_front__2`). Call inside the removing transaction."""
    materials = list(Material.objects.select_for_update().filter(order=order).order_by("pk"))
    moves = {}
    for material in materials:
        base, at = split_slot(material.slot)
        if at == index and index > 0:
            moves[material.pk] = f"{base}__removed{material.pk}"[:40]
        elif at > index:
            moves[material.pk] = website_slot(base, at - 1)
    # slots only move down one place: free the removed website's first, then from the lowest up
    for material in sorted(materials, key=lambda m: split_slot(m.slot)[1]):
        if material.pk in moves:
            material.slot = moves[material.pk]
            if "__removed" in material.slot:
                material.is_current = False
            material.save(update_fields=["slot", "is_current"])
    if moves:
        audit.record(action="material.website_removed", target=order, actor=user, data={"website": index})


def expected_values(material: Material) -> dict:
    """What the applicant typed that the image should show (for the OCR cross-check)."""
    from beian.materials.checks.form import COMPARED_ROWS  # heavy (OpenCV): where used, not at start-up
    from beian.materials.checks.ocr import LONG_TERM  # heavy (OpenCV): where used, not at start-up

    order = material.order
    slot, index = split_slot(material.slot)
    if slot == "business_licence":
        return {"certificate_number": order.subject.certificate_number or "", "name": order.subject.name}
    if slot == "verification_form":  # the form must be the one generated for this order (and website)
        data = verification_form_data(order, index)
        return {key: str(data.get(key) or "") for key in COMPARED_ROWS}
    if slot.startswith("legal_rep_id"):
        person = order.subject.principal
    elif slot.startswith("owner_id"):
        websites = websites_of(order)
        person = (websites[index] if index < len(websites) else order.website).principal
    else:
        return {}
    if slot.endswith("_back"):
        valid_until = person.certificate_valid_until
        return {
            "valid_until": LONG_TERM
            if person.certificate_long_term
            else (valid_until.isoformat() if valid_until else "")
        }
    return {"name": person.name, "certificate_number": person.certificate_number or ""}


def material_run_checks(*, material: Material) -> Material:
    requirement = next((r for r in order_requirements(material.order) if r.slot == material.slot), None)
    req = (
        {
            "accepted_formats": list(requirement.formats),
            "max_bytes": requirement.max_bytes,
            "min_short_side_px": requirement.min_short_side,
            "colour_required": requirement.colour_required,
            "max_pixels": settings.MAX_IMAGE_PIXELS,
            "max_side": settings.MAX_IMAGE_SIDE,
        }
        if requirement
        else {}
    )
    with material.file.open("rb") as fh:
        data = fh.read()
    try:
        from beian.materials.checks import run_material_checks  # heavy (OpenCV): where used

        result = run_material_checks(
            requirement.check_kind if requirement else material.slot,
            data,
            requirement=req,
            expected=expected_values(material),
        )
    except Exception as exc:  # a check that cannot run says so; it never pretends to pass
        material.check_status = Material.CheckStatus.FAILED
        material.check_details = {"error": type(exc).__name__}
        material.save(update_fields=["check_status", "check_details"])
        return material
    material.findings = [f.as_dict() for f in result.findings]
    material.check_details = result.details()
    material.check_status = Material.CheckStatus.DONE
    material.save(update_fields=["findings", "check_details", "check_status"])
    return material


def material_findings(order) -> list[Finding]:
    """The automated checks' findings on the materials the order asks for now. An upload for a slot
    it no longer asks for (a change undone, a province add-on that no longer applies) is kept, and
    shown to the reviewer, but holds nothing up."""
    asked = {r.slot: r for r in order_requirements(order)}
    out = []
    for material in current_materials(order).values():
        if material.slot not in asked:
            continue
        if material.check_status != Material.CheckStatus.DONE:  # no pre-review yet: nothing may pass
            req = asked[material.slot]
            rule = (
                registry.MATERIAL_CHECK_PENDING
                if material.check_status == Material.CheckStatus.PENDING
                else registry.MATERIAL_CHECK_FAILED
            )
            out.append(rule.at(f"materials.{material.slot}", params={}, label=Bilingual(req.label_zh, req.label_en)))
            continue
        for f in material.findings:
            out.append(Finding(**{**f, "severity": Severity(f["severity"]), "field": f"materials.{material.slot}"}))
    return out


# --- private download through short-lived signed links ---------------------------------------


def signed_link(material: Material, user, *, annotated: bool = False) -> str:
    token = signing.dumps({"m": material.pk, "u": user.pk}, salt=SIGNING_SALT)
    return reverse("materials:annotated" if annotated else "materials:download", args=[token])


def material_annotated_png(material: Material) -> bytes | None:
    """The stored OCR lines and face boxes drawn on the image; None for PDFs or unchecked files."""
    if material.content_type == "application/pdf" or material.check_status != Material.CheckStatus.DONE:
        return None
    with material.file.open("rb") as fh:
        from beian.materials.checks import annotate_details  # heavy (OpenCV): where used

        return annotate_details(fh.read(), material.check_details)


def material_from_link(token: str, user) -> Material:
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=settings.SIGNED_LINK_SECONDS)
    except signing.BadSignature:
        raise PermissionDenied(
            _("This link has expired. Reload the page for a new one."), code="link.expired"
        ) from None
    if data.get("u") != user.pk:
        raise PermissionDenied(_("This link was issued to someone else."), code="link.other_user")
    material = Material.objects.select_related("order").filter(pk=data.get("m")).first()
    if material is None or not can_view(user, material):
        raise PermissionDenied(_("Not found."), code="not_found")
    return material


def material_viewed(material: Material, user, *, annotated: bool = False) -> None:
    """Audit one view of a material (an ID card, a face photo, a signed form are personal data):
    who, which order, which slot and version, the file itself or the annotated image.

    A page shows several images at once, so these writes come in parallel: audit.record writes a row
    again after a short wait when SQLite finds the table locked, rather than refuse the image."""
    data = {
        "material": material.pk,
        "slot": material.slot,
        "version": material.version,
        "image": "annotated" if annotated else "original",
    }
    audit.record(action="material.viewed", target=material.order, actor=user, data=data)


def can_view(user, material: Material) -> bool:
    if user.is_reviewer:
        return True
    return user.memberships.filter(organisation_id=material.organisation_id).exists()


def material_findings_of(material: Material) -> list[Finding]:
    return [Finding(**{**f, "severity": Severity(f["severity"])}) for f in material.findings]


def printable_form_data(order, website_index: int = 0) -> dict:
    """The order's data for its verification form (of websites[website_index]), refused (nothing
    printed) while a row the form prints is still empty: the applicant fills in the subject and
    website steps first."""
    data = verification_form_data(order, website_index)
    from beian.materials.verification_form import FORM_FIELDS  # fpdf and fonts: loaded where used

    if any(not data.get(key) for key in FORM_FIELDS):
        raise ValidationFailed(
            _(
                "The verification form prints the subject and website information: fill in those steps "
                "first, then download the form."
            ),
            code="form.incomplete",
            field="materials.verification_form",
        )
    return data


def verification_form_pdf(order, website_index: int = 0, *, viewer=None) -> bytes:
    """The verification form (核验单) of one website of the order, to print, sign and upload. An
    order that does not ask for that form (a cancellation, a change of access, a change that leaves
    the website's data as filed) has none to print. It prints ID numbers: a `viewer`'s download is
    audited."""
    from beian.materials.verification_form import render_verification_form  # fpdf: loaded where used

    slot = website_slot("verification_form", website_index)
    if not any(r.slot == slot for r in order_requirements(order)):
        raise ValidationFailed(
            _("This order does not need a verification form."),
            code="form.not_needed",
            field="materials.verification_form",
        )
    pdf = render_verification_form(printable_form_data(order, website_index))
    if viewer is not None:
        audit.record(
            action="material.form_printed", target=order, actor=viewer, data={"slot": slot, "website": website_index}
        )
    return pdf
