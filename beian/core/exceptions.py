"""Domain errors that interfaces translate into messages (pages) or JSON {code, field, message}."""

from __future__ import annotations


class DomainError(Exception):
    code = "error"
    status = 400

    def __init__(self, message: str = "", *, code: str | None = None, field: str = "", findings=None):
        super().__init__(message)
        self.message = str(message)
        self.code = code or self.code
        self.field = field
        self.findings = list(findings or [])


class IllegalTransition(DomainError):
    """Raised by states.check_transition (pure); the message shown to users is translated here."""

    code = "order.illegal_transition"
    status = 409

    def __init__(self, detail: str = "", **kwargs):
        from django.utils.translation import gettext

        super().__init__(gettext("This action is not possible in the order's current state."), **kwargs)
        self.detail = detail


class ValidationFailed(DomainError):
    code = "validation_failed"
    status = 422


class PermissionDenied(DomainError):
    code = "permission_denied"
    status = 403


class NotFound(DomainError):
    code = "not_found"
    status = 404


class Conflict(DomainError):
    """The request cannot be done in the current state of things (409); the message says what to do first."""

    code = "conflict"
    status = 409
