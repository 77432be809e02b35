"""What a site-building platform provisions here, by its own ids: its accounts (our Organisations), its
users and their memberships; and the platforms themselves, which an operator creates.

Upserts are idempotent on the platform's external id (PUT semantics): the same call twice leaves the same
rows and answers `unchanged` the second time. Each service validates before it writes (ValidationFailed
with a `provisioning.*` code, nothing changed), runs in one transaction with the row locked, and audits
each change under the calling token's label. A platform reaches only its own rows: the selectors take the
platform and answer NotFound for another platform's id.

Users are never deleted: `user_remove` deactivates (see there). Organisations are deleted only while
nothing of the filing history hangs on them (`organisation_remove`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, ProtectedError, Q, QuerySet, RestrictedError
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import Conflict, NotFound, ValidationFailed

from .models import Membership, Organisation, Platform, User

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# A platform's id of an account, user or site: it goes into URL paths, so letters, digits and . _ : @ + -,
# starting with a letter or digit, at most 100 characters.
EXTERNAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+-]{0,99}")
PLATFORM_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?")
ROLES = (Membership.Role.OWNER.value, Membership.Role.MEMBER.value)

T = TypeVar("T")


@dataclass(frozen=True)
class Upserted(Generic[T]):
    row: T
    status: str  # CREATED, UPDATED or UNCHANGED

    @property
    def created(self) -> bool:
        return self.status == CREATED


# --- checks shared by every provisioning service -------------------------------------------------------


def check_external_id(value: str, *, field: str = "external_id") -> str:
    value = (value or "").strip()
    if not EXTERNAL_ID.fullmatch(value):
        raise ValidationFailed(
            _(
                "“%(value)s” is not a valid id: use 1 to 100 letters, digits and . _ : @ + -, starting with a "
                "letter or digit."
            )
            % {"value": value[:120]},
            field=field,
            code="provisioning.external_id_invalid",
        )
    return value


def required_text(value: str, *, field: str, max_length: int, label: str) -> str:
    """`value` trimmed; ValidationFailed `provisioning.<field>_required` when empty or
    `provisioning.<field>_too_long` beyond `max_length` characters."""
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(
            _("The %(label)s is required.") % {"label": label}, field=field, code=f"provisioning.{field}_required"
        )
    if len(value) > max_length:
        raise ValidationFailed(
            _("The %(label)s is too long: at most %(max)s characters.") % {"label": label, "max": max_length},
            field=field,
            code=f"provisioning.{field}_too_long",
        )
    return value


def audit_label(platform: Platform | None, actor_label: str) -> str:
    """Who the audit log names: the calling token's label, else the platform."""
    return actor_label or (f"platform:{platform.slug}" if platform else "system")


# --- platforms (the operator's side) -------------------------------------------------------------------


def platform_create(*, name: str, slug: str, actor) -> Platform:
    """A new partner platform; its tokens are issued with beian.accounts.tokens.platform_token_issue."""
    name = required_text(name, field="name", max_length=200, label=_("name"))
    slug = (slug or "").strip().lower()
    if not PLATFORM_SLUG.fullmatch(slug):
        raise ValidationFailed(
            _("The identifier must be 1 to 50 lower-case letters, digits or hyphens (e.g. “sitebuilder”)."),
            field="slug",
            code="platform.slug_invalid",
        )
    with transaction.atomic():
        if Platform.objects.filter(slug=slug).exists():
            raise ValidationFailed(
                _("A platform with the identifier “%(slug)s” exists already.") % {"slug": slug},
                field="slug",
                code="platform.slug_taken",
            )
        platform = Platform.objects.create(name=name, slug=slug)
        audit.record(action="platform.created", target=platform, actor=actor, data={"name": name, "slug": slug})
    return platform


def platforms_overview() -> QuerySet[Platform]:
    """Every platform with how many organisations it provisioned and how many of its tokens are live."""
    now = clock.now()
    live = Q(tokens__revoked_at__isnull=True) & (Q(tokens__expires_at__isnull=True) | Q(tokens__expires_at__gt=now))
    return Platform.objects.annotate(
        organisation_count=Count("organisations", filter=~Q(organisations__external_id=""), distinct=True),
        live_token_count=Count("tokens", filter=live, distinct=True),
    ).order_by("name", "pk")


# --- organisations -------------------------------------------------------------------------------------


def platform_organisations(platform: Platform) -> QuerySet[Organisation]:
    """The organisations `platform` provisioned (the only ones it may see)."""
    return Organisation.objects.filter(platform=platform).exclude(external_id="")


def platform_organisation(*, platform: Platform, external_id: str, lock: bool = False) -> Organisation:
    rows = platform_organisations(platform)
    organisation = (rows.select_for_update() if lock else rows).filter(external_id=external_id).first()
    if organisation is None:
        raise NotFound(
            _("This platform has no organisation “%(id)s”.") % {"id": external_id[:120]},
            field="organisation",
            code="provisioning.organisation_not_found",
        )
    return organisation


