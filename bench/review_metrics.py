"""Reviewer metrics on PostgreSQL: 100,000 orders with 90 days of review history.

    .venv/bin/python bench/review_metrics.py [--orders 100000] [--days 90] [--runs 10] \
        [--url postgres://postgres@127.0.0.1:5432/postgres] [--keep]

Creates a scratch database (`beian_bench_metrics`, next to the one in --url; never `test`),
migrates it, loads the reference data, and seeds --orders orders submitted over the last --days
days with the timeline a real order leaves: created, submitted, claimed by one of 20 reviewers,
approved, returned (1-3 fields with catalogue reasons) or rejected, resubmitted and decided again,
then the regulator's SMS verification and decision — across 31 provinces, each province and each
reviewer with its own pace; the timeline table is then laid out in time order, as an append-only
table is in production. Then runs `review_metrics` (what the operator's metrics page runs)
for 30-day windows and for the whole history, and prints p50/p95 in ms over --runs runs each.
The timeline is bulk-loaded around the ORM, so the metrics' derived decision rows are then built
by `review_decisions_rebuild` (what `manage.py rebuild_review_metrics` runs; its time is printed).
The database is dropped at the end unless --keep. Target: p95 <= 200 ms for a 30-day window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.review_queue import (
    CITY_WORDS,
    INDUSTRIES,
    PINYIN,
    PROVINCE_WEIGHTS,
    SUFFIXES,
    _pick,
    create_database,
    database_urls,
    django_on,
    drop_database,
)

if TYPE_CHECKING:
    from beian.filings.selectors import ReviewMetrics

TARGET_P95_MS = 200.0
BENCH_DB = "beian_bench_metrics"
N_REVIEWERS = 20
# Catalogue reasons a provider reviewer cites most, roughly in the proportions seen in practice.
REASON_WEIGHTS = {
    "DOC_UNCLEAR": 20,
    "SITE_NAME_INVALID": 12,
    "CERT_ADDRESS_MISMATCH": 9,
    "MAIL_ADDRESS_INVALID": 8,
    "PHONE_UNREACHABLE": 7,
    "DOC_NOT_ORIGINAL": 6,
    "BACKDROP_PHOTO_INVALID": 6,
    "DOC_MISSING": 5,
    "SITE_NAME_NOT_RELATED": 5,
    "ID_EXPIRED_OR_SHORT": 4,
    "DOMAIN_OWNER_MISMATCH": 4,
    "AUTH_LETTER_MISSING": 3,
    "PRINCIPAL_NOT_LEGAL_REP": 3,
    "PERSONAL_SCOPE_EXCEEDED": 2,
    "PREAPPROVAL_REQUIRED": 2,
    "EMAIL_INVALID": 2,
    "CONTACTS_DUPLICATED": 1,
    "FACE_VERIFY_FAILED": 1,
}
RETURN_FIELDS = [
    "subject.certificate_address",
    "subject.mailing_address",
    "subject.principal.mobile",
    "subject.principal.email",
    "websites[0].name",
    "websites[0].remark",
    "websites[0].principal.mobile",
    "materials.business_licence",
    "materials.principal_id_front",
    "materials.principal_photo",
    "materials.authorisation_letter",
    "materials.domain_certificate",
]


class History:
    """One order's timeline, generated forward from its first submission; events after `now` are cut."""

    def __init__(self, now: dt.datetime):
        self.now, self.status = now, "DRAFT"
        self.events: list[dict[str, Any]] = []

    def add(self, event: str, at: dt.datetime, to: str, actor=None, data=None, reason="") -> bool:
        if at >= self.now:
            return False
        self.events.append(
            {
                "event": event,
                "at": at,
                "from_status": self.status,
                "to_status": to,
                "actor": actor,
                "data": data or {},
                "reason": reason,
                "visible_to_applicant": event != "claim",
            }
        )
        self.status = to
        return True

    @property
    def last_at(self) -> dt.datetime:
        return self.events[-1]["at"]


def lognormal_hours(rng: random.Random, median: float, sigma: float) -> dt.timedelta:
    return dt.timedelta(hours=rng.lognormvariate(math.log(median), sigma))


