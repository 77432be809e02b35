"""Partner API v1 (django-ninja). Same services as the wizard. OpenAPI at /api/openapi.json, docs at /api/docs.

Errors are JSON {code, field, message, findings} (schemas.ErrorOut). Mutating calls accept an Idempotency-Key.
Schemas live in schemas.py; every operation declares each status it can answer with.
"""

from __future__ import annotations

from typing import Literal

from django.contrib.auth import authenticate
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Body, File, NinjaAPI, Query, Router
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.files import UploadedFile
from ninja.parser import Parser
from ninja.security import HttpBearer, django_auth

from beian.accounts import throttle, two_factor
from beian.accounts.models import ApiToken
from beian.accounts.permissions import organisation_of
from beian.api import platform_orders, provisioning, service_codes
from beian.api.common import (
    AUTH_ERRORS,
    BODY_ERRORS,
    IDEMPOTENCY_KEY,
    ORDER_ERRORS,
    PLATFORM_ERRORS,
    _finding,
    error,
    idempotent,
    tenant,
)
from beian.api.launch import router as launch_router
from beian.api.platform import PlatformBearer, RateLimited
from beian.api.schemas import (
    AccessNoticeOut,
    CancellationReasonOut,
    CreateOrderIn,
    ErrorOut,
    EtaOut,
    EventOut,
    FilingFooterOut,
    MaterialOut,
    OrderOut,
    OrderPatch,
    OrderRequestIn,
    OrderUpdateOut,
    PlatformTokenOut,
    PrecheckOut,
    PsbNumberIn,
    RiskOut,
    RulesOrder,
    SiteOut,
    SmsIn,
    SmsResultOut,
    SubjectFilingOut,
    SubmitIn,
    TokenIn,
    TokenOut,
    TokenRevokedOut,
    WebsiteFilingDetailOut,
)
from beian.core import audit, clock
from beian.core.exceptions import DomainError, NotFound, ValidationFailed
from beian.filings import changes as record_changes
from beian.filings import eta as order_eta
from beian.filings import fields as order_fields
from beian.filings import notices as access_notices
from beian.filings import psb, selectors, services
from beian.filings.detection import VerifyInput
from beian.filings.models import RecordStatus
from beian.filings.precheck import order_precheck
from beian.filings.validation import order_findings, payload_findings
from beian.hosting.footer import footer_snippet
from beian.hosting.models import HostedSite
from beian.materials import services as material_services
from beian.monitor import selectors as monitor
from beian.regulator.services import sms_verify
from beian.rules import record_orders
from beian.rules.domains import display_domain, record_domain, wire_domain


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        row = ApiToken.usable(clock.now()).select_related("user").filter(key_hash=ApiToken.hash(token)).first()
        if row is None:  # unknown, expired or revoked: 401
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.api_token = row
        request.user = row.user
        request.organisation = organisation_of(row.user)
        return row.user


class JsonParser(Parser):
    """JSON bodies as ninja parses them; an empty form (what many clients send for a POST without data) is no
    body, so the optional body of submit may be left out."""

    def parse_body(self, request):
        if request.content_type in {"multipart/form-data", "application/x-www-form-urlencoded"} and not (
            request.POST or request.FILES
        ):
            return None
        return super().parse_body(request)


API_DESCRIPTION = """The ICP filing (ICP备案) API for partners: create a filing order for a hosted site, fill it in,
upload its materials, ask whether it will pass, submit it for provider review and follow it.

**After the number**: `GET /api/v1/filings` lists your standing records (subjects, websites `-n`, domains,
access, history). A change or cancellation of a record (`CHANGE_*`, `CANCEL_*`) is an order like any other:
`POST /api/v1/orders` with its `filing_type` and `target`, fill in the fields that may change
(`PATCH /api/v1/orders/{id}`) and the reason or confirmation (`PATCH /api/v1/orders/{id}/request`), read what
it changes (`changes`, `request` on the order), then `GET …/findings` and `POST …/submit`. The record changes
only when the regulator approves. A monitor keeps checking filed websites: `GET /api/v1/risks` lists what it
found (with a deadline and how to rectify), and `GET /api/v1/access-notices` the notices that we will cancel our
access to a website that is not rectified.

**Authentication**: `POST /api/v1/auth/token` with a username and password returns a token; send it as
`Authorization: Bearer <token>`. (A logged-in browser session works too.) The token expires at its
`expires_at`; `DELETE /api/v1/auth/token` revokes it. Too many wrong passwords for a username from one
address answer 429 `auth.locked_out` for a while, even with the right password.

**Errors**: every 4xx answer is an `ErrorOut`: a stable `code`, the `field` path it is about (or empty), a
`message` in the request's language (`Accept-Language: en` for English, zh-hans otherwise) and the `findings`
behind it. Finding codes are stable; branch on codes, never on messages.

**Idempotency**: mutating calls accept an `Idempotency-Key` header. The first answer to a key is stored and
replayed for every repeat of the same request; the same key with a different request answers
422 `idempotency.key_reused`. Keys are scoped to your user and the operation.
"""

api = NinjaAPI(
    title="Beian partner API",
    version="1.0.0",
    description=API_DESCRIPTION,
    urls_namespace="api",
    parser=JsonParser(),
    auth=[BearerToken(), django_auth],
    docs_url="/docs",
)
v1 = Router()


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    return api.create_response(request, error(exc.code, exc.message, exc.field, exc.findings), status=exc.status)


