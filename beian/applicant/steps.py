"""The six wizard steps (from the seed's flow) and which order fields each one edits."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from beian.filings.fields import FIELDS


@dataclass(frozen=True)
class Step:
    key: str
    title: object
    paths: tuple[str, ...] = ()


CHECKLIST_PATHS = ("subject.nature", "subject.province")
CONTEXT_PATHS = ("websites[0].domain",)

STEPS = (
    Step("checklist", _("Materials checklist"), CHECKLIST_PATHS),
    Step("context", _("Account and domain"), CONTEXT_PATHS),
    Step(
        "subject",
        _("Subject information"),
        tuple(f.path for f in FIELDS if f.step == "subject" and f.path not in CHECKLIST_PATHS),
    ),
    Step(
        "website",
        _("Website information"),
        tuple(f.path for f in FIELDS if f.step == "website" and f.path not in CONTEXT_PATHS),
    ),
    Step("materials", _("Upload materials")),
    Step("confirm", _("Confirm and submit")),
)
BY_KEY = {s.key: s for s in STEPS}


def step_of_path(path: str) -> Step:
    if path.startswith("materials."):
        return BY_KEY["materials"]
    for step in STEPS:
        if path in step.paths:
            return step
    return BY_KEY["subject"] if path.startswith("subject.") else BY_KEY["website"]


def next_step(key: str) -> str | None:
    keys = [s.key for s in STEPS]
    i = keys.index(key)
    return keys[i + 1] if i + 1 < len(keys) else None
