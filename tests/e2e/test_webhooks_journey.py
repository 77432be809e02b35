"""Issue 13's webhooks in the browser: the partner's receiver (a real process on loopback that checks
every signature) was down until the first event of an order was given up, and the next one waits
behind it. The operator finds the dead delivery in the log, sees its attempts and what waits for
it, and replays it: both arrive, in order, once each."""

from __future__ import annotations

import pytest

from beian.core import clock
from beian.filings import services as order_services
from beian.webhooks.models import DeliveryStatus, WebhookDelivery
from beian.webhooks.services import deliveries_process_due, endpoint_create

pytestmark = pytest.mark.e2e


def login(page, base, username, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def test_the_operator_replays_a_dead_delivery_and_the_order_catches_up(
    live_server, page, shoot, orders, platform, operator, reviewer, receiver
):
    from tests.builders import RECORDED

    endpoint, secret = endpoint_create(platform=platform, url=receiver.url, description="建站平台回调", actor=operator)
    receiver.know(secret)
    receiver.answer("503")
    with RECORDED.installed():
        order = orders.submitted()
    head = WebhookDelivery.objects.get(endpoint=endpoint, ordering_key=f"order:{order.pk}")
    for _run in range(40):  # the receiver stays down through every retry: time runs to each next one
        deliveries_process_due()
        head.refresh_from_db()
        if head.status == DeliveryStatus.DEAD:
            break
        clock.advance(hours=max(0.0, (head.next_attempt_at - clock.now()).total_seconds() / 3600) + 0.001)
    order_services.order_claim(order=order, reviewer=reviewer)
    order_services.order_review_approve(order=order, reviewer=reviewer)
    deliveries_process_due()
    dead = WebhookDelivery.objects.get(
        endpoint=endpoint, status=DeliveryStatus.DEAD, ordering_key=f"order:{order.pk}"
    )  # (the domain's first gate decision went dead too: its own order of delivery)
    receiver.answer("ok")

    base = live_server.url
    login(page, base, "operator", "pw-operator")
    page.goto(f"{base}/operator/")
    page.click("#webhooks-link")
    page.wait_for_selector("#webhook-endpoints")
    assert "建站平台回调" in page.inner_text("#webhook-endpoints")
    page.select_option("select[name=status]", "dead")
    page.click("#webhook-filter")
    page.wait_for_selector(f"#delivery-{dead.pk}")
    shoot(page, "webhooks-log")
    page.click(f"#delivery-{dead.pk} a")
    page.wait_for_selector("#delivery-attempts")
    assert page.inner_text("#delivery-attempts").count("HTTP 503") == 9
    shoot(page, "webhooks-delivery-dead")

    page.click("#replay")
    page.wait_for_selector(".messages")
    assert "已送达" in page.inner_text("#delivery-status")  # delivered by the kick after the replay committed
    shoot(page, "webhooks-delivery-replayed")
    received = [e["payload"]["data"] for e in receiver.received() if e["payload"]["type"] == "order.status_changed"]
    assert [(d["order"]["id"], d["to_status"]) for d in received[:2]] == [
        (order.pk, "PENDING_PROVIDER_REVIEW"),
        (order.pk, "PENDING_SUBMISSION"),
    ]
