"""Service codes (备案服务码, rules file §8.6): generate, grant, void, bind to a filing, follow its outcome.

The decisions are pure (beian.filings.codes: states, format, policy, who may start with a code); the
facts are reference data (`provider_resources`: the quota per hosted site, single use, refund,
cross-account grants) and the operator setting `service_code_required` (a valid code is needed to start
a filing). Every change locks the code (or, to generate, its site), checks codes.check_transition,
saves with update_fields and appends an audit event.

A code follows its filing through `order_transitioned` (filings.signals): approved → filed; abandoned
or expired → free again, or void when codes are single-use; an approved cancellation of the filing (or
of our access to it) → void, its quota place given back only where the policy refunds.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import DomainError, IllegalTransition, NotFound, PermissionDenied, ValidationFailed
from beian.filings import codes, states
from beian.filings.models import SERVICE_CODE_STATES, Order, ServiceCode, WebsiteFiling
from beian.reference.services import reference_setting_set
from beian.reference.snapshot import setting
from beian.rules import record_orders

POLICY_SETTING = "provider_resources"
REQUIRED_SETTING = "service_code_required"
MAX_PER_CALL = 100
STATE_CHOICES = SERVICE_CODE_STATES  # (state, label) for filters


class CodeStateConflict(DomainError):
    """The code's state does not allow it (409): used already, void, bound to a filing in progress."""

    code = "service_code.illegal_transition"
    status = 409


def code_policy() -> codes.CodePolicy:
    return codes.policy_from(setting(POLICY_SETTING, {}))


def code_requirement_set(*, required: bool, actor) -> None:
    """Operators switch the requirement in the console (or the admin, Reference settings)."""
    if not getattr(actor, "is_operator", False):
        raise PermissionDenied(_("Only operators can change this setting."), code="permission_denied")
    reference_setting_set(key=REQUIRED_SETTING, value=bool(required), actor=actor)


def code_required() -> bool:
    """The operator setting: a valid service code is needed to start a filing (read per call: a change
    applies on the next request)."""
    return setting(REQUIRED_SETTING, False) is True


def _label(actor) -> str:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.get_username()
    return getattr(actor, "audit_label", "") or "system"


def _audit(code: ServiceCode, action: str, actor, **data) -> None:
    audit.record(action=f"service_code.{action}", target=code, actor=actor, data={"code": code.code, **data})


# --- quota -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quota:
    per_resource: int
    in_use: int

    @property
    def left(self) -> int:
        return max(self.per_resource - self.in_use, 0)


def _in_use(site) -> int:
    return ServiceCode.objects.filter(site=site).filter(~Q(state=codes.VOID) | Q(spent=True)).count()


def site_quota(site) -> Quota:
    """How many codes the site may have in use, and how many it has (codes.counts_against_quota)."""
    return Quota(per_resource=code_policy().per_resource, in_use=_in_use(site))


# --- the platform's (and operators') operations ---------------------------------------------------


def service_code_generate(*, site, count: int = 1, actor=None) -> list[ServiceCode]:
    """`count` new codes for `site`, within the quota (reference `provider_resources`). Refused as a
    whole when they would not all fit: `service_code.quota_exceeded` (nothing generated)."""
    if not isinstance(count, int) or not 1 <= count <= MAX_PER_CALL:
        raise ValidationFailed(
            _("Ask for between 1 and %(max)s codes at a time.") % {"max": MAX_PER_CALL},
            code="service_code.count_invalid",
            field="count",
        )
    policy = code_policy()
    with transaction.atomic():
        type(site).objects.select_for_update().filter(pk=site.pk).first()  # one generation per site at a time
        left = codes.quota_left(policy, _in_use(site))
        if count > left:
            raise ValidationFailed(
                _(
                    "This site may have at most %(quota)s service codes in use (unused, in a filing or filed); "
                    "%(left)s more can be generated."
                )
                % {"quota": policy.per_resource, "left": left},
                code="service_code.quota_exceeded",
                field="count",
            )
        now, made = clock.now(), []
        for _index in range(count):
            made.append(_create(site, now, _label(actor)))
        for code in made:
            _audit(code, "generate", actor, site=site.pk)
    return made


