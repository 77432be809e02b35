"""Choices for forms, from the reference tables (so operator edits show up at once)."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.reference import models as m


def _en() -> bool:
    return (get_language() or "").startswith("en")


def natures():
    return [(n.code, n.localized_name) for n in m.SubjectNature.objects.filter(offer_to_customers=True)]


def provinces():
    return [(p.code, p.localized_name) for p in m.Province.objects.all()]


def certificate_types(nature: int | None = None):
    qs = m.CertificateType.objects.all()
    if nature is not None:
        row = m.SubjectNature.objects.filter(code=nature).first()
        if row:
            qs = qs.filter(code__in=row.allowed_certificate_codes)
    return [(c.code, c.localized_name) for c in qs]


def person_certificate_types():
    return [(c.code, c.localized_name) for c in m.CertificateType.objects.filter(holder="person")]


def service_contents():
    return [(s.name_zh, s.localized_name) for s in m.ServiceContent.objects.all()]


def service_contents_grouped():
    """The service contents under their headings (the ReferenceSetting `service_content_groups`), as
    Django's grouped choices: [(heading, [(stored value, label), ...]), ...]. A service content no group
    names is listed last under the setting's "more" heading; without the setting, one flat list."""
    options = dict(service_contents())
    setting = m.ReferenceSetting.objects.filter(key="service_content_groups").values_list("value", flat=True).first()
    if not setting or not setting.get("groups"):
        return list(options.items())

    def heading(entry: dict) -> str:
        return (entry.get("name_en") if _en() else "") or entry.get("name_zh") or ""

    grouped, placed = [], set()
    for group in setting["groups"]:
        items = [(name, options[name]) for name in group.get("items", []) if name in options and name not in placed]
        placed.update(name for name, _label in items)
        if items:
            grouped.append((heading(group), items))
    rest = [(name, label) for name, label in options.items() if name not in placed]
    if rest:
        grouped.append((heading(setting.get("more") or {}) or "—", rest))
    return grouped


def languages():
    return [(s.name_zh, s.localized_name) for s in m.Language.objects.all()]


def _pre_approval_extra() -> dict:
    return m.ReferenceSetting.objects.filter(key="pre_approval_extra").values_list("value", flat=True).first() or {}


def pre_approval_none() -> str:
    """The "no pre-approval needed" option's stored value (its Chinese text), if the reference data has one."""
    return _pre_approval_extra().get("none_option_zh") or ""


def pre_approvals():
    """(stored value, label in the reader's language): the "none of these" option first, then the items."""
    extra = _pre_approval_extra()
    none = extra.get("none_option_zh") or ""
    none_label = (extra.get("none_option_en") if _en() else "") or none
    items = [(p.name_zh, p.localized_name) for p in m.PreApprovalItem.objects.all()]
    return ([(none, none_label)] if none else []) + items


def rejection_reasons():
    return [
        (r.code, f"{r.code} · {r.text_en if _en() and r.text_en else r.text_zh}")
        for r in m.RejectionReason.objects.all()
    ]


def label(kind: str, value) -> str:
    """Display label of a stored choice value."""
    if value in (None, "", []):
        return ""
    source = {
        "natures": natures,
        "provinces": provinces,
        "certificate_types": certificate_types,
        "person_certificate_types": person_certificate_types,
        "service_contents": service_contents,
        "pre_approvals": pre_approvals,
        "languages": languages,
    }.get(kind)
    if source is None:
        return str(value)
    options = dict(source())
    if isinstance(value, list):
        return _(", ").join(
            str(options.get(v, v))
            if not isinstance(v, dict)
            else " ".join(x for x in (str(options.get(v.get("item"), v.get("item"))), v.get("number", "")) if x)
            for v in value
        )
    return str(options.get(value, options.get(str(value), value)))
