"""Filing numbers: <ICP abbreviation>ICP备<year><6-digit serial>号 and -<n> per website (rules §7).

Serials come from a per-province, per-year counter taken under a row lock, so concurrent
approvals never share a number; website suffixes come from the subject's sequence and are
never reused after cancellation.
"""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction

from beian.core.exceptions import ValidationFailed
from beian.filings.models import FilingNumberCounter, SubjectFiling
from beian.reference.snapshot import setting


def format_subject_number(icp_abbr: str, year: int, serial: int) -> str:
    return f"{icp_abbr}ICP备{year}{serial:06d}号"


def format_website_number(subject_number: str, sequence: int) -> str:
    return f"{subject_number}-{sequence}"


def parse(number: str, pattern: str) -> re.Match | None:
    """Match a number against the reference data's regex (filing_number_formats)."""
    return re.match(pattern, number or "")


def next_serial(province: str, year: int) -> int:
    with transaction.atomic():
        try:
            with transaction.atomic():
                FilingNumberCounter.objects.get_or_create(province=province, year=year)
        except IntegrityError:
            pass  # another approval created it first
        counter = FilingNumberCounter.objects.select_for_update().get(province=province, year=year)
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        return counter.last_serial


def issue_subject_number(*, province: str, icp_abbr: str, year: int) -> str:
    return format_subject_number(icp_abbr, year, next_serial(province, year))


def issue_website_sequence(subject_filing: SubjectFiling) -> int:
    locked = SubjectFiling.objects.select_for_update().get(pk=subject_filing.pk)
    locked.website_sequence += 1
    locked.save(update_fields=["website_sequence"])
    subject_filing.website_sequence = locked.website_sequence
    return locked.website_sequence


# Short names the regulator also uses for a province (rules §7.2): accepted when recorded, never generated.
ICP_ABBR_ALIASES = {"51": ("川",), "52": ("贵",), "53": ("云",), "62": ("甘",)}


def recorded_number_error(number: str, *, province: str, icp_abbr: str) -> str:
    """Why a number typed from the regulator's decision is unusable for this province; "" when fine.

    Accepts the subject number (京ICP备2026000001号) or a website number (…号-3)."""
    from django.utils.translation import gettext as _

    formats = setting("filing_number_formats", {}) or {}
    match = parse(number, formats.get("subject_number_regex", r"^$")) or parse(
        number, formats.get("website_number_regex", r"^$")
    )
    if match is None or ((match.lastindex or 0) >= 4 and match.group(4)):
        return _("Not a website filing number: use the form 京ICP备2026000001号 (or …号-1 for the website).")
    if match.group(1) not in (icp_abbr, *ICP_ABBR_ALIASES.get(province, ())):
        return _("The number starts with %(got)s but the subject is filed in %(abbr)s.") % {
            "got": match.group(1),
            "abbr": icp_abbr,
        }
    return ""


def split_recorded_number(number: str) -> tuple[str, int | None]:
    """(subject number, website sequence or None) of a well-formed recorded number."""
    match = re.fullmatch(r"(.+号)(?:-(\d{1,4}))?", number)
    if match is None:
        return number, None
    return match.group(1), int(match.group(2)) if match.group(2) else None


def reserve_website_sequence(subject_filing: SubjectFiling, sequence: int) -> None:
    """Make the next issued website number of `subject_filing` end in -`sequence` (the regulator's
    choice, recorded by an operator). A sequence already issued is refused: suffixes are never reused."""
    from django.utils.translation import gettext as _

    locked = SubjectFiling.objects.select_for_update().get(pk=subject_filing.pk)
    if sequence <= locked.website_sequence:
        raise ValidationFailed(
            _("Website number -%(n)s was already issued under this subject.") % {"n": sequence},
            code="number.sequence_used",
            field="subject_number",
        )
    locked.website_sequence = sequence - 1
    locked.save(update_fields=["website_sequence"])
    subject_filing.website_sequence = locked.website_sequence
