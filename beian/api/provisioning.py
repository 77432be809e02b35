"""The platform's provisioning API (`/api/v1/platform/...`, scope `provisioning`): organisations, users,
memberships, hosted sites and their domains, by the platform's own ids.

PUT creates or updates (idempotent: a repeat answers `created: false`, `status: unchanged`), GET reads,
DELETE removes; lists page with an opaque cursor (beian.api.pagination); batch endpoints upsert up to 100
items, each on its own. A platform sees only what it provisioned: another platform's id is 404. The
services (beian.accounts.provisioning, beian.hosting.provisioning) decide; this module parses and renders.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from ninja import Query, Router

from beian.accounts import provisioning as accounts
from beian.accounts.models import Membership, Organisation, Platform, User, users_with_email
from beian.api.common import BODY_ERRORS, IDEMPOTENCY_KEY, PLATFORM_ERRORS, error, idempotent
from beian.api.pagination import CURSOR, LIMIT, page_out, paginate
from beian.api.platform import PlatformBearer
from beian.api.schemas import (
    BatchOut,
    ErrorOut,
    HostedSiteBatchIn,
    HostedSiteIn,
    HostedSiteOut,
    HostedSitePageOut,
    HostedSitePutOut,
    MembershipIn,
    MembershipOut,
    OrganisationBatchIn,
    OrganisationIn,
    OrganisationOut,
    OrganisationPageOut,
    OrganisationPutOut,
    RemovedOut,
    SiteDomainPutOut,
    UserBatchIn,
    UserIn,
    UserOut,
    UserPageOut,
    UserPutOut,
    UserRemovedOut,
)
from beian.core.exceptions import DomainError, ValidationFailed
from beian.hosting import provisioning as hosting
from beian.hosting.entries import ascii_host
from beian.hosting.models import HostedSite, SiteDomain
from beian.plans import selectors as plan_selectors
from beian.plans import services as plan_services
from beian.rules.domains import display_domain

router = Router(tags=["platform: provisioning"], auth=PlatformBearer("provisioning"))

MAX_BATCH = 100
MAX_IDS = 100
FOUND = {404: ErrorOut}
UPDATED_SINCE = Query(None, description="Only those changed (through provisioning) at or after this time (ISO 8601).")
CHANGE_ERRORS = {**PLATFORM_ERRORS, **BODY_ERRORS, 404: ErrorOut, 409: ErrorOut}


def _actor(request) -> str:
    """Who the audit log names: the platform and the first characters of the token's key."""
    return f"platform:{request.platform.slug}:{request.platform_token.prefix}"


def _changed_since(moment: datetime, created: str) -> Q:
    """Changed through provisioning at or after `moment`; a row never provisioned counts from when it was made."""
    return Q(updated_at__gte=moment) | Q(updated_at__isnull=True, **{f"{created}__gte": moment})


def _put_status(upserted) -> int:
    return 201 if upserted.created else 200


def _upserted(upserted) -> dict:
    return {"created": upserted.created, "status": upserted.status}


def _ids(value: str | None, field: str) -> list[str] | None:
    """A comma-separated filter of external ids (at most MAX_IDS)."""
    if value is None:
        return None
    ids = [v.strip() for v in value.split(",") if v.strip()]
    if len(ids) > MAX_IDS:
        raise ValidationFailed(
            _("At most %(max)s ids per filter.") % {"max": MAX_IDS}, field=field, code="provisioning.filter_too_long"
        )
    return ids


# --- rendering ---------------------------------------------------------------------------------------


def _organisations(platform: Platform):
    members = Membership.objects.filter(user__platform=platform).select_related("user").order_by("pk")
    return (
        accounts.platform_organisations(platform)
        .select_related("plan_assignment__plan")
        .prefetch_related(Prefetch("memberships", queryset=members, to_attr="platform_members"))
    )


