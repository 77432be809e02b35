"""The gate's published decisions (GateEntry): gathered from the records and orders, decided by the
pure `gate.decide`, read by each hosted request in ONE query.

Why a table and not only a cache: the decision changes in whichever process applies a regulator
outcome or moves an order (web, worker, sandbox), and the in-process cache of another process
cannot be cleared from there; a row in the shared database is seen by every process on its next
query, costs the single indexed query a hosted request makes anyway (joined to its site, with the
footer's MIIT link as a subquery), and is what an nginx edge map can later be generated from.

Freshness, in three layers:
1. inside the transaction of every change that may alter a decision (records, orders, websites,
   sites and their domains, the new-access setting), the entries concerned are marked stale
   (`valid_until` NULL, `generation` + 1) — committed or rolled back with the change itself, so no
   crash after commit leaves an entry serving the old decision;
2. after commit, `record_changed` and `order_transitioned` recompute them at once (so the very
   next request is a hit, and a reader that recomputed concurrently from the old data is
   overwritten: its write-back only applies while `generation` is unchanged);
3. a stale, expired (GATE_ENTRY_MAX_AGE, a safety net for writes that bypass signals such as
   `QuerySet.update`) or missing entry is recomputed on read.
`manage.py gate_rebuild` recomputes every entry.
Every invalidation also bumps the gate stamp (beian.hosting.stamp), so each process, which keeps
the entries it served in memory (beian.hosting.hostcache), re-reads them on its next request; a
hosted request whose host is kept and whose stamp has not moved makes no query at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterable

import idna
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F, Q, Subquery
from django.utils import timezone

from beian.filings import states
from beian.filings.models import AccessRecord, FiledDomain, Order, RecordStatus, Website
from beian.filings.records import wire_domain
from beian.hosting import gate, stamp
from beian.hosting.footer import footer_context, footer_parts
from beian.hosting.models import GateEntry, HostedSite, SiteDomain
from beian.hosting.signals import gate_decision_changed
from beian.reference.models import ReferenceSetting
from beian.reference.snapshot import setting

logger = logging.getLogger(__name__)

NEW_ACCESS_SETTING = "new_access_serve_from"
FOOTER_SETTING = "filing_number_formats"


def max_age() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "GATE_ENTRY_MAX_AGE", 300))


def ascii_host(domain: str) -> str:
    """A bound domain as a Host header carries it (A-label, lower case)."""
    text = (domain or "").strip().lower().rstrip(".")
    try:
        return idna.encode(text, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return text


def slug_host(slug: str) -> str:
    return f"{slug}{settings.HOSTED_SITE_SUFFIX}".lower()


def _variants(domain: str) -> set[str]:
    """How an order's website may have typed a main domain: A-label or U-label, with or without www."""
    forms = {domain}
    with contextlib.suppress(idna.IDNAError, UnicodeError):
        forms.add(idna.decode(domain))
    return forms | {f"www.{f}" for f in forms}


# --- facts and decisions ------------------------------------------------------------------------


def new_access_policy() -> gate.NewAccessServe:
    return gate.new_access_policy(setting(NEW_ACCESS_SETTING, gate.DEFAULT_NEW_ACCESS_SERVE.value))


