"""Sign-in from the partner platform (使用<平台>登录): an OpenID Connect relying party through
mozilla-django-oidc, configured from the environment (config/settings.py, docs/partner-sign-in.md).

The library runs the authorization-code flow (state, nonce, PKCE, the token and userinfo calls, the
id token's signature against the platform's JWKS). What is ours: the issuer and audience checks, and
what the claims mean here: `sub` is the platform's user (User.platform + User.external_id), the
organisation claims are the platform's account of that user (Organisation.platform +
Organisation.external_id) and the user's role in it (Membership). Users and organisations are made on
first sign-in and brought up to date on every sign-in after (`platform_user_sign_in`), and every
sign-in, refused ones too, is in the audit log."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from beian.accounts import provisioning
from beian.accounts.models import Membership, Organisation, Platform, User
from beian.core import audit
from beian.core.exceptions import DomainError

logger = logging.getLogger(__name__)
ROLES = {Membership.Role.OWNER.value, Membership.Role.MEMBER.value}


def oidc_enabled() -> bool:
    """Sign-in from the platform is on when everything it needs is configured."""
    return all(
        getattr(settings, name, "")
        for name in (
            "OIDC_RP_CLIENT_ID",
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_PLATFORM",
        )
    )


def oidc_platform_name() -> str:
    """The platform's name on the login button ("使用<平台>登录")."""
    return settings.OIDC_PLATFORM_NAME or settings.OIDC_PLATFORM


class SignInRefused(DomainError):
    code = "sign_in.refused"
    status = 403


# --- the claims --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationClaim:
    external_id: str
    name: str
    role: str  # Membership.Role


@dataclass(frozen=True)
class ClaimNames:
    organisation_id: str = "org_id"
    organisation_name: str = "org_name"
    role: str = "org_role"

    @classmethod
    def from_settings(cls) -> ClaimNames:
        return cls(settings.OIDC_ORGANISATION_ID_CLAIM, settings.OIDC_ORGANISATION_NAME_CLAIM, settings.OIDC_ROLE_CLAIM)


def _role(value: Any) -> str:
    value = str(value or "").strip().lower()
    return value if value in ROLES else Membership.Role.MEMBER


def organisations_from_claims(claims: dict, names: ClaimNames) -> list[OrganisationClaim]:
    """The platform accounts the claims name: the organisation id claim is one id (with the name and
    role claims beside it), or a list of {"id", "name", "role"} for a user in several accounts.
    A role other than owner reads as member; an entry without an id is left out."""
    value = claims.get(names.organisation_id)
    if isinstance(value, list):
        entries = [entry for entry in value if isinstance(entry, dict)]
        found = [
            OrganisationClaim(str(e.get("id") or "").strip(), str(e.get("name") or "").strip(), _role(e.get("role")))
            for e in entries
        ]
    elif value not in (None, ""):
        found = [
            OrganisationClaim(
                str(value).strip(),
                str(claims.get(names.organisation_name) or "").strip(),
                _role(claims.get(names.role)),
            )
        ]
    else:
        found = []
    return [org for org in found if org.external_id]


# --- provisioning by the platform's ids (small pieces the launch link shares) ------------------


def platform_for_sign_in() -> Platform:
    """The platform configured for OpenID sign-in (its row is made on the first sign-in)."""
    platform, _created = Platform.objects.get_or_create(
        slug=settings.OIDC_PLATFORM, defaults={"name": oidc_platform_name()}
    )
    return platform


def platform_user_upsert(*, platform: Platform, external_id: str, name: str = "", email: str = "") -> tuple[User, bool]:
    """The platform's user `external_id` as the claims describe it: the provisioning service, with the
    values the claims leave out kept as they are (a sign-in never clears a name or an e-mail), and a
    user the platform removed (deactivated) kept disabled: a sign-in does not bring them back."""
    existing = provisioning.platform_users(platform).filter(external_id=external_id).first()
    if existing is not None and not existing.is_active:
        return existing, False
    name = name or (existing.first_name if existing else "") or external_id
    email = email or (existing.email if existing else "")
    result = provisioning.user_upsert(
        platform=platform, external_id=external_id, name=name[:150], email=email, actor_label=platform.slug
    )
    return result.row, result.created


