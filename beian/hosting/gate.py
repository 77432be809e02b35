"""The access gate (PURE): what a hosted site's public address serves, from its filing state.

Rules file §8.5: an unfiled domain must not serve content (block page); while a first filing or
new website is in progress the site shows a maintenance page; once filed it serves, with the
number in the footer. A filed site stays online during changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from beian.filings import states


class Access(str, Enum):
    SERVE = "serve"
    MAINTENANCE = "maintenance"
    BLOCK = "block"


@dataclass(frozen=True)
class GateDecision:
    access: Access
    status_code: int
    filing_number: str = ""
    retry_after_seconds: int | None = None


MAINTENANCE_RETRY_AFTER = 3600


def decide(*, filing_number: str | None, order_status: str | None) -> GateDecision:
    """filing_number: the website's number if filed; order_status: its latest order's state."""
    if filing_number:
        return GateDecision(Access.SERVE, 200, filing_number=filing_number)
    if order_status in states.IN_PROGRESS:
        return GateDecision(Access.MAINTENANCE, 503, retry_after_seconds=MAINTENANCE_RETRY_AFTER)
    return GateDecision(Access.BLOCK, 451)
