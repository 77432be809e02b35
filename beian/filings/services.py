"""Order services: every state change locks the row, checks states.py, saves with update_fields,
appends a timeline event and an audit event, and runs side effects on commit."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.db import connection, models, transaction
from django.db.models import Q
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from beian.core import audit, clock, faults
from beian.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from beian.core.workdays import current_calendar
from beian.filings import changes as record_changes
from beian.filings import detection as detection_service
from beian.filings import fields as order_fields
from beian.filings import records, selectors, service_codes, states
from beian.filings.deadlines import current_review_deadline, provider_review_sla_working_days, review_deadline
from beian.filings.models import (
    Order,
    OrderEvent,
    OrderVersion,
    Person,
    RecordStatus,
    Subject,
    SubjectFiling,
    Website,
    WebsiteFiling,
)
from beian.filings.precheck import order_precheck
from beian.filings.signals import order_transitioned
from beian.materials.requirements import holder_of
from beian.materials.services import materials_website_removed, order_requirements
from beian.reference.models import RejectionReason
from beian.reference.snapshot import setting
from beian.rules import record_orders
from beian.rules.domains import record_domain


def _actor_label(actor) -> str:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.get_username()
    return getattr(actor, "audit_label", "") or "system"  # a platform acting for its organisation


def _creator(actor):
    """The user an order is created by: the signed-in user, or the member a platform acts for."""
    if getattr(actor, "is_authenticated", False):
        return actor
    return getattr(actor, "for_user", None)


def order_add_event(
    *,
    order: Order,
    event: str,
    actor=None,
    actor_label: str = "",
    reason: str = "",
    data: dict | None = None,
    from_status: str = "",
    to_status: str = "",
    visible_to_applicant: bool = True,
) -> OrderEvent:
    return OrderEvent.objects.create(
        order=order,
        at=clock.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=actor_label or _actor_label(actor),
        event=event,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        data=data or {},
        visible_to_applicant=visible_to_applicant,
    )


def order_transition(
    *,
    order: Order,
    to: str,
    actor=None,
    actor_label: str = "",
    reason: str = "",
    data: dict | None = None,
    extra_updates: dict | None = None,
) -> Order:
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
        order_add_event(
            order=locked,
            event=event,
            actor=actor,
            actor_label=actor_label,
            reason=reason,
            data=data,
            from_status=from_status,
            to_status=to,
        )
        audit.record(
            action="order.transition",
            target=locked,
            actor=actor,
            actor_label=actor_label,
            data={"event": event, "from": from_status, "to": to, "reason": reason, **(data or {})},
        )
        transaction.on_commit(partial(_after_transition, locked.pk, event, from_status, to))
    for name in ("status", "status_changed_at", *(extra_updates or {})):
        setattr(order, name, getattr(locked, name))
    return order


def _after_transition(order_pk: int, event: str, from_status: str = "", to_status: str = "") -> None:
    """After the transition commits: tell the subscribers (notifications, the regulator outbox)."""
    order_transitioned.send(sender=Order, order_pk=order_pk, event=event, from_status=from_status, to_status=to_status)


# --- applicant -------------------------------------------------------------------------------


def order_create_draft(
    *, organisation, user, hosted_site=None, detection: detection_service.Detection | None = None
) -> Order:
    """A new draft. With a `detection` (the first step, filings.detection): of the detected type,
    against its target, prefilled from the record (see `_prefill`). Without one (the builders and
    old clients): against the tenant's filed subject record (new website) when there is one."""
    if detection is not None and detection.refused:
        raise ValidationFailed(
            detection.findings[0].message(_language()), code=detection.findings[0].code, findings=detection.findings
        )
    with transaction.atomic():
        if detection is not None:
            filing_type, subject_filing = detection.filing_type, detection.subject_filing
            subject = _subject_for(organisation, detection)
        else:
            subject_filing = (
                SubjectFiling.objects.filter(organisation=organisation, status=RecordStatus.ACTIVE)
                .select_related("subject")
                .order_by("pk")
                .first()
            )
            if subject_filing:
                subject, filing_type = subject_filing.subject, "NEW_WEBSITE"
            else:
                subject = Subject.objects.create(
                    organisation=organisation, principal=Person.objects.create(organisation=organisation)
                )
                filing_type = "FIRST_FILING"
        websites = (
            _websites_for(organisation, subject, detection, hosted_site)
            if detection is not None
            else [_website(organisation, subject, hosted_site=hosted_site, domain=_site_domain(hosted_site))]
        )
        order = _order_create(
            organisation=organisation,
            user=user,
            filing_type=filing_type,
            subject=subject,
            subject_filing=subject_filing,
            websites=websites,
            audit_data={"domains": [w.domain for w in websites if w.domain]},
        )
    return order


def _order_create(
    *, organisation, user, filing_type: str, subject, subject_filing, websites, audit_data: dict
) -> Order:
    """A new draft of `filing_type` holding `websites` in their order, with its timeline and audit
    events (inside the caller's transaction)."""
    now = clock.now()
    order = Order.objects.create(
        organisation=organisation,
        filing_type=filing_type,
        subject=subject,
        subject_filing=subject_filing,
        website=websites[0],
        created_by=_creator(user),
        created_at=now,
        status_changed_at=now,
        last_customer_action_at=now,
    )
    for position, website in enumerate(websites):
        website.order, website.position = order, position
        website.save(update_fields=["order", "position"])
    order_add_event(order=order, event="create", actor=user, to_status=states.DRAFT)
    audit.record(
        action="order.create",
        target=order,
        actor=user,
        data={
            "filing_type": filing_type,
            "subject_filing": subject_filing.filing_number if subject_filing else "",
            **audit_data,
        },
    )
    return order


def order_website_limit(*, order: Order, nature: int | None = None) -> int:
    """The most websites one order may hold (reference data `limits`: organisation vs individual).
    `nature`: judge for that subject nature instead of the order's. While the nature is not chosen
    yet the larger limit applies (the rules report a mismatch once it is)."""
    per_order = (setting("limits", {}) or {}).get("tencent_websites_per_order") or {}
    holder = holder_of(order.subject.nature if nature is None else nature)
    if holder:
        value = per_order.get("individual" if holder == "person" else "organisation")
    else:
        value = max((v for v in per_order.values() if isinstance(v, int)), default=None)
    return int(value) if value else 1


def _too_many_websites(limit: int) -> ValidationFailed:
    return ValidationFailed(
        _("An order may hold at most %(limit)s websites for this subject.") % {"limit": limit},
        code="order.too_many_websites",
        field="websites",
    )


