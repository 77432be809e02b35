"""The order's editable fields, addressed by the same paths the rules engine uses in findings.

One registry serves the wizard forms, the API's nested JSON, field-level returns and the diff.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from beian.core.masking import mask_id_number, mask_mobile
from beian.reference.choices import label
from beian.rules.domains import display_domain

# An order holds websites[0] … websites[N-1]; every website has the same fields. The registry holds
# each website field once, under its template path ("websites[].name"); `BY_PATH` resolves a
# concrete path ("websites[2].name") to that definition with the concrete path filled in.
_WEBSITE = re.compile(r"^websites\[(0|[1-9]\d*)\]")
_FORM_WEBSITE = re.compile(r"^website(?:_([1-9]\d*))?__")
TEMPLATE_PREFIX = "websites[]"


def website_index(path: str) -> int | None:
    """The website a path is about: `websites[2].name` -> 2; None for subject fields and materials."""
    match = _WEBSITE.match(path)
    return int(match.group(1)) if match else None


def template_path(path: str) -> str:
    """`websites[2].principal.name` -> `websites[].principal.name` (other paths unchanged)."""
    return _WEBSITE.sub(TEMPLATE_PREFIX, path, count=1)


def at_index(path: str, index: int) -> str:
    """A template (or concrete) website path for website `index`: `websites[].name` -> `websites[1].name`."""
    return f"websites[{index}]" + template_path(path).removeprefix(TEMPLATE_PREFIX)


@dataclass(frozen=True)
class OrderField:
    path: str  # "subject.principal.mobile", "websites[0].name" (a template: "websites[].name")
    label: object
    step: str  # "subject" | "website"
    kind: str = "text"  # text | int | date | bool | list | email
    pii: bool = False
    choices: str = ""  # reference table the choices come from

    @property
    def full_label(self):
        """The label that says whose field it is where both principals have one (findings, the
        pre-check, notifications, diffs): "主体负责人 证件有效期至" rather than "证件有效期至"."""
        path = template_path(self.path)
        owner = next((name for prefix, name in PRINCIPALS.items() if path.startswith(prefix)), None)
        label = self.label
        if owner is not None and path.rsplit(".", 1)[1] in PERSON_NAMES:
            label = format_lazy("{owner} {label}", owner=owner, label=self.label)
        index = website_index(self.path)
        if index:  # websites[1] on: say which website ("网站 2 网站名称"); the first stays as it was
            return format_lazy("{website} {label}", website=website_title(index), label=label)
        return label

    @property
    def website_index(self) -> int | None:
        return website_index(self.path)

    @property
    def form_name(self) -> str:
        """The wizard's input name: `website__name` for websites[0], `website_1__name` for websites[1]."""
        index = website_index(self.path)
        path = self.path
        if index is not None:
            prefix = "website" if index == 0 else f"website_{index}"
            path = prefix + path[len(f"websites[{index}]") :]
        return path.replace(".", "__")


def website_title(index: int):
    """ "Website 2" for websites[1] (people count from one)."""
    return format_lazy(_("Website {number}"), number=index + 1)


PERSON = [
    ("name", _("Name"), "text", False, ""),
    ("certificate_type", _("Certificate type"), "int", False, "person_certificate_types"),
    ("certificate_number", _("Certificate number"), "text", True, ""),
    ("certificate_valid_until", _("Certificate valid until"), "date", False, ""),
    ("certificate_long_term", _("Long-term certificate"), "bool", False, ""),
    ("mobile", _("Mobile"), "text", True, ""),
    ("emergency_phone", _("Emergency phone"), "text", True, ""),
    ("email", _("Email"), "email", False, ""),
]

PERSON_NAMES = frozenset(name for name, *_rest in PERSON)
PRINCIPALS = {"subject.principal.": _("Subject principal"), "websites[].principal.": _("Website principal")}

