"""Website names (§5.5) and finance words (§5.6)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from beian.rules import EngineSettings, check_value
from beian.rules.tests.builders import ENTERPRISE, INDIVIDUAL, TODAY
from beian.rules.tests.conftest import codes, pairs

GOVERNMENT = 2


@pytest.mark.parametrize(
    ("nature", "value"),
    [
        (ENTERPRISE, "示例科技产品介绍"),
        (INDIVIDUAL, "张三的学习笔记"),
        (None, "某某摄影作品集"),
        (ENTERPRISE, "ABC示例科技"),
    ],
)
def test_good_names(check, nature, value):
    assert check("site-name", value, nature=nature) == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("12345678", "website.name.pure_digits"),
        ("abcdef", "website.name.pure_latin"),
        ("My Blog", "website.name.pure_latin"),
        ("example.com", "website.name.is_domain"),
        ("例子.公司", "website.name.is_domain"),
        ("好网站", None),
        ("好网", "website.name.too_few_chinese"),
        ("ABC科技", "website.name.too_few_chinese"),
        ("示例科技★官网", "website.name.special_symbols"),
        ("示例科技-产品", "website.name.special_symbols"),
    ],
)
def test_name_shape(check, value, code):
    findings = check("site-name", value)
    assert pairs(findings) == ({(code, "site-name")} if code else set())
    assert all(f.rejection_reason == "SITE_NAME_INVALID" for f in findings)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("中国好网站", "website.name.national_prefix"),  # rules §5.5: enterprise rejected
        ("中华美食大全", "website.name.national_prefix"),
        ("全国示例联盟", "website.name.national_prefix"),
        ("示例反腐举报中心", "website.name.state_function_word"),
        ("消费维权之家", "website.name.public_interest_word"),
        ("在线赌博游戏", "website.name.sensitive_word"),
    ],
)
def test_banned_words_are_errors_for_an_enterprise(check, value, code):
    findings = [f for f in check("site-name", value, nature=ENTERPRISE) if f.is_error]
    assert pairs(findings) == {(code, "site-name")}
    assert findings[0].rejection_reason == "SITE_NAME_BANNED_WORD"


def test_word_in_two_lists_is_reported_once(check):
    assert codes(check("site-name", "示例反腐教育网", nature=ENTERPRISE)) == {"website.name.state_function_word"}


def test_national_units_configured_by_the_operator_get_a_proof_warning(ref):
    national = replace(ref, settings=EngineSettings(national_unit_natures=frozenset({GOVERNMENT})))
    findings = check_value("site-name", "中华人民共和国示例部", ref=national, today=TODAY, nature=GOVERNMENT)
    assert pairs(findings) == {("website.name.reserved_word_needs_proof", "site-name")}
    assert findings[0].params["words"] == "中华、人民"


@pytest.mark.parametrize(
    ("nature", "value", "code"),
    [
        (ENTERPRISE, "全球第一示例科技", "website.name.exaggeration"),
        (INDIVIDUAL, "张三的技术博客", "website.name.personal_restricted_word"),
        (INDIVIDUAL, "张三的网络工作室", "website.name.personal_restricted_word"),
        (ENTERPRISE, "示例科技交流论坛", "website.name.interactive_word"),
        (ENTERPRISE, "示例理财服务", "website.name.finance_keyword"),
        (ENTERPRISE, "示例P2P信息", "website.name.finance_keyword"),
    ],
)
def test_warning_words(check, nature, value, code):
    findings = check("site-name", value, nature=nature)
    assert pairs(findings) == {(code, "site-name")}
    assert findings[0].severity.value == "warning"


def test_personal_restricted_words_are_not_applied_to_organisations(check):
    assert check("site-name", "示例科技工作室", nature=ENTERPRISE) == []


def test_exaggeration_rule_is_marked_unverified(check):
    [finding] = check("site-name", "全球第一示例科技", nature=ENTERPRISE)
    assert finding.source == "rules §5.5 [unverified]"
