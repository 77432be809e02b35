"""Prefilled orders for the site builder: `/api/v1/platform/orders`.

The platform creates a draft filing for one of its organisations' sites with what it already knows (the
subject and website data, in the nested shape `PATCH /api/v1/orders/{id}` takes) and hands its user a
launch link into the wizard, where the applicant checks, completes and submits it. It then follows the
order's status. Auth: a platform token with the `orders` scope; a platform sees only the orders of its own
organisations (another's answers 404). Service: beian.filings.services.order_prefill.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from pydantic import ConfigDict, WithJsonSchema

from beian.accounts.agents import PlatformAgent
from beian.accounts.launch import launch_link_issue
from beian.accounts.models import User
from beian.api.common import IDEMPOTENCY_KEY, _finding, idempotent
from beian.api.platform import PlatformBearer
from beian.api.schemas import FindingOut, order_data_json_schema
from beian.api.service_codes import FOUND_ERRORS, platform_organisation, platform_site
from beian.core.exceptions import NotFound
from beian.filings import fields as order_fields
from beian.filings import services, states
from beian.filings.models import Order, ServiceCode
from beian.filings.precheck import order_precheck
from beian.filings.validation import order_findings

router = Router(tags=["platform: orders"], auth=PlatformBearer("orders"))

_data_schema = order_data_json_schema()
_data_schema["description"] = (
    "What you know of the filing, nested as in `PATCH /api/v1/orders/{id}` (`subject`, `subject.principal`, "
    "`websites[i]` and their `principal`). With the subject's `province`, `nature`, `certificate_type` and "
    "`certificate_number` the filing type is detected as at the wizard's first step (the domains: the websites' "
    "`domain`, or the site's own); without them it follows the account's records. A field the order does not "
    "have answers 422 `field.unknown` (field: its path), a value of the wrong type 422 `field.invalid`; nothing "
    "is created then."
)
PrefillData = Annotated[dict[str, Any], WithJsonSchema(_data_schema)]


class PrefillIn(Schema):
    model_config = ConfigDict(extra="forbid")

    organisation: str = Field(..., max_length=100, description="Your account id of the organisation that files.")
    site_id: int = Field(
        ...,
        description="The hosted site to file (ours: `GET /api/v1/sites`); a site of another of your accounts only "
        "with a `service_code` granted to this one.",
    )
    user: str = Field(
        "",
        max_length=100,
        description="Your id of the user who will finish the filing: the launch link is for them, and they are "
        "the order's creator when they are a member of the organisation.",
    )
    service_code: str = Field(
        "",
        max_length=40,
        description="The site's service code, bound to the filing (required while the operator requires one: 422 "
        "`service_code.required`; `service_code.*` codes as for `POST /api/v1/orders`).",
    )
    data: PrefillData = Field(default_factory=dict)


class PrefilledOut(Schema):
    id: int
    reference: str = Field(..., description="The order's reference, as the applicant sees it (e.g. `BA2026…`).")
    status: str
    filing_type: str
    created: bool = Field(
        ...,
        description="False: the organisation already had an open order for this site or its domains; it is "
        "answered (200) and nothing was applied to it.",
    )
    applied_fields: list[str] = Field(..., description="The field paths set on the new draft.")
    skipped_fields: list[str] = Field(
        ..., description="Paths the draft takes from the filed record (a filed subject) or does not open."
    )
    findings: list[FindingOut] = Field(..., description="The rules' findings about the fields applied.")
    launch_url: str | None = Field(
        None,
        description="A link that signs `user` in and opens the order in the wizard, valid for a few minutes "
        "(`POST /api/v1/platform/launch-links` gives a fresh one); null without `user`, and for a filing of "
        "another account's site with a granted code.",
    )


class FindingsSummaryOut(Schema):
    ok: bool = Field(..., description="No error remains (the applicant can submit once warnings are read).")
    errors: int
    warnings: int
    codes: list[str] = Field(..., description="The finding codes, each once, errors first.")


class PlatformOrderOut(Schema):
    id: int
    reference: str
    status: str = Field(..., description="The order status (`DRAFT`, `PENDING_PROVIDER_REVIEW`, … `APPROVED`).")
    status_label: str = Field(..., description="The status in the request's language.")
    filing_type: str
    organisation: str = Field(..., description="Your account id of the organisation.")
    site_id: int | None
    created_at: datetime
    status_changed_at: datetime
    submitted_at: datetime | None
    findings: FindingsSummaryOut | None = Field(
        None, description="While the applicant can still change the order: what the pre-review finds."
    )
    subject_filing_number: str | None = Field(None, description="Once filed: the subject's number.")
    website_filing_numbers: list[str] = Field(..., description="Once filed: each website's `-n` number.")
    service_code: str | None = Field(None, description="The service code bound to the order.")


def launch_url_for(*, platform, user: str, site, order) -> str | None:
    """The launch link into `order` for the platform's user `user` (beian.accounts.launch); None without a
    user, or when the order is another account's than the site's (a filing with a granted code: the
    grantee has no site of its own to land on)."""
    if not user.strip() or order.organisation_id != site.organisation_id:
        return None
    return launch_link_issue(platform=platform, user=user.strip(), site=site, order=order)


def _member(platform, organisation, external_id: str) -> User | None:
    if not external_id.strip():
        return None
    return User.objects.filter(
        platform=platform, external_id=external_id.strip(), memberships__organisation=organisation
    ).first()


@router.post(
    "",
    response={200: PrefilledOut, 201: PrefilledOut, **FOUND_ERRORS},
    operation_id="platform_orders_prefill",
    summary="Create a prefilled draft filing and a launch link for the applicant",
    description="A draft filing for `site_id` of your organisation `organisation`, filled in with `data`, started "
    "as the wizard starts one (one open order per site or domain: an open one is answered with 200 and "
    "`created: false`; 422 `order.domain_in_pipeline`, `order.subject_in_pipeline` and the detection's codes as "
    "for `POST /api/v1/orders`). 404 (field `organisation` or `site_id`) for an account or site that is not "
    "yours. The applicant finds the order in the wizard with these values filled in and submits it; follow it "
    "with `GET /api/v1/platform/orders/{id}`.",
)
def prefill(request, payload: PrefillIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    platform = request.platform
    organisation = platform_organisation(platform, payload.organisation)
    site = platform_site(platform, payload.site_id)
    if site.organisation_id != organisation.pk and not payload.service_code.strip():
        raise NotFound(_("Not found."), field="site_id")  # another account's site: only with a granted code
    agent = PlatformAgent(
        platform=platform,
        organisation_id=organisation.pk,
        for_user=_member(platform, organisation, payload.user),
    )

    def produce():
        values = order_fields.flatten(payload.data.get("data", payload.data))
        done = services.order_prefill(
            organisation=organisation,
            actor=agent,
            hosted_site=site,
            values=values,
            service_code=payload.service_code,
        )
        order = done.order
        applied = set(done.applied)
        return (201 if done.created else 200), {
            "id": order.pk,
            "reference": order.reference,
            "status": order.status,
            "filing_type": order.filing_type,
            "created": done.created,
            "applied_fields": done.applied,
            "skipped_fields": done.skipped,
            "findings": [_finding(f) for f in order_findings(order) if f.field in applied],
            "launch_url": launch_url_for(platform=platform, user=payload.user, site=site, order=order),
        }

    return idempotent(request, f"platform.orders.{organisation.pk}", produce, idempotency_key)


@router.get(
    "/{order_id}",
    response={200: PlatformOrderOut, **FOUND_ERRORS},
    operation_id="platform_orders_get",
    summary="An order's status, findings and numbers",
    description="Any order of your organisations (prefilled or started by the applicant). No personal data. "
    "404 for an order of another platform's account.",
)
def get_order(request, order_id: int):
    order = (
        Order.objects.filter(pk=order_id, organisation__platform=request.platform)
        .select_related("organisation", "subject", "website")
        .first()
    )
    if order is None:
        raise NotFound(_("Not found."), field="order_id")
    summary = None
    if order.status in states.APPLICANT_EDITABLE:
        check = order_precheck(order)
        summary = {
            "ok": check.ok,
            "errors": len(check.errors),
            "warnings": len(check.warnings),
            "codes": list(dict.fromkeys(f.code for f in [*check.errors, *check.warnings])),
        }
    websites = order_fields.websites_of(order)
    code = ServiceCode.objects.filter(order=order).order_by("-pk").values_list("code", flat=True).first()
    return {
        "id": order.pk,
        "reference": order.reference,
        "status": order.status,
        "status_label": order.status_label,
        "filing_type": order.filing_type,
        "organisation": order.organisation.external_id,
        "site_id": order.website.hosted_site_id,
        "created_at": order.created_at,
        "status_changed_at": order.status_changed_at,
        "submitted_at": order.submitted_at,
        "findings": summary,
        "subject_filing_number": order.subject.filing_number,
        "website_filing_numbers": [w.filing_number for w in websites if w.filing_number],
        "service_code": code,
    }
