"""What every validator needs besides the value: the reference facts, today, nature and province."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from beian.rules.findings import Finding
from beian.rules.reference import Nature, Province, ReferenceSnapshot
from beian.rules.registry import INVISIBLE_CHARACTERS, TOO_LONG
from beian.rules.text import codepoints, invisible_characters


@dataclass(frozen=True)
class Context:
    ref: ReferenceSnapshot
    today: date
    nature: Nature | None = None
    province: Province | None = None

    @property
    def is_individual(self) -> bool:
        return self.nature is not None and self.nature.is_individual

    @property
    def is_organisation(self) -> bool:
        return self.nature is not None and not self.nature.is_individual

    @property
    def province_name(self) -> str:
        return self.province.name if self.province else ""


def unreadable(value: str, field: str, ctx: Context, limit: int | None = None) -> Finding | None:
    """The hygiene finding that stops further checks of a text value, if any."""
    limit = limit or ctx.ref.settings.max_text_length
    if len(value) > limit:
        return TOO_LONG.at(field, length=len(value), limit=limit)
    hidden = invisible_characters(value)
    if hidden:
        return INVISIBLE_CHARACTERS.at(field, chars=codepoints(hidden))
    return None


FieldCheck = Callable[[str, str, Context], list[Finding]]


def check_text(value: str, field: str, ctx: Context, check: FieldCheck, limit: int | None = None) -> list[Finding]:
    """Run `check` on a non-empty, readable value; empty values stay silent."""
    if not value:
        return []
    blocker = unreadable(value, field, ctx, limit)
    return [blocker] if blocker else check(value, field, ctx)
