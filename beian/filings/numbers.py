"""Filing numbers: <ICP abbreviation>ICP备<year><6-digit serial>号 and -<n> per website (rules §7).

Serials come from a per-province, per-year counter taken under a row lock, so concurrent
approvals never share a number; website suffixes come from the subject's sequence and are
never reused after cancellation.
"""
from __future__ import annotations

import re

from django.db import IntegrityError, transaction

from beian.filings.models import FilingNumberCounter, Subject


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


def issue_subject_number(subject: Subject, *, icp_abbr: str, year: int) -> str:
    return format_subject_number(icp_abbr, year, next_serial(subject.province, year))


def issue_website_sequence(subject: Subject) -> int:
    locked = Subject.objects.select_for_update().get(pk=subject.pk)
    locked.website_sequence += 1
    locked.save(update_fields=["website_sequence"])
    subject.website_sequence = locked.website_sequence
    return locked.website_sequence