def _new_website(order: Order, position: int) -> Website:
    return Website.objects.create(
        organisation=order.organisation,
        subject=order.subject,
        order=order,
        position=position,
        principal=Person.objects.create(organisation=order.organisation),
    )


def order_add_website(*, order: Order, user) -> Website:
    """Add an empty website (with its own principal) at the end of the order, up to the limit."""
    with transaction.atomic():
        Order.objects.select_for_update().filter(pk=order.pk).first()
        order_fields.forget_websites(order)
        count = len(order_fields.websites_of(order))
        acts = selectors.order_actions_for(order, user, website_count=count + 1)
        if not acts.may_edit or acts.only_returned:
            raise PermissionDenied(_("Websites cannot be added to this order now."), code="order.websites_locked")
        limit = order_website_limit(order=order)
        if count >= limit:
            raise _too_many_websites(limit)
        website = _new_website(order, count)
        order.last_customer_action_at = clock.now()
        order.save(update_fields=["last_customer_action_at"])
        audit.record(action="order.website_add", target=order, actor=user, data={"website": count})
    order_fields.forget_websites(order)
    return website


def order_remove_website(*, order: Order, user, index: int) -> None:
    """Remove websites[index] (never the first) with its principal; later websites move up."""
    with transaction.atomic():
        Order.objects.select_for_update().filter(pk=order.pk).first()
        order_fields.forget_websites(order)
        websites = order_fields.websites_of(order)
        acts = selectors.order_actions_for(order, user)
        if not acts.may_edit or acts.only_returned:
            raise PermissionDenied(_("Websites cannot be removed from this order now."), code="order.websites_locked")
        if index == 0:
            raise ValidationFailed(
                _("The first website of an order cannot be removed."), code="order.first_website", field="websites[0]"
            )
        if not 0 < index < len(websites):
            raise ValidationFailed(
                _("The order has no website %(number)s.") % {"number": index + 1},
                code="order.no_such_website",
                field=f"websites[{index}]",
            )
        gone = websites.pop(index)
        principal = gone.principal
        gone.delete()
        principal.delete()
        materials_website_removed(order=order, index=index, user=user)
        for position, website in enumerate(websites):
            if website.position != position:
                website.position = position
                website.save(update_fields=["position"])
        order.last_customer_action_at = clock.now()
        order.save(update_fields=["last_customer_action_at"])
        audit.record(action="order.website_remove", target=order, actor=user, data={"website": index})
    order_fields.forget_websites(order)


def order_website_principal_from_subject(*, order: Order, user, index: int) -> list[str]:
    """ "Same as the subject's principal": websites[index]'s principal takes the subject principal's
    details (name, certificate, mobile, emergency phone, email; an update like any other). Only the
    fields open now are filled: after a field-level return, the returned ones. Refused when none is
    open, or while the subject principal has no name yet (it would empty the website's). Returns what
    changed."""
    if not 0 <= index < len(order_fields.websites_of(order)):
        raise ValidationFailed(
            _("The order has no website %(number)s.") % {"number": index + 1},
            code="order.no_such_website",
            field=f"websites[{index}]",
        )
    if not (order_fields.get_value(order, "subject.principal.name") or "").strip():
        raise ValidationFailed(
            _("Fill in the subject principal first (the subject step): there is nothing to copy yet."),
            code="order.subject_principal_empty",
            field=f"websites[{index}].principal.name",
        )
    editable = selectors.order_actions_for(order, user).editable_paths
    values = {
        f"websites[{index}].principal.{name}": order_fields.get_value(order, f"subject.principal.{name}")
        for name in order_fields.PERSON_NAMES
        if f"websites[{index}].principal.{name}" in editable
    }
    if not values:
        raise PermissionDenied(
            _("This website principal cannot be changed now."),
            code="field.locked",
            field=f"websites[{index}].principal.name",
        )
    return order_update(order=order, user=user, values=values)


def _language() -> str:
    return get_language() or "zh-hans"


def _site_domain(hosted_site) -> str:
    return hosted_site.primary_domain if hosted_site else ""


def _website(organisation, subject, *, hosted_site=None, domain="", **values) -> Website:
    principal = values.pop("principal", None) or Person.objects.create(organisation=organisation)
    return Website.objects.create(
        organisation=organisation,
        subject=subject,
        hosted_site=hosted_site,
        principal=principal,
        domain=domain,
        **values,
    )


def _subject_for(organisation, detection: detection_service.Detection) -> Subject:
    """The order's subject: the record's (filed with us, this tenant: shared, read-only in the
    wizard), or a new one prefilled from what was verified and, for a subject filed elsewhere, from
    the regulator's record with its number (entries must equal the record; records_apply_approval
    records the subject with that number)."""
    if detection.subject_filing is not None:
        return detection.subject_filing.subject
    verify, external = detection.verify, detection.external_subject
    subject = Subject(
        organisation=organisation,
        province=verify.province,
        nature=verify.nature,
        certificate_type=verify.certificate_type,
        certificate_number=verify.certificate_number.strip(),
        principal=Person.objects.create(organisation=organisation, name=external.principal_name if external else ""),
    )
    if external is not None:
        subject.name, subject.filing_number = external.name, external.number
        subject.province = external.province
    subject.save()
    return subject


def _websites_for(organisation, subject, detection: detection_service.Detection, hosted_site) -> list[Website]:
    """One website per entered domain; for new access, one per filed website (its domains as the
    record holds them; the first entered is the website's domain), carrying the record's number
    and prefilled from it. The hosted site is the first website's."""
    found = detection.found
    websites: list[Website] = []
    seen: set[str] = set()
    for domain in found.domains:
        site = hosted_site if not websites else None
        ours, external = found.website_filings.get(domain), found.external_websites.get(domain)
        if detection.filing_type == "NEW_ACCESS" and ours is not None:
            if ours.filing_number in seen:
                continue
            seen.add(ours.filing_number)
            filed = ours.website
            websites.append(
                _website(
                    organisation,
                    subject,
                    hosted_site=site,
                    domain=domain,
                    website_filing=ours,
                    filing_number=ours.filing_number,
                    sequence=ours.sequence,
                    name=filed.name,
                    service_contents=list(filed.service_contents),
                    languages=list(filed.languages),
                    pre_approvals=list(filed.pre_approvals),
                    principal=_copy_person(organisation, filed.principal),
                )
            )
        elif detection.filing_type == "NEW_ACCESS" and external is not None:
            number = external[1].number
            if number in seen:
                continue
            seen.add(number)
            websites.append(
                _website(
                    organisation,
                    subject,
                    hosted_site=site,
                    domain=domain,
                    filing_number=number,
                    name=external[1].name,
                    principal=Person.objects.create(organisation=organisation, name=external[1].principal_name),
                )
            )
        else:
            websites.append(_website(organisation, subject, hosted_site=site, domain=domain))
    return websites or [_website(organisation, subject, hosted_site=hosted_site, domain=_site_domain(hosted_site))]


