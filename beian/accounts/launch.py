"""Launch links: the site builder's 备案 button opens /launch/?token=<JWT>, which signs its user in
and lands them on the right site's filing (docs/partner-sign-in.md).

The token is a JWT (PyJWT), HS256-signed with the platform's launch secret (LaunchSecret, encrypted
at rest; the newest and the one before it are accepted, so a platform can rotate without a gap).
Claims: iss (the platform's slug), sub (the platform's user id), org (the platform's account id),
site (our hosted site's id or its address), optional order (an order id to open), exp at most
LAUNCH_LINK_MAX_SECONDS after iat, and jti, which opens once (UsedLaunchToken). Optional name,
email and role describe a user we have not seen yet, who is made as the OpenID sign-in makes one.

Where the link lands (an order, the site's open order, its filed record, a new filing) is the
interface's to decide from filings and hosting, which this app may not import: `launch_redeem`
takes it as `target`, run inside the same transaction, so a refused target changes nothing."""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import jwt
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from beian.accounts.models import LaunchSecret, Organisation, Platform, UsedLaunchToken, User
from beian.accounts.oidc import (
    ROLES,
    membership_ensure,
    platform_user_upsert,
    sign_in_audit,
    sign_in_refused_audit,
)
from beian.core import audit, clock
from beian.core.exceptions import DomainError

logger = logging.getLogger(__name__)
ALGORITHM = "HS256"
REQUIRED = ["iss", "sub", "org", "site", "exp", "iat", "jti"]
ACCEPTED_SECRETS = 2  # the current secret and the one before it
CLOCK_SKEW_SECONDS = 60  # an `iat` this far in the future is still accepted (the platform's clock)


class LaunchRefused(DomainError):
    code = "launch.refused"
    status = 400


@dataclass(frozen=True)
class LaunchClaims:
    platform: Platform
    subject: str  # the platform's user id
    organisation: str  # the platform's account id
    site: str  # our hosted site's id or its address
    order: str  # an order id to open, or ""
    jti: str
    expires_at: datetime
    name: str = ""
    email: str = ""
    role: str = ""


@dataclass(frozen=True)
class Launched:
    user: User
    organisation: Organisation
    url: str  # where to land
    claims: LaunchClaims


# --- secrets ----------------------------------------------------------------------------------


def launch_secrets(platform: Platform) -> list[str]:
    """The secrets a link of `platform` may be signed with, newest first."""
    rows = LaunchSecret.objects.filter(platform=platform, retired_at__isnull=True).order_by("-created_at", "-pk")
    return [row.secret for row in rows[:ACCEPTED_SECRETS]]


def launch_secret_rotate(*, platform: Platform, actor=None) -> str:
    """A new launch secret for `platform`, returned once (only its encrypted form is kept). The
    previous one is still accepted until the next rotation; older ones are retired now."""
    secret = secrets.token_urlsafe(48)
    now = clock.now()
    with transaction.atomic():
        LaunchSecret.objects.create(platform=platform, secret=secret, created_at=now)
        keep = LaunchSecret.objects.filter(platform=platform, retired_at__isnull=True).order_by("-created_at", "-pk")
        retire = [row.pk for row in keep[ACCEPTED_SECRETS:]]
        LaunchSecret.objects.filter(pk__in=retire).update(retired_at=now)
        audit.record(
            action="launch_secret.rotated",
            target=platform,
            actor=actor,
            actor_label="" if actor else "system",
            data={"retired": len(retire)},
        )
    return secret


def _current_secret(platform: Platform) -> str:
    found = launch_secrets(platform)
    return found[0] if found else launch_secret_rotate(platform=platform)


# --- issuing (for the API: the platform asks us for a link) -------------------------------------


def launch_token_issue(
    *, platform: Platform, subject: str, organisation: str, site: str, order: str = "", seconds: int | None = None
) -> str:
    now = int(clock.now().timestamp())
    claims = {
        "iss": platform.slug,
        "sub": subject,
        "org": organisation,
        "site": site,
        "iat": now,
        "exp": now + (seconds or settings.LAUNCH_LINK_MAX_SECONDS),
        "jti": uuid.uuid4().hex,
    }
    if order:
        claims["order"] = order
    return jwt.encode(claims, _current_secret(platform), algorithm=ALGORITHM)


def launch_url(token: str) -> str:
    return f"{settings.BEIAN_PUBLIC_URL.rstrip('/')}{reverse('launch')}?{urlencode({'token': token})}"


def launch_link_issue(*, platform: Platform, user: User | str, site, order=None) -> str:
    """A launch link for the platform's user `user` (a User of the platform, or the platform's id of
    one we may not have seen yet) into hosted site `site` (of one of the platform's organisations),
    optionally into `order`. Returns the URL to open within LAUNCH_LINK_MAX_SECONDS."""
    organisation = site.organisation
    if organisation.platform_id != platform.pk or not organisation.external_id:
        raise DomainError(_("This site does not belong to one of your accounts."), code="launch.site_not_found")
    if isinstance(user, User):
        if user.platform_id != platform.pk or not user.external_id:
            raise DomainError(_("This user is not one of your users."), code="launch.user_not_found")
        subject = user.external_id
    else:
        subject = str(user).strip()
    if not subject:
        raise DomainError(_("Say which of your users the link is for."), code="launch.user_missing")
    if order is not None and order.organisation_id != organisation.pk:
        raise DomainError(_("This order does not belong to the site's account."), code="launch.order_not_found")
    token = launch_token_issue(
        platform=platform,
        subject=subject,
        organisation=organisation.external_id,
        site=str(site.pk),
        order=str(order.pk) if order is not None else "",
    )
    audit.record(
        action="launch_link.issued",
        target=site,
        organisation_id=organisation.pk,
        actor_label=platform.slug,
        data={"user": subject, "order": order.pk if order is not None else None},
    )
    return launch_url(token)


