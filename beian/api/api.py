"""Partner API v1 (django-ninja). Same services as the wizard. OpenAPI at /api/openapi.json.

Errors are JSON {code, field, message, findings}. Mutating calls accept an Idempotency-Key.
"""

from __future__ import annotations

import json

from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Body, File, NinjaAPI, Router, Schema
from ninja.errors import AuthenticationError, ValidationError
from ninja.files import UploadedFile
from ninja.security import HttpBearer, django_auth

from beian.accounts.models import ApiToken
from beian.accounts.permissions import organisation_of
from beian.api.models import IdempotencyRecord
from beian.core.exceptions import DomainError
from beian.filings import fields as order_fields
from beian.filings import selectors, services
from beian.filings.precheck import order_precheck
from beian.filings.validation import order_findings
from beian.hosting.models import HostedSite
from beian.materials import services as material_services


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        row = (
            ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash(token), user__is_active=True).first()
        )
        if row is None:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        request.organisation = organisation_of(row.user)
        return row.user


api = NinjaAPI(
    title="Beian partner API",
    version="1.0.0",
    urls_namespace="api",
    auth=[BearerToken(), django_auth],
    docs_url="/docs",
)
v1 = Router()


def error(code: str, message: str, field: str = "", findings=None) -> dict:
    return {"code": code, "field": field, "message": message, "findings": [_finding(f) for f in findings or []]}


