"""What every module of the API shares: the error shape (`error`), the error statuses operations declare,
and the Idempotency-Key replay (`idempotent`). The operations live in api.py and in the platform's router
modules (e.g. provisioning.py), which import these from here; api.py imports those routers to mount them,
so nothing here may import api.py.
"""

from __future__ import annotations

import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Header

from beian.accounts.permissions import organisation_of
from beian.api.models import IdempotencyRecord
from beian.api.schemas import ErrorOut
from beian.core.exceptions import PermissionDenied, ValidationFailed

# The error statuses every authenticated operation can answer with (422: a parameter that does not match this
# document, e.g. a path id that is not a number), those of an order's operations, and 400 for a body that is not JSON.
AUTH_ERRORS = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut}
ORDER_ERRORS = {**AUTH_ERRORS, 404: ErrorOut}
# What every platform-token operation can answer with besides its own: 429 over the token's rate limit.
PLATFORM_ERRORS: dict[int, type[ErrorOut]] = {**AUTH_ERRORS, 429: ErrorOut}
BODY_ERRORS = {400: ErrorOut}
IDEMPOTENCY_KEY = Header(
    None,
    alias="Idempotency-Key",
    max_length=200,
    description="Any unique string (e.g. a UUID) per intended change; a repeat replays the first answer.",
)


def tenant(request):
    """The caller's organisation (the session's choice, else their first); 403 without one."""
    org = getattr(request, "organisation", None) or organisation_of(request.user)
    if org is None:
        raise PermissionDenied(_("This account has no organisation."), code="permission_denied")
    return org


def error(code: str, message: str, field: str = "", findings=None) -> dict:
    return {"code": code, "field": field, "message": message, "findings": [_finding(f) for f in findings or []]}


def _finding(f) -> dict:
    data = f.as_dict()
    data["message"] = f.message(get_language() or "zh-hans")
    data["fix"] = f.fix(get_language() or "zh-hans")
    return data


def idempotent(request, endpoint: str, produce, key: str | None):
    """Run `produce()` once per (caller, Idempotency-Key, endpoint); replay the stored response after. The
    caller is the user, or the platform for a platform token's call (its tokens share its keys).

    A repeat must be the same request (path, query and body); the same key with another request is refused
    with 422 `idempotency.key_reused` instead of answering for a request that was never processed."""
    key = (key or "").strip()
    if not key:
        return produce()
    fingerprint = _request_fingerprint(request)
    owner = _idempotency_owner(request)
    stored = IdempotencyRecord.objects.filter(**owner, key=key, endpoint=endpoint).first()
    if stored:
        return _replay(stored, fingerprint)
    status, body = produce()
    try:
        with transaction.atomic():
            IdempotencyRecord.objects.create(
                **owner,
                key=key,
                endpoint=endpoint,
                request_hash=fingerprint,
                status=status,
                body=json.loads(json.dumps(body, default=str)),
            )
    except IntegrityError:
        return _replay(IdempotencyRecord.objects.get(**owner, key=key, endpoint=endpoint), fingerprint)
    return status, body


def _idempotency_owner(request) -> dict:
    platform = getattr(request, "platform", None)
    return {"platform": platform, "user": None} if platform is not None else {"user": request.user}


def _replay(stored: IdempotencyRecord, fingerprint: str):
    if stored.request_hash and stored.request_hash != fingerprint:
        raise ValidationFailed(
            _("This Idempotency-Key was already used for a different request."),
            code="idempotency.key_reused",
            field="Idempotency-Key",
        )
    return stored.status, stored.body


def _request_fingerprint(request) -> str:
    """A hash of what the request asks for: method, path with query, and body (JSON canonically; uploads by
    their fields and file contents, since multipart boundaries differ between repeats)."""
    digest = hashlib.sha256(f"{request.method} {request.get_full_path()}\n".encode())
    if request.content_type == "multipart/form-data":
        for name, value in sorted(request.POST.items()):
            digest.update(f"{name}={value}\n".encode())
        for name, upload in sorted(request.FILES.items()):
            digest.update(f"{name}:{upload.name}:".encode())
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    else:
        try:
            digest.update(json.dumps(json.loads(request.body or b"null"), sort_keys=True).encode())
        except ValueError:
            digest.update(request.body)
    return digest.hexdigest()
