"""What keeps the gate entries fresh (see beian.hosting.entries): receivers that mark entries stale
inside the transaction of every change that may alter a decision, and receivers of filings' own
signals (`record_changed`, `order_transitioned`, both sent after commit) that recompute them at
once. Connected in HostingConfig.ready(); filings knows nothing of hosting."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beian.filings.models import AccessRecord, FiledDomain, Order, SubjectFiling, Website, WebsiteFiling
from beian.filings.records import wire_domain
from beian.filings.signals import order_transitioned, record_changed
from beian.hosting import bindings, entries, stamp
from beian.hosting.models import GateEntry, HostedSite, SiteDomain
from beian.reference.models import ReferenceSetting

logger = logging.getLogger(__name__)

ORDER_FIELDS = frozenset({"status", "filing_type", "website", "organisation"})
WEBSITE_FIELDS = frozenset({"domain", "filing_number", "hosted_site", "order", "organisation"})


def _relevant(update_fields, watched: frozenset[str]) -> bool:
    return update_fields is None or bool(watched & set(update_fields))


def order_scope(order_pk: int) -> tuple[set[int], set[str]]:
    """The sites and main domains an order's websites name."""
    website_pk = Order.objects.filter(pk=order_pk).values_list("website_id", flat=True).first()
    rows = Website.objects.filter(Q(order_id=order_pk) | Q(pk=website_pk or 0))
    sites, domains = set(), set()
    for site_id, domain in rows.values_list("hosted_site_id", "domain"):
        sites.add(site_id)
        domains.add(wire_domain(domain))
    return sites, domains


def _record_domains(**filters) -> list[str]:
    return list(FiledDomain.objects.filter(**filters).values_list("domain", flat=True))


# --- inside the writer's transaction: mark stale -------------------------------------------------


@receiver(post_save, sender=HostedSite, dispatch_uid="gate-site-saved")
def site_saved(instance, **kwargs) -> None:
    entries.sync_site(instance.pk)
    _refresh_site_after_commit(instance.pk)


@receiver(post_save, sender=SiteDomain, dispatch_uid="gate-domain-bound")
def domain_bound(instance, **kwargs) -> None:
    entries.sync_site(instance.site_id)
    _refresh_site_after_commit(instance.site_id)


@receiver(post_delete, sender=SiteDomain, dispatch_uid="gate-domain-unbound")
def domain_unbound(instance, **kwargs) -> None:
    # no entry is created here: the site itself may be being deleted (its entries cascade)
    GateEntry.objects.filter(host=entries.ascii_host(instance.domain)).delete()
    entries.invalidate(site_ids=[instance.site_id])
    _refresh_site_after_commit(instance.site_id)


def _refresh_site_after_commit(site_id: int) -> None:
    """Recompute the site's entries once the edit committed, so the next request of every process
    reads fresh entries in one query (a deleted site has none left to recompute)."""

    def refresh() -> None:
        try:
            entries.refresh(site_ids=[site_id])
        except Exception:  # the entries stay stale (marked in the edit's transaction): recomputed on read
            logger.exception("gate entries of site %s not refreshed", site_id)

    transaction.on_commit(refresh)


@receiver(post_save, sender=Order, dispatch_uid="gate-order-saved")
def order_saved(instance, update_fields=None, **kwargs) -> None:
    if _relevant(update_fields, ORDER_FIELDS):
        sites, domains = order_scope(instance.pk)
        entries.invalidate(site_ids=sites, domains=domains)


@receiver(post_save, sender=Website, dispatch_uid="gate-website-saved")
def website_saved(instance, update_fields=None, **kwargs) -> None:
    if _relevant(update_fields, WEBSITE_FIELDS):
        entries.invalidate(site_ids=[instance.hosted_site_id], domains=[wire_domain(instance.domain)])


@receiver((post_save, post_delete), sender=FiledDomain, dispatch_uid="gate-filed-domain")
def filed_domain_changed(instance, **kwargs) -> None:
    entries.invalidate(domains=[instance.domain])


@receiver((post_save, post_delete), sender=AccessRecord, dispatch_uid="gate-access-record")
def access_record_changed(instance, update_fields=None, **kwargs) -> None:
    if (
        instance.pk
        and instance.is_ours
        and instance.status == "active"
        and _relevant(update_fields, frozenset({"hosted_site"}))
    ):
        # a change of access moved the website to another of our sites: its domains follow, in this transaction
        bindings.site_domains_follow_access(_record_domains(website_filing_id=instance.website_filing_id))
    entries.invalidate(
        site_ids=[instance.hosted_site_id], domains=_record_domains(website_filing_id=instance.website_filing_id)
    )


@receiver(post_save, sender=WebsiteFiling, dispatch_uid="gate-website-filing")
def website_filing_changed(instance, **kwargs) -> None:
    entries.invalidate(domains=_record_domains(website_filing_id=instance.pk))


@receiver(post_save, sender=SubjectFiling, dispatch_uid="gate-subject-filing")
def subject_filing_changed(instance, **kwargs) -> None:
    entries.invalidate(domains=_record_domains(website_filing__subject_filing_id=instance.pk))


@receiver((post_save, post_delete), sender=ReferenceSetting, dispatch_uid="gate-new-access-setting")
def new_access_setting_changed(instance, **kwargs) -> None:
    if instance.key == entries.NEW_ACCESS_SETTING:
        entries.invalidate(everything=True)
        transaction.on_commit(_refresh_everything)
    elif instance.key == entries.FOOTER_SETTING:  # the MIIT link every process keeps with its entries
        stamp.changed()


def _refresh_everything() -> None:
    try:
        entries.refresh(everything=True)
    except Exception:  # the entries stay stale and are recomputed on read
        logger.exception("gate entries not refreshed")


# --- after commit: recompute now -----------------------------------------------------------------


@receiver(record_changed, dispatch_uid="gate-record-changed")
def records_changed(order_pk=None, domains=(), **kwargs) -> None:
    try:
        sites, order_domains = order_scope(order_pk) if order_pk else (set(), set())
        entries.refresh(site_ids=sites, domains={*domains, *order_domains})
    except Exception:  # the entries stay stale (marked in the change's transaction): recomputed on read
        logger.exception("gate entries not refreshed after a record change")


@receiver(order_transitioned, dispatch_uid="gate-order-transitioned")
def order_moved(order_pk, **kwargs) -> None:
    try:
        sites, domains = order_scope(order_pk)
        entries.refresh(site_ids=sites, domains=domains)
    except Exception:
        logger.exception("gate entries not refreshed after an order transition")
