"""On the website step, "Same as the subject's principal" sits under each website principal's heading:
a plain submit button (no JavaScript) that copies the subject principal's name, certificate, mobile,
emergency phone and email, kept sealed at rest. After a return it fills only the returned fields."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.db import connection

from beian.applicant.tests.test_pages import step_url
from beian.core.crypto import is_sealed
from beian.filings import fields
from beian.filings.models import Order, Person

pytestmark = pytest.mark.django_db

COPIED = ("name", "certificate_type", "certificate_number", "mobile", "emergency_phone", "email")


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _as_shown(order) -> dict:
    """The website step's form as the browser posts it back untouched (what is saved stays)."""
    data: dict[str, str | list[str]] = {}
    for path in fields.website_group_paths(0):
        value = fields.get_value(order, path)
        name = f"f-{fields.BY_PATH[path].form_name}"
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            data[name] = [v["item"] if isinstance(v, dict) else v for v in value]
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = "" if value is None else str(value)
    return data


def _copy(web, order, index=0):
    data = {**_as_shown(order), "website_action": f"same_principal:{index}"}
    return web.post(step_url(order, "website"), data, follow=True).content.decode()


def _sealed_columns(person_pk: int) -> list:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT certificate_number, mobile, emergency_phone, email FROM filings_person WHERE id = %s", [person_pk]
        )
        return list(cursor.fetchone())


def test_the_button_sits_under_the_website_principal_heading(web, orders):
    html = web.get(step_url(orders.draft(), "website")).content.decode()
    heading = html.index("Website principal (does the face verification")
    button = html.index('id="same-principal-0"')
    assert heading < button < html.index('name="f-website__principal__name"')
    assert "Same as the subject&#x27;s principal" in html or "Same as the subject's principal" in html


def test_it_copies_every_contact_of_the_subject_principal_and_keeps_them_sealed(web, orders):
    order = orders.draft()
    website = fields.websites_of(order)[0].principal
    Person.objects.filter(pk=website.pk).update(name="", email="")
    html = _copy(web, order)
    assert "The website principal was filled in from the subject principal." in html
    fresh = Order.objects.get(pk=order.pk)
    subject, website = fresh.subject.principal, fields.websites_of(fresh)[0].principal
    for name in COPIED:
        assert getattr(website, name) == getattr(subject, name), name
    assert f'value="{subject.mobile}"' in html  # the form shows what was filled in
    assert all(is_sealed(value) for value in _sealed_columns(website.pk))  # encrypted at rest


def test_after_a_return_only_the_returned_field_is_filled(web, orders):
    order = orders.returned(fields=("websites[0].principal.mobile",), reason_code="PHONE_NOT_LOCAL")
    principal = fields.websites_of(order)[0].principal
    assert principal.pk != order.subject.principal.pk
    principal.mobile, principal.email = "13700137111", "webmaster@example.net"
    principal.save(update_fields=["mobile", "email"])
    before = Person.objects.get(pk=principal.pk)
    html = web.get(step_url(order, "website")).content.decode()
    assert 'id="same-principal-0"' in html
    _copy(web, order)
    fresh = Order.objects.get(pk=order.pk)
    website = fields.websites_of(fresh)[0].principal
    assert website.mobile == fresh.subject.principal.mobile != before.mobile
    assert website.emergency_phone == before.emergency_phone and website.email == before.email  # not returned


def test_with_no_subject_principal_yet_nothing_is_emptied(web, orders):
    order = orders.draft()
    Person.objects.filter(pk=order.subject.principal.pk).update(name="")
    before = fields.websites_of(order)[0].principal
    html = _copy(web, order)
    assert "Fill in the subject principal first" in html
    after = fields.websites_of(Order.objects.get(pk=order.pk))[0].principal
    assert (after.name, after.mobile) == (before.name, before.mobile)


def test_a_returned_order_without_a_returned_principal_field_shows_no_button(web, orders):
    order = orders.returned(fields=("websites[0].name",))
    html = web.get(step_url(order, "website")).content.decode()
    assert not re.search(r'id="same-principal-\d"', html)
