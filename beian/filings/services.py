"""Order services: every state change locks the row, checks states.py, saves with update_fields,
appends a timeline event and an audit event, and runs side effects on commit."""
from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.filings import fields as order_fields
from beian.filings import states
from beian.filings.models import Order, OrderEvent, OrderVersion, Person, Subject, Website


def _actor_label(actor) -> str:
    return actor.get_username() if actor is not None and getattr(actor, "is_authenticated", False) else "system"


def order_add_event(*, order: Order, event: str, actor=None, actor_label: str = "", reason: str = "",
                    data: dict | None = None, from_status: str = "", to_status: str = "",
                    visible_to_applicant: bool = True) -> OrderEvent:
    return OrderEvent.objects.create(
        order=order, at=clock.now(), actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=actor_label or _actor_label(actor), event=event, from_status=from_status,
        to_status=to_status, reason=reason, data=data or {}, visible_to_applicant=visible_to_applicant)


def order_transition(*, order: Order, to: str, actor=None, actor_label: str = "", reason: str = "",
                     data: dict | None = None, extra_updates: dict | None = None) -> Order:
    """The one way an order changes state."""
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        event = states.check_transition(locked.status, to)
        now = clock.now()
        from_status = locked.status
        locked.status = to
        locked.status_changed_at = now
        update_fields = {"status", "status_changed_at"}
        for name, value in (extra_updates or {}).items():
            setattr(locked, name, value)
            update_fields.add(name)
        locked.save(update_fields=sorted(update_fields))
        order_add_event(order=locked, event=event, actor=actor, actor_label=actor_label, reason=reason,
                        data=data, from_status=from_status, to_status=to)
        audit.record(action="order.transition", target=locked, actor=actor, actor_label=actor_label,
                     data={"event": event, "from": from_status, "to": to, "reason": reason, **(data or {})})
        transaction.on_commit(lambda: _after_transition(locked.pk, event))
    for name in ("status", "status_changed_at", *(extra_updates or {})):
        setattr(order, name, getattr(locked, name))
    return order


def _after_transition(order_pk: int, event: str) -> None:
    from beian.notifications.services import notify_order_event

    notify_order_event(order_pk=order_pk, event=event)


# --- applicant -------------------------------------------------------------------------------

def order_create_draft(*, organisation, user, hosted_site=None) -> Order:
    """A new draft. Reuses the tenant's filed subject (new website) when there is one."""
    now = clock.now()
    with transaction.atomic():
        filed_subject = (Subject.objects.filter(organisation=organisation, filing_number__isnull=False)
                         .order_by("pk").first())
        if filed_subject:
            subject, filing_type = filed_subject, "NEW_WEBSITE"
        else:
            subject = Subject.objects.create(organisation=organisation,
                                             principal=Person.objects.create(organisation=organisation))
            filing_type = "FIRST_FILING"
        website = Website.objects.create(
            organisation=organisation, subject=subject, hosted_site=hosted_site,
            principal=Person.objects.create(organisation=organisation),
            domain=hosted_site.primary_domain if hosted_site else "",
        )
        order = Order.objects.create(
            organisation=organisation, filing_type=filing_type, subject=subject, website=website,
            created_by=user, created_at=now, status_changed_at=now, last_customer_action_at=now)
        order_add_event(order=order, event="create", actor=user, to_status=states.DRAFT)
        audit.record(action="order.create", target=order, actor=user, data={"filing_type": filing_type})
    return order


def editable_paths(order: Order) -> set[str]:
    """Which fields the applicant may change now: all in a draft, only returned ones after a return."""
    if order.status not in states.APPLICANT_EDITABLE:
        return set()
    paths = set(order_fields.BY_PATH)
    if order.filing_type != "FIRST_FILING":
        paths = {p for p in paths if not p.startswith("subject.")}
    if order.status in states.FIELD_LEVEL_RETURN:
        paths &= order.returned_field_paths
    return paths


def order_update(*, order: Order, user, values: dict) -> list[str]:
    """Apply {path: value}; refuses fields that are locked. Returns the paths that changed."""
    allowed = editable_paths(order)
    unknown = [p for p in values if p not in order_fields.BY_PATH]
    if unknown:
        raise ValidationFailed(_("Unknown field: %(field)s") % {"field": unknown[0]}, code="field.unknown", field=unknown[0])
    locked = [p for p in values if p not in allowed]
    if locked:
        raise PermissionDenied(_("This field cannot be changed now: %(field)s") % {"field": locked[0]},
                               code="field.locked", field=locked[0])
    changed, dirty = [], {}
    for path, value in values.items():
        before = order_fields.get_value(order, path)
        try:
            obj = order_fields.set_value(order, path, value)
        except (TypeError, ValueError):
            raise ValidationFailed(_("Invalid value for %(field)s") % {"field": path}, code="field.invalid", field=path) from None
        if order_fields.get_value(order, path) != before:
            changed.append(path)
            dirty.setdefault(id(obj), (obj, set()))[1].add(path.rsplit(".", 1)[1])
    with transaction.atomic():
        for obj, names in dirty.values():
            obj.save(update_fields=sorted(names))
        order.last_customer_action_at = clock.now()
        order.save(update_fields=["last_customer_action_at"])
        if changed:
            audit.record(action="order.update", target=order, actor=user, data={"fields": changed})
    return changed