def _copy_person(organisation, person: Person) -> Person:
    """The website principal as filed (our record, this tenant), for the applicant to confirm."""
    return Person.objects.create(
        organisation=organisation,
        name=person.name,
        certificate_type=person.certificate_type,
        certificate_number=person.certificate_number,
        certificate_valid_until=person.certificate_valid_until,
        certificate_long_term=person.certificate_long_term,
        mobile=person.mobile,
        emergency_phone=person.emergency_phone,
        email=person.email,
        is_legal_representative=person.is_legal_representative,
    )


@dataclass(frozen=True)
class Started:
    order: Order
    created: bool  # False: the open order for the same target was returned


def order_start(
    *,
    organisation,
    user,
    hosted_site=None,
    verify: detection_service.VerifyInput | None = None,
    requested_type: str = "",
    service_code: str = "",
) -> Started:
    """Start a filing the way the dashboard's start button and POST /api/v1/orders do.

    One open order per target: when the tenant already has an open (not finished) order for the
    same target, that order is returned instead of a new draft. The target of an order is the set
    of its websites' main domains (an order for a site without a domain: the hosted site). A filed
    site may get new orders (a new website for another domain, new access…): finished orders do
    not count.

    With `verify` (the first step's inputs), the type is detected (filings.detection) and locked;
    `requested_type`, when given, must be what detection finds, or the refusal explains the right
    path. Without `verify` (clients of the first API version): the site's primary domain, the type
    from the tenant's records as before. Refused (§1.8) while a domain is in another filing in
    progress, in any tenant, or the subject has another order in review.

    `service_code` (备案服务码, rules file §8.6; beian.filings.service_codes): typed by the applicant, it
    must be a valid unused code of the site (or granted to this account: without a site, the filing is
    for the code's site) and is bound to the new filing. While the operator setting requires one, a new
    filing is refused without it (`service_code.required`); an open order is returned as before."""
    code = None
    if (service_code or "").strip():
        try:
            code = service_codes.service_code_for_start(organisation=organisation, site=hosted_site, typed=service_code)
        except ValidationFailed as refused:
            # started again with the code of its own open filing (a retry): that filing, as without a code
            bound = service_codes.open_order_of_code(organisation=organisation, site=hosted_site, typed=service_code)
            if refused.code != "service_code.used" or bound is None:
                raise
            return Started(order=bound, created=False)
        hosted_site = hosted_site or code.site
    domains = list(verify.domains) if verify is not None else [d for d in [_site_domain(hosted_site)] if d]
    existing = detection_service.open_order_for_target(
        organisation=organisation, domains=domains, hosted_site=hosted_site
    )
    if existing is not None:
        if requested_type and existing.filing_type != requested_type:
            raise ValidationFailed(
                _(
                    "Order %(reference)s for this domain is still open as a %(type)s. Continue it, or abandon "
                    "it before you start another filing."
                )
                % {"reference": existing.reference, "type": existing.filing_type_label},
                code="order.open_for_target",
            )
        return Started(order=existing, created=False)
    detected = None
    if verify is not None:
        detected = detection_service.filing_type_detect(
            organisation=organisation, verify=verify, requested=requested_type
        )
        if detected.refused:
            first = detected.findings[0]
            raise ValidationFailed(
                first.message(_language()), code=first.code, field=first.field, findings=detected.findings
            )
    elif requested_type and requested_type != _type_from_records(organisation):
        raise ValidationFailed(
            _(
                "The filing type can only be chosen together with the subject's province, nature, certificate "
                "and the domains, which decide it. Without them this filing is a %(type)s."
            )
            % {"type": _type_from_records(organisation)},
            code="order.verify_required",
            field="filing_type",
        )
    certificate = verify.certificate_number if verify is not None else ""
    conflicts = detection_service.order_conflicts(
        organisation=organisation, domains=domains, certificate_number=certificate
    )
    if conflicts:
        raise ValidationFailed(conflicts[0].message, code=conflicts[0].code, field=conflicts[0].field)
    if code is None and service_codes.code_required():
        raise service_codes.code_missing()
    with transaction.atomic():
        order = order_create_draft(organisation=organisation, user=user, hosted_site=hosted_site, detection=detected)
        if code is not None:
            service_codes.service_code_bind(order=order, code=code, actor=user)
    return Started(order=order, created=True)


def _type_from_records(organisation) -> str:
    """The type of a draft started without the first step's inputs (order_create_draft's rule)."""
    filed = SubjectFiling.objects.filter(organisation=organisation, status=RecordStatus.ACTIVE).exists()
    return "NEW_WEBSITE" if filed else "FIRST_FILING"


def order_update(*, order: Order, user, values: dict) -> list[str]:
    """Apply {path: value}; refuses fields that are locked. Returns the paths that changed.

    Paths may name any website (`websites[1].name`); websites the order does not have yet are
    added (up to the reference limit, `order.too_many_websites` beyond it; nothing changes then)."""
    unknown = [p for p in values if p not in order_fields.BY_PATH]
    if unknown:
        raise ValidationFailed(
            _("Unknown field: %(field)s") % {"field": unknown[0]}, code="field.unknown", field=unknown[0]
        )
    count = len(order_fields.websites_of(order))
    indexes = [i for i in map(order_fields.website_index, values) if i is not None]
    needed = max(count, max(indexes, default=-1) + 1)
    nature = values.get("subject.nature", order.subject.nature)
    try:
        limit = order_website_limit(
            order=order, nature=order_fields.coerce(order_fields.BY_PATH["subject.nature"], nature)
        )
    except (TypeError, ValueError):
        limit = order_website_limit(order=order)  # the bad nature is reported below as field.invalid
    if needed > limit and (needed > count or "subject.nature" in values):
        raise _too_many_websites(limit)
    acts = selectors.order_actions_for(order, user, website_count=needed)
    allowed = acts.editable_paths
    locked = [p for p in values if p not in allowed]
    if locked:
        raise PermissionDenied(
            _("This field cannot be changed now: %(field)s") % {"field": locked[0]},
            code="field.locked",
            field=locked[0],
        )
    try:
        return _apply_update(order, user, values, count=count, needed=needed, on_behalf=acts.assisting)
    finally:
        order_fields.forget_websites(order)  # a refused update rolled back the websites it added


