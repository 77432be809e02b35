"""The rule registry: stable, well-formed codes, sources and catalogue references; docs in sync."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from beian.rules import RULES
from beian.rules.docs import rules_markdown
from beian.rules.reference import SEED_PATH

TESTS = Path(__file__).parent
MATERIAL_TESTS = Path(__file__).resolve().parents[2] / "materials" / "tests"
DOCS = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
SEED = json.loads(SEED_PATH.read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.code)
def test_rule_is_well_formed(rule):
    assert re.fullmatch(r"[a-z]+(\.[a-z_]+)+", rule.code)
    assert rule.message_zh and rule.message_en and rule.fix_zh and rule.fix_en
    assert rule.confidence in SEED["confidence_levels"]
    assert rule.section == "product" or re.fullmatch(r"§\d+(\.\d+)?", rule.section)
    assert placeholders(rule.message_zh) == placeholders(rule.message_en)
    assert placeholders(rule.fix_zh) == placeholders(rule.fix_en)
    for _name, text in rule.variants:
        assert text.message_zh and text.message_en and text.fix_zh and text.fix_en
        assert placeholders(text.message_zh) == placeholders(text.message_en)
        assert placeholders(text.fix_zh) == placeholders(text.fix_en)


@pytest.mark.parametrize("rule", [r for r in RULES.values() if r.prevents], ids=lambda r: r.code)
def test_prevented_rejection_reason_is_in_the_catalogue(rule):
    assert rule.prevents in {reason["code"] for reason in SEED["rejection_reasons"]}


def test_every_rule_is_exercised_by_a_test():
    # the material.* rules are exercised by the tests of the checks that raise them
    tests = [*TESTS.glob("test_*.py"), *MATERIAL_TESTS.glob("test_*.py")]
    sources = "\n".join(path.read_text(encoding="utf-8") for path in tests if path.name != "test_registry.py")
    untested = [code for code in RULES if f'"{code}"' not in sources]
    assert untested == []


def test_generated_docs_are_up_to_date(ref):
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(ref), "run: python -m beian.rules docs > docs/rules.md"


def test_docs_list_every_rule_with_its_rejection_text(ref):
    markdown = rules_markdown(ref)
    assert all(f"`{code}`" in markdown for code in RULES)
    assert "`TYPE_WRONG` 备案类型错误" in markdown
