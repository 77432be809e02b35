"""The records in the Django admin: listed, searched by number and domain, filtered; never changed
there (records change only through the regulator's outcomes)."""

from __future__ import annotations

import pytest
from django.test import Client

from beian.accounts.models import User
from beian.filings.models import FiledDomain, RecordEvent, SubjectFiling, WebsiteFiling
from tests.records import add_website_filing

IDN = "xn--fsq092h.xn--fiqs8s"  # 示例.中国


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(User.objects.create_superuser(username="root", password="pw-root", email="r@example.com"))
    return client


def test_records_are_listed_and_found_by_number_and_domain(orders, admin_client):
    order = orders.approved()
    record = SubjectFiling.objects.get()
    add_website_filing(record, domain=IDN, order=order)
    listing = admin_client.get("/admin/filings/subjectfiling/").content.decode()
    assert record.filing_number in listing
    found = admin_client.get("/admin/filings/websitefiling/", {"q": f"{record.filing_number}-2"}).content.decode()
    assert f"{record.filing_number}-2" in found and f"{record.filing_number}-1<" not in found
    by_u_label = admin_client.get("/admin/filings/websitefiling/", {"q": "示例.中国"}).content.decode()
    assert f"{record.filing_number}-2" in by_u_label and "示例.中国" in by_u_label
    assert f"{record.filing_number}-1<" not in by_u_label
    by_domain = admin_client.get("/admin/filings/subjectfiling/", {"q": order.website.domain}).content.decode()
    assert record.filing_number in by_domain
    filtered = admin_client.get("/admin/filings/subjectfiling/", {"province": "31"}).content.decode()
    assert record.filing_number not in filtered
    assert admin_client.get("/admin/filings/recordevent/").status_code == 200


def test_records_cannot_be_added_changed_or_deleted_there(orders, admin_client):
    orders.approved()
    record = SubjectFiling.objects.get()
    website = WebsiteFiling.objects.get()
    assert admin_client.get("/admin/filings/subjectfiling/add/").status_code == 403
    assert admin_client.get("/admin/filings/websitefiling/add/").status_code == 403
    page = admin_client.get(f"/admin/filings/websitefiling/{website.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    admin_client.post(
        f"/admin/filings/subjectfiling/{record.pk}/change/", {"name": "改掉的名字", "status": "cancelled"}
    )
    record.refresh_from_db()
    assert record.name != "改掉的名字" and record.status == "active"
    assert admin_client.post(f"/admin/filings/subjectfiling/{record.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.post(f"/admin/filings/websitefiling/{website.pk}/delete/", {"post": "yes"}).status_code == 403
    event = RecordEvent.objects.first()
    assert admin_client.post(f"/admin/filings/recordevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert SubjectFiling.objects.exists() and FiledDomain.objects.exists() and RecordEvent.objects.exists()
