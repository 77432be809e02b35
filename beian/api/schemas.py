"""Request and response schemas of the partner API v1: what /api/openapi.json tells a client generator.

Every error the API returns has the shape of `ErrorOut` (the global exception handlers in api.py build
it); the order data is the nested JSON of the field registry (beian/filings/fields.py), documented
here as a JSON Schema generated from that registry and validated by the services, which answer with
their own stable codes (`field.unknown`, `field.locked`, `field.invalid`).
"""

from __future__ import annotations

from datetime import datetime
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
        "`auth.locked_out`, `not_found`, `invalid_request` (the request does not match this document), `field.unknown`, "
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
    website["other_domains"]["description"] = (
        "A filed website's domains beyond its main one, as people read them (U-labels). Editable in a "
        "website change (`CHANGE_WEBSITE`, `CHANGE_FILING`): add a domain to file it, leave one out to remove it."
    )
    website["other_domains_ascii"] = {
        "type": "array",
        "items": {"type": "string"},
        "readOnly": True,
        "description": "The same domains as A-labels; in responses only.",
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
    otp: str = Field(
        "",
        description="The authenticator app's current 6-digit code, for a staff account with two-step verification on",
    )


class RecordTargetIn(Schema):
    """The filed record a change or cancellation applies against (numbers as `GET /api/v1/filings` lists them)."""

    subject_number: str = Field(
        "",
        description="The subject's filing number (e.g. `京ICP备2026000001号`): required for `CHANGE_SUBJECT` and "
        "`CANCEL_SUBJECT`.",
    )
    website_number: str = Field(
        "",
        description="The website's filing number (e.g. `京ICP备2026000001号-1`): required for `CHANGE_WEBSITE`, "
        "`CHANGE_FILING` (subject and website), `CHANGE_ACCESS`, `CANCEL_WEBSITE` and `CANCEL_ACCESS`; its "
        "subject is the one the order changes.",
    )


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
        "and the domains says otherwise; the message explains the right path. Empty: decided for you.\n\n"
        "A change or cancellation of a filed record (`CHANGE_SUBJECT`, `CHANGE_WEBSITE`, `CHANGE_FILING`, "
        "`CHANGE_ACCESS`, `CANCEL_SUBJECT`, `CANCEL_WEBSITE`, `CANCEL_ACCESS`) is started with its `target` "
        "instead of a site or the verify inputs.",
    )
    target: RecordTargetIn | None = Field(
        None,
        description="For a change or cancellation: the filed record it applies against. Send it with a change or "
        "cancellation `filing_type` and nothing else.",
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
    service_code: str = Field(
        "",
        max_length=40,
        description="The site's service code (备案服务码, `BA-XXXX-XXXX-XXXX`; spaces, hyphens and case do not "
        "matter), bound to the new filing. Required while the operator requires one: 422 `service_code.required`; "
        "422 `service_code.invalid`, `.unknown`, `.used`, `.void`, `.other_site`, `.granted_elsewhere` (field "
        "`service_code`) otherwise. A code granted to your account by another account of the platform starts "
        "the filing for that account's site (leave `site_id` out).",
    )


class OrderRequestIn(Schema):
    """What a change or cancellation asks beyond the fields. Every key is optional; a key left out (or null)
    keeps its value, an empty string clears it."""

    reason_code: str | None = Field(
        None,
        max_length=40,
        description="A cancellation's reason: a `code` of `GET /api/v1/cancellation-reasons?filing_type=…`.",
    )
    reason_note: str | None = Field(None, max_length=2000, description="The reason in your own words (optional).")
    confirmation: str | None = Field(
        None,
        max_length=255,
        description="An irreversible cancellation is confirmed by typing what it ends: the website's main domain "
        "(`CANCEL_WEBSITE`) or the subject's name (`CANCEL_SUBJECT`); compared without case or width. Never "
        "echoed: the order says whether it matches (`request.confirmation_matches`).",
    )
    hosted_site_id: int | None = Field(
        None,
        description="`CHANGE_ACCESS` only: your hosted site (`GET /api/v1/sites`) that serves the website once the "
        "regulator approves; 422 `order.not_change_access` for another type, 404 for a site that is not yours.",
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
    expires_at: datetime | None = Field(None, description="When the token stops working; ask for a new one before.")


class TokenRevokedOut(Schema):
    prefix: str = Field(..., description="The first characters of the revoked token.")
    revoked_at: datetime = Field(..., description="From now on the token answers 401.")


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


class FieldChangeOut(Schema):
    path: str = Field(..., description="The field path, e.g. `websites[0].name`, `subject.principal.mobile`.")
    label: str = Field(..., description="The field's name in the request's language.")
    old: Any = Field(None, description="The value as filed (personal data masked, as in `data`).")
    new: Any = Field(None, description="The value applied for (personal data masked).")
    old_display: str = Field(..., description="The value as filed, as people read it (labels, U-labels, masked).")
    new_display: str = Field(..., description="The value applied for, as people read it.")


class DomainOut(Schema):
    domain: str = Field(..., description="The domain as people read it (U-label).")
    domain_ascii: str = Field(..., description="The same domain as an A-label, as filed.")


class DomainChangeOut(Schema):
    website_index: int = Field(..., description="The website of the order (`websites[i]`).")
    added: list[DomainOut] = Field(..., description="Domains the change files (they serve once approved).")
    removed: list[DomainOut] = Field(..., description="Domains the change removes (they stop serving once approved).")


class AccessChangeOut(Schema):
    from_site_id: int | None = Field(None, description="The hosted site that serves the website now.")
    to_site_id: int | None = Field(None, description="The hosted site that serves it once the regulator approves.")


class RecordChangesOut(Schema):
    """What a change would do to the filed record, compared with the data as filed."""

    record_diff: list[FieldChangeOut] = Field(
        ..., description="Field by field: what differs from the record (only the part the type may change)."
    )
    domain_changes: list[DomainChangeOut] = Field(..., description="Website changes: the domains added and removed.")
    access: AccessChangeOut | None = Field(None, description="`CHANGE_ACCESS`: the hosted site before and after.")


class EmptyShellOut(Schema):
    website: bool = Field(..., description="The website is left with no access provider once approved (rules §1.7).")
    subject: bool = Field(
        ..., description="The subject is left with no accessed website once approved (an empty shell, rules §8.4)."
    )


class RecordRequestOut(Schema):
    """What a change or cancellation asks beyond the fields (`PATCH …/request`). No personal data: what was
    typed to confirm is never echoed."""

    reason_code: str = Field("", description="The cancellation's reason code (empty while none is chosen).")
    reason_text: str = Field("", description="The reason in the request's language.")
    reason_note: str = Field("", description="The reason in the applicant's words.")
    irreversible: bool = Field(..., description="The cancellation cannot be undone (reference data).")
    confirmation_required: bool = Field(..., description="The cancellation must be confirmed by typing.")
    confirmation_asks: Literal["", "domain", "subject_name"] = Field(
        "", description="What to type: the website's main domain or the subject's name (empty: nothing)."
    )
    confirmation_given: bool = Field(..., description="Something was typed.")
    confirmation_matches: bool = Field(
        ...,
        description="A confirmation is required and what was typed matches it (while it does not, the pre-review "
        "finds `cancel.confirmation.mismatch`). False when none is required.",
    )
    hosted_site_id: int | None = Field(None, description="`CHANGE_ACCESS`: the hosted site applied for.")
    empty_shell: EmptyShellOut = Field(..., description="What a cancellation leaves behind (a warning to acknowledge).")


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
    changes: RecordChangesOut | None = Field(
        None, description="A change or cancellation of a filed record: what it changes. Null for other types."
    )
    request: RecordRequestOut | None = Field(
        None, description="A change or cancellation: reason, confirmation, hosted site. Null for other types."
    )


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
    added_at: str | None = Field(None, description="ISO 8601 time the domain was filed.")


class RemovedDomainOut(FiledDomainOut):
    removed_at: str = Field(..., description="ISO 8601 time it stopped being filed (and served).")


class AccessRecordOut(Schema):
    is_ours: bool = Field(..., description="True when the website is accessed through us.")
    provider_name: str = Field("", description="The other access provider's name; empty for our own access.")
    status: Literal["active", "cancelled"]
    since: str = Field(..., description="ISO 8601 time the access was recorded.")
    until: str | None = Field(None, description="ISO 8601 time the access ended (`cancelled`); null while active.")
    hosted_site_id: int | None = Field(
        None, description="Our access: your hosted site that serves the website (`GET /api/v1/sites`)."
    )


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
    removed_domains: list[RemovedDomainOut] = Field(
        default_factory=list,
        description="Domains no longer filed: removed by a website change, or ended by a cancellation.",
    )


class RecordEventOut(Schema):
    """One entry of a record's history (append-only). No personal data."""

    at: str = Field(..., description="ISO 8601 time.")
    action: str = Field(
        ...,
        description="`subject_filed`, `subject_recorded`, `website_filed`, `domain_added`, `domain_removed`, "
        "`access_added`, `subject_changed`, `website_changed`, `access_changed`, `website_cancelled`, "
        "`subject_cancelled`, `access_cancelled`, `psb_number_set`, …",
    )
    label: str = Field(..., description="The action in the request's language.")
    filing_number: str = Field("", description="The record's number the event is about (website `…-n` or subject).")
    order: OrderRefOut | None = Field(None, description="Your order whose approval made the change.")
    fields: list[str] = Field(default_factory=list, description="The field paths a change changed.")
    domains: list[DomainOut] = Field(default_factory=list, description="The domains filed, removed or ended.")
    reason_code: str = Field("", description="A cancellation's reason code.")
    reason_text: str = Field("", description="The reason in the request's language.")


class RiskOut(Schema):
    """A problem the compliance monitor found on a filed website (or its subject's principal's certificate),
    to rectify by its deadline. No personal data."""

    id: int
    code: str = Field(
        ...,
        description="Stable code of the finding (`docs/rules.md`), e.g. `monitor.domain.expires_soon`, "
        "`monitor.footer.missing`. Within one risk it may escalate (about to expire -> expired); the deadline stays.",
    )
    kind: Literal["footer", "domain_expiry", "domain_holder", "domain_real_name", "certificate", "hosting"] = Field(
        ..., description="What was checked."
    )
    severity: Literal["error", "warning", "info"]
    message: str = Field(..., description="What is wrong, in the request's language.")
    fix: str = Field("", description="How to rectify it, in the request's language.")
    deadline: str = Field(..., description="ISO date: rectify by then (working days from when it was found).")
    days_left: int = Field(..., description="Days until the deadline; negative once it has passed.")
    website_number: str | None = Field(
        None, description="The website's filing number (`…-n`); null for a risk of the subject (a principal)."
    )
    subject_number: str = Field(..., description="The subject's filing number.")
    domain: str | None = Field(None, description="The domain it is about (U-label), or null (a principal's role).")
    domain_ascii: str | None = Field(None, description="The same domain as an A-label.")
    concerns: str = Field(..., description="What it is about, as people read it: the domain, or the principal's role.")
    status: Literal["open", "resolved"] = Field(
        ..., description="`resolved` once a re-check passed or it no longer applies."
    )
    found_at: str = Field(..., description="ISO 8601 time the monitor first found it.")
    checked_at: str = Field(..., description="ISO 8601 time of the latest check that still found it.")
    resolved_at: str | None = Field(None, description="ISO 8601 time it was resolved; null while open.")
    resolution: Literal["", "passed", "not_applicable"] = Field(
        "", description="Why it was resolved: `passed` (a re-check passed), `not_applicable` (e.g. our access ended)."
    )


class WebsiteFilingDetailOut(WebsiteFilingOut):
    subject_filing_number: str = Field(..., description="The filing number of the website's subject.")
    subject_name: str = Field(..., description="The subject's name as filed.")
    subject_status: Literal["active", "cancelled"]
    history: list[RecordEventOut] = Field(..., description="What happened to this website's record, oldest first.")
    risks: list[RiskOut] = Field(
        default_factory=list,
        description="The website's open compliance risks (`GET /api/v1/risks?website_number=…` lists resolved ones too).",
    )


class AccessNoticeOut(Schema):
    """A provider-initiated cancel access (取消接入) you were notified of: the reason, and the deadline to rectify
    before the provider may file it. Read-only: rectify what the reason names, and tell us."""

    id: int
    website_number: str = Field(..., description="The filing number of the website whose access would end.")
    website_name: str = Field(..., description="The website's name as filed.")
    domains: list[DomainOut] = Field(..., description="The website's filed domains (blocked here once access ends).")
    reason_code: str = Field(..., description="The provider's reason (reference `cancellation_reasons`).")
    reason: str = Field(..., description="The reason in the request's language.")
    fix: str = Field("", description="How to rectify, in the request's language.")
    note: str = Field("", description="The provider's details for you.")
    status: Literal["open", "withdrawn", "confirmed", "resolved"] = Field(
        ...,
        description="`open`: rectify by `deadline`; `withdrawn`: the access stays; `confirmed`: the deadline passed "
        "and the cancel access was filed (`order`); `resolved`: the access ended otherwise (you cancelled it).",
    )
    status_label: str = Field(..., description="The status in the request's language.")
    notified_at: str = Field(..., description="ISO 8601 time you were notified.")
    deadline: str | None = Field(None, description="ISO date: the last day to rectify.")
    working_days_left: int | None = Field(
        None, description="While open: working days until the deadline (0 on the deadline day and after)."
    )
    closed_at: str | None = Field(None, description="ISO 8601 time it was withdrawn, confirmed or resolved.")
    order: OrderRefOut | None = Field(None, description="`confirmed`: the cancel access order the provider filed.")


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
    history: list[RecordEventOut] = Field(
        default_factory=list, description="What happened to the subject and its websites, oldest first."
    )


# --- reference ----------------------------------------------------------------------------------


class CancellationReasonOut(Schema):
    code: str = Field(..., description="Send it as `reason_code` (`PATCH /api/v1/orders/{id}/request`).")
    text: str = Field(..., description="The reason in the request's language.")
    text_zh: str
    text_en: str
    filing_types: list[str] = Field(..., description="The cancellation types the reason applies to.")


# --- ETA ---------------------------------------------------------------------------------------


class DateRangeOut(Schema):
    p50: str = Field(..., description="ISO date: the median.")
    p90: str = Field(..., description="ISO date: nine in ten by then.")


class StageEstimateOut(Schema):
    stage: Literal["provider_review", "push", "sms", "regulator_review"]
    p50: int = Field(..., description="Working days (mainland calendar), median.")
    p90: int = Field(..., description="Working days, 90th percentile.")
    source: Literal["history", "published"] = Field(
        ..., description="From the province's recent history, or the published figures of the filing type."
    )


class EtaOut(Schema):
    """When the order should move on, in working days of the mainland calendar. Null dates once it is finished."""

    status: str
    finished: bool = Field(..., description="The order is finished (approved, abandoned…): no dates.")
    stage: str | None = Field(None, description="The stage the order is in; null while it waits on you.")
    stage_end: DateRangeOut | None = Field(None, description="When the current stage should end.")
    done: DateRangeOut | None = Field(
        None, description="When the regulator should decide (a number issued, a record changed or cancelled)."
    )
    hypothetical: bool = Field(False, description="The dates assume you submit today.")
    overdue: bool = Field(False, description="The current stage has run past its 90th-percentile date.")
    needs_sms: bool = Field(..., description="The type includes the MIIT SMS verification (rules §1.1).")
    estimates: list[StageEstimateOut] = Field(default_factory=list)


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


class PlatformTokenOut(Schema):
    platform: str = Field(description="the platform's identifier (slug)")
    name: str
    prefix: str = Field(description="the first characters of the key, to tell keys apart")
    scopes: list[str]
    expires_at: datetime | None
    rate_limit_per_minute: int


class LaunchLinkIn(Schema):
    user: str = Field(
        ..., min_length=1, max_length=100, description="Your id of the user (the `sub` you sign them in with)."
    )
    site: str = Field(
        ...,
        min_length=1,
        max_length=100,
        description="The hosted site: your site id (as provisioned), its id here, or its address (slug).",
    )
    order: int | None = Field(None, description="An order of the site's account to open (e.g. one you prefilled).")


class LaunchLinkOut(Schema):
    url: str = Field(
        ..., description="Open it in the user's browser: it signs them in once and lands on the site's filing."
    )
    expires_in: int = Field(..., description="Seconds the link stays valid (it opens once).")


class LaunchSecretOut(Schema):
    secret: str = Field(
        ...,
        description="Sign launch links with it (HS256). Shown once; links signed with the previous secret are "
        "accepted until the next rotation.",
    )


# --- platform provisioning (beian/api/provisioning.py) ------------------------------------------

EXTERNAL_ID_DESCRIPTION = "The platform's own id: 1 to 100 letters, digits and `. _ : @ + -`, from a letter or digit."
UPSERT_STATUS = Literal["created", "updated", "unchanged"]


class UpsertedOut(Schema):
    created: bool = Field(..., description="True when this call made it; a repeat of the same call answers false.")
    status: UPSERT_STATUS = Field(..., description="`created`, `updated` (something changed) or `unchanged`.")


class MemberOut(Schema):
    user: str = Field(..., description="The user's external id.")
    role: Literal["owner", "member"]


class OrganisationIn(Schema):
    name: str = Field("", description="The account's name (1 to 200 characters), e.g. the company's name.")
    plan: str | None = Field(
        None,
        description="The code of the plan the account is on (e.g. `basic`, `advanced`: the operator's plans); "
        "left out keeps its plan. An unknown code is 422 `plan.unknown`.",
    )


class OrganisationOut(Schema):
    external_id: str = Field(..., description=EXTERNAL_ID_DESCRIPTION)
    name: str
    members: list[MemberOut] = Field(..., description="The platform's users who are members, and their role.")
    plan: str = Field(..., description="The code of its plan (the default plan when none was set).")
    created_at: datetime
    updated_at: datetime = Field(..., description="The last change made through provisioning (else `created_at`).")


class OrganisationPutOut(OrganisationOut, UpsertedOut):
    pass


class OrganisationPageOut(Schema):
    items: list[OrganisationOut]
    next_cursor: str | None = Field(None, description="Pass it as `cursor` for the next page; null after the last.")


class UserIn(Schema):
    name: str = Field("", description="The user's display name (1 to 150 characters).")
    email: str = Field("", description="The user's e-mail address; left out or empty clears it.")


class UserMembershipOut(Schema):
    organisation: str = Field(..., description="The organisation's external id.")
    role: Literal["owner", "member"]


class UserOut(Schema):
    external_id: str = Field(..., description=EXTERNAL_ID_DESCRIPTION)
    name: str
    email: str
    active: bool = Field(..., description="False once removed (users are deactivated, never deleted).")
    organisations: list[UserMembershipOut]
    created_at: datetime
    updated_at: datetime = Field(..., description="The last change made through provisioning (else `created_at`).")


class UserPutOut(UserOut, UpsertedOut):
    pass


class UserRemovedOut(UserOut):
    status: Literal["updated", "unchanged"] = Field(..., description="`unchanged` when the user was inactive already.")


class UserPageOut(Schema):
    items: list[UserOut]
    next_cursor: str | None = None


class MembershipIn(Schema):
    role: str = Field("member", description="`owner` or `member` (default).")


class MembershipOut(UpsertedOut):
    organisation: str
    user: str
    role: Literal["owner", "member"]


class ProvisionedDomainOut(Schema):
    domain: str = Field(..., description="As people read it (U-labels), e.g. `例子.中国`.")
    domain_ascii: str = Field(..., description="As bound and sent in a Host header (A-labels).")


class HostedSiteIn(Schema):
    slug: str = Field("", description="The site's address on this service: `<slug>.<hosted suffix>`, a DNS label.")
    title: str = Field("", description="The site's title (1 to 200 characters).")
    domains: list[str] | None = Field(
        None,
        description="When given, the site answers on exactly these domains (others are removed); left out, its "
        "domains stay as they are. Add or remove one with the domain endpoints.",
    )


class HostedSiteOut(Schema):
    external_id: str = Field(..., description=EXTERNAL_ID_DESCRIPTION)
    organisation: str = Field(..., description="The organisation's external id.")
    slug: str
    title: str
    address_url: str = Field(..., description="Where the site answers on this service.")
    domains: list[ProvisionedDomainOut]
    created_at: datetime
    updated_at: datetime = Field(..., description="The last change made through provisioning (else `created_at`).")


class HostedSitePutOut(HostedSiteOut, UpsertedOut):
    pass


class HostedSitePageOut(Schema):
    items: list[HostedSiteOut]
    next_cursor: str | None = None


class SiteDomainPutOut(ProvisionedDomainOut, UpsertedOut):
    site: str = Field(..., description="The site's external id.")


class RemovedOut(Schema):
    removed: bool = Field(True, description="Always true: what the path names is gone.")


class OrganisationBatchItemIn(Schema):
    external_id: str = ""
    name: str = ""


class UserBatchItemIn(Schema):
    external_id: str = ""
    name: str = ""
    email: str = ""


class HostedSiteBatchItemIn(Schema):
    organisation: str = Field("", description="The organisation's external id.")
    external_id: str = ""
    slug: str = ""
    title: str = ""
    domains: list[str] | None = None


class OrganisationBatchIn(Schema):
    items: list[OrganisationBatchItemIn] = Field(..., description="At most 100 organisations, each upserted alone.")


class UserBatchIn(Schema):
    items: list[UserBatchItemIn] = Field(..., description="At most 100 users, each upserted alone.")


class HostedSiteBatchIn(Schema):
    items: list[HostedSiteBatchItemIn] = Field(..., description="At most 100 sites, each upserted alone.")


class BatchItemOut(Schema):
    external_id: str
    status: Literal["created", "updated", "unchanged", "error"]
    error: ErrorOut | None = Field(None, description="Why this item was refused (it changed nothing).")


class BatchOut(Schema):
    items: list[BatchItemOut] = Field(..., description="One answer per item, in the order of the request.")
