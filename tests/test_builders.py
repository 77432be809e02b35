"""The builders reach every state through the services, and their materials carry real check results."""

import pytest

from beian.filings import states
from beian.materials.models import Material
from tests.builders import RECORDED, OrderBuilder, RecordedChecks

EVENTS = {
    states.DRAFT: ["create"],
    states.PENDING_PROVIDER_REVIEW: ["create", "submit"],
    states.PROVIDER_NEEDS_CHANGES: ["create", "submit", "claim", "return_fields"],
    states.PROVIDER_RESUBMITTED: ["create", "submit", "claim", "return_fields", "resubmit"],
    states.PENDING_SUBMISSION: ["create", "submit", "claim", "approve"],
    states.SMS_VERIFICATION: ["create", "submit", "claim", "approve", "regulator_accepted"],
    states.REGULATOR_REVIEW: ["create", "submit", "claim", "approve", "regulator_accepted", "sms_verified"],
    states.APPROVED: [
        "create",
        "submit",
        "claim",
        "approve",
        "regulator_accepted",
        "sms_verified",
        "regulator_approved",
    ],
    states.REGULATOR_REJECTED: [
        "create",
        "submit",
        "claim",
        "approve",
        "regulator_accepted",
        "sms_verified",
        "regulator_rejected",
    ],
    states.RETURNED_SMS_TIMEOUT: ["create", "submit", "claim", "approve", "regulator_accepted", "sms_failed"],
    states.ABANDONED: ["create", "abandon"],
    states.EXPIRED: ["create", "expire"],
}


@pytest.mark.parametrize("state", sorted(OrderBuilder.BY_STATE))
def test_every_state_is_reached_through_the_services(orders, state):
    order = orders.build(state)
    assert order.status == state
    assert list(order.events.order_by("at", "pk").values_list("event", flat=True)) == EVENTS[state]
    materials = Material.objects.filter(order=order, is_current=True)
    assert materials.count() == 7
    assert {m.check_status for m in materials} == {Material.CheckStatus.DONE}


def test_approved_order_is_filed_with_numbers(orders):
    order = orders.approved()
    assert order.subject.filing_number.startswith("京ICP备")
    assert order.website.filing_number == order.subject.filing_number + "-1"


def test_returned_order_reopens_the_returned_fields_and_slots(orders):
    from beian.filings.selectors import order_actions_for

    order = orders.returned(fields=["websites[0].name"], slots=["owner_photo"])
    assert order_actions_for(order, order.created_by).editable_paths == {"websites[0].name"}
    assert set(order.returned_field_paths) == {"websites[0].name", "materials.owner_photo"}


def test_materials_keep_the_real_bytes_and_the_recorded_result(orders):
    from beian.materials.services import material_annotated_png

    order = orders.complete_draft()
    licence = order.materials.get(slot="business_licence", is_current=True)
    with licence.file.open("rb") as fh:
        assert fh.read()[:2] == b"\xff\xd8"  # the JPEG sample as uploaded
    assert licence.check_details["ocr_lines"], "the recorded OCR lines are stored"
    assert material_annotated_png(licence)[:8] == b"\x89PNG\r\n\x1a\n"
    assert RECORDED.runs >= 1


def test_recorded_checks_run_once_per_distinct_input_and_replay_copies():
    calls = []

    def real(kind, data, *, requirement, expected):
        calls.append((kind, data))
        return {"kind": kind, "findings": []}

    recorder = RecordedChecks(real)
    first = recorder("id_card_front", b"a", requirement={}, expected={"name": "张三"})
    first["findings"].append("mutated by a caller")
    again = recorder("id_card_front", b"a", requirement={}, expected={"name": "张三"})
    other = recorder("id_card_front", b"a", requirement={}, expected={"name": "李四"})
    assert again == {"kind": "id_card_front", "findings": []}
    assert other == again and len(calls) == 2 and recorder.replays == 1


def test_resubmitted_order_carries_the_changed_field_and_a_new_version_of_the_returned_slot(orders):
    order = orders.resubmitted(fields=["websites[0].name"], slots=["owner_photo"])
    assert order.status == states.PROVIDER_RESUBMITTED
    assert order.website.name == "示例科技公司官网"
    photos = order.materials.filter(slot="owner_photo").order_by("version")
    assert [m.version for m in photos] == [1, 2] and photos.last().is_current
    assert order.versions.count() == 2
