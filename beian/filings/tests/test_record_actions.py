"""What can be done to a filed subject or website now (the filed dashboard): a table of cases, no database."""

from __future__ import annotations

import pytest

from beian.filings import record_actions as A
from beian.filings.record_actions import OpenOrder, SubjectFacts, WebsiteFacts, subject_actions, website_actions

SUBJECT = "京ICP备2026000001号"
W1, W2 = f"{SUBJECT}-1", f"{SUBJECT}-2"
ALL_WEBSITE = ("change_website", "add_domain", "change_both", "change_access", "cancel_website", "cancel_access")


def website(number=W1, **kw) -> WebsiteFacts:
    return WebsiteFacts(number=number, **{"hosted_site_id": 1, **kw})


def subject(*websites, **kw) -> SubjectFacts:
    return SubjectFacts(
        number=SUBJECT,
        websites=websites or (website(),),
        **{"hosted_site_ids": frozenset({1, 2}), "province_allows_shell_website": True, **kw},
    )


def order(filing_type, *numbers, id=7) -> OpenOrder:
    return OpenOrder(
        id=id, reference=f"BA2026120400{id:03d}", filing_type=filing_type, website_numbers=frozenset(numbers)
    )


@pytest.mark.parametrize(
    ("facts", "keys", "notes"),
    [
        (subject(), ("change_subject", "cancel_subject", "add_website"), ()),
        # a cancelled subject has nothing left to do
        (subject(active=False), (), ()),
        # no website accessed through us: the subject is changed at the provider that accesses it
        (subject(website(our_access=False, other_providers=("阿里云",))), ("add_website",), ("accessed_elsewhere",)),
        # an empty shell where the province allows a new website: only that
        (subject(website(active=False, our_access=False)), ("add_website",), ("empty_shell",)),
        # an empty shell where it does not: add website explains the path instead
        (
            subject(website(active=False, our_access=False), province_allows_shell_website=False),
            ("add_website",),
            ("empty_shell",),
        ),
        # unknown in reference data: allowed (the first step decides with the regulator's rules)
        (subject(website(our_access=False), province_allows_shell_website=None), ("add_website",), ("empty_shell",)),
        # an open change of the subject: continued, not started again; cancel subject and a new website wait
        (
            subject(open_orders=(order("CHANGE_SUBJECT", W1),)),
            ("continue",),
            ("held",),
        ),
        # an open cancellation of the subject: continued; everything else waits
        (subject(open_orders=(order("CANCEL_SUBJECT", W1),)), ("continue",), ("held",)),
        # an open change of a website: cancel subject waits, the subject's own change does not
        (subject(open_orders=(order("CHANGE_WEBSITE", W1),)), ("change_subject", "add_website"), ("held",)),
    ],
)
def test_subject_actions(facts, keys, notes):
    answer = subject_actions(facts)
    assert answer.keys == keys
    assert answer.notes == notes


def test_an_empty_shell_in_a_province_that_forbids_a_new_website_explains_instead_of_offering():
    facts = subject(website(our_access=False), province_allows_shell_website=False)
    add = subject_actions(facts).get("add_website")
    assert add is not None and not add.available and add.reason == "empty_shell_no_new_website"
    assert subject_actions(subject()).get("add_website").available


@pytest.mark.parametrize(
    ("facts", "web", "keys", "notes"),
    [
        (subject(), website(), ALL_WEBSITE, ()),
        # a cancelled website, or a website of a cancelled subject: nothing
        (subject(), website(active=False, our_access=False), (), ()),
        (subject(active=False), website(), (), ()),
        # our access ended, another provider still accesses it: changed or cancelled there
        (subject(), website(our_access=False, other_providers=("阿里云",)), (), ("accessed_elsewhere",)),
        (subject(), website(our_access=False), (), ("not_accessed",)),
        # change access needs another hosted site of the tenant to move to
        (
            subject(hosted_site_ids=frozenset({1})),
            website(),
            tuple(k for k in ALL_WEBSITE if k != "change_access"),
            (),
        ),
        (subject(hosted_site_ids=frozenset({1})), website(hosted_site_id=None), ALL_WEBSITE, ()),
        # an open change of this website: continue it; the other orders about it wait
        (subject(open_orders=(order("CHANGE_WEBSITE", W1),)), website(), ("continue",), ("held",)),
        # … but not those about another website of the subject
        (subject(open_orders=(order("CHANGE_WEBSITE", W2),)), website(), ALL_WEBSITE, ()),
        # an open cancellation of this website: continue it
        (subject(open_orders=(order("CANCEL_WEBSITE", W1),)), website(), ("continue",), ("held",)),
        # an open change of the subject: a change of both waits, so does everything about its
        # first website (the change carries it); the others are free
        (
            subject(open_orders=(order("CHANGE_SUBJECT", W1),)),
            website(W2),
            tuple(k for k in ALL_WEBSITE if k != "change_both"),
            ("held",),
        ),
        # an open subject cancellation holds every website back
        (subject(open_orders=(order("CANCEL_SUBJECT", W1),)), website(W2), (), ("held",)),
    ],
)
def test_website_actions(facts, web, keys, notes):
    answer = website_actions(facts, web)
    assert answer.keys == keys
    assert answer.notes == notes