def organisation_upsert(
    *, platform: Platform, external_id: str, name: str, actor_label: str = ""
) -> Upserted[Organisation]:
    """The platform's account `external_id` as an Organisation named `name`: made if new, renamed if the
    name differs, else unchanged."""
    external_id = check_external_id(external_id)
    name = required_text(name, field="name", max_length=200, label=_("name"))
    label = audit_label(platform, actor_label)
    with transaction.atomic():
        organisation = platform_organisations(platform).select_for_update().filter(external_id=external_id).first()
        if organisation is None:
            try:
                with transaction.atomic():
                    organisation = Organisation.objects.create(
                        platform=platform, external_id=external_id, name=name, updated_at=clock.now()
                    )
            except IntegrityError:  # a concurrent call made it first: update that one
                organisation = platform_organisation(platform=platform, external_id=external_id, lock=True)
            else:
                audit.record(
                    action="organisation.provisioned",
                    target=organisation,
                    organisation_id=organisation.pk,
                    actor_label=label,
                    data={"platform": platform.slug, "external_id": external_id, "name": name},
                )
                return Upserted(organisation, CREATED)
        if organisation.name == name:
            return Upserted(organisation, UNCHANGED)
        before = organisation.name
        organisation.name = name
        organisation.updated_at = clock.now()
        organisation.save(update_fields=["name", "updated_at"])
        audit.record(
            action="organisation.renamed",
            target=organisation,
            organisation_id=organisation.pk,
            actor_label=label,
            data={"before": before, "after": name},
        )
    return Upserted(organisation, UPDATED)


def organisation_remove(*, organisation: Organisation, actor_label: str = "") -> None:
    """Delete a provisioned organisation with its memberships and hosted sites (their domains with them).

    Refused (409 `provisioning.organisation_has_filings`, nothing changed) while any filing order or filing
    record of it exists, open or closed: the orders and records are the filing history the provider keeps
    (and the regulator holds), and they are protected rows, so such an organisation stays. Its members can
    be removed; its filings end only by a cancellation or a cancellation of access that its owner files."""
    label = audit_label(organisation.platform, actor_label)
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        data = {"external_id": locked.external_id, "name": locked.name}
        try:
            with transaction.atomic():
                locked.delete()
        except (ProtectedError, RestrictedError):
            raise Conflict(
                _(
                    "This organisation has filing orders or filing records, which are kept as its filing history, "
                    "so it cannot be removed. Remove its members to close its access here; its filings end only "
                    "by a cancellation or a cancellation of access filed by its owner."
                ),
                code="provisioning.organisation_has_filings",
            ) from None
        audit.record(
            action="organisation.removed",
            target_type="accounts.organisation",
            target_id=organisation.pk,
            organisation_id=organisation.pk,
            actor_label=label,
            data=data,
        )


# --- users ---------------------------------------------------------------------------------------------


def platform_users(platform: Platform) -> QuerySet[User]:
    """The users `platform` provisioned (the only ones it may see)."""
    return User.objects.filter(platform=platform).exclude(external_id="")


def platform_user(*, platform: Platform, external_id: str, lock: bool = False) -> User:
    rows = platform_users(platform)
    user = (rows.select_for_update() if lock else rows).filter(external_id=external_id).first()
    if user is None:
        raise NotFound(
            _("This platform has no user “%(id)s”.") % {"id": external_id[:120]},
            field="user",
            code="provisioning.user_not_found",
        )
    return user


def platform_username(platform: Platform, external_id: str) -> str:
    """Our username of the platform's user: `<platform>.<external id>` (a slug has no dot, so two never
    collide), or the id's hash when that would be too long for a username."""
    username = f"{platform.slug}.{external_id}"
    if len(username) > 150:
        username = f"{platform.slug}.{hashlib.sha256(external_id.encode()).hexdigest()}"
    return username


