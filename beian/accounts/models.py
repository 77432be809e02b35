"""Users, the tenant (Organisation) and membership. Reviewers and operators are roles, not superusers."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.crypto import EncryptedCharField


class User(AbstractUser):
    class Role(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        REVIEWER = "reviewer", _("Reviewer")
        OPERATOR = "operator", _("Operator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.APPLICANT)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")

    @property
    def is_reviewer(self) -> bool:
        return self.role in (self.Role.REVIEWER, self.Role.OPERATOR)

    @property
    def is_operator(self) -> bool:
        return self.role == self.Role.OPERATOR


class Organisation(models.Model):
    """The tenant: a customer of the site-building platform. Every applicant query is scoped to it."""

    name = models.CharField(_("name"), max_length=200)
    external_id = models.CharField(_("site-builder account id"), max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

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
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="uniq_membership")]


class ApiToken(models.Model):
    """Bearer token for the partner API; only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, default="default")
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash(key: str) -> str:
        import hashlib

        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str = "default") -> tuple[ApiToken, str]:
        key = "bk_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash(key), prefix=key[:8])
        return token, key


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
