"""Request and response schemas of the partner API v1: what /api/openapi.json tells a client generator.

Every error the API returns has the shape of `ErrorOut` (the global exception handlers in api.py build
it); the order data is the nested JSON of the field registry (beian/filings/fields.py), documented
here as a JSON Schema generated from that registry and validated by the services, which answer with
their own stable codes (`field.unknown`, `field.locked`, `field.invalid`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import WithJsonSchema

from beian.filings import fields as order_fields

# --- findings and errors -----------------------------------------------------------------------


class FindingOut(Schema):
    """One result of a rule or an automated check. `code` is stable; partners may branch on it."""

    code: str = Field(..., description="Stable finding code, e.g. `subject.uscc.checksum`, `material.missing`.")
    severity: Literal["error", "warning", "info"] = Field(
        ..., description="`error` blocks submitting; a `warning` may be acknowledged; `info` is advice."
    )
    field: str = Field(..., description="Field path, e.g. `subject.certificate_number`, `materials.owner_photo`.")
    message: str = Field("", description="The finding in the request's language (zh-hans unless `en` is asked).")
    fix: str = Field("", description="How to fix it, in the request's language; may be empty.")
    message_zh: str = ""
    message_en: str = ""
    fix_zh: str = ""
    fix_en: str = ""
    source: str = Field("", description="Where the rule comes from, e.g. `rules §5.1 [firm]`.")
    rejection_reason: str = Field("", description="The regulator's rejection reason code this finding anticipates.")
    params: dict[str, Any] = Field(default_factory=dict, description="Values the message was built from.")


class ErrorOut(Schema):
    """Every error response of the API (4xx) has this shape."""

    code: str = Field(
        ...,
        description="Stable error code: `unauthenticated`, `invalid_credentials`, `permission_denied`, "
        "`not_found`, `invalid_request` (the request does not match this document), `field.unknown`, "
        "`field.locked`, `field.invalid`, `material.locked`, `material.unknown_slot`, `order.has_errors`, "
        "`order.illegal_transition`, `idempotency.key_reused`, `sms.not_pending`, … or the code of an "
        "upload check (`upload.*`).",
    )
    field: str = Field("", description="Path of the field the error is about (e.g. `subject.colour`), or empty.")
    message: str = Field(..., description="A sentence for a person, in the request's language.")
    findings: list[FindingOut] = Field(
        default_factory=list, description="The findings behind the error (e.g. for `order.has_errors`)."
    )


# --- order data (nested JSON of the field registry) --------------------------------------------

_KIND_SCHEMA: dict[str, dict[str, Any]] = {
    "text": {"type": "string"},
    "email": {"type": "string", "format": "email"},
    "int": {"type": ["integer", "null"], "description": "A code of the reference table named in `x-choices`."},
    "date": {"type": ["string", "null"], "format": "date"},
    "bool": {"type": ["boolean", "null"]},
    "list": {"type": "array", "items": {"type": "string"}},
    "preapprovals": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"item": {"type": "string"}, "number": {"type": "string"}},
            "required": ["item"],
        },
    },
}


def _field_schema(field: order_fields.OrderField) -> dict[str, Any]:
    schema = {**_KIND_SCHEMA[field.kind], "title": str(field.path)}
    if field.choices:
        schema["x-choices"] = field.choices
    if field.pii:
        schema["description"] = "Personal data: masked in responses (e.g. `110105********1234`)."
    return schema


def order_data_json_schema() -> dict[str, Any]:
    """The nested order JSON (`subject`, `subject.principal`, `websites[0]`…) from the field registry."""
    root: dict[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}

    def node_for(parts: list[str]) -> dict[str, Any]:
        node = root
        for part in parts:
            if part == "websites":
                websites = node["properties"].setdefault(
                    "websites",
                    {
                        "type": "array",
                        "description": "The order's websites in their order (`websites[0]` is the first). "
                        "Up to the limit in `max_websites` (reference data: organisation vs individual); "
                        "more answer 422 `order.too_many_websites` and change nothing.",
                        "items": {"type": "object", "properties": {}, "additionalProperties": False},
                    },
                )
                node = websites["items"]
            else:
                node = node["properties"].setdefault(
                    part, {"type": "object", "properties": {}, "additionalProperties": False}
                )
        return node

    for field in (*order_fields.SUBJECT_FIELDS, *order_fields.WEBSITE_FIELDS):
        parts = field.path.replace(order_fields.TEMPLATE_PREFIX, "websites").split(".")
        node_for(parts[:-1])["properties"][parts[-1]] = _field_schema(field)
    return root


def _order_out_json_schema() -> dict[str, Any]:
    schema = order_data_json_schema()
    website = schema["properties"]["websites"]["items"]["properties"]
    website["domain"]["description"] = "The domain as people read it (U-label), e.g. `示例.中国`."
    website["domain_ascii"] = {
        "type": "string",
        "readOnly": True,
        "description": "The same domain as an A-label (`xn--…`); in responses only.",
    }
    return schema


OrderData = Annotated[dict[str, Any], WithJsonSchema(_order_out_json_schema())]

_patch_schema = order_data_json_schema()
_patch_schema["properties"]["data"] = {
    **order_data_json_schema(),
    "description": "The same object wrapped in `data` (as responses carry it) is accepted too.",
}
_patch_schema["description"] = (
    "Any subset of the order's fields, nested. A field the order does not have answers 422 `field.unknown`, "
    "a field that may not be changed now 403 `field.locked`, a value of the wrong type 422 `field.invalid`."
)
OrderPatch = Annotated[dict[str, Any], WithJsonSchema(_patch_schema)]

_rules_order_schema = {
    "type": "object",
    "description": "An order in the rules engine's JSON shape (see `python -m beian.rules validate --schema`): "
    "`subject`, `websites` (a list) and their principals, partial or complete.",
    "additionalProperties": True,
}
RulesOrder = Annotated[dict[str, Any], WithJsonSchema(_rules_order_schema)]


# --- requests ----------------------------------------------------------------------------------


class TokenIn(Schema):
    username: str
    password: str


class CreateOrderIn(Schema):
    site_id: int | None = Field(
        None,
        description="A hosted site of your organisation (see `GET /api/v1/sites`). Optional when the verify "
        "inputs name the domains.",
    )
    filing_type: str = Field(
        "",
        description="The filing type you intend (`FIRST_FILING`, `NEW_WEBSITE`, `NEW_ACCESS`). Refused with 422 "
        "and the code of the reason (e.g. `order.filing_type.requested_wrong`) when what is filed for the subject "
        "and the domains says otherwise; the message explains the right path. Empty: decided for you.",
    )
    province: str = Field("", description="Verify input: the subject's province (`provinces[].code`, e.g. `11`).")
    nature: int | None = Field(None, description="Verify input: the subject nature (e.g. 4 enterprise, 5 individual).")
    certificate_type: int | None = Field(None, description="Verify input: the subject's certificate type code.")
    certificate_number: str = Field(
        "", description="Verify input: the subject's certificate number (the subject's identity)."
    )
    domains: list[str] = Field(
        default_factory=list,
        description="Verify input: the main domain of each website. Default: the site's primary domain.",
    )


class SubmitIn(Schema):
    acknowledged_warnings: list[str] = Field(
        default_factory=list,
        description="The codes of the warnings the user acknowledged (finding codes of severity `warning`).",
    )


class SmsIn(Schema):
    mobile: str = Field(..., description="The principal's mobile number the code was sent to.")
    code: str = Field(..., description="The verification code of the MIIT SMS.")
    certificate_tail: str = Field(..., description="The last digits of the principal's certificate number.")


# --- responses ---------------------------------------------------------------------------------


class TokenOut(Schema):
    token: str = Field(..., description="Send it as `Authorization: Bearer <token>`.")
    token_type: Literal["Bearer"] = "Bearer"


class SiteOut(Schema):
    id: int
    slug: str
    title: str
    domain: str = Field(..., description="The site's primary domain.")


class MaterialOut(Schema):
    slot: str = Field(..., description="The material slot, e.g. `owner_photo`, `verification_form`.")
    version: int = Field(..., description="Every upload to a slot is a new version; the latest is current.")
    check_status: str = Field(..., description="Automated checks: `pending`, `done` or `failed`.")
    findings: list[FindingOut] = Field(default_factory=list, description="Findings of the automated checks.")


class ReturnedFieldOut(Schema):
    field: str = Field(..., description="The field path or material (`materials.<slot>`) returned for changes.")
    reason_code: str = Field(..., description="Code of the reason from the rejection reason catalogue.")
    note: str = Field("", description="The reviewer's note.")


class TargetOut(Schema):
    """What the order applies against: the standing records it changes, or creates on approval."""

    subject_filing_number: str | None = Field(
        None, description="The subject record the order targets (new website, new access) or created once filed."
    )
    website_filing_numbers: list[str] = Field(
        default_factory=list,
        description="The website records (`…-n`) the order targets (new access: the numbers as filed, which stay) "
        "or created once filed, in the order of its websites.",
    )
    domains: list[str] = Field(default_factory=list, description="The domains of the order's websites.")


class OrderOut(Schema):
    id: int
    reference: str = Field(..., description="The order's reference shown to people.")
    status: str = Field(..., description="Lifecycle state, e.g. `DRAFT`, `PENDING_PROVIDER_REVIEW`, `APPROVED`.")
    status_label: str
    filing_type: str = Field(..., description="`FIRST_FILING`, `NEW_WEBSITE`, `NEW_ACCESS`, …")
    site_id: int | None
    filing_number: str | None = Field(None, description="The first website's filing number (`…-n`) once approved.")
    website_filing_numbers: list[str | None] = Field(
        default_factory=list, description="Every website's filing number once approved, in `websites` order."
    )
    max_websites: int = Field(1, description="The most websites this order may hold (reference data `limits`).")
    subject_filing_number: str | None = Field(None, description="The subject's filing number once approved.")
    target: TargetOut | None = Field(None, description="The records the order applies against.")
    data: OrderData = Field(..., description="The order's fields, nested; personal data masked.")
    editable_fields: list[str] = Field(..., description="Field paths the applicant may change now.")
    returned_fields: list[ReturnedFieldOut] = Field(..., description="What a reviewer returned for changes.")
    materials: list[MaterialOut]


class OrderUpdateOut(OrderOut):
    findings: list[FindingOut] = Field(..., description="Findings of the rules about the fields just sent.")


class PrecheckOut(Schema):
    ok: bool = Field(..., description="True when no finding is an error (warnings may remain).")
    findings: list[FindingOut]


class EventOut(Schema):
    at: str = Field(..., description="ISO 8601 time.")
    event: str = Field(..., description="E.g. `create`, `submit`, `return_fields`, `approve`.")
    from_status: str
    to_status: str
    actor: str
    reason: str


class SmsResultOut(Schema):
    ok: bool
    all_verified: bool = Field(..., description="True when every principal has verified; the filing proceeds.")
    code: str = Field(..., description="Empty when the code was right; `sms.wrong` otherwise.")
    field: str = ""
    message: str
    findings: list[FindingOut] = Field(default_factory=list)


# --- standing filing records (GET /filings) ------------------------------------------------------


class OrderRefOut(Schema):
    id: int = Field(..., description="The order's id (`GET /api/v1/orders/{id}`).")
    reference: str = Field(..., description="The order's reference shown to people, e.g. `BA2026010200001`.")


class FiledDomainOut(Schema):
    domain: str = Field(..., description="The main domain as people read it (U-label), e.g. `示例.中国`.")
    domain_ascii: str = Field(
        ..., description="The same domain as stored and filed (A-label), e.g. `xn--fsq092h.xn--fiqs8s`."
    )


class AccessRecordOut(Schema):
    is_ours: bool = Field(..., description="True when the website is accessed through us.")
    provider_name: str = Field("", description="The other access provider's name; empty for our own access.")
    status: Literal["active", "cancelled"]
    since: str = Field(..., description="ISO 8601 time the access was recorded.")


class WebsiteFilingOut(Schema):
    filing_number: str = Field(..., description="The website's filing number, e.g. `京ICP备2026000001号-1`.")
    sequence: int = Field(..., description="The `-n` of the number; never reused within a subject.")
    name: str = Field(..., description="The website's name as filed.")
    status: Literal["active", "cancelled"]
    filed_at: str = Field(..., description="ISO 8601 time the website was filed (or recorded).")
    domains: list[FiledDomainOut] = Field(..., description="The website's filed main domains.")
    access_records: list[AccessRecordOut] = Field(..., description="Who accesses the website: us and/or others.")
    created_by_order: OrderRefOut | None = Field(None, description="The order whose approval filed the website.")
    last_changed_by_order: OrderRefOut | None = Field(None, description="The order of the latest record change.")
    psb_number: str = Field(
        "",
        description="The public-security filing number (公网安备, rules §8.2) you entered, normalised "
        "(e.g. `京公网安备11010502030143号`); empty while none is entered.",
    )
    psb_deadline: str | None = Field(
        None, description="ISO date by which to file at the public-security platform, while no number is entered."
    )


class PsbNumberIn(Schema):
    psb_number: str = Field(
        ...,
        description="`<province psb_abbr>公网安备<14 digits>号`; spaces around the digits are accepted and removed.",
        examples=["京公网安备11010502030143号"],
    )


class SubjectFilingOut(Schema):
    """A filed subject of your organisation. Carries no personal data (certificate numbers and
    principals stay in the orders, masked there)."""

    filing_number: str = Field(..., description="The subject's filing number, e.g. `京ICP备2026000001号`.")
    province: str = Field(..., description="GB code of the province it is filed in, e.g. `11`.")
    nature: int | None = Field(None, description="MIIT code of the subject nature (reference table `natures`).")
    name: str = Field(..., description="The subject's name as filed.")
    status: Literal["active", "cancelled"]
    filed_at: str = Field(..., description="ISO 8601 time the subject was filed (or recorded).")
    websites: list[WebsiteFilingOut]


class FilingFooterPartsOut(Schema):
    """The parts of a filed website's footer, for clients that build their own markup."""

    filing_number: str = Field(..., description="The website filing number, e.g. `京ICP备2026000001号-1`.")
    miit_link: str = Field(..., description="Where the number links to (MIIT's filing site, rules §8.1).")
    psb_number: str = Field(
        "", description="The public-security filing number (公网安备), empty while none is entered."
    )
    psb_link: str = Field("", description="The public-security platform's query page for it (rules §8.2), or empty.")
    emblem_svg: str = Field(..., description="The police emblem as inline SVG, shown before `psb_number`.")


class FilingFooterOut(Schema):
    """The filing footer of a filed website, generated from the record: for pages you serve yourself."""

    filing_number: str = Field(..., description="The website filing number the footer shows.")
    html: str = Field(
        ...,
        description="Self-contained HTML (inline styles, the emblem inline) to paste at the bottom centre of the "
        "home page: the number linked to MIIT, and the public-security number with the emblem and its link once "
        "entered.",
    )
    parts: FilingFooterPartsOut
