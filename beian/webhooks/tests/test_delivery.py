"""Deliveries to a real receiver process on loopback that checks every signature with the Standard
Webhooks library: signed, logged, retried with backoff while the receiver is down, in order per
order, once each; dead after the last retry and replayed; a worker that dies mid-send; secret
rotation; a receiver too slow to answer; the kick after a commit.

Business time moves with beian.core.clock (the retry schedule runs on it); the signature's
timestamp is wall time, which the receiver checks against its own clock."""

from __future__ import annotations

import collections

import pytest

from beian.accounts.models import Membership, Organisation, User
from beian.core import clock
from beian.core.models import AuditEvent
from beian.filings import services as order_services
from beian.hosting.models import HostedSite, SiteDomain
from beian.webhooks import events, schedule
from beian.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEvent
from beian.webhooks.services import (
    STALE_AFTER,
    deliveries_process_due,
    deliveries_promote,
    delivery_claim_next,
    delivery_replay,
    endpoint_rotate_secret,
    endpoint_send_test,
    endpoint_update,
)
from tests.builders import OrderBuilder

SECOND_DOMAIN = {"websites[0].domain": "demo-second.cn"}


def deliveries(endpoint):
    return WebhookDelivery.objects.filter(endpoint=endpoint).select_related("event").order_by("event_id")


def statuses(endpoint) -> collections.Counter:
    return collections.Counter(deliveries(endpoint).values_list("status", flat=True))


def deliver_while_time_passes(*, hours: float, step_hours: float = 0.25) -> None:
    """Run the periodic job as business time passes (the embedded scheduler would, every 30 s)."""
    deliveries_process_due()
    passed = 0.0
    while passed < hours:
        clock.advance(hours=step_hours)
        passed += step_hours
        deliveries_process_due()


def deliver_until_quiet(rounds: int = 20) -> None:
    """Let business time run to each next retry and run the job then, until nothing waits for one."""
    for _round in range(rounds):
        deliveries_process_due()
        upcoming = (
            WebhookDelivery.objects.filter(status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED])
            .order_by("next_attempt_at")
            .values_list("next_attempt_at", flat=True)
            .first()
        )
        if upcoming is None:
            return
        wait = (upcoming - clock.now()).total_seconds()
        if wait > 0:
            clock.advance(hours=wait / 3600 + 1 / 3600)
    raise AssertionError("deliveries still retrying")


def statuses_received(receiver) -> list[str]:
    """The `to_status` of each order.status_changed the receiver accepted."""
    return [
        e["payload"]["data"]["to_status"]
        for e in receiver.received()
        if e["payload"]["type"] == events.ORDER_STATUS_CHANGED
    ]


def assert_everything_arrived_once_in_order(receiver, endpoint) -> None:
    got = [e["id"] for e in receiver.received()]
    sent = {d.event.public_id: d.event for d in deliveries(endpoint)}
    assert collections.Counter(got) == collections.Counter(list(sent)), "every event once, none twice, none missing"
    by_key = collections.defaultdict(list)
    for public_id in got:
        by_key[sent[public_id].ordering_key].append(sent[public_id].pk)
    for key, order in by_key.items():
        assert order == sorted(order), f"{key} arrived out of order"


@pytest.fixture
def second_customer(platform, reviewer):
    """Another account of the same platform, with a site and orders of its own."""
    organisation = Organisation.objects.create(name="上海第二家公司有限公司", platform=platform, external_id="acct-2")
    user = User.objects.create_user(username="second", password="pw-second", role="applicant")
    Membership.objects.create(user=user, organisation=organisation)
    site = HostedSite.objects.create(organisation=organisation, slug="second-shop", title="第二家")
    SiteDomain.objects.create(site=site, domain="second-shop.cn")
    return OrderBuilder(organisation=organisation, user=user, site=site, reviewer=reviewer)


