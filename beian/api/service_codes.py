"""The platform's service codes (备案服务码, rules file §8.6): `/api/v1/platform/service-codes`.

The site builder generates codes for its hosted sites (within the quota reference data sets per site),
shows them to its users on its 备案服务码 page, grants one to another of its accounts where reference data
allows it, voids unused ones, and reads what became of each (unused, in a filing, filed, void). The
applicant enters a code when starting a filing (wizard, `POST /api/v1/orders`). Auth: a platform token
with the `service_codes` scope; a platform sees only the codes of its own organisations' sites (another
platform's code answers 404). Sites are named by our `site_id` (`GET /api/v1/sites`). Services:
beian.filings.service_codes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from beian.accounts.agents import PlatformAgent
from beian.accounts.models import Organisation
from beian.api.common import IDEMPOTENCY_KEY, PLATFORM_ERRORS, idempotent
from beian.api.pagination import CURSOR, LIMIT, page_out, paginate
from beian.api.platform import PlatformBearer
from beian.api.schemas import ErrorOut
from beian.core.exceptions import NotFound
from beian.filings import codes, service_codes
from beian.hosting.selectors import site_of_platform

router = Router(tags=["platform: service codes"], auth=PlatformBearer("service_codes"))

# The statuses of a call about one site or code.
FOUND_ERRORS = {**PLATFORM_ERRORS, 404: ErrorOut, 400: ErrorOut}


# --- schemas -----------------------------------------------------------------------------------------


class ServiceCodeOrderOut(Schema):
    id: int
    reference: str
    status: str


class ServiceCodeOut(Schema):
    code: str = Field(..., description="`BA-XXXX-XXXX-XXXX`: what the applicant types (case and hyphens optional).")
    state: Literal["unbound", "in_filing", "filed", "void"] = Field(
        ...,
        description="`unbound`: not used yet; `in_filing`: bound to a filing in progress (`order`); `filed`: its "
        "filing was approved; `void`: voided, spent by a filing that ended unapproved (single-use codes), or its "
        "filing was cancelled.",
    )
    state_label: str = Field(..., description="The state in the request's language.")
    site_id: int = Field(..., description="The hosted site (provider resource) the code belongs to.")
    organisation: str = Field(..., description="Your account id of the organisation that owns the site.")
    granted_to: str | None = Field(None, description="Your account id of the organisation it is granted to.")
    counts_against_quota: bool = Field(
        ..., description="Whether it holds one of the site's places (a void code only when not refunded)."
    )
    order: ServiceCodeOrderOut | None = Field(None, description="The filing it is bound to (or was spent by).")
    created_at: datetime
    granted_at: datetime | None = None
    bound_at: datetime | None = None
    filed_at: datetime | None = None
    voided_at: datetime | None = None
    void_reason: str = ""


class QuotaOut(Schema):
    per_site: int = Field(..., description="Codes a site may have in use (reference data, operator-maintained).")
    in_use: int = Field(..., description="Codes of this site holding a place: unused, in a filing, filed, spent.")
    left: int = Field(..., description="How many more can be generated now.")


class GeneratedOut(Schema):
    items: list[ServiceCodeOut]
    quota: QuotaOut


class ServiceCodePageOut(Schema):
    items: list[ServiceCodeOut]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null after the last.")


class GenerateIn(Schema):
    site_id: int = Field(..., description="A hosted site of one of your organisations.")
    count: int = Field(1, description="How many codes (1–100); refused as a whole when they do not all fit.")


class GrantIn(Schema):
    organisation: str = Field(
        ...,
        max_length=100,
        description="Your account id of the organisation that may file with the code. The code's own "
        "organisation takes a grant back.",
    )


class VoidIn(Schema):
    reason: str = Field("", max_length=200, description="Why (kept with the code).")


# --- rendering and lookups ---------------------------------------------------------------------------


def code_out(code) -> dict:
    order = code.order
    return {
        "code": code.code,
        "state": code.state,
        "state_label": code.state_label,
        "site_id": code.site_id,
        "organisation": code.organisation.external_id,
        "granted_to": code.granted_to.external_id if code.granted_to else None,
        "counts_against_quota": codes.counts_against_quota(code.state, spent=code.spent),
        "order": {"id": order.pk, "reference": order.reference, "status": order.status} if order else None,
        "created_at": code.created_at,
        "granted_at": code.granted_at,
        "bound_at": code.bound_at,
        "filed_at": code.filed_at,
        "voided_at": code.voided_at,
        "void_reason": code.void_reason,
    }


def quota_out(site) -> dict:
    quota = service_codes.site_quota(site)
    return {"per_site": quota.per_resource, "in_use": quota.in_use, "left": quota.left}


def platform_site(platform, site_id: int, field: str = "site_id"):
    """A hosted site of one of the platform's organisations; 404 (field `site_id`) otherwise."""
    site = site_of_platform(platform, str(site_id))
    if site is None:
        raise NotFound(_("Not found."), field=field)
    return site


def platform_organisation(platform, external_id: str, field: str = "organisation") -> Organisation:
    """One of the platform's organisations by its account id; 404 (field `organisation`) otherwise."""
    found = Organisation.objects.filter(platform=platform, external_id=(external_id or "").strip()).first()
    if found is None or not found.external_id:
        raise NotFound(_("No such account."), field=field)
    return found


