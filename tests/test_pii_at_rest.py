"""Every copy of PII sealed: a whole order journey, then the database (the SQLite image read raw, or
`pg_dump` on PostgreSQL), the var directory (uploaded materials under PRIVATE_MEDIA_ROOT) and the
logs are searched for the principals' ID numbers, mobiles, emergency phones and emails."""

from __future__ import annotations

import logging
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from beian.core.crypto import is_sealed
from beian.filings import services
from beian.filings.precheck import order_precheck
from beian.materials.models import Material
from beian.materials.services import material_annotated_png, verification_form_pdf
from beian.demo.orders import BEIJING, enterprise_values
from tests.builders import OrderBuilder

# The website principal is the same person as the subject principal (the sample ID card's), reached on
# a mobile, an emergency phone and an email of their own: both sets of contact values are seeded.
WEBSITE_PRINCIPAL = {
    "websites[0].principal.mobile": "13700137111",
    "websites[0].principal.emergency_phone": "13600136222",
    "websites[0].principal.email": "lisi.webmaster@example.net",
}
SUBJECT_PRINCIPAL_KEYS = ("certificate_number", "mobile", "emergency_phone", "email")


def seeded_values() -> dict[str, str]:
    values = enterprise_values(BEIJING)
    seeded = {f"subject.principal.{k}": values[f"subject.principal.{k}"] for k in SUBJECT_PRINCIPAL_KEYS}
    seeded.update(WEBSITE_PRINCIPAL)
    seeded["subject.office_phone"] = values["subject.office_phone"]
    return seeded


def needles(seeded: dict[str, str]) -> dict[bytes, str]:
    """Each value as bytes in the forms a copy would take: as typed, digits (and X) only, lower and
    upper case. Masked forms (138****8000) contain none of them."""
    out: dict[bytes, str] = {}
    for key, value in seeded.items():
        forms = {value, value.lower(), value.upper()}
        if "@" not in value:
            forms.add(re.sub(r"[^0-9Xx]", "", value))
        for form in forms:
            out[form.encode()] = key
            out[form.encode("utf-16-le")] = key
    return out


def hits(blob: bytes, found_in: str, wanted: dict[bytes, str], before: bytes = b"") -> list[str]:
    """The values `blob` holds more often than `before` did (the reference data holds the national
    standard's example ID number, which the sample ID card carries too)."""
    return [
        f"{found_in}: {key} ({needle!r})"
        for needle, key in wanted.items()
        if blob.count(needle) > before.count(needle)
    ]


def database_image() -> tuple[str, bytes]:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return "sqlite image", connection.connection.serialize()
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    command = ["pg_dump", "--no-owner", "-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432)]
    command += ["-U", db.get("USER") or "postgres", db["NAME"]]
    return "pg_dump", subprocess.run(command, capture_output=True, check=True, env=env).stdout


def columns_holding(seeded: dict[str, str]) -> list[str]:
    """Which table.column holds which value (to say where a hit of the raw image comes from)."""
    out = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                for key, value in seeded.items():
                    name = connection.ops.quote_name(column.name)
                    sql = f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} WHERE CAST({name} AS TEXT) LIKE %s"
                    cursor.execute(sql, [f"%{value}%"])
                    if count := cursor.fetchone()[0]:
                        out.append(f"{table}.{column.name}: {key} x{count}")
    return out


def var_files() -> list[Path]:
    return [p for p in Path(settings.VAR_DIR).rglob("*") if p.is_file()]


@pytest.mark.django_db(transaction=True)
def test_a_whole_journey_leaves_no_id_number_phone_or_email_at_rest_or_in_the_logs(
    organisation, applicant, reviewer, operator, hosted_site, platform, caplog
):
    from beian.monitor import services as monitor
    from beian.monitor.tests.test_monitor import Registry
    from beian.webhooks.models import WebhookEvent
    from beian.webhooks.services import endpoint_create

    caplog.set_level(logging.DEBUG)
    _where, before = database_image()
    endpoint_create(platform=platform, url="http://127.0.0.1:9/hooks", actor=operator)
    orders = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer)

    # first filing: submitted, returned, resubmitted (two snapshots), approved, pushed, SMS answered, filed
    order = orders.returned(overrides=WEBSITE_PRINCIPAL, acknowledge_warnings=True)
    services.order_update(order=order, user=applicant, values={"websites[0].name": "北京示例科技公司官网"})
    warnings = order_precheck(order).warning_codes
    services.order_submit(order=order, user=applicant, acknowledged_warnings=warnings)
    reviewer_client, applicant_client = Client(), Client()
    reviewer_client.force_login(reviewer)
    applicant_client.force_login(applicant)
    assert reviewer_client.get(reverse("review:order", args=[order.pk])).status_code == 200  # the diff
    services.order_claim(order=order, reviewer=reviewer)
    services.order_review_approve(order=order, reviewer=reviewer)
    order = orders.decide(orders.answer_sms(orders.push(order)), approve=True)
    assert order.status == "APPROVED" and order.versions.count() == 2
    monitor.monitor_run_report(tools=monitor.Tools(registry=Registry()), everything=True)

    # the screens that read the copies: reviewer console (diff of the versions), applicant pages, materials
    assert applicant_client.get(reverse("applicant:order", args=[order.pk])).status_code == 200
    form = Material.objects.filter(order=order, slot__startswith="verification_form").first()
    assert form is not None and form.check_details, "the signed form was OCR'd"
    photo = Material.objects.filter(order=order, content_type="image/jpeg").exclude(pk=form.pk).first()
    assert material_annotated_png(photo) is not None
    assert verification_form_pdf(order).startswith(b"%PDF")
    assert WebhookEvent.objects.exists()

    wanted = needles(seeded_values())
    found: list[str] = []
    where, image = database_image()
    found += hits(image, where, wanted, before)
    files = var_files()
    uploads = [p for p in files if p.is_relative_to(settings.PRIVATE_MEDIA_ROOT)]
    assert len(uploads) >= Material.objects.filter(order=order).count() > 0, "materials are stored under var/"
    # ID cards, licences, the signed form: no image or PDF in the clear (their text is pixels)
    assert [p.name for p in uploads if not is_sealed(p.read_bytes())] == []
    for path in files:
        found += hits(path.read_bytes(), str(path.relative_to(settings.VAR_DIR)), wanted)
    logged = "\n".join(r.getMessage() + repr(r.args) for r in caplog.records).encode()
    found += hits(logged, "logs", wanted)
    assert found == [], "\n".join(found + columns_holding(seeded_values()))
