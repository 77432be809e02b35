"""order_from_dict (tolerant reader) and ORDER_JSON_SCHEMA, both derived from the input dataclasses."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from beian.rules import ORDER_JSON_SCHEMA, order_from_dict, validate_order
from beian.rules.model import OrderInput
from beian.rules.tests.builders import TODAY, enterprise_order, individual_order
from beian.rules.tests.conftest import pairs


def as_json(order: OrderInput) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(order), default=str, ensure_ascii=False))
    del data["input_findings"]
    return data


@pytest.mark.parametrize("build", [enterprise_order, individual_order])
def test_json_round_trip(build):
    order = build(8)
    assert order_from_dict(as_json(order)) == order


def test_unknown_keys_are_ignored_with_a_warning():
    order = order_from_dict({"subject": {"nme": "x", "name": "北京示例科技有限公司"}, "extra": 1})
    assert order.subject.name == "北京示例科技有限公司"
    assert pairs(order.input_findings) == {
        ("order.input.unknown_key", "subject.nme"),
        ("order.input.unknown_key", "extra"),
    }
    assert not any(f.is_error for f in order.input_findings)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"subject": {"nature": "4"}}, "subject.nature"),
        ({"subject": {"nature": True}}, "subject.nature"),
        ({"subject": {"principal": {"is_legal_representative": 1}}}, "subject.principal.is_legal_representative"),
        (
            {"subject": {"principal": {"certificate_valid_until": "2026-13-01"}}},
            "subject.principal.certificate_valid_until",
        ),
        ({"subject": "北京示例科技有限公司"}, "subject"),
        ({"websites": {"name": "x"}}, "websites"),
        ({"websites": [{"name": 5}]}, "websites[0].name"),
        ({"websites": ["示例"]}, "websites[0]"),
        ({"websites": [{"service_contents": ["其他", 3]}]}, "websites[0].service_contents[1]"),
        (
            {"websites": [{"pre_approvals": [{"item": "新闻", "number": 10120170001}]}]},
            "websites[0].pre_approvals[0].number",
        ),
        ({"filing_type": None}, "filing_type"),
    ],
)
def test_wrong_types_are_dropped_with_an_error(data, field):
    order = order_from_dict(data)
    assert pairs(order.input_findings) == {("order.input.wrong_type", field)}
    assert order.input_findings[0].is_error


def test_wrongly_typed_value_falls_back_to_the_default():
    order = order_from_dict(
        {"subject": {"nature": "4", "name": "北京示例科技有限公司"}, "websites": [{"name": "示例"}, 7]}
    )
    assert order.subject.nature is None and order.subject.name == "北京示例科技有限公司"
    assert [w.name for w in order.websites] == ["示例"]


@pytest.mark.parametrize("data", [None, [], "order", 42])
def test_not_an_object_gives_an_empty_order(data):
    order = order_from_dict(data)
    assert dataclasses.replace(order, input_findings=[]) == OrderInput()
    assert pairs(order.input_findings) == {("order.input.wrong_type", "$")}


def test_reading_problems_are_part_of_the_validation(ref):
    order = order_from_dict({"subject": {"nature": "enterprise"}})
    assert ("order.input.wrong_type", "subject.nature") in pairs(validate_order(order, ref, today=TODAY))


def test_schema_mirrors_the_input_dataclasses():
    top = ORDER_JSON_SCHEMA["properties"]
    assert set(top) == {"filing_type", "subject", "websites", "existing"}
    assert ORDER_JSON_SCHEMA["additionalProperties"] is False
    person = top["subject"]["properties"]["principal"]["properties"]
    assert set(person) == {f.name for f in dataclasses.fields(enterprise_order().subject.principal)}
    assert person["certificate_valid_until"] == {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}
    assert person["certificate_type"] == {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    website = top["websites"]["items"]["properties"]
    assert website["pre_approvals"]["items"] == {
        "type": "object",
        "additionalProperties": False,
        "properties": {"item": {"type": "string"}, "number": {"type": "string"}},
    }
    assert website["domain_facts"]["anyOf"][0]["properties"]["expires_on"]["anyOf"][0]["format"] == "date"


def test_schema_accepts_what_the_reader_accepts():
    """Every key of a full order is described by the schema, with the JSON type it has."""
    json_types = {str: "string", bool: "boolean", int: "integer", type(None): "null", list: "array", dict: "object"}

    def walk(value, schema, path):
        if "anyOf" in schema:
            assert any(_matches(value, option) for option in schema["anyOf"]), path
            schema = next(option for option in schema["anyOf"] if _matches(value, option))
        assert schema.get("type") == json_types[type(value)], path
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, schema["properties"][key], f"{path}.{key}")
        elif isinstance(value, list):
            for item in value:
                walk(item, schema["items"], f"{path}[]")

    def _matches(value, schema):
        return schema.get("type") == json_types[type(value)]

    walk(as_json(enterprise_order()), ORDER_JSON_SCHEMA, "$")