@api.exception_handler(RateLimited)
def rate_limited(request, exc: RateLimited):
    response = api.create_response(request, error(exc.code, exc.message), status=429)
    response["Retry-After"] = str(exc.retry_after)
    response["X-RateLimit-Limit"] = str(exc.limit)
    return response


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    first = exc.errors[0] if exc.errors else {}
    loc = list(first.get("loc", []))
    # ("body", "payload", "site_id") -> "site_id": the path inside the JSON body; ("path", "order_id") -> "order_id"
    field = ".".join(str(p) for p in loc[2 if loc[:1] == ["body"] else 1 :])
    return api.create_response(
        request, error("invalid_request", first.get("msg", _("Invalid request")), field), status=422
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, error("not_found", _("Not found.")), status=404)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    """ninja's own refusals (a body that is not JSON: 400; a failed CSRF check of a session call: 403)."""
    code = {400: "invalid_request", 403: "permission_denied"}.get(exc.status_code, "error")
    return api.create_response(request, error(code, str(exc)), status=exc.status_code)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, error("unauthenticated", _("Log in or send a valid bearer token.")), status=401)


_tenant = tenant  # beian.api.common.tenant: the routers in other modules use it too


# --- output --------------------------------------------------------------------------------


def order_out(order, request) -> dict:
    return {
        "id": order.pk,
        "reference": order.reference,
        "status": order.status,
        "status_label": order.status_label,
        "filing_type": order.filing_type,
        "site_id": order.website.hosted_site_id,
        "filing_number": order.website.filing_number,
        "website_filing_numbers": [w.filing_number for w in order_fields.websites_of(order)],
        "max_websites": services.order_website_limit(order=order),
        "subject_filing_number": order.subject.filing_number,
        "target": target_out(order),
        "data": _with_domain_labels(order_fields.nest(_masked_snapshot(order))),
        "editable_fields": sorted(selectors.order_actions_for(order, request.user, member=True).editable_paths),
        "returned_fields": order.returned_fields,
        "materials": [material_out(m) for m in material_services.current_materials(order).values()],
        "changes": record_changes_out(order),
        "request": record_request_out(order),
    }


def _domain_out(domain: str) -> dict:
    """A domain (an A-label or as typed) as people read it and as filed."""
    return {"domain": display_domain(domain), "domain_ascii": record_domain(domain) or domain}


def record_changes_out(order) -> dict | None:
    """What a change or cancellation would change in the record (`RecordChangesOut`), PII masked as in `data`."""
    if not record_orders.is_record_type(order.filing_type):
        return None
    access = None
    if order.filing_type == record_orders.CHANGE_ACCESS:
        record = order.website.website_filing
        ours = record.accesses.filter(is_ours=True, status=RecordStatus.ACTIVE).first() if record else None
        access = {"from_site_id": ours.hosted_site_id if ours else None, "to_site_id": order.website.hosted_site_id}
    return {
        "record_diff": [
            {
                "path": c.path,
                "label": str(c.label),
                "old": order_fields.masked_value(c.field, _json_value(c.old)),
                "new": order_fields.masked_value(c.field, _json_value(c.new)),
                "old_display": c.old_display,
                "new_display": c.new_display,
            }
            for c in record_changes.record_diff(order)
        ],
        "domain_changes": [
            {
                "website_index": c.website_index,
                "added": [_domain_out(d) for d in c.added],
                "removed": [_domain_out(d) for d in c.removed],
            }
            for c in record_changes.domain_changes(order)
        ],
        "access": access,
    }


def _json_value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


CONFIRMATION_ASKS = {record_orders.CANCEL_WEBSITE: "domain", record_orders.CANCEL_SUBJECT: "subject_name"}


def record_request_out(order) -> dict | None:
    """A change or cancellation's reason, confirmation (never echoed: whether it matches, as the pre-review
    judges it) and hosted site (`RecordRequestOut`)."""
    if not record_orders.is_record_type(order.filing_type):
        return None
    irreversible = record_changes.irreversible(order.filing_type)
    required = irreversible and order.filing_type in CONFIRMATION_ASKS
    codes = {f.code for f in record_changes.record_order_findings(order)} if required else set()
    shell_website, shell_subject = record_changes.empty_shell_after(order)
    return {
        "reason_code": order.reason_code,
        "reason_text": record_changes.reason_text(order.reason_code, get_language() or "zh-hans")
        if order.reason_code
        else "",
        "reason_note": order.reason_note,
        "irreversible": irreversible,
        "confirmation_required": required,
        "confirmation_asks": CONFIRMATION_ASKS.get(order.filing_type, "") if required else "",
        "confirmation_given": bool(order.confirmation),
        "confirmation_matches": required and "cancel.confirmation.mismatch" not in codes,
        "hosted_site_id": order.website.hosted_site_id if order.filing_type == record_orders.CHANGE_ACCESS else None,
        "empty_shell": {"website": shell_website, "subject": shell_subject},
    }


def _order_ref_out(ref) -> dict | None:
    return {"id": ref.id, "reference": ref.reference} if ref else None


