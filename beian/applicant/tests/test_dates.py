"""Date inputs render ISO dates (what <input type="date"> accepts), so saving a step unchanged keeps them."""

import datetime as dt
import re

from django.test import Client

from tests.factories import valid_order


def _subject_step(applicant, hosted_site):
    order = valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )
    client = Client()
    client.force_login(applicant)
    return order, client, f"/apply/orders/{order.pk}/step/subject/"


def _form_values(page: str) -> dict:
    """What a browser would post back: every enabled input, select and textarea of the step form."""
    values: dict = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or "disabled" in tag or not name.group(1).startswith("f-"):
            continue
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if kind and kind.group(1) == "checkbox":
            if "checked" in tag:
                values.setdefault(name.group(1), []).append(value.group(1) if value else "on")
        elif kind and kind.group(1) == "date":
            # the HTML value sanitisation algorithm: a date input whose value is not a valid
            # YYYY-MM-DD date string shows nothing and submits ""
            raw = value.group(1) if value else ""
            values[name.group(1)] = raw if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else ""
        else:
            values[name.group(1)] = value.group(1) if value else ""
    for name, body in re.findall(r'<select[^>]*name="(f-[^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        values[name] = chosen.group(1) if chosen else ""
    return values


def test_date_inputs_render_iso_dates(applicant, hosted_site):
    _order, client, url = _subject_step(applicant, hosted_site)
    page = client.get(url).content.decode()
    tag = re.search(r'<input[^>]*name="f-subject__principal__certificate_valid_until"[^>]*>', page).group(0)
    assert 'type="date"' in tag
    assert 'value="2036-01-01"' in tag


def test_saving_the_subject_step_unchanged_keeps_the_validity_date(applicant, hosted_site):
    order, client, url = _subject_step(applicant, hosted_site)
    values = _form_values(client.get(url).content.decode())
    client.post(url, values)
    order.subject.principal.refresh_from_db()
    assert order.subject.principal.certificate_valid_until == dt.date(2036, 1, 1)
