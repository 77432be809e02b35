"""USCC (§5.1), resident ID and residence permits (§5.2), other certificates by type (§3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from stdnum.cn import ric

from beian.rules import EngineSettings, check_value
from beian.rules.tests.builders import BEIJING, ENTERPRISE, INDIVIDUAL, SHANGHAI, TODAY, make_resident_id, make_uscc
from beian.rules.tests.conftest import codes, pairs

VALID_USCC = "91110000600037341L"  # rules §5.1 example
PUBLIC_INSTITUTION = 3  # 事业单位
PASSPORT, HK_MACAO_PERMIT, HK_MACAO_RESIDENCE_PERMIT = 7, 14, 41
ORG_CODE_CERTIFICATE = 12  # 组织机构代码证 (enterprise)


@pytest.mark.parametrize(
    "value",
    [
        VALID_USCC,
        "91110000600037341l",  # lower case is normalised
        "9111 0000 6000 3734 1L",  # spaces are normalised
        "９１１１００００６０００３７３４１Ｌ",  # full-width input
        make_uscc(42, category="12"),  # 事业单位 category, valid check character
        make_uscc(7, category="N2"),  # letter authority (农业): valid per GB 32100
    ],
)
def test_valid_uscc_has_no_finding(check, value):
    assert check("uscc", value) == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("91110000600037341", "subject.uscc.length"),
        ("91110000600037341LL", "subject.uscc.length"),
        ("91110000600O37341L", "subject.uscc.characters"),  # letter O never occurs: no silent "correction"
        ("9111A000600037341L", "subject.uscc.characters"),  # region code positions 3-8 are digits
        ("91110000600037341M", "subject.uscc.checksum"),
        ("91110000600037342L", "subject.uscc.checksum"),
        ("91110000600037314L", "subject.uscc.checksum"),  # transposition
    ],
)
def test_malformed_uscc_is_an_error_on_the_field(check, value, code):
    findings = check("uscc", value)
    assert pairs(findings) == {(code, "uscc")}
    assert findings[0].is_error
    assert findings[0].rejection_reason == "CERT_NUMBER_MISMATCH"


def test_uscc_category_outside_the_code_table_is_a_warning(check):
    findings = check("uscc", make_uscc(1, category="99"))
    assert pairs(findings) == {("subject.uscc.category_unknown", "uscc")}
    assert not findings[0].is_error


@pytest.mark.parametrize(
    ("category", "nature", "mismatch"),
    [
        ("91", ENTERPRISE, False),
        ("92", ENTERPRISE, False),  # 个体工商户 file as enterprises (§3)
        ("12", PUBLIC_INSTITUTION, False),
        ("12", ENTERPRISE, True),  # a public institution's code on an enterprise filing
        ("91", PUBLIC_INSTITUTION, True),
        ("51", ENTERPRISE, True),  # 社会团体
    ],
)
def test_uscc_category_must_match_the_nature(check, category, nature, mismatch):
    findings = check("uscc", make_uscc(5, category=category), nature=nature)
    assert (("subject.uscc.category_nature_mismatch", "uscc") in pairs(findings)) is mismatch


def test_uscc_issued_in_another_province_warns_about_cross_province_filing(check):
    findings = check("uscc", VALID_USCC, province=SHANGHAI)
    assert pairs(findings) == {("subject.uscc.region_other_province", "uscc")}
    assert findings[0].rejection_reason == "CROSS_PROVINCE_ORG"
    assert check("uscc", VALID_USCC, province=BEIJING) == []
    assert check("uscc", make_uscc(3, region="100000"), province=SHANGHAI) == []  # national registration


@pytest.mark.parametrize(
    "value",
    [
        "11010519491231002X",  # rules §5.2 examples
        "440524188001010014",
        "11010519491231002x",
        make_resident_id(5, address="810000"),
    ],
)
def test_valid_resident_id_has_no_finding(check, value):
    assert check("resident-id", value) == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("110105491231002", "person.resident_id.first_generation"),
        ("1101051949123100", "person.resident_id.format"),
        ("11010519491231002Y", "person.resident_id.format"),
        ("110105194912310021", "person.resident_id.checksum"),
        (make_resident_id(1, birth=date(1990, 1, 1)).replace("19900101", "19900231"), "person.resident_id.checksum"),
    ],
)
def test_malformed_resident_id_is_an_error(check, value, code):
    assert pairs(check("resident-id", value)) == {(code, "resident-id")}


def test_impossible_birth_date_with_a_valid_check_digit_is_reported(check):
    body = "11010519900231001"  # 31 February
    number = body + ric.calc_check_digit(body + "0")
    assert pairs(check("resident-id", number)) == {("person.resident_id.birth_date", "resident-id")}


def test_birth_date_in_the_future_is_an_error(check):
    number = make_resident_id(1, birth=date(2027, 1, 1))
    assert codes(check("resident-id", number)) == {"person.resident_id.birth_in_future"}


@pytest.mark.parametrize(
    ("birth", "underage"),
    [
        (date(2008, 11, 29), False),  # 18 today
        (date(2008, 11, 30), True),  # 18 tomorrow
        (date(2012, 1, 1), True),
    ],
)
def test_principal_must_be_of_minimum_age(check, birth, underage):
    findings = check("resident-id", make_resident_id(2, birth=birth))
    assert (codes(findings) == {"person.age.below_minimum"}) is underage
    if underage:
        assert findings[0].rejection_reason == "UNDERAGE"


def test_minimum_age_is_configurable_per_province(ref):
    lenient = replace(ref, settings=EngineSettings(min_principal_age_by_province={"32": 16}))
    sixteen = make_resident_id(3, birth=date(2010, 1, 1))
    assert check_value("resident-id", sixteen, ref=lenient, today=TODAY, province="32") == []
    assert codes(check_value("resident-id", sixteen, ref=lenient, today=TODAY, province="11")) == {
        "person.age.below_minimum"
    }


@pytest.mark.parametrize(
    ("certificate_type", "value", "expected"),
    [
        (PASSPORT, "E12345678", set()),
        (PASSPORT, "E1", {"person.certificate.format"}),
        (PASSPORT, "E123#5678", {"person.certificate.format"}),
        (HK_MACAO_PERMIT, "H12345678", set()),
        (HK_MACAO_RESIDENCE_PERMIT, make_resident_id(9, address="810000"), set()),
        (HK_MACAO_RESIDENCE_PERMIT, make_resident_id(9, address="110105"), {"person.residence_permit.prefix"}),
        (HK_MACAO_RESIDENCE_PERMIT, "810000199001011234", {"person.resident_id.checksum"}),
        (ORG_CODE_CERTIFICATE, "60003734-1", set()),
        (ORG_CODE_CERTIFICATE, "6000373", {"subject.org_code.format"}),
        (ORG_CODE_CERTIFICATE, VALID_USCC, set()),  # USCC given on an organisation-code certificate
        (1, "91110000600037341M", {"subject.uscc.checksum"}),
        (2, "440524188001010014", set()),
    ],
)
def test_certificate_number_is_checked_by_its_type(check, certificate_type, value, expected):
    assert codes(check("certificate", value, certificate_type=certificate_type)) == expected


def test_residence_permit_prefix_is_only_a_warning_because_it_is_unverified(check):
    [finding] = check("certificate", make_resident_id(9), certificate_type=HK_MACAO_RESIDENCE_PERMIT)
    assert finding.severity.value == "warning"
    assert "[unverified]" in finding.source


@pytest.mark.parametrize(
    ("nature", "certificate_type", "allowed"),
    [
        (ENTERPRISE, 1, True),
        (ENTERPRISE, 2, False),
        (INDIVIDUAL, 2, True),
        (INDIVIDUAL, 1, False),
        (PUBLIC_INSTITUTION, 15, True),
    ],
)
def test_certificate_type_must_be_allowed_for_the_nature(check, nature, certificate_type, allowed):
    value = VALID_USCC if certificate_type != 2 else "11010519491231002X"
    findings = check("certificate", value, certificate_type=certificate_type, nature=nature)
    assert (("subject.certificate_type.not_allowed", "certificate_type") not in pairs(findings)) is allowed


def test_unknown_certificate_type_is_reported(check):
    assert pairs(check("certificate", "X1234567", certificate_type=999)) == {
        ("subject.certificate_type.unknown", "certificate_type")
    }