def _plan_code(organisation: Organisation) -> str:
    try:
        return organisation.plan_assignment.plan.code  # type: ignore[attr-defined]  # plans' reverse one-to-one
    except ObjectDoesNotExist:
        plan = plan_selectors.default_plan()
        return plan.code if plan else ""


def organisation_out(organisation: Organisation) -> dict:
    members = getattr(organisation, "platform_members", None)
    if members is None:
        members = (
            organisation.memberships.filter(user__platform=organisation.platform).select_related("user").order_by("pk")
        )
    return {
        "external_id": organisation.external_id,
        "name": organisation.name,
        "members": [{"user": m.user.external_id, "role": m.role} for m in members],
        "plan": _plan_code(organisation),
        "created_at": organisation.created_at,
        "updated_at": organisation.updated_at or organisation.created_at,
    }


def _users(platform: Platform):
    memberships = Membership.objects.filter(organisation__platform=platform).select_related("organisation")
    return accounts.platform_users(platform).prefetch_related(
        Prefetch("memberships", queryset=memberships.order_by("pk"), to_attr="platform_memberships")
    )


def user_out(user: User) -> dict:
    memberships = getattr(user, "platform_memberships", None)
    if memberships is None:
        memberships = (
            user.memberships.filter(organisation__platform=user.platform).select_related("organisation").order_by("pk")
        )
    return {
        "external_id": user.external_id,
        "name": user.first_name,
        "email": user.email,
        "active": user.is_active,
        "organisations": [{"organisation": m.organisation.external_id, "role": m.role} for m in memberships],
        "created_at": user.date_joined,
        "updated_at": user.updated_at or user.date_joined,
    }


def _sites(platform: Platform):
    return hosting.platform_sites(platform).prefetch_related(
        Prefetch("domains", queryset=SiteDomain.objects.order_by("pk"))
    )


def domain_out(domain: str) -> dict:
    return {"domain": display_domain(domain), "domain_ascii": ascii_host(domain)}


def site_out(site: HostedSite) -> dict:
    return {
        "external_id": site.external_id,
        "organisation": site.organisation.external_id,
        "slug": site.slug,
        "title": site.title,
        "address_url": site.address_url,
        "domains": [domain_out(d.domain) for d in site.domains.all()],
        "created_at": site.created_at,
        "updated_at": site.updated_at or site.created_at,
    }


def _organisation(request, external_id: str, *, lock: bool = False) -> Organisation:
    return accounts.platform_organisation(platform=request.platform, external_id=external_id, lock=lock)


def _site(request, organisation_id: str, external_id: str) -> HostedSite:
    return hosting.platform_site(organisation=_organisation(request, organisation_id), external_id=external_id)


# --- organisations -----------------------------------------------------------------------------------


@router.get(
    "/organisations",
    response={200: OrganisationPageOut, **PLATFORM_ERRORS},
    operation_id="platform_organisations_list",
    summary="List the platform's organisations",
    description="In a stable order, a page at a time: pass `next_cursor` as `cursor` until it is null. Rows made "
    "while you page come on a later page; none is handed out twice.",
)
def organisations_list(
    request,
    cursor: str | None = CURSOR,
    limit: int | None = LIMIT,
    external_id__in: str | None = Query(None, description="Comma-separated external ids (at most 100)."),
    updated_since: datetime | None = UPDATED_SINCE,
    name: str | None = Query(None, max_length=200, description="Only those whose name contains this text."),
):
    rows = _organisations(request.platform)
    ids = _ids(external_id__in, "external_id__in")
    if ids is not None:
        rows = rows.filter(external_id__in=ids)
    if updated_since is not None:
        rows = rows.filter(_changed_since(updated_since, "created_at"))
    if name:
        rows = rows.filter(name__icontains=name.strip())
    return page_out(paginate(rows, cursor, limit), organisation_out)


