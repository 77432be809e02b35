"""The requirement matrix: which material slots an order needs (operator-editable table)."""

from __future__ import annotations

import json
from pathlib import Path

from beian.materials.models import MaterialRequirement
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