SUBJECT_FIELDS: list[OrderField] = [
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
]
# The fields every website has, once each (template paths).
WEBSITE_FIELDS: list[OrderField] = [
    OrderField("websites[].name", _("Website name"), "website"),
    OrderField("websites[].domain", _("Domain"), "website"),
    OrderField("websites[].other_domains", _("Other domains"), "website", "list"),
    OrderField("websites[].service_contents", _("Service content"), "website", "list", choices="service_contents"),
    OrderField("websites[].languages", _("Website languages"), "website", "list", choices="languages"),
    OrderField("websites[].pre_approvals", _("Pre-approvals"), "website", "preapprovals", choices="pre_approvals"),
    OrderField("websites[].remark", _("Remark"), "website"),
    *[OrderField(f"websites[].principal.{n}", label, "website", kind, pii, ch) for n, label, kind, pii, ch in PERSON],
]
TEMPLATES = {f.path: f for f in (*SUBJECT_FIELDS, *WEBSITE_FIELDS)}


@lru_cache(maxsize=4096)
def resolve(path: str) -> OrderField | None:
    """The field at a concrete path (`websites[3].principal.mobile`), or None if there is none."""
    template = TEMPLATES.get(template_path(path))
    if template is None or path.startswith(TEMPLATE_PREFIX):  # a bare template path is no field of an order
        return None
    return template if template.path == path else replace(template, path=path)


def website_fields(index: int) -> list[OrderField]:
    """The fields of website `index`."""
    return [resolve(at_index(f.path, index)) for f in WEBSITE_FIELDS]  # type: ignore[misc]


def fields_for(website_count: int) -> list[OrderField]:
    """Every field of an order with `website_count` websites, subject first, website by website."""
    out = list(SUBJECT_FIELDS)
    for index in range(max(website_count, 1)):
        out += website_fields(index)
    return out


def paths_for(website_count: int) -> tuple[str, ...]:
    return tuple(f.path for f in fields_for(website_count))


# The fields of an order with one website (the shape of a new order).
FIELDS: list[OrderField] = fields_for(1)


class _Registry(Mapping):
    """{path: OrderField} over any number of websites: `BY_PATH["websites[4].name"]` resolves.
    Iterating yields the paths of a one-website order (`paths_for(n)` for more)."""

    def __init__(self, key=lambda f: f.path, lookup=resolve):
        self._key, self._lookup = key, lookup

    def __getitem__(self, key: str) -> OrderField:
        field = self._lookup(key) if isinstance(key, str) else None
        if field is None:
            raise KeyError(key)
        return field

    def __iter__(self) -> Iterator[str]:
        return iter([self._key(f) for f in FIELDS])

    def __len__(self) -> int:
        return len(FIELDS)


def _by_form_name(name: str) -> OrderField | None:
    match = _FORM_WEBSITE.match(name)
    if match:
        path = f"websites[{int(match.group(1) or 0)}]." + name[match.end() :].replace("__", ".")
    else:
        path = name.replace("__", ".")
    field = resolve(path)
    return field if field is not None and field.form_name == name else None


BY_PATH: Mapping[str, OrderField] = _Registry()
BY_FORM_NAME: Mapping[str, OrderField] = _Registry(key=lambda f: f.form_name, lookup=_by_form_name)


def findings_by_field(findings) -> dict[str, list]:
    """Findings grouped under the registered field they belong to (see `owner_path`)."""
    grouped = defaultdict(list)
    for finding in findings:
        grouped[owner_path(finding.field)].append(finding)
    return grouped


def owner_path(path: str) -> str:
    """The registered field a finding's path belongs to: `websites[0].pre_approvals[1].number` →
    `websites[0].pre_approvals`. Paths of no field (e.g. `materials.owner_photo`) are returned as they are."""
    candidate = path
    while candidate and resolve(candidate) is None:
        cut = max(candidate.rfind("."), candidate.rfind("["))
        if cut <= 0:
            return path
        candidate = candidate[:cut]
    return candidate or path


def websites_of(order) -> list:
    """The order's websites in their order; websites[0] is `order.website` (the same instance), so
    a value set through a path is the value saved. Cached on the instance: the website services
    reset it (`forget_websites`) when they add or remove one."""
    cached = getattr(order, "_websites_cache", None)
    if cached is None:
        rest = [w for w in order.websites.all() if w.pk != order.website_id] if order.pk else []
        cached = [order.website, *rest]
        order._websites_cache = cached
    return cached


