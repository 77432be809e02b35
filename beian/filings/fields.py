"""The order's editable fields, addressed by the same paths the rules engine uses in findings.

One registry serves the wizard forms, the API's nested JSON, field-level returns and the diff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from beian.core.masking import mask_id_number, mask_mobile
from beian.reference.choices import label
from beian.rules.domains import display_domain


@dataclass(frozen=True)
class OrderField:
    path: str  # "subject.principal.mobile", "websites[0].name"
    label: object
    step: str  # "subject" | "website"
    kind: str = "text"  # text | int | date | bool | list | email
    pii: bool = False
    choices: str = ""  # reference table the choices come from

    @property
    def full_label(self):
        """The label that says whose field it is where both principals have one (findings, the
        pre-check, notifications, diffs): "主体负责人 证件有效期至" rather than "证件有效期至"."""
        owner = next((name for prefix, name in PRINCIPALS.items() if self.path.startswith(prefix)), None)
        if owner is None or self.path.rsplit(".", 1)[1] not in PERSON_NAMES:
            return self.label
        return format_lazy("{owner} {label}", owner=owner, label=self.label)

    @property
    def form_name(self) -> str:
        return self.path.replace("websites[0]", "website").replace(".", "__")


PERSON = [
    ("name", _("Name"), "text", False, ""),
    ("certificate_type", _("Certificate type"), "int", False, "person_certificate_types"),
    ("certificate_number", _("Certificate number"), "text", True, ""),
    ("certificate_valid_until", _("Certificate valid until"), "date", False, ""),
    ("certificate_long_term", _("Long-term certificate (长期)"), "bool", False, ""),
    ("mobile", _("Mobile"), "text", True, ""),
    ("emergency_phone", _("Emergency phone"), "text", True, ""),
    ("email", _("Email"), "email", False, ""),
]

PERSON_NAMES = frozenset(name for name, *_rest in PERSON)
PRINCIPALS = {"subject.principal.": _("Subject principal"), "websites[0].principal.": _("Website principal")}

FIELDS: list[OrderField] = [
    OrderField("subject.nature", _("Subject nature"), "subject", "int", choices="natures"),
    OrderField("subject.province", _("Province"), "subject", choices="provinces"),
    OrderField("subject.city", _("City"), "subject"),
    OrderField("subject.name", _("Subject name"), "subject"),
    OrderField("subject.certificate_type", _("Certificate type"), "subject", "int", choices="certificate_types"),
    OrderField("subject.certificate_number", _("Certificate number"), "subject", pii=True),
    OrderField("subject.certificate_address", _("Certificate address"), "subject"),
    OrderField("subject.mailing_address", _("Mailing address"), "subject"),
    OrderField("subject.office_phone", _("Office phone"), "subject"),
    OrderField("subject.investor", _("Investor or superior unit"), "subject"),
    OrderField(
        "subject.principal.is_legal_representative", _("The principal is the legal representative"), "subject", "bool"
    ),
    *[OrderField(f"subject.principal.{n}", label, "subject", kind, pii, ch) for n, label, kind, pii, ch in PERSON],
    OrderField("websites[0].name", _("Website name"), "website"),
    OrderField("websites[0].domain", _("Domain"), "website"),
    OrderField("websites[0].service_contents", _("Service content"), "website", "list", choices="service_contents"),
    OrderField("websites[0].languages", _("Website languages"), "website", "list", choices="languages"),
    OrderField("websites[0].pre_approvals", _("Pre-approvals"), "website", "preapprovals", choices="pre_approvals"),
    OrderField("websites[0].remark", _("Remark"), "website"),
    *[OrderField(f"websites[0].principal.{n}", label, "website", kind, pii, ch) for n, label, kind, pii, ch in PERSON],
]
BY_PATH = {f.path: f for f in FIELDS}
BY_FORM_NAME = {f.form_name: f for f in FIELDS}


def findings_by_field(findings) -> dict[str, list]:
    """Findings grouped under the registered field they belong to (see `owner_path`)."""
    from collections import defaultdict

    grouped = defaultdict(list)
    for finding in findings:
        grouped[owner_path(finding.field)].append(finding)
    return grouped


def owner_path(path: str) -> str:
    """The registered field a finding's path belongs to: `websites[0].pre_approvals[1].number` →
    `websites[0].pre_approvals`. Paths of no field (e.g. `materials.owner_photo`) are returned as they are."""
    candidate = path
    while candidate and candidate not in BY_PATH:
        cut = max(candidate.rfind("."), candidate.rfind("["))
        if cut <= 0:
            return path
        candidate = candidate[:cut]
    return candidate or path


def _target(order, path: str):
    """(object, attribute) a path points at."""
    head, *rest = path.split(".")
    obj = order.subject if head == "subject" else order.website
    while len(rest) > 1:
        obj = getattr(obj, rest.pop(0))
    return obj, rest[0]


def get_value(order, path: str):
    obj, attr = _target(order, path)
    value = getattr(obj, attr)
    if value is None and BY_PATH[path].kind in {"text", "email"}:
        return ""  # encrypted fields store an empty value as NULL
    return value


def coerce(field: OrderField, value):
    """Turn user/API input into the stored type; ValueError with a message on bad input."""
    if value is None:
        return None if field.kind in {"int", "date", "bool"} else ([] if field.kind == "list" else "")
    if field.kind == "int":
        return int(value) if str(value).strip() else None
    if field.kind == "date":
        if isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value)) if str(value).strip() else None
    if field.kind == "bool":
        if isinstance(value, bool):
            return value
        return str(value).lower() in {"1", "true", "on", "yes"}
    if field.kind == "preapprovals":
        return [_pre_approval(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v]
    if field.kind == "list":
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else [v for v in str(value).split(",") if v]
    return str(value).strip()


def _pre_approval(value) -> dict:
    """An item name (wizard) or {"item", "number"} (API) -> the stored shape."""
    if isinstance(value, dict):
        return {"item": str(value.get("item", "")), "number": str(value.get("number", "") or "")}
    return {"item": str(value), "number": ""}


def set_value(order, path: str, value) -> models.Model:
    """Set one field (coerced); returns the model instance that must be saved."""
    field = BY_PATH[path]
    obj, attr = _target(order, path)
    setattr(obj, attr, coerce(field, value))
    return obj


def snapshot(order) -> dict:
    """Flat {path: value} of every field, JSON-safe (dates as ISO strings)."""
    out = {}
    for field in FIELDS:
        value = get_value(order, field.path)
        out[field.path] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def flatten(data: dict, prefix: str = "") -> dict:
    """Nested API/rules JSON ({"subject": {"principal": {...}}, "websites": [{...}]}) -> {path: value}."""
    flat = {}
    for key, value in data.items():
        if key == "websites" and isinstance(value, list) and not prefix:
            for i, site in enumerate(value[:1]):
                flat.update(flatten(site, f"websites[{i}]."))
        elif isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def nest(flat: dict) -> dict:
    """{path: value} -> the nested JSON shape partners use."""
    out: dict = {}
    for path, value in flat.items():
        node = out
        parts = path.replace("websites[0]", "websites.0").split(".")
        for _i, part in enumerate(parts[:-1]):
            if part == "websites":
                node = node.setdefault("websites", [{}])[0]
                continue
            if part == "0":
                continue
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return out


# The fields in the groups the wizard asks for them: the checklist asks for the subject's nature
# and province first, the account-and-domain step for the domain, then the subject and website
# steps the rest. The same split as the wizard's steps in beian.applicant (a test holds the two
# together); the reviewer's page shows these groups and notifications link a returned field to its
# step without importing the interface.
CHECKLIST_PATHS = ("subject.nature", "subject.province")
CONTEXT_PATHS = ("websites[0].domain",)


@dataclass(frozen=True)
class FieldGroup:
    key: str  # the wizard step's key
    title: object
    paths: tuple[str, ...]


FIELD_GROUPS = (
    FieldGroup("checklist", _("Materials checklist"), CHECKLIST_PATHS),
    FieldGroup("context", _("Account and domain"), CONTEXT_PATHS),
    FieldGroup(
        "subject",
        _("Subject information"),
        tuple(f.path for f in FIELDS if f.step == "subject" and f.path not in CHECKLIST_PATHS),
    ),
    FieldGroup(
        "website",
        _("Website information"),
        tuple(f.path for f in FIELDS if f.step == "website" and f.path not in CONTEXT_PATHS),
    ),
)


def step_key_of_path(path: str) -> str:
    """The key of the wizard step that edits `path` (a field path or `materials.<slot>`)."""
    if path.startswith("materials."):
        return "materials"
    for group in FIELD_GROUPS:
        if path in group.paths:
            return group.key
    return "subject" if path.startswith("subject.") else "website"


def masked_value(field: OrderField, value):
    """PII as shown on screen and in the API: masked; everything else unchanged."""
    if not (field.pii and value):
        return value
    return mask_mobile(value) if ("mobile" in field.path or "phone" in field.path) else mask_id_number(value)


def display_value(order, path: str) -> str:
    """A field's value on the order as a person reads it (see `display`)."""
    return display(BY_PATH[path], get_value(order, path))


def display(field: OrderField, value) -> str:
    """A field's value as a person reads it: masked PII, choice labels, yes/no, or an em dash."""
    from django.utils.translation import gettext

    value = masked_value(field, value)
    if value in (None, "", []):
        return "—"
    if field.choices:
        return label(field.choices, value) or "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, dt.date):
        return value.isoformat()
    if field.path.endswith(".domain"):
        return display_domain(str(value))  # stored as typed or as an A-label; people read the U-label
    return str(value)
