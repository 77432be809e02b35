"""Reviewer queue on PostgreSQL: 100,000 orders, every filter and every search type, and the
reviewer's search across all orders.

    .venv/bin/python bench/review_queue.py [--orders 100000] [--runs 60] \
        [--url postgres://postgres@127.0.0.1:5432/postgres] [--keep]

Creates a scratch database (`beian_bench`, next to the one in --url; never `test`), migrates it,
loads the reference data, seeds --orders orders with bulk_create (a realistic spread of
provinces, filing types, states, domains, company names, reviewers and finding counts), then
runs what the queue page runs for each filter and search — `queue_page`: the match count (up to
QUEUE_COUNT_LIMIT, then "more than") plus the first 50 rows with their related objects — and, for each search type, the page's "other orders" list (any
status, the 50 most recent matches outside the queue), and prints p50/p95 in ms over --runs runs
each (parameters rotate between runs). The database is dropped at the end unless --keep.
Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_P95_MS = 50.0
PAGE_SIZE = 50
BENCH_DB = "beian_bench"

# Weights: a provider whose queue is concentrated in the big coastal provinces.
PROVINCE_WEIGHTS = {
    "44": 16,
    "11": 12,
    "33": 10,
    "31": 9,
    "32": 9,
    "37": 5,
    "35": 5,
    "51": 4,
    "42": 4,
    "41": 3,
    "43": 3,
    "50": 3,
    "34": 3,
    "61": 2,
    "12": 2,
    "21": 2,
    "13": 2,
    "36": 2,
    "53": 1,
    "45": 1,
    "52": 1,
    "14": 1,
    "22": 1,
    "23": 1,
    "15": 1,
    "46": 1,
    "62": 1,
    "64": 1,
    "65": 1,
    "63": 0.5,
    "54": 0.3,
}
FILING_TYPE_WEIGHTS = {
    "FIRST_FILING": 55,
    "NEW_WEBSITE": 25,
    "NEW_ACCESS": 8,
    "CHANGE_WEBSITE": 4,
    "CHANGE_SUBJECT": 3,
    "CHANGE_FILING": 2,
    "CANCEL_WEBSITE": 2,
    "CANCEL_SUBJECT": 1,
}
# About 11% of all orders are waiting for the provider's first review (a stressed queue).
STATUS_WEIGHTS = {
    "APPROVED": 52,
    "DRAFT": 10,
    "PENDING_PROVIDER_REVIEW": 8,
    "PROVIDER_RESUBMITTED": 3,
    "PROVIDER_NEEDS_CHANGES": 5,
    "PROVIDER_REJECTED": 1,
    "PENDING_SUBMISSION": 1,
    "SMS_VERIFICATION": 1,
    "REGULATOR_REVIEW": 8,
    "REGULATOR_REJECTED": 2,
    "RETURNED_SMS_TIMEOUT": 0.5,
    "ABANDONED": 5,
    "EXPIRED": 3.5,
}
CITY_WORDS = [
    "北京",
    "上海",
    "广州",
    "深圳",
    "杭州",
    "南京",
    "苏州",
    "成都",
    "武汉",
    "西安",
    "厦门",
    "宁波",
    "青岛",
    "长沙",
    "郑州",
    "合肥",
    "重庆",
    "天津",
    "福州",
    "东莞",
    "佛山",
    "无锡",
    "济南",
    "昆明",
]
BRAND_CHARS = "云海星辰华信达源恒泰博远智创瑞丰嘉和鼎盛腾飞启明睿思优品汇聚新锐天成金石宏图致远青禾知行"
INDUSTRIES = [
    "科技",
    "网络科技",
    "信息技术",
    "电子商务",
    "文化传媒",
    "教育咨询",
    "软件开发",
    "数据服务",
    "贸易",
    "餐饮管理",
    "健康科技",
    "广告",
    "设计",
    "物流",
    "建筑工程",
]
SUFFIXES = ["有限公司", "有限责任公司", "股份有限公司", "工作室"]
TLDS = [("cn", 40), ("com", 30), ("com.cn", 10), ("net", 8), ("top", 5), ("xyz", 3), ("org", 2), ("vip", 2)]
PINYIN = [
    "yun",
    "hai",
    "xing",
    "chen",
    "hua",
    "xin",
    "da",
    "yuan",
    "heng",
    "tai",
    "bo",
    "zhi",
    "chuang",
    "rui",
    "feng",
    "jia",
    "he",
    "ding",
    "sheng",
    "teng",
    "fei",
    "qi",
    "ming",
    "si",
    "you",
    "pin",
    "shop",
    "tech",
    "cloud",
    "data",
    "mall",
    "edu",
    "art",
    "food",
]


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def database_urls(base: str, name: str = BENCH_DB) -> tuple[str, str]:
    """(maintenance URL, bench URL): same server, the bench database name."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(base)
    return urlunsplit(parts._replace(path="/postgres")), urlunsplit(parts._replace(path=f"/{name}"))


