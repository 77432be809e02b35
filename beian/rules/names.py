"""Character rules for the names of persons and organisations (Unicode classes, not facts)."""

from __future__ import annotations

import unicodedata

from beian.rules.context import Context
from beian.rules.findings import Finding
from beian.rules.registry import (
    ORG_NAME_CHARACTERS,
    ORG_NAME_NO_CHINESE,
    PERSON_NAME_CHARACTERS,
    PERSON_NAME_MIXED_SCRIPTS,
)
from beian.rules.text import HAN, normalise

# Separators of transliterated names (阿依古丽·买买提), as typed by common input methods.
_NAME_SEPARATORS = frozenset("·・•‧")
_LATIN_NAME_PUNCTUATION = frozenset(" .'-")
_ORG_NAME_PUNCTUATION = frozenset(" ()·-&.,、'")


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def _is_han(char: str) -> bool:
    return HAN.fullmatch(char) is not None


def _shown(chars: list[str]) -> str:
    return " ".join(dict.fromkeys(chars))


def check_person_name(value: str, field: str, ctx: Context) -> list[Finding]:
    """Chinese names in Han characters (with · separators) or Latin names as on a passport."""
    name = normalise(value)
    bad = [
        c
        for c in name
        if not (_is_han(c) or _is_latin_letter(c) or c in _NAME_SEPARATORS or c in _LATIN_NAME_PUNCTUATION)
    ]
    if bad:
        return [PERSON_NAME_CHARACTERS.at(field, chars=_shown(bad))]
    if any(map(_is_han, name)) and any(map(_is_latin_letter, name)):
        return [PERSON_NAME_MIXED_SCRIPTS.at(field)]
    return []


def check_org_name(value: str, field: str, ctx: Context) -> list[Finding]:
    """Organisation names: letters, digits, brackets and a little punctuation; Chinese expected."""
    name = normalise(value)
    bad = [c for c in name if not (c.isalnum() or c in _ORG_NAME_PUNCTUATION or c in _NAME_SEPARATORS)]
    if bad:
        return [ORG_NAME_CHARACTERS.at(field, chars=_shown(bad))]
    if not HAN.search(name):
        return [ORG_NAME_NO_CHINESE.at(field)]
    return []
