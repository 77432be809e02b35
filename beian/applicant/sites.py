"""What the dashboard's card of one hosted site says (我的网站): whether the site is filed (with its
numbers), being filed, or unfiled, and the action that applies — open the order under way, manage
the filed record, add a website under the filed subject, or start filing.

Presentation only: the state comes from the gate's decision for each bound domain (hosting.gate)
and the order under way for the site; nothing here changes anything."""

from __future__ import annotations

from dataclasses import dataclass

from beian.filings import states
from beian.hosting.gate import Access

FILED, IN_PROGRESS, UNFILED = "filed", "in_progress", "unfiled"


@dataclass(frozen=True)
class SiteCard:
    site: object  # HostedSite
    domains: list  # [(domain, GateDecision)] of each bound domain
    state: str  # FILED, IN_PROGRESS or UNFILED
    numbers: tuple[str, ...]  # the website filing numbers its domains serve with (FILED)
    open_order: object | None  # the order under way for the site (not finished), if any
    codes: tuple = ()  # the site's service codes (filings.service_codes), shown under the card

    @property
    def may_start(self) -> bool:
        """Start filing (unfiled), or add a website under the filed subject (filed): while no order
        is under way for the site (starting again would only open it)."""
        return self.open_order is None and self.state != IN_PROGRESS


def site_card(site, open_order, domains, codes=()) -> SiteCard:
    """The card of `site`: `open_order` the order under way for it (or None), `domains` each bound
    domain with the gate's decision. Filed when a domain serves with a number (an order under way,
    a change for instance, does not make it less filed); being filed while an order for it is open
    or a domain shows the maintenance page; unfiled otherwise (never filed, or cancelled)."""
    numbers = tuple(
        dict.fromkeys(d.filing_number for _name, d in domains if d.access == Access.SERVE and d.filing_number)
    )
    if open_order is not None and open_order.status in states.TERMINAL:
        open_order = None
    if numbers:
        state = FILED
    elif open_order is not None or any(d.access == Access.MAINTENANCE for _name, d in domains):
        state = IN_PROGRESS
    else:
        state = UNFILED
    return SiteCard(site=site, domains=domains, state=state, numbers=numbers, open_order=open_order, codes=tuple(codes))
