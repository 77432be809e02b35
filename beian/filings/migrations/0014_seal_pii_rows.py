"""Seal the PII written in the clear before 0013: order snapshots (OrderVersion.data), principals'
emails and subjects' office phones. The fields read a plain value as it is and seal it when saved,
so each row is read and written back once.

Afterwards the old plaintext may linger where the database keeps superseded rows until it reuses
the space: run VACUUM on SQLite (VACUUM FULL on filings_orderversion, filings_person and
filings_subject on PostgreSQL) once after the upgrade (README, "Upgrading")."""

from django.db import migrations

BATCH = 500


def _seal(model, fields: list[str]) -> None:
    rows = []
    for row in model.objects.only("pk", *fields).iterator(chunk_size=BATCH):
        rows.append(row)
        if len(rows) == BATCH:
            model.objects.bulk_update(rows, fields)
            rows = []
    if rows:
        model.objects.bulk_update(rows, fields)


def seal(apps, schema_editor):
    _seal(apps.get_model("filings", "OrderVersion"), ["data"])
    _seal(apps.get_model("filings", "Person"), ["email"])
    _seal(apps.get_model("filings", "Subject"), ["office_phone"])


class Migration(migrations.Migration):
    dependencies = [("filings", "0013_seal_pii_fields")]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop, elidable=True)]
