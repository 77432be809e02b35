"""The public-security filing number (§8.2): format, province prefix (psb_abbr, §7.2), division code."""

from __future__ import annotations

import pytest

from beian.rules.psb import check_psb_number, normalise_psb_number, psb_digits
from beian.rules.reference import load_seed_snapshot

REF = load_seed_snapshot()


def province(code: str):
    found = REF.province(code)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("code", "value", "codes"),
    [
        ("11", "京公网安备11010502030143号", []),
        ("11", "京公网安备 11010502030143 号", []),  # spaces around the digits, as footers show them
        ("11", "京公网安备１１０１０５０２０３０１４３号", []),  # full-width digits
        ("33", "浙公网安备33010602011771号", []),
        ("51", "川公网安备51010402000123号", []),  # Sichuan: 川, although its ICP numbers use 蜀
        ("51", "蜀公网安备51010402000123号", ["psb.number.prefix"]),
        ("52", "黔公网安备52010202000123号", ["psb.number.prefix"]),  # Guizhou PSB uses 贵
        ("11", "沪公网安备11010502030143号", ["psb.number.prefix"]),
        ("11", "京公网安备31010502030143号", ["psb.number.division"]),  # Shanghai's division code
        ("11", "京公网安备1101050203014号", ["psb.number.format"]),  # 13 digits
        ("11", "京公网安备110105020301435号", ["psb.number.format"]),  # 15 digits
        ("11", "京ICP备2021012345号", ["psb.number.format"]),
        ("11", "11010502030143", ["psb.number.format"]),
        ("11", "   ", ["input.empty"]),
    ],
)
def test_psb_number(code, value, codes):
    assert [f.code for f in check_psb_number(value, province(code))] == codes


def test_prefix_message_names_the_expected_abbreviation():
    (finding,) = check_psb_number("蜀公网安备51010402000123号", province("51"))
    assert "川公网安备" in finding.message_zh
    assert "Sichuan" in finding.message_en


def test_normalised_form_and_digits():
    assert normalise_psb_number(" 京公网安备 11010502030143 号 ") == "京公网安备11010502030143号"
    assert psb_digits("京公网安备 11010502030143 号") == "11010502030143"
    assert psb_digits("nonsense") == ""
