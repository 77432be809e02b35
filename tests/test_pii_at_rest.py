"""Every copy of PII sealed: a whole order journey, then the database (the SQLite image read raw, or
`pg_dump` on PostgreSQL), the var directory (uploaded materials under PRIVATE_MEDIA_ROOT) and the
logs are searched for the principals' ID numbers, mobiles, emergency phones and emails, and for the
users' emails."""

from __future__ import annotations

import logging
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from beian.accounts.models import User, users_with_email
from beian.core.crypto import is_sealed
from beian.demo.orders import BEIJING, enterprise_values
from beian.filings import services
from beian.filings.models import OrderVersion, Person, Subject
from beian.filings.precheck import order_precheck
from beian.materials.models import Material
from beian.materials.services import material_annotated_png, material_upload, verification_form_pdf
from beian.monitor import services as monitor
from beian.monitor.tests.test_monitor import Registry
from beian.webhooks.models import WebhookEvent
from beian.webhooks.services import endpoint_create
from tests.builders import OrderBuilder
from tests.migrating import LATEST, migrate_to

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
        f"{found_in}: {key} ({needle!r})" for needle, key in wanted.items() if blob.count(needle) > before.count(needle)
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
    organisation, applicant, reviewer, operator, hosted_site, platform, caplog, mailoutbox
):

    caplog.set_level(logging.DEBUG)
    _where, before = database_image()
    endpoint_create(platform=platform, url="http://127.0.0.1:9/hooks", actor=operator)
    orders = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer)

    # first filing: submitted, returned, resubmitted (two snapshots), approved, pushed, SMS answered, filed
    order = orders.returned(overrides=WEBSITE_PRINCIPAL, acknowledge_warnings=True, slots=["business_licence"])
    licence = Material.objects.get(order=order, slot="business_licence")
    with licence.file.open("rb") as fh:  # uploaded again under a name people give their files
        named = SimpleUploadedFile(f"营业执照-{WEBSITE_PRINCIPAL['websites[0].principal.mobile']}.jpg", fh.read())
    material_upload(order=order, slot="business_licence", upload=named, user=applicant)
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
    # the users' emails were there before the journey (sealed when the accounts were made): none at all
    user_emails = needles({f"{u.username}'s email": u.email for u in (applicant, reviewer, operator)})
    found += hits(image, where, user_emails)
    files = var_files()
    uploads = [p for p in files if p.is_relative_to(settings.PRIVATE_MEDIA_ROOT)]
    assert len(uploads) >= Material.objects.filter(order=order).count() > 0, "materials are stored under var/"
    # ID cards, licences, the signed form: no image or PDF in the clear (their text is pixels)
    assert [p.name for p in uploads if not is_sealed(p.read_bytes())] == []
    for path in files:
        found += hits(path.read_bytes(), str(path.relative_to(settings.VAR_DIR)), {**wanted, **user_emails})
    logged = "\n".join(r.getMessage() + repr(r.args) for r in caplog.records).encode()
    found += hits(logged, "logs", {**wanted, **user_emails})
    # emails are not kept, but the development backend prints them to the log
    assert mailoutbox, "the journey notified the applicant by email"
    sent = [(m.subject, m.body, *m.to, *(str(a[0]) for a in getattr(m, "alternatives", []))) for m in mailoutbox]
    found += hits("\n".join(map(str, sent)).encode(), "emails", wanted)
    holding = {**seeded_values(), **{f"{u.username}'s email": u.email for u in (applicant, reviewer, operator)}}
    assert found == [], "\n".join(found + columns_holding(holding))


# --- a database written before the PII was sealed --------------------------------------------------

BEFORE_SEALING = [
    ("accounts", "0007_verbose_names"),
    ("filings", "0012_service_codes"),
    ("materials", "0002_per_website"),
    ("regulator", "0003_case_summary_of_record_orders"),
]


def _raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT CAST({column} AS TEXT) FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_upgrading_seals_snapshots_emails_office_phones_ocr_details_and_files_written_in_the_clear():
    import datetime as dt

    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage, default_storage

    at = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    old = migrate_to(BEFORE_SEALING)
    org = old.get_model("accounts", "Organisation").objects.create(name="北京示例科技有限公司")
    user = old.get_model("accounts", "User").objects.create(username="old-applicant", email="Old.Applicant@example.com")
    no_email = old.get_model("accounts", "User").objects.create(username="no-email", email="")
    person = old.get_model("filings", "Person").objects.create(organisation=org, email="zhangsan@example.com")
    subject = old.get_model("filings", "Subject").objects.create(
        organisation=org, name="北京示例科技有限公司", office_phone="010-62345678", principal=person
    )
    website = old.get_model("filings", "Website").objects.create(
        organisation=org, subject=subject, domain="old-shop.cn", principal=person
    )
    order = old.get_model("filings", "Order").objects.create(
        organisation=org,
        subject=subject,
        website=website,
        created_at=at,
        status_changed_at=at,
        last_customer_action_at=at,
    )
    snapshot = {"subject.principal.mobile": "13800138000", "subject.principal.certificate_type": 1, "x": None}
    version = old.get_model("filings", "OrderVersion").objects.create(order=order, number=1, at=at, data=snapshot)
    photo = b"\xff\xd8\xff\xe0 an ID card photo as it was stored before"
    plain_name = FileSystemStorage(location=default_storage.location).save("orders/old/id.jpg", ContentFile(photo))
    details = {"ocr_lines": [{"text": "电话 13800138000", "box": [1, 2, 3, 4]}]}
    material = old.get_model("materials", "Material").objects.create(
        organisation=org,
        order=order,
        slot="owner_id_front",
        file=plain_name,
        original_name="张三身份证11010519491231002X.jpg",
        content_type="image/jpeg",
        size=len(photo),
        sha256="0" * 64,
        uploaded_at=at,
        check_details=details,
    )
    assert "13800138000" in _raw("filings_orderversion", "data", version.pk)  # written the old way
    assert _raw("accounts_user", "email", user.pk) == "Old.Applicant@example.com"

    migrate_to(LATEST)

    for table, column, pk in (
        ("accounts_user", "email", user.pk),
        ("filings_orderversion", "data", version.pk),
        ("filings_person", "email", person.pk),
        ("filings_subject", "office_phone", subject.pk),
        ("materials_material", "check_details", material.pk),
        ("materials_material", "original_name", material.pk),
    ):
        assert is_sealed(_raw(table, column, pk)), f"{table}.{column}"
    assert OrderVersion.objects.get(pk=version.pk).data == snapshot  # types kept: 1 and None
    assert Person.objects.get(pk=person.pk).email == "zhangsan@example.com"
    # the user is found by their address again (password reset, provisioning), the one without none
    assert list(users_with_email(User.objects.all(), "old.applicant@example.com")) == [User.objects.get(pk=user.pk)]
    assert User.objects.get(pk=no_email.pk).email == "" and _raw("accounts_user", "email", no_email.pk) is None
    assert Subject.objects.get(pk=subject.pk).office_phone == "010-62345678"
    sealed = Material.objects.get(pk=material.pk)
    assert sealed.check_details == details and sealed.original_name == "张三身份证11010519491231002X.jpg"
    assert sealed.file.name != plain_name and not default_storage.exists(plain_name)  # the plain file is gone
    assert is_sealed(Path(default_storage.path(sealed.file.name)).read_bytes())
    with sealed.file.open("rb") as fh:
        assert fh.read() == photo