def platform_organisation_upsert(*, platform: Platform, external_id: str, name: str = "") -> Organisation:
    """The platform's account `external_id` as our Organisation (the provisioning service): made if new,
    renamed when the platform's name for it changes, its name kept when the claims give none."""
    existing = provisioning.platform_organisations(platform).filter(external_id=external_id).first()
    name = name or (existing.name if existing else "") or external_id
    return provisioning.organisation_upsert(
        platform=platform, external_id=external_id, name=name[:200], actor_label=platform.slug
    ).row


def membership_ensure(*, user: User, organisation: Organisation, role: str | None, actor_label: str) -> Membership:
    """`user` is a member of `organisation`; with a role, in that role (else the role it has, or member)."""
    if not role:
        current = Membership.objects.filter(user=user, organisation=organisation).first()
        role = current.role if current else Membership.Role.MEMBER
    return provisioning.membership_set(organisation=organisation, user=user, role=role, actor_label=actor_label).row


def memberships_remove_others(*, user: User, platform: Platform, keep: list[Organisation]) -> list[str]:
    """Drop the user's memberships in the platform's other accounts (the platform no longer lists
    them); memberships in organisations not of this platform stay. Returns the external ids left."""
    removed = []
    stale = Membership.objects.filter(user=user, organisation__platform=platform).exclude(organisation__in=keep)
    for membership in stale.select_related("organisation"):
        removed.append(membership.organisation.external_id)
        audit.record(
            action="membership.removed",
            target=membership,
            organisation_id=membership.organisation_id,
            actor_label=platform.slug,
            data={"user": user.pk, "role": membership.role},
        )
        membership.delete()
    return removed


@dataclass(frozen=True)
class SignedIn:
    user: User
    created: bool
    organisations: list[str]  # the platform's ids of the user's accounts now
    removed: list[str]  # accounts the user is no longer a member of


def platform_user_sign_in(*, platform: Platform, claims: dict, names: ClaimNames | None = None) -> SignedIn:
    """The user the platform's OpenID claims describe, brought up to date: the user, each account
    the claims name (as an Organisation) and the user's memberships, exactly those accounts of this
    platform. Refuses (SignInRefused, nothing changed) a user without an account or a disabled user."""
    names = names or ClaimNames.from_settings()
    subject = str(claims.get("sub") or "").strip()
    if not subject:
        raise SignInRefused(_("The platform did not say who you are. Please try again."), code="sign_in.no_subject")
    accounts = organisations_from_claims(claims, names)
    if not accounts:
        raise SignInRefused(
            _(
                "Your %(platform)s user belongs to no account (organisation), so there is nothing to file for. "
                "Ask your account's owner to add you on %(platform)s, then sign in again."
            )
            % {"platform": platform.name},
            code="sign_in.no_organisation",
        )
    try:
        with transaction.atomic():
            user, created = platform_user_upsert(
                platform=platform,
                external_id=subject,
                name=str(claims.get("name") or "").strip(),
                email=str(claims.get("email") or "").strip(),
            )
            if not user.is_active:
                raise SignInRefused(
                    _("This user is disabled here. Ask the filing service's operator to enable it."),
                    code="sign_in.user_inactive",
                )
            organisations = []
            for account in accounts:
                organisation = platform_organisation_upsert(
                    platform=platform, external_id=account.external_id, name=account.name
                )
                membership_ensure(user=user, organisation=organisation, role=account.role, actor_label=platform.slug)
                organisations.append(organisation)
            removed = memberships_remove_others(user=user, platform=platform, keep=organisations)
    except SignInRefused:
        raise
    except DomainError as refused:  # the claims break a provisioning rule (e.g. an id we cannot store)
        raise SignInRefused(refused.message, code=refused.code) from None
    return SignedIn(user, created, [o.external_id for o in organisations], removed)


