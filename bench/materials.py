"""Benchmark: the full automated check of one order's five images.

    .venv/bin/python bench/materials.py [--runs 10]

Cold = the first order in a fresh process (imports done, OCR models loaded on first use);
warm = the median of the following runs. Targets: warm median <= 3 s wall and <= 2.5 s CPU per
order on 2 cores. CPU seconds are printed beside wall time: on a shared machine wall time also
counts waiting for the cores.
The images are synthetic (beian.demo.samples) at typical upload sizes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from beian.demo import samples as builders
from beian.materials.checks import MaterialRequirement, ocr, run_material_checks
from beian.materials.checks.form import COMPARED_ROWS

TARGET_SECONDS = 3.0
TARGET_CPU_SECONDS = 2.5
REQUIREMENT = MaterialRequirement(
    accepted_formats=("jpg", "jpeg", "png", "pdf"),
    max_bytes=4 * 1024 * 1024,
    min_short_side_px=600,
    colour_required=True,
)
LICENCE = {"name": builders.COMPANY, "certificate_number": builders.USCC}
PERSON = {"name": builders.PERSON, "certificate_number": builders.ID_NUMBER}
# the rows of the form compared with the order, as the app passes them (materials.services)
FORM = {key: str(builders.form_data().get(key) or "") for key in COMPARED_ROWS}


def order_materials() -> list[tuple[str, str, bytes, dict]]:
    """(label, kind, bytes, expected) for the five images of one organisation's order."""
    photo = builders.owner_photo().resize((1200, 1200))
    form = builders.form_page_image(signed=True, scale=2.5)
    return [
        ("business licence", "business_licence", builders.jpeg_bytes(builders.licence_image(width=2400)), LICENCE),
        ("legal rep ID front", "id_card_front", builders.jpeg_bytes(builders.id_card_front_image(width=1800)), PERSON),
        ("owner ID front", "id_card_front", builders.jpeg_bytes(builders.id_card_front_image(width=1800)), PERSON),
        ("owner photo", "owner_photo", builders.jpeg_bytes(photo), {}),
        ("verification form", "verification_form", builders.jpeg_bytes(form), FORM),
    ]


def check_order(materials) -> tuple[float, float, dict[str, float], list[str]]:
    """Wall and CPU seconds for the whole order, wall seconds per check, and any finding codes
    (expected: none)."""
    per_check: dict[str, float] = defaultdict(float)
    codes = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for label, kind, data, expected in materials:
        ocr.forget_read_text()  # every image read afresh: the bench's two ID cards are the same file
        result = run_material_checks(kind, data, requirement=REQUIREMENT, expected=expected)
        for check, seconds in result.timings.items():
            per_check[check] += seconds
        codes += [f"{label}: {finding.code}" for finding in result.findings]
    return time.perf_counter() - started, time.process_time() - cpu_started, per_check, codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="warm runs (default 10)")
    runs = parser.parse_args().runs
    materials = order_materials()
    sizes = ", ".join(f"{label} {len(data) // 1024} KB" for label, _, data, _ in materials)
    print(f"order: {sizes}")
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f} (other work skews wall time)")

    cold, cold_cpu, cold_checks, codes = check_order(materials)
    if codes:
        print("unexpected findings:", *codes, sep="\n  ")
        return 1
    warm_totals: list[float] = []
    warm_cpu: list[float] = []
    warm_checks: defaultdict[str, float] = defaultdict(float)
    for _ in range(runs):
        total, cpu, per_check, _ = check_order(materials)
        warm_totals.append(total)
        warm_cpu.append(cpu)
        for check, seconds in per_check.items():
            warm_checks[check] += seconds

    median = statistics.median(warm_totals)
    print(
        f"cold (first order, incl. OCR model load): {cold:.2f} s wall, {cold_cpu:.2f} s CPU "
        f"(ocr {cold_checks['ocr']:.2f} s)"
    )
    print(
        f"warm median of {runs}: {median:.2f} s wall (min {min(warm_totals):.2f}, max {max(warm_totals):.2f}), "
        f"{statistics.median(warm_cpu):.2f} s CPU"
    )
    measured = sum(warm_checks.values())
    print("share of warm time per check:")
    for check, seconds in sorted(warm_checks.items(), key=lambda item: -item[1]):
        print(f"  {check:<9} {seconds / runs:6.3f} s/order  {seconds / measured:6.1%}")
    cpu = statistics.median(warm_cpu)
    met = median <= TARGET_SECONDS and cpu <= TARGET_CPU_SECONDS
    print(
        f"target <= {TARGET_SECONDS:.1f} s wall and <= {TARGET_CPU_SECONDS:.1f} s CPU per order: "
        f"{'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