@dataclass(frozen=True)
class Prefilled:
    order: Order
    created: bool  # False: the open order for the same target was returned, nothing applied to it
    applied: list[str]  # the field paths set on the new draft
    skipped: list[str]  # paths the draft takes from elsewhere (the filed subject) or that are not open


# The first step's inputs among the order's fields: when the platform sends all of them, the filing type
# is detected from them as the wizard's first step does.
VERIFY_PATHS = {
    "subject.province": "province",
    "subject.nature": "nature",
    "subject.certificate_type": "certificate_type",
    "subject.certificate_number": "certificate_number",
}


def order_prefill(*, organisation, actor, hosted_site, values: dict, service_code: str = "") -> Prefilled:
    """A draft filing for `hosted_site`, filled in with what the site builder already knows (`values`:
    {field path: value}, as PATCH /api/v1/orders/{id} takes them), for its applicant to check and finish
    in the wizard. The same start as the wizard's (order_start: one open order per target, §1.8 conflicts,
    the service code) and the same update (order_update: coercion, the websites limit). With the subject's
    province, nature, certificate type and number the filing type is detected as at the first step;
    without them it follows the account's records. Fields the new draft does not open (a filed subject's)
    are skipped and named. Unknown paths and bad values are refused before anything is created
    (`field.unknown`, `field.invalid`); any refusal leaves nothing behind."""
    unknown = [p for p in values if p not in order_fields.BY_PATH]
    if unknown:
        raise ValidationFailed(
            _("Unknown field: %(field)s") % {"field": unknown[0]}, code="field.unknown", field=unknown[0]
        )
    verify = _prefill_verify(values, hosted_site)
    with transaction.atomic():
        started = order_start(
            organisation=organisation, user=actor, hosted_site=hosted_site, verify=verify, service_code=service_code
        )
        order = started.order
        if not started.created:
            return Prefilled(order=order, created=False, applied=[], skipped=sorted(values))
        indexes = [i for i in map(order_fields.website_index, values) if i is not None]
        needed = max(len(order_fields.websites_of(order)), max(indexes, default=-1) + 1)
        editable = selectors.order_actions_for(order, actor, website_count=needed).editable_paths
        applied = {path: value for path, value in values.items() if path in editable}
        if applied:
            order_update(order=order, user=actor, values=applied)
    return Prefilled(order=order, created=True, applied=sorted(applied), skipped=sorted(set(values) - set(applied)))


def _prefill_verify(values: dict, hosted_site) -> detection_service.VerifyInput | None:
    """The first step's inputs when `values` hold all of them (the domains: the websites' sent, or the
    site's own); None otherwise."""
    if any(values.get(path) in (None, "") for path in VERIFY_PATHS):
        return None
    typed = {}
    for path, name in VERIFY_PATHS.items():
        try:
            typed[name] = order_fields.coerce(order_fields.BY_PATH[path], values[path])
        except (TypeError, ValueError):
            raise ValidationFailed(
                _("Invalid value for %(field)s") % {"field": path}, code="field.invalid", field=path
            ) from None
    sent = sorted(
        (order_fields.website_index(p), str(v).strip())
        for p, v in values.items()
        if order_fields.template_path(p) == "websites[].domain" and str(v or "").strip()
    )
    domains = [d for _i, d in sent] or [d for d in [_site_domain(hosted_site)] if d]
    if not domains:
        return None
    return detection_service.VerifyInput(domains=tuple(domains), **typed)


def _apply_update(order: Order, user, values: dict, *, count: int, needed: int, on_behalf: bool = False) -> list[str]:
    """`on_behalf`: staff filling in for the customer (the assisted filing service): audited as
    such, in the customer's timeline, and not the customer's own activity (no idle-expiry reset)."""
    with transaction.atomic():
        for position in range(count, needed):
            _new_website(order, position)
        order_fields.forget_websites(order)
        changed: list[str] = []
        dirty: dict[int, tuple[models.Model, set[str]]] = {}
        for path, value in values.items():
            before = order_fields.get_value(order, path)
            try:
                obj = order_fields.set_value(order, path, value)
            except (TypeError, ValueError):
                raise ValidationFailed(
                    _("Invalid value for %(field)s") % {"field": path}, code="field.invalid", field=path
                ) from None
            if order_fields.get_value(order, path) != before:
                changed.append(path)
                dirty.setdefault(id(obj), (obj, set()))[1].add(path.rsplit(".", 1)[1])
        for obj, names in dirty.values():
            obj.save(update_fields=sorted(names))
        if not on_behalf:
            order.last_customer_action_at = clock.now()
            order.save(update_fields=["last_customer_action_at"])
        if needed > count:
            audit.record(action="order.website_add", target=order, actor=user, data={"websites": needed})
        if changed and on_behalf:
            data = {"fields": changed, "on_behalf_of": order.organisation_id}
            audit.record(action="order.assisted_edit", target=order, actor=user, data=data)
            order_add_event(order=order, event="assisted_edit", actor=user, data={"fields": changed})
        elif changed:
            audit.record(action="order.update", target=order, actor=user, data={"fields": changed})
    return changed


def order_submit(*, order: Order, user, acknowledged_warnings: Iterable[str] = ()) -> Order:
    """Submit (or resubmit) for provider review. Refused while any error finding remains, and while
    a warning remains whose code is not in `acknowledged_warnings` (the codes the user ticked)."""
    if not selectors.order_actions_for(order, user).may_submit:
        if order.status not in states.APPLICANT_EDITABLE:
            states.check_transition(order.status, states.PENDING_PROVIDER_REVIEW)
        raise NotFound(_("Not found."))  # not the applicant's order: as for a foreign id
    _refuse_conflicts(order)
    check = order_precheck(order)
    if check.errors:
        raise ValidationFailed(
            _("The order has problems to fix before it can be submitted."),
            code="order.has_errors",
            findings=check.errors,
        )
    unacknowledged = check.unacknowledged(acknowledged_warnings)
    if unacknowledged:
        raise ValidationFailed(
            _("Please confirm that you have read the warnings."),
            code="order.warnings_unacknowledged",
            findings=unacknowledged,
        )
    automated = check.automated
    target = states.PENDING_PROVIDER_REVIEW if order.status == states.DRAFT else states.PROVIDER_RESUBMITTED
    now = clock.now()
    with transaction.atomic():
        # the row lock first: a second submit of the same order (another tab, a retried request) waits
        # here and then finds it submitted, a clear refusal instead of a duplicate version
        current = Order.objects.select_for_update().only("status").get(pk=order.pk).status
        if current != order.status:
            states.check_transition(current, target)
        # §1.8 again under a lock on the order's domains and subject: two orders for one domain
        # submitted at the same moment both passed the check above before either committed
        _refuse_conflicts(order, lock=True)
        number = order.versions.count() + 1
        OrderVersion.objects.create(
            order=order,
            number=number,
            at=now,
            data={**order_fields.snapshot(order), **record_changes.request_snapshot(order)},
        )
        order_transition(
            order=order,
            to=target,
            actor=user,
            data={"version": number},
            extra_updates={
                "submitted_at": order.submitted_at or now,
                "last_customer_action_at": now,
                "acknowledged_warnings": check.warning_codes,
                **review_queue_fields(order, findings=automated, queued_at=now),
            },
        )
        faults.pause("order_submitted")
    return order


