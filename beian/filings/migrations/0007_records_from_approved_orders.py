"""Data: every approved order becomes standing records (its own migration: PostgreSQL refuses schema
changes in the transaction that wrote the rows)."""

import idna
from django.db import migrations


def _wire(domain):
    text = (domain or "").strip().lower().rstrip(".").removeprefix("www.")
    if not text:
        return ""
    try:
        return idna.encode(text, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return text


def records_from_approved_orders(apps, schema_editor):
    """Every approved order becomes standing records (one subject filing per filed subject, one
    website filing per filed website, its domain and our access record); every order learns the
    website rows it applies for and the subject record it targets."""
    Order = apps.get_model("filings", "Order")
    Website = apps.get_model("filings", "Website")
    SubjectFiling = apps.get_model("filings", "SubjectFiling")
    WebsiteFiling = apps.get_model("filings", "WebsiteFiling")
    FiledDomain = apps.get_model("filings", "FiledDomain")
    AccessRecord = apps.get_model("filings", "AccessRecord")
    RecordEvent = apps.get_model("filings", "RecordEvent")
    for order in Order.objects.order_by("pk").iterator():
        Website.objects.filter(pk=order.website_id, order__isnull=True).update(order_id=order.pk)
    subject_records = {}
    approved = (
        Order.objects.filter(status="APPROVED").select_related("subject", "website").order_by("status_changed_at", "pk")
    )
    for order in approved:
        subject, website = order.subject, order.website
        if not subject.filing_number or not website.filing_number:
            continue
        record = subject_records.get(subject.pk)
        if record is None:
            record = SubjectFiling.objects.filter(filing_number=subject.filing_number).first()
        if record is None:
            at = subject.filed_at or order.status_changed_at
            record = SubjectFiling.objects.create(
                organisation_id=subject.organisation_id,
                subject_id=subject.pk,
                province=subject.province,
                nature=subject.nature,
                certificate_type=subject.certificate_type,
                certificate_number_index=subject.certificate_number_index,
                name=subject.name,
                filing_number=subject.filing_number,
                website_sequence=subject.website_sequence,
                filed_at=at,
                updated_at=at,
            )
            RecordEvent.objects.create(
                subject_filing=record,
                order_id=order.pk,
                at=at,
                action="subject_filed",
                actor_label="migration",
                data={"number": record.filing_number, "migrated": True},
            )
        subject_records[subject.pk] = record
        Order.objects.filter(pk=order.pk).update(subject_filing=record)
        if WebsiteFiling.objects.filter(filing_number=website.filing_number).exists():
            continue
        at = website.filed_at or order.status_changed_at
        site_record = WebsiteFiling.objects.create(
            subject_filing=record,
            website_id=website.pk,
            sequence=website.sequence or 1,
            filing_number=website.filing_number,
            name=website.name,
            filed_at=at,
            updated_at=at,
        )
        Website.objects.filter(pk=website.pk).update(website_filing=site_record)
        domain = _wire(website.domain)
        if domain and not FiledDomain.objects.filter(domain=domain, removed_at__isnull=True).exists():
            FiledDomain.objects.create(website_filing=site_record, domain=domain, added_at=at)
        AccessRecord.objects.create(
            website_filing=site_record, is_ours=True, hosted_site_id=website.hosted_site_id, since=at
        )
        RecordEvent.objects.create(
            subject_filing=record,
            website_filing=site_record,
            order_id=order.pk,
            at=at,
            action="website_filed",
            actor_label="migration",
            data={"number": website.filing_number, "domains": [domain], "migrated": True},
        )
    for subject_pk, record in subject_records.items():
        Order.objects.filter(subject_id=subject_pk, subject_filing__isnull=True).exclude(
            filing_type="FIRST_FILING"
        ).update(subject_filing=record)


class Migration(migrations.Migration):
    dependencies = [("filings", "0006_standing_records")]

    operations = [migrations.RunPython(records_from_approved_orders, migrations.RunPython.noop)]
