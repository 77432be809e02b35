"""The transition table: every legal transition is allowed, every other pair is refused."""

import itertools

import pytest

from beian.core.exceptions import IllegalTransition
from beian.filings import states


def test_every_state_of_the_reference_lifecycle_is_known():
    import json
    from pathlib import Path

    seed = json.loads((Path(states.__file__).parents[1] / "reference/data/icp-data.json").read_text())
    assert {s["code"] for s in seed["order_statuses"]} == set(states.ALL)


@pytest.mark.parametrize("current,target", sorted(states.TRANSITIONS))
def test_legal_transitions_are_allowed(current, target):
    assert states.check_transition(current, target) == states.TRANSITIONS[(current, target)]


ILLEGAL = sorted(set(itertools.product(states.ALL, states.ALL)) - set(states.TRANSITIONS))


@pytest.mark.parametrize("current,target", ILLEGAL)
def test_illegal_transitions_are_refused(current, target):
    with pytest.raises(IllegalTransition):
        states.check_transition(current, target)


def test_terminal_states_have_no_way_out():
    for state in states.TERMINAL:
        assert states.targets(state) == set()


def test_no_withdrawal_or_edit_during_regulator_review():
    assert states.DRAFT not in states.targets(states.REGULATOR_REVIEW)
    assert states.REGULATOR_REVIEW not in states.APPLICANT_EDITABLE


def test_every_non_terminal_state_can_be_left():
    for state in set(states.ALL) - states.TERMINAL:
        assert states.targets(state), state


def test_system_reasons_are_shown_in_the_readers_language():
    from django.utils import translation

    from beian.filings.models import OrderEvent

    event = OrderEvent(event="expire", reason="No activity for %(days)s days", data={"reason_params": {"days": 45}})
    with translation.override("en"):
        assert event.reason_text == "No activity for 45 days"
    with translation.override("zh-hans"):
        assert "45" in event.reason_text and "No activity" not in event.reason_text
    note = OrderEvent(event="return_fields", reason="请使用公司简称")  # a reviewer's own words stay as typed
    with translation.override("en"):
        assert note.reason_text == "请使用公司简称"


def test_a_field_level_return_reads_as_field_labels_and_catalogue_reasons(db):
    from django.utils import translation

    from beian.filings.models import OrderEvent

    returns = [
        {"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "请使用公司简称"},
        {"field": "materials.owner_photo", "reason_code": "BACKDROP_PHOTO_INVALID", "note": ""},
    ]
    event = OrderEvent(
        event="return_fields",
        data={"returns": returns},
        reason="websites[0].name: SITE_NAME_NOT_RELATED; materials.owner_photo: BACKDROP_PHOTO_INVALID",
    )
    with translation.override("zh-hans"):
        assert event.reason_text == (
            "网站名称: 网站名称与主体或内容无关联 — 请使用公司简称; 网站负责人手持证件照: 幕布照不符合要求"
        )
    with translation.override("en"):
        text = event.reason_text
    assert text.startswith("Website name: ") and "SITE_NAME_NOT_RELATED" not in text and "owner_photo" not in text
