"""Which changes become webhook events, what they say (and never say), and that an event exists
exactly when its change committed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import transaction

from beian.accounts.models import Organisation, Platform
from beian.core import clock
from beian.demo.orders import BEIJING
from beian.filings import services as order_services
from beian.filings import states
from beian.filings.models import WebsiteFiling
from beian.hosting import entries
from beian.hosting.models import GateEntry, SiteDomain
from beian.webhooks import events, payloads
from beian.webhooks.models import WebhookDelivery, WebhookEvent
from beian.webhooks.services import endpoint_create, events_publish

PII = (
    BEIJING.person,
    BEIJING.id_number,
    BEIJING.mobile,
    BEIJING.emergency_phone,
    BEIJING.email,
    BEIJING.certificate_address,
    BEIJING.mailing_address,
    BEIJING.office_phone,
    BEIJING.uscc,
)


def of_type(event_type: str) -> list[dict]:
    return [e.payload["data"] for e in WebhookEvent.objects.filter(type=event_type).order_by("pk")]


def types() -> list[str]:
    return list(WebhookEvent.objects.order_by("pk").values_list("type", flat=True))


def assert_no_pii() -> None:
    every = json.dumps([e.payload for e in WebhookEvent.objects.all()], ensure_ascii=False)
    for value in PII:
        assert value not in every


def test_a_return_names_the_returned_fields_and_the_reviewers_note(orders, platform, reviewer):
    order = orders.claimed()
    order_services.order_return_fields(
        order=order,
        reviewer=reviewer,
        returns=[
            {"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "网站名称需与主办单位相关"},
            {"field": "materials.business_licence", "reason_code": "SITE_NAME_NOT_RELATED", "note": ""},
        ],
    )
    assert types() == [events.ORDER_STATUS_CHANGED, events.ORDER_STATUS_CHANGED, events.ORDER_RETURNED]
    (returned,) = of_type(events.ORDER_RETURNED)
    assert returned["order"]["id"] == order.pk and returned["order"]["status"] == states.PROVIDER_NEEDS_CHANGES
    assert returned["returned_fields"] == [
        {"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "网站名称需与主办单位相关"},
        {"field": "materials.business_licence", "reason_code": "SITE_NAME_NOT_RELATED", "note": ""},
    ]
    assert returned["account"] == {"id": order.organisation_id, "external_id": "acct-1"}
    assert {e.ordering_key for e in WebhookEvent.objects.all()} == {f"order:{order.pk}"}
    assert_no_pii()


def test_a_filed_order_says_its_numbers_and_its_records_changed(orders, platform):
    order = orders.approved()
    listed = types()
    assert events.ORDER_SMS_VERIFICATION_WAITING in listed
    assert listed.index(events.ORDER_SMS_VERIFICATION_WAITING) < listed.index(events.ORDER_FILED)
    (waiting,) = of_type(events.ORDER_SMS_VERIFICATION_WAITING)
    assert set(waiting["sms_verification"]["roles"]) == {"subject_principal", "website_principal"}
    assert waiting["sms_verification"]["deadline"]
    (filed,) = of_type(events.ORDER_FILED)
    record = WebsiteFiling.objects.get()
    assert filed["filing"]["subject_number"] == order.subject.filing_number
    assert filed["filing"]["websites"] == [{"number": record.filing_number, "domain": "demo-shop.cn"}]
    changed = of_type(events.RECORD_CHANGED)
    assert [c["action"] for c in changed] == ["subject_filed", "website_filed", "access_added"][: len(changed)]
    website_filed = next(c for c in changed if c["action"] == "website_filed")
    assert website_filed["website_filing"] == {"id": record.pk, "number": record.filing_number}
    assert website_filed["domains"] == ["demo-shop.cn"] and website_filed["order_id"] == order.pk
    assert {e.ordering_key for e in WebhookEvent.objects.filter(type=events.RECORD_CHANGED)} == {
        f"record:{record.subject_filing_id}"
    }
    assert_no_pii()


def test_a_cancelled_website_is_a_record_cancelled_event(orders, platform):
    orders.approved()
    cancel = orders.against_record("CANCEL_WEBSITE").approved(acknowledge_warnings=True)
    (cancelled,) = of_type(events.RECORD_CANCELLED)
    assert cancelled["action"] == "website_cancelled" and cancelled["order_id"] == cancel.pk
    assert cancelled["domains"] == ["demo-shop.cn"] and cancelled["reason_code"]
    assert_no_pii()


def test_an_account_of_no_platform_has_no_events(orders):
    orders.returned()
    assert not WebhookEvent.objects.exists()


def test_an_endpoint_gets_only_the_types_it_subscribed_to_and_another_platform_nothing(orders, platform, operator):
    everything, _secret = endpoint_create(platform=platform, url="http://127.0.0.1:9/all", actor=operator)
    returns_only, _secret = endpoint_create(
        platform=platform, url="http://127.0.0.1:9/returns", event_types=[events.ORDER_RETURNED], actor=operator
    )
    other = Platform.objects.create(name="另一个平台", slug="other")
    elsewhere, _secret = endpoint_create(platform=other, url="http://127.0.0.1:9/other", actor=operator)
    orders.returned()
    assert WebhookDelivery.objects.filter(endpoint=everything).count() == 3
    assert list(WebhookDelivery.objects.filter(endpoint=returns_only).values_list("event__type", flat=True)) == [
        events.ORDER_RETURNED
    ]
    assert not WebhookDelivery.objects.filter(endpoint=elsewhere).exists()


def test_a_domain_going_live_is_one_gate_event_whatever_addresses_answer_for_it(
    orders, platform, hosted_site, django_capture_on_commit_callbacks
):
    SiteDomain.objects.create(site=hosted_site, domain="www.demo-shop.cn")
    with django_capture_on_commit_callbacks(execute=True):
        order = orders.regulator_review()
    with django_capture_on_commit_callbacks(execute=True):
        orders.decide(order, approve=True)
    hosts = set(GateEntry.objects.filter(domain="demo-shop.cn").values_list("host", flat=True))
    assert hosts == {"demo-shop.cn", "www.demo-shop.cn", "demo-shop.localhost"}
    decisions = of_type(events.GATE_DECISION_CHANGED)
    assert [(d["domain"], d["previous_access"], d["access"]) for d in decisions] == [
        ("demo-shop.cn", None, "maintenance"),
        ("demo-shop.cn", "maintenance", "serve"),
    ]
    assert decisions[-1]["filing_number"] == WebsiteFiling.objects.get().filing_number
    assert decisions[-1]["site_id"] == hosted_site.pk
    assert {e.ordering_key for e in WebhookEvent.objects.filter(type=events.GATE_DECISION_CHANGED)} == {
        "domain:demo-shop.cn"
    }


def test_a_gate_decision_recomputed_on_read_is_announced_too(orders, platform, hosted_site):
    entries.refresh(site_ids=[hosted_site.pk])  # block: not filed
    orders.submitted()  # the entries are marked stale; no after-commit refresh in this test
    entry = entries.entry_for_host("demo-shop.cn")
    assert entry.access == "maintenance"
    assert [(d["previous_access"], d["access"]) for d in of_type(events.GATE_DECISION_CHANGED)] == [
        (None, "block"),
        ("block", "maintenance"),
    ]


def test_a_risk_the_monitor_finds_is_a_risk_found_event(orders, platform):
    from beian.monitor.tests.test_monitor import DEMO_SHOP_EXPIRES, move_to, run

    orders.approved()
    move_to(DEMO_SHOP_EXPIRES - dt.timedelta(days=20))
    assert run().opened == 1
    (found,) = of_type(events.RISK_FOUND)
    record = WebsiteFiling.objects.get()
    assert found["risk"]["code"] == "monitor.domain.expires_soon"
    assert found["risk"]["concerns"] == "demo-shop.cn" and found["risk"]["rectify_by"] == "2028-06-30"
    assert found["website_filing"] == {"id": record.pk, "number": record.filing_number}
    assert run().opened == 0 and len(of_type(events.RISK_FOUND)) == 1  # confirmed again: no new event
    assert_no_pii()


def test_no_event_survives_a_change_that_was_rolled_back(orders, platform):
    draft = orders.complete_draft()
    with pytest.raises(RuntimeError), transaction.atomic():
        order_services.order_submit(order=draft, user=orders.user)
        assert WebhookEvent.objects.count() == 1  # written with the change, in its transaction
        raise RuntimeError("the process dies before the commit")
    assert not WebhookEvent.objects.exists()


def test_an_event_is_written_once_per_source(platform, organisation):
    built = [(events.ORDER_STATUS_CHANGED, "order:1", {"order": {"id": 1}})]
    first = events_publish(platform_id=platform.pk, organisation_id=organisation.pk, built=built, source="x:1")
    again = events_publish(platform_id=platform.pk, organisation_id=organisation.pk, built=built, source="x:1")
    assert len(first) == 1 and again == []
    assert WebhookEvent.objects.count() == 1


def test_a_failure_to_write_an_event_never_undoes_the_change(orders, platform, monkeypatch):
    def broken(event):
        raise ValueError("a bug in a payload")

    monkeypatch.setattr(payloads, "order_event", broken)
    order = orders.submitted()
    assert order.status == states.PENDING_PROVIDER_REVIEW
    assert not WebhookEvent.objects.exists()


def test_events_carry_the_time_of_the_change_in_business_time(orders, platform):
    when = clock.advance(days=3)
    orders.submitted()
    (changed,) = of_type(events.ORDER_STATUS_CHANGED)
    at = dt.datetime.fromisoformat(changed["at"])
    assert abs((at - when).total_seconds()) < 60


def test_an_organisation_provisioned_later_by_a_platform_gets_events_from_then_on(orders, organisation):
    order = orders.submitted()
    assert not WebhookEvent.objects.exists()
    platform = Platform.objects.create(name="平台", slug="later")
    Organisation.objects.filter(pk=organisation.pk).update(platform=platform)
    order_services.order_withdraw(order=order, user=orders.user)
    assert types() == [events.ORDER_STATUS_CHANGED]
