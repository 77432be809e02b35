from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("filings", "0007_records_from_approved_orders")]

    operations = [migrations.RemoveField(model_name="subject", name="website_sequence")]
