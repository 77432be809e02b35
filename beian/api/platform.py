"""Authentication of the site-building platform's calls: `Authorization: Bearer bp_…` service tokens.

`PlatformBearer("webhooks")` admits a live token of a platform that holds the scope, within the token's
rate limit, and sets `request.platform` and `request.platform_token`. Routers of the platform's endpoints
(`/api/v1/platform/...`) use it as their `auth`; what a platform may see is then scoped to
`request.platform` (the organisations it provisioned).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from beian.accounts import tokens
from beian.core.exceptions import DomainError, PermissionDenied


class RateLimited(DomainError):
    code = "rate_limited"
    status = 429

    def __init__(self, message: str, *, retry_after: int, limit: int):
        super().__init__(message)
        self.retry_after = retry_after
        self.limit = limit


class PlatformBearer(HttpBearer):
    openapi_description = "A platform service token (`bp_…`) created by an operator, with the scope named here."

    def __init__(self, scope: str | None = None):
        if scope is not None and scope not in tokens.SCOPES:
            raise ValueError(f"unknown scope {scope!r}")
        self.scope = scope
        super().__init__()

    def authenticate(self, request, token):
        row = tokens.platform_token_authenticate(token)
        if row is None:
            return None  # ninja answers 401 `unauthenticated`
        if self.scope is not None and self.scope not in row.scopes:
            raise PermissionDenied(
                _("This token does not have the “%(scope)s” scope.") % {"scope": self.scope},
                code="token.scope_missing",
            )
        decision = tokens.rate_limit_hit(row)
        if not decision.allowed:
            raise RateLimited(
                _("Too many requests for this token: at most %(limit)s a minute. Retry in %(seconds)s seconds.")
                % {"limit": decision.limit, "seconds": decision.retry_after},
                retry_after=decision.retry_after,
                limit=decision.limit,
            )
        request.platform = row.platform
        request.platform_token = row
        request.organisation = None  # a platform is not a tenant: it names organisations per call
        return row


def platform_of(request):
    """The platform a `PlatformBearer` admitted (for the platform's endpoints)."""
    return request.platform