def _finding(f) -> dict:
    data = f.as_dict()
    data["message"] = f.message(get_language() or "zh-hans")
    return data


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    return api.create_response(request, error(exc.code, exc.message, exc.field, exc.findings), status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    first = exc.errors[0] if exc.errors else {}
    field = ".".join(str(p) for p in first.get("loc", [])[1:])
    return api.create_response(
        request, error("invalid_request", first.get("msg", _("Invalid request")), field), status=422
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, error("not_found", _("Not found.")), status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, error("unauthenticated", _("Log in or send a valid bearer token.")), status=401)


def _tenant(request):
    org = getattr(request, "organisation", None) or organisation_of(request.user)
    if org is None:
        raise DomainError(_("This account has no organisation."), code="permission_denied")
    return org


def idempotent(request, endpoint: str, produce):
    """Run `produce()` once per (user, Idempotency-Key, endpoint); replay the stored response after."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        return produce()
    stored = IdempotencyRecord.objects.filter(user=request.user, key=key, endpoint=endpoint).first()
    if stored:
        return stored.status, stored.body
    status, body = produce()
    try:
        with transaction.atomic():
            IdempotencyRecord.objects.create(
                user=request.user,
                key=key,
                endpoint=endpoint,
                status=status,
                body=json.loads(json.dumps(body, default=str)),
            )
    except IntegrityError:
        stored = IdempotencyRecord.objects.get(user=request.user, key=key, endpoint=endpoint)
        return stored.status, stored.body
    return status, body


# --- schemas -------------------------------------------------------------------------------


class TokenIn(Schema):
    username: str
    password: str


class CreateOrderIn(Schema):
    site_id: int


class SubmitIn(Schema):
    acknowledged_warnings: list[str] = []  # the warning codes the user acknowledged (GET .../findings)


class SmsIn(Schema):
    mobile: str
    code: str
    certificate_tail: str


def order_out(order, request) -> dict:
    return {
        "id": order.pk,
        "reference": order.reference,
        "status": order.status,
        "status_label": order.status_label,
        "filing_type": order.filing_type,
        "site_id": order.website.hosted_site_id,
        "filing_number": order.website.filing_number,
        "subject_filing_number": order.subject.filing_number,
        "data": order_fields.nest(_masked_snapshot(order)),
        "editable_fields": sorted(selectors.order_actions_for(order, request.user, member=True).editable_paths),
        "returned_fields": order.returned_fields,
        "materials": [
            {"slot": m.slot, "version": m.version, "check_status": m.check_status, "findings": m.findings}
            for m in material_services.current_materials(order).values()
        ],
    }


def _masked_snapshot(order) -> dict:
    return {
        path: order_fields.masked_value(order_fields.BY_PATH[path], value)
        for path, value in order_fields.snapshot(order).items()
    }


# --- endpoints -----------------------------------------------------------------------------


@v1.post(
    "/auth/token",
    auth=None,
    response={200: dict, 401: dict},
    summary="Exchange a username and password for a bearer token",
)
def token(request, payload: TokenIn):
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        return 401, error("invalid_credentials", _("Wrong username or password."))
    _row, key = ApiToken.issue(user, name="api")
    return 200, {"token": key, "token_type": "Bearer"}


@v1.get("/sites", response=list[dict], summary="Hosted sites of your organisation")
def sites(request):
    org = _tenant(request)
    return [
        {"id": s.pk, "slug": s.slug, "title": s.title, "domain": s.primary_domain}
        for s in HostedSite.objects.filter(organisation=org)
    ]


@v1.get("/orders", response=list[dict], summary="Your organisation's orders")
def list_orders(request):
    return [order_out(o, request) for o in selectors.orders_for_organisation(_tenant(request))[:100]]


@v1.post("/orders", response={201: dict, 200: dict, 404: dict}, summary="Create a draft filing for a hosted site")
def create_order(request, payload: CreateOrderIn):
    org = _tenant(request)

    def produce():
        site = HostedSite.objects.filter(pk=payload.site_id, organisation=org).first()
        if site is None:
            return 404, error("not_found", _("Not found."), "site_id")
        order = services.order_create_draft(organisation=org, user=request.user, hosted_site=site)
        return 201, order_out(order, request)

    return idempotent(request, "orders.create", produce)


@v1.get("/orders/{order_id}", response=dict, summary="One order with its data (PII masked)")
def get_order(request, order_id: int):
    return order_out(selectors.order_for_organisation(_tenant(request), order_id), request)


@v1.patch("/orders/{order_id}", response={200: dict, 422: dict}, summary="Update draft fields (nested JSON, partial)")
def update_order(request, order_id: int, payload: Body[dict]):
    order = selectors.order_for_organisation(_tenant(request), order_id)
    values = order_fields.flatten(payload.get("data", payload))
    services.order_update(order=order, user=request.user, values=values)
    order = selectors.order_for_organisation(_tenant(request), order_id)
    findings = [f for f in order_findings(order) if f.field in values]
    body = order_out(order, request)
    body["findings"] = [_finding(f) for f in findings]
    return 200, body


@v1.post("/orders/{order_id}/materials/{slot}", response={201: dict}, summary="Upload a material to its slot")
def upload_material(request, order_id: int, slot: str, file: File[UploadedFile]):
    order = selectors.order_for_organisation(_tenant(request), order_id)
    material = material_services.material_upload(order=order, slot=slot, upload=file, user=request.user)
    material.refresh_from_db()
    return 201, {
        "slot": material.slot,
        "version": material.version,
        "check_status": material.check_status,
        "findings": [_finding(f) for f in material_services.material_findings_of(material)],
    }


@v1.get("/orders/{order_id}/findings", response=dict, summary="Will this pass? Every finding of the whole order")
def validate_order(request, order_id: int):
    order = selectors.order_for_organisation(_tenant(request), order_id)
    check = order_precheck(order)
    return {"ok": check.ok, "findings": [_finding(f) for f in check.findings]}


@v1.post("/orders/{order_id}/submit", response={200: dict, 422: dict, 409: dict}, summary="Submit for provider review")
def submit_order(request, order_id: int, payload: Body[SubmitIn | None] = None):
    order = selectors.order_for_organisation(_tenant(request), order_id)

    def produce():
        services.order_submit(
            order=order,
            user=request.user,
            acknowledged_warnings=payload.acknowledged_warnings if payload else [],
        )
        return 200, order_out(order, request)

    return idempotent(request, f"orders.{order_id}.submit", produce)


@v1.get("/orders/{order_id}/timeline", response=list[dict], summary="What happened to the order, oldest first")
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


@v1.post(
    "/orders/{order_id}/sms-verification", response={200: dict, 422: dict}, summary="Enter a MIIT SMS verification code"
)
def sms_verification(request, order_id: int, payload: SmsIn):
    from beian.regulator.services import sms_verify

    order = selectors.order_for_organisation(_tenant(request), order_id)
    result = sms_verify(
        order=order, mobile=payload.mobile, code=payload.code, certificate_tail=payload.certificate_tail
    )
    message = result.message_en if (get_language() or "").startswith("en") else result.message_zh
    return (200 if result.ok else 422), {
        "ok": result.ok,
        "all_verified": result.all_verified,
        "message": message,
        "code": "" if result.ok else "sms.wrong",
    }


@v1.post(
    "/validate",
    response=dict,
    summary="Validate a partial or full order (the rules engine's JSON shape)",
    description="Body: an order as in `python -m beian.rules validate --schema`. `?complete=1` also reports "
    "required fields that are empty. Returns every finding with its stable code.",
)
def validate(request, payload: Body[dict], complete: bool = False):
    from beian.filings.validation import payload_findings

    findings = payload_findings(payload, complete=complete)
    return {"ok": not any(f.is_error for f in findings), "findings": [_finding(f) for f in findings]}


api.add_router("/v1", v1)
