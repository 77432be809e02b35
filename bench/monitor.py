"""Benchmark: one run of the compliance monitor over N filed websites.

    .venv/bin/python bench/monitor.py [--websites 200] [--expiring-every 10]

Builds a scratch SQLite database in a temporary folder (migrated, reference data loaded), files the
demo company's website through the real services (tests/builders.py, material checks replayed),
then adds N-1 more website filings under the same subject as rows, each with its own hosted site and
domain (`bench0001.cn`, …) accessed through us. The registry is an in-memory stand-in answering for
every domain (every `--expiring-every`-th domain expires in 10 days, so risks are opened and
notified); the page of each website is read for real through the WSGI handler and the gate.

It prints, in one run: the first run's seconds and milliseconds per website (the gate entries of
the new sites are computed on their first request), a second forced run's (nothing changes: the
steady state, risks confirmed), the ratio second/first, and the SQL queries per website. A real
RDAP registry adds its own round trip per domain on top (timeout 5 s; an outage is "could not
check"). The machine is shared and noisy: compare only figures of one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def configure(var_dir: Path) -> None:
    for key in ("BEIAN_TESTING", "DATABASE_URL", "CELERY_BROKER_URL", "BEIAN_S3_BUCKET"):
        os.environ.pop(key, None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "BEIAN_DEMO_TOOLS": "0",
            "BEIAN_VAR_DIR": str(var_dir),
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "BEIAN_PII_KEY": secrets.token_urlsafe(32),
            "BEIAN_BLIND_INDEX_KEY": secrets.token_urlsafe(32),
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )


def build(websites: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from beian.core import clock
    from beian.demo.orders import BEIJING, tenant_for
    from beian.filings.models import AccessRecord, FiledDomain, SubjectFiling, WebsiteFiling
    from beian.hosting.models import HostedSite, SiteDomain
    from tests.builders import RECORDED, OrderBuilder

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=io.StringIO())
    organisation, user, site = tenant_for(BEIJING)
    with RECORDED.installed():
        OrderBuilder(organisation=organisation, user=user, site=site).approved()
    subject_filing = SubjectFiling.objects.get()
    first = WebsiteFiling.objects.get()
    now = clock.now()
    with transaction.atomic():
        for n in range(1, websites):
            sequence = n + 1
            hosted = HostedSite.objects.create(
                organisation=organisation, slug=f"bench{n:04d}", title=f"站点{n}", body_html=f"<h1>站点{n}</h1>"
            )
            SiteDomain.objects.create(site=hosted, domain=f"bench{n:04d}.cn")
            record = WebsiteFiling.objects.create(
                subject_filing=subject_filing,
                website=first.website,
                sequence=sequence,
                filing_number=f"{subject_filing.filing_number}-{sequence}",
                name=f"站点{n}",
                filed_at=now,
                updated_at=now,
            )
            FiledDomain.objects.create(website_filing=record, domain=f"bench{n:04d}.cn", added_at=now)
            AccessRecord.objects.create(website_filing=record, is_ours=True, hosted_site=hosted, since=now)
        SubjectFiling.objects.filter(pk=subject_filing.pk).update(website_sequence=websites)


class Registry:
    """Every domain registered to the subject; every `every`-th one expires in 10 days."""

    def __init__(self, every: int) -> None:
        from beian.core import clock

        self.today, self.every = clock.today(), every

    def lookup(self, domain: str):
        from beian.rules.model import DomainFacts

        number = int(domain[5:9]) if domain.startswith("bench") else 0
        days = 10 if self.every and number and number % self.every == 0 else 400
        return DomainFacts(
            domain=domain,
            registrant="北京示例科技有限公司",
            real_name_verified=True,
            expires_on=self.today + dt.timedelta(days=days),
        )


def timed_run(registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from beian.monitor import services

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        report = services.monitor_run_report(tools=services.Tools(registry=registry), everything=True)
        seconds = time.perf_counter() - started
    return report, seconds, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--websites", type=int, default=200)
    parser.add_argument("--expiring-every", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="print where the second run spends its time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="beian-bench-monitor-") as folder:
        configure(Path(folder))
        t0 = time.perf_counter()
        build(args.websites)
        print(f"{args.websites} filed websites built in {time.perf_counter() - t0:.1f} s (SQLite, {folder})")
        registry = Registry(args.expiring_every)
        first, first_s, first_q = timed_run(registry)
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
        second, second_s, second_q = timed_run(registry)
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        n = args.websites
        for name, report, seconds, queries in (
            ("first", first, first_s, first_q),
            ("second", second, second_s, second_q),
        ):
            print(
                f"{name:>6} run: {report.checked} websites in {seconds:.2f} s = {seconds / n * 1000:.1f} ms per website, "
                f"{queries / n:.1f} SQL queries per website; risks opened {report.opened}, "
                f"resolved {report.resolved}, could not check {report.not_checked}, failed {report.failed}"
            )
        print(f"ratio second/first: {second_s / first_s:.2f}")


if __name__ == "__main__":
    main()
