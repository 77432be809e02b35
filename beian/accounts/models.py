"""Users, the tenant (Organisation) and membership. Reviewers and operators are roles, not superusers."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core import clock
from beian.core.crypto import EncryptedBlankEmailField, EncryptedCharField, blind_index

EMAIL_INDEX_PURPOSE = "email"


class User(AbstractUser):
    class Role(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        REVIEWER = "reviewer", _("Reviewer")
        OPERATOR = "operator", _("Operator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.APPLICANT)
    # Sealed at rest as the principals' emails are; found through its blind index (users_with_email):
    # password reset, the provisioning API's filter, the admin's search.
    email = EncryptedBlankEmailField(_("email address"), blank=True, null=True, default="")
    email_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # The language the user reads pages, notifications, emails and SMS in: set by the header's switcher, the
    # profile page, or at the first login (the login page's language); empty until then (zh-hans is used).
    language = models.CharField(_("language"), max_length=10, blank=True, default="", choices=settings.LANGUAGES)
    # A user the site-building platform created or signed in (provisioning, OIDC, launch link): the
    # platform and its id of the user. Unique per platform (constraint below).
    platform = models.ForeignKey(
        "accounts.Platform",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("platform"),
    )
    external_id = models.CharField(_("site-builder user id"), max_length=100, blank=True, default="")
    # The last change through provisioning (beian.accounts.provisioning), on the business clock; empty
    # for rows made otherwise and never provisioned (the API reads `date_joined` then).
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True, db_index=True)

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "external_id"],
                condition=~models.Q(external_id=""),
                name="uniq_user_external_id_per_platform",
            )
        ]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "email" in update_fields:
            self.email_index = blind_index(self.email, purpose=EMAIL_INDEX_PURPOSE)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "email_index"}
        super().save(*args, **kwargs)

    @property
    def is_reviewer(self) -> bool:
        return self.role in (self.Role.REVIEWER, self.Role.OPERATOR)

    @property
    def is_operator(self) -> bool:
        return self.role == self.Role.OPERATOR


def users_with_email(users: models.QuerySet[User], email: str) -> models.QuerySet[User]:
    """Those of `users` whose email is `email` (letter case and spaces aside), through the blind
    index; none for an empty address."""
    digest = blind_index(email, purpose=EMAIL_INDEX_PURPOSE)
    return users.filter(email_index=digest) if digest else users.none()


class Platform(models.Model):
    """A site-building platform (partner) that provisions organisations, users and sites, signs its users in
    and listens to webhooks. It sees only the organisations it provisioned (`Organisation.platform`)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("identifier"), unique=True, help_text=_("the platform's id in tokens and links"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """The tenant: a customer of the site-building platform. Every applicant query is scoped to it."""

    name = models.CharField(_("name"), max_length=200)
    # The platform that provisioned this organisation and its id of the account (unique per platform).
    platform = models.ForeignKey(
        Platform,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("platform"),
    )
    external_id = models.CharField(_("site-builder account id"), max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The last change through provisioning, on the business clock (empty: never; the API reads created_at).
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "external_id"],
                condition=~models.Q(external_id=""),
                name="uniq_organisation_external_id_per_platform",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OWNER)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="uniq_membership")]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"


class ApiToken(models.Model):
    """Bearer token for the partner API; only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100, default="default")
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    prefix = models.CharField(_("prefix"), max_length=8)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    # Expires API_TOKEN_DAYS after issue (business clock); revoked by DELETE /api/v1/auth/token. Either: 401.
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(key: str) -> str:
        import hashlib

        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str = "default") -> tuple[ApiToken, str]:
        key = "bk_" + secrets.token_urlsafe(32)
        expires_at = clock.now() + timedelta(days=settings.API_TOKEN_DAYS)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash(key), prefix=key[:8], expires_at=expires_at)
        return token, key

    @classmethod
    def usable(cls, now):
        """Tokens a request may authenticate with at `now`: neither revoked nor expired, of an active user."""
        return cls.objects.filter(user__is_active=True, revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class PlatformToken(models.Model):
    """A platform's service token for the partner API: scopes, expiry, revocation and a rate limit per
    token. Created and revoked by an operator (beian.accounts.tokens); only the key's sha256 is stored."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("platform"))
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    prefix = models.CharField(_("prefix"), max_length=12)
    scopes = models.JSONField(_("scopes"), default=list)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    rate_limit_per_minute = models.PositiveIntegerField(_("requests per minute"), default=600)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("platform token")
        verbose_name_plural = _("platform tokens")

    def __str__(self) -> str:
        return f"{self.platform.slug}: {self.name} ({self.prefix}…)"


class LaunchSecret(models.Model):
    """A platform's secret for signing launch links (HS256), encrypted at rest. Rotating adds a new
    one; links signed with the newest or the one before it are accepted (accounts.launch)."""

    platform = models.ForeignKey("accounts.Platform", on_delete=models.CASCADE, related_name="launch_secrets")
    secret = EncryptedCharField(_("secret"), max_length=128)
    created_at = models.DateTimeField()
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("launch link secret")


class UsedLaunchToken(models.Model):
    """A launch link already used (its `jti`), kept until it would have expired: a link opens once."""

    platform = models.ForeignKey("accounts.Platform", on_delete=models.CASCADE, related_name="+")
    jti = models.CharField(max_length=128)
    used_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "jti"], name="uniq_used_launch_token")]
