"""The SMS gateway interface: what the notifications outbox hands a gateway and what it gets back.

Mainland SMS services send only templates registered and approved in advance, signed with an
approved signature (签名): a request names the template and fills its parameters; the text itself
is the provider's. Plain data in, a receipt or an `SmsGatewayError` out; no Django here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class Failure(StrEnum):
    """What kind of failure a provider reported: decides whether to try again, and what the
    operator reads (notifications translates each)."""

    RATE_LIMITED = "rate_limited"  # per-number or account flow control: try again later
    BALANCE = "balance"  # the account or SMS package is empty: try again after a top-up
    UNAVAILABLE = "unavailable"  # network, timeout, the provider's own error: try again
    TEMPLATE = "template"  # template unknown, unapproved, or its parameters rejected
    SIGNATURE = "signature"  # signature unknown or unapproved
    MOBILE = "mobile"  # the number is invalid, unreachable or blocked
    CONTENT = "content"  # the parameters contain words or links the provider refuses
    CONFIGURATION = "configuration"  # credentials, permissions, app id, IP allow-list, missing template


RETRYABLE = frozenset({Failure.RATE_LIMITED, Failure.BALANCE, Failure.UNAVAILABLE})


@dataclass(frozen=True)
class SmsRequest:
    mobile: str  # a mainland mobile, 11 digits (a leading +86 or 86 is accepted)
    sign_name: str
    template: str  # the provider's template code (Aliyun SMS_123…) or id (Tencent 123…)
    params: dict[str, str] = field(default_factory=dict)  # in the template's order
    reference: str = ""  # our message id, echoed back by the provider (OutId / SessionContext)


@dataclass(frozen=True)
class SmsReceipt:
    message_id: str  # the provider's id of the message (Aliyun BizId, Tencent SerialNo)


class SmsGatewayError(Exception):
    def __init__(self, failure: Failure, code: str, message: str = ""):
        super().__init__(f"{code}: {message}" if message else code)
        self.failure = failure
        self.code = code
        self.message = message

    @property
    def retryable(self) -> bool:
        return self.failure in RETRYABLE


class SmsGateway(Protocol):
    name: str
    uses_templates: bool  # False: the sandbox keeps the outbox text and needs no template

    def send(self, request: SmsRequest) -> SmsReceipt:
        """Send one message; raise SmsGatewayError when the provider refuses or cannot be reached."""


def split_endpoint(endpoint: str, default_scheme: str = "https") -> tuple[str, str]:
    """(scheme, host[:port]) of an endpoint setting given as a host or a URL (http://127.0.0.1:8080)."""
    scheme, sep, rest = endpoint.partition("://")
    if not sep:
        return default_scheme, endpoint.strip("/")
    return scheme.lower(), rest.strip("/")