def _code(request, typed: str):
    canonical = codes.parse(typed)
    found = service_codes.codes_of_platform(request.platform).filter(code=canonical).first() if canonical else None
    if found is None:
        raise NotFound(_("No such service code."), code="not_found", field="code")
    return found


# --- endpoints ---------------------------------------------------------------------------------------


@router.post(
    "",
    response={201: GeneratedOut, **FOUND_ERRORS},
    operation_id="platform_service_codes_generate",
    summary="Generate service codes for a hosted site",
    description="`count` new codes for `site_id`, within the site's quota (reference data: "
    "`provider_resources.service_codes_per_resource`; a code holds a place while unused, in a filing or filed, "
    "and while void only when not refunded). 422 `service_code.quota_exceeded` (field `count`) when they do not "
    "all fit, nothing generated; `service_code.count_invalid` outside 1–100. 404 (field `site_id`) for a site "
    "that is not one of your organisations'. Answers the codes and the site's quota after.",
)
def generate(request, payload: GenerateIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    site = platform_site(request.platform, payload.site_id)

    def produce():
        made = service_codes.service_code_generate(site=site, count=payload.count, actor=_agent(request, site))
        return 201, {"items": [code_out(c) for c in made], "quota": quota_out(site)}

    return idempotent(request, f"service_codes.generate.{site.pk}", produce, idempotency_key)


@router.get(
    "",
    response={200: ServiceCodePageOut, **PLATFORM_ERRORS},
    operation_id="platform_service_codes_list",
    summary="Your organisations' service codes, in the order they were generated",
    description="Filters: `site_id`, `state`, `organisation` (your account id; its own codes and those granted "
    "to it). Cursor pagination: pass `next_cursor` as `cursor` until it is null; 422 `pagination.cursor_invalid`, "
    "`pagination.limit_invalid`.",
)
def list_codes(
    request,
    site_id: int | None = None,
    state: Literal["unbound", "in_filing", "filed", "void"] | None = None,
    organisation: str = Query("", max_length=100),
    cursor: str | None = CURSOR,
    limit: int | None = LIMIT,
):
    rows = service_codes.codes_of_platform(request.platform)
    if site_id is not None:
        rows = rows.filter(site_id=site_id)
    if state:
        rows = rows.filter(state=state)
    if organisation:
        account = Organisation.objects.filter(platform=request.platform, external_id=organisation).first()
        rows = rows.filter(pk__in=service_codes.codes_of_organisation(account).values("pk")) if account else rows.none()
    return page_out(paginate(rows, cursor, limit), code_out)


@router.get(
    "/quota/{site_id}",
    response={200: QuotaOut, **FOUND_ERRORS},
    operation_id="platform_service_codes_quota",
    summary="How many codes a hosted site may still get",
)
def quota(request, site_id: int):
    return quota_out(platform_site(request.platform, site_id))


@router.get(
    "/{code}",
    response={200: ServiceCodeOut, **FOUND_ERRORS},
    operation_id="platform_service_codes_get",
    summary="One service code and what became of it",
    description="`code` as typed (`BA-XXXX-XXXX-XXXX`; case and hyphens optional). 404 for a code that is not "
    "one of your organisations'.",
)
def get_code(request, code: str):
    return code_out(_code(request, code))


@router.post(
    "/{code}/grant",
    response={200: ServiceCodeOut, 409: ErrorOut, **FOUND_ERRORS},
    operation_id="platform_service_codes_grant",
    summary="Let another of your accounts file with this code",
    description="The account files with the code's site as its resource (the wizard or `POST /api/v1/orders` "
    "with the code and no site). Only an unused code: 409 `service_code.in_use`, `.filed`, `.void`. 403 "
    "`service_code.grant_not_allowed` where reference data does not allow cross-account grants. The code's own "
    "organisation takes the grant back. 404 (field `organisation`) for an account that is not yours.",
)
def grant(request, code: str, payload: GrantIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    found = _code(request, code)
    to = platform_organisation(request.platform, payload.organisation)

    def produce():
        granted = service_codes.service_code_grant(code=found, to_organisation=to, actor=_agent(request, found.site))
        return 200, code_out(granted)

    return idempotent(request, f"service_codes.{found.pk}.grant", produce, idempotency_key)


@router.post(
    "/{code}/void",
    response={200: ServiceCodeOut, 409: ErrorOut, **FOUND_ERRORS},
    operation_id="platform_service_codes_void",
    summary="Void an unused service code",
    description="Its place in the site's quota is free again. A code bound to a filing in progress (409 "
    "`service_code.in_use`) or backing a filed website (409 `service_code.filed`) is not voided: the filing "
    "decides (abandoned, cancelled).",
)
def void(request, code: str, payload: VoidIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    found = _code(request, code)

    def produce():
        voided = service_codes.service_code_void(code=found, actor=_agent(request, found.site), reason=payload.reason)
        return 200, code_out(voided)

    return idempotent(request, f"service_codes.{found.pk}.void", produce, idempotency_key)


def _agent(request, site) -> PlatformAgent:
    """The platform acting for the organisation that owns `site` (audited as `platform:<slug>`)."""
    return PlatformAgent(platform=request.platform, organisation_id=site.organisation_id)
