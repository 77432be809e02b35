"""Rules-engine throughput, all measured in one run on the same machine.

    .venv/bin/python bench/rules.py [--n N]

(a) validate_order(..., complete=True) over N generated full orders (half enterprise, half
    individual), with the median and p95 time per order;
(b) check_value for N bare USCC + resident-ID pairs;
(c) python-stdnum alone (uscc.validate + ric.validate) over the same N pairs.
Targets: (b) at least 0.8x the records/s of (c); full order median at most 2 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stdnum.cn import ric, uscc

from beian.rules import check_value, has_errors, load_seed_snapshot, validate_order
from beian.rules.tests.builders import (
    TODAY,
    enterprise_order,
    individual_order,
    make_resident_id,
    make_uscc,
)

SINGLE_FIELD_TARGET = 0.8
FULL_ORDER_MEDIAN_TARGET_MS = 2.0
WARM_UP = 200


def number_pairs(n: int) -> list[tuple[str, str]]:
    first_birth = date(1950, 1, 1)
    return [(make_uscc(i), make_resident_id(i, birth=first_birth + timedelta(days=i % 18000))) for i in range(n)]


def bench_orders(orders, ref) -> tuple[float, list[float]]:
    per_order = []
    clock = time.perf_counter
    for order in orders:
        started = clock()
        validate_order(order, ref, today=TODAY, complete=True)
        per_order.append(clock() - started)
    return len(orders) / sum(per_order), per_order


def bench_check_value(pairs, ref) -> float:
    started = time.perf_counter()
    for code, number in pairs:
        check_value("uscc", code, ref=ref, today=TODAY)
        check_value("resident-id", number, ref=ref, today=TODAY)
    return len(pairs) / (time.perf_counter() - started)


def bench_stdnum(pairs) -> float:
    started = time.perf_counter()
    for code, number in pairs:
        uscc.validate(code)
        ric.validate(number)
    return len(pairs) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="records per measurement (default 100000)")
    n = parser.parse_args().n
    ref = load_seed_snapshot()
    orders = [(enterprise_order if i % 2 == 0 else individual_order)(i) for i in range(n)]
    pairs = number_pairs(n)

    invalid = sum(has_errors(validate_order(o, ref, today=TODAY, complete=True)) for o in orders[:WARM_UP])
    bench_check_value(pairs[:WARM_UP], ref)
    bench_stdnum(pairs[:WARM_UP])

    orders_per_s, per_order = bench_orders(orders, ref)
    checked_per_s = bench_check_value(pairs, ref)
    stdnum_per_s = bench_stdnum(pairs)

    ratio = checked_per_s / stdnum_per_s
    median_ms = statistics.median(per_order) * 1000
    p95_ms = statistics.quantiles(per_order, n=20)[-1] * 1000
    print(f"N = {n} (sample orders with errors: {invalid})")
    print(
        f"(a) validate_order, full orders   {orders_per_s:12,.0f} orders/s   median {median_ms:.3f} ms   "
        f"p95 {p95_ms:.3f} ms"
    )
    print(f"(b) check_value USCC + ID pairs   {checked_per_s:12,.0f} pairs/s")
    print(f"(c) python-stdnum alone           {stdnum_per_s:12,.0f} pairs/s")
    print(
        f"(b)/(c) = {ratio:.2f}  (target >= {SINGLE_FIELD_TARGET})   "
        f"median order {median_ms:.3f} ms (target <= {FULL_ORDER_MEDIAN_TARGET_MS} ms)"
    )
    met = ratio >= SINGLE_FIELD_TARGET and median_ms <= FULL_ORDER_MEDIAN_TARGET_MS and not invalid
    print("targets met" if met else "TARGETS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
