"""The order limits (websites and domains per order, province caps) are reference data: loaded from
the seed into the `limits` setting, edited there by operators, read by the rules engine."""

from __future__ import annotations

import pytest

from beian.reference import snapshot
from beian.reference.loader import read_seed
from beian.reference.models import ReferenceSetting

pytestmark = pytest.mark.django_db


def test_the_loaded_caps_reach_the_current_snapshot():
    caps = snapshot.current().order_caps
    assert sorted(caps) == sorted(read_seed()["limits"]["province_domain_caps"])
    assert [cap.max_domains_per_order for cap in caps["14"]] == [3]


def test_an_operator_edit_of_a_province_cap_applies_on_the_next_read():
    row = ReferenceSetting.objects.get(key="limits")
    limits = dict(row.value)
    limits["province_order_caps"] = [
        {**cap, "max_domains_per_order": 5} if cap["province"] == "14" else cap for cap in limits["province_order_caps"]
    ]
    limits["tencent_websites_per_order"] = {"organisation": 3, "individual": 1}
    row.value = limits
    row.save()
    current = snapshot.current()
    assert [cap.max_domains_per_order for cap in current.order_caps["14"]] == [5]
    assert current.websites_per_order["organisation"] == 3
