"""What the wizard and the order page say about an order against a filed record (rules file §1.5–§1.7,
§8.4): the record it targets, what it opens and what it can never change (with the right path
instead), who receives the MIIT SMS, what it does to the live site, and what an empty shell means.

Presentation only: the decisions are beian.rules.record_orders and beian.filings.changes; the facts
(SMS matrix, reasons, empty-shell provinces, timings) are reference data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from beian.filings import changes, selectors
from beian.filings import fields as order_fields
from beian.filings.models import RecordStatus
from beian.reference import snapshot
from beian.rules import record_orders
from beian.rules.domains import display_domain

CHANGE_DATA_TYPES = record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS


def filing_type_of(order) -> str:
    return getattr(order, "filing_type", "") or "FIRST_FILING"


def is_record_order(order) -> bool:
    return record_orders.is_record_type(filing_type_of(order))


def english() -> bool:
    return (get_language() or "").startswith("en")


# --- the record -----------------------------------------------------------------------------------


@dataclass
class RecordView:
    """The filed record an order targets, as the applicant's "My filings" shows it (no PII)."""

    subject: object | None  # selectors.SubjectRecord
    websites: list = field(default_factory=list)  # the WebsiteRecords this order is about
    others: list = field(default_factory=list)  # the subject's other active websites (kept as they are)


def record_view(order) -> RecordView:
    if order.subject_filing_id is None:
        return RecordView(subject=None)
    subject_number = order.subject_filing.filing_number
    subject = next((s for s in selectors.filing_records(order.organisation) if s.filing_number == subject_number), None)
    if subject is None:
        return RecordView(subject=None)
    active = [w for w in subject.websites if w.status == RecordStatus.ACTIVE]
    if order.filing_type in record_orders.WEBSITE_TARGET_TYPES:
        numbers = {w.website_filing.filing_number for w in order_fields.websites_of(order) if w.website_filing_id}
        return RecordView(
            subject=subject,
            websites=[w for w in subject.websites if w.filing_number in numbers],
            others=[w for w in active if w.filing_number not in numbers],
        )
    return RecordView(subject=subject, websites=active)


# --- what a change opens and what it cannot change ------------------------------------------------


def opens(order) -> list[str]:
    """What this change order lets the applicant change."""
    kind, out = order.filing_type, []
    if kind in record_orders.SUBJECT_PARTS:
        out.append(
            _(
                "The subject's information: name, city, addresses, office phone, investor and the subject "
                "principal (name, certificate, mobile, emergency phone, email)."
            )
        )
    if kind in record_orders.WEBSITE_PARTS:
        out.append(
            _(
                "The website's information: name, service content, languages, pre-approvals, remark and the "
                "website principal; and its other domains (add or remove them; the main domain stays)."
            )
        )
    if kind == record_orders.CHANGE_SUBJECT:
        out.append(_("The websites are not part of this order: to change one, start a website change for it."))
    if kind == record_orders.CHANGE_WEBSITE:
        out.append(_("The subject is not part of this order: to change it, start a subject change."))
    return out


def fixed_by_record(order) -> list[dict]:
    """What no change can change (§1.5), its value as filed, and the right path instead."""
    subject = order.subject
    website = order.website
    return [
        {
            "label": _("Province"),
            "value": order_fields.display_value(order, "subject.province"),
            "path": _("To move to another province, cancel this filing and file again in the new province."),
        },
        {
            "label": _("Subject nature"),
            "value": order_fields.display_value(order, "subject.nature"),
            "path": _(
                "A different nature is not a change (an individual becoming an organisation, for example): "
                "cancel the filing and file again as the new subject."
            ),
        },
        {
            "label": _("Certificate number"),
            "value": subject.certificate_number_masked,
            "path": _(
                "A new name of the same legal entity (same certificate number) is a change: correct the name "
                "in a subject change and upload the name-change letter. A different legal entity (another "
                "certificate number) is not a change: move the website with a website migration where your "
                "province supports it, otherwise cancel and file again."
            ),
        },
        {
            "label": _("Main domain"),
            "value": display_domain(website.domain or ""),
            "path": _(
                "To give up the main domain, cancel the website (and file the new domain as a new website). "
                "Other domains of a website can be added or removed in a website change; a domain can be "
                "removed only while the website keeps another one."
            ),
        },
    ]


