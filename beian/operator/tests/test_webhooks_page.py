"""The operators' webhooks page: every platform's endpoints and the delivery log (filtered by
status, event type and platform), a delivery with its attempts and payload, and the replay button
(audited). Operators only."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from beian.accounts.models import Platform
from beian.core.models import AuditEvent
from beian.filings import services as order_services
from beian.webhooks.models import DeliveryStatus, WebhookDelivery
from beian.webhooks.services import deliveries_process_due, endpoint_create

NOBODY_LISTENS = "http://127.0.0.1:9/hooks"  # the discard port: connections are refused


def _client(user, language="en"):
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _failed_and_waiting(orders, platform, operator, reviewer):
    endpoint, _secret = endpoint_create(platform=platform, url=NOBODY_LISTENS, description="主站回调", actor=operator)
    order = orders.submitted()
    order_services.order_claim(order=order, reviewer=reviewer)
    order_services.order_review_approve(order=order, reviewer=reviewer)
    deliveries_process_due()
    head, behind = WebhookDelivery.objects.order_by("event_id")
    return endpoint, head, behind


def test_operators_see_the_endpoints_and_the_delivery_log_and_filter_it(orders, platform, operator, reviewer):
    _endpoint, head, behind = _failed_and_waiting(orders, platform, operator, reviewer)
    Platform.objects.create(name="另一个平台", slug="other")
    client = _client(operator)
    page = client.get(reverse("operator:webhooks")).content.decode()
    endpoints = page[page.index('id="webhook-endpoints"') : page.index('id="webhook-filters"')]
    assert NOBODY_LISTENS in endpoints and "主站回调" in endpoints and "示例建站平台" in endpoints
    assert "Failing" in endpoints
    log = page[page.index('id="webhook-deliveries"') :]
    assert f'id="delivery-{head.pk}"' in log and f'id="delivery-{behind.pk}"' in log
    assert "Failed, will retry" in log and "Waiting for an earlier event" in log and "acct-1" in log

    failed = client.get(reverse("operator:webhooks") + "?status=failed").content.decode()
    assert f'id="delivery-{head.pk}"' in failed and f'id="delivery-{behind.pk}"' not in failed
    other = Platform.objects.get(slug="other")
    assert (
        f'id="delivery-{head.pk}"'
        not in client.get(f"{reverse('operator:webhooks')}?platform={other.pk}").content.decode()
    )
    by_type = client.get(reverse("operator:webhooks") + "?type=order.returned").content.decode()
    assert "No deliveries." in by_type


def test_a_delivery_shows_its_attempts_its_payload_and_what_it_waits_for(orders, platform, operator, reviewer):
    _endpoint, head, behind = _failed_and_waiting(orders, platform, operator, reviewer)
    client = _client(operator)
    page = client.get(reverse("operator:webhook_delivery", args=[head.pk])).content.decode()
    attempts = page[page.index('id="delivery-attempts"') : page.index('id="delivery-payload"')]
    assert "no answer" in attempts and "Connection" in attempts
    payload = page[page.index('id="delivery-payload"') :]
    assert "&quot;to_status&quot;: &quot;PENDING_PROVIDER_REVIEW&quot;" in payload
    assert 'id="replay"' in page  # failed: may be sent again now

    waiting = client.get(reverse("operator:webhook_delivery", args=[behind.pk])).content.decode()
    assert 'id="waiting-behind"' in waiting and head.event.public_id in waiting
    assert 'id="replay"' not in waiting


def test_replay_queues_the_delivery_again_and_is_audited(orders, platform, operator, reviewer):
    _endpoint, head, _behind = _failed_and_waiting(orders, platform, operator, reviewer)
    client = _client(operator)
    answer = client.post(reverse("operator:webhook_replay", args=[head.pk]), follow=True)
    assert "The delivery is queued to be sent again." in answer.content.decode()
    head.refresh_from_db()
    assert head.status in {DeliveryStatus.PENDING, DeliveryStatus.FAILED}  # the kick may have tried it already
    audit = AuditEvent.objects.get(action="webhooks.delivery_replay")
    assert audit.actor == operator and audit.data["status"] == "failed"


def test_replaying_a_waiting_delivery_is_refused_with_a_message(orders, platform, operator, reviewer):
    _endpoint, _head, behind = _failed_and_waiting(orders, platform, operator, reviewer)
    answer = _client(operator).post(reverse("operator:webhook_replay", args=[behind.pk]), follow=True)
    assert "Only a delivered, failed or dead delivery can be replayed" in answer.content.decode()
    behind.refresh_from_db()
    assert behind.status == DeliveryStatus.WAITING
    assert not AuditEvent.objects.filter(action="webhooks.delivery_replay").exists()


def test_the_page_is_for_operators_only(orders, platform, operator, reviewer, applicant):
    _endpoint, head, _behind = _failed_and_waiting(orders, platform, operator, reviewer)
    for user in (applicant, reviewer):
        client = _client(user)
        assert client.get(reverse("operator:webhooks")).status_code == 403
        assert client.get(reverse("operator:webhook_delivery", args=[head.pk])).status_code == 403
        assert client.post(reverse("operator:webhook_replay", args=[head.pk])).status_code == 403
    assert _client(operator).get(reverse("operator:webhook_delivery", args=[99999])).status_code == 404