def _create(site, now, label: str) -> ServiceCode:
    for _attempt in range(10):  # 32^11 possible codes: a collision is a once-in-a-lifetime retry
        try:
            with transaction.atomic():
                return ServiceCode.objects.create(
                    code=codes.new_code(),
                    site=site,
                    organisation_id=site.organisation_id,
                    created_at=now,
                    created_by_label=label,
                )
        except IntegrityError:
            continue
    raise RuntimeError("could not generate a unique service code")


def _locked(code: ServiceCode) -> ServiceCode:
    return ServiceCode.objects.select_for_update().get(pk=code.pk)


def _refresh(code: ServiceCode, locked: ServiceCode) -> ServiceCode:
    for field in ("state", "spent", "order_id", "granted_to_id", "granted_at", "bound_at", "filed_at", "voided_at"):
        setattr(code, field, getattr(locked, field))
    code.void_reason = locked.void_reason
    return code


def _conflict(code: ServiceCode) -> CodeStateConflict:
    messages = {
        codes.IN_FILING: _("Service code %(code)s is bound to a filing in progress."),
        codes.FILED: _("Service code %(code)s backs a filed website."),
        codes.VOID: _("Service code %(code)s is void."),
        codes.UNBOUND: _("Service code %(code)s is not used yet."),
    }
    state_codes = {codes.IN_FILING: "service_code.in_use", codes.FILED: "service_code.filed"}
    return CodeStateConflict(
        messages[code.state] % {"code": code.code}, code=state_codes.get(code.state, "service_code.void")
    )


def _transition(locked: ServiceCode, target: str) -> str:
    try:
        return codes.check_transition(locked.state, target)
    except IllegalTransition:
        raise _conflict(locked) from None


def service_code_grant(*, code: ServiceCode, to_organisation, actor=None) -> ServiceCode:
    """Let another account of the same platform file with this code (where reference data allows
    cross-account grants). Only an unused code; granting it to its owner takes the grant back."""
    if not code_policy().cross_account_grant:
        raise PermissionDenied(
            _("Service codes cannot be granted to another account."), code="service_code.grant_not_allowed"
        )
    with transaction.atomic():
        locked = _locked(code)
        owner = locked.organisation
        if to_organisation.pk != owner.pk and (
            owner.platform_id is None or to_organisation.platform_id != owner.platform_id
        ):
            raise NotFound(_("No such account."), code="not_found", field="organisation")
        if locked.state != codes.UNBOUND:
            raise _conflict(locked)
        before = locked.granted_to_id
        locked.granted_to = None if to_organisation.pk == owner.pk else to_organisation
        locked.granted_at = clock.now() if locked.granted_to else None
        locked.save(update_fields=["granted_to", "granted_at"])
        _audit(locked, "grant", actor, granted_to=locked.granted_to_id, before=before)
    return _refresh(code, locked)


def service_code_void(*, code: ServiceCode, actor=None, reason: str = "") -> ServiceCode:
    """Void an unused code (the platform or an operator). A code bound to a filing in progress or
    backing a filed website is refused (409): abandon the filing, or cancel it, instead."""
    reason = (reason or "").strip()
    if len(reason) > 200:
        raise ValidationFailed(
            _("%(field)s is too long (at most %(limit)s characters).") % {"field": "reason", "limit": 200},
            code="field.too_long",
            field="reason",
        )
    with transaction.atomic():
        locked = _locked(code)
        if locked.state != codes.UNBOUND:
            raise _conflict(locked)
        _transition(locked, codes.VOID)
        outcome = codes.after_void()
        locked.state, locked.spent = outcome.state, outcome.spent
        locked.voided_at, locked.void_reason = clock.now(), reason
        locked.save(update_fields=["state", "spent", "voided_at", "void_reason"])
        _audit(locked, "void", actor, reason=reason)
    return _refresh(code, locked)


# --- the applicant's side: starting a filing with a code ------------------------------------------

REFUSALS = {
    "service_code.required": lambda: _(
        "Enter the service code for this site: your site builder shows it on its 备案服务码 page."
    ),
    "service_code.invalid": lambda: _(
        "This is not a service code: check it for typing mistakes (it looks like BA-XXXX-XXXX-XXXX)."
    ),
    "service_code.unknown": lambda: _("No such service code for your account."),
    "service_code.granted_elsewhere": lambda: _("This service code was granted to another account."),
    "service_code.other_site": lambda: _("This service code belongs to another site."),
    "service_code.void": lambda: _("This service code is void: ask your site builder for a new one."),
    "service_code.used": lambda: _("This service code is already used for another filing."),
}