def filing_out(subject) -> dict:
    """A subject record (selectors.filing_records) as `SubjectFilingOut`."""
    return {
        "filing_number": subject.filing_number,
        "province": subject.province,
        "nature": subject.nature,
        "name": subject.name,
        "status": subject.status,
        "filed_at": subject.filed_at.isoformat(),
        "websites": [
            {
                "filing_number": w.filing_number,
                "sequence": w.sequence,
                "name": w.name,
                "status": w.status,
                "filed_at": w.filed_at.isoformat(),
                **website_record_out(w),
            }
            for w in subject.websites
        ],
        "history": [history_out(e) for e in subject.history],
    }


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def website_record_out(w) -> dict:
    """A website record (selectors.WebsiteRecord) as `WebsiteFilingOut`."""
    return {
        "filing_number": w.filing_number,
        "sequence": w.sequence,
        "name": w.name,
        "status": w.status,
        "filed_at": w.filed_at.isoformat(),
        "domains": [
            {"domain": d.domain, "domain_ascii": d.domain_ascii, "added_at": _iso(d.added_at)} for d in w.domains
        ],
        "removed_domains": [
            {
                "domain": d.domain,
                "domain_ascii": d.domain_ascii,
                "added_at": _iso(d.added_at),
                "removed_at": _iso(d.removed_at),
            }
            for d in w.removed_domains
        ],
        "access_records": [
            {
                "is_ours": a.is_ours,
                "provider_name": a.provider_name,
                "status": a.status,
                "since": a.since.isoformat(),
                "until": _iso(a.until),
                "hosted_site_id": a.hosted_site_id,
            }
            for a in w.accesses
        ],
        "created_by_order": _order_ref_out(w.created_by),
        "last_changed_by_order": _order_ref_out(w.last_changed_by),
        "psb_number": w.psb_number,
        "psb_deadline": w.psb_deadline.isoformat() if w.psb_deadline else None,
    }


def history_out(event) -> dict:
    """A record event (selectors.HistoryRow) as `RecordEventOut`."""
    return {
        "at": event.at.isoformat(),
        "action": event.action,
        "label": str(event.label),
        "filing_number": event.filing_number,
        "order": _order_ref_out(event.order),
        "fields": list(event.paths),
        "domains": [{"domain": d, "domain_ascii": record_domain(d) or d} for d in event.domains],
        "reason_code": event.reason_code,
        "reason_text": record_changes.reason_text(event.reason_code, get_language() or "zh-hans")
        if event.reason_code
        else "",
    }


def risk_out(risk) -> dict:
    """A monitor risk (monitor.selectors.RiskRow) as `RiskOut`, in the request's language."""
    return {
        "id": risk.pk,
        "code": risk.code,
        "kind": risk.kind,
        "severity": risk.severity,
        "message": risk.message,
        "fix": risk.fix,
        "deadline": risk.deadline.isoformat(),
        "days_left": risk.days_left,
        "website_number": risk.website_number or None,
        "subject_number": risk.subject_number,
        "domain": display_domain(risk.domain) if risk.domain else None,
        "domain_ascii": (record_domain(risk.domain) or risk.domain) if risk.domain else None,
        "concerns": risk.concerns,
        "status": risk.status,
        "found_at": risk.found_at.isoformat(),
        "checked_at": risk.checked_at.isoformat(),
        "resolved_at": _iso(risk.resolved_at),
        "resolution": risk.resolution,
    }


def access_notice_out(row) -> dict:
    """A cancel-access notice (filings.notices.NoticeRow) as `AccessNoticeOut`."""
    notice = row.notice
    return {
        "id": notice.pk,
        "website_number": row.filing_number,
        "website_name": row.website_name,
        "domains": [_domain_out(d) for d in row.domains],
        "reason_code": notice.reason_code,
        "reason": row.reason,
        "fix": row.fix,
        "note": notice.note,
        "status": notice.status,
        "status_label": str(notice.get_status_display()),
        "notified_at": notice.notified_at.isoformat(),
        "deadline": notice.deadline.isoformat() if notice.deadline else None,
        "working_days_left": row.working_days_left,
        "closed_at": _iso(notice.closed_at),
        "order": {"id": notice.order.pk, "reference": notice.order.reference} if notice.order else None,
    }


def target_out(order) -> dict:
    websites = order_fields.websites_of(order)
    record = order.subject_filing
    return {
        "subject_filing_number": record.filing_number if record else order.subject.filing_number,
        "website_filing_numbers": [w.filing_number for w in websites if w.filing_number],
        "domains": [w.domain for w in websites if w.domain],
    }


def material_out(material) -> dict:
    return {
        "slot": material.slot,
        "version": material.version,
        "check_status": material.check_status,
        "findings": [_finding(f) for f in material_services.material_findings_of(material)],
    }


def _with_domain_labels(data: dict) -> dict:
    """Each website's `domain` as people read it (U-label) and `domain_ascii` beside it (A-label); the same for
    a filed website's `other_domains` (`other_domains_ascii`)."""
    for website in data.get("websites") or []:
        stored = website.get("domain") or ""
        website["domain"] = display_domain(stored)
        website["domain_ascii"] = _ascii(stored)
        if "other_domains" in website:
            others = [str(d) for d in website.get("other_domains") or []]
            website["other_domains"] = [display_domain(d) for d in others]
            website["other_domains_ascii"] = [_ascii(d) for d in others]
    return data


def _ascii(stored: str) -> str:
    try:
        return wire_domain(stored) if stored else ""
    except ValueError:  # not a domain (yet): shown as typed; the rules say why
        return stored


def _masked_snapshot(order) -> dict:
    return {
        path: order_fields.masked_value(order_fields.BY_PATH[path], value)
        for path, value in order_fields.snapshot(order).items()
    }


# --- endpoints -----------------------------------------------------------------------------


