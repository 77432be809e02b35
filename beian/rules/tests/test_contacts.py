"""Phones and email (§5.3)."""

from __future__ import annotations

import pytest

from beian.rules.tests.builders import BEIJING, SHANGHAI
from beian.rules.tests.conftest import codes, pairs

GUANGDONG = "44"  # principal_mobile_must_be_local is null (unknown) there


@pytest.mark.parametrize(
    "value", ["13800138000", "+86 138 0013 8000", "0086-13800138000", "8613800138000", "１３８００１３８０００"]
)
def test_mainland_mobile_is_accepted_in_common_notations(check, value):
    assert check("mobile", value) == []


@pytest.mark.parametrize(
    "value", ["12345678901", "1380013800", "138001380001", "23800138000", "138-0013-800a", "010-62345678"]
)
def test_not_a_mainland_mobile_is_an_error(check, value):
    findings = check("mobile", value)
    assert pairs(findings) == {("person.mobile.format", "mobile")}
    assert findings[0].rejection_reason == "PHONE_UNREACHABLE"


def test_number_in_an_unallocated_segment_is_a_warning(check):
    findings = check("mobile", "14000000000")  # matches the seed regex, no carrier range
    assert pairs(findings) == {("person.mobile.unknown_segment", "mobile")}
    assert not findings[0].is_error


@pytest.mark.parametrize(
    ("province", "expected"),
    [
        (BEIJING, set()),  # 1380013 is a Beijing segment
        (SHANGHAI, {"person.mobile.not_local"}),  # Shanghai requires local numbers
        (GUANGDONG, set()),  # no such rule known for Guangdong
    ],
)
def test_province_that_requires_local_numbers_warns_on_other_segments(check, province, expected):
    findings = check("mobile", "13800138000", province=province)
    assert codes(findings) == expected
    assert all(f.severity.value == "warning" and f.rejection_reason == "PHONE_NOT_LOCAL" for f in findings)


def test_local_number_rule_with_an_unresolvable_segment_is_info(check):
    findings = check("mobile", "17012345678", province=SHANGHAI)  # virtual-operator range: no location
    assert pairs(findings) == {("person.mobile.location_unknown", "mobile")}
    assert findings[0].severity.value == "info"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("010-62345678", True),
        ("01062345678", True),
        ("0755-12345678", True),
        ("021 6123 4567", True),
        ("13800138000", False),
        ("12345", False),
        ("010-1234", False),
    ],
)
def test_landline(check, value, valid):
    assert (check("landline", value) == []) is valid
    if not valid:
        assert pairs(check("landline", value)) == {("phone.landline.format", "landline")}


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("zhangsan@example.com", True),
        ("zhang.san+icp@mail.example.com.cn", True),
        ("user@例子.中国", True),
        ("zhangsan@example", False),
        ("zhangsan@@example.com", False),
        ("zhangsan.@example.com", False),
        ("zhang san@example.com", False),
        ("@example.com", False),
        ("zhangsan@-example.com", False),
    ],
)
def test_email(check, value, valid):
    findings = check("email", value)
    assert (findings == []) is valid
    if not valid:
        assert pairs(findings) == {("person.email.format", "email")}
        assert findings[0].rejection_reason == "EMAIL_INVALID"
