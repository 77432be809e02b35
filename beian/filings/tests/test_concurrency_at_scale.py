"""50 at once on PostgreSQL: applicants submitting the same orders from many tabs, reviewers claiming
the same orders. Each order is submitted exactly once and each claim won by exactly one reviewer;
every loser gets a clear refusal (a domain error), never a database error, a deadlock or a 500."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from beian.accounts.models import User
from beian.core.exceptions import DomainError
from beian.filings import services, states
from beian.filings.models import Order
from beian.filings.precheck import order_precheck
from tests.builders import OrderBuilder

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer: row-level concurrency is proven in the PostgreSQL pass",
    ),
    pytest.mark.django_db(transaction=True),
]

PARALLEL = 50
ORDERS = 5  # each raced by PARALLEL / ORDERS threads


def _race(calls) -> list[tuple[object, str]]:
    """Run the callables at once (a barrier releases them together); (index, outcome) per call:
    "won", the refusal's code, or the unexpected exception's type name."""
    barrier, outcomes = threading.Barrier(len(calls)), []

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes.append((index, "won"))
        except DomainError as refused:
            outcomes.append((index, f"refused:{refused.code}"))
        except Exception as error:  # a deadlock, an IntegrityError: what this test must never see
            outcomes.append((index, f"error:{type(error).__name__}:{error}"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_fifty_parallel_submits_submit_each_order_once_and_one_domain_into_one_pipeline(
    organisation, applicant, hosted_site
):
    """Five drafts for the same domain, each submitted ten times at once: one submit wins in all; the
    same order's others are refused as already submitted, the other orders' as a domain already in
    a filing (§1.8): never a duplicate version, never two orders in the pipeline."""
    builder = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site)
    drafts = [builder.build(states.DRAFT) for _ in range(ORDERS)]
    warnings = {order.pk: order_precheck(order).warning_codes for order in drafts}

    def submit(pk):
        return lambda: services.order_submit(
            order=Order.objects.get(pk=pk), user=applicant, acknowledged_warnings=warnings[pk]
        )

    outcomes = _race([(order.pk, submit(order.pk)) for order in drafts for _ in range(PARALLEL // ORDERS)])
    assert len(outcomes) == PARALLEL
    assert not [o for o in outcomes if o[1].startswith("error:")], outcomes
    [winner] = [pk for pk, outcome in outcomes if outcome == "won"]
    assert {o for pk, o in outcomes if pk == winner} == {"won", "refused:order.illegal_transition"}
    assert {o for pk, o in outcomes if pk != winner} == {"refused:order.domain_in_pipeline"}
    for order in drafts:
        order.refresh_from_db()
        submitted = order.pk == winner
        assert order.status == (states.PENDING_PROVIDER_REVIEW if submitted else states.DRAFT)
        assert order.events.filter(to_status=states.PENDING_PROVIDER_REVIEW).count() == int(submitted)
        assert order.versions.count() == int(submitted)


def test_fifty_parallel_claims_have_exactly_one_winner_per_order(organisation, applicant, hosted_site):
    builder = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site)
    submitted = [builder.build(states.DRAFT) for _ in range(ORDERS)]  # one domain: one may be submitted
    Order.objects.filter(pk__in=[o.pk for o in submitted]).update(status=states.PENDING_PROVIDER_REVIEW)
    reviewers = [User.objects.create(username=f"race-reviewer-{i}", role=User.Role.REVIEWER) for i in range(PARALLEL)]

    def claim(pk, reviewer):
        return lambda: services.order_claim(order=Order.objects.get(pk=pk), reviewer=reviewer)

    calls = [
        ((submitted[i % ORDERS].pk, reviewer.pk), claim(submitted[i % ORDERS].pk, reviewer))
        for i, reviewer in enumerate(reviewers)
    ]
    outcomes = _race(calls)
    assert len(outcomes) == PARALLEL
    assert not [o for o in outcomes if o[1].startswith("error:")], outcomes
    assert {outcome for _key, outcome in outcomes} == {"won", "refused:order.claimed"}
    winners = {pk: reviewer for (pk, reviewer), outcome in outcomes if outcome == "won"}
    assert Counter(pk for (pk, _r), outcome in outcomes if outcome == "won") == {o.pk: 1 for o in submitted}
    for order in submitted:
        order.refresh_from_db()
        assert order.assigned_reviewer_id == winners[order.pk]
        assert order.events.filter(event="claim").count() == 1
