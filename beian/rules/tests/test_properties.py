"""Property tests: generated valid numbers pass, any single substitution fails, any text is safe."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from beian.rules import ALL_KINDS, RULES, check_value, load_seed_snapshot, order_from_dict, validate_order
from beian.rules.model import OrderInput
from beian.rules.tests.builders import TODAY, enterprise_order

REF = load_seed_snapshot()
ALPHABET = REF.uscc.alphabet
FAST = settings(database=None, deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


def kind_options(kind: str) -> dict[str, Any]:
    return {"certificate_type": 2} if kind == "certificate" else {}


@st.composite
def valid_usccs(draw: st.DrawFn) -> str:
    category = draw(st.sampled_from(sorted(REF.uscc.categories)))
    region = draw(st.from_regex(r"[0-9]{6}", fullmatch=True))
    organisation = draw(st.text(alphabet=ALPHABET, min_size=9, max_size=9))
    body = category + region + organisation
    return body + uscc.calc_check_digit(body)


@st.composite
def valid_resident_ids(draw: st.DrawFn) -> str:
    address = draw(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY - timedelta(days=19 * 366)))
    body = f"{address}{birth:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return body + ric.calc_check_digit(body + "0")


def substituted(value: str, data: st.DataObject) -> str:
    """The value with one character replaced by a different one (after normalisation)."""
    position = data.draw(st.integers(0, len(value) - 1))
    replacement = data.draw(st.characters(codec="utf-8", exclude_categories=["Cs"]))
    assume(unicodedata.normalize("NFKC", replacement).upper() != value[position])
    return value[:position] + replacement + value[position + 1 :]


@FAST
@given(valid_usccs())
def test_generated_valid_usccs_pass(code):
    assert check_value("uscc", code, ref=REF, today=TODAY) == []


@FAST
@given(valid_usccs(), st.data())
def test_any_single_substitution_in_a_uscc_is_an_error(code, data):
    findings = check_value("uscc", substituted(code, data), ref=REF, today=TODAY)
    assert any(f.is_error for f in findings)


@FAST
@given(valid_resident_ids())
def test_generated_valid_resident_ids_pass(number):
    assert check_value("resident-id", number, ref=REF, today=TODAY) == []


@FAST
@given(valid_resident_ids(), st.data())
def test_any_single_substitution_in_a_resident_id_is_an_error(number, data):
    findings = check_value("resident-id", substituted(number, data), ref=REF, today=TODAY)
    assert any(f.is_error for f in findings)


@FAST
@given(st.sampled_from(ALL_KINDS), st.text(max_size=300))
def test_arbitrary_text_never_raises_and_speaks_in_registered_findings(kind, text):
    findings = check_value(kind, text, ref=REF, today=TODAY, nature=5, province="31", **kind_options(kind))
    assert all(f.code in RULES for f in findings)
    assert all(f.field in (kind, "certificate_type") for f in findings)


@FAST
@given(
    st.sampled_from(ALL_KINDS),
    st.text(max_size=40),
    st.sampled_from(["\x00", "\x1b", "\u200b", "\ufeff", "\n"]),
    st.text(max_size=40),
)
def test_text_with_control_characters_gets_a_finding_for_every_kind(kind, before, control, after):
    assume((before + after).strip())  # a lone newline is just an empty value
    findings = check_value(kind, before + control + after, ref=REF, today=TODAY, **kind_options(kind))
    assert [(f.code, f.field) for f in findings] == [("input.invisible_characters", kind)]


@FAST
@given(st.sampled_from(ALL_KINDS), st.integers(256, 5000))
def test_very_long_values_get_a_finding_for_every_kind(kind, length):
    findings = check_value(kind, "1" * length, ref=REF, today=TODAY, **kind_options(kind))
    assert [(f.code, f.field) for f in findings] == [("input.too_long", kind)]


def test_empty_values_get_a_finding_for_every_kind():
    for kind in ALL_KINDS:
        assert [(f.code, f.field) for f in check_value(kind, "  ", ref=REF, today=TODAY, **kind_options(kind))] == [
            ("input.empty", kind)
        ]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
KNOWN_KEYS = st.sampled_from(
    [
        "filing_type",
        "subject",
        "websites",
        "existing",
        "name",
        "domain",
        "principal",
        "mobile",
        "certificate_number",
        "pre_approvals",
        "expires_on",
        "nature",
    ]
)
ORDER_LIKE = st.recursive(
    JSON,
    lambda children: st.dictionaries(KNOWN_KEYS, children, max_size=5) | st.lists(children, max_size=3),
    max_leaves=25,
)


@FAST
@given(ORDER_LIKE)
def test_any_json_is_read_and_validated_without_raising(data):
    order = order_from_dict(data)
    assert isinstance(order, OrderInput)
    validate_order(order, REF, today=TODAY, complete=True)


@FAST
@given(
    st.sampled_from(["name", "certificate_number", "certificate_address", "mailing_address", "office_phone"]), st.text()
)
def test_any_text_in_an_order_field_is_safe(field, text):
    order = enterprise_order()
    setattr(order.subject, field, text)
    order.websites[0].domain = text
    order.websites[0].name = text
    for finding in validate_order(order, REF, today=TODAY, complete=True):
        assert finding.code in RULES
