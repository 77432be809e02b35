"""The order as JSON (the wizard's drafts and the partner API share this shape).

Both the JSON Schema and the tolerant reader are derived from the input dataclasses in
`beian.rules.model`, so they cannot drift apart: a field added there appears in both.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from typing import Any, Union, get_args, get_origin

from beian.rules.findings import Finding
from beian.rules.model import OrderInput
from beian.rules.registry import UNKNOWN_KEY, WRONG_TYPE

_NONE = type(None)
_JSON_NAMES = {str: "string", bool: "boolean", int: "integer", date: "string (YYYY-MM-DD)"}


class _Invalid:
    """Marker for a value that could not be read (a finding says why)."""


_INVALID = _Invalid()


@cache
def _fields(cls: type) -> dict[str, Any]:
    """Type hints of the JSON fields of a dataclass or TypedDict."""
    hints = typing.get_type_hints(cls)
    if dataclasses.is_dataclass(cls):
        return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.metadata.get("json", True)}
    return hints


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and (dataclasses.is_dataclass(tp) or typing.is_typeddict(tp))


def _optional_of(tp: Any) -> Any | None:
    if get_origin(tp) in (Union, types.UnionType):
        rest = [arg for arg in get_args(tp) if arg is not _NONE]
        return rest[0] if len(rest) == 1 else None
    return None


def schema_of(tp: Any) -> dict[str, Any]:
    optional = _optional_of(tp)
    if optional is not None:
        return {"anyOf": [schema_of(optional), {"type": "null"}]}
    if get_origin(tp) is list:
        return {"type": "array", "items": schema_of(get_args(tp)[0])}
    if _is_record(tp):
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: schema_of(hint) for name, hint in _fields(tp).items()},
        }
    if tp is date:
        return {"type": "string", "format": "date"}
    return {"type": _JSON_NAMES[tp]}


ORDER_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Beian filing order",
    "description": "An ICP filing order as accepted by the rules engine, the wizard and the partner API. "
    "Every field is optional; the pre-submit check reports the required ones.",
    **schema_of(OrderInput),
}


def order_from_dict(data: object) -> OrderInput:
    """Read an order; never raises. Problems are findings in `input_findings`:
    unknown keys are ignored with a warning, values of the wrong type are dropped with an error."""
    findings: list[Finding] = []
    read = _read(data, OrderInput, "", findings)
    order = read if isinstance(read, OrderInput) else OrderInput()  # else: _Invalid, a finding says why
    order.input_findings = findings
    return order


def _path(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


def _read(value: Any, tp: Any, path: str, findings: list[Finding]) -> Any:
    optional = _optional_of(tp)
    if optional is not None:
        return None if value is None else _read(value, optional, path, findings)
    if get_origin(tp) is list:
        return _read_list(value, get_args(tp)[0], path, findings)
    if _is_record(tp):
        return _read_record(value, tp, path, findings)
    return _read_scalar(value, tp, path, findings)


def _wrong(path: str, tp: Any, findings: list[Finding]) -> _Invalid:
    findings.append(WRONG_TYPE.at(path or "$", expected=_describe(tp)))
    return _INVALID


def _describe(tp: Any) -> str:
    if get_origin(tp) is list:
        return f"array of {_describe(get_args(tp)[0])}"
    return "object" if _is_record(tp) else _JSON_NAMES.get(tp, str(tp))


def _read_list(value: Any, item_type: Any, path: str, findings: list[Finding]) -> Any:
    if not isinstance(value, list):
        return _wrong(path, list[item_type], findings)
    items = (_read(item, item_type, f"{path}[{i}]", findings) for i, item in enumerate(value))
    return [item for item in items if not isinstance(item, _Invalid)]


def _read_record(value: Any, tp: type, path: str, findings: list[Finding]) -> Any:
    if not isinstance(value, dict):
        return _wrong(path, tp, findings)
    fields = _fields(tp)
    values = {}
    for key, raw in value.items():
        name = str(key)
        if name not in fields:
            findings.append(UNKNOWN_KEY.at(_path(path, name), key=name))
            continue
        read = _read(raw, fields[name], _path(path, name), findings)
        if not isinstance(read, _Invalid):
            values[name] = read
    return tp(**values)


def _read_scalar(value: Any, tp: Any, path: str, findings: list[Finding]) -> Any:
    if tp is date:
        return _read_date(value, path, findings)
    if type(value) is tp:  # bool is not accepted as int, nor int as bool
        return value
    return _wrong(path, tp, findings)


def _read_date(value: Any, path: str, findings: list[Finding]) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return _wrong(path, date, findings)
