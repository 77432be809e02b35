"""Platform service tokens: issue, revoke, authenticate, rate-limit. One owner for every token decision.

A key is shown once when issued (`bp_<random>`); only its sha256 is stored. A token carries scopes
(what the platform may call), an optional expiry and a per-token limit of requests per minute.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beian.core import audit, clock
from beian.core.exceptions import ValidationFailed

from .models import Platform, PlatformToken

KEY_PREFIX = "bp_"
# What a platform token may be allowed to do; the API names one scope per router.
SCOPES = {
    "provisioning": gettext_lazy("Provision organisations, users, memberships, hosted sites and domains"),
    "orders": gettext_lazy("Create prefilled orders and read their status"),
    "webhooks": gettext_lazy("Manage webhook endpoints and read the delivery log"),
    "service_codes": gettext_lazy("Generate, grant and read service codes"),
    "launch": gettext_lazy("Issue launch links that sign a user in"),
}
MAX_RATE_LIMIT_PER_MINUTE = 100_000


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def platform_token_issue(
    *,
    platform: Platform,
    name: str,
    scopes: list[str],
    expires_at: datetime | None = None,
    rate_limit_per_minute: int = 600,
    actor=None,
) -> tuple[PlatformToken, str]:
    """Create a token and return it with its key (the only time the key exists outside the caller)."""
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(_("Give the token a name."), field="name", code="token.name_required")
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise ValidationFailed(
            _("Unknown scope: %(scopes)s.") % {"scopes": ", ".join(unknown)}, field="scopes", code="token.scope_unknown"
        )
    if not scopes:
        raise ValidationFailed(_("Choose at least one scope."), field="scopes", code="token.scope_required")
    if expires_at is not None and expires_at <= clock.now():
        raise ValidationFailed(_("The expiry must be in the future."), field="expires_at", code="token.expiry_past")
    if not 1 <= rate_limit_per_minute <= MAX_RATE_LIMIT_PER_MINUTE:
        raise ValidationFailed(
            _("The rate limit must be between 1 and %(max)s requests per minute.") % {"max": MAX_RATE_LIMIT_PER_MINUTE},
            field="rate_limit_per_minute",
            code="token.rate_limit_invalid",
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = PlatformToken.objects.create(
            platform=platform,
            name=name,
            key_hash=key_hash(key),
            prefix=key[:10],
            scopes=sorted(set(scopes)),
            expires_at=expires_at,
            rate_limit_per_minute=rate_limit_per_minute,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit.record(
            action="platform_token.issued",
            target=token,
            actor=actor,
            data={"platform": platform.slug, "name": name, "scopes": token.scopes, "prefix": token.prefix},
        )
    return token, key


def platform_token_revoke(*, token: PlatformToken, actor=None) -> PlatformToken:
    """Revoke a token at once (idempotent: a revoked token stays revoked at its first revocation)."""
    with transaction.atomic():
        token = PlatformToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = clock.now()
            token.save(update_fields=["revoked_at"])
            audit.record(action="platform_token.revoked", target=token, actor=actor, data={"prefix": token.prefix})
    return token


def token_is_live(token: PlatformToken, now: datetime | None = None) -> bool:
    now = now or clock.now()
    return token.revoked_at is None and (token.expires_at is None or token.expires_at > now)


LIVE, EXPIRED, REVOKED = "live", "expired", "revoked"
STATUS_LABELS = {LIVE: gettext_lazy("Live"), EXPIRED: gettext_lazy("Expired"), REVOKED: gettext_lazy("Revoked")}


def token_status(token: PlatformToken, now: datetime | None = None) -> str:
    """LIVE, EXPIRED or REVOKED (a revoked token is REVOKED even after its expiry)."""
    if token.revoked_at is not None:
        return REVOKED
    return LIVE if token_is_live(token, now) else EXPIRED


def platform_token_authenticate(key: str) -> PlatformToken | None:
    """The live token of `key` (its platform loaded), or None for an unknown, expired or revoked key."""
    if not key or not key.startswith(KEY_PREFIX):
        return None
    token = PlatformToken.objects.select_related("platform").filter(key_hash=key_hash(key)).first()
    if token is None or not token_is_live(token):
        return None
    now = clock.now()
    # last_used_at to the minute: one write per token per minute, not one per request
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= 60:
        PlatformToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int  # seconds until the window resets


def rate_limit_hit(token: PlatformToken) -> RateDecision:
    """Count one request against the token's per-minute limit (a fixed window in the shared cache: Redis on
    the scale path, so every web process counts together)."""
    now = clock.now()
    window = int(now.timestamp()) // 60
    cache_key = f"platform-rate:{token.key_hash[:24]}:{window}"
    if cache.add(cache_key, 1, timeout=120):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=120)
            count = 1
    retry_after = 60 - int(now.timestamp()) % 60
    limit = token.rate_limit_per_minute
    return RateDecision(count <= limit, limit, max(0, limit - count), retry_after)