def _lock_conflict_keys(domains: list[str], certificate_number: str) -> None:
    """Serialise the transactions that could put one domain or subject into two pipelines: a
    transaction-scoped PostgreSQL advisory lock per domain and certificate number, taken in sorted
    order (no deadlock). SQLite has one writer at a time and needs none."""
    if connection.vendor != "postgresql":
        return
    values = {*domains, certificate_number} - {""}
    # a 63-bit digest per value: the certificate number never leaves the process
    keys = sorted(
        int.from_bytes(hashlib.sha256(f"beian.pipeline:{value}".encode()).digest()[:8], "big") >> 1 for value in values
    )
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _refuse_conflicts(order: Order, *, lock: bool = False) -> None:
    """§1.8 (filings.detection.order_conflicts): on submit and on the provider's approval. `lock`
    (inside the caller's transaction): first take the locks on the order's domains and subject."""
    domains = detection_service.order_domains(order)
    certificate_number = order.subject.certificate_number or ""
    if lock:
        _lock_conflict_keys(domains, certificate_number)
    conflicts = detection_service.order_conflicts(
        organisation=order.organisation,
        domains=domains,
        certificate_number=certificate_number,
        exclude_order=order,
    )
    if conflicts:
        raise ValidationFailed(conflicts[0].message, code=conflicts[0].code, field=conflicts[0].field)


def _assert_applicant_may(order: Order, user, allowed: bool, target: str) -> None:
    """Refuse what actions.order_actions does not allow: an illegal transition says so; a user
    outside the order's organisation is told it does not exist, as for a foreign id."""
    if not allowed:
        states.check_transition(order.status, target)
        raise NotFound(_("Not found."))


def order_withdraw(*, order: Order, user) -> Order:
    _assert_applicant_may(order, user, selectors.order_actions_for(order, user).may_withdraw, states.DRAFT)
    return order_transition(
        order=order,
        to=states.DRAFT,
        actor=user,
        reason=gettext_noop("Withdrawn by the applicant"),
        extra_updates={"assigned_reviewer": None, "claimed_at": None},
    )


def order_abandon(*, order: Order, user) -> Order:
    _assert_applicant_may(order, user, selectors.order_actions_for(order, user).may_abandon, states.ABANDONED)
    return order_transition(
        order=order, to=states.ABANDONED, actor=user, reason=gettext_noop("Abandoned by the applicant")
    )


def order_grant_assisted_service(*, order: Order, actor, reason: str, data: dict | None = None) -> Order:
    """Grant the assisted filing service (beian.plans decides when: free on the plan or paid): the
    order comes first in the review queue and staff may fill it in for the customer. Granting it
    twice changes nothing; a finished order (approved, abandoned, ...) cannot get it."""
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.assisted_service:
            order.assisted_service = True
            return order
        if locked.status in states.TERMINAL:
            raise ValidationFailed(
                _("This filing is finished; the assisted filing service is for open filings."),
                code="assisted.order_finished",
            )
        locked.assisted_service = True
        locked.save(update_fields=["assisted_service"])
        order_add_event(order=locked, event="assisted_service", actor=actor, reason=reason, data=data)
        audit.record(
            action="order.assisted_service", target=locked, actor=actor, data={"reason": reason, **(data or {})}
        )
    order.assisted_service = True
    return order


# --- provider review -------------------------------------------------------------------------
#
# The queue is ordered by each order's deadline: (re)submission time + the provider first-review
# SLA in working days (beian.filings.deadlines). Claims are exclusive; a claim lapses after
# settings.REVIEW_CLAIM_IDLE_MINUTES (default 30) without activity of its holder.


def claim_idle_minutes() -> int:
    from django.conf import settings

    return settings.REVIEW_CLAIM_IDLE_MINUTES


def review_queue_fields(order: Order, *, findings, queued_at) -> dict:
    """What an order carries into the review queue on each (re)submission: its deadline, the
    number of automated findings (warnings and errors), a renewed claim for the reviewer who
    returned it, so a resubmission goes to the same reviewer first, and what the queue filters and
    searches by (the subject's province and name, the first website's domain)."""
    return {
        "review_due_at": current_review_deadline(queued_at),
        "finding_count": sum(1 for f in findings if getattr(f.severity, "value", f.severity) != "info"),
        "claimed_at": queued_at if order.assigned_reviewer_id else None,
        "submitted_province": order.subject.province or "",
        "submitted_subject_name": order.subject.name or "",
        "submitted_domain": order.website.domain or "",
    }


def review_deadlines_refresh() -> int:
    """Recompute the deadline of every order awaiting review from the moment it entered the queue,
    with the SLA and the calendar as they are now: an operator who changes either (a new SLA, a
    holiday schedule entered or corrected) sees the queue follow at once. Returns how many moved.
    A row that was resubmitted meanwhile keeps the deadline its resubmission gave it."""
    calendar, days = current_calendar(), provider_review_sla_working_days()
    moved = 0
    awaiting = Order.objects.filter(status__in=states.AWAITING_PROVIDER).only(
        "pk", "status_changed_at", "review_due_at"
    )
    for order in awaiting.iterator():
        due = review_deadline(order.status_changed_at, working_days=days, calendar=calendar)
        if due != order.review_due_at:
            moved += Order.objects.filter(
                pk=order.pk, status_changed_at=order.status_changed_at, status__in=states.AWAITING_PROVIDER
            ).update(review_due_at=due)
    return moved


def _check_reviewer(user) -> None:
    if user is None or not getattr(user, "is_reviewer", False) or not user.is_active:
        raise PermissionDenied(_("Only reviewers can review orders."), code="review.not_reviewer")