def test_each_event_arrives_signed_and_the_log_keeps_the_attempt(orders, endpoint, receiver):
    order = orders.submitted()
    assert deliveries_process_due() == 1
    (entry,) = receiver.received()
    assert entry["verified"] and entry["path"] == "/hooks/beian"
    assert entry["payload"]["type"] == events.ORDER_STATUS_CHANGED
    assert entry["payload"]["data"]["order"]["id"] == order.pk
    assert entry["payload"]["data"]["account"] == {"id": order.organisation_id, "external_id": "acct-1"}
    delivery = deliveries(endpoint).get()
    assert entry["id"] == delivery.event.public_id
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.SUCCEEDED, 1, 200)
    (attempt,) = delivery.attempt_log.all()
    assert attempt.succeeded and attempt.status_code == 200 and attempt.response == "ok"
    assert deliveries_process_due() == 0  # delivered once: nothing left to send


def test_a_receiver_stopped_for_a_while_then_started_gets_everything_once_in_order_per_order(
    orders, second_customer, endpoint, receiver, reviewer
):
    first = orders.submitted()
    deliveries_process_due()
    assert len(receiver.received()) == 1

    receiver.stop()  # connections are refused from now on
    order_services.order_claim(order=first, reviewer=reviewer)
    order_services.order_return_fields(
        order=first,
        reviewer=reviewer,
        returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "请与主办单位相关"}],
    )
    deliver_while_time_passes(hours=0.05, step_hours=0.01)
    second = second_customer.resubmitted(overrides=SECOND_DOMAIN)  # submit, return, resubmit: 4 events
    deliver_while_time_passes(hours=0.5)
    order_services.order_update(order=first, user=orders.user, values={"websites[0].name": "北京示例科技公司官网"})
    order_services.order_submit(order=first, user=orders.user)
    deliver_while_time_passes(hours=1)

    down = statuses(endpoint)
    assert down[DeliveryStatus.FAILED] == 2  # the earliest undelivered event of each order, retrying
    assert down[DeliveryStatus.WAITING] >= 4  # the later ones wait behind them
    failing = deliveries(endpoint).filter(status=DeliveryStatus.FAILED)
    assert all(d.attempts >= 4 and "Connection" in d.last_error for d in failing)

    receiver.start()  # back on the same port
    deliver_until_quiet()

    assert statuses(endpoint) == {DeliveryStatus.SUCCEEDED: WebhookEvent.objects.count()}
    assert_everything_arrived_once_in_order(receiver, endpoint)
    keys = {e.ordering_key for e in WebhookEvent.objects.all()}
    assert keys == {f"order:{first.pk}", f"order:{second.pk}"}
    types = [e["payload"]["type"] for e in receiver.received()]
    assert types.count(events.ORDER_RETURNED) == 2


def test_a_receiver_answering_503_for_a_while_gets_everything_once_in_order(orders, endpoint, receiver):
    receiver.answer("503")
    order = orders.resubmitted()
    deliver_while_time_passes(hours=0.2, step_hours=0.02)
    assert {e["answered"] for e in receiver.entries()} == {503}
    head = deliveries(endpoint).first()
    assert head.status == DeliveryStatus.FAILED and head.last_status_code == 503
    assert head.last_response == "down for maintenance"
    assert [a.status_code for a in head.attempt_log.all()] == [503] * head.attempts

    receiver.answer("ok")
    deliver_until_quiet()
    assert_everything_arrived_once_in_order(receiver, endpoint)
    assert [e["payload"]["data"]["to_status"] for e in receiver.received()] == [
        "PENDING_PROVIDER_REVIEW",
        "PROVIDER_NEEDS_CHANGES",
        "PROVIDER_NEEDS_CHANGES",  # order.returned follows order.status_changed
        "PROVIDER_RESUBMITTED",
    ]
    assert all(e["payload"]["data"]["order"]["id"] == order.pk for e in receiver.received())


