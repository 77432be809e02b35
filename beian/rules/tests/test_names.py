"""Names of persons and organisations."""

from __future__ import annotations

import pytest

from beian.rules.tests.conftest import pairs


@pytest.mark.parametrize(
    "value", ["张三", "欧阳娜娜", "阿依古丽·买买提", "John Smith", "Mary-Jane O'Neil", "José Álvarez"]
)
def test_person_names_as_on_certificates(check, value):
    assert check("person-name", value) == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("张3", "person.name.characters"),
        ("张三!", "person.name.characters"),
        ("张三（经理）", "person.name.characters"),
        ("张John", "person.name.mixed_scripts"),
        ("Иван", "person.name.characters"),
    ],
)
def test_person_name_character_rules(check, value, code):
    findings = check("person-name", value)
    assert pairs(findings) == {(code, "person-name")}
    assert findings[0].rejection_reason == "SUBJECT_NAME_MISMATCH"


@pytest.mark.parametrize(
    "value",
    [
        "北京示例科技有限公司",
        "示例（北京）科技有限公司",
        "示例(北京)科技有限公司",
        "上海ABC信息技术有限公司",
        "张三·李四文化工作室",
        "3M中国有限公司",
    ],
)
def test_organisation_names(check, value):
    assert check("org-name", value) == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("示例@科技有限公司", "subject.name.characters"),
        ("示例科技有限公司#1", "subject.name.characters"),
        ("Example Tech Ltd", "subject.name.no_chinese"),
    ],
)
def test_organisation_name_rules(check, value, code):
    assert pairs(check("org-name", value)) == {(code, "org-name")}