@router.get(
    "/organisations/{external_id}",
    response={200: OrganisationOut, **PLATFORM_ERRORS, **FOUND},
    operation_id="platform_organisation_read",
    summary="Read an organisation",
)
def organisation_read(request, external_id: str):
    return organisation_out(_organisation(request, external_id))


@router.put(
    "/organisations/{external_id}",
    response={200: OrganisationPutOut, 201: OrganisationPutOut, **CHANGE_ERRORS},
    operation_id="platform_organisation_put",
    summary="Create or update an organisation",
    description="201 when it is made, 200 when it existed (`status` says whether anything changed). The same "
    "call twice gives the same organisation.",
)
def organisation_put(request, external_id: str, payload: OrganisationIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        with transaction.atomic():  # an unknown plan leaves the organisation as it was
            upserted = accounts.organisation_upsert(
                platform=request.platform, external_id=external_id, name=payload.name, actor_label=_actor(request)
            )
            if payload.plan is not None:
                _assignment, changed = plan_services.organisation_set_plan(
                    organisation=upserted.row, plan_code=payload.plan, actor_label=_actor(request)
                )
                if changed and upserted.status == accounts.UNCHANGED:
                    upserted = accounts.Upserted(upserted.row, accounts.UPDATED)
        return _put_status(upserted), {**organisation_out(upserted.row), **_upserted(upserted)}

    return idempotent(request, f"platform.organisations.{external_id}.put", produce, idempotency_key)


@router.delete(
    "/organisations/{external_id}",
    response={200: RemovedOut, **CHANGE_ERRORS},
    operation_id="platform_organisation_delete",
    summary="Remove an organisation",
    description="Deletes it with its memberships and sites. 409 `provisioning.organisation_has_filings` while it "
    "has filing orders or records (kept as its filing history). A repeat answers 404 unless it carries the same "
    "Idempotency-Key.",
)
def organisation_delete(request, external_id: str, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        organisation = _organisation(request, external_id)
        accounts.organisation_remove(organisation=organisation, actor_label=_actor(request))
        return 200, {"removed": True}

    return idempotent(request, f"platform.organisations.{external_id}.delete", produce, idempotency_key)


# --- users -------------------------------------------------------------------------------------------


@router.get(
    "/users",
    response={200: UserPageOut, **PLATFORM_ERRORS, **FOUND},
    operation_id="platform_users_list",
    summary="List the platform's users",
    description="Paged like the organisations (`cursor`, `limit`, `next_cursor`).",
)
def users_list(
    request,
    cursor: str | None = CURSOR,
    limit: int | None = LIMIT,
    external_id__in: str | None = Query(None, description="Comma-separated external ids (at most 100)."),
    updated_since: datetime | None = UPDATED_SINCE,
    organisation: str | None = Query(None, description="Only members of this organisation (its external id)."),
    active: bool | None = Query(None, description="Only active (true) or removed (false) users."),
    email: str | None = Query(None, max_length=254, description="Only the user with this e-mail address."),
):
    rows = _users(request.platform)
    ids = _ids(external_id__in, "external_id__in")
    if ids is not None:
        rows = rows.filter(external_id__in=ids)
    if updated_since is not None:
        rows = rows.filter(_changed_since(updated_since, "date_joined"))
    if organisation is not None:
        rows = rows.filter(memberships__organisation=_organisation(request, organisation))
    if active is not None:
        rows = rows.filter(is_active=active)
    if email:
        rows = users_with_email(rows, email)
    return page_out(paginate(rows, cursor, limit), user_out)


@router.get(
    "/users/{external_id}",
    response={200: UserOut, **PLATFORM_ERRORS, **FOUND},
    operation_id="platform_user_read",
    summary="Read a user",
)
def user_read(request, external_id: str):
    return user_out(accounts.platform_user(platform=request.platform, external_id=external_id))


@router.put(
    "/users/{external_id}",
    response={200: UserPutOut, 201: UserPutOut, **CHANGE_ERRORS},
    operation_id="platform_user_put",
    summary="Create or update a user",
    description="201 when made, 200 otherwise. A removed (inactive) user is active again. Users sign in "
    "through the platform; they have no password here.",
)
def user_put(request, external_id: str, payload: UserIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        upserted = accounts.user_upsert(
            platform=request.platform,
            external_id=external_id,
            name=payload.name,
            email=payload.email,
            actor_label=_actor(request),
        )
        return _put_status(upserted), {**user_out(upserted.row), **_upserted(upserted)}

    return idempotent(request, f"platform.users.{external_id}.put", produce, idempotency_key)


@router.delete(
    "/users/{external_id}",
    response={200: UserRemovedOut, **CHANGE_ERRORS},
    operation_id="platform_user_delete",
    summary="Remove (deactivate) a user",
    description="The user can no longer sign in. Users are never deleted: the orders and confirmations they made "
    "name them. Their memberships stay, so a PUT makes them active again.",
)
def user_delete(request, external_id: str, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        user = accounts.platform_user(platform=request.platform, external_id=external_id)
        removed = accounts.user_remove(user=user, actor_label=_actor(request))
        return 200, {**user_out(removed.row), "status": removed.status}

    return idempotent(request, f"platform.users.{external_id}.delete", produce, idempotency_key)


# --- memberships -------------------------------------------------------------------------------------


@router.put(
    "/organisations/{organisation}/members/{user}",
    response={200: MembershipOut, 201: MembershipOut, **CHANGE_ERRORS},
    operation_id="platform_membership_put",
    summary="Make a user a member of an organisation",
    description="With the role `owner` or `member`; both must be the platform's.",
)
def membership_put(
    request, organisation: str, user: str, payload: MembershipIn, idempotency_key: str | None = IDEMPOTENCY_KEY
):
    def produce():
        upserted = accounts.membership_set(
            organisation=_organisation(request, organisation),
            user=accounts.platform_user(platform=request.platform, external_id=user),
            role=payload.role,
            actor_label=_actor(request),
        )
        body = {"organisation": organisation, "user": user, "role": upserted.row.role, **_upserted(upserted)}
        return _put_status(upserted), body

    return idempotent(request, f"platform.members.{organisation}.{user}.put", produce, idempotency_key)


@router.delete(
    "/organisations/{organisation}/members/{user}",
    response={200: RemovedOut, **CHANGE_ERRORS},
    operation_id="platform_membership_delete",
    summary="Remove a user from an organisation",
    description="The user stays (and so do their orders); 404 `provisioning.membership_not_found` when they are "
    "not a member.",
)
def membership_delete(request, organisation: str, user: str, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        accounts.membership_remove(
            organisation=_organisation(request, organisation),
            user=accounts.platform_user(platform=request.platform, external_id=user),
            actor_label=_actor(request),
        )
        return 200, {"removed": True}

    return idempotent(request, f"platform.members.{organisation}.{user}.delete", produce, idempotency_key)


# --- hosted sites and domains ------------------------------------------------------------------------


@router.get(
    "/sites",
    response={200: HostedSitePageOut, **PLATFORM_ERRORS, **FOUND},
    operation_id="platform_sites_list",
    summary="List the platform's hosted sites",
    description="Paged like the organisations (`cursor`, `limit`, `next_cursor`).",
)
def sites_list(
    request,
    cursor: str | None = CURSOR,
    limit: int | None = LIMIT,
    organisation: str | None = Query(None, description="Only the sites of this organisation (its external id)."),
    external_id__in: str | None = Query(None, description="Comma-separated site ids (at most 100)."),
    updated_since: datetime | None = UPDATED_SINCE,
    slug: str | None = Query(None, max_length=63, description="Only the site with this address."),
    domain: str | None = Query(None, max_length=253, description="Only the site answering on this domain."),
):
    rows = _sites(request.platform)
    if organisation is not None:
        rows = rows.filter(organisation=_organisation(request, organisation))
    ids = _ids(external_id__in, "external_id__in")
    if ids is not None:
        rows = rows.filter(external_id__in=ids)
    if updated_since is not None:
        rows = rows.filter(_changed_since(updated_since, "created_at"))
    if slug:
        rows = rows.filter(slug=slug.strip().lower())
    if domain:
        bound = hosting.host_domain(domain)
        rows = rows.filter(Q(domains__domain=bound) | Q(domains__domain=display_domain(bound))).distinct()
    return page_out(paginate(rows, cursor, limit), site_out)


@router.get(
    "/organisations/{organisation}/sites/{external_id}",
    response={200: HostedSiteOut, **PLATFORM_ERRORS, **FOUND},
    operation_id="platform_site_read",
    summary="Read a hosted site",
)
def site_read(request, organisation: str, external_id: str):
    return site_out(_site(request, organisation, external_id))


@router.put(
    "/organisations/{organisation}/sites/{external_id}",
    response={200: HostedSitePutOut, 201: HostedSitePutOut, **CHANGE_ERRORS},
    operation_id="platform_site_put",
    summary="Create or update a hosted site",
    description="201 when made, 200 otherwise. With `domains`, the site answers on exactly those (all or "
    "nothing). 409 `provisioning.slug_taken`, `provisioning.domain_taken`, `provisioning.domain_filed`, "
    "`provisioning.site_in_other_organisation`.",
)
def site_put(
    request, organisation: str, external_id: str, payload: HostedSiteIn, idempotency_key: str | None = IDEMPOTENCY_KEY
):
    def produce():
        upserted = hosting.hosted_site_upsert(
            organisation=_organisation(request, organisation),
            external_id=external_id,
            slug=payload.slug,
            title=payload.title,
            domains=payload.domains,
            actor_label=_actor(request),
        )
        site = _sites(request.platform).get(pk=upserted.row.pk)
        return _put_status(upserted), {**site_out(site), **_upserted(upserted)}

    return idempotent(request, f"platform.sites.{organisation}.{external_id}.put", produce, idempotency_key)


@router.delete(
    "/organisations/{organisation}/sites/{external_id}",
    response={200: RemovedOut, **CHANGE_ERRORS},
    operation_id="platform_site_delete",
    summary="Remove a hosted site",
    description="With its domains. 409 `provisioning.site_filed` while it serves a website filed with our access "
    "(cancel the access first) and `provisioning.site_has_open_order` while a filing order for it is open.",
)
def site_delete(request, organisation: str, external_id: str, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        hosting.hosted_site_remove(site=_site(request, organisation, external_id), actor_label=_actor(request))
        return 200, {"removed": True}

    return idempotent(request, f"platform.sites.{organisation}.{external_id}.delete", produce, idempotency_key)


@router.put(
    "/organisations/{organisation}/sites/{site}/domains/{domain}",
    response={200: SiteDomainPutOut, 201: SiteDomainPutOut, **CHANGE_ERRORS},
    operation_id="platform_site_domain_put",
    summary="Bind a domain to a hosted site",
    description="The domain as typed, in U-labels or A-labels. 201 when bound now, 200 when it was bound "
    "already; 409 `provisioning.domain_taken` when another site answers on it.",
)
def site_domain_put(request, organisation: str, site: str, domain: str, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        upserted = hosting.site_domain_add(
            site=_site(request, organisation, site), domain=domain, actor_label=_actor(request)
        )
        return _put_status(upserted), {"site": site, **domain_out(upserted.row.domain), **_upserted(upserted)}

    return idempotent(request, f"platform.domains.{organisation}.{site}.{domain}.put", produce, idempotency_key)


@router.delete(
    "/organisations/{organisation}/sites/{site}/domains/{domain}",
    response={200: RemovedOut, **CHANGE_ERRORS},
    operation_id="platform_site_domain_delete",
    summary="Take a domain off a hosted site",
    description="409 `provisioning.domain_filed` for a domain filed with our access: removing it from the "
    "filing takes a website change (or a cancellation) first.",
)
def site_domain_delete(
    request, organisation: str, site: str, domain: str, idempotency_key: str | None = IDEMPOTENCY_KEY
):
    def produce():
        hosting.site_domain_remove(site=_site(request, organisation, site), domain=domain, actor_label=_actor(request))
        return 200, {"removed": True}

    return idempotent(request, f"platform.domains.{organisation}.{site}.{domain}.delete", produce, idempotency_key)


# --- batches -----------------------------------------------------------------------------------------


def _batch(items, external_id, upsert) -> dict:
    """Upsert each item on its own (one transaction each): a refused item answers `error` and changed
    nothing; the others are done."""
    if len(items) > MAX_BATCH:
        raise ValidationFailed(
            _("At most %(max)s items per batch; this one has %(count)s.") % {"max": MAX_BATCH, "count": len(items)},
            field="items",
            code="provisioning.batch_too_large",
        )
    answers = []
    for item in items:
        try:
            with transaction.atomic():
                upserted = upsert(item)
        except DomainError as exc:
            answers.append(
                {
                    "external_id": external_id(item),
                    "status": "error",
                    "error": error(exc.code, exc.message, exc.field, exc.findings),
                }
            )
        else:
            answers.append({"external_id": external_id(item), "status": upserted.status, "error": None})
    return {"items": answers}


BATCH_DESCRIPTION = (
    "Up to 100 items (more: 422 `provisioning.batch_too_large`), each upserted on its own as its PUT would: "
    "the answer says per item `created`, `updated`, `unchanged` or `error` (with the error, and the item changed "
    "nothing). One bad item does not stop the others. Repeating a batch is harmless (items answer `unchanged`)."
)


@router.post(
    "/batch/organisations",
    response={200: BatchOut, **PLATFORM_ERRORS, **BODY_ERRORS},
    operation_id="platform_organisations_batch",
    summary="Create or update up to 100 organisations",
    description=BATCH_DESCRIPTION,
)
def organisations_batch(request, payload: OrganisationBatchIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        return 200, _batch(
            payload.items,
            lambda item: item.external_id,
            lambda item: accounts.organisation_upsert(
                platform=request.platform, external_id=item.external_id, name=item.name, actor_label=_actor(request)
            ),
        )

    return idempotent(request, "platform.batch.organisations", produce, idempotency_key)


@router.post(
    "/batch/users",
    response={200: BatchOut, **PLATFORM_ERRORS, **BODY_ERRORS},
    operation_id="platform_users_batch",
    summary="Create or update up to 100 users",
    description=BATCH_DESCRIPTION,
)
def users_batch(request, payload: UserBatchIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        return 200, _batch(
            payload.items,
            lambda item: item.external_id,
            lambda item: accounts.user_upsert(
                platform=request.platform,
                external_id=item.external_id,
                name=item.name,
                email=item.email,
                actor_label=_actor(request),
            ),
        )

    return idempotent(request, "platform.batch.users", produce, idempotency_key)


@router.post(
    "/batch/sites",
    response={200: BatchOut, **PLATFORM_ERRORS, **BODY_ERRORS},
    operation_id="platform_sites_batch",
    summary="Create or update up to 100 hosted sites",
    description=BATCH_DESCRIPTION + " Each item names its `organisation` (external id).",
)
def sites_batch(request, payload: HostedSiteBatchIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    def produce():
        return 200, _batch(
            payload.items,
            lambda item: item.external_id,
            lambda item: hosting.hosted_site_upsert(
                organisation=_organisation(request, item.organisation),
                external_id=item.external_id,
                slug=item.slug,
                title=item.title,
                domains=item.domains,
                actor_label=_actor(request),
            ),
        )

    return idempotent(request, "platform.batch.sites", produce, idempotency_key)
