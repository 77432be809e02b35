"""The public-security filing number (公安联网备案号, rules file §8.2): `<psb_abbr>公网安备<14 digits>号`.

The prefix is the subject province's `psb_abbr` (which may differ from its ICP abbreviation, §7.2:
Sichuan 川 / ICP 蜀); the 14 digits start with the 6-digit administrative-division code of the
handling bureau, whose first two digits are the province's GB code. Spaces around the digits (common
in footers) are tolerated and normalised away. Facts come from the snapshot's Province.
"""

from __future__ import annotations

import re
import unicodedata

from beian.rules.findings import Finding
from beian.rules.reference import Province
from beian.rules.registry import EMPTY, PSB_NUMBER_DIVISION, PSB_NUMBER_FORMAT, PSB_NUMBER_PREFIX, Bilingual

MARK = "公网安备"
_PATTERN = re.compile(r"^(?P<prefix>\S+?)" + MARK + r"(?P<digits>\d{14})号$")
EXAMPLE_DIGITS = "01020304050607"


def normalise_psb_number(value: str) -> str:
    """The number as stored and shown: NFKC (full-width digits to ASCII), no spaces at all."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value or ""))


def psb_digits(number: str) -> str:
    """The 14 digits of a (normalised, valid) number; '' otherwise."""
    match = _PATTERN.match(normalise_psb_number(number))
    return match["digits"] if match else ""


def check_psb_number(value: str, province: Province, field: str = "psb_number") -> list[Finding]:
    """Findings for a public-security number entered for a website whose subject is in `province`."""
    number = normalise_psb_number(value)
    if not number:
        return [EMPTY.at(field)]
    match = _PATTERN.match(number)
    if match is None:
        example = f"{province.psb_abbr or province.code}{MARK}{province.code}{EXAMPLE_DIGITS[2:]}号"
        return [PSB_NUMBER_FORMAT.at(field, example=example)]
    name = Bilingual(province.name, province.name_en or province.name)
    if province.psb_abbr and match["prefix"] != province.psb_abbr:
        return [
            PSB_NUMBER_PREFIX.at(
                field,
                params={"prefix": match["prefix"], "expected": province.psb_abbr, "province": province.code},
                prefix=match["prefix"],
                expected=province.psb_abbr,
                province=name,
            )
        ]
    division = match["digits"][:6]
    if not division.startswith(province.code):
        return [
            PSB_NUMBER_DIVISION.at(
                field,
                params={"division": division, "code": province.code},
                division=division,
                code=province.code,
                province=name,
            )
        ]
    return []