# --- SMS, what happens to the site, the ETA ---------------------------------------------------------

ROLE_LABELS = {
    "subject_principal": gettext_lazy("Subject principal"),
    "website_principal": gettext_lazy("Website principal"),
}


def sms_recipients(order) -> list[dict]:
    """Who receives the MIIT SMS for this type (reference `sms_verification.targets_by_type`, §1.1),
    at the (masked) mobile in this order."""
    targets = ((snapshot.setting("sms_verification", {}) or {}).get("targets_by_type") or {}).get(order.filing_type, [])
    out = []
    for role in targets:
        if role == "subject_principal":
            out.append({"role": ROLE_LABELS[role], "mobile": order.subject.principal.mobile_masked})
        elif role == "website_principal":
            for website in order_fields.websites_of(order):
                out.append({"role": ROLE_LABELS[role], "mobile": website.principal.mobile_masked})
        else:
            out.append({"role": role, "mobile": ""})
    return out


def sms_recipients_text(recipients: list[dict]) -> str:
    """ "Website principal (138****8000)" for each recipient, joined as the language lists things."""
    items = [
        _("%(role)s (%(mobile)s)") % {"role": r["role"], "mobile": r["mobile"]} if r["mobile"] else str(r["role"])
        for r in recipients
    ]
    return _(", ").join(items)


WHAT_HAPPENS = {
    record_orders.CHANGE_SUBJECT: [
        gettext_lazy("The website keeps serving with its filing number throughout."),
        gettext_lazy(
            "The filed record is updated when the regulator approves; its history keeps the old version. "
            "The filing numbers stay."
        ),
    ],
    record_orders.CHANGE_WEBSITE: [
        gettext_lazy("The website keeps serving with its filing number throughout."),
        gettext_lazy(
            "The filed record is updated when the regulator approves; its history keeps the old version. "
            "The filing numbers stay."
        ),
        gettext_lazy(
            "A domain you remove stops being served when the regulator approves; a domain you add is served "
            "once the regulator approves."
        ),
    ],
    record_orders.CHANGE_ACCESS: [
        gettext_lazy("The site that serves the website now keeps serving it until the regulator approves."),
        gettext_lazy("Once approved, the hosted site you choose serves the website's domains. The numbers stay."),
    ],
    record_orders.CANCEL_WEBSITE: [
        gettext_lazy("Until the regulator approves, the website keeps serving as it does now."),
        gettext_lazy(
            "Once the regulator approves, the website's domains are blocked here and its number is cancelled "
            "for good: it is never reused, and filing the website again later is a new filing."
        ),
    ],
    record_orders.CANCEL_SUBJECT: [
        gettext_lazy("Until the regulator approves, every website keeps serving as it does now."),
        gettext_lazy(
            "Once the regulator approves, the subject filing and every website under it are cancelled: all "
            "their domains are blocked here and the numbers are never reused. Filing again later is a first "
            "filing."
        ),
    ],
    record_orders.CANCEL_ACCESS: [
        gettext_lazy("Only our access to the website ends; the filing itself is not cancelled by this order."),
        gettext_lazy(
            "The filing survives only if another access provider still accesses the website; otherwise it "
            "becomes an empty-shell website and the regulator cancels its number."
        ),
        gettext_lazy(
            "Once the regulator approves, the website may no longer be served here: its domains are blocked "
            "on our servers. If the website moves to another provider, complete new access there first."
        ),
    ],
}
WHAT_HAPPENS[record_orders.CHANGE_FILING] = WHAT_HAPPENS[record_orders.CHANGE_WEBSITE]


