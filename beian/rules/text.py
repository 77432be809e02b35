"""Text helpers shared by the validators: normalisation and character classes (Unicode, not facts)."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_NUMBER_SEPARATORS = str.maketrans("", "", " -")
_SPACES = re.compile(r"\s+")


def invisible_characters(text: str) -> list[str]:
    """Control, format, private-use and unassigned characters (ordinary spaces are fine)."""
    if text.isprintable():
        return []
    return [c for c in text if unicodedata.category(c) in _INVISIBLE]


def codepoints(chars: list[str], limit: int = 3) -> str:
    """'U+0000, U+200B' for the first few distinct characters."""
    return ", ".join(f"U+{ord(c):04X}" for c in list(dict.fromkeys(chars))[:limit])


def normalise(text: str) -> str:
    """NFKC (full-width letters, digits and spaces to ASCII), trimmed, inner spaces collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def compact_number(text: str) -> str:
    """A certificate or phone number without spaces and hyphens, upper-cased."""
    return unicodedata.normalize("NFKC", text).translate(_NUMBER_SEPARATORS).upper()


def han_count(text: str) -> int:
    return len(HAN.findall(text))


def comparable_name(text: str) -> str:
    """Names compared for identity: NFKC, no spaces, case-folded (（）and () become equal)."""
    return unicodedata.normalize("NFKC", text).replace(" ", "").casefold()


def bigrams(text: str) -> set[str]:
    letters = [c for c in comparable_name(text) if c.isalnum()]
    return {a + b for a, b in pairwise(letters)}
