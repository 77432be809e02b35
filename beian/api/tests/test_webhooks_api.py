"""The platform's webhooks API (`/api/v1/platform/webhooks`, scope `webhooks`): endpoints with their secret
shown once, rotation, a test event to a real receiver that checks the signature, the delivery log paged by
cursor and filtered, replay; a platform sees only its own."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from beian.accounts.models import Platform
from beian.accounts.tokens import platform_token_issue
from beian.api.models import IdempotencyRecord
from beian.core import clock
from beian.core.models import AuditEvent
from beian.webhooks.models import WebhookEndpoint
from beian.webhooks.services import deliveries_process_due, endpoint_create

BASE = "/api/v1/platform/webhooks"


@pytest.fixture
def api(platform_client):
    return platform_client(scopes=["webhooks"])


def post(client, path, body=None, **headers):
    return client.post(f"{BASE}{path}", json.dumps(body or {}), content_type="application/json", **headers)


def patch(client, path, body):
    return client.patch(f"{BASE}{path}", json.dumps(body), content_type="application/json")


def test_a_token_without_the_webhooks_scope_is_refused(platform_client):
    answer = platform_client(scopes=["provisioning"]).get(f"{BASE}/endpoints")
    assert answer.status_code == 403 and answer.json()["code"] == "token.scope_missing"


def test_a_platform_registers_an_endpoint_and_sees_its_secret_once(api, receiver):
    answer = post(api, "/endpoints", {"url": receiver.url, "description": "主站", "event_types": ["order.filed"]})
    assert answer.status_code == 201, answer.content
    created = answer.json()
    assert created["secret"].startswith("whsec_") and created["event_types"] == ["order.filed"]
    assert created["secrets"] == [
        {
            "prefix": created["secret"][:10],
            "created_at": created["secrets"][0]["created_at"],
            "expires_at": None,
            "signing": True,
        }
    ]
    listed = api.get(f"{BASE}/endpoints").json()
    assert [e["id"] for e in listed] == [created["id"]]
    assert (
        created["secret"] not in json.dumps(listed)
        and created["secret"] not in api.get(f"{BASE}/endpoints/{created['id']}").content.decode()
    )
    audit = AuditEvent.objects.get(action="webhooks.endpoint_create")
    assert audit.actor_label.startswith("platform sitebuilder") and created["secret"] not in json.dumps(audit.data)


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"url": "not a url"}, "webhook.url", "url"),
        ({"url": "ftp://example.com/hook"}, "webhook.url", "url"),
        ({"url": "https://user:pw@example.com/hook"}, "webhook.url_credentials", "url"),
        ({"url": "https://example.com/hook", "event_types": ["order.created"]}, "webhook.event_type", "event_types"),
    ],
)
def test_a_bad_endpoint_is_refused_with_its_field_and_nothing_is_created(api, body, code, field):
    answer = post(api, "/endpoints", body)
    assert answer.status_code == 422 and (answer.json()["code"], answer.json()["field"]) == (code, field)
    assert answer.json()["message"]
    assert not WebhookEndpoint.objects.exists()


def test_outside_development_a_receiver_must_be_https_and_public(api, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = False
    assert post(api, "/endpoints", {"url": "http://example.com/hook"}).json()["code"] == "webhook.url_https"
    assert post(api, "/endpoints", {"url": "https://127.0.0.1/hook"}).json()["code"] == "webhook.url_private"
    assert post(api, "/endpoints", {"url": "https://10.1.2.3/hook"}).json()["code"] == "webhook.url_private"
    assert not WebhookEndpoint.objects.exists()


def test_an_endpoint_is_changed_switched_off_and_deleted(api, receiver):
    created = post(api, "/endpoints", {"url": receiver.url}).json()
    changed = patch(api, f"/endpoints/{created['id']}", {"event_types": ["order.returned"], "is_active": False})
    assert changed.status_code == 200
    assert (changed.json()["event_types"], changed.json()["is_active"]) == (["order.returned"], False)
    assert changed.json()["url"] == receiver.url  # what was not sent stays
    refused = patch(api, f"/endpoints/{created['id']}", {"url": "mailto:x@example.com"})
    assert refused.status_code == 422 and WebhookEndpoint.objects.get().url == receiver.url
    removed = api.delete(f"{BASE}/endpoints/{created['id']}")
    assert removed.status_code == 200 and removed.json() == {"removed": True}
    assert api.get(f"{BASE}/endpoints/{created['id']}").status_code == 404


def test_another_platforms_endpoints_and_deliveries_are_not_found(api, operator, orders, platform):
    other = Platform.objects.create(name="另一个平台", slug="other")
    theirs, _secret = endpoint_create(platform=other, url="http://127.0.0.1:9/theirs", actor=operator)
    _token, key = platform_token_issue(platform=other, name="t", scopes=["webhooks"], actor=operator)
    mine, _secret = endpoint_create(platform=platform, url="http://127.0.0.1:9/mine", actor=operator)
    orders.submitted()
    delivery = mine.deliveries.get()
    assert api.get(f"{BASE}/endpoints/{theirs.pk}").status_code == 404
    assert patch(api, f"/endpoints/{theirs.pk}", {"is_active": False}).status_code == 404
    assert api.delete(f"{BASE}/endpoints/{theirs.pk}").status_code == 404
    assert post(api, f"/endpoints/{theirs.pk}/rotate-secret").status_code == 404
    foreign = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert api.get(f"{BASE}/deliveries/{delivery.pk}", **foreign).status_code == 404
    assert api.get(f"{BASE}/deliveries", **foreign).json()["items"] == []
    assert post(api, f"/deliveries/{delivery.pk}/replay", **foreign).status_code == 404
    WebhookEndpoint.objects.get(pk=theirs.pk)  # untouched


def test_a_test_event_reaches_the_receiver_signed_and_a_rotation_keeps_it_verifying(api, receiver):
    created = post(api, "/endpoints", {"url": receiver.url}).json()
    receiver.know(created["secret"])
    sent = post(api, f"/endpoints/{created['id']}/test")
    assert sent.status_code == 202
    deliveries_process_due()
    (entry,) = receiver.received()
    assert entry["id"] == sent.json()["event_id"] and entry["payload"]["type"] == "webhook.test"

    rotated = post(api, f"/endpoints/{created['id']}/rotate-secret", {"grace_hours": 2})
    assert rotated.status_code == 200
    new = rotated.json()["secret"]
    assert new != created["secret"] and new.startswith("whsec_")
    secrets = api.get(f"{BASE}/endpoints/{created['id']}").json()["secrets"]
    assert [s["signing"] for s in secrets] == [True, True] and secrets[1]["expires_at"]
    post(api, f"/endpoints/{created['id']}/test")
    deliveries_process_due()
    assert receiver.received()[-1]["signature"].count("v1,") == 2  # the receiver still on the old secret verifies
    clock.advance(hours=3)
    secrets = api.get(f"{BASE}/endpoints/{created['id']}").json()["secrets"]
    assert [s["signing"] for s in secrets] == [True, False]
    too_long = post(api, f"/endpoints/{created['id']}/rotate-secret", {"grace_hours": 500})
    assert too_long.status_code == 422
    by_default = post(api, f"/endpoints/{created['id']}/rotate-secret")  # no body: 24 hours
    expires = dt.datetime.fromisoformat(by_default.json()["old_secrets_expire_at"])
    assert abs((expires - clock.now()).total_seconds() - 24 * 3600) < 60


def test_the_delivery_log_pages_by_cursor_filters_and_replays(api, orders, platform, operator, reviewer, receiver):
    from beian.filings import services as order_services

    endpoint, secret = endpoint_create(platform=platform, url=receiver.url, actor=operator)
    receiver.know(secret)
    order = orders.submitted()
    order_services.order_claim(order=order, reviewer=reviewer)
    order_services.order_return_fields(
        order=order,
        reviewer=reviewer,
        returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "改名"}],
    )
    deliveries_process_due()

    first = api.get(f"{BASE}/deliveries?limit=2").json()
    assert [d["event_type"] for d in first["items"]] == ["order.returned", "order.status_changed"]
    assert first["next_cursor"]
    rest = api.get(f"{BASE}/deliveries?limit=2&cursor={first['next_cursor']}").json()
    assert [d["event_type"] for d in rest["items"]] == ["order.status_changed"] and rest["next_cursor"] is None
    assert all(d["status"] == "succeeded" and d["ordering_key"] == f"order:{order.pk}" for d in first["items"])

    returned = api.get(f"{BASE}/deliveries?event_type=order.returned").json()["items"]
    assert len(returned) == 1
    assert api.get(f"{BASE}/deliveries?status=dead").json()["items"] == []
    assert api.get(f"{BASE}/deliveries?order_id={order.pk}&endpoint_id={endpoint.pk}").json()["items"]
    assert api.get(f"{BASE}/deliveries?status=lost").status_code == 422
    assert api.get(f"{BASE}/deliveries?event_type=order.lost").json()["field"] == "event_type"
    assert api.get(f"{BASE}/deliveries?cursor=abc").json()["code"] == "pagination.cursor_invalid"

    detail = api.get(f"{BASE}/deliveries/{returned[0]['id']}").json()
    assert detail["payload"]["data"]["returned_fields"][0]["note"] == "改名"
    assert [a["status_code"] for a in detail["attempt_log"]] == [200] and detail["waiting_behind"] is None

    replayed = post(api, f"/deliveries/{returned[0]['id']}/replay")
    assert replayed.status_code == 202 and replayed.json()["status"] == "pending"
    deliveries_process_due()
    assert [e["id"] for e in receiver.received()].count(returned[0]["event_id"]) == 2
    assert AuditEvent.objects.get(action="webhooks.delivery_replay").actor_label.startswith("platform sitebuilder")


def test_the_event_types_are_listed_with_their_stable_names(api):
    types = [t["type"] for t in api.get(f"{BASE}/event-types").json()]
    assert types == [
        "order.status_changed",
        "order.returned",
        "order.sms_verification_waiting",
        "order.filed",
        "record.changed",
        "record.cancelled",
        "risk.found",
        "gate.decision_changed",
    ]


def test_a_repeated_create_with_the_same_idempotency_key_makes_one_endpoint_and_shows_the_same_secret(api):
    body = {"url": "http://127.0.0.1:9/hooks"}
    first = post(api, "/endpoints", body, HTTP_IDEMPOTENCY_KEY="create-1")
    again = post(api, "/endpoints", body, HTTP_IDEMPOTENCY_KEY="create-1")
    assert first.status_code == again.status_code == 201
    assert again.json()["secret"] == first.json()["secret"]
    assert WebhookEndpoint.objects.count() == 1
    stored = json.dumps(list(IdempotencyRecord.objects.values_list("body", flat=True)))
    assert first.json()["secret"] not in stored  # kept only encrypted, with its endpoint
    other = post(api, "/endpoints", {"url": "http://127.0.0.1:9/other"}, HTTP_IDEMPOTENCY_KEY="create-1")
    assert other.status_code == 422 and other.json()["code"] == "idempotency.key_reused"