def order_claim(*, order: Order, reviewer) -> Order:
    """Exclusive: a reviewer claims an unclaimed order, or renews a claim they hold. The decision is
    actions.order_actions' `may_claim`; the conditional update keeps two reviewers from both winning."""
    _check_reviewer(reviewer)
    with transaction.atomic():
        now = clock.now()
        awaiting = Order.objects.filter(pk=order.pk, status__in=states.AWAITING_PROVIDER)
        updated = awaiting.filter(assigned_reviewer__isnull=True).update(assigned_reviewer=reviewer, claimed_at=now)
        order.refresh_from_db(fields=["assigned_reviewer", "claimed_at", "status"])
        if not updated:
            acts = selectors.order_actions_for(order, reviewer, member=False, now=now)
            if acts.reasons.get("act") == "order.illegal_transition":
                states.check_transition(order.status, states.PENDING_SUBMISSION)
            if not acts.may_claim:
                raise PermissionDenied(_("Another reviewer is working on this order."), code="order.claimed")
            awaiting.filter(assigned_reviewer=reviewer).update(claimed_at=now)
            order.refresh_from_db(fields=["claimed_at"])
        if updated:
            order_add_event(order=order, event="claim", actor=reviewer, visible_to_applicant=False)
            audit.record(action="order.claim", target=order, actor=reviewer)
    return order


def _claim_to_act(order: Order, reviewer) -> None:
    """Acting on an order (`may_act`) claims it; an order claimed by someone else is refused."""
    order_claim(order=order, reviewer=reviewer)


def order_claim_next(*, reviewer, candidates) -> Order | None:
    """Claim the most urgent order the reviewer may take from `candidates` (a queue queryset):
    their own reserved orders first, then unclaimed ones (assisted filings before the others). Losing a race moves on to the next."""
    from django.db.models import Q

    _check_reviewer(reviewer)
    pool = candidates.filter(Q(assigned_reviewer=reviewer) | Q(assigned_reviewer__isnull=True)).order_by(
        "-assisted_service", "review_due_at", "pk"
    )
    mine = pool.filter(assigned_reviewer=reviewer).first()
    if mine is not None:
        return order_claim(order=mine, reviewer=reviewer)
    for order in pool.filter(assigned_reviewer__isnull=True)[:20]:
        try:
            return order_claim(order=order, reviewer=reviewer)
        except PermissionDenied:
            continue
    return None


def order_claim_touch(*, order: Order, reviewer) -> bool:
    """The holder is still working on the order (opening it counts): the claim does not lapse."""
    return bool(
        Order.objects.filter(pk=order.pk, status__in=states.AWAITING_PROVIDER, assigned_reviewer=reviewer).update(
            claimed_at=clock.now()
        )
    )


def order_release_claim(*, order: Order, actor, reason: str = "") -> Order:
    """The holder (or an operator) gives the order back to the queue."""
    with transaction.atomic():
        locked = Order.objects.select_for_update(of=("self",)).select_related("assigned_reviewer").get(pk=order.pk)
        holder = locked.assigned_reviewer
        acts = selectors.order_actions_for(locked, actor, member=False)
        if acts.reasons.get("release") == "order.not_in_review":
            raise ValidationFailed(
                _("This order is no longer in provider review; there is no claim to release."),
                code="order.not_in_review",
            )
        if acts.reasons.get("release") == "order.not_claimed":
            raise ValidationFailed(_("Nobody holds this order."), code="order.not_claimed")
        if not acts.may_release or holder is None:
            raise PermissionDenied(
                _("Only the reviewer who holds the order or an operator can release it."), code="order.claimed"
            )
        locked.assigned_reviewer, locked.claimed_at = None, None
        locked.save(update_fields=["assigned_reviewer", "claimed_at"])
        data = {"reviewer": holder.get_username(), "kind": "manual"}
        order_add_event(
            order=locked, event="release", actor=actor, reason=reason.strip(), data=data, visible_to_applicant=False
        )
        audit.record(action="order.release", target=locked, actor=actor, data={**data, "reason": reason.strip()})
    order.assigned_reviewer, order.claimed_at = None, None
    return order


def order_reassign(*, order: Order, operator, to_reviewer, reason: str = "") -> Order:
    """An operator hands an order (claimed or not) to another reviewer."""
    if not getattr(operator, "is_operator", False):
        raise PermissionDenied(_("Only operators can reassign orders."), code="review.not_operator")
    _check_reviewer(to_reviewer)
    with transaction.atomic():
        locked = Order.objects.select_for_update(of=("self",)).select_related("assigned_reviewer").get(pk=order.pk)
        if locked.status not in states.AWAITING_PROVIDER:
            raise ValidationFailed(
                _("Only orders awaiting provider review can be reassigned."), code="order.not_in_review"
            )
        previous = locked.assigned_reviewer
        if previous is not None and previous.pk == to_reviewer.pk:
            raise ValidationFailed(_("The order is already assigned to this reviewer."), code="order.same_reviewer")
        locked.assigned_reviewer, locked.claimed_at = to_reviewer, clock.now()
        locked.save(update_fields=["assigned_reviewer", "claimed_at"])
        data = {"from": previous.get_username() if previous else "", "to": to_reviewer.get_username()}
        order_add_event(
            order=locked, event="reassign", actor=operator, reason=reason.strip(), data=data, visible_to_applicant=False
        )
        audit.record(action="order.reassign", target=locked, actor=operator, data={**data, "reason": reason.strip()})
    order.assigned_reviewer, order.claimed_at = locked.assigned_reviewer, locked.claimed_at
    return order


def order_release_idle_claims() -> int:
    """Periodic job: claims idle longer than REVIEW_CLAIM_IDLE_MINUTES go back to the queue.
    A claim renewed meanwhile (conditional update on claimed_at) is left alone."""
    import datetime as dt

    from django.db.models import Q

    cutoff = clock.now() - dt.timedelta(minutes=claim_idle_minutes())
    stale = (
        Order.objects.filter(status__in=states.AWAITING_PROVIDER, assigned_reviewer__isnull=False)
        .filter(Q(claimed_at__lt=cutoff) | Q(claimed_at__isnull=True))
        .select_related("assigned_reviewer")
        .order_by("pk")
    )
    released = 0
    for order in stale:
        with transaction.atomic():
            same_claim = Q(claimed_at=order.claimed_at) if order.claimed_at else Q(claimed_at__isnull=True)
            done = Order.objects.filter(
                same_claim,
                pk=order.pk,
                assigned_reviewer_id=order.assigned_reviewer_id,
                status__in=states.AWAITING_PROVIDER,
            ).update(assigned_reviewer=None, claimed_at=None)
            if not done:
                continue
            data = {
                "reviewer": order.assigned_reviewer.get_username() if order.assigned_reviewer else "",
                "kind": "idle",
                "idle_minutes": claim_idle_minutes(),
                "reason_params": {"minutes": claim_idle_minutes()},
            }
            order_add_event(
                order=order,
                event="release",
                actor_label="system",
                data=data,
                reason=gettext_noop("Claim released after %(minutes)s minutes without activity"),
                visible_to_applicant=False,
            )
            audit.record(action="order.release", target=order, actor_label="system", data=data)
            released += 1
    return released


