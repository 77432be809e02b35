"""Helpers for tests that read the standing filing records: more websites under a filed subject
and records of another tenant, written as rows (the regulator's approval of several websites per
order, or of a second tenant's orders, is built by other tests; here only reading is tested)."""

from __future__ import annotations

from beian.core import clock
from beian.filings.models import AccessRecord, FiledDomain, RecordEvent, SubjectFiling, WebsiteFiling


def add_website_filing(subject_filing: SubjectFiling, *, domain: str, order=None, provider_name: str = ""):
    """One more website `-n` under `subject_filing` with `domain` (an A-label), accessed through us
    (or through `provider_name`), and the RecordEvent naming `order`."""
    now = clock.now()
    sequence = subject_filing.website_sequence + 1
    SubjectFiling.objects.filter(pk=subject_filing.pk).update(website_sequence=sequence)
    subject_filing.website_sequence = sequence
    first = WebsiteFiling.objects.filter(subject_filing=subject_filing).order_by("sequence")[0]
    website = WebsiteFiling.objects.create(
        subject_filing=subject_filing,
        website=first.website,
        sequence=sequence,
        filing_number=f"{subject_filing.filing_number}-{sequence}",
        name=f"网站{sequence}",
        filed_at=now,
        updated_at=now,
    )
    FiledDomain.objects.create(website_filing=website, domain=domain, added_at=now)
    AccessRecord.objects.create(
        website_filing=website, is_ours=not provider_name, provider_name=provider_name, since=now
    )
    RecordEvent.objects.create(
        subject_filing=subject_filing,
        website_filing=website,
        order=order,
        at=now,
        action="website_filed",
        data={"number": website.filing_number, "domains": [domain]},
    )
    return website


def subject_filing_for(order, *, number: str) -> SubjectFiling:
    """A subject record of `order`'s tenant built from the order's rows (as the regulator's
    approval would), with its first website."""
    now = clock.now()
    subject = order.subject
    record = SubjectFiling.objects.create(
        organisation_id=order.organisation_id,
        subject=subject,
        province=subject.province,
        nature=subject.nature,
        certificate_type=subject.certificate_type,
        certificate_number_index=f"other-{order.pk}",
        name=subject.name,
        filing_number=number,
        website_sequence=1,
        filed_at=now,
        updated_at=now,
    )
    website = WebsiteFiling.objects.create(
        subject_filing=record,
        website=order.website,
        sequence=1,
        filing_number=f"{number}-1",
        name=order.website.name,
        filed_at=now,
        updated_at=now,
    )
    FiledDomain.objects.create(website_filing=website, domain=order.website.domain, added_at=now)
    AccessRecord.objects.create(website_filing=website, is_ours=True, since=now)
    return record