def test_after_the_last_retry_a_delivery_is_dead_and_a_replay_sends_it(
    orders, second_customer, endpoint, receiver, operator
):
    receiver.answer("503")
    orders.submitted()
    deliver_while_time_passes(hours=50, step_hours=1)
    dead = deliveries(endpoint).get()
    assert (dead.status, dead.attempts) == (DeliveryStatus.DEAD, schedule.MAX_ATTEMPTS)
    assert AuditEvent.objects.filter(action="webhooks.delivery_dead", target_id=str(dead.pk)).exists()

    receiver.answer("ok")
    order = second_customer.submitted(overrides=SECOND_DOMAIN)  # another order: not held back by the dead one
    deliveries_process_due()
    assert [e["payload"]["data"]["order"]["id"] for e in receiver.received()] == [order.pk]

    delivery_replay(delivery=dead, actor=operator)
    deliveries_process_due()
    dead.refresh_from_db()
    assert dead.status == DeliveryStatus.SUCCEEDED and dead.attempts == 1
    assert [e["id"] for e in receiver.received()][-1] == dead.event.public_id
    replay = AuditEvent.objects.get(action="webhooks.delivery_replay")
    assert replay.actor == operator and replay.data["status"] == "dead"


def test_a_dead_delivery_keeps_the_later_events_of_its_order_waiting_until_it_is_replayed(
    orders, endpoint, receiver, reviewer, operator
):
    receiver.answer("503")
    order = orders.submitted()
    deliver_while_time_passes(hours=50, step_hours=1)
    receiver.answer("ok")
    order_services.order_claim(order=order, reviewer=reviewer)
    order_services.order_review_approve(order=order, reviewer=reviewer)
    deliver_while_time_passes(hours=1)
    assert receiver.received() == []
    assert statuses(endpoint) == {DeliveryStatus.DEAD: 1, DeliveryStatus.WAITING: 1}

    delivery_replay(delivery=deliveries(endpoint).first(), actor=operator)
    deliveries_process_due()
    assert statuses_received(receiver) == ["PENDING_PROVIDER_REVIEW", "PENDING_SUBMISSION"]


def test_a_replayed_delivery_goes_out_again_and_holds_nothing_back(orders, endpoint, receiver, operator):
    orders.submitted()
    deliveries_process_due()
    delivered = deliveries(endpoint).get()
    delivery_replay(delivery=delivered, actor=operator)
    assert deliveries_process_due() == 1
    assert [e["id"] for e in receiver.received()] == [delivered.event.public_id] * 2
    delivered.refresh_from_db()
    assert delivered.status == DeliveryStatus.SUCCEEDED and delivered.attempt_log.count() == 2


def test_a_delivery_waiting_or_pending_cannot_be_replayed(orders, endpoint, receiver, operator):
    from beian.core.exceptions import ValidationFailed

    receiver.stop()
    orders.returned()
    head, behind = list(deliveries(endpoint))[:2]
    for row in (head, behind):
        with pytest.raises(ValidationFailed) as refused:
            delivery_replay(delivery=row, actor=operator)
        assert refused.value.code == "webhook.not_replayable"
    assert not AuditEvent.objects.filter(action="webhooks.delivery_replay").exists()


def test_a_delivery_claimed_by_a_worker_that_died_is_sent_once_its_claim_goes_stale(orders, endpoint, receiver):
    orders.submitted()
    deliveries_promote()  # what the job does first
    claimed = delivery_claim_next()  # the worker dies before it posts
    assert claimed is not None and claimed.status == DeliveryStatus.SENDING
    assert deliveries_process_due() == 0  # claimed by someone else, not yet stale
    clock.advance(hours=STALE_AFTER.total_seconds() / 3600 + 0.01)
    assert deliveries_process_due() == 1
    assert [e["id"] for e in receiver.received()] == [claimed.event.public_id]
    claimed.refresh_from_db()
    assert claimed.status == DeliveryStatus.SUCCEEDED and claimed.attempts == 2
    stopped, sent = claimed.attempt_log.all()
    assert "worker stopped" in stopped.error and sent.succeeded


def test_a_rotated_secret_signs_beside_the_old_one_until_the_grace_period_ends(orders, endpoint, receiver, operator):
    old = endpoint.secret_shown
    _row, new = endpoint_rotate_secret(endpoint=endpoint, actor=operator)
    assert new != old and new.startswith("whsec_")

    orders.submitted()  # the receiver still knows only the old secret
    deliveries_process_due()
    (entry,) = receiver.received()
    assert entry["secret"] == old[:10] and entry["signature"].count("v1,") == 2

    receiver.know(new)  # the partner switched
    endpoint_send_test(endpoint=endpoint, actor=operator)
    deliveries_process_due()
    assert receiver.received()[-1]["secret"] == new[:10]

    clock.advance(hours=24.1)  # the grace period is over: only the new secret signs
    receiver.know(old)
    endpoint_send_test(endpoint=endpoint, actor=operator)
    deliveries_process_due()
    refused = receiver.entries()[-1]
    assert (refused["verified"], refused["answered"], refused["signature"].count("v1,")) == (False, 400, 1)
    assert AuditEvent.objects.filter(action="webhooks.secret_rotate").count() == 1