def _check_email(email: str) -> str:
    email = (email or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except DjangoValidationError:
        raise ValidationFailed(
            _("“%(email)s” is not a valid e-mail address.") % {"email": email[:120]},
            field="email",
            code="provisioning.email_invalid",
        ) from None
    if len(email) > 254:
        raise ValidationFailed(
            _("The e-mail address is too long: at most 254 characters."),
            field="email",
            code="provisioning.email_too_long",
        )
    return email


def user_upsert(
    *, platform: Platform, external_id: str, name: str, email: str = "", actor_label: str = ""
) -> Upserted[User]:
    """The platform's user `external_id` with its display name and e-mail (PUT semantics: an e-mail left
    out is cleared). Made if new, with no password (they sign in through the platform); a removed
    (deactivated) user is active again."""
    external_id = check_external_id(external_id)
    name = required_text(name, field="name", max_length=150, label=_("name"))
    email = _check_email(email)
    label = audit_label(platform, actor_label)
    with transaction.atomic():
        user = platform_users(platform).select_for_update().filter(external_id=external_id).first()
        if user is None:
            user = User(
                platform=platform,
                external_id=external_id,
                username=platform_username(platform, external_id),
                first_name=name,
                email=email,
                role=User.Role.APPLICANT,
                updated_at=clock.now(),
            )
            user.set_unusable_password()  # signs in through the platform only
            try:
                with transaction.atomic():
                    user.save()
            except IntegrityError:  # a concurrent call made it first, or the username is another user's
                user = platform_users(platform).select_for_update().filter(external_id=external_id).first()
                if user is None:
                    raise Conflict(
                        _("The username “%(username)s” belongs to another user here; ask the operator.")
                        % {"username": platform_username(platform, external_id)},
                        field="external_id",
                        code="provisioning.username_taken",
                    ) from None
            else:
                audit.record(
                    action="user.provisioned",
                    target=user,
                    actor_label=label,
                    data={"platform": platform.slug, "external_id": external_id},
                )
                return Upserted(user, CREATED)
        wanted = {"first_name": name, "email": email, "is_active": True}
        changed = [field for field, value in wanted.items() if getattr(user, field) != value]
        if not changed:
            return Upserted(user, UNCHANGED)
        for field in changed:
            setattr(user, field, wanted[field])
        user.updated_at = clock.now()
        user.save(update_fields=[*changed, "updated_at"])
        audit.record(
            action="user.reactivated" if "is_active" in changed else "user.updated",
            target=user,
            actor_label=label,
            data={"fields": changed},
        )
    return Upserted(user, UPDATED)


def user_remove(*, user: User, actor_label: str = "") -> Upserted[User]:
    """Deactivate the platform's user: no sign-in, no session, no API token works for them from now on.

    A user is never deleted: the orders they created and submitted, the SMS confirmations and the audit
    log name them, and deleting them would erase who did what in a filing (the provider must be able to
    show it). Their memberships stay, so a PUT of the same user makes them active again where they were.
    Removing an inactive user changes nothing (`unchanged`)."""
    label = audit_label(user.platform, actor_label)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if not locked.is_active:
            return Upserted(locked, UNCHANGED)
        locked.is_active = False
        locked.updated_at = clock.now()
        locked.save(update_fields=["is_active", "updated_at"])
        audit.record(action="user.deactivated", target=locked, actor_label=label, data={})
    return Upserted(locked, UPDATED)


# --- memberships ---------------------------------------------------------------------------------------


def _memberships_changed(organisation: Organisation, user: User) -> None:
    """Both answers list the membership: a change of it is a change of both (their `updated_since`)."""
    now = clock.now()
    Organisation.objects.filter(pk=organisation.pk).update(updated_at=now)
    User.objects.filter(pk=user.pk).update(updated_at=now)


def _check_role(role: str) -> str:
    role = (role or "").strip()
    if role not in ROLES:
        raise ValidationFailed(
            _("The role must be “owner” or “member”."), field="role", code="provisioning.role_invalid"
        )
    return role


def membership_set(*, organisation: Organisation, user: User, role: str, actor_label: str = "") -> Upserted[Membership]:
    """`user` is a member of `organisation` in `role` (owner or member). Both must be the same platform's."""
    role = _check_role(role)
    if organisation.platform_id is None or user.platform_id != organisation.platform_id:
        raise NotFound(_("No such user."), field="user", code="provisioning.user_not_found")
    label = audit_label(organisation.platform, actor_label)
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()  # one change at a time
        membership = Membership.objects.filter(user=user, organisation=organisation).first()
        if membership is None:
            membership = Membership.objects.create(user=user, organisation=organisation, role=role)
            _memberships_changed(organisation, user)
            audit.record(
                action="membership.added",
                target=membership,
                organisation_id=organisation.pk,
                actor_label=label,
                data={"user": user.external_id, "role": role},
            )
            return Upserted(membership, CREATED)
        if membership.role == role:
            return Upserted(membership, UNCHANGED)
        before = membership.role
        membership.role = role
        membership.save(update_fields=["role"])
        _memberships_changed(organisation, user)
        audit.record(
            action="membership.role_changed",
            target=membership,
            organisation_id=organisation.pk,
            actor_label=label,
            data={"user": user.external_id, "before": before, "after": role},
        )
    return Upserted(membership, UPDATED)


def membership_remove(*, organisation: Organisation, user: User, actor_label: str = "") -> None:
    """`user` is no longer a member of `organisation` (the user stays, and so do their orders)."""
    label = audit_label(organisation.platform, actor_label)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
        if membership is None:
            raise NotFound(
                _("This user is not a member of this organisation."),
                field="user",
                code="provisioning.membership_not_found",
            )
        audit.record(
            action="membership.removed",
            target=membership,
            organisation_id=organisation.pk,
            actor_label=label,
            data={"user": user.external_id, "role": membership.role},
        )
        membership.delete()
        _memberships_changed(organisation, user)
