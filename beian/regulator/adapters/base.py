"""The regulator interface. The real MIIT system is unreachable: a sandbox and a manual bridge
implement the same protocol and the adapter is chosen by configuration (BEIAN_REGULATOR_ADAPTER).

Contract for `submit`: the idempotency key identifies the push. Submitting the same key again
(after a crash, a timeout, a stale claim) must answer as the first time did and never open a
second case or send a second set of SMS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class RetryableError(Exception):
    """Try again later (timeouts, regulator busy)."""


class PermanentError(Exception):
    """Will not succeed by retrying; parked with this message for an operator."""


@dataclass(frozen=True)
class SubmitResult:
    reference: str
    sms_roles: tuple[str, ...]  # principals who must verify; empty = straight to review
    replayed: bool = False  # the regulator already had this idempotency key


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    all_verified: bool = False
    returned: bool = False  # too many wrong attempts or too late: the regulator returned the order
    message_zh: str = ""
    message_en: str = ""


@dataclass(frozen=True)
class ResendResult:
    ok: bool
    sent: int = 0  # how many SMS went out
    message_zh: str = ""
    message_en: str = ""


class RegulatorAdapter(Protocol):
    name: str

    def submit(self, order, *, idempotency_key: str) -> SubmitResult: ...

    def verify_sms(self, order, *, mobile: str, code: str, certificate_tail: str) -> VerifyResult: ...

    def resend_sms(self, order, *, role: str = "", mobile: str = "") -> ResendResult:
        """A new code to the principal in `role` (or to every unverified SMS of `mobile`)."""
        ...

    def progress(self) -> int:
        """Move cases whose time has come (sandbox); returns how many changed."""
        ...