def _refused(refusal: str) -> ValidationFailed:
    return ValidationFailed(REFUSALS[refusal](), code=refusal, field="service_code")


def code_missing() -> ValidationFailed:
    """A filing started without a code while the operator setting requires one."""
    return _refused("service_code.required")


def service_code_for_start(*, organisation, site=None, typed: str) -> ServiceCode:
    """The code `typed` when `organisation` may start a filing with it for `site` (None: the code's own
    site, e.g. a code granted by another account); ValidationFailed (field `service_code`) saying why not."""
    if not (typed or "").strip():
        raise _refused("service_code.required")
    canonical = codes.parse(typed)
    if canonical is None:
        raise _refused("service_code.invalid")
    code = ServiceCode.objects.select_related("site").filter(code=canonical).first()
    if code is None:
        raise _refused("service_code.unknown")
    refusal = _start_refusal(code, organisation, site)
    if refusal:
        raise _refused(refusal)
    return code


def _start_refusal(code: ServiceCode, organisation, site) -> str | None:
    return codes.start_refusal(
        state=code.state,
        owner=code.organisation_id == organisation.pk,
        grantee=code.granted_to_id is not None and code.granted_to_id == organisation.pk,
        granted_elsewhere=code.granted_to_id is not None and code.granted_to_id != organisation.pk,
        same_site=None if site is None else code.site_id == site.pk,
    )


def open_order_of_code(*, organisation, site, typed: str) -> Order | None:
    """The organisation's unfinished filing of `site` (None: any) the code `typed` is bound to, if any."""
    canonical = codes.parse(typed)
    found = ServiceCode.objects.filter(code=canonical, state=codes.IN_FILING, order__organisation=organisation)
    if site is not None:
        found = found.filter(order__website__hosted_site=site)
    code = found.select_related("order").first() if canonical else None
    order = code.order if code is not None else None
    return order if order is not None and order.status not in states.TERMINAL else None


def service_code_bind(*, order: Order, code: ServiceCode, actor=None) -> ServiceCode:
    """Bind `code` to the filing `order` was started as (unused → in a filing), checked again under the
    lock: two filings started with one code at once get it once."""
    from beian.filings.services import order_add_event  # services imports this module

    with transaction.atomic():
        locked = _locked(code)
        refusal = _start_refusal(locked, order.organisation, order.website.hosted_site)
        if refusal:
            raise _refused(refusal)
        _transition(locked, codes.IN_FILING)
        locked.state, locked.order, locked.bound_at = codes.IN_FILING, order, clock.now()
        locked.save(update_fields=["state", "order", "bound_at"])
        order_add_event(
            order=order,
            event="service_code",
            actor=actor,
            data={"code": codes.masked(locked.code)},
        )
        _audit(locked, "bind", actor, order=order.pk)
    return _refresh(code, locked)


# --- following the filing (receiver of order_transitioned) ---------------------------------------


def service_codes_follow_order(*, order_pk: int, to_status: str) -> int:
    """A filing's outcome reaches its code: approved → filed; abandoned or expired → free again (void
    when single-use); an approved cancellation voids the codes of what it cancelled. Returns how many
    codes changed."""
    if to_status == states.APPROVED:
        order = Order.objects.filter(pk=order_pk).select_related("subject_filing").first()
        if order is None:
            return 0
        if order.filing_type in record_orders.CANCEL_TYPES:
            return _cancelled(order)
        return _move(ServiceCode.objects.filter(order_id=order_pk, state=codes.IN_FILING), codes.FILED, "filed")
    if to_status in (states.ABANDONED, states.EXPIRED):
        outcome = codes.after_filing_ended(code_policy())
        return _move(
            ServiceCode.objects.filter(order_id=order_pk, state=codes.IN_FILING),
            outcome.state,
            "release" if outcome.state == codes.UNBOUND else "spend",
            spent=outcome.spent,
        )
    return 0