def test_continue_names_the_open_order_once_and_comes_first():
    open_change = order("CHANGE_WEBSITE", W1, id=9)
    answer = website_actions(subject(open_orders=(open_change,)), website())
    [action] = answer.actions  # change website and add domain are both that change: one continue
    assert (action.key, action.order, action.filing_type) == ("continue", open_change, "CHANGE_WEBSITE")
    assert answer.held_by == open_change
    both = website_actions(subject(open_orders=(order("CHANGE_FILING", W1, id=3),)), website())
    assert both.keys == ("continue",) and both.actions[0].order.id == 3


def test_the_newest_open_order_about_the_record_is_the_one_that_counts():
    newer, older = order("CANCEL_ACCESS", W1, id=12), order("CHANGE_WEBSITE", W1, id=4)
    answer = website_actions(subject(open_orders=(newer, older)), website())
    assert answer.keys == ("continue",) and answer.actions[0].order == newer
    assert answer.held_by == newer


@pytest.mark.parametrize(
    ("key", "web", "effect"),
    [
        ("change_website", website(), "keeps_serving"),
        ("add_domain", website(), "keeps_serving_domains"),
        ("change_both", website(), "keeps_serving"),
        ("change_access", website(), "moves_site"),
        ("cancel_website", website(), "blocks_website"),
        # cancel access: blocked here; the filing survives only with another provider
        ("cancel_access", website(other_providers=("阿里云",)), "blocks_here_kept"),
        ("cancel_access", website(), "blocks_here_shell"),
    ],
)
def test_each_website_action_says_what_it_does_to_the_live_site(key, web, effect):
    action = website_actions(subject(web), web).get(key)
    assert action is not None and action.effect == effect
    assert action.filing_type == A.FILING_TYPES[key] and action.target == web.number
    assert action.destructive == key.startswith("cancel_")


def test_each_subject_action_says_what_it_does_to_the_live_site():
    answer = subject_actions(subject())
    assert {a.key: a.effect for a in answer.actions} == {
        "change_subject": "keeps_serving",
        "cancel_subject": "blocks_subject",
        "add_website": "new_site",
    }
    assert {a.key: a.filing_type for a in answer.actions} == {
        "change_subject": "CHANGE_SUBJECT",
        "cancel_subject": "CANCEL_SUBJECT",
        "add_website": "NEW_WEBSITE",
    }


@pytest.mark.parametrize(
    ("open_type", "new_type", "number", "blocks"),
    [
        ("CANCEL_SUBJECT", "CHANGE_WEBSITE", W2, True),
        ("CHANGE_WEBSITE", "CANCEL_SUBJECT", "", True),
        ("CHANGE_SUBJECT", "CHANGE_FILING", W2, True),
        ("CHANGE_FILING", "CHANGE_SUBJECT", "", True),
        ("CHANGE_WEBSITE", "CHANGE_SUBJECT", "", False),
        ("CHANGE_WEBSITE", "CANCEL_ACCESS", W1, True),
        ("CHANGE_WEBSITE", "CANCEL_ACCESS", W2, False),
        # a new website waits for a change or cancellation of the subject (§1.3), not of a website
        ("CHANGE_SUBJECT", "NEW_WEBSITE", "", True),
        ("CANCEL_WEBSITE", "NEW_WEBSITE", "", False),
        # new filings are not record orders: they hold nothing here (the services' §1.8 checks do)
        ("NEW_WEBSITE", "CHANGE_SUBJECT", "", False),
    ],
)
def test_blocking_order_mirrors_the_start_service(open_type, new_type, number, blocks):
    found = A.blocking_order((order(open_type, W1),), new_type, number)
    assert (found is not None) is blocks
