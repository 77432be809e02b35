"""A hosted site's custom footer while the site is filed (rules file §8.1, §8.2) — PURE.

The platform renders the filing footer from the record on every served page: the website filing
number linked to MIIT and, once entered, the public-security number with the emblem (§8.1 "render
the footer automatically from the filing record; block publish of a custom footer that removes
it"). A customer may add a footer of their own, shown above it. This module decides whether that
custom footer is acceptable:

- markup: only text, links and inline emphasis (`html.FOOTER_POLICY`): no CSS, scripts, classes,
  ids or hidden attributes, so nothing in it can reach the filing footer (`footer.custom.markup`);
  links only over http(s), mailto, tel or within the site (`footer.custom.unsafe_link`);
- numbers: an ICP filing number typed in it must be the site's own (`footer.custom.other_number`:
  another subject's number, the subject number without `-n`, a made-up one, or any number while the
  site is not filed), likewise a public-security number (`footer.custom.other_psb_number`);
- links: none to the obsolete MIIT addresses (`footer.custom.obsolete_link`; reference data
  `filing_number_formats.miit_link_obsolete_hosts`);
- length: at most `max_length` characters (`input.too_long`).

The same check runs when the customer saves (refused with these findings) and when a page is
rendered against the number the gate serves now (a footer that no longer fits the record, after a
change of number or an edit made elsewhere, is left out; the filing footer always shows).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from beian.rules.findings import Finding
from beian.rules.html import CONTENT_POLICY, FOOTER_POLICY, sanitise, squeezed_url
from beian.rules.registry import (
    FOOTER_MARKUP,
    FOOTER_OBSOLETE_LINK,
    FOOTER_OTHER_NUMBER,
    FOOTER_OTHER_PSB_NUMBER,
    FOOTER_UNSAFE_LINK,
    TOO_LONG,
    Bilingual,
)

MAX_LENGTH = 2000  # product policy: a footer line or two, with links
FIELD = "custom_footer"

# An ICP filing number as people type it into a footer: spaces tolerated inside, any (or no)
# leading abbreviation, any digit count, so that a malformed or foreign number is found as well.
_ICP = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]?)\s*ICP\s*备\s*(?P<digits>[0-9]+)\s*号"
    r"(?:\s*-\s*(?P<seq>[0-9]{1,4})(?:(?P<letter>[AXK])(?![A-Za-z]))?)?",
    re.IGNORECASE,
)
_PSB = re.compile(r"(?P<prefix>[\u4e00-\u9fff]?)\s*公网安备\s*(?P<digits>[0-9]+)\s*号")


@dataclass(frozen=True)
class FooterFacts:
    """What the check compares the footer with: the numbers the site is served with now."""

    filing_numbers: tuple[str, ...] = ()  # ICP website numbers of its served domains (none: not filed)
    psb_numbers: tuple[str, ...] = ()  # public-security numbers entered for them
    miit_link: str = ""
    obsolete_hosts: tuple[str, ...] = ()  # filing_number_formats.miit_link_obsolete_hosts
    max_length: int = MAX_LENGTH


def footer_facts(
    formats: Mapping[str, Any] | None,
    *,
    filing_numbers: Iterable[str] = (),
    psb_numbers: Iterable[str] = (),
    max_length: int = MAX_LENGTH,
) -> FooterFacts:
    """Facts from the reference setting `filing_number_formats` and the numbers served now."""
    formats = formats or {}
    return FooterFacts(
        filing_numbers=_distinct(_normalise(n) for n in filing_numbers),
        psb_numbers=_distinct(_normalise(n) for n in psb_numbers),
        miit_link=str(formats.get("miit_link") or ""),
        obsolete_hosts=tuple(str(h).lower() for h in formats.get("miit_link_obsolete_hosts") or ()),
        max_length=max_length,
    )


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _normalise(text: str) -> str:
    """As a reader sees the characters: NFKC (full-width letters and digits), no invisible format
    characters (zero-width spaces would otherwise split a number), no spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


def _readable(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def icp_numbers_in(text: str) -> list[str]:
    """Every ICP filing number written in `text`, normalised (`京ICP备2026000001号-1`)."""
    found = []
    for m in _ICP.finditer(_readable(text)):
        number = f"{m['prefix']}ICP备{m['digits']}号"
        if m["seq"]:
            number += f"-{m['seq']}{(m['letter'] or '').upper()}"
        found.append(number)
    return list(dict.fromkeys(found))


def psb_numbers_in(text: str) -> list[str]:
    """Every public-security filing number written in `text`, normalised (`京公网安备11010502030143号`)."""
    return list(dict.fromkeys(f"{m['prefix']}公网安备{m['digits']}号" for m in _PSB.finditer(_readable(text))))


def _obsolete_host(value: str, hosts: tuple[str, ...]) -> str:
    lowered = squeezed_url(value).lower()
    return next((h for h in sorted(hosts, key=len, reverse=True) if h in lowered), "")


def check_custom_footer(markup: str, facts: FooterFacts, field: str = FIELD) -> list[Finding]:
    """Findings that make the custom footer unacceptable while the site is served with `facts`'
    numbers (an empty footer is fine: the filing footer alone)."""
    markup = markup or ""
    if len(markup) > facts.max_length:
        return [TOO_LONG.at(field, length=len(markup), limit=facts.max_length)]
    cleaned = sanitise(markup, FOOTER_POLICY)
    findings: list[Finding] = []
    if cleaned.removed:
        findings.append(
            FOOTER_MARKUP.at(field, params={"items": list(cleaned.removed)}, items=", ".join(cleaned.removed))
        )
    findings += [FOOTER_UNSAFE_LINK.at(field, url=url) for url in cleaned.unsafe_urls]
    for number in icp_numbers_in(cleaned.text):
        if not facts.filing_numbers:
            findings.append(FOOTER_OTHER_NUMBER.at(field, variant="not_filed", number=number))
        elif len(facts.filing_numbers) > 1:
            listed = Bilingual("、".join(facts.filing_numbers), ", ".join(facts.filing_numbers))
            findings.append(
                FOOTER_OTHER_NUMBER.at(
                    field,
                    variant="several_numbers",
                    params={"number": number, "expected": listed.zh},
                    number=number,
                    expected=listed,
                )
            )
        elif facts.filing_numbers != (number,):
            findings.append(FOOTER_OTHER_NUMBER.at(field, number=number, expected=facts.filing_numbers[0]))
    for number in psb_numbers_in(cleaned.text):
        if not facts.psb_numbers:
            findings.append(FOOTER_OTHER_PSB_NUMBER.at(field, variant="none_entered", number=number))
        elif facts.psb_numbers != (number,):
            findings.append(
                FOOTER_OTHER_PSB_NUMBER.at(
                    field,
                    params={"number": number, "expected": "、".join(facts.psb_numbers)},
                    number=number,
                    expected=Bilingual("、".join(facts.psb_numbers), ", ".join(facts.psb_numbers)),
                )
            )
    for host in dict.fromkeys(
        h for h in (_obsolete_host(v, facts.obsolete_hosts) for v in (*cleaned.links, cleaned.text)) if h
    ):
        findings.append(FOOTER_OBSOLETE_LINK.at(field, host=host, link=facts.miit_link))
    return findings


def clean_custom_footer(markup: str) -> str:
    """The custom footer as a page shows it (the footer allow-list; see beian.rules.html)."""
    return sanitise(markup, FOOTER_POLICY).html


def clean_content(markup: str) -> str:
    """A hosted site's content as a page shows it (no CSS, scripts or frames; see beian.rules.html)."""
    return sanitise(markup, CONTENT_POLICY).html