def order_history(rng: random.Random, *, now, submitted, province_pace, reviewers, reviewer_pace) -> History:
    h = History(now)
    h.add("create", submitted - dt.timedelta(hours=rng.uniform(0.2, 96)), "DRAFT")
    if not h.add("submit", submitted, "PENDING_PROVIDER_REVIEW", data={"version": 1}):
        return h
    version = 1
    for round_ in range(4):
        reviewer = rng.choices(reviewers, weights=reviewer_pace["weight"])[0]
        wait = lognormal_hours(rng, 4.0 * province_pace * reviewer_pace["pace"][reviewer.pk], 0.9)
        if not h.add("claim", h.last_at + wait * rng.uniform(0.6, 0.95), h.status, actor=reviewer):
            return h
        decided = h.events[-2]["at"] + wait  # measured from the (re)submission
        roll = rng.random()
        approve, returned = (0.64, 0.30) if round_ == 0 else (0.85, 0.13)
        if roll < approve:
            if not h.add("approve", decided, "PENDING_SUBMISSION", actor=reviewer):
                return h
            if not h.add(
                "regulator_accepted", h.last_at + dt.timedelta(minutes=rng.uniform(1, 30)), "SMS_VERIFICATION"
            ):
                return h
            if rng.random() < 0.06:
                h.add("sms_failed", h.last_at + dt.timedelta(hours=24), "RETURNED_SMS_TIMEOUT")
                return h
            if not h.add("sms_verified", h.last_at + lognormal_hours(rng, 6, 1.0), "REGULATOR_REVIEW"):
                return h
            regulator_at = h.last_at + dt.timedelta(days=rng.uniform(3, 20))
            if rng.random() < 0.9:
                h.add("regulator_approved", regulator_at, "APPROVED")
            else:
                h.add(
                    "regulator_rejected",
                    regulator_at,
                    "REGULATOR_REJECTED",
                    data={"reason_code": _pick(rng, REASON_WEIGHTS)},
                )
            return h
        if roll < approve + returned:
            fields = rng.sample(RETURN_FIELDS, rng.choices([1, 2, 3], weights=[60, 28, 12])[0])
            returns = [{"field": f, "reason_code": _pick(rng, REASON_WEIGHTS), "note": ""} for f in fields]
            if not h.add(
                "return_fields",
                decided,
                "PROVIDER_NEEDS_CHANGES",
                actor=reviewer,
                data={"returns": returns},
                reason="; ".join(f"{r['field']}: {r['reason_code']}" for r in returns),
            ):
                return h
            resubmit_chance = 0.85
        else:
            if not h.add("reject", decided, "PROVIDER_REJECTED", actor=reviewer, reason="不符合备案要求"):
                return h
            resubmit_chance = 0.4
        if rng.random() >= resubmit_chance:
            h.add("abandon", h.last_at + dt.timedelta(days=rng.uniform(1, 30)), "ABANDONED")
            return h
        version += 1
        if not h.add(
            "resubmit", h.last_at + lognormal_hours(rng, 20, 1.0), "PROVIDER_RESUBMITTED", data={"version": version}
        ):
            return h
    return h