def domain_facts(host: str, *, organisation_id: int) -> gate.DomainFacts:
    """What the records and the tenant's open orders say about `host` (an A-label; a subdomain is
    decided by the main domain it belongs to, §6.3)."""
    if not host:
        return gate.DomainFacts()
    ancestors = gate.host_candidates(host)
    filed = {
        f.domain: f
        for f in FiledDomain.objects.filter(
            domain__in=ancestors, removed_at__isnull=True, website_filing__status=RecordStatus.ACTIVE
        ).select_related("website_filing")
    }
    main = next((a for a in ancestors if a in filed), "")
    number, ours = "", False
    if main:
        record = filed[main].website_filing
        number = record.filing_number
        ours = any(
            access.hosted_site is None or access.hosted_site.organisation_id == organisation_id
            for access in AccessRecord.objects.filter(
                website_filing=record, is_ours=True, status=RecordStatus.ACTIVE
            ).select_related("hosted_site")
        )
    by_variant = {v: a for a in ancestors for v in _variants(wire_domain(a) or a)}
    websites = list(
        Website.objects.filter(organisation_id=organisation_id, domain__in=list(by_variant)).values_list(
            "pk", "order_id", "domain", "filing_number"
        )
    )
    open_orders = {
        o.pk: o
        for o in Order.objects.filter(
            Q(pk__in=[w[1] for w in websites if w[1]]) | Q(website_id__in=[w[0] for w in websites]),
            status__in=states.IN_PROGRESS,
        ).only("pk", "filing_type", "status", "website_id")
    }
    facts, matched = [], []
    for pk, order_id, domain, website_number in websites:
        orders = [o for o in open_orders.values() if o.pk == order_id or o.website_id == pk]
        for order in orders:
            facts.append(gate.OrderFact(order.filing_type, order.status, website_number or ""))
            matched.append(by_variant[domain])
    if not main:
        main = max(matched, key=len, default="") or wire_domain(host) or host
    return gate.DomainFacts(domain=main, filing_number=number, our_access=ours, orders=tuple(facts))


def decide_host(host: str, *, organisation_id: int, policy: gate.NewAccessServe | None = None):
    """(main domain, decision) for one host of a site of `organisation_id`."""
    facts = domain_facts(host, organisation_id=organisation_id)
    return facts.domain, gate.decide(facts, new_access_serve_from=policy or new_access_policy())


def site_hosts(site: HostedSite) -> dict[str, str]:
    """Every address of the site -> the host its decision is taken from: each bound domain decides
    for itself; the platform address `<slug>.localhost` decides as the site's PRIMARY domain (its
    first bound domain) does, and is blocked while the site has none."""
    domains = [
        ascii_host(d) for d in SiteDomain.objects.filter(site=site).order_by("pk").values_list("domain", flat=True)
    ]
    hosts = {d: d for d in domains}
    hosts[slug_host(site.slug)] = domains[0] if domains else ""
    return hosts


# --- publishing -----------------------------------------------------------------------------------


def psb_number_of(domain: str, filing_number: str) -> str:
    """The public-security number of the filed website the footer shows `filing_number` for (§8.2)."""
    if not (domain and filing_number):
        return ""
    number = (
        FiledDomain.objects.filter(
            domain=domain,
            removed_at__isnull=True,
            website_filing__status=RecordStatus.ACTIVE,
            website_filing__filing_number=filing_number,
        )
        .values_list("website_filing__psb_number", flat=True)
        .first()
    )
    return number or ""


def _values(domain: str, decision: gate.GateDecision) -> dict:
    return {
        "domain": domain,
        "access": decision.access.value,
        "reason": decision.reason.value,
        "filing_number": decision.filing_number,
        "psb_number": psb_number_of(domain, decision.filing_number),
        "valid_until": timezone.now() + max_age(),  # the age of a cached row: wall time, not business time
    }


def publish_site(site: HostedSite) -> list[GateEntry]:
    """(Re)compute every entry of a site; drop entries of addresses it no longer answers on."""
    policy = new_access_policy()
    hosts = site_hosts(site)
    entries = []
    with transaction.atomic():
        GateEntry.objects.filter(site=site).exclude(host__in=list(hosts)).delete()
        before = {
            e["host"]: e["access"] if e["reason"] else ""
            for e in GateEntry.objects.filter(host__in=list(hosts)).values("host", "access", "reason")
        }
        for host, decided_by in hosts.items():
            domain, decision = decide_host(decided_by, organisation_id=site.organisation_id, policy=policy)
            entry, _created = GateEntry.objects.update_or_create(
                host=host, defaults={"site": site, **_values(domain, decision)}
            )
            _announce(entry, site.organisation_id, before.get(host, ""))
            entries.append(entry)
    return entries