def _cancelled(order: Order) -> int:
    """An approved cancellation (website, subject, or our access): the codes filed for what it ended."""
    if order.filing_type == record_orders.CANCEL_SUBJECT:
        ended = WebsiteFiling.objects.filter(subject_filing=order.subject_filing)
    else:
        ended = WebsiteFiling.objects.filter(pk__in=order.websites.values("website_filing"))
    filed_orders = Order.objects.filter(websites__website_filing__in=ended).values("pk")
    outcome = codes.after_filing_cancelled(code_policy())
    return _move(
        ServiceCode.objects.filter(state=codes.FILED, order__in=filed_orders),
        outcome.state,
        "cancelled",
        spent=outcome.spent,
        reason=order.reference,
    )


def _move(rows: QuerySet[ServiceCode], target: str, action: str, *, spent: bool = False, reason: str = "") -> int:
    moved = 0
    for pk in list(rows.values_list("pk", flat=True)):
        with transaction.atomic():
            locked = ServiceCode.objects.select_for_update().get(pk=pk)
            if not codes.can_transition(locked.state, target):
                continue  # moved meanwhile
            now = clock.now()
            fields = ["state"]
            locked.state = target
            if target == codes.FILED:
                locked.filed_at = now
                fields.append("filed_at")
            elif target == codes.VOID:
                locked.spent, locked.voided_at, locked.void_reason = spent, now, reason
                fields += ["spent", "voided_at", "void_reason"]
            else:  # free again: no longer bound to the filing that ended
                locked.order, locked.bound_at = None, None
                fields += ["order", "bound_at"]
            locked.save(update_fields=fields)
            _audit(locked, action, None, spent=locked.spent, order=locked.order_id)
            moved += 1
    return moved


# --- reading -----------------------------------------------------------------------------------------


def codes_of_platform(platform) -> QuerySet[ServiceCode]:
    """Every code of the platform's organisations' sites (a platform sees only its own)."""
    return ServiceCode.objects.filter(organisation__platform=platform).select_related(
        "site", "organisation", "granted_to", "order"
    )


def codes_of_organisation(organisation) -> QuerySet[ServiceCode]:
    """The codes an account may see: of its own sites, and those granted to it."""
    return ServiceCode.objects.filter(Q(organisation=organisation) | Q(granted_to=organisation)).select_related(
        "site", "organisation", "granted_to", "order"
    )


@dataclass(frozen=True)
class AccountCodes:
    by_site: dict[int, list[ServiceCode]]  # the account's own sites' codes, newest first
    granted: list[ServiceCode]  # unused codes other accounts granted to this one


def codes_for_dashboard(organisation) -> AccountCodes:
    """What the applicant's dashboard shows: each site's codes and their states, and the codes granted to
    the account that it can still file with."""
    by_site: dict[int, list[ServiceCode]] = {}
    for code in codes_of_organisation(organisation).order_by("-created_at", "-pk"):
        if code.organisation_id == organisation.pk:
            by_site.setdefault(code.site_id, []).append(code)
    granted = list(
        codes_of_organisation(organisation).filter(granted_to=organisation, state=codes.UNBOUND).order_by("pk")
    )
    return AccountCodes(by_site=by_site, granted=granted)


def code_entry(*, organisation, site=None) -> str:
    """Whether the first step asks for a code: "required" (the operator setting), "optional" (the account
    has an unused code for this site, or one granted to it), or "" (no field)."""
    if code_required():
        return "required"
    usable = codes_of_organisation(organisation).filter(state=codes.UNBOUND)
    if site is not None:
        usable = usable.filter(site=site)
    return "optional" if usable.exists() else ""


def codes_search(*, q: str = "", state: str = "") -> QuerySet[ServiceCode]:
    """Operators: every code, newest first, by (part of) the code, the site's address or title, or the
    account's name; `state` one of codes.ALL."""
    rows = ServiceCode.objects.select_related("site", "organisation", "granted_to", "order")
    if state in codes.ALL:
        rows = rows.filter(state=state)
    text = (q or "").strip()
    if text:
        canonical = codes.parse(text)
        rows = rows.filter(
            Q(code=canonical or text.upper())
            | Q(code__icontains=text.upper())
            | Q(site__slug__icontains=text)
            | Q(site__title__icontains=text)
            | Q(organisation__name__icontains=text)
        )
    return rows.order_by("-created_at", "-pk")