def seed(n: int, days: int, rng: random.Random) -> dict:
    """bulk_create n orders submitted over the last `days` days, each with its whole timeline."""
    # the project's modules only after django.setup() (this script configures Django first)
    from django.db import connection, transaction

    from beian.accounts.models import Organisation, User
    from beian.filings.models import Order, OrderEvent, Person, Subject, Website

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    User.objects.bulk_create([User(username=f"reviewer{i:02d}", role="reviewer") for i in range(N_REVIEWERS)])
    reviewers = list(User.objects.filter(role="reviewer").order_by("pk"))
    # Some reviewers take more of the queue, some are quicker; provinces differ in how hard their files are.
    reviewer_pace = {
        "weight": [rng.uniform(0.3, 1.5) for _ in reviewers],
        "pace": {r.pk: rng.uniform(0.5, 1.8) for r in reviewers},
    }
    province_pace = {p: rng.uniform(0.6, 1.6) for p in PROVINCE_WEIGHTS}
    labels = {r.pk: r.username for r in reviewers}
    n_orgs = max(1, n // 4)
    Organisation.objects.bulk_create([Organisation(name=f"租户{i}") for i in range(n_orgs)], batch_size=5000)
    org_ids = list(Organisation.objects.values_list("pk", flat=True))
    batch, total_events = 5000, 0
    for start in range(0, n, batch):
        size = min(batch, n - start)
        with transaction.atomic():
            people = [
                Person(organisation_id=org_ids[(start + k // 2) % len(org_ids)], name="张三") for k in range(2 * size)
            ]
            Person.objects.bulk_create(people, batch_size=batch)
            rows = []
            for k in range(size):
                i = start + k
                province = _pick(rng, PROVINCE_WEIGHTS)
                name = rng.choice(CITY_WORDS) + rng.choice(PINYIN) + rng.choice(INDUSTRIES) + rng.choice(SUFFIXES)
                submitted = now - dt.timedelta(days=rng.uniform(0, days))
                history = order_history(
                    rng,
                    now=now,
                    submitted=submitted,
                    province_pace=province_pace[province],
                    reviewers=reviewers,
                    reviewer_pace=reviewer_pace,
                )
                rows.append((i, province, name, history))
            subjects = [
                Subject(
                    organisation_id=people[2 * k].organisation_id,
                    nature=4,
                    province=province,
                    name=name,
                    certificate_type=1,
                    principal=people[2 * k],
                )
                for k, (_i, province, name, _h) in enumerate(rows)
            ]
            Subject.objects.bulk_create(subjects, batch_size=batch)
            websites = [
                Website(
                    organisation_id=s.organisation_id,
                    subject=s,
                    name=f"{s.name[:6]}官网",
                    domain=f"{rng.choice(PINYIN)}{i}.cn",
                    principal=people[2 * k + 1],
                )
                for k, ((i, *_rest), s) in enumerate(zip(rows, subjects, strict=False))
            ]
            Website.objects.bulk_create(websites, batch_size=batch)
            orders = []
            for (_i, province, name, h), s, w in zip(rows, subjects, websites, strict=False):
                submits = [e["at"] for e in h.events if e["event"] in ("submit", "resubmit")]
                awaiting = h.status in ("PENDING_PROVIDER_REVIEW", "PROVIDER_RESUBMITTED")
                orders.append(
                    Order(
                        organisation_id=s.organisation_id,
                        filing_type="FIRST_FILING",
                        status=h.status,
                        subject=s,
                        website=w,
                        created_at=h.events[0]["at"],
                        status_changed_at=h.last_at,
                        submitted_at=submits[-1] if submits else None,
                        last_customer_action_at=h.last_at,
                        submitted_province=province if submits else "",
                        submitted_subject_name=name if submits else "",
                        review_due_at=h.last_at + dt.timedelta(days=1) if awaiting else None,
                    )
                )
            Order.objects.bulk_create(orders, batch_size=batch)
            events = [
                OrderEvent(
                    order=o,
                    at=e["at"],
                    actor=e["actor"],
                    actor_label=labels[e["actor"].pk]
                    if e["actor"]
                    else "system"
                    if e["event"] not in ("create", "submit", "resubmit")
                    else "applicant",
                    event=e["event"],
                    from_status=e["from_status"],
                    to_status=e["to_status"],
                    reason=e["reason"],
                    data=e["data"],
                    visible_to_applicant=e["visible_to_applicant"],
                )
                for o, (*_r, h) in zip(orders, rows, strict=False)
                for e in h.events
            ]
            OrderEvent.objects.bulk_create(events, batch_size=batch)
            total_events += len(events)
        print(f"  seeded {start + size:>7,} orders, {total_events:>9,} events", end="\r", flush=True)
    print()
    with connection.cursor() as cursor:
        # In production the append-only timeline lies on disk in time order; bulk_create wrote it
        # order by order. Lay it out by time, then let VACUUM do what autovacuum would have done.
        cursor.execute("CREATE INDEX bench_event_time ON filings_orderevent (at)")
        cursor.execute("CLUSTER filings_orderevent USING bench_event_time")
        cursor.execute("DROP INDEX bench_event_time")
        cursor.execute("VACUUM ANALYZE")
    return {"now": now, "events": total_events}


def windows(now: dt.datetime, days: int) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """(label, start, end): what the metrics page asks for — whole local days, the last one included."""
    from django.utils import timezone

    tz = timezone.get_current_timezone()
    today = now.astimezone(tz).date()

    def period(first: dt.date, last: dt.date):
        return (
            dt.datetime.combine(first, dt.time(0), tzinfo=tz),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=tz),
        )

    return [
        ("last 30 days (the page default)", *period(today - dt.timedelta(days=29), today)),
        ("30 days, a month ago", *period(today - dt.timedelta(days=59), today - dt.timedelta(days=30))),
        (f"last {days} days", *period(today - dt.timedelta(days=days - 1), today)),
    ]


def measure(start, end, runs: int) -> tuple[float, float, ReviewMetrics]:
    # the project's modules only after django.setup() (this script configures Django first)
    from beian.filings.selectors import review_metrics

    timings: list[float] = []
    for i in range(runs + 1):
        started = time.perf_counter()
        report = review_metrics(start=start, end=end)
        elapsed = (time.perf_counter() - started) * 1000
        if i >= 1:  # the first run warms the connection and caches
            timings.append(elapsed)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90, help="days of history (default 90)")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per window (default 10, at least 5)")
    parser.add_argument(
        "--url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="any database URL on the PostgreSQL server to use; the bench creates its own database",
    )
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure a database kept with --keep, without seeding")
    parser.add_argument("--db", default=BENCH_DB, help=f"scratch database name (default {BENCH_DB})")
    args = parser.parse_args()

    maintenance_url, bench_url = database_urls(args.url, args.db)
    if not args.reuse:
        create_database(maintenance_url, args.db)
    try:
        django_on(bench_url, args.db)
        # the project's modules only after django.setup() (this script configures Django first)
        from django.db import connection

        from beian.filings.models import OrderEvent
        from beian.reference.loader import load_seed

        if args.reuse:
            now = OrderEvent.objects.latest("at").at
            print(f"reusing {args.db}: {OrderEvent.objects.count():,} events")
        else:
            load_seed()
            started = time.perf_counter()
            seeded = seed(args.orders, args.days, random.Random(args.seed))
            now = seeded["now"]
            print(
                f"seeded {args.orders:,} orders with {seeded['events']:,} timeline events over {args.days} days "
                f"in {time.perf_counter() - started:.0f} s on PostgreSQL {connection.get_database_version()[0]}"
            )
            # the project's modules only after django.setup() (this script configures Django first)
            from beian.filings.metrics import review_decisions_rebuild

            started = time.perf_counter()
            rows = review_decisions_rebuild()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE filings_reviewdecision")
                cursor.execute("VACUUM ANALYZE filings_reviewreturnreason")
            print(
                f"derived {rows:,} review decisions (rebuild_review_metrics) in {time.perf_counter() - started:.0f} s"
            )
        print(
            f"\n{'review_metrics(start, end)':<34} {'p50 ms':>8} {'p95 ms':>8} {'decisions':>10} "
            f"{'first rev.':>10} {'prov.':>5} {'rev.':>4} {'reasons':>7}"
        )
        print("-" * 92)
        worst_30 = 0.0
        for label, start, end in windows(now, args.days):
            p50, p95, report = measure(start, end, max(args.runs, 5))
            if "30 days" in label:
                worst_30 = max(worst_30, p95)
            print(
                f"{label:<34} {p50:>8.1f} {p95:>8.1f} {report.decisions:>10,} {report.first_reviews:>10,} "
                f"{len(report.by_province):>5} {len(report.by_reviewer):>4} {len(report.reasons):>7}"
            )
        print("-" * 92)
        verdict = "OK" if worst_30 <= TARGET_P95_MS else "OVER TARGET"
        print(f"worst p95 for a 30-day window {worst_30:.1f} ms; target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}")
        connection.close()
        return 0 if worst_30 <= TARGET_P95_MS else 1
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(maintenance_url, args.db)


if __name__ == "__main__":
    sys.exit(main())
