"""PII at rest: Fernet field encryption (django-fernet-encrypted-fields, on `cryptography`)
plus a keyed blind index (HMAC-SHA256) for the few lookups we need, and masking for display.

Three shapes, one key material (settings.SECRET_KEY [+ fallbacks] x settings.SALT_KEY, derived by the
library, so a key rotation covers all of them):
- a value: `EncryptedCharField` / `EncryptedEmailField` (the library's, one token per value);
- a JSON document (order snapshots, OCR details): `EncryptedJSONField`, the whole document sealed as
  one token: one decryption per row read, the JSON types kept (the library's EncryptedJSONField
  seals every leaf separately and turns numbers and booleans into strings);
- a file: `seal` / `unseal` (beian.core.storage wraps the default storage with them)."""

from __future__ import annotations

import hashlib
import hmac
import json
import unicodedata
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from django import forms
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from encrypted_fields.fields import EncryptedCharField, EncryptedEmailField, EncryptedTextField

from beian.core.masking import mask, mask_id_number, mask_mobile

__all__ = [
    "EncryptedBlankEmailField",
    "EncryptedCharField",
    "EncryptedEmailField",
    "EncryptedJSONField",
    "EncryptedTextField",
    "blind_index",
    "is_sealed",
    "mask",
    "mask_id_number",
    "mask_mobile",
    "seal",
    "unseal",
]

# A Fernet token is urlsafe base64 of version byte 0x80 + an 8-byte timestamp: it always starts so. No
# plaintext this module seals starts like that (JSON starts with { [ " or a digit; images and PDFs with
# their magic bytes), which is how rows and files written before they were sealed are still read.
TOKEN_PREFIX = b"gAAAAA"

_key_source = EncryptedTextField()  # the library's key derivation (PBKDF2 per secret x salt), cached


def fernet() -> Fernet | MultiFernet:
    return _key_source.f


def is_sealed(data: bytes | str) -> bool:
    return (data.encode() if isinstance(data, str) else data).startswith(TOKEN_PREFIX)


def seal(data: bytes) -> bytes:
    return fernet().encrypt(data)


def unseal(data: bytes) -> bytes:
    """The plaintext of a sealed token; data written before sealing (no token) as it is."""
    return fernet().decrypt(data) if is_sealed(data) else data


class EncryptedJSONField(models.TextField):
    """A JSON document stored as one Fernet token (a text column). Nothing queries inside these
    documents; they are read whole. Rows written as plain JSON before are read as they are and
    sealed when saved (the data migrations seal them all)."""

    # for django-stubs: the attribute holds any JSON value, not the column's text
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def __init__(self, *args, encoder=DjangoJSONEncoder, **kwargs):
        self.encoder = encoder
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.encoder is not DjangoJSONEncoder:
            kwargs["encoder"] = self.encoder
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):  # a JSON column not migrated yet (PostgreSQL jsonb): decoded
            return value
        return json.loads(unseal(value.encode()).decode())

    def to_python(self, value) -> Any:
        if isinstance(value, str) and is_sealed(value):
            return json.loads(unseal(value.encode()).decode())
        return value

    def get_prep_value(self, value) -> str | None:
        if value is None:
            return None
        plain = json.dumps(value, cls=self.encoder, ensure_ascii=False, separators=(",", ":"))
        return seal(plain.encode()).decode()

    def value_to_string(self, obj) -> Any:  # type: ignore[override]
        return self.value_from_object(obj)  # as JSONField: the serializers write the document itself

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.JSONField, "encoder": self.encoder, **kwargs})


class EncryptedBlankEmailField(EncryptedEmailField):
    """EncryptedEmailField that reads "" where no address is stored (the library writes an empty value
    as NULL), as Django's EmailField reads a blank one: for User.email, which Django's auth reads."""

    def from_db_value(self, value, expression, connection) -> Any:
        return "" if value is None else super().from_db_value(value, expression, connection)


def normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip().replace(" ", "").upper()


def blind_index(value: str, *, purpose: str) -> str:
    """Deterministic keyed digest: equal values match, the digest reveals nothing without the key."""
    if not value:
        return ""
    key = f"{settings.BLIND_INDEX_KEY}:{purpose}".encode()
    return hmac.new(key, normalise(value).encode(), hashlib.sha256).hexdigest()