# --- redeeming ---------------------------------------------------------------------------------


def _invalid() -> LaunchRefused:
    return LaunchRefused(_("This filing link is not valid."), code="launch.invalid")


def launch_claims_verify(token: str) -> LaunchClaims:
    """The claims of a launch token whose signature, issuer, lifetime and claims check out (reads
    only; single use is checked when it is redeemed). Raises LaunchRefused."""
    try:
        unverified = jwt.decode(token or "", options={"verify_signature": False})
    except jwt.PyJWTError:
        raise _invalid() from None
    platform = Platform.objects.filter(slug=str(unverified.get("iss") or "")).first()
    if platform is None:
        raise LaunchRefused(_("This filing link comes from a platform we do not know."), code="launch.unknown_issuer")
    payload = None
    for secret in launch_secrets(platform):
        try:
            payload = jwt.decode(
                token,
                secret,
                algorithms=[ALGORITHM],
                # business time is beian.core.clock's: the times are checked below
                options={"require": REQUIRED, "verify_exp": False, "verify_iat": False, "verify_nbf": False},
            )
            break
        except jwt.InvalidSignatureError:
            continue
        except jwt.PyJWTError:
            raise _invalid() from None
    if payload is None:
        raise LaunchRefused(_("This filing link's signature is not valid."), code="launch.bad_signature")
    try:
        issued, expires = int(payload["iat"]), int(payload["exp"])
    except (TypeError, ValueError):
        raise _invalid() from None
    now = clock.now().timestamp()
    if expires <= now:
        raise LaunchRefused(_("This filing link has expired."), code="launch.expired")
    if issued > now + CLOCK_SKEW_SECONDS or expires - issued > settings.LAUNCH_LINK_MAX_SECONDS:
        raise LaunchRefused(
            _("This filing link is valid for longer than %(minutes)s minutes, which is not accepted.")
            % {"minutes": settings.LAUNCH_LINK_MAX_SECONDS // 60},
            code="launch.lifetime",
        )
    values = {key: str(payload.get(key) or "").strip() for key in ("sub", "org", "site", "order", "jti")}
    if not all(values[key] for key in ("sub", "org", "site", "jti")):
        raise _invalid()
    return LaunchClaims(
        platform=platform,
        subject=values["sub"],
        organisation=values["org"],
        site=values["site"],
        order=values["order"],
        jti=values["jti"][:128],
        expires_at=datetime.fromtimestamp(expires, tz=clock.now().tzinfo),
        name=str(payload.get("name") or "").strip(),
        email=str(payload.get("email") or "").strip(),
        role=str(payload.get("role") or "").strip().lower(),
    )


def launch_redeem(*, token: str, target: Callable[[Organisation, LaunchClaims], str]) -> Launched:
    """Open a launch link once: verify it, make or find the platform's user, make them a member of
    the account the link names, and ask `target` where to land (it raises LaunchRefused when the
    site or order is not that account's). All or nothing; the caller signs the user in."""
    claims = launch_claims_verify(token)
    try:
        with transaction.atomic():
            _use_once(claims)
            organisation = Organisation.objects.filter(
                platform=claims.platform, external_id=claims.organisation
            ).first()
            if organisation is None:
                raise LaunchRefused(
                    _("The account this filing link names is not known here yet."), code="launch.unknown_organisation"
                )
            user, _created = platform_user_upsert(
                platform=claims.platform, external_id=claims.subject, name=claims.name, email=claims.email
            )
            if not user.is_active:
                raise LaunchRefused(
                    _("This user is disabled here. Ask the filing service's operator to enable it."),
                    code="launch.user_inactive",
                )
            membership_ensure(  # the platform vouches for its user's account; a role only if it names one
                user=user,
                organisation=organisation,
                role=claims.role if claims.role in ROLES else None,
                actor_label=claims.platform.slug,
            )
            url = target(organisation, claims)
            sign_in_audit(
                user=user,
                platform=claims.platform,
                method="launch",
                data={
                    "organisation": claims.organisation,
                    "site": claims.site,
                    "order": claims.order,
                    "jti": claims.jti,
                },
            )
    except LaunchRefused as exc:
        sign_in_refused_audit(platform=claims.platform, subject=claims.subject, method="launch", code=exc.code)
        raise
    return Launched(user=user, organisation=organisation, url=url, claims=claims)


def _use_once(claims: LaunchClaims) -> None:
    try:
        with transaction.atomic():
            UsedLaunchToken.objects.create(
                platform=claims.platform, jti=claims.jti, used_at=clock.now(), expires_at=claims.expires_at
            )
    except IntegrityError:
        raise LaunchRefused(
            _("This filing link has already been used. Each link opens once."), code="launch.replayed"
        ) from None


def used_launch_tokens_purge() -> int:
    """Forget used links once they have expired (they are refused as expired from then on)."""
    deleted, _rows = UsedLaunchToken.objects.filter(expires_at__lt=clock.now()).delete()
    return deleted
