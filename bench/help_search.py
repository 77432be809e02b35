"""Help-centre search at scale on PostgreSQL: the indexed path (tsvector + GIN) vs. matching the
same words in Python, over a large article table.

    .venv/bin/python bench/help_search.py [--articles 20000] [--runs 20] \
        [--url postgres://postgres@127.0.0.1:5432/postgres] [--keep]

Creates a scratch database (`beian_bench_help`, next to the one in --url; never `test`), migrates
it, loads the reference data and the seed articles (beian/support/data), then adds copies of the
seed articles up to --articles rows, each copy with its own slug and a few words of its own so
that rows differ (what a large operator-written help centre looks like to the index: the same
vocabulary, many documents). Then runs five real questions --runs times each through
`search.article_search` on the PostgreSQL backend and on the Python fallback, and prints the p50
and p95 in ms of each, the ratio of the medians, whether the top hit is the expected seed
article on both, and the plan PostgreSQL chose (the GIN index). Dropped at the end unless --keep.
Target: p95 <= 100 ms at 20,000 articles on the indexed path.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.review_queue import create_database, database_urls, django_on, drop_database

BENCH_DB = "beian_bench_help"
TARGET_P95_MS = 100.0
QUESTIONS = [
    ("网站名称为什么被退回", "reason-site-name-invalid"),
    ("手持身份证照片要求", "material-owner-photo"),
    ("域名实名认证", "reason-domain-not-verified"),
    ("变更主体负责人", "type-change-subject"),
    ("how long does the regulator take", "faq-review-time"),
]
FILLER = [
    "商城",
    "博客",
    "摄影",
    "旅行",
    "学习",
    "笔记",
    "餐饮",
    "教育",
    "软件",
    "设计",
    "咨询",
    "家居",
    "汽车",
    "体育",
    "音乐",
    "电影",
    "读书",
    "园艺",
]


def seed(total: int) -> int:
    # the project's modules only after django.setup() (this script configures Django first)
    from django.db import transaction

    from beian.support.models import Article
    from beian.support.services import articles_load
    from beian.support.text import index_text

    articles_load()
    originals = list(Article.objects.all())
    rng = random.Random(7)
    rows, n = [], len(originals)
    while n < total:
        source = originals[n % len(originals)]
        words = " ".join(rng.sample(FILLER, 3))
        rows.append(
            Article(
                slug=f"{source.slug}-copy-{n}",
                kind=source.kind,
                key="",
                title_zh=f"{source.title_zh}（{words}）",
                title_en=source.title_en,
                body_zh=f"{source.body_zh}\n\n{words}",
                body_en=source.body_en,
                search_text=source.search_text + " " + index_text(words),
            )
        )
        n += 1
    with transaction.atomic():
        Article.objects.bulk_create(rows, batch_size=2000)
    return Article.objects.count()


def timed(run, runs: int) -> tuple[list[float], str]:
    samples, top = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        hits = run()
        samples.append((time.perf_counter() - start) * 1000)
        top = hits[0][0].slug if hits else ""
    return samples, top


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    maintenance, bench_url = database_urls(args.url, BENCH_DB)
    create_database(maintenance, BENCH_DB)
    try:
        django_on(bench_url, BENCH_DB)
        # the project's modules only after django.setup() (this script configures Django first)
        from django.core.management import call_command
        from django.db import connection

        from beian.support import search, text

        call_command("load_reference", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
        count = seed(args.articles)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE support_article")
        print(f"{count} articles on PostgreSQL ({connection.settings_dict['NAME']})")
        ok = True
        pg_all, py_all = [], []
        for question, expected in QUESTIONS:
            indexed, top_pg = timed(lambda q=question: search.article_search(query=q), args.runs)
            original = search.backend
            search.backend = lambda: "python"
            try:
                python, top_py = timed(lambda q=question: search.article_search(query=q), max(3, args.runs // 5))
            finally:
                search.backend = original
            pg_all += indexed
            py_all += python
            ok &= top_pg == expected
            print(
                f"  {question!r}: indexed p50 {statistics.median(indexed):.1f} ms p95 {p95(indexed):.1f} ms"
                f" · python p50 {statistics.median(python):.1f} ms · top {top_pg} / {top_py}"
                f"{'' if top_pg == expected else '  (expected ' + expected + ')'}"
            )
        with connection.cursor() as cursor:
            words = " & ".join(f"'{w}'" for w in text.query_words(QUESTIONS[0][0]))
            cursor.execute(
                "EXPLAIN SELECT id FROM support_article a, to_tsquery('simple', %s) q WHERE a.search_vector @@ q",
                [words],
            )
            plan = " / ".join(row[0].strip() for row in cursor.fetchall())
        overall = p95(pg_all)
        print(f"plan: {plan}")
        print(
            f"indexed p50 {statistics.median(pg_all):.1f} ms, p95 {overall:.1f} ms (target <= {TARGET_P95_MS:.0f});"
            f" python fallback p50 {statistics.median(py_all):.1f} ms;"
            f" ratio python/indexed (p50) {statistics.median(py_all) / statistics.median(pg_all):.1f}x"
        )
        return 0 if ok and overall <= TARGET_P95_MS else 1
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(maintenance, BENCH_DB)


if __name__ == "__main__":
    sys.exit(main())
