"""The optional second factor of staff (reviewers, operators, admin users): a TOTP authenticator app, through
django-otp.

A staff member turns it on at 两步验证 (/accounts/two-factor/): scans the QR code, types the app's current code,
and from then on every way into a session asks for a code after the password (the login form's second step;
a session that got in another way — the admin's own login, sign-in from the platform — is sent to that step by
`SecondFactorMiddleware` before it may see anything). The token endpoint of the API asks the code in `otp`.
`BEIAN_STAFF_TOTP_REQUIRED` makes it mandatory: staff without an authenticator are sent to set one up.

Codes are throttled by django-otp (each wrong code doubles the wait before the next may be tried); every
change (on, off, a refused code) is in the audit log. A lost phone: an operator deletes the member's device in
the admin (audited like every admin change), and the member sets up a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.core import audit
from beian.core.exceptions import DomainError

DEVICE_NAME = "authenticator"


class TwoFactorError(DomainError):
    """A refused second-factor step: `code` (two_factor.*), a translated message, the HTTP status it answers."""

    def __init__(self, code: str, message: str, *, status: int = 400, field: str = ""):
        super().__init__(message, code=code, field=field)
        self.status = status


def is_staff_member(user) -> bool:
    """Who may (and, when required, must) use a second factor: reviewers, operators and admin users."""
    return bool(user and user.is_authenticated and (user.is_staff or user.is_superuser or user.is_reviewer))


def confirmed_device(user) -> TOTPDevice | None:
    if not (user and user.pk):
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def second_factor_required(user) -> bool:
    """True when this user must type a code after the password: they turned it on."""
    return confirmed_device(user) is not None


def staff_required() -> bool:
    """BEIAN_STAFF_TOTP_REQUIRED: every staff member must use a second factor."""
    return bool(getattr(settings, "STAFF_TOTP_REQUIRED", False))


def must_enrol(user) -> bool:
    """True when the second factor is mandatory for staff and this staff member has none yet."""
    return staff_required() and is_staff_member(user) and not second_factor_required(user)


@dataclass(frozen=True)
class Enrolment:
    """What the set-up page shows: the QR code (inline SVG), the key to type by hand (base32, in groups)."""

    qr_svg: str
    key_text: str
    config_url: str


def _key_text(device: TOTPDevice) -> str:
    from base64 import b32encode  # only here: the key as an authenticator app asks it typed

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def totp_enrolment_start(*, user) -> Enrolment:
    """The unconfirmed device of this user (made on first visit, the same one after that until confirmed)."""
    if not is_staff_member(user):
        raise TwoFactorError(
            "two_factor.not_staff", _("Two-step verification is for reviewers and operators."), status=403
        )
    if second_factor_required(user):
        raise TwoFactorError("two_factor.already_on", _("Two-step verification is already on."), status=409)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    url = device.config_url
    qr = segno.make(url, error="m")
    return Enrolment(
        qr_svg=qr.svg_inline(scale=4, dark="#1d2433", light="#ffffff"), key_text=_key_text(device), config_url=url
    )


def _check(device: TOTPDevice, code: str, *, user, action: str) -> None:
    """Verify `code` on `device` or raise a translated DomainError (a wrong code is audited, and throttled)."""
    code = (code or "").strip().replace(" ", "")
    allowed, info = device.verify_is_allowed()
    if not allowed:
        locked_until = (info or {}).get("locked_until")
        seconds = max(1, int((locked_until - timezone.now()).total_seconds())) if locked_until else 1
        raise TwoFactorError(
            "two_factor.throttled",
            _("Too many wrong codes. Try again in %(seconds)s seconds.") % {"seconds": seconds},
            field="code",
            status=429,
        )
    if not (code.isdigit() and len(code) == device.digits):
        raise TwoFactorError(
            "two_factor.code_format", _("Type the 6 digits your authenticator app shows."), field="code", status=400
        )
    if not device.verify_token(code):
        audit.record(action=f"{action}.refused", target=user, actor=user)
        raise TwoFactorError(
            "two_factor.code_wrong",
            _("That code is not right. Type the code your authenticator app shows now."),
            field="code",
            status=400,
        )


def totp_enrolment_confirm(*, user, code: str) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None or not is_staff_member(user):
        raise TwoFactorError(
            "two_factor.not_started", _("Start the set-up again: open the page once more."), status=409
        )
    # Not in the transaction below: a wrong code's throttling and audit row must stay
    _check(device, code, user=user, action="user.two_factor_enable")
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        audit.record(action="user.two_factor_enabled", target=user, actor=user)
    return device


def totp_disable(*, user, code: str) -> None:
    device = confirmed_device(user)
    if device is None:
        raise TwoFactorError("two_factor.not_on", _("Two-step verification is not on."), status=409)
    if staff_required() and is_staff_member(user):
        raise TwoFactorError(
            "two_factor.required",
            _("Two-step verification is required for staff here; it cannot be turned off."),
            status=409,
        )
    _check(device, code, user=user, action="user.two_factor_disable")  # outside the transaction, as above
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        audit.record(action="user.two_factor_disabled", target=user, actor=user)


def totp_verify(*, user, code: str) -> TOTPDevice:
    """The second step of a login: the device that accepted `code`, or a translated DomainError."""
    device = confirmed_device(user)
    if device is None:
        raise TwoFactorError("two_factor.not_on", _("Two-step verification is not on."), status=409)
    _check(device, code, user=user, action="user.two_factor")
    return device


def session_verified(request, device: TOTPDevice) -> None:
    """Mark the session of the logged-in `request.user` as having passed the second factor."""
    otp_login(request, device)
