"""The requirement matrix: which material slots an order needs (operator-editable table)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from beian.materials import change_slots
from beian.materials.models import MaterialRequirement
from beian.reference import snapshot
from beian.reference.models import CertificateType, SubjectNature

SEED_PATH = Path(__file__).parent / "data" / "requirements.json"


def load_requirements(path: Path | None = None) -> dict[str, int]:
    """Idempotent: create missing slots, update untouched ones, keep operator edits."""
    counts = {"created": 0, "updated": 0, "unchanged": 0, "kept operator edit": 0}
    rows = json.loads(Path(path or SEED_PATH).read_text(encoding="utf-8"))["requirements"]
    for position, row in enumerate(rows):
        defaults = {**row, "order": position}
        slot, holder = defaults.pop("slot"), defaults.pop("holder")
        obj = MaterialRequirement.objects.filter(slot=slot, holder=holder).first()
        if obj is None:
            MaterialRequirement.objects.create(slot=slot, holder=holder, **defaults)
            counts["created"] += 1
        elif all(getattr(obj, k) == v for k, v in defaults.items()):
            counts["unchanged"] += 1
        elif obj.edited_at:
            counts["kept operator edit"] += 1
        else:
            for k, v in defaults.items():
                setattr(obj, k, v)
            obj.save()
            counts["updated"] += 1
    return counts


def holder_of(nature: int | None) -> str:
    """'person' or 'organisation': who holds the certificates this subject nature may use."""
    row = SubjectNature.objects.filter(code=nature).first() if nature is not None else None
    if row is None:
        return ""
    holders = set(
        CertificateType.objects.filter(code__in=row.allowed_certificate_codes).values_list("holder", flat=True)
    )
    return "person" if holders == {"person"} else "organisation"


def requirements_for(*, filing_type: str, holder: str, province: str) -> list[MaterialRequirement]:
    result = []
    for req in MaterialRequirement.objects.all():
        if req.filing_types and filing_type not in req.filing_types:
            continue
        if req.holder != MaterialRequirement.Holder.ANY and req.holder != holder:
            continue
        if req.provinces and province not in req.provinces:
            continue
        result.append(req)
    return result


# A per-website slot of websites[i] (i >= 1) is named `<slot>__<i>` ("owner_id_front__1");
# websites[0] keeps the plain slot name.
_WEBSITE_SLOT = re.compile(r"^(?P<base>.+)__(?P<index>[1-9]\d*)$")


def website_slot(base: str, index: int) -> str:
    return base if index == 0 else f"{base}__{index}"


def split_slot(slot: str) -> tuple[str, int]:
    """`owner_id_front__1` -> ("owner_id_front", 1); `owner_id_front` -> ("owner_id_front", 0)."""
    match = _WEBSITE_SLOT.match(slot)
    return (match.group("base"), int(match.group("index"))) if match else (slot, 0)


def per_website(requirements: list[MaterialRequirement], website_count: int) -> list[MaterialRequirement]:
    """The requirements with each per-website slot repeated for websites[1] on (unsaved copies with
    the slot `<slot>__<i>` and a label naming the website). Every item carries `base_slot` and
    `website_index` (None for the subject's materials)."""
    out = []
    for req in requirements:
        req.base_slot, req.website_index = req.slot, (0 if req.per_website else None)
        out.append(req)
    for index in range(1, website_count):
        for req in requirements:
            if not req.per_website:
                continue
            extra = copy.copy(req)
            extra.slot, extra.website_index = website_slot(req.slot, index), index
            extra.label_zh = f"{req.label_zh}（网站{index + 1}）"
            extra.label_en = f"{req.label_en} (website {index + 1})"
            out.append(extra)
    return out


# --- the materials of a change (rules file §1.5): what changed, plus the province add-ons -------

CHANGE_MATERIALS_SETTING = "change_materials"


def province_addons(province: str | None) -> tuple[change_slots.Addon, ...]:
    """The add-ons reference data lists for changes in `province` (`change_materials.addons`,
    operator-editable). An entry with a `when` this code does not know applies never (and the
    reference-data test names it)."""
    entries = (snapshot.setting(CHANGE_MATERIALS_SETTING, {}) or {}).get("addons") or []
    return tuple(
        change_slots.Addon(when=str(entry.get("when") or ""), materials=tuple(entry.get("materials") or ()))
        for entry in entries
        if str(entry.get("province") or "") == (province or "") and entry.get("when") in change_slots.TRIGGERS
    )


def is_legal_rep(person, subject_principal) -> bool | None:
    """Is this website principal the subject's legal representative? As typed when known;
    otherwise the same ID number as a subject principal who is the legal representative says yes,
    another number says no; None when nothing says."""
    if person is None:
        return None
    if person.is_legal_representative is not None:
        return person.is_legal_representative
    if subject_principal is None or subject_principal.is_legal_representative is None:
        return None
    same = bool(person.certificate_number) and person.certificate_number == subject_principal.certificate_number
    if subject_principal.is_legal_representative:
        return same
    return False if same else None


def change_input(order, *, holder: str, websites: list, requirements: list[MaterialRequirement]):
    """The plain input of change_slots.change_slots for a change order: what it changes against
    the record (asked of the order: materials sits below filings), its principals, the province's
    authorisation rules and add-ons."""
    changes = order.record_changes()
    subject = order.subject
    province = snapshot.current().province(subject.province)
    subject_principal = subject.principal
    return change_slots.ChangeInput(
        holder=holder,
        website_count=len(websites),
        changed_paths=frozenset(changes.paths),
        domains_added=frozenset(c.website_index for c in changes.domains if c.added),
        domains_removed=frozenset(c.website_index for c in changes.domains if c.removed),
        per_website=frozenset(r.base_slot for r in requirements if r.per_website),
        subject_principal_is_legal_rep=subject_principal.is_legal_representative if subject_principal else None,
        website_principals_are_legal_rep=tuple(is_legal_rep(w.principal, subject_principal) for w in websites),
        subject_principal_authorisation=bool(
            province and province.org_subject_principal_rule == "authorization_allowed"
        ),
        website_principal_authorisation=bool(province and province.website_principal_authorization_if_not_legal_rep),
        addons=province_addons(subject.province),
    )