def order_review_approve(*, order: Order, reviewer, note: str = "") -> Order:
    """Approve for the regulator. The regulator app enqueues the push when the transition to
    PENDING_SUBMISSION commits (beian.regulator.signals); its reconcile job covers a crash between."""
    _claim_to_act(order, reviewer)
    with transaction.atomic():  # the locks of submit too: one order per subject goes on to the regulator
        _refuse_conflicts(order, lock=True)
        return order_transition(
            order=order,
            to=states.PENDING_SUBMISSION,
            actor=reviewer,
            reason=note,
            # the decision ends the claim (the reviewer stays on record as who approved)
            extra_updates={"returned_fields": [], "claimed_at": None},
        )


def order_return_fields(*, order: Order, reviewer, returns: list[dict]) -> Order:
    """Field-level return: each item {"field": path, "reason_code": catalogue code, "note": text}."""
    _claim_to_act(order, reviewer)
    if not returns:
        raise ValidationFailed(_("Choose at least one field to return."), code="return.empty")
    known = set(RejectionReason.objects.values_list("code", flat=True))
    # a change or cancellation: only what the applicant may change (its changed part, its request)
    returnable = set(record_changes.returnable_paths(order)) | {
        f"materials.{r.slot}" for r in order_requirements(order)
    }
    for item in returns:
        if item.get("field") not in returnable:
            raise ValidationFailed(
                _("Unknown field: %(field)s") % {"field": item.get("field")},
                code="field.unknown",
                field=str(item.get("field")),
            )
        if item.get("reason_code") not in known:
            raise ValidationFailed(
                _("Choose a reason from the catalogue."), code="return.reason_unknown", field=item["field"]
            )
    clean = [
        {"field": r["field"], "reason_code": r["reason_code"], "note": (r.get("note") or "").strip()} for r in returns
    ]
    return order_transition(
        order=order,
        to=states.PROVIDER_NEEDS_CHANGES,
        actor=reviewer,
        reason="; ".join(f"{r['field']}: {r['reason_code']}" for r in clean),
        data={"returns": clean},
        # the claim ends; the reviewer stays reserved, and the resubmission renews the claim
        extra_updates={"returned_fields": clean, "last_customer_action_at": clock.now(), "claimed_at": None},
    )


# --- regulator outcomes ----------------------------------------------------------------------


def order_record_regulator_approval(
    *, order: Order, actor_label: str, subject_number: str = "", website_sequence: int | None = None, actor=None
) -> Order:
    """The regulator approved: the standing records change (beian.filings.records issues or records
    the numbers) and the order is filed. The site goes live on commit."""
    with transaction.atomic():
        records.records_apply_approval(
            order=order, actor_label=actor_label, subject_number=subject_number, website_sequence=website_sequence
        )
        order_transition(
            order=order,
            to=states.APPROVED,
            actor=actor,
            actor_label=actor_label,
            data={
                "subject_number": order.subject.filing_number,
                "website_number": order.website.filing_number,
                "numbers_kept": order.filing_type == records.NEW_ACCESS,  # new access: no number issued
                "record_order": order.filing_type if record_orders.is_record_type(order.filing_type) else "",
            },
        )
    return order


def order_record_regulator_rejection(
    *, order: Order, actor_label: str, reason_code: str, note: str = "", actor=None
) -> Order:
    return order_transition(
        order=order,
        to=states.REGULATOR_REJECTED,
        actor=actor,
        actor_label=actor_label,
        reason=note or reason_code,
        data={"reason_code": reason_code},
        extra_updates={"last_customer_action_at": clock.now()},
    )


# --- orders against a filed record: changes, cancellations, cancel access (rules file §1.5–§1.7) ---


def _copy_subject(organisation, subject: Subject) -> Subject:
    """The subject as filed, for a change order to edit (the filed row stays as the history): every
    field copied (Django's copy by saving without a primary key), with its own copy of the principal."""
    copy = Subject.objects.get(pk=subject.pk)
    copy.pk, copy._state.adding = None, True
    copy.organisation = organisation
    copy.principal = _copy_person(organisation, subject.principal)
    copy.save()
    return copy


def _copy_website(organisation, subject: Subject, website_filing: WebsiteFiling, *, hosted_site=None) -> Website:
    """A filed website as an order against it starts: the data as filed, its domains as the record
    holds them (the main one first), the hosted site that serves it."""
    filed = website_filing.website
    domains = record_changes.filed_domains(website_filing) or [record_domain(filed.domain)]
    ours = website_filing.accesses.filter(is_ours=True, status=RecordStatus.ACTIVE).first()
    return _website(
        organisation,
        subject,
        hosted_site=hosted_site or (ours.hosted_site if ours else None) or filed.hosted_site,
        domain=domains[0],
        other_domains=domains[1:],
        website_filing=website_filing,
        filing_number=website_filing.filing_number,
        sequence=website_filing.sequence,
        filed_at=website_filing.filed_at,
        name=filed.name,
        service_contents=list(filed.service_contents),
        languages=list(filed.languages),
        pre_approvals=list(filed.pre_approvals),
        remark=filed.remark,
        principal=_copy_person(organisation, filed.principal),
    )


def _record_target(organisation, filing_type: str, subject_number: str, website_number: str):
    """(subject record, website record or None) of this tenant an order of `filing_type` targets."""
    if filing_type not in record_orders.RECORD_TYPES:
        raise ValidationFailed(
            _("%(type)s is not a change or cancellation of a filed record.") % {"type": filing_type},
            code="order.not_record_type",
            field="filing_type",
        )
    website_filing = None
    if filing_type in record_orders.WEBSITE_TARGET_TYPES:
        website_filing = (
            WebsiteFiling.objects.select_related("subject_filing", "website")
            .filter(subject_filing__organisation=organisation, filing_number=website_number)
            .first()
        )
        if website_filing is None:
            raise NotFound(_("No filed website %(number)s in this account.") % {"number": website_number or "—"})
        subject_filing = website_filing.subject_filing
        if not website_filing.is_active:
            raise ValidationFailed(
                _("Website %(number)s is cancelled: it can no longer be changed or cancelled.")
                % {"number": website_filing.filing_number},
                code="record.not_active",
            )
        if filing_type in (record_orders.CANCEL_ACCESS, record_orders.CHANGE_ACCESS) and not (
            website_filing.accesses.filter(is_ours=True, status=RecordStatus.ACTIVE).exists()
        ):
            raise ValidationFailed(
                _("Website %(number)s is not accessed through us: there is no access of ours to change or cancel.")
                % {"number": website_filing.filing_number},
                code="record.not_accessed_here",
            )
    else:
        found = SubjectFiling.objects.filter(organisation=organisation, filing_number=subject_number).first()
        if found is None:
            raise NotFound(_("No filed subject %(number)s in this account.") % {"number": subject_number or "—"})
        subject_filing = found
    if not subject_filing.is_active:
        raise ValidationFailed(
            _("Subject %(number)s is cancelled: it can no longer be changed or cancelled.")
            % {"number": subject_filing.filing_number},
            code="record.not_active",
        )
    return subject_filing, website_filing


