"""Who acts when nobody is signed in: a platform acting for one of its organisations (the partner API).

A `PlatformAgent` is passed where services take a `user` (order_start, order_update…). It is not a user:
it is never authenticated, never a reviewer, and holds no claim; it acts on its organisation's side only
(filings.selectors.user_state), and the audit trail and the order's timeline name it `platform:<slug>`
(`audit_label`). `for_user`: the organisation's member the platform acts for, when it names one (the
order's creator: notifications prefer them).
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Platform, User


@dataclass(frozen=True)
class PlatformAgent:
    platform: Platform
    organisation_id: int
    for_user: User | None = None

    is_authenticated = False
    is_active = True

    @property
    def audit_label(self) -> str:
        return f"platform:{self.platform.slug}"

    def get_username(self) -> str:
        return self.audit_label
