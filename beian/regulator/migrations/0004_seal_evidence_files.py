"""Seal the regulator decision evidence files (screenshots of the regulator's system: they show the
principals' data) stored in the clear before the default storage sealed files (beian.core.storage)."""

from django.db import migrations


def seal(apps, schema_editor):
    from django.core.files.storage import default_storage

    from beian.core.storage import seal_file

    if not hasattr(default_storage, "is_sealed"):
        return
    RegulatorCase = apps.get_model("regulator", "RegulatorCase")
    for case in RegulatorCase.objects.exclude(evidence="").only("pk", "evidence").iterator():
        if default_storage.exists(case.evidence.name):
            name = seal_file(default_storage, case.evidence.name)
            if name != case.evidence.name:
                RegulatorCase.objects.filter(pk=case.pk).update(evidence=name)


class Migration(migrations.Migration):
    dependencies = [("regulator", "0003_case_summary_of_record_orders")]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop, elidable=True)]