def _open_record_order(subject_filing: SubjectFiling, website_filing: WebsiteFiling | None, filing_type: str):
    """The open change or cancellation that stands in the way of a new one of `filing_type`: an open
    subject cancellation stands in the way of all (and all of it); two changes of the subject's data
    exclude each other; two orders about one website too."""
    open_orders = Order.objects.filter(
        subject_filing=subject_filing, filing_type__in=record_orders.RECORD_TYPES
    ).exclude(status__in=states.TERMINAL)
    if filing_type == record_orders.CANCEL_SUBJECT:
        same = open_orders
    else:
        query = Q(filing_type=record_orders.CANCEL_SUBJECT)
        if filing_type in record_orders.SUBJECT_PARTS:
            query |= Q(filing_type__in=record_orders.SUBJECT_PARTS)
        if website_filing is not None:
            query |= Q(websites__website_filing=website_filing)
        same = open_orders.filter(query)
    return same.distinct().order_by("-created_at", "-pk").first()


def order_start_from_record(
    *,
    organisation,
    user,
    filing_type: str,
    subject_number: str = "",
    website_number: str = "",
) -> Started:
    """Start a change, cancellation or cancel access of a filed record of this tenant (the filed
    dashboard's actions and POST /api/v1/orders with a target record).

    The order starts from the data as filed: a change copies the part it changes (the subject, the
    website or both) for the applicant to edit and opens only what may change (rules.record_orders);
    the record is untouched until the regulator approves. One open order per record: starting the
    same type again returns it; another type while one is open is refused and names it. §1.8 as for
    every order: no domain or subject of another filing in progress."""
    subject_filing, website_filing = _record_target(organisation, filing_type, subject_number, website_number)
    existing = _open_record_order(subject_filing, website_filing, filing_type)
    if existing is not None:
        if existing.filing_type == filing_type:
            return Started(order=existing, created=False)
        raise ValidationFailed(
            _("Order %(reference)s (%(type)s) for this filing is still open. Finish or abandon it first.")
            % {"reference": existing.reference, "type": existing.filing_type_label},
            code="order.open_for_target",
        )
    target_websites = (
        [website_filing]
        if website_filing is not None
        else list(
            subject_filing.websites.filter(status=RecordStatus.ACTIVE).select_related("website").order_by("sequence")
        )
    )
    if not target_websites:  # an empty-shell subject: the order still carries one website row (the last filed)
        target_websites = list(subject_filing.websites.select_related("website").order_by("-sequence")[:1])
    if filing_type == record_orders.CHANGE_SUBJECT:
        target_websites = target_websites[:1]  # shown, not changed
    domains = [d for w in target_websites for d in record_changes.filed_domains(w)]
    filed_subject = subject_filing.subject
    conflicts = detection_service.order_conflicts(
        organisation=organisation, domains=domains, certificate_number=filed_subject.certificate_number or ""
    )
    if conflicts:
        raise ValidationFailed(conflicts[0].message, code=conflicts[0].code, field=conflicts[0].field)
    with transaction.atomic():
        subject = (
            _copy_subject(organisation, filed_subject) if filing_type in record_orders.SUBJECT_PARTS else filed_subject
        )
        websites = [_copy_website(organisation, subject, w) for w in target_websites]
        order = _order_create(
            organisation=organisation,
            user=user,
            filing_type=filing_type,
            subject=subject,
            subject_filing=subject_filing,
            websites=websites,
            audit_data={"website_filing": website_filing.filing_number if website_filing else ""},
        )
    return Started(order=order, created=True)


def order_set_request(
    *,
    order: Order,
    user,
    reason_code: str | None = None,
    reason_note: str | None = None,
    confirmation: str | None = None,
    hosted_site=None,
) -> list[str]:
    """What a cancellation or a change of access asks beyond the fields: the reason, the typed
    confirmation, the hosted site that will serve the website. The pre-review judges them
    (rules.record_orders); this only stores them while the order is the applicant's to edit."""
    actions = selectors.order_actions_for(order, user)
    if not actions.may_edit or (
        actions.only_returned and not ({"reason_code", "confirmation", "hosted_site"} & order.returned_field_paths)
    ):
        if order.status not in states.APPLICANT_EDITABLE:
            raise PermissionDenied(_("This order cannot be changed now."), code="order.not_editable")
        raise NotFound(_("Not found."))
    if not record_orders.is_record_type(order.filing_type):
        raise ValidationFailed(
            _("Only a change or cancellation of a filed record has these."), code="order.not_record_type"
        )
    changed: list[str] = []
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        for name, value, limit in (
            ("reason_code", reason_code, 40),
            ("reason_note", reason_note, 2000),
            ("confirmation", confirmation, 255),
        ):
            if value is None:
                continue
            value = str(value).strip()
            if len(value) > limit:
                raise ValidationFailed(
                    _("%(field)s is too long (at most %(limit)s characters).") % {"field": name, "limit": limit},
                    code="field.too_long",
                    field=name,
                )
            if getattr(locked, name) != value:
                setattr(locked, name, value)
                setattr(order, name, value)
                changed.append(name)
        now = clock.now()
        locked.last_customer_action_at = order.last_customer_action_at = now
        locked.save(update_fields=[*changed, "last_customer_action_at"])
        if hosted_site is not None:
            if order.filing_type != record_orders.CHANGE_ACCESS:
                raise ValidationFailed(
                    _("Only a change of access moves the website to another hosted site."),
                    code="order.not_change_access",
                    field="hosted_site",
                )
            if hosted_site.organisation_id != order.organisation_id:
                raise NotFound(_("Not found."))
            website = order.website
            if website.hosted_site_id != hosted_site.pk:
                website.hosted_site = hosted_site
                website.save(update_fields=["hosted_site"])
                changed.append("hosted_site")
        if changed:
            audit.record(action="order.update", target=order, actor=user, data={"fields": changed})
    return changed
