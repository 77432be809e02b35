"""A website change's other domains (`websites[i].other_domains`) go through the domain rules like the
main domain: the pre-review reports a domain that is no domain before it reaches the record."""

from __future__ import annotations

import pytest

from beian.filings import services
from beian.filings.precheck import order_precheck
from beian.filings.rules_input import website_input

pytestmark = pytest.mark.django_db


def test_an_added_domain_is_checked_by_the_domain_rules(orders):
    order = orders.against_record("CHANGE_WEBSITE").draft()
    services.order_update(
        order=order, user=orders.user, values={"websites[0].other_domains": ["demo-shop.net", "not a domain"]}
    )
    assert website_input(order.website).extra_domains == ["demo-shop.net", "not a domain"]
    errors = {(f.code, f.field) for f in order_precheck(order).errors}
    assert ("website.domain.syntax", "websites[0].extra_domains[1]") in errors
    assert not any(field == "websites[0].extra_domains[0]" for _code, field in errors)
