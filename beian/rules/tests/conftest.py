from __future__ import annotations

import pytest

from beian.rules import check_value, load_seed_snapshot
from beian.rules.findings import Finding
from beian.rules.tests.builders import TODAY


@pytest.fixture(scope="session")
def ref():
    return load_seed_snapshot()


def pairs(findings: list[Finding]) -> set[tuple[str, str]]:
    """(code, field) of each finding: what a user or partner sees."""
    return {(f.code, f.field) for f in findings}


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


@pytest.fixture
def check(ref):
    def run(kind: str, value: str, **options) -> list[Finding]:
        return check_value(kind, value, ref=ref, today=TODAY, **options)

    return run
