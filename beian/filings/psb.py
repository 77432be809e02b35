"""The public-security filing (公安联网备案, rules file §8.2) of a filed website.

Within the deadline after approval (`timings.psb_filing_deadline_days` in reference data, 30 by
default) the applicant files the website at the public-security platform and enters the number it
issued. That number is the applicant's own entry about a filed website, not a regulator outcome,
so it is set here (not in records.py): validated by the pure rule (beian.rules.psb), audited,
recorded in the website's history, and announced with `record_changed` after commit so the hosted
footer shows it on the next request.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.accounts.permissions import organisation_of
from beian.core import audit, clock
from beian.core.exceptions import NotFound, ValidationFailed
from beian.filings.models import FiledDomain, RecordEvent, RecordStatus, SubjectFiling, WebsiteFiling
from beian.filings.signals import record_changed
from beian.reference.snapshot import current, setting
from beian.rules.psb import check_psb_number, normalise_psb_number

DEFAULT_DEADLINE_DAYS = 30


def psb_deadline_days() -> int:
    """Days after approval to file at the public-security platform (reference `timings`)."""
    value = (setting("timings", {}) or {}).get("psb_filing_deadline_days")
    try:
        return int(value) if value is not None else DEFAULT_DEADLINE_DAYS
    except (TypeError, ValueError):
        return DEFAULT_DEADLINE_DAYS


def psb_deadline(website_filing: WebsiteFiling, *, days: int | None = None) -> dt.date:
    """The last day to file at the public-security platform: approval (filed_at) + the deadline days."""
    return timezone.localdate(website_filing.filed_at) + dt.timedelta(
        days=psb_deadline_days() if days is None else days
    )


def psb_overdue_since(deadline: dt.date | None, today: dt.date) -> dt.date | None:
    """The first day past the deadline once it has passed with no number entered (None before, or
    without a deadline: a number is entered)."""
    if deadline is None or today <= deadline:
        return None
    return deadline + dt.timedelta(days=1)


def website_filing_for_organisation(organisation, number: str) -> WebsiteFiling:
    """The tenant's active website record with this filing number; NotFound for any other."""
    record = (
        WebsiteFiling.objects.filter(
            filing_number=(number or "").strip(),
            subject_filing__organisation=organisation,
            status=RecordStatus.ACTIVE,
        )
        .select_related("subject_filing")
        .first()
    )
    if record is None:
        raise NotFound(_("No such filed website."), code="filing.not_found")
    return record


def website_filing_set_psb_number(*, website_filing: WebsiteFiling, user, number: str) -> WebsiteFiling:
    """Validate and store the website's 公网安备 number. A bad number raises ValidationFailed with
    the rule's code and changes nothing; another tenant's record is NotFound."""
    organisation = organisation_of(user)
    with transaction.atomic():
        record = (
            WebsiteFiling.objects.select_for_update()
            .select_related("subject_filing")
            .filter(pk=website_filing.pk, status=RecordStatus.ACTIVE)
            .first()
        )
        if record is None or organisation is None or record.subject_filing.organisation_id != organisation.pk:
            raise NotFound(_("No such filed website."), code="filing.not_found")
        province = current().province(record.subject_filing.province)
        if province is None:
            raise ValidationFailed(
                _("The subject's province is unknown."), code="psb.number.province", field="psb_number"
            )
        findings = check_psb_number(number, province)
        if findings:
            first = findings[0]
            english = (get_language() or "").startswith("en")
            raise ValidationFailed(
                first.message_en if english else first.message_zh,
                code=first.code,
                field="psb_number",
                findings=findings,
            )
        normalised = normalise_psb_number(number)
        previous = record.psb_number
        if normalised == previous:
            return record
        now = clock.now()
        record.psb_number, record.psb_number_set_at, record.updated_at = normalised, now, now
        record.save(update_fields=["psb_number", "psb_number_set_at", "updated_at"])
        actor_label = user.get_username()
        RecordEvent.objects.create(
            subject_filing=record.subject_filing,
            website_filing=record,
            order=None,
            at=now,
            action="psb_number_set",
            actor_label=actor_label,
            data={"number": normalised, "previous": previous},
        )
        audit.record(
            action="record.psb_number_set",
            target=record.subject_filing,
            actor=user,
            data={"website_filing": record.pk, "number": normalised, "previous": previous},
        )
        domains = list(
            FiledDomain.objects.filter(website_filing=record, removed_at__isnull=True).values_list("domain", flat=True)
        )
        transaction.on_commit(partial(_announce, record.subject_filing_id, domains))
    return record


def _announce(subject_filing_pk: int, domains: list[str]) -> None:
    record_changed.send(sender=SubjectFiling, subject_filing_pk=subject_filing_pk, order_pk=None, domains=domains)
