"""Seal what materials held in the clear before 0003: the OCR details (check_details: lines read off
ID cards and signed forms), the uploaded file's name and the uploaded files themselves (ID cards, licences, signed forms),
which the sealed default storage (beian.core.storage) now encrypts on save. A plain file is written
again sealed under a new name, the row pointed at it, and the plain file deleted.

Run VACUUM afterwards (see filings 0014) so no superseded plaintext row lingers."""

from django.db import migrations

BATCH = 200


def seal(apps, schema_editor):
    from django.core.files.storage import default_storage

    from beian.core.storage import seal_file

    sealing = hasattr(default_storage, "is_sealed")  # the sealed storage is configured (settings.STORAGES)
    Material = apps.get_model("materials", "Material")
    rows = []
    for material in Material.objects.only("pk", "file", "check_details", "original_name").iterator(chunk_size=BATCH):
        if sealing and material.file.name and default_storage.exists(material.file.name):
            material.file.name = seal_file(default_storage, material.file.name)
        rows.append(material)
        if len(rows) == BATCH:
            Material.objects.bulk_update(rows, ["file", "check_details", "original_name"])
            rows = []
    if rows:
        Material.objects.bulk_update(rows, ["file", "check_details", "original_name"])


class Migration(migrations.Migration):
    dependencies = [("materials", "0003_seal_material_pii_fields")]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop, elidable=True)]
