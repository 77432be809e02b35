"""The gate's decision for every order state (pure, no database)."""

import pytest

from beian.filings import states
from beian.hosting.gate import Access, decide


def test_no_order_at_all_is_blocked():
    decision = decide(filing_number=None, order_status=None)
    assert (decision.access, decision.status_code) == (Access.BLOCK, 451)


@pytest.mark.parametrize("status", [states.DRAFT, states.ABANDONED, states.EXPIRED])
def test_unsubmitted_or_dead_orders_leave_the_site_blocked(status):
    assert decide(filing_number=None, order_status=status).access == Access.BLOCK


@pytest.mark.parametrize("status", sorted(states.IN_PROGRESS))
def test_submitted_orders_show_maintenance_with_retry_after(status):
    decision = decide(filing_number=None, order_status=status)
    assert decision.access == Access.MAINTENANCE
    assert decision.status_code == 503
    assert decision.retry_after_seconds and decision.retry_after_seconds > 0


@pytest.mark.parametrize("status", states.ALL)
def test_a_filed_site_serves_whatever_its_latest_order_does(status):
    decision = decide(filing_number="京ICP备2026000001号-1", order_status=status)
    assert decision.access == Access.SERVE
    assert decision.filing_number == "京ICP备2026000001号-1"


def test_every_state_has_a_decision():
    for status in states.ALL:
        assert decide(filing_number=None, order_status=status).access in set(Access)