def order_submit(*, order: Order, user, acknowledged_warnings: list[str] | None = None) -> Order:
    """Submit (or resubmit) for provider review. Refused while any error finding remains."""
    from beian.filings.validation import order_findings
    from beian.materials.services import missing_materials

    if order.status not in states.APPLICANT_EDITABLE:
        states.check_transition(order.status, states.PENDING_PROVIDER_REVIEW)
    findings = [f for f in order_findings(order, complete=True) if f.is_error]
    findings += missing_materials(order)
    if findings:
        raise ValidationFailed(_("The order has problems to fix before it can be submitted."),
                               code="order.has_errors", findings=findings)
    target = states.PENDING_PROVIDER_REVIEW if order.status == states.DRAFT else states.PROVIDER_RESUBMITTED
    now = clock.now()
    with transaction.atomic():
        number = order.versions.count() + 1
        OrderVersion.objects.create(order=order, number=number, at=now, data=order_fields.snapshot(order))
        order_transition(order=order, to=target, actor=user, data={"version": number},
                         extra_updates={"submitted_at": order.submitted_at or now, "last_customer_action_at": now,
                                        "acknowledged_warnings": acknowledged_warnings or []})
    return order


def order_withdraw(*, order: Order, user) -> Order:
    return order_transition(order=order, to=states.DRAFT, actor=user, reason=_("Withdrawn by the applicant"),
                            extra_updates={"assigned_reviewer": None, "claimed_at": None})


def order_abandon(*, order: Order, user) -> Order:
    return order_transition(order=order, to=states.ABANDONED, actor=user, reason=_("Abandoned by the applicant"))


# --- provider review -------------------------------------------------------------------------

def order_claim(*, order: Order, reviewer) -> Order:
    """Exclusive: a reviewer claims an unclaimed order (or one they hold)."""
    with transaction.atomic():
        updated = (Order.objects.filter(pk=order.pk, status__in=states.AWAITING_PROVIDER)
                   .filter(assigned_reviewer__isnull=True)
                   .update(assigned_reviewer=reviewer, claimed_at=clock.now()))
        order.refresh_from_db(fields=["assigned_reviewer", "claimed_at", "status"])
        if not updated and order.status not in states.AWAITING_PROVIDER:
            states.check_transition(order.status, states.PENDING_SUBMISSION)
        if not updated and order.assigned_reviewer_id != reviewer.pk:
            raise PermissionDenied(_("Another reviewer is working on this order."), code="order.claimed")
        if updated:
            order_add_event(order=order, event="claim", actor=reviewer, visible_to_applicant=False)
            audit.record(action="order.claim", target=order, actor=reviewer)
    return order


def _require_claim(order: Order, reviewer) -> None:
    """Acting on an order claims it; an order claimed by someone else is refused."""
    order_claim(order=order, reviewer=reviewer)


def order_review_approve(*, order: Order, reviewer, note: str = "") -> Order:
    from beian.regulator.services import submission_enqueue

    _require_claim(order, reviewer)
    with transaction.atomic():
        order_transition(order=order, to=states.PENDING_SUBMISSION, actor=reviewer, reason=note,
                         extra_updates={"returned_fields": []})
        transaction.on_commit(lambda: submission_enqueue(order_pk=order.pk))
    return order


def order_return_fields(*, order: Order, reviewer, returns: list[dict]) -> Order:
    """Field-level return: each item {"field": path, "reason_code": catalogue code, "note": text}."""
    from beian.reference.models import RejectionReason

    _require_claim(order, reviewer)
    if not returns:
        raise ValidationFailed(_("Choose at least one field to return."), code="return.empty")
    known = set(RejectionReason.objects.values_list("code", flat=True))
    for item in returns:
        if item.get("field") not in order_fields.BY_PATH:
            raise ValidationFailed(_("Unknown field: %(field)s") % {"field": item.get("field")}, code="field.unknown",
                                   field=str(item.get("field")))
        if item.get("reason_code") not in known:
            raise ValidationFailed(_("Choose a reason from the catalogue."), code="return.reason_unknown",
                                   field=item["field"])
    clean = [{"field": r["field"], "reason_code": r["reason_code"], "note": (r.get("note") or "").strip()} for r in returns]
    return order_transition(order=order, to=states.PROVIDER_NEEDS_CHANGES, actor=reviewer,
                            reason="; ".join(f"{r['field']}: {r['reason_code']}" for r in clean),
                            data={"returns": clean},
                            extra_updates={"returned_fields": clean, "last_customer_action_at": clock.now()})


# --- regulator outcomes ----------------------------------------------------------------------

def order_record_regulator_approval(*, order: Order, actor_label: str, subject_number: str = "",
                                    actor=None) -> Order:
    """Issue (or record) the numbers and mark the order filed. The site goes live on commit."""
    from beian.filings import numbers
    from beian.reference.models import Province

    with transaction.atomic():
        subject = Subject.objects.select_for_update().get(pk=order.subject_id)
        now = clock.now()
        if not subject.filing_number:
            if not subject_number:
                province = Province.objects.get(code=subject.province)
                subject_number = numbers.issue_subject_number(subject, icp_abbr=province.icp_abbr, year=now.year)
            subject.filing_number = subject_number
            subject.filed_at = now
            subject.save(update_fields=["filing_number", "filed_at"])
        order.subject = subject
        website = order.website
        sequence = numbers.issue_website_sequence(subject)
        website.sequence = sequence
        website.filing_number = numbers.format_website_number(subject.filing_number, sequence)
        website.filed_at = now
        website.save(update_fields=["sequence", "filing_number", "filed_at"])
        order_transition(order=order, to=states.APPROVED, actor=actor, actor_label=actor_label,
                         data={"subject_number": subject.filing_number, "website_number": website.filing_number})
    return order


def order_record_regulator_rejection(*, order: Order, actor_label: str, reason_code: str, note: str = "",
                                     actor=None) -> Order:
    return order_transition(order=order, to=states.REGULATOR_REJECTED, actor=actor, actor_label=actor_label,
                            reason=note or reason_code, data={"reason_code": reason_code},
                            extra_updates={"last_customer_action_at": clock.now()})
