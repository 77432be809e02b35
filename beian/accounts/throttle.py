"""Login throttling (django-axes): a username tried from one address with too many wrong passwords is locked
out for a while, on the web login form and on the API's token endpoint alike. Settings: AXES_* in
config/settings.py (BEIAN_LOGIN_FAILURE_LIMIT, BEIAN_LOGIN_COOLOFF_MINUTES)."""

from __future__ import annotations

from datetime import datetime, timedelta

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from beian.core import audit


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes's check before every password check. A login without a request (a management command, a test's
    `client.login`) is no attempt from an address: nothing to throttle, the next backend decides."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def cool_off() -> timedelta:
    return get_cool_off() or timedelta(0)


def retry_at() -> datetime:
    """When a login locked out now may be tried again (each attempt during the lockout starts it anew)."""
    return timezone.now() + cool_off()


def locked_out_message() -> str:
    when = date_format(timezone.localtime(retry_at()), "Y-m-d H:i")
    return _("Too many wrong passwords for this account from your address. Try again after %(time)s.") % {"time": when}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page of the web form. The API answers its own error (429
    `auth.locked_out`), so its answer is kept."""
    if request.path.startswith("/api/") and original_response is not None:
        return original_response
    context = {"retry_at": retry_at(), "minutes": int(cool_off().total_seconds() // 60)}
    return render(request, "accounts/locked_out.html", context, status=429)


def record_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    """Audit a lockout (axes's `user_locked_out` signal): who was locked out, from where, through what."""
    audit.record(
        action="user.locked_out",
        target_type="accounts.user",
        target_id=username or "",
        actor_label=username or "anonymous",
        data={"ip_address": ip_address or "", "path": getattr(request, "path", "")},
    )
