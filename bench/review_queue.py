"""Reviewer queue on PostgreSQL: 100,000 orders, every filter and every search type, and the
reviewer's search across all orders.

    .venv/bin/python bench/review_queue.py [--orders 100000] [--runs 60] \
        [--url postgres://postgres@127.0.0.1:5432/postgres] [--keep] [--compare-with N]

With --compare-with N (e.g. --orders 1000000 --compare-with 100000) it seeds a second database of
N orders and times every case on both in one run, alternating between them in rounds of 10, and
prints each case's growth (p50 and p95 of the larger over the smaller; target <= 1.5 where both
sizes match the same rows: NAME_PROBES are names matching as many orders at every size; a case
whose matches grow with the data is marked "more rows").

Creates a scratch database (`beian_bench`, next to the one in --url; never `test`), migrates it,
loads the reference data, generates --orders orders inside PostgreSQL (generate_series: a
realistic spread of provinces, filing types, states, domains, company names, reviewers and
finding counts, one order in 20 with the assisted filing service; 1,000,000 orders in a few
minutes), then
runs what the queue page runs for each filter and search — `queue_page`: the match count (up to
QUEUE_COUNT_LIMIT, then "more than") plus the first 50 rows with their related objects — and, for each search type, the page's "other orders" list (any
status, the 50 most recent matches outside the queue), and prints p50/p95 in ms over --runs runs
each (parameters rotate between runs). The database is dropped at the end unless --keep.
Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_P95_MS = 50.0
TARGET_GROWTH = 1.5
PAGE_SIZE = 50
OTHER_ORDERS_SHOWN = 51  # the "other orders" list fetches one more than it shows (50 and more)
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
# Names searched for that match the same number of submitted orders at every size (characters the
# generator never draws, set on evenly spaced orders that are not drafts): growth at equal matches.
# The generator's own names match more orders the more there are (a 4-character piece: about 1
# order in 100,000 at 100k, 10 in 1M), which is the result growing, not the search slowing.
NAME_PROBES = [("甲乙丙丁", 5), ("戊己庚辛", 30), ("子丑寅卯", 300), ("壬癸", 5), ("辰巳", 40), ("午未", 300)]
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


ABBR = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙", "21": "辽", "22": "吉", "23": "黑", "31": "沪",
    "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣", "37": "鲁", "41": "豫", "42": "鄂", "43": "湘",
    "44": "粤", "45": "桂", "46": "琼", "50": "渝", "51": "蜀", "52": "黔", "53": "滇", "54": "藏", "61": "陕",
    "62": "陇", "63": "青", "64": "宁", "65": "新",
}  # fmt: skip
FINDING_WEIGHTS = {0: 60, 1: 18, 2: 10, 3: 6, 4: 4, 6: 2}
AWAITING = ("PENDING_PROVIDER_REVIEW", "PROVIDER_RESUBMITTED")


def _weighted(weights: dict) -> tuple[list, list[float]]:
    """(choices, lower bounds of their shares of [0, 1)): `choices[width_bucket(random(), bounds)]`."""
    total = sum(weights.values())
    bounds, running = [], 0.0
    for w in weights.values():
        bounds.append(running / total)
        running += w
    return list(weights), bounds


def seed(n: int, rng: random.Random) -> dict:
    """Generate n orders with their subjects, websites and principals inside PostgreSQL
    (generate_series, one INSERT … SELECT per table: 1,000,000 orders in minutes). Returns sample
    values for the queries.

    The spread follows the weights above. Certificate numbers are USCC-shaped (no check digit:
    the search only looks at the shape) and indexed with the app's blind-index key (pgcrypto's
    HMAC, as beian.core.crypto.blind_index); the encrypted columns all hold one valid ciphertext.
    The review deadline is the app's own (beian.filings.deadlines.review_deadline under the seeded
    SLA and calendar, holidays included: the age filters seek by it), drawn per local day of
    submission from a table of those days."""
    # the project's modules only after django.setup() (this script configures Django first)
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from beian.accounts.models import User
    from beian.core.crypto import EncryptedCharField
    from beian.core.workdays import current_calendar
    from beian.filings.deadlines import provider_review_sla_working_days
    from beian.filings.models import Person, Subject

    User.objects.bulk_create([User(username=f"reviewer{i:02d}", role="reviewer") for i in range(20)])
    reviewers = list(User.objects.filter(role="reviewer").order_by("pk"))
    n_orgs = max(1, n // 4)
    provinces, province_bounds = _weighted(PROVINCE_WEIGHTS)
    statuses, status_bounds = _weighted(STATUS_WEIGHTS)
    types, type_bounds = _weighted(FILING_TYPE_WEIGHTS)
    tlds, tld_bounds = _weighted(dict(TLDS))
    findings, finding_bounds = _weighted(FINDING_WEIGHTS)

    def cipher(model, name: str, value: str) -> str:
        field = model._meta.get_field(name)
        assert isinstance(field, EncryptedCharField)
        return field.get_db_prep_save(value, connection)

    subject_cipher = cipher(Subject, "certificate_number", "91110000000000000X")
    person_cipher = cipher(Person, "certificate_number", "110105198506150011")
    mobile_cipher = cipher(Person, "mobile", "13800000000")
    p: dict[str, Any] = {
        "n": n,
        "n_orgs": n_orgs,
        "seed": rng.random() * 2 - 1,
        "provinces": provinces,
        "province_bounds": province_bounds,
        "statuses": statuses,
        "status_bounds": status_bounds,
        "types": types,
        "type_bounds": type_bounds,
        "tlds": tlds,
        "tld_bounds": tld_bounds,
        "findings": findings,
        "finding_bounds": finding_bounds,
        "cities": CITY_WORDS,
        "brand": BRAND_CHARS,
        "industries": INDUSTRIES,
        "suffixes": SUFFIXES,
        "pinyin": PINYIN,
        "probe_pieces": [piece for piece, _ in NAME_PROBES],
        "probe_counts": [count for _, count in NAME_PROBES],
        "reviewers": [r.pk for r in reviewers],
        "abbr": json.dumps(ABBR),
        "key": f"{settings.BLIND_INDEX_KEY}:certificate",
        "subject_cipher": subject_cipher,
        "person_cipher": person_cipher,
        "mobile_cipher": mobile_cipher,
        "awaiting": list(AWAITING),
    }
    # each local day an order can be submitted on: is it a working day, and its deadline's day
    calendar, sla = current_calendar(), provider_review_sla_working_days()
    today = timezone.localdate()
    days = [today - dt.timedelta(days=k) for k in range(410)]
    for day in days:
        start = day if calendar.is_working_day(day) else calendar.next_working_day(day)
        p.setdefault("days", []).append(day)
        p.setdefault("working", []).append(calendar.is_working_day(day))
        p.setdefault("due_days", []).append(calendar.add_working_days(start, sla))
    steps = [
        ("CREATE EXTENSION IF NOT EXISTS pgcrypto", "pgcrypto"),
        ("SELECT setseed(%(seed)s)", None),
        (
            """CREATE TEMP TABLE g AS SELECT i,
                (%(provinces)s::text[])[width_bucket(random(), %(province_bounds)s::float8[])] AS province,
                (%(statuses)s::text[])[width_bucket(random(), %(status_bounds)s::float8[])] AS status,
                (%(types)s::text[])[width_bucket(random(), %(type_bounds)s::float8[])] AS filing_type,
                (%(cities)s::text[])[1 + floor(random() * cardinality(%(cities)s::text[]))::int]
                  || substr(%(brand)s, 1 + floor(random() * length(%(brand)s))::int, 1)
                  || substr(%(brand)s, 1 + floor(random() * length(%(brand)s))::int, 1)
                  || (%(industries)s::text[])[1 + floor(random() * cardinality(%(industries)s::text[]))::int]
                  || (%(suffixes)s::text[])[1 + floor(random() * cardinality(%(suffixes)s::text[]))::int] AS name,
                (%(pinyin)s::text[])[1 + floor(random() * cardinality(%(pinyin)s::text[]))::int]
                  || (%(pinyin)s::text[])[1 + floor(random() * cardinality(%(pinyin)s::text[]))::int]
                  || i || '.' || (%(tlds)s::text[])[width_bucket(random(), %(tld_bounds)s::float8[])] AS domain,
                now() - random() * interval '400 days' AS created,
                now() - (-30 * ln(1 - random())) * interval '1 hour' AS changed,
                random() AS r_held,
                (%(reviewers)s::bigint[])[1 + floor(random() * cardinality(%(reviewers)s::bigint[]))::int] AS reviewer,
                (%(findings)s::int[])[width_bucket(random(), %(finding_bounds)s::float8[])] AS findings
              FROM generate_series(0, %(n)s - 1) AS i""",
            "drawing",
        ),
        (
            """UPDATE g SET name = (%(cities)s::text[])[1 + g.i %% cardinality(%(cities)s::text[])] || x.piece || '科技有限公司'
              FROM (SELECT c.i, p.piece FROM (
                      SELECT i, row_number() OVER (ORDER BY i) - 1 AS rn, count(*) OVER () AS m
                      FROM g WHERE status <> 'DRAFT') AS c
                    JOIN unnest(%(probe_pieces)s::text[], %(probe_counts)s::int[]) WITH ORDINALITY AS p(piece, k, o)
                      ON c.rn %% (c.m / p.k) = p.o AND c.rn / (c.m / p.k) < p.k) AS x
              WHERE g.i = x.i""",
            "name probes",
        ),
        (
            """CREATE TEMP TABLE o AS SELECT g.i, g.province, g.status, g.filing_type, g.name, g.domain, g.findings,
                g.created, greatest(g.created, g.changed) AS changed,
                g.status = ANY(%(awaiting)s::text[]) AS awaiting,
                CASE WHEN (g.status = ANY(%(awaiting)s::text[]) AND g.r_held < 0.3)
                       OR g.status = 'PROVIDER_NEEDS_CHANGES' THEN g.reviewer END AS reviewer,
                CASE WHEN g.status = 'APPROVED' OR g.filing_type <> 'FIRST_FILING' THEN
                  (%(abbr)s::jsonb ->> g.province) || 'ICP备'
                  || (2015 + s.serial %% 11) || lpad(s.serial::text, greatest(6, length(s.serial::text)), '0') || '号'
                END AS number,
                '91' || g.province || '0000' || lpad(g.i::text, 9, '0') || 'X' AS uscc,
                %(n_orgs)s AS n_orgs
              FROM g JOIN (SELECT i, sum((status = 'APPROVED' OR filing_type <> 'FIRST_FILING')::int)
                              OVER (ORDER BY i) AS serial FROM g) AS s USING (i)""",
            "deriving",
        ),
        (
            """CREATE TEMP TABLE deadline_days AS SELECT * FROM unnest(
                %(days)s::date[], %(working)s::bool[], %(due_days)s::date[]) AS d(day, working, due_day)""",
            None,
        ),
        ("SELECT coalesce(max(id), 0) FROM accounts_organisation", "org_base"),
        ("SELECT coalesce(max(id), 0) FROM filings_person", "person_base"),
        ("SELECT coalesce(max(id), 0) FROM filings_subject", "subject_base"),
        ("SELECT coalesce(max(id), 0) FROM filings_website", "website_base"),
        ("SELECT coalesce(max(id), 0) FROM filings_order", "order_base"),
        (
            """INSERT INTO accounts_organisation (id, name, external_id, created_at)
              SELECT %(org_base)s + k + 1, '租户' || k, '', now() FROM generate_series(0, %(n_orgs)s - 1) AS k""",
            "organisations",
        ),
        (
            """INSERT INTO filings_person (id, name, certificate_type, certificate_number, certificate_number_index,
                certificate_long_term, mobile, mobile_index, email, organisation_id)
              SELECT %(person_base)s + 2 * o.i + j + 1, '张三', 2, %(person_cipher)s, '', false, %(mobile_cipher)s, '',
                '', %(org_base)s + o.i %% %(n_orgs)s + 1
              FROM o CROSS JOIN generate_series(0, 1) AS j""",
            "people",
        ),
        (
            """INSERT INTO filings_subject (id, nature, province, city, name, certificate_type, certificate_number,
                certificate_number_index, certificate_address, mailing_address, office_phone, filing_number,
                organisation_id, principal_id, investor)
              SELECT %(subject_base)s + o.i + 1, 4, o.province, '', o.name, 1, %(subject_cipher)s,
                encode(hmac(o.uscc, %(key)s, 'sha256'), 'hex'), '', '', '', o.number,
                %(org_base)s + o.i %% %(n_orgs)s + 1, %(person_base)s + 2 * o.i + 1, ''
              FROM o""",
            "subjects",
        ),
        (
            """INSERT INTO filings_website (id, name, domain, service_contents, languages, pre_approvals, remark,
                filing_number, organisation_id, principal_id, subject_id, position, other_domains)
              SELECT %(website_base)s + o.i + 1, left(o.name, 6) || '官网', o.domain, '[]', '[]', '[]', '',
                CASE WHEN o.status = 'APPROVED' THEN o.number || '-1' END,
                %(org_base)s + o.i %% %(n_orgs)s + 1, %(person_base)s + 2 * o.i + 2, %(subject_base)s + o.i + 1,
                0, '[]'
              FROM o""",
            "websites",
        ),
        (
            """INSERT INTO filings_order (id, filing_type, status, created_at, status_changed_at, submitted_at,
                last_customer_action_at, returned_fields, claimed_at, acknowledged_warnings, assigned_reviewer_id,
                organisation_id, subject_id, website_id, finding_count, review_due_at, submitted_province,
                submitted_subject_name, submitted_domain, confirmation, reason_code, reason_note,
                initiated_by_provider, assisted_service)
              SELECT %(order_base)s + o.i + 1, o.filing_type, o.status, o.created, o.changed,
                CASE WHEN o.status <> 'DRAFT' THEN o.changed END, o.changed, '[]',
                CASE WHEN o.reviewer IS NOT NULL THEN o.changed END, '[]', o.reviewer,
                %(org_base)s + o.i %% %(n_orgs)s + 1, %(subject_base)s + o.i + 1, %(website_base)s + o.i + 1,
                o.findings,
                CASE WHEN o.status <> 'DRAFT' THEN
                  (d.due_day + CASE WHEN d.working THEN (o.changed AT TIME ZONE 'Asia/Shanghai')::time
                                    ELSE time '00:00' END) AT TIME ZONE 'Asia/Shanghai'
                END,
                CASE WHEN o.status <> 'DRAFT' THEN o.province ELSE '' END,
                CASE WHEN o.status <> 'DRAFT' THEN o.name ELSE '' END,
                CASE WHEN o.status <> 'DRAFT' THEN o.domain ELSE '' END,
                '', '', '', false,
                o.i %% 20 = 0
              FROM o LEFT JOIN deadline_days AS d ON d.day = (o.changed AT TIME ZONE 'Asia/Shanghai')::date""",
            "orders",
        ),
    ]
    with connection.cursor() as cursor:
        for sql, label in steps:
            started = time.perf_counter()
            cursor.execute(sql, p)
            if label and label.endswith("_base"):
                p[label] = cursor.fetchone()[0]
            elif label:
                print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)
        for table in ("accounts_organisation", "filings_person", "filings_subject", "filings_website", "filings_order"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        started = time.perf_counter()
        cursor.execute("VACUUM ANALYZE")
        print(f"  vacuum analyze: {time.perf_counter() - started:.1f} s", flush=True)
        columns = "province, filing_type, name, domain, coalesce(number, ''), uscc, status"
        cursor.execute(f"SELECT {columns} FROM o WHERE awaiting ORDER BY random() LIMIT 5000")
        keys = ("province", "filing_type", "name", "domain", "number", "uscc", "status")
        awaiting = [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]
        cursor.execute(f"SELECT {columns} FROM o ORDER BY random() LIMIT 20000")
        everyone = [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]
        for row in everyone:
            row["website_number"] = row["number"] + "-1" if row["status"] == "APPROVED" and row["number"] else ""
        cursor.execute("SELECT count(*) FROM o WHERE awaiting")
        n_awaiting = cursor.fetchone()[0]
        cursor.execute("DROP TABLE g, o, deadline_days")
    return {"awaiting": awaiting, "all": everyone, "reviewers": reviewers, "n_awaiting": n_awaiting}


def cases(samples: dict, rng: random.Random) -> list[tuple[str, object]]:
    """(label, factory of QueueFilters + reviewer) — each run draws fresh parameters."""
    # the project's modules only after django.setup() (this script configures Django first)
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
        *(
            (f"search: name {piece}, {count} orders", one(q=piece, search="name"))
            for piece, count in NAME_PROBES
            if count > 5
        ),
    ]


def other_cases(samples: dict, rng: random.Random) -> list[tuple[str, object]]:
    """The "other orders" list of the queue page: the same searches over orders in any status."""
    # the project's modules only after django.setup() (this script configures Django first)
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
        *(
            (f"all: name {piece}, {count} orders", rotating(lambda piece=piece: QueueFilters(q=piece, search="name")))
            for piece, count in NAME_PROBES
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


def timed(factory, runs: int, *, other: bool = False) -> tuple[list[float], list[int]]:
    """`runs` timings in ms (after 3 untimed runs that warm the connection and caches) and the match counts."""
    # the project's modules only after django.setup() (this script configures Django first)
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
        if i >= 3:
            timings.append(elapsed)
            totals.append(total)
        assert len(result) == min(total, OTHER_ORDERS_LIMIT if other else PAGE_SIZE)
    return timings, totals


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]


def measure(label, factory, runs: int, *, other: bool = False) -> tuple[float, float, int]:
    timings, totals = timed(factory, runs, other=other)
    return (*percentiles(timings), int(statistics.median(totals)))


def use_database(name: str) -> None:
    """Point Django's connection at another scratch database (the next query connects)."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def compare(sizes: list[tuple[str, int]], runs: int, seed_value: int) -> int:
    """Seed a database per size, then time every case on each, alternating the databases in rounds
    of 10 runs (the first database first in even rounds), so both sizes see the same moments of a
    noisy machine; prints p50 and p95 per size and their growth (target: p95 <= 50 ms, growth <= 1.5)."""
    from django.core.management import call_command
    from django.db import connection

    from beian.reference.loader import load_seed

    samples = {}
    for name, n in sizes:
        use_database(name)
        call_command("migrate", verbosity=0)
        load_seed()
        started = time.perf_counter()
        samples[name] = seed(n, random.Random(seed_value))
        print(
            f"seeded {n:,} orders ({samples[name]['n_awaiting']:,} awaiting review) in {time.perf_counter() - started:.0f} s"
        )
    (small, n_small), (large, n_large) = sizes
    rng = random.Random(seed_value)
    print(
        f"\nPostgreSQL {connection.get_database_version()[0]}; ms; growth = {n_large:,} / {n_small:,}, measured in this run"
    )
    worst, steepest = 0.0, 0.0
    for title, make, other in (
        ("query (count + first 50 rows)", cases, False),
        ("other orders (51 = 50 and more)", other_cases, True),
    ):
        per_db = {name: make(samples[name], rng) for name, _ in sizes}
        print(
            f"\n{title:<34} {'p50':>8} {'p50':>8} {'p95':>8} {'p95':>8} {'growth':>7} {'growth':>7} {'rows':>7} {'rows':>7}"
        )
        print(
            f"{'':<34} {n_small:>8,} {n_large:>8,} {n_small:>8,} {n_large:>8,} {'p50':>7} {'p95':>7} {'small':>7} {'large':>7}"
        )
        print("-" * 102)
        for index, (label, _) in enumerate(per_db[small]):
            timings: dict[str, list[float]] = {small: [], large: []}
            found: dict[str, list[int]] = {small: [], large: []}
            for round_ in range(max(runs, 50) // 10):
                for name in (small, large) if round_ % 2 == 0 else (large, small):
                    use_database(name)
                    spent, totals = timed(per_db[name][index][1], 10, other=other)
                    timings[name] += spent
                    found[name] += totals
            (s50, s95), (l50, l95) = percentiles(timings[small]), percentiles(timings[large])
            rows_small, rows_large = statistics.median(found[small]), statistics.median(found[large])
            same_rows = _same_rows(rows_small, rows_large, other=other)
            worst = max(worst, s95, l95)
            if same_rows:
                steepest = max(steepest, l95 / s95)
            print(
                f"{label:<34} {s50:>8.2f} {l50:>8.2f} {s95:>8.2f} {l95:>8.2f} {l50 / s50:>7.2f} {l95 / s95:>7.2f}"
                f" {rows_small:>7,.0f} {rows_large:>7,.0f}{'' if same_rows else '  (more rows)'}"
            )
    print("-" * 102)
    met = worst <= TARGET_P95_MS and steepest <= TARGET_GROWTH
    print(
        f"worst p95 {worst:.2f} ms (target <= {TARGET_P95_MS:.0f}); steepest p95 growth where both sizes match the "
        f"same rows {steepest:.2f} (target <= {TARGET_GROWTH}): {'OK' if met else 'OVER TARGET'}"
    )
    return 0 if met else 1


def _same_rows(small: float, large: float, *, other: bool) -> bool:
    """Both sizes match about as many rows (within 20 %, or 2 rows), or both fill what the page shows (the
    other orders' 50 and more, the queue's count limit): growth
    compares the cost of the same answer over more data. Otherwise the answer itself grew (marked
    "more rows" and left out of the growth verdict; its p95 still counts against 50 ms)."""
    from beian.filings.selectors import QUEUE_COUNT_LIMIT  # counted up to it, then "more than"

    full = OTHER_ORDERS_SHOWN if other else QUEUE_COUNT_LIMIT
    if small >= full or large >= full:  # a full page says "at least": the same only when both are full
        return small >= full and large >= full
    return abs(large - small) <= max(2, 0.2 * small)


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
    parser.add_argument(
        "--compare-with",
        type=int,
        metavar="N",
        help="also seed N orders in a second database and time both in one run, alternating: growth per case",
    )
    args = parser.parse_args()
    if args.compare_with:
        return main_compare(args)

    maintenance_url, bench_url = database_urls(args.url, args.db)
    create_database(maintenance_url, args.db)
    try:
        django_on(bench_url, args.db)
        # the project's modules only after django.setup() (this script configures Django first)
        from django.db import connection

        from beian.reference.loader import load_seed

        load_seed()
        rng = random.Random(args.seed)
        started = time.perf_counter()
        samples = seed(args.orders, rng)
        print(
            f"seeded {args.orders:,} orders ({samples['n_awaiting']:,} awaiting review) "
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


def main_compare(args) -> int:
    maintenance_url, bench_url = database_urls(args.url, args.db)
    sizes = sorted([(f"{args.db}_small", args.compare_with), (args.db, args.orders)], key=lambda size: size[1])
    for name, _ in sizes:
        create_database(maintenance_url, name)
    try:
        django_on(bench_url, args.db)
        return compare(sizes, args.runs, args.seed)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            for name, _ in sizes:
                drop_database(maintenance_url, name)


if __name__ == "__main__":
    sys.exit(main())