def forget_websites(order) -> None:
    order.__dict__.pop("_websites_cache", None)


def _target(order, path: str):
    """(object, attribute) a path points at."""
    head, *rest = path.split(".")
    if head == "subject":
        obj = order.subject
    else:
        index = website_index(path)
        websites = websites_of(order)
        if index is None or index >= len(websites):
            raise KeyError(path)
        obj = websites[index]
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


def order_fields(order) -> list[OrderField]:
    """Every field of this order (all its websites)."""
    return fields_for(len(websites_of(order)))


def order_paths(order) -> tuple[str, ...]:
    return tuple(f.path for f in order_fields(order))


def snapshot(order) -> dict:
    """Flat {path: value} of every field of every website, JSON-safe (dates as ISO strings)."""
    out = {}
    for field in order_fields(order):
        value = get_value(order, field.path)
        out[field.path] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def flatten(data: dict, prefix: str = "") -> dict:
    """Nested API/rules JSON ({"subject": {"principal": {...}}, "websites": [{...}]}) -> {path: value}."""
    flat = {}
    for key, value in data.items():
        if key == "websites" and isinstance(value, list) and not prefix:
            for i, site in enumerate(value):
                flat.update(flatten(site if isinstance(site, dict) else {}, f"websites[{i}]."))
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
        index = website_index(path)
        if index is not None:
            websites = out.setdefault("websites", [])
            while len(websites) <= index:
                websites.append({})
            node = websites[index]
            path = path.split(".", 1)[1]
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return out


# The fields in the groups the wizard asks for them: the checklist asks for the subject's nature
# and province first, the account-and-domain step for the domain, then the subject and website
# steps the rest. The same split as the wizard's steps in beian.applicant (a test holds the two
# together); the reviewer's page shows these groups and notifications link a returned field to its
# step without importing the interface.
CHECKLIST_PATHS = ("subject.nature", "subject.province")
CONTEXT_PATHS = ("websites[0].domain",)  # the first website's domain; the others' are on the website step
# Only a change of a filed website adds or removes domains (a new filing has one per website): the
# website step of a change order asks for them (applicant.flow), no new filing's step does.
CHANGE_ONLY_TEMPLATES = ("websites[].other_domains",)


# What a change of access or a cancellation asks beyond the fields (filings.services.order_set_request,
# filings.changes.request_paths): a reviewer returns them like a field, by these paths.
REQUEST_LABELS = {
    "reason_code": _("Cancellation reason"),
    "confirmation": _("Typed confirmation"),
    "hosted_site": _("Hosted site that will serve the website"),
}
# The wizard step that asks for each (a cancellation's step, a change of access's step), and the id
# of its input there: where a "fix it" link of a returned request goes.
REQUEST_STEPS = {
    "reason_code": "cancellation",
    "reason_note": "cancellation",
    "confirmation": "cancellation",
    "hosted_site": "access",
}


def change_only(path: str) -> bool:
    return template_path(path) in CHANGE_ONLY_TEMPLATES


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
        tuple(
            f.path for f in FIELDS if f.step == "website" and f.path not in CONTEXT_PATHS and not change_only(f.path)
        ),
    ),
)
# The website group's paths are those of websites[0]; `website_group_paths` gives any website's.


def website_group_paths(index: int) -> tuple[str, ...]:
    """The website step's fields of website `index` (websites[0]'s domain is asked on the context step)."""
    return tuple(f.path for f in website_fields(index) if f.path not in CONTEXT_PATHS and not change_only(f.path))


def step_key_of_path(path: str) -> str:
    """The key of the wizard step that edits `path` (a field path, `materials.<slot>`, or what an order
    against a record asks beyond the fields: REQUEST_STEPS)."""
    if path.startswith("materials."):
        return "materials"
    if path in REQUEST_STEPS:  # a cancellation's reason or confirmation, a change of access's site
        return REQUEST_STEPS[path]
    for group in FIELD_GROUPS:
        if path in group.paths:
            return group.key
    return "subject" if path.startswith("subject.") else "website"  # websites[1] on: all on the website step


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