def create_database(maintenance_url: str, name: str = BENCH_DB) -> None:
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(maintenance_url: str, name: str = BENCH_DB) -> None:
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def django_on(bench_url: str, name: str = BENCH_DB) -> None:
    """Set Django up on the bench database (throwaway keys) and migrate it."""
    os.environ["DATABASE_URL"] = bench_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    for key in ("DJANGO_SECRET_KEY", "BEIAN_PII_KEY", "BEIAN_BLIND_INDEX_KEY"):
        os.environ.setdefault(key, f"bench-{key.lower()}")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    assert connection.vendor == "postgresql" and connection.settings_dict["NAME"] == name
    call_command("migrate", verbosity=0)


def seed(n: int, rng: random.Random) -> dict:
    """bulk_create n orders with their subjects, websites and principals. Returns sample values."""
    from django.db import connection, transaction

    from beian.accounts.models import Organisation, User
    from beian.core.crypto import blind_index
    from beian.core.workdays import current_calendar
    from beian.filings import services
    from beian.filings.models import Order, Person, Subject, Website
    from beian.rules.tests.builders import make_resident_id, make_uscc

    calendar = current_calendar()
    now = dt.datetime.now(dt.UTC)
    reviewers = [User(username=f"reviewer{i:02d}", role="reviewer") for i in range(20)]
    User.objects.bulk_create(reviewers)
    reviewers = list(User.objects.filter(role="reviewer"))
    n_orgs = max(1, n // 4)
    Organisation.objects.bulk_create([Organisation(name=f"租户{i}") for i in range(n_orgs)], batch_size=5000)
    org_ids = list(Organisation.objects.values_list("pk", flat=True))
    abbr = {
        "11": "京",
        "12": "津",
        "13": "冀",
        "14": "晋",
        "15": "蒙",
        "21": "辽",
        "22": "吉",
        "23": "黑",
        "31": "沪",
        "32": "苏",
        "33": "浙",
        "34": "皖",
        "35": "闽",
        "36": "赣",
        "37": "鲁",
        "41": "豫",
        "42": "鄂",
        "43": "湘",
        "44": "粤",
        "45": "桂",
        "46": "琼",
        "50": "渝",
        "51": "蜀",
        "52": "黔",
        "53": "滇",
        "54": "藏",
        "61": "陕",
        "62": "陇",
        "63": "青",
        "64": "宁",
        "65": "新",
    }
    samples: dict[str, list[Any]] = {"awaiting": [], "all": []}
    batch = 5000
    serial = 0
    sla = 1
    for start in range(0, n, batch):
        size = min(batch, n - start)
        rows = []
        for i in range(start, start + size):
            province = _pick(rng, PROVINCE_WEIGHTS)
            status = _pick(rng, STATUS_WEIGHTS)
            filing_type = _pick(rng, FILING_TYPE_WEIGHTS)
            name = (
                rng.choice(CITY_WORDS)
                + "".join(rng.sample(BRAND_CHARS, 2))
                + rng.choice(INDUSTRIES)
                + rng.choice(SUFFIXES)
            )
            tld = rng.choices([t for t, _ in TLDS], weights=[w for _, w in TLDS])[0]
            domain = f"{rng.choice(PINYIN)}{rng.choice(PINYIN)}{i}.{tld}"
            filed = status == "APPROVED" or filing_type != "FIRST_FILING"
            number = ""
            if filed:
                serial += 1
                number = f"{abbr[province]}ICP备{2015 + serial % 11}{serial:06d}号"
            rows.append((i, province, status, filing_type, name, domain, number))
        cert_numbers = [
            make_uscc(i, region=f"{r[1]}0000") for i, r in zip(range(start, start + size), rows, strict=False)
        ]
        with transaction.atomic():
            people = []
            for i, _row in zip(range(start, start + size), rows, strict=False):
                ident = make_resident_id(i)
                for _ in range(2):
                    people.append(
                        Person(
                            organisation_id=org_ids[i % len(org_ids)],
                            name="张三",
                            certificate_type=2,
                            certificate_number=ident,
                            mobile=f"138{i:08d}"[:11],
                            certificate_number_index=blind_index(ident, purpose="certificate"),
                        )
                    )
            Person.objects.bulk_create(people, batch_size=batch)
            subjects = [
                Subject(
                    organisation_id=org_ids[r[0] % len(org_ids)],
                    nature=4,
                    province=r[1],
                    city="",
                    name=r[4],
                    certificate_type=1,
                    certificate_number=cert,
                    certificate_number_index=blind_index(cert, purpose="certificate"),
                    principal=people[2 * k],
                    filing_number=r[6] or None,
                )
                for k, (r, cert) in enumerate(zip(rows, cert_numbers, strict=False))
            ]
            Subject.objects.bulk_create(subjects, batch_size=batch)
            websites = [
                Website(
                    organisation_id=s.organisation_id,
                    subject=s,
                    name=f"{r[4][:6]}官网",
                    domain=r[5],
                    principal=people[2 * k + 1],
                    filing_number=(r[6] + "-1") if r[2] == "APPROVED" else None,
                )
                for k, (r, s) in enumerate(zip(rows, subjects, strict=False))
            ]
            Website.objects.bulk_create(websites, batch_size=batch)
            orders = []
            for (_i, province, status, filing_type, name, domain, number), s, w, cert in zip(
                rows, subjects, websites, cert_numbers, strict=False
            ):
                created = now - dt.timedelta(days=rng.uniform(0, 400))
                changed = max(created, now - dt.timedelta(hours=rng.expovariate(1 / 30)))
                awaiting = status in ("PENDING_PROVIDER_REVIEW", "PROVIDER_RESUBMITTED")
                held = (awaiting and rng.random() < 0.3) or status == "PROVIDER_NEEDS_CHANGES"
                reviewer = rng.choice(reviewers) if held else None
                findings = rng.choices([0, 1, 2, 3, 4, 6], weights=[60, 18, 10, 6, 4, 2])[0]
                orders.append(
                    Order(
                        organisation_id=s.organisation_id,
                        filing_type=filing_type,
                        status=status,
                        subject=s,
                        website=w,
                        created_at=created,
                        status_changed_at=changed,
                        submitted_at=changed if status != "DRAFT" else None,
                        last_customer_action_at=changed,
                        assigned_reviewer=reviewer,
                        claimed_at=changed if reviewer else None,
                        finding_count=findings,
                        submitted_province=province if status != "DRAFT" else "",
                        submitted_subject_name=name if status != "DRAFT" else "",
                        review_due_at=services.review_deadline(changed, working_days=sla, calendar=calendar)
                        if status != "DRAFT"
                        else None,
                    )
                )
                if awaiting:
                    samples["awaiting"].append(
                        {
                            "province": province,
                            "filing_type": filing_type,
                            "name": name,
                            "domain": domain,
                            "number": number,
                            "uscc": cert,
                            "reviewer": reviewer,
                        }
                    )
            Order.objects.bulk_create(orders, batch_size=batch)
            samples["all"].extend(
                {
                    "status": r[2],
                    "name": r[4],
                    "domain": r[5],
                    "number": r[6],
                    "uscc": cert,
                    "website_number": w.filing_number or "",
                }
                for r, w, cert in zip(rows, websites, cert_numbers, strict=False)
            )
        print(f"  seeded {start + size:>7,} orders", end="\r", flush=True)
    print()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    samples["reviewers"] = reviewers
    return samples


def cases(samples: dict, rng: random.Random) -> list[tuple[str, object]]:
    """(label, factory of QueueFilters + reviewer) — each run draws fresh parameters."""
    from beian.filings.selectors import QueueFilters

    awaiting = samples["awaiting"]
    numbered = [a for a in awaiting if a["number"]]
    provinces = list(PROVINCE_WEIGHTS)
    small = [p for p, w in PROVINCE_WEIGHTS.items() if w <= 1]

    def one(**kwargs):
        return lambda: (QueueFilters(**kwargs), rng.choice(samples["reviewers"]))

    def rotating(make):
        return lambda: (make(), rng.choice(samples["reviewers"]))

    return [
        ("no filter (page 1)", one()),
        ("province (any)", rotating(lambda: QueueFilters(province=rng.choice(provinces)))),
        ("province (small)", rotating(lambda: QueueFilters(province=rng.choice(small)))),
        ("filing type", rotating(lambda: QueueFilters(filing_type=rng.choice(list(FILING_TYPE_WEIGHTS))))),
        ("age < 1 h", one(age="lt1h")),
        ("age 1-24 h", one(age="1to24h")),
        ("age 1-3 d", one(age="1to3d")),
        ("age > 3 d", one(age="gt3d")),
        ("overdue", one(age="overdue")),
        ("assignee: me", one(assignee="me")),
        ("assignee: unassigned", one(assignee="unassigned")),
        ("findings 0", one(findings="0")),
        ("findings 1-2", one(findings="1-2")),
        ("findings 3+", one(findings="3+")),
        (
            "province + type + unassigned",
            rotating(
                lambda: QueueFilters(province=rng.choice(provinces), filing_type="FIRST_FILING", assignee="unassigned")
            ),
        ),
        ("search: domain", rotating(lambda: QueueFilters(q=rng.choice(awaiting)["domain"]))),
        (
            "search: domain prefix",
            rotating(lambda: QueueFilters(q=rng.choice(awaiting)["domain"][:6], search="domain")),
        ),
        ("search: filing number", rotating(lambda: QueueFilters(q=rng.choice(numbered)["number"]))),
        ("search: USCC", rotating(lambda: QueueFilters(q=rng.choice(awaiting)["uscc"]))),
        ("search: subject name", rotating(lambda: QueueFilters(q=rng.choice(awaiting)["name"][2:6]))),
        (
            "search: name, no match",
            rotating(lambda: QueueFilters(q="不存在的公司" + str(rng.randint(0, 999)), search="name")),
        ),
    ]


def other_cases(samples: dict, rng: random.Random) -> list[tuple[str, object]]:
    """The "other orders" list of the queue page: the same searches over orders in any status."""
    from beian.filings.selectors import QueueFilters

    everyone = samples["all"]
    filed = [a for a in everyone if a["number"]]
    approved = [a for a in everyone if a["website_number"]]
    outside = [a for a in everyone if a["status"] not in ("PENDING_PROVIDER_REVIEW", "PROVIDER_RESUBMITTED")]

    def rotating(make):
        return lambda: (make(), rng.choice(samples["reviewers"]))

    return [
        ("all: domain", rotating(lambda: QueueFilters(q=rng.choice(outside)["domain"]))),
        ("all: domain prefix", rotating(lambda: QueueFilters(q=rng.choice(everyone)["domain"][:6], search="domain"))),
        ("all: website filing number", rotating(lambda: QueueFilters(q=rng.choice(approved)["website_number"]))),
        ("all: subject filing number", rotating(lambda: QueueFilters(q=rng.choice(filed)["number"]))),
        ("all: USCC", rotating(lambda: QueueFilters(q=rng.choice(everyone)["uscc"]))),
        ("all: subject name", rotating(lambda: QueueFilters(q=rng.choice(everyone)["name"][2:6]))),
        ("all: name, 2 characters", rotating(lambda: QueueFilters(q=rng.choice(everyone)["name"][2:4], search="name"))),
        ("all: name, common word", rotating(lambda: QueueFilters(q=rng.choice(INDUSTRIES), search="name"))),
        (
            "all: name, no match",
            rotating(lambda: QueueFilters(q="不存在的公司" + str(rng.randint(0, 999)), search="name")),
        ),
        (
            "all: with queue filters",
            rotating(
                lambda: QueueFilters(
                    q=rng.choice(everyone)["name"][2:6],
                    province=rng.choice(list(PROVINCE_WEIGHTS)),
                    assignee="unassigned",
                )
            ),
        ),
    ]


def measure(label, factory, runs: int, *, other: bool = False) -> tuple[float, float, int]:
    from beian.filings.selectors import OTHER_ORDERS_LIMIT, other_orders, queue_page

    timings, totals = [], []
    for i in range(runs + 3):
        filters, reviewer = factory()
        started = time.perf_counter()
        if other:
            result, more = other_orders(filters, reviewer=reviewer)
            for order in result:  # what the page shows of each
                order.subject.name, order.website.domain  # noqa: B018
            total = len(result) + more
        else:
            page = queue_page(filters, reviewer=reviewer, size=PAGE_SIZE)
            result = page.orders
            total = page.count
        elapsed = (time.perf_counter() - started) * 1000
        if i >= 3:  # the first runs warm the connection and caches
            timings.append(elapsed)
            totals.append(total)
        assert len(result) == min(total, OTHER_ORDERS_LIMIT if other else PAGE_SIZE)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, int(statistics.median(totals))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60, help="timed runs per query (default 60, at least 50)")
    parser.add_argument(
        "--url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="any database URL on the PostgreSQL server to use; the bench creates its own database",
    )
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    parser.add_argument("--db", default=BENCH_DB, help=f"scratch database name (default {BENCH_DB})")
    args = parser.parse_args()

    maintenance_url, bench_url = database_urls(args.url, args.db)
    create_database(maintenance_url, args.db)
    try:
        django_on(bench_url, args.db)
        from django.db import connection

        from beian.reference.loader import load_seed

        load_seed()
        rng = random.Random(args.seed)
        started = time.perf_counter()
        samples = seed(args.orders, rng)
        print(
            f"seeded {args.orders:,} orders ({len(samples['awaiting']):,} awaiting review) "
            f"in {time.perf_counter() - started:.0f} s on PostgreSQL {connection.get_database_version()[0]}"
        )
        print(f"\n{'query (count + first 50 rows)':<34} {'p50 ms':>8} {'p95 ms':>8} {'matches':>9}")
        print("-" * 62)
        worst = 0.0
        for label, factory in cases(samples, rng):
            p50, p95, matches = measure(label, factory, max(args.runs, 50))
            worst = max(worst, p95)
            print(f"{label:<34} {p50:>8.2f} {p95:>8.2f} {matches:>9,}")
        print(f"\n{'other orders (51 = 50 and more)':<34} {'p50 ms':>8} {'p95 ms':>8} {'rows':>9}")
        print("-" * 62)
        for label, factory in other_cases(samples, rng):
            p50, p95, matches = measure(label, factory, max(args.runs, 50), other=True)
            worst = max(worst, p95)
            print(f"{label:<34} {p50:>8.2f} {p95:>8.2f} {matches:>9,}")
        print("-" * 62)
        verdict = "OK" if worst <= TARGET_P95_MS else "OVER TARGET"
        print(f"worst p95 {worst:.2f} ms; target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}")
        connection.close()
        return 0 if worst <= TARGET_P95_MS else 1
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(maintenance_url, args.db)


if __name__ == "__main__":
    sys.exit(main())
