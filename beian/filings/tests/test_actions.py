"""What may this user do to this order now: a table of cases, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from beian.filings import states
from beian.filings.actions import ALL_FIELD_PATHS, OrderState, UserState, order_actions

NOW = dt.datetime(2026, 10, 9, 10, 0, tzinfo=dt.UTC)
APPLICANT = UserState(id=1, is_member=True)
STRANGER = UserState(id=2)  # logged in, not of the order's organisation
REVIEWER = UserState(id=10, is_reviewer=True)
OTHER_REVIEWER = UserState(id=11, is_reviewer=True)
OPERATOR = UserState(id=20, is_reviewer=True, is_operator=True)
INACTIVE_REVIEWER = UserState(id=12, is_reviewer=True, is_active=False)
SUBJECT_PATHS = {p for p in ALL_FIELD_PATHS if p.startswith("subject.")}
WEBSITE_PATHS = {p for p in ALL_FIELD_PATHS if p.startswith("websites[0].")}
# a new filing files one domain per website: the other domains are a change's
NEW_FILING_PATHS = ALL_FIELD_PATHS - {"websites[0].other_domains"}
FIXED = {
    "subject.province",
    "subject.nature",
    "subject.certificate_type",
    "subject.certificate_number",
    "websites[0].domain",
}
SLOTS = ("owner_photo", "id_front", "verification_form")


def order(status=states.DRAFT, **kw) -> OrderState:
    return OrderState(status=status, slots=SLOTS, **kw)


RETURNED = order(states.PROVIDER_NEEDS_CHANGES, returned_paths=frozenset({"websites[0].name", "materials.owner_photo"}))


@pytest.mark.parametrize(
    ("state", "user", "paths", "slots"),
    [
        (order(), APPLICANT, NEW_FILING_PATHS, set(SLOTS)),
        (order(filing_type="NEW_WEBSITE"), APPLICANT, NEW_FILING_PATHS - SUBJECT_PATHS, set(SLOTS)),
        # a change opens the part it changes, without what the record fixes (§1.5)
        (order(filing_type="CHANGE_SUBJECT"), APPLICANT, SUBJECT_PATHS - FIXED, set(SLOTS)),
        (order(filing_type="CHANGE_WEBSITE"), APPLICANT, WEBSITE_PATHS - FIXED, set(SLOTS)),
        (order(filing_type="CHANGE_FILING"), APPLICANT, (SUBJECT_PATHS | WEBSITE_PATHS) - FIXED, set(SLOTS)),
        (order(filing_type="CANCEL_WEBSITE"), APPLICANT, set(), set(SLOTS)),
        (RETURNED, APPLICANT, {"websites[0].name"}, {"owner_photo"}),
        (
            order(states.PROVIDER_NEEDS_CHANGES, returned_paths=frozenset({"materials.owner_photo"})),
            APPLICANT,
            set(),
            {"owner_photo"},
        ),
        (
            order(states.PROVIDER_NEEDS_CHANGES, filing_type="NEW_WEBSITE", returned_paths=frozenset({"subject.city"})),
            APPLICANT,
            set(),
            set(),
        ),
        (order(states.PROVIDER_REJECTED), APPLICANT, NEW_FILING_PATHS, set(SLOTS)),
        (order(states.REGULATOR_REJECTED), APPLICANT, NEW_FILING_PATHS, set(SLOTS)),
        (order(states.PENDING_PROVIDER_REVIEW), APPLICANT, set(), set()),
        (order(states.APPROVED), APPLICANT, set(), set()),
        (order(), STRANGER, set(), set()),
        (order(), REVIEWER, set(), set()),
        (order(), UserState(id=None, is_member=True), set(), set()),
    ],
)
def test_editable_fields_and_slots(state, user, paths, slots):
    acts = order_actions(state, user, NOW)
    assert acts.editable_paths == paths
    assert acts.editable_slots == slots
    assert acts.may_edit == acts.may_submit == (state.status in states.APPLICANT_EDITABLE and user is APPLICANT)


def test_a_field_level_return_opens_only_what_was_returned():
    acts = order_actions(RETURNED, APPLICANT, NOW)
    assert acts.only_returned and acts.may_edit_slot("owner_photo") and not acts.may_edit_slot("id_front")
    assert not order_actions(order(), APPLICANT, NOW).only_returned


@pytest.mark.parametrize(
    ("status", "withdraw", "abandon"),
    [
        (states.DRAFT, False, True),
        (states.PENDING_PROVIDER_REVIEW, True, False),
        (states.PROVIDER_RESUBMITTED, True, False),
        (states.PROVIDER_NEEDS_CHANGES, False, True),
        (states.PENDING_SUBMISSION, True, False),
        (states.SMS_VERIFICATION, False, False),
        (states.RETURNED_SMS_TIMEOUT, False, True),
        (states.REGULATOR_REJECTED, False, True),
        (states.APPROVED, False, False),
        (states.ABANDONED, False, False),
    ],
)
def test_withdraw_and_abandon_follow_the_transition_table(status, withdraw, abandon):
    acts = order_actions(order(status), APPLICANT, NOW)
    assert (acts.may_withdraw, acts.may_abandon) == (withdraw, abandon)
    outsider = order_actions(order(status), STRANGER, NOW)
    assert not outsider.may_withdraw and not outsider.may_abandon


@pytest.mark.parametrize(
    ("state", "user", "claim", "held_by_other", "release", "why_not"),
    [
        (order(states.PENDING_PROVIDER_REVIEW), REVIEWER, True, False, False, None),
        (order(states.PROVIDER_RESUBMITTED), REVIEWER, True, False, False, None),
        (order(states.PENDING_PROVIDER_REVIEW, claim_holder_id=10, claimed_at=NOW), REVIEWER, True, False, True, None),
        (
            order(states.PENDING_PROVIDER_REVIEW, claim_holder_id=10, claimed_at=NOW),
            OTHER_REVIEWER,
            False,
            True,
            False,
            "order.claimed",
        ),
        (
            order(states.PENDING_PROVIDER_REVIEW, claim_holder_id=10, claimed_at=NOW),
            OPERATOR,
            False,
            True,
            True,
            "order.claimed",
        ),
        (order(states.PENDING_PROVIDER_REVIEW), APPLICANT, False, False, False, "review.not_reviewer"),
        (order(states.PENDING_PROVIDER_REVIEW), INACTIVE_REVIEWER, False, False, False, "review.not_reviewer"),
        (order(states.DRAFT), REVIEWER, False, False, False, "order.illegal_transition"),
        (order(states.PENDING_SUBMISSION), REVIEWER, False, False, False, "order.illegal_transition"),
        # a holder left on an order that is no longer in review: the decision ended the claim
        (
            order(states.APPROVED, claim_holder_id=10, claimed_at=NOW),
            REVIEWER,
            False,
            False,
            False,
            "order.illegal_transition",
        ),
    ],
)
def test_claim_act_and_release(state, user, claim, held_by_other, release, why_not):
    acts = order_actions(state, user, NOW)
    assert acts.may_claim == acts.may_act == claim
    assert acts.held_by_other == held_by_other
    assert acts.may_release == release
    assert acts.reasons.get("act") == why_not


def test_release_reasons():
    assert order_actions(order(states.PENDING_PROVIDER_REVIEW), OPERATOR, NOW).reasons["release"] == (
        "order.not_claimed"
    )
    held = order(states.PENDING_PROVIDER_REVIEW, claim_holder_id=10, claimed_at=NOW)
    assert order_actions(held, OTHER_REVIEWER, NOW).reasons["release"] == "order.claimed"
    assert "release" not in order_actions(held, REVIEWER, NOW).reasons
    decided = order(states.PENDING_SUBMISSION, claim_holder_id=10, claimed_at=NOW)
    assert order_actions(decided, REVIEWER, NOW).reasons["release"] == "order.not_in_review"


@pytest.mark.parametrize(
    ("claimed_at", "idle"),
    [
        (NOW - dt.timedelta(minutes=29), False),
        (NOW - dt.timedelta(minutes=30), False),
        (NOW - dt.timedelta(minutes=31), True),
        (None, True),
    ],
)
def test_a_claim_without_activity_for_longer_than_the_limit_is_idle(claimed_at, idle):
    state = order(states.PENDING_PROVIDER_REVIEW, claim_holder_id=10, claimed_at=claimed_at)
    assert order_actions(state, REVIEWER, NOW, idle_minutes=30).claim_idle == idle
    assert not order_actions(state, REVIEWER, NOW).claim_idle  # no limit given: never idle
    assert not order_actions(order(states.PENDING_PROVIDER_REVIEW), REVIEWER, NOW, idle_minutes=30).claim_idle


@pytest.mark.parametrize(
    ("state", "user", "assisting", "edits"),
    [
        (order(assisted_service=True), OPERATOR, True, True),  # staff fill in an assisted draft
        (order(), OPERATOR, False, False),  # not without the service
        (order(assisted_service=True), REVIEWER, False, False),  # reviewers review, they do not fill in
        (order(states.PENDING_PROVIDER_REVIEW, assisted_service=True), OPERATOR, False, False),  # not in review
        (order(assisted_service=True), UserState(id=20, is_operator=True, is_member=True), False, True),  # a member
    ],
)
def test_staff_fill_in_assisted_orders_only(state, user, assisting, edits):
    acts = order_actions(state, user, NOW)
    assert acts.assisting is assisting
    assert bool(acts.editable_paths) is edits
    if assisting:  # the customer uploads, submits, withdraws and abandons
        assert not acts.editable_slots and not acts.may_submit and not acts.may_withdraw and not acts.may_abandon


def test_staff_assisting_a_returned_order_fill_in_only_the_returned_fields():
    state = order(states.PROVIDER_NEEDS_CHANGES, returned_paths=frozenset({"websites[0].name"}), assisted_service=True)
    assert order_actions(state, OPERATOR, NOW).editable_paths == {"websites[0].name"}
