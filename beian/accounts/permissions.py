from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def organisation_of(user):
    membership = user.memberships.select_related("organisation").order_by("pk").first()
    return membership.organisation if membership else None


def applicant_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.organisation is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def reviewer_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_reviewer:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def operator_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_operator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