@v1.post(
    "/auth/token",
    auth=None,
    response={200: TokenOut, 400: ErrorOut, 401: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    operation_id="auth_token",
    tags=["auth"],
    summary="Exchange a username and password for a bearer token",
    description="401 `invalid_credentials` when the username or password is wrong. A staff account with two-step "
    "verification on must send its authenticator's code in `otp`: 401 `auth.otp_required` without it, 400 "
    "`two_factor.code_wrong` (or 429 `two_factor.throttled`) for a wrong one. After too many wrong "
    "passwords for a username from one address, 429 `auth.locked_out` (even with the right password) until "
    "the time the message names; `Retry-After` gives the seconds. The token expires at `expires_at`.",
)
def token(request, payload: TokenIn):
    user = authenticate(request, username=payload.username, password=payload.password)
    if getattr(request, "axes_locked_out", False):
        response = api.create_response(request, error("auth.locked_out", throttle.locked_out_message()), status=429)
        response["Retry-After"] = str(int(throttle.cool_off().total_seconds()))
        return response
    if user is None:
        return 401, error("invalid_credentials", _("Wrong username or password."))
    if two_factor.second_factor_required(user):
        if not payload.otp:
            message = _("This account uses two-step verification: send the authenticator app's code in otp.")
            return 401, error("auth.otp_required", message, "otp")
        try:
            two_factor.totp_verify(user=user, code=payload.otp)
        except two_factor.TwoFactorError as exc:
            exc.field = "otp"  # the request's field; answered by the DomainError handler
            raise
    row, key = ApiToken.issue(user, name="api")
    return 200, {"token": key, "token_type": "Bearer", "expires_at": row.expires_at}


@v1.delete(
    "/auth/token",
    auth=[BearerToken()],
    response={200: TokenRevokedOut, **AUTH_ERRORS},
    operation_id="auth_token_revoke",
    tags=["auth"],
    summary="Revoke the calling bearer token",
    description="The token sent in `Authorization` stops working at once (401 from then on). Other tokens of "
    "the user stay valid.",
)
def token_revoke(request):
    row = request.api_token
    row.revoked_at = clock.now()
    row.save(update_fields=["revoked_at"])
    audit.record(action="api_token.revoked", target=row, actor=request.user, data={"prefix": row.prefix})
    return 200, {"prefix": row.prefix, "revoked_at": row.revoked_at}


@v1.get(
    "/sites",
    response={200: list[SiteOut], **AUTH_ERRORS},
    operation_id="sites_list",
    tags=["sites"],
    summary="Hosted sites of your organisation",
)
def sites(request):
    org = _tenant(request)
    return [
        {"id": s.pk, "slug": s.slug, "title": s.title, "domain": s.primary_domain}
        for s in HostedSite.objects.filter(organisation=org)
    ]


@v1.get(
    "/filings",
    response={200: list[SubjectFilingOut], **AUTH_ERRORS},
    operation_id="filings_list",
    tags=["filings"],
    summary="Your organisation's standing filing records",
    description="Every subject filed by your organisation (with us, or recorded here from another provider) with "
    "its websites (`-n`), their domains (U-label and A-label), access records and the orders that filed or last "
    "changed them. Records change only through the regulator's decisions on your orders. No personal data.",
)
def list_filings(request):
    return [filing_out(s) for s in selectors.filing_records(_tenant(request))]


@v1.get(
    "/filings/websites/{number}",
    response={200: WebsiteFilingDetailOut, **ORDER_ERRORS},
    operation_id="filings_website_get",
    tags=["filings"],
    summary="One filed website record by its number, with its history",
    description="`number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Active or "
    "cancelled: its domains (and those removed, with when), access records (ended ones with `until`), its "
    "subject, its history (each change with the order that made it, the field paths it changed, the "
    "domains it filed or removed and a cancellation's reason) and the compliance monitor's open `risks`. 404 "
    "`filing.not_found` for a number that is not one of your records. No personal data.",
)
def get_website_filing(request, number: str):
    number, org = number.strip(), _tenant(request)
    for subject in selectors.filing_records(org):
        for website in subject.websites:
            if website.filing_number == number:
                return {
                    **website_record_out(website),
                    "subject_filing_number": subject.filing_number,
                    "subject_name": subject.name,
                    "subject_status": subject.status,
                    "history": [history_out(e) for e in subject.history if e.filing_number == number],
                    "risks": [risk_out(r) for r in monitor.open_risks_of_website(org, number)],
                }
    raise NotFound(_("No such filed website."), code="filing.not_found", field="number")


@v1.get(
    "/risks",
    response={200: list[RiskOut], **AUTH_ERRORS},
    operation_id="risks_list",
    tags=["filings"],
    summary="The compliance monitor's risks of your filed websites",
    description="After filing, a monitor re-checks each filed website (the number in its footer, the domain's "
    "expiry, holder and real-name status, the principals' certificates, that we still host it). Each problem is a "
    "risk with a stable `code`, a `message` and a `fix` in the request's language and a `deadline` to rectify by; "
    "it is resolved by the first re-check that passes. Open ones first (soonest deadline first), then resolved "
    "ones. `status` (`open`, `resolved`) and `website_number` (a filing number `…-n`) filter the list; a website "
    "that is not yours lists nothing. No personal data.",
)
def list_risks(
    request,
    status: Literal["open", "resolved"] | None = Query(None, description="Only risks in this status."),
    website_number: str = Query("", max_length=80, description="Only the risks of this website (`…-n`)."),
):
    return [
        risk_out(r)
        for r in monitor.risks_of_organisation(_tenant(request), status=status, website_number=website_number)
    ]


@v1.get(
    "/access-notices",
    response={200: list[AccessNoticeOut], **AUTH_ERRORS},
    operation_id="access_notices_list",
    tags=["filings"],
    summary="Notices that we will cancel our access to a website of yours (取消接入)",
    description="When a filed website is not rectified (resources expired, no longer hosted here, a failed check), "
    "the access provider notifies you with a `reason` and a `deadline`; only after the deadline may it file a "
    "cancel access, which blocks the website's domains here once the regulator approves. Every notice you were "
    "sent, newest first; `status` (`open`, `withdrawn`, `confirmed`, `resolved`) filters them. Read-only.",
)
def list_access_notices(
    request,
    status: Literal["open", "withdrawn", "confirmed", "resolved"] | None = Query(
        None, description="Only notices in this status."
    ),
):
    return [
        access_notice_out(row)
        for row in access_notices.access_notices_addressed_to(_tenant(request), status=status or "")
    ]


@v1.get(
    "/cancellation-reasons",
    response={200: list[CancellationReasonOut], **AUTH_ERRORS},
    operation_id="cancellation_reasons_list",
    tags=["filings"],
    summary="The reasons you may give for a cancellation",
    description="From reference data (operator-maintained), in both languages and the request's. "
    "`filing_type` (`CANCEL_WEBSITE`, `CANCEL_SUBJECT`, `CANCEL_ACCESS`) lists that type's reasons; without "
    "it, every cancellation type's. 422 `invalid_request` (field `filing_type`) for a type that is not a "
    "cancellation. Send the `code` as `reason_code` in `PATCH /api/v1/orders/{id}/request`.",
)
def cancellation_reasons(request, filing_type: str = ""):
    _tenant(request)
    if filing_type and filing_type not in record_orders.CANCEL_TYPES:
        raise ValidationFailed(
            _("%(type)s is not a cancellation.") % {"type": filing_type}, code="invalid_request", field="filing_type"
        )
    english = (get_language() or "").startswith("en")
    out: dict[str, dict] = {}
    for kind in [filing_type] if filing_type else sorted(record_orders.CANCEL_TYPES):
        for reason in record_changes.cancellation_reasons(kind):
            out.setdefault(
                reason["code"],
                {
                    "code": reason["code"],
                    "text": reason.get("text_en" if english else "text_zh") or reason["code"],
                    "text_zh": reason.get("text_zh", ""),
                    "text_en": reason.get("text_en", ""),
                    "filing_types": [t for t in reason.get("filing_types") or [] if t in record_orders.CANCEL_TYPES],
                },
            )
    return list(out.values())


@v1.put(
    "/filings/websites/{number}/psb-number",
    response={200: SubjectFilingOut, **ORDER_ERRORS, **BODY_ERRORS},
    operation_id="filings_set_psb_number",
    tags=["filings"],
    summary="Enter a filed website's public-security filing number (公网安备)",
    description="`number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). The number is "
    "checked against the subject's province (rules §8.2, §7.2): 422 `psb.number.format`, `psb.number.prefix` or "
    "`psb.number.division` with a message, nothing changed. Once stored, the hosted footer shows it beside the ICP "
    "number. Answers the subject record. 404 for a website that is not your organisation's.",
)
def set_psb_number(request, number: str, payload: PsbNumberIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    org = _tenant(request)
    record = psb.website_filing_for_organisation(org, number)

    def produce():
        psb.website_filing_set_psb_number(website_filing=record, user=request.user, number=payload.psb_number)
        subject_number = record.subject_filing.filing_number
        return 200, filing_out(next(s for s in selectors.filing_records(org) if s.filing_number == subject_number))

    return idempotent(request, f"filings.{record.pk}.psb_number", produce, idempotency_key)


@v1.get(
    "/filings/websites/{number}/footer",
    response={200: FilingFooterOut, **ORDER_ERRORS},
    operation_id="filings_footer",
    tags=["filings"],
    summary="A filed website's footer (ICP number, public-security number) for pages you serve yourself",
    description="`number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Answers the "
    "footer generated from the record: `html` to paste at the bottom centre of the home page (the number linked to "
    "MIIT, rules §8.1; the public-security number with the emblem and its query link once entered, §8.2) and its "
    "`parts`. Hosted sites show it automatically. 404 for a website that is not your organisation's or no longer "
    "filed.",
)
def filing_footer(request, number: str):
    record = psb.website_filing_for_organisation(_tenant(request), number)
    return {"filing_number": record.filing_number, **footer_snippet(record.filing_number, record.psb_number)}


@v1.get(
    "/orders",
    response={200: list[OrderOut], **AUTH_ERRORS},
    operation_id="orders_list",
    tags=["orders"],
    summary="Your organisation's orders",
    description="The latest 100 orders of your organisation, newest first.",
)
def list_orders(request):
    orders = (
        selectors.orders_for_organisation(_tenant(request))
        .select_related("subject_filing")
        .prefetch_related("websites")[:100]
    )
    return [order_out(o, request) for o in orders]


@v1.post(
    "/orders",
    response={200: OrderOut, 201: OrderOut, **ORDER_ERRORS, **BODY_ERRORS},
    operation_id="orders_create",
    tags=["orders"],
    summary="Start a filing (a draft) for a hosted site or for domains",
    description="With the verify inputs (`province`, `nature`, `certificate_type`, `certificate_number`, "
    "`domains`) the filing type is detected as the regulator does it: the subject by its certificate and each "
    "domain, in our records and the regulator's records of other providers' filings. A requested `filing_type` "
    "that detection contradicts, a domain filed under another subject, a subject filed with us under another "
    "account and the like answer 422 with the reason's code and a message naming the right path; "
    "`order.filing_type.lookup_unavailable`: try again. Without them (first API version): the site's primary "
    "domain, the type from your organisation's records (`FIRST_FILING` or `NEW_WEBSITE`).\n\n"
    "One open order per target (its domains; a site without a domain: the site): when your organisation "
    "already has an open order for it, that order is returned with 200 instead of a new one (201). 422 "
    "`order.domain_in_pipeline` / `order.subject_in_pipeline` while a domain or the subject is in another "
    "filing in progress (any account). 404 `not_found` (field `site_id`) when the site is not one of yours.\n\n"
    "**Service code** (备案服务码): `service_code` binds the site's code to the new filing; while the operator "
    "requires one, a new filing without it answers 422 `service_code.required` (an open order is still "
    "returned).\n\n"
    "**A change or cancellation of a filed record**: `filing_type` (`CHANGE_SUBJECT`, `CHANGE_WEBSITE`, "
    "`CHANGE_FILING`, `CHANGE_ACCESS`, `CANCEL_SUBJECT`, `CANCEL_WEBSITE`, `CANCEL_ACCESS`) and `target` "
    "(`website_number` for the types about one website, `subject_number` for the subject's), nothing else. The "
    "draft starts from the data as filed and opens only what may change (`editable_fields`); the record is "
    "untouched until the regulator approves. One open order per record: the same type again answers 200 with "
    "that order; another type 422 `order.open_for_target` naming it. 422 `order.target_required` without a "
    "target, `record.not_active` for a cancelled record, `record.not_accessed_here` to change or cancel an "
    "access that is not ours; 404 `not_found` (field `target.…`) for a number that is not one of your records.",
)
def create_order(request, payload: CreateOrderIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    org = _tenant(request)

    def produce():
        if payload.target is not None or record_orders.is_record_type(payload.filing_type):
            return _create_record_order(request, org, payload)
        site = None
        if payload.site_id is not None:
            site = HostedSite.objects.filter(pk=payload.site_id, organisation=org).first()
            if site is None:
                return 404, error("not_found", _("Not found."), "site_id")
        verify = _verify_input(payload, site)
        if verify is None and site is None and not payload.service_code.strip():
            return 422, error(
                "invalid_request", _("Send a site_id, or the subject's certificate and the domains."), "site_id"
            )
        started = services.order_start(
            organisation=org,
            user=request.user,
            hosted_site=site,
            verify=verify,
            requested_type=payload.filing_type,
            service_code=payload.service_code,
        )
        return (201 if started.created else 200), order_out(started.order, request)

    return idempotent(request, "orders.create", produce, idempotency_key)


def _create_record_order(request, org, payload: CreateOrderIn):
    """POST /orders for a change or cancellation: one target record, nothing of a new filing."""
    kind, target = payload.filing_type, payload.target
    if target is None:
        raise ValidationFailed(
            _("A change or cancellation applies to a filed record: send its number in target."),
            code="order.target_required",
            field="target",
        )
    if not kind:
        raise ValidationFailed(
            _("Send the filing_type of the change or cancellation."), code="invalid_request", field="filing_type"
        )
    if payload.site_id is not None or _verify_input_sent(payload) or payload.service_code.strip():
        raise ValidationFailed(
            _("A change or cancellation starts from its record: send only filing_type and target."),
            code="invalid_request",
            field="target",
        )
    field = "target.website_number" if kind in record_orders.WEBSITE_TARGET_TYPES else "target.subject_number"
    number = (target.website_number if kind in record_orders.WEBSITE_TARGET_TYPES else target.subject_number).strip()
    if record_orders.is_record_type(kind) and not number:
        raise ValidationFailed(
            _("This type applies to a filed record: send %(field)s.") % {"field": field},
            code="order.target_required",
            field=field,
        )
    try:
        started = services.order_start_from_record(
            organisation=org,
            user=request.user,
            filing_type=kind,
            subject_number=target.subject_number.strip(),
            website_number=target.website_number.strip(),
        )
    except NotFound as missing:
        raise NotFound(missing.message, code=missing.code, field=field) from missing
    return (201 if started.created else 200), order_out(started.order, request)


def _verify_input_sent(payload: CreateOrderIn) -> bool:
    return bool(
        payload.certificate_number
        or payload.domains
        or payload.province
        or payload.nature is not None
        or payload.certificate_type is not None
    )


def _verify_input(payload: CreateOrderIn, site) -> VerifyInput | None:
    """The first step's inputs, when the client sent any; ValidationFailed when some are missing."""
    if not (payload.certificate_number or payload.domains or payload.province or payload.nature):
        return None
    domains = payload.domains or ([site.primary_domain] if site is not None and site.primary_domain else [])
    for name, value in (
        ("province", payload.province),
        ("nature", payload.nature),
        ("certificate_type", payload.certificate_type),
        ("certificate_number", payload.certificate_number.strip()),
        ("domains", domains),
    ):
        if value in (None, "", []):
            raise ValidationFailed(
                _("To detect the filing type, send %(field)s too.") % {"field": name},
                code="invalid_request",
                field=name,
            )
    return VerifyInput(
        province=payload.province,
        nature=payload.nature,
        certificate_type=payload.certificate_type,
        certificate_number=payload.certificate_number.strip(),
        domains=tuple(domains),
    )


@v1.get(
    "/orders/{order_id}",
    response={200: OrderOut, **ORDER_ERRORS},
    operation_id="orders_get",
    tags=["orders"],
    summary="One order with its data (PII masked)",
)
def get_order(request, order_id: int):
    return order_out(selectors.order_for_organisation(_tenant(request), order_id), request)


@v1.patch(
    "/orders/{order_id}",
    response={200: OrderUpdateOut, **ORDER_ERRORS, **BODY_ERRORS},
    operation_id="orders_update",
    tags=["orders"],
    summary="Update draft fields (nested JSON, partial)",
    description="Send any subset of the fields in `editable_fields`, nested as in `data`. The answer carries the "
    "rules' findings about the fields sent (errors here do not refuse the update; submit does). "
    "403 `field.locked` for a field that may not be changed now, 422 `field.unknown` / `field.invalid`. "
    "`websites` is a list: every website sent is stored (websites the order lacks are added); more websites "
    "than `max_websites` answer 422 `order.too_many_websites` and change nothing.\n\n"
    "A change of a filed record opens only what its type may change (the province, nature, certificate and a "
    "website's main domain never change: 403 `field.locked`); a website change adds or removes a website's "
    "other domains with `websites[i].other_domains`. Its findings come from the same pre-review as submit "
    "(`change.*`), about the fields sent.",
)
def update_order(request, order_id: int, payload: Body[OrderPatch], idempotency_key: str | None = IDEMPOTENCY_KEY):
    order = selectors.order_for_organisation(_tenant(request), order_id)

    def produce():
        values = order_fields.flatten(payload.get("data", payload))
        services.order_update(order=order, user=request.user, values=values)
        updated = selectors.order_for_organisation(_tenant(request), order_id)
        findings = [f for f in _findings_of(updated) if f.field in values]
        body = order_out(updated, request)
        body["findings"] = [_finding(f) for f in findings]
        return 200, body

    return idempotent(request, f"orders.{order_id}.update", produce, idempotency_key)


def _findings_of(order):
    """The findings a fill-in answers with: the rules over the fields (a new filing), or for a change or
    cancellation the pre-review's (field rules only over the part it changes, and its own `change.*`/`cancel.*`)."""
    if record_orders.is_record_type(order.filing_type):
        return list(order_precheck(order).findings)
    return order_findings(order)


@v1.patch(
    "/orders/{order_id}/request",
    response={200: OrderUpdateOut, **ORDER_ERRORS, **BODY_ERRORS},
    operation_id="orders_update_request",
    tags=["orders"],
    summary="Set a change or cancellation's reason, typed confirmation or new hosted site",
    description="For an order against a filed record (`CHANGE_*`, `CANCEL_*`): the cancellation's `reason_code` "
    "(from `GET /api/v1/cancellation-reasons`) and `reason_note`, the `confirmation` an irreversible "
    "cancellation asks to be typed, and for `CHANGE_ACCESS` the `hosted_site_id` that serves the website once "
    "approved. Keys left out keep their value. The answer is the order with the pre-review's findings about "
    "what was sent (`cancel.reason.*`, `cancel.confirmation.mismatch`, `change.access.nothing_changed`); submit "
    "refuses while they are errors. 422 `order.not_record_type` for another type, `order.not_change_access` for "
    "a hosted site on another type; 403 `order.not_editable` once submitted; 404 for a site that is not yours.",
)
def update_order_request(
    request, order_id: int, payload: OrderRequestIn, idempotency_key: str | None = IDEMPOTENCY_KEY
):
    org = _tenant(request)
    order = selectors.order_for_organisation(org, order_id)

    def produce():
        site = None
        if payload.hosted_site_id is not None:
            site = HostedSite.objects.filter(pk=payload.hosted_site_id, organisation=org).first()
            if site is None:
                raise NotFound(_("Not found."), field="hosted_site_id")
        services.order_set_request(
            order=order,
            user=request.user,
            reason_code=payload.reason_code,
            reason_note=payload.reason_note,
            confirmation=payload.confirmation,
            hosted_site=site,
        )
        sent = {name for name in ("reason_code", "reason_note", "confirmation") if getattr(payload, name) is not None}
        if site is not None:
            sent.add("hosted_site")
        updated = selectors.order_for_organisation(org, order_id)
        body = order_out(updated, request)
        body["findings"] = [_finding(f) for f in order_precheck(updated).findings if f.field in sent]
        return 200, body

    return idempotent(request, f"orders.{order_id}.request", produce, idempotency_key)


@v1.post(
    "/orders/{order_id}/materials/{slot}",
    response={201: MaterialOut, **ORDER_ERRORS},
    operation_id="materials_upload",
    tags=["materials"],
    summary="Upload a material to its slot",
    description="Multipart with one `file`. The file is sniffed and sanitised; the automated checks (OCR, "
    "face detection) run afterwards, so `check_status` is `pending` at first: read the order or "
    "`GET …/findings` later. 422 with an `upload.*` code (field `materials.<slot>`) for a file that is "
    "refused, 422 `material.unknown_slot`, 403 `material.locked` when the slot may not be changed now.",
)
def upload_material(
    request, order_id: int, slot: str, file: File[UploadedFile], idempotency_key: str | None = IDEMPOTENCY_KEY
):
    order = selectors.order_for_organisation(_tenant(request), order_id)

    def produce():
        material = material_services.material_upload(order=order, slot=slot, upload=file, user=request.user)
        material.refresh_from_db()
        return 201, material_out(material)

    return idempotent(request, f"orders.{order_id}.materials.{slot}", produce, idempotency_key)


@v1.get(
    "/orders/{order_id}/findings",
    response={200: PrecheckOut, **ORDER_ERRORS},
    operation_id="orders_findings",
    tags=["orders"],
    summary="Will this pass? Every finding of the whole order",
    description="The same pre-review submit runs: the rules over the complete order, missing materials and "
    "the findings of the materials' automated checks. `ok` is false while any finding is an error.",
)
def validate_order(request, order_id: int):
    order = selectors.order_for_organisation(_tenant(request), order_id)
    check = order_precheck(order)
    return {"ok": check.ok, "findings": [_finding(f) for f in check.findings]}


@v1.post(
    "/orders/{order_id}/submit",
    response={200: OrderOut, 409: ErrorOut, **ORDER_ERRORS, **BODY_ERRORS},
    operation_id="orders_submit",
    tags=["orders"],
    summary="Submit for provider review",
    description="Runs the same pre-review as `GET …/findings`. 422 `order.has_errors` with the blocking "
    "`findings` while it finds errors; 422 `order.warnings_unacknowledged` while a warning's code is missing "
    "from `acknowledged_warnings`; 409 `order.illegal_transition` when the order cannot be submitted in its "
    "state. Without a body nothing is acknowledged.",
)
def submit_order(
    request,
    order_id: int,
    payload: Body[SubmitIn | None] = None,
    idempotency_key: str | None = IDEMPOTENCY_KEY,
):
    order = selectors.order_for_organisation(_tenant(request), order_id)

    def produce():
        services.order_submit(
            order=order,
            user=request.user,
            acknowledged_warnings=payload.acknowledged_warnings if payload else [],
        )
        return 200, order_out(order, request)

    return idempotent(request, f"orders.{order_id}.submit", produce, idempotency_key)


@v1.get(
    "/orders/{order_id}/timeline",
    response={200: list[EventOut], **ORDER_ERRORS},
    operation_id="orders_timeline",
    tags=["orders"],
    summary="What happened to the order, oldest first",
)
def timeline(request, order_id: int):
    order = selectors.order_for_organisation(_tenant(request), order_id)
    return [
        {
            "at": e.at.isoformat(),
            "event": e.event,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "actor": e.actor_label,
            "reason": e.reason_text,
        }
        for e in selectors.timeline(order)
    ]


@v1.get(
    "/orders/{order_id}/eta",
    response={200: EtaOut, **ORDER_ERRORS},
    operation_id="orders_eta",
    tags=["orders"],
    summary="When the order should move on (working days, per stage and filing type)",
    description="The dates the applicant sees: when the current stage should end and when the regulator should "
    "decide, as a range (median, 90th percentile) in working days of the mainland calendar. Each stage's "
    "length comes from the province's recent history, or the published figures; a type with a review length "
    "of its own (cancellations: 1–5 working days) uses it, and a type without the MIIT SMS skips that stage. "
    "While the order waits on you, the dates assume you submit today (`hypothetical`).",
)
def eta(request, order_id: int):
    order = selectors.order_for_organisation(_tenant(request), order_id)
    found = order_eta.order_eta(order)
    if found is None:
        return {"status": order.status, "finished": True, "needs_sms": order_eta.needs_sms(order.filing_type)}
    return {
        "status": order.status,
        "finished": False,
        "stage": found.stage,
        "stage_end": _range_out(found.stage_end),
        "done": _range_out(found.filed),
        "hypothetical": found.hypothetical,
        "overdue": found.overdue,
        "needs_sms": order_eta.needs_sms(order.filing_type),
        "estimates": [{"stage": e.stage, "p50": e.p50, "p90": e.p90, "source": e.source} for e in found.estimates],
    }


def _range_out(dates) -> dict | None:
    return {"p50": dates.p50.isoformat(), "p90": dates.p90.isoformat()} if dates else None


@v1.post(
    "/orders/{order_id}/sms-verification",
    response={200: SmsResultOut, **ORDER_ERRORS, **BODY_ERRORS, 422: SmsResultOut},
    operation_id="orders_sms_verification",
    tags=["orders"],
    summary="Enter a MIIT SMS verification code",
    description="422 with `ok: false` and code `sms.wrong` for a wrong code (the shape is an `ErrorOut` plus "
    "`ok` and `all_verified`); 422 `sms.not_pending` when no verification is pending.",
)
def sms_verification(request, order_id: int, payload: SmsIn, idempotency_key: str | None = IDEMPOTENCY_KEY):

    order = selectors.order_for_organisation(_tenant(request), order_id)

    def produce():
        result = sms_verify(
            order=order, mobile=payload.mobile, code=payload.code, certificate_tail=payload.certificate_tail
        )
        message = result.message_en if (get_language() or "").startswith("en") else result.message_zh
        return (200 if result.ok else 422), {
            "ok": result.ok,
            "all_verified": result.all_verified,
            "message": message,
            "code": "" if result.ok else "sms.wrong",
            "field": "" if result.ok else "code",
            "findings": [],
        }

    return idempotent(request, f"orders.{order_id}.sms-verification", produce, idempotency_key)


@v1.post(
    "/validate",
    response={200: PrecheckOut, 400: ErrorOut, 401: ErrorOut, 422: ErrorOut},
    operation_id="validate",
    tags=["validation"],
    summary="Validate a partial or full order (the rules engine's JSON shape)",
    description="Body: an order as in `python -m beian.rules validate --schema`. `?complete=1` also reports "
    "required fields that are empty. Returns every finding with its stable code. What is already filed for "
    "the subject's certificate and the websites' domains is looked up exactly as when an order is created, "
    "edited in the wizard or submitted (the body's `existing` is ignored), so all give the same answer.",
)
def validate(request, payload: Body[RulesOrder], complete: bool = False):

    findings = payload_findings(payload, complete=complete, organisation=_tenant(request))
    return {"ok": not any(f.is_error for f in findings), "findings": [_finding(f) for f in findings]}


platform_router = Router(tags=["platform"], auth=PlatformBearer())


@platform_router.get("/token", response={200: PlatformTokenOut, **PLATFORM_ERRORS}, operation_id="platform_token_read")
def platform_token_read(request):
    """The calling token: its platform, scopes, expiry and rate limit (check a key before using it)."""
    token = request.platform_token
    return {
        "platform": token.platform.slug,
        "name": token.name,
        "prefix": token.prefix,
        "scopes": token.scopes,
        "expires_at": token.expires_at,
        "rate_limit_per_minute": token.rate_limit_per_minute,
    }


# The platform's routers (auth: a platform token with the router's scope), one line each.
v1.add_router("/platform", platform_router)
v1.add_router("/platform/webhooks", "beian.api.webhooks.router")
v1.add_router("/platform/launch-links", launch_router)
v1.add_router("/platform/service-codes", service_codes.router)
v1.add_router("/platform/orders", platform_orders.router)
v1.add_router("/support", "beian.api.support.router")
v1.add_router("/platform", provisioning.router)

api.add_router("/v1", v1)
