"""Plans are reference data: seeded from data/plans.json, reloaded without change, and an
operator's edit (a price) kept by the next load."""

from __future__ import annotations

from decimal import Decimal

import pytest

from beian.core import clock
from beian.reference.loader import load_seed
from beian.reference.models import Plan

pytestmark = pytest.mark.django_db


def test_reloading_the_seed_changes_no_plan_and_keeps_an_operator_price():
    assert load_seed()["plans"] == {"unchanged": 2}  # the seed's "199.00" equals the stored Decimal
    Plan.objects.filter(code="basic").update(assisted_service_price=Decimal("99.00"), edited_at=clock.now())
    assert load_seed()["plans"] == {"unchanged": 1, "kept operator edit": 1}
    assert Plan.objects.get(code="basic").assisted_service_price == Decimal("99.00")
    load_seed(force=True)
    assert Plan.objects.get(code="basic").assisted_service_price == Decimal("199.00")
