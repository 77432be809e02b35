"""PII at rest: Fernet field encryption (django-fernet-encrypted-fields, on `cryptography`)
plus a keyed blind index (HMAC-SHA256) for the few lookups we need, and masking for display."""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from django.conf import settings
from encrypted_fields.fields import EncryptedCharField

from beian.core.masking import mask, mask_id_number, mask_mobile

__all__ = ["EncryptedCharField", "blind_index", "mask", "mask_id_number", "mask_mobile"]


def normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip().replace(" ", "").upper()


def blind_index(value: str, *, purpose: str) -> str:
    """Deterministic keyed digest: equal values match, the digest reveals nothing without the key."""
    if not value:
        return ""
    key = f"{settings.BLIND_INDEX_KEY}:{purpose}".encode()
    return hmac.new(key, normalise(value).encode(), hashlib.sha256).hexdigest()
