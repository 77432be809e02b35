"""Which hosted site answers on a filed domain follows the access record (rules file §1.5: a
change of access moves the website to another of our servers). When the regulator approves a
change of access, our access record names the hosted site that serves the website from now on;
the domain bindings (SiteDomain, with their www. forms) of that website move to it, within the
tenant, in the same transaction. Called by the AccessRecord post_save receiver (beian.hosting.receivers)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from beian.core import audit
from beian.filings.models import AccessRecord, FiledDomain, RecordStatus
from beian.hosting.models import SiteDomain


def site_domains_follow_access(domains: Iterable[str]) -> int:
    """Rebind each filed domain (and its www. form) to the hosted site our active access names,
    when it is bound to another site of the same tenant. Returns how many bindings moved."""
    moved = 0
    with transaction.atomic():
        for filed in FiledDomain.objects.filter(
            domain__in=list(domains), removed_at__isnull=True, website_filing__status=RecordStatus.ACTIVE
        ):
            access = (
                AccessRecord.objects.filter(
                    website_filing_id=filed.website_filing_id, is_ours=True, status=RecordStatus.ACTIVE
                )
                .select_related("hosted_site")
                .first()
            )
            if access is None or access.hosted_site is None:
                continue
            target = access.hosted_site
            for binding in SiteDomain.objects.select_for_update().filter(
                domain__in=[filed.domain, f"www.{filed.domain}"], site__organisation_id=target.organisation_id
            ):
                if binding.site_id == target.pk:
                    continue
                before = binding.site_id
                binding.site = target
                binding.save(update_fields=["site"])
                audit.record(
                    action="hosting.domain_rebound",
                    target=binding,
                    organisation_id=target.organisation_id,
                    actor_label="access-record",
                    data={"domain": binding.domain, "from_site": before, "to_site": target.pk},
                )
                moved += 1
    return moved
