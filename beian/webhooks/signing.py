"""Standard Webhooks signatures (https://www.standardwebhooks.com/), made with its reference
library `standardwebhooks`: `webhook-id`, `webhook-timestamp` and `webhook-signature` headers,
the signature an HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed with each live secret of the
endpoint, space-separated (`v1,<a> v1,<b>`) while an old secret is in its grace period."""

from __future__ import annotations

import base64
import datetime as dt
import secrets as random
from collections.abc import Iterable

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(random.token_bytes(SECRET_BYTES)).decode("ascii")


def secret_prefix(secret: str) -> str:
    """What identifies a secret on screen without revealing it: `whsec_` and its first 4 characters."""
    return secret[: len(SECRET_PREFIX) + 4]


def signature(secrets: Iterable[str], *, msg_id: str, timestamp: dt.datetime, body: str) -> str:
    """The `webhook-signature` header: one `v1,<base64>` per secret, newest first."""
    at = timestamp.astimezone(dt.UTC)  # the library reads the instant as UTC whatever its zone
    return " ".join(Webhook(secret).sign(msg_id, at, body) for secret in secrets)


def headers(secrets: Iterable[str], *, msg_id: str, timestamp: dt.datetime, body: str) -> dict[str, str]:
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature(secrets, msg_id=msg_id, timestamp=timestamp, body=body),
    }
