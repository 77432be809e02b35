"""The rule catalogue for readers: each rule's message and fix in the reader's language with the
{placeholders} shown as readable words ("the characters found", "the limit") instead of raw names,
and the rule areas under translated headings."""

from __future__ import annotations

import re
from itertools import groupby

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from beian.rules.registry import RULES, Rule

AREAS = {
    "input": _("Any field"),
    "order": _("The order"),
    "subject": _("Subject"),
    "person": _("Principals"),
    "phone": _("Phone numbers"),
    "website": _("Websites and domains"),
    "material": _("Materials"),
    "change": _("Changes"),
    "cancel": _("Cancellations"),
    "footer": _("Footer filing number"),
    "psb": _("Public-security filing"),
    "monitor": _("After approval"),
}

# what each {placeholder} of the copy stands for, in words
PLACEHOLDERS = {
    "_stem": _("the field"),
    "actual_name": _("the name found"),
    "address_province": _("the address's province"),
    "age": _("the age"),
    "allowed": _("the accepted formats"),
    "birth": _("the birth date"),
    "category": _("the category characters"),
    "category_name": _("the category"),
    "certificate_name": _("the certificate"),
    "certificate_type": _("the certificate type"),
    "chars": _("the characters found"),
    "check": _("the check"),
    "clipped": _("the share of clipped pixels"),
    "code": _("the code"),
    "code_province": _("the code's province"),
    "content": _("the service content"),
    "count": _("the number listed"),
    "dark_clipped": _("the share of black pixels"),
    "days": _("the days left"),
    "detail": _("the details"),
    "detected": _("what was detected"),
    "division": _("the division code"),
    "document": _("the document"),
    "domain": _("the domain"),
    "entered": _("what you entered"),
    "error": _("the error"),
    "example": _("an example"),
    "expected": _("the expected value"),
    "expected_name": _("the expected filing type"),
    "expires_on": _("the expiry date"),
    "extra_bytes": _("the number of extra bytes"),
    "faces": _("the number of faces"),
    "filed": _("the number filed"),
    "filing_type": _("the filing type"),
    "format": _("the file format"),
    "height": _("the height"),
    "highlight_level": _("the brightest grey level"),
    "host": _("the address"),
    "id_province": _("the ID's province"),
    "ink": _("the ink measured"),
    "item": _("the item"),
    "items": _("the items"),
    "k": _("the number"),
    "key": _("the key"),
    "label": _("the material"),
    "language": _("the language"),
    "length": _("the length"),
    "limit": _("the limit"),
    "link": _("the required link"),
    "listed": _("what was found"),
    "location": _("the place"),
    "main_domain": _("the main domain"),
    "max": _("the maximum"),
    "max_pixels": _("the maximum pixels"),
    "max_shadow_level": _("the highest allowed grey level"),
    "measured": _("the value measured"),
    "min": _("the minimum"),
    "min_age": _("the minimum age"),
    "min_days": _("the required days"),
    "min_highlight_level": _("the lowest allowed grey level"),
    "min_ink": _("the minimum ink"),
    "min_sharpness": _("the minimum sharpness"),
    "min_short_side_px": _("the minimum short side"),
    "months": _("the months required"),
    "nature": _("the subject nature"),
    "nature_name": _("the subject nature"),
    "none_option": _("the “none of these” option"),
    "number": _("the number"),
    "other": _("the other number"),
    "placeholders": _("the placeholders"),
    "prefix": _("the prefix"),
    "prefixes": _("the usual prefixes"),
    "province": _("the province"),
    "province_name": _("the filing province"),
    "read": _("the text read"),
    "reason": _("the reason"),
    "recorded": _("the recorded value"),
    "reference": _("the other order"),
    "registrant": _("the registrant"),
    "role": _("the principal"),
    "self": _("the confidence"),
    "shadow_level": _("the darkest grey level"),
    "sharpness": _("the sharpness"),
    "short_side_px": _("the short side"),
    "shown": _("what is shown"),
    "size": _("the size"),
    "subject_kind": _("the subject type"),
    "subject_name": _("the subject's name"),
    "suffix": _("the suffix"),
    "symbols": _("the symbols found"),
    "sync_days": _("the sync days"),
    "target": _("the filed record"),
    "threshold": _("the threshold"),
    "title": _("the title"),
    "url": _("the link"),
    "valid_until": _("the expiry date"),
    "wanted": _("what is wanted"),
    "what": _("the item"),
    "where": _("the place"),
    "why": _("the reason"),
    "width": _("the width"),
    "words": _("the words found"),
}
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z_0-9]*)(?:[.:][^}]*)?\}")


def readable(copy: str) -> SafeString:
    """`copy` with each {placeholder} shown as a word in the reader's language, marked <var>."""
    out, last = [], 0
    for match in _PLACEHOLDER.finditer(copy):
        out.append(escape(copy[last : match.start()]))
        word = PLACEHOLDERS.get(match.group(1), _("a value"))
        out.append(format_html("<var>{}</var>", word))
        last = match.end()
    out.append(escape(copy[last:]))
    return mark_safe("".join(out))  # every part escaped above


def area_title(area: str) -> str:
    return str(AREAS.get(area, area))


def rule_entries(language: str, rules: list[Rule] | None = None) -> list[dict]:
    """The rules grouped by area, each with its copy in `language`."""
    english = language.startswith("en")
    order = list(AREAS)
    rules = sorted(
        rules if rules is not None else RULES.values(),
        key=lambda r: (order.index(r.area) if r.area in AREAS else len(order), r.area, r.code),
    )
    areas = []
    for area, group in groupby(rules, key=lambda r: r.area):
        areas.append(
            {
                "area": area,
                "title": area_title(area),
                "rules": [
                    {
                        "code": r.code,
                        "severity": r.severity.value,
                        "message": readable(r.message_en if english else r.message_zh),
                        "fix": readable(r.fix_en if english else r.fix_zh),
                        "source": r.source,
                        "prevents": r.prevents,
                    }
                    for r in group
                ],
            }
        )
    return areas
