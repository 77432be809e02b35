"""The gate's decision per domain (pure, no database): domain state × filing type × order state,
and the operator setting for new access (rules file §8.5, §1.4, §6.3)."""

import pytest

from beian.filings import states
from beian.hosting.gate import (
    PAST_PROVIDER_REVIEW,
    Access,
    DomainFacts,
    NewAccessServe,
    OrderFact,
    Reason,
    decide,
    host_candidates,
    host_key,
    new_access_policy,
)

NUMBER = "京ICP备2026000001号-1"
RECORDED = "沪ICP备2021012345号-2"  # a new-access order's number, from the external filing
DOMAIN_STATES = {
    "never filed": DomainFacts(domain="demo-shop.cn"),
    "filed with us, our access active": DomainFacts(domain="demo-shop.cn", filing_number=NUMBER, our_access=True),
    "filed, not accessed through us": DomainFacts(domain="demo-shop.cn", filing_number=NUMBER, our_access=False),
}
FILING_TYPES = ("FIRST_FILING", "NEW_WEBSITE", "NEW_ACCESS", "CHANGE_WEBSITE")
ORDER_STATES = (None, *states.ALL)


def expected(domain_state: str, filing_type: str, status: str | None) -> tuple[Access, str]:
    """The table the rules file gives, written out case by case."""
    if domain_state == "filed with us, our access active":
        return Access.SERVE, NUMBER  # open orders never take a filed domain offline
    if status in states.IN_PROGRESS and filing_type in ("FIRST_FILING", "NEW_WEBSITE"):
        return Access.MAINTENANCE, ""
    if filing_type == "NEW_ACCESS" and status in PAST_PROVIDER_REVIEW:
        return Access.SERVE, RECORDED  # served once our first review passed (the default)
    return Access.BLOCK, ""


TABLE = [(d, t, s) for d in DOMAIN_STATES for t in FILING_TYPES for s in ORDER_STATES]


@pytest.mark.parametrize(("domain_state", "filing_type", "status"), TABLE)
def test_decision_per_domain_state_filing_type_and_order_state(domain_state, filing_type, status):
    facts = DOMAIN_STATES[domain_state]
    if status is not None:
        number = RECORDED if filing_type == "NEW_ACCESS" else ""
        facts = DomainFacts(
            facts.domain, facts.filing_number, facts.our_access, (OrderFact(filing_type, status, number),)
        )
    decision = decide(facts)
    assert (decision.access, decision.filing_number) == expected(domain_state, filing_type, status)
    assert decision.status_code == {Access.SERVE: 200, Access.MAINTENANCE: 503, Access.BLOCK: 451}[decision.access]
    assert (decision.retry_after_seconds or 0) > 0 if decision.access == Access.MAINTENANCE else True


def test_the_table_covers_every_state_and_reaches_every_outcome():
    outcomes = {expected(d, t, s)[0] for d, t, s in TABLE}
    assert outcomes == set(Access)
    assert {s for _, _, s in TABLE} == {None, *states.ALL}


def test_a_filed_domain_keeps_serving_beside_a_new_draft_and_a_running_new_website():
    facts = DomainFacts(
        "demo-shop.cn",
        NUMBER,
        True,
        (OrderFact("NEW_WEBSITE", states.DRAFT), OrderFact("NEW_WEBSITE", states.REGULATOR_REVIEW)),
    )
    assert (decide(facts).access, decide(facts).filing_number) == (Access.SERVE, NUMBER)


def test_without_a_domain_the_platform_address_is_blocked():
    assert decide(DomainFacts()).reason == Reason.NO_DOMAIN


def test_blocked_domains_say_why():
    assert decide(DomainFacts("a.cn")).reason == Reason.NOT_FILED
    assert decide(DomainFacts("a.cn", NUMBER, False)).reason == Reason.NOT_ACCESSED
    pending = DomainFacts("a.cn", orders=(OrderFact("NEW_ACCESS", states.PENDING_PROVIDER_REVIEW, RECORDED),))
    assert decide(pending).reason == Reason.NEW_ACCESS_PENDING


@pytest.mark.parametrize(
    ("policy", "serving"),
    [
        (NewAccessServe.SUBMITTED, states.IN_PROGRESS),
        (NewAccessServe.PROVIDER_REVIEW_PASSED, PAST_PROVIDER_REVIEW),
        (NewAccessServe.APPROVED, frozenset()),
    ],
)
@pytest.mark.parametrize("status", states.ALL)
def test_the_operator_setting_says_from_when_a_new_access_domain_serves(policy, serving, status):
    facts = DomainFacts("yunfan-shop.com", orders=(OrderFact("NEW_ACCESS", status, RECORDED),))
    decision = decide(facts, new_access_serve_from=policy)
    assert decision.access == (Access.SERVE if status in serving else Access.BLOCK)
    if decision.access == Access.SERVE:
        assert decision.filing_number == RECORDED


def test_a_new_access_order_without_a_recorded_number_is_not_served():
    facts = DomainFacts("yunfan-shop.com", orders=(OrderFact("NEW_ACCESS", states.REGULATOR_REVIEW, ""),))
    assert decide(facts).access == Access.BLOCK


def test_an_unknown_setting_value_is_the_default():
    assert new_access_policy("whatever") == NewAccessServe.PROVIDER_REVIEW_PASSED
    assert new_access_policy("approved") == NewAccessServe.APPROVED


def test_hosts_fall_back_to_their_parent_domains_longest_first():
    assert host_key("Blog.Demo-Shop.CN.:8000") == "blog.demo-shop.cn"
    assert host_candidates("a.blog.demo-shop.cn") == ["a.blog.demo-shop.cn", "blog.demo-shop.cn", "demo-shop.cn"]
    assert host_candidates("demo-shop.cn") == ["demo-shop.cn"]
    assert host_key("例子.中国") == "xn--fsqu00a.xn--fiqs8s"