def what_happens(order, record: RecordView | None = None) -> list[str]:
    lines = [str(line) for line in WHAT_HAPPENS.get(order.filing_type, [])]
    if order.filing_type in (record_orders.CANCEL_WEBSITE, record_orders.CANCEL_ACCESS) and record and record.others:
        numbers = ", ".join(w.filing_number for w in record.others)
        lines.append(_("The subject's other websites keep serving: %(numbers)s.") % {"numbers": numbers})
    return lines


ETA_LABELS = {
    # (hypothetical, in progress)
    "change": (
        gettext_lazy("If you submit today, the change is expected to be approved"),
        gettext_lazy("Change expected to be approved"),
    ),
    "cancel": (
        gettext_lazy("If you submit today, the regulator is expected to decide"),
        gettext_lazy("Regulator decision expected"),
    ),
}


def eta_label(order, eta) -> str:
    """The sentence before the ETA's date range for an order against a record ("" for new filings)."""
    if not is_record_order(order) or eta is None:
        return ""
    kind = "cancel" if order.filing_type in record_orders.CANCEL_TYPES else "change"
    hypothetical, running = ETA_LABELS[kind]
    return str(hypothetical if eta.hypothetical else running)


# --- cancellations --------------------------------------------------------------------------------


def reason_choices(order) -> list[dict]:
    """The reasons reference data offers for this cancellation, in the user's language (and the
    order's own reason when an operator chose a provider-only one)."""
    key = "text_en" if english() else "text_zh"
    reasons = [
        {"code": r["code"], "text": r.get(key) or r.get("text_zh") or r["code"]}
        for r in changes.cancellation_reasons(order.filing_type)
    ]
    if order.reason_code and order.reason_code not in {r["code"] for r in reasons}:
        reasons.append(
            {"code": order.reason_code, "text": changes.reason_text(order.reason_code, get_language() or "")}
        )
    return reasons


def empty_shell(order) -> dict:
    """What the empty-shell warnings of this cancellation mean here (§1.7, §8.4): whether the subject's
    province lets a website be added to an empty-shell subject later (reference `empty_shell`, the
    province's `empty_shell_subject_can_add_website`), and how long cancelling a shell takes."""
    website_shell, subject_shell = changes.empty_shell_after(order)
    province = snapshot.current().province(order.subject.province)
    name = (province.name_en if english() and province and province.name_en else province.name) if province else ""
    timings = snapshot.setting("timings", {}) or {}
    return {
        "website": website_shell,
        "subject": subject_shell,
        "province": name,
        "can_add_website": province.empty_shell_subject_can_add_website if province else None,
        "paper_cancel_days": timings.get("empty_shell_paper_cancel_working_days"),
    }


def request_summary(order) -> dict:
    """A cancellation's reason, note and typed confirmation, and a change of access's sites."""
    out: dict = {
        "reason": changes.reason_text(order.reason_code, get_language() or "") if order.reason_code else "",
        "note": order.reason_note,
        "confirmation": order.confirmation,
    }
    if order.filing_type == record_orders.CHANGE_ACCESS:
        target = order.website.website_filing
        ours = (
            target.accesses.filter(is_ours=True, status=RecordStatus.ACTIVE).select_related("hosted_site").first()
            if target
            else None
        )
        out["site_before"] = ours.hosted_site if ours else None
        out["site_after"] = order.website.hosted_site
    return out


def diff_rows(order) -> dict:
    """The field-by-field diff against the filed record (masked) and the domains added and removed."""
    return {
        "fields": changes.record_diff(order),
        "domains": changes.domain_changes(order),
    }


def submitted_message(order) -> str:
    """What the applicant is told right after submitting: what happens to the live site now."""
    kind = order.filing_type
    if kind in record_orders.CANCEL_TYPES:
        return _("Submitted. Everything keeps serving as it does now until the regulator approves the cancellation.")
    if kind == record_orders.CHANGE_ACCESS:
        return _("Submitted. The current site keeps serving the website until the regulator approves.")
    if kind in CHANGE_DATA_TYPES:
        return _("Submitted. Your website keeps serving with its filing number while the change is reviewed.")
    return _("Submitted. Your site now shows a maintenance page until the filing is approved.")