def _announce(entry: GateEntry, organisation_id: int, previous: str) -> None:
    """Tell the subscribers (webhooks) when the entry's access changed, inside the writer's transaction."""
    if entry.access != previous:
        gate_decision_changed.send(
            sender=GateEntry,
            host=entry.host,
            domain=entry.domain,
            site_id=entry.site_id,
            organisation_id=organisation_id,
            previous=previous,
            access=entry.access,
            reason=entry.reason,
            filing_number=entry.filing_number,
        )


def rebuild_all() -> int:
    """Recompute every entry of every site (`manage.py gate_rebuild`); the number of entries."""
    count = 0
    for site in HostedSite.objects.order_by("pk").iterator():
        count += len(publish_site(site))
    GateEntry.objects.exclude(site__in=HostedSite.objects.all()).delete()
    stamp.changed()  # it may follow writes that bypassed the signals: every process re-reads
    return count


def _matching(*, site_ids: Iterable[int] = (), domains: Iterable[str] = ()) -> Q:
    cond = Q(pk__in=[])
    site_ids, domains = {s for s in site_ids if s}, {d for d in domains if d}
    if site_ids:
        cond |= Q(site_id__in=site_ids)
    if domains:
        cond |= Q(domain__in=domains) | Q(host__in=domains)
        for domain in domains:
            cond |= Q(host__endswith=f".{domain}")
    return cond


def invalidate(*, site_ids: Iterable[int] = (), domains: Iterable[str] = (), everything: bool = False) -> int:
    """Mark the entries of these sites and (main) domains stale, in the caller's transaction, and
    bump the gate stamp (now and after commit: every process re-reads the table)."""
    stamp.changed()
    qs = (
        GateEntry.objects.all()
        if everything
        else GateEntry.objects.filter(_matching(site_ids=site_ids, domains=domains))
    )
    return qs.update(valid_until=None, generation=F("generation") + 1)


def refresh(*, site_ids: Iterable[int] = (), domains: Iterable[str] = (), everything: bool = False) -> None:
    """Recompute the entries of these sites and domains now (after the change committed)."""
    qs = (
        GateEntry.objects.all()
        if everything
        else GateEntry.objects.filter(_matching(site_ids=site_ids, domains=domains))
    )
    for site in HostedSite.objects.filter(pk__in=qs.values("site_id")):
        publish_site(site)


def sync_site(site_id: int) -> None:
    """The site's addresses changed (a domain bound or removed, a new slug): create the entries of
    its new addresses (stale, computed on first request), drop those of addresses it lost, and
    mark the others stale (the primary domain may have changed)."""
    stamp.changed()  # also its title or content, which every process keeps with the entry
    site = HostedSite.objects.filter(pk=site_id).first()
    if site is None:
        return
    hosts = site_hosts(site)
    GateEntry.objects.filter(site=site).exclude(host__in=list(hosts)).delete()
    existing = set(GateEntry.objects.filter(host__in=list(hosts)).values_list("host", flat=True))
    GateEntry.objects.bulk_create(
        [
            GateEntry(host=h, site=site, domain=d, access=gate.Access.BLOCK.value, reason="")
            for h, d in hosts.items()
            if h not in existing
        ]
    )
    GateEntry.objects.filter(host__in=list(hosts)).update(site=site, valid_until=None, generation=F("generation") + 1)


# --- the per-request read -------------------------------------------------------------------------


