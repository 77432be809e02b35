"""Seal the users' emails written in the clear before 0008 and fill their blind index (the field reads
a plain value as it is and seals it when saved, so each row is read and written back once).

Afterwards the old plaintext may linger where the database keeps superseded rows until it reuses the
space: run VACUUM on SQLite (VACUUM FULL on accounts_user on PostgreSQL) once after the upgrade
(README, "Upgrading")."""

from django.db import migrations

from beian.core.crypto import blind_index

BATCH = 500
EMAIL_INDEX_PURPOSE = "email"  # beian.accounts.models.EMAIL_INDEX_PURPOSE when this was written


def seal(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    rows = []
    for row in User.objects.only("pk", "email").iterator(chunk_size=BATCH):
        row.email_index = blind_index(row.email or "", purpose=EMAIL_INDEX_PURPOSE)
        rows.append(row)
        if len(rows) == BATCH:
            User.objects.bulk_update(rows, ["email", "email_index"])
            rows = []
    if rows:
        User.objects.bulk_update(rows, ["email", "email_index"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0008_user_email_sealed")]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop, elidable=True)]
