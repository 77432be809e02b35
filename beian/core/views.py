"""The one way a page runs a service call: a DomainError becomes the user's error message."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages

from beian.core.exceptions import DomainError


def attempt(request, action: Callable[[], object], success: str = "") -> bool:
    """Run `action`; on success show `success` (if any) and return True, else show the error."""
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
        return False
    if success:
        messages.success(request, success)
    return True