def _recompute(entry: GateEntry) -> GateEntry:
    """Recompute a stale or expired entry; written back only if nobody invalidated it meanwhile."""
    site = entry.site
    decided_by = site_hosts(site).get(entry.host)
    if decided_by is None:  # the site no longer answers on it
        sync_site(site.pk)
        return entry_for_host(entry.host, recompute=False) or entry
    domain, decision = decide_host(decided_by, organisation_id=site.organisation_id)
    values = _values(domain, decision)
    previous = entry.access if entry.reason else ""
    try:
        with transaction.atomic():
            written = GateEntry.objects.filter(pk=entry.pk, generation=entry.generation).update(**values)
            for key, value in values.items():
                setattr(entry, key, value)
            if written:
                _announce(entry, site.organisation_id, previous)
    except DatabaseError:  # e.g. SQLite busy: serve the decision, write it next time
        logger.warning("gate entry %s not written back", entry.host, exc_info=True)
        for key, value in values.items():
            setattr(entry, key, value)
    return entry


def _resolve_missing(key: str) -> GateEntry | None:
    """No entry for any candidate: find the site the host belongs to (slug or bound domain) and
    publish it; None when no site answers on it."""
    suffix = settings.HOSTED_SITE_SUFFIX.lower()
    site = None
    if suffix and key.endswith(suffix) and key != suffix.lstrip("."):
        site = HostedSite.objects.filter(slug=key[: -len(suffix)]).first()
    else:
        candidates = gate.host_candidates(key)
        forms = {c: c for c in candidates}
        for c in candidates:
            with contextlib.suppress(idna.IDNAError, UnicodeError):
                forms[idna.decode(c)] = c
        bound = {
            forms.get(ascii_host(d.domain), ascii_host(d.domain)): d
            for d in SiteDomain.objects.filter(domain__in=list(forms)).select_related("site")
        }
        match = next((c for c in candidates if c in bound), None)
        site = bound[match].site if match else None
    if site is None:
        return None
    try:
        publish_site(site)
    except DatabaseError:
        logger.warning("gate entries of site %s not written", site.pk, exc_info=True)
    return entry_for_host(key, recompute=False)


def entry_for_host(host: str, *, recompute: bool = True) -> GateEntry | None:
    """The entry answering a Host header, with its site and `miit_formats` (the footer setting):
    ONE query while the entry is fresh. None: no site answers on this host."""
    key = gate.host_key(host)
    candidates = gate.host_candidates(key)
    if not candidates:
        return None
    footer = ReferenceSetting.objects.filter(key=FOOTER_SETTING).values("value")[:1]
    rows: dict[str, GateEntry] = {
        e.host: e
        for e in GateEntry.objects.filter(host__in=candidates)
        .select_related("site")
        .annotate(miit_formats=Subquery(footer))
    }
    entry = next((rows[c] for c in candidates if c in rows), None)
    if entry is None:
        return _resolve_missing(key) if recompute else None
    if (entry.valid_until is None or entry.valid_until <= timezone.now() or not entry.reason) and recompute:
        entry = _recompute(entry)
    return entry


def entry_decision(entry: GateEntry) -> gate.GateDecision:
    return gate.GateDecision(gate.Access(entry.access), gate.Reason(entry.reason or "not_filed"), entry.filing_number)


def entry_footer(entry: GateEntry) -> dict:
    """The filing footer's parts for a served entry (hosting.footer.footer_parts): its numbers, with
    the links of the footer setting the request's one query read with it."""
    formats = getattr(entry, "miit_formats", None)
    if formats is None:
        return footer_context(entry.filing_number, entry.psb_number)
    return footer_parts(entry.filing_number, entry.psb_number, formats if isinstance(formats, dict) else {})


# --- what the applicant sees ----------------------------------------------------------------------


def site_domain_decisions(site: HostedSite) -> list[tuple[str, gate.GateDecision]]:
    """Each bound domain of the site with the gate's decision for it (computed fresh)."""
    policy = new_access_policy()
    rows = []
    for domain in SiteDomain.objects.filter(site=site).order_by("pk").values_list("domain", flat=True):
        _main, decision = decide_host(ascii_host(domain), organisation_id=site.organisation_id, policy=policy)
        rows.append((domain, decision))
    return rows