def sign_in_audit(*, user: User, platform: Platform, method: str, data: dict | None = None) -> None:
    audit.record(
        action="user.signed_in",
        target=user,
        actor=user,
        actor_label=user.get_username(),
        organisation_id=None,
        data={"platform": platform.slug, "method": method, **(data or {})},
    )


def sign_in_refused_audit(*, platform: Platform | None, subject: str, method: str, code: str) -> None:
    slug = platform.slug if platform else ""
    audit.record(
        action="user.sign_in_refused",
        target_type="accounts.user",
        target_id=subject,
        actor_label=f"{slug}:{subject}" if subject else slug or "anonymous",
        data={"platform": slug, "method": method, "code": code},
    )


# --- mozilla-django-oidc: the backend and the two views ----------------------------------------


class PlatformOIDCBackend(OIDCAuthenticationBackend):
    """Signs in the platform's users from the OpenID callback; does nothing while sign-in from the
    platform is off, and never matches our own users by e-mail (only by the platform's `sub`)."""

    def authenticate(self, request, **kwargs):
        if request is None or not oidc_enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, jwt.PyJWTError, KeyError, ValueError, SuspiciousOperation) as exc:
            logger.warning("sign-in from the platform failed: %s", exc)
            _refuse(
                request,
                _("The sign-in with %(platform)s could not be completed. Please try again.")
                % {"platform": oidc_platform_name()},
            )
            return None

    def get_user(self, user_id):
        """The signed-in user of a session, as Django's own backend answers: none once disabled."""
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def verify_token(self, token, **kwargs):
        """The library checks the signature and the nonce; the issuer and the audience are ours."""
        payload = super().verify_token(token, **kwargs)
        if settings.OIDC_ISSUER and str(payload.get("iss", "")).rstrip("/") != settings.OIDC_ISSUER:
            raise SuspiciousOperation("id token from another issuer")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("id token for another client")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if str(userinfo.get("sub")) != str(payload.get("sub")):  # OpenID Connect Core §5.3.2
            raise SuspiciousOperation("userinfo for another subject")
        claims = {**payload, **userinfo}
        platform = platform_for_sign_in()
        try:
            signed_in = platform_user_sign_in(platform=platform, claims=claims)
        except SignInRefused as exc:
            sign_in_refused_audit(platform=platform, subject=str(claims.get("sub") or ""), method="oidc", code=exc.code)
            _refuse(self.request, exc.message)
            return None
        sign_in_audit(
            user=signed_in.user,
            platform=platform,
            method="oidc",
            data={"created": signed_in.created, "organisations": signed_in.organisations, "removed": signed_in.removed},
        )
        return signed_in.user


def _refuse(request, message: str) -> None:
    request.beian_sign_in_refused = True
    messages.error(request, message)


class SignInStart(OIDCAuthenticationRequestView):
    """/accounts/oidc/authenticate/: off (404) until sign-in from the platform is configured."""

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        return super().get(request)


class SignInCallback(OIDCAuthenticationCallbackView):
    """/accounts/oidc/callback/: a failed or cancelled sign-in goes back to the login page with
    what happened, never to an error page."""

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        try:
            return super().get(request)
        except SuspiciousOperation:  # a stale or forged `state` (an old tab, a second click)
            return self.login_failure()

    def login_failure(self):
        if not getattr(self.request, "beian_sign_in_refused", False):
            messages.error(
                self.request,
                _("The sign-in with %(platform)s was cancelled or has expired. Please try again.")
                % {"platform": oidc_platform_name()},
            )
        return HttpResponseRedirect(reverse("accounts:login"))
