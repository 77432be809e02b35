"""ReferenceSnapshot: built from seed-shaped data only, so operators' edits change the rules."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from beian.rules import ReferenceSnapshot, check_value, load_seed_snapshot, validate_order
from beian.rules.reference import SEED_PATH, NumberScheme
from beian.rules.tests.builders import TODAY, enterprise_order, make_uscc
from beian.rules.tests.conftest import codes


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    return data


def test_seed_snapshot_is_loaded_once():
    assert load_seed_snapshot() is load_seed_snapshot()


def test_individual_nature_is_the_one_whose_certificates_are_personal(ref):
    assert [code for code, nature in ref.natures.items() if nature.is_individual] == [5]


@pytest.mark.parametrize(
    ("certificate_type", "scheme"),
    [
        (1, NumberScheme.USCC),
        (13, NumberScheme.USCC),
        (12, NumberScheme.ORG_CODE),
        (2, NumberScheme.RESIDENT_ID),
        (41, NumberScheme.RESIDENCE_PERMIT),
        (42, NumberScheme.RESIDENCE_PERMIT),
        (7, NumberScheme.FREE_FORM),
        (30, NumberScheme.FREE_FORM),
        (21, NumberScheme.FREE_FORM),
    ],
)
def test_certificate_number_scheme_is_recognised_from_the_name(ref, certificate_type, scheme):
    assert ref.certificate_types[certificate_type].scheme is scheme


def test_approved_suffixes_in_unicode_and_punycode(ref):
    assert {"cn", "com.cn", "中国", "xn--fiqs8s", "政务.cn", "xn--zfr164b.cn"} <= ref.tlds.approved
    assert "io" not in ref.tlds.approved and "org" not in ref.tlds.approved
    assert ref.tlds.unverified == {"pw"}


def test_uscc_categories_named_like_a_nature_imply_that_nature(ref):
    assert dict(ref.uscc.nature_for_category) == {
        "12": 3,
        "31": 11,
        "34": 14,
        "41": 12,
        "51": 6,
        "52": 9,
        "53": 10,
        "91": 4,
    }


def test_an_empty_seed_still_gives_a_working_snapshot():
    empty = ReferenceSnapshot.from_seed({})
    findings = validate_order(enterprise_order(), empty, today=TODAY)
    assert "order.filing_type.unknown" in codes(findings)  # nothing is known, nothing crashes


def test_database_shaped_seed_without_derived_keys_works(seed):
    rebuilt = copy.deepcopy(seed)
    del rebuilt["approved_tlds"]["all"]
    del rebuilt["website_name_rules"]["sensitive_words"]
    ref = ReferenceSnapshot.from_seed(rebuilt)
    assert check_value("domain", "example.com", ref=ref, today=TODAY) == []
    assert codes(check_value("site-name", "在线赌博游戏", ref=ref, today=TODAY)) == set()


@pytest.mark.parametrize(
    ("edit", "kind", "value", "before", "after"),
    [
        (
            lambda s: s["website_name_rules"]["banned_prefixes_non_national_units"].remove("中国"),
            "site-name",
            "中国好网站",
            {"website.name.national_prefix"},
            set(),
        ),
        (
            lambda s: s["approved_tlds"]["cctld_other"].append(".io"),
            "domain",
            "example.io",
            {"website.domain.tld_not_approved"},
            set(),
        ),
        (
            lambda s: s["sms_verification"].update(mobile_regex=r"^1[3-8]\d{9}$"),
            "mobile",
            "19912345678",
            set(),
            {"person.mobile.format"},
        ),
        (
            lambda s: s["uscc"]["category_pos1_2"].pop("92"),
            "uscc",
            make_uscc(1, category="92"),
            set(),
            {"subject.uscc.category_unknown"},
        ),
    ],
)
def test_operator_edits_change_the_rules(seed, edit, kind, value, before, after):
    edited = copy.deepcopy(seed)
    edit(edited)
    assert codes(check_value(kind, value, ref=load_seed_snapshot(), today=TODAY)) == before
    assert codes(check_value(kind, value, ref=ReferenceSnapshot.from_seed(edited), today=TODAY)) == after


def test_rejection_texts_come_from_the_catalogue(ref):
    assert ref.rejection_text("TYPE_WRONG", "en").startswith("Wrong filing type")
    assert ref.rejection_text("NO_SUCH_CODE") == ""


def test_province_order_caps_are_read_from_the_limits(ref):
    assert sorted(ref.order_caps) == ["14", "36", "41", "42", "43", "46", "61"]
    [shanxi] = ref.order_caps["14"]
    assert (shanxi.max_domains_per_order, shanxi.max_websites_per_order) == (3, None)
    assert shanxi.filing_types == {"FIRST_FILING", "NEW_WEBSITE"}
    assert {cap.applies_when_filed_websites_over for cap in ref.order_caps["36"]} == {7, 15}
    assert dict(ref.websites_per_order) == {"organisation": 10, "individual": 1}


def test_every_free_text_province_cap_has_its_structured_form(seed):
    limits = seed["limits"]
    assert {cap["province"] for cap in limits["province_order_caps"]} == set(limits["province_domain_caps"])
    for cap in limits["province_order_caps"]:
        assert cap["source_text"] == limits["province_domain_caps"][cap["province"]]


@pytest.mark.parametrize(
    ("edit", "before", "after"),
    [
        (
            lambda s: s["limits"]["province_order_caps"].append(
                {"province": "11", "subject": "any", "filing_types": ["FIRST_FILING"], "max_domains_per_order": 1}
            ),
            set(),
            {"order.domains.province_cap"},
        ),
        (
            lambda s: s["limits"]["tencent_websites_per_order"].update(organisation=1),
            set(),
            {"order.websites.too_many"},
        ),
    ],
)
def test_operator_edits_of_the_order_limits_change_the_rules(seed, edit, before, after):
    order = enterprise_order()
    order.websites.append(enterprise_order(1).websites[0])
    edited = copy.deepcopy(seed)
    edit(edited)
    for ref, expected in ((load_seed_snapshot(), before), (ReferenceSnapshot.from_seed(edited), after)):
        assert {f.code for f in validate_order(order, ref, today=TODAY) if f.field == "websites"} == expected
