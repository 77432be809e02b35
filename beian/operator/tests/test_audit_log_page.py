"""Operators read the audit log: filtered by action, actor, account and period, exported as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

from beian.core import audit
from beian.core.models import AuditEvent


def event(action, *, actor=None, organisation_id=None, at=None, data=None):
    created = audit.record(
        action=action,
        actor=actor,
        target_type="filings.order",
        target_id=7,
        organisation_id=organisation_id,
        data=data or {},
    )
    if at is not None:
        created.at = at
        created.save(_allow_update=True)
    return created


def rows(html) -> int:
    return html.count("<code>")


def test_operators_filter_the_audit_log(client, operator, reviewer, organisation):
    event("pii.revealed", actor=reviewer, organisation_id=organisation.pk, data={"field": "subject.principal.mobile"})
    event("material.viewed", actor=reviewer, organisation_id=organisation.pk, data={"slot": "owner_id_front"})
    event("order.transition", organisation_id=organisation.pk + 1, at=dt.datetime(2020, 1, 2, 12, tzinfo=dt.UTC))
    client.force_login(operator)
    client.cookies["django_language"] = "en"

    everything = client.get("/operator/audit/").content.decode()
    assert rows(everything) == 3 and "subject.principal.mobile" in everything

    assert rows(client.get("/operator/audit/", {"action": "pii."}).content.decode()) == 1
    assert rows(client.get("/operator/audit/", {"action": "material.viewed"}).content.decode()) == 1
    assert rows(client.get("/operator/audit/", {"actor": "review"}).content.decode()) == 2
    assert rows(client.get("/operator/audit/", {"organisation": organisation.pk}).content.decode()) == 2
    old = client.get("/operator/audit/", {"from": "2020-01-01", "to": "2020-01-31"}).content.decode()
    assert rows(old) == 1 and "order.transition" in old

    bad = client.get("/operator/audit/", {"from": "yesterday"}, follow=True).content.decode()
    assert "Enter dates as YYYY-MM-DD" in bad


def test_the_export_is_a_csv_of_what_the_filters_match_and_is_itself_audited(client, operator, reviewer):
    event("pii.revealed", actor=reviewer, data={"field": "subject.certificate_number"})
    event("order.transition")
    client.force_login(operator)
    response = client.get("/operator/audit/", {"action": "pii.", "format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][:4] == ["at", "actor", "organisation", "action"]
    assert [row[3] for row in table[1:]] == ["pii.revealed"] and table[1][1] == "reviewer"
    assert "subject.certificate_number" in table[1][6]
    assert AuditEvent.objects.get(action="audit.exported").actor == operator


def test_reviewers_and_applicants_cannot_read_the_audit_log(client, reviewer, applicant):
    for user in (reviewer, applicant):
        client.force_login(user)
        assert client.get("/operator/audit/").status_code == 403
        assert client.get("/operator/audit/", {"format": "csv"}).status_code == 403
