from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

# The account a user of several works in now (a launch link sets it): the session's choice while
# the user is still a member of it, else their first membership.
ORGANISATION_SESSION_KEY = "beian_organisation_id"


def organisation_of(user, *, preferred_id: int | None = None):
    memberships = user.memberships.select_related("organisation").order_by("pk")
    membership = memberships.filter(organisation_id=preferred_id).first() if preferred_id else None
    membership = membership or memberships.first()
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
