"""PII at rest: Fernet field encryption (django-fernet-encrypted-fields, on `cryptography`)
plus a keyed blind index (HMAC-SHA256) for the few lookups we need, and masking for display."""
from __future__ import annotations

import hashlib
import hmac
import unicodedata

from django.conf import settings
from encrypted_fields.fields import EncryptedCharField

__all__ = ["EncryptedCharField", "blind_index", "mask"]


def normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip().replace(" ", "").upper()


def blind_index(value: str, *, purpose: str) -> str:
    """Deterministic keyed digest: equal values match, the digest reveals nothing without the key."""
    if not value:
        return ""
    key = f"{settings.BLIND_INDEX_KEY}:{purpose}".encode()
    return hmac.new(key, normalise(value).encode(), hashlib.sha256).hexdigest()


def mask(value: str, *, keep_start: int = 3, keep_end: int = 4) -> str:
    """110105********002X, 138****5678; short values are fully masked."""
    value = value or ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def mask_id_number(value: str) -> str:
    return mask(value, keep_start=6, keep_end=4)


def mask_mobile(value: str) -> str:
    return mask(value, keep_start=3, keep_end=4)
