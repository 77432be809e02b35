from django.db import migrations, models

# Asked for each website: its principal's documents, its domain certificate, its verification form.
PER_WEBSITE_SLOTS = ("owner_id_front", "owner_id_back", "owner_photo", "domain_certificate", "verification_form")


def mark_per_website(apps, schema_editor):
    apps.get_model("materials", "MaterialRequirement").objects.filter(slot__in=PER_WEBSITE_SLOTS).update(
        per_website=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="materialrequirement",
            name="per_website",
            field=models.BooleanField(
                default=False,
                help_text="Asked for each website of the order (e.g. the website principal's ID, the domain certificate).",
                verbose_name="one per website",
            ),
        ),
        migrations.RunPython(mark_per_website, migrations.RunPython.noop),
    ]