def test_a_receiver_too_slow_to_answer_is_retried(orders, endpoint, receiver, settings):
    settings.WEBHOOK_TIMEOUT = 0.3
    receiver.answer("slow 1")
    orders.submitted()
    deliveries_process_due()
    delivery = deliveries(endpoint).get()
    assert delivery.status == DeliveryStatus.FAILED and "timed out" in delivery.last_error
    receiver.answer("ok")
    deliver_while_time_passes(hours=0.01, step_hours=0.01)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    # at least once: the slow receiver had taken the first attempt too, and drops the repeat by its id
    assert {e["id"] for e in receiver.received()} == {delivery.event.public_id}


def test_events_go_out_when_their_change_commits_without_waiting_for_the_periodic_job(
    orders, endpoint, receiver, django_capture_on_commit_callbacks
):
    draft = orders.complete_draft()
    with django_capture_on_commit_callbacks(execute=True):
        order_services.order_submit(order=draft, user=orders.user)
    assert statuses_received(receiver) == ["PENDING_PROVIDER_REVIEW"]


def test_after_a_commit_a_failing_endpoint_is_left_to_the_periodic_job(
    orders, endpoint, receiver, reviewer, django_capture_on_commit_callbacks
):
    receiver.answer("503")
    order = orders.submitted()
    deliveries_process_due()  # fails: the endpoint is known to be failing
    receiver.answer("ok")
    clock.advance(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        order_services.order_claim(order=order, reviewer=reviewer)
        order_services.order_review_approve(order=order, reviewer=reviewer)
    assert receiver.received() == []  # the reviewer's request did not wait for the receiver
    deliveries_process_due()
    # the approval's push to the (sandbox) regulator ran on commit too
    assert statuses_received(receiver) == ["PENDING_PROVIDER_REVIEW", "PENDING_SUBMISSION", "SMS_VERIFICATION"]


def test_an_inactive_endpoint_gets_nothing_new_and_its_backlog_goes_out_when_switched_on(
    orders, endpoint, receiver, reviewer, operator
):
    receiver.stop()
    order = orders.submitted()
    deliveries_process_due()
    endpoint_update(endpoint=endpoint, is_active=False, actor=operator)
    receiver.start()
    order_services.order_claim(order=order, reviewer=reviewer)
    order_services.order_review_approve(order=order, reviewer=reviewer)  # while switched off: not for it
    clock.advance(hours=1)
    assert deliveries_process_due() == 0
    assert deliveries(endpoint).count() == 1
    endpoint_update(endpoint=endpoint, is_active=True, actor=operator)
    deliveries_process_due()
    assert statuses_received(receiver) == ["PENDING_PROVIDER_REVIEW"]


def test_a_receiver_that_hangs_costs_one_timeout_per_run_not_one_per_delivery(
    orders, second_customer, endpoint, receiver, settings
):
    settings.WEBHOOK_TIMEOUT = 0.3
    receiver.answer("slow 1")
    orders.submitted()
    second_customer.submitted(overrides=SECOND_DOMAIN)
    assert deliveries_process_due() == 1  # the other order's event waits for the next run
    assert statuses(endpoint) == {DeliveryStatus.FAILED: 1, DeliveryStatus.PENDING: 1}
    receiver.answer("ok")
    deliver_until_quiet()
    assert statuses(endpoint) == {DeliveryStatus.SUCCEEDED: 2}


def test_the_periodic_jobs_deliver_what_is_due(orders, endpoint, receiver):
    from beian.core.jobs import run_periodic_jobs

    orders.submitted()
    assert run_periodic_jobs()["webhooks"] == 1  # the embedded scheduler and Celery beat run these
    assert statuses_received(receiver) == ["PENDING_PROVIDER_REVIEW"]
