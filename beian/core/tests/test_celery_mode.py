"""The scale path with real processes: CELERY_BROKER_URL on Redis, a Celery worker with beat.

An applicant's uploads enqueue their automated checks on the broker; the worker runs them. Beat
runs the periodic jobs (the same `run_periodic_jobs` the embedded thread runs): a reviewer's claim
that went idle is released by it. Nothing here runs in-process: the test only reads the database.
"""

from __future__ import annotations

import pytest

from tests.processes import deployment_database

BROKER = "redis://127.0.0.1:6379/14"

SETUP = """
import json
from beian.accounts.models import User
from beian.core import clock
from beian.demo import orders as demo
from beian.filings import services
from beian.materials.models import Material
from unittest import mock
# submit needs the checks done; this order's are not what the test is about: marked done without findings
def checked(*, material):
    Material.objects.filter(pk=material.pk).update(check_status="done", findings=[])
with mock.patch("beian.demo.orders.material_run_checks", checked), mock.patch("beian.materials.services._enqueue_checks"):
    order = demo.submitted_order(profile=demo.demo_profile(3))
reviewer, _ = User.objects.get_or_create(username="celery-reviewer", defaults={"role": User.Role.REVIEWER})
services.order_claim(order=order, reviewer=reviewer)
organisation, user, site = demo.tenant_for(demo.demo_profile(4))
draft = demo.valid_order(organisation=organisation, user=user, site=site, profile=demo.demo_profile(4))
clock.advance(hours=2)  # the claim is now idle for longer than REVIEW_CLAIM_IDLE_MINUTES
print("RESULT" + json.dumps({"order": order.pk, "draft": draft.pk, "materials": Material.objects.filter(order=draft).count(),
                             "pending": Material.objects.filter(order=draft, check_status="pending").count()}))
"""

STATE = """
import json
from beian.filings.models import Order
from beian.materials.models import Material
order = Order.objects.get(pk={order})
draft = Order.objects.get(pk={draft})
print("RESULT" + json.dumps({{
    "assigned": order.assigned_reviewer_id,
    "released_by_system": order.events.filter(event="release", actor_label="system").count(),
    "checks": sorted(set(Material.objects.filter(order=draft).values_list("check_status", flat=True))),
}}))
"""


@pytest.fixture
def broker():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(BROKER)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379 (.ci/run starts it)")
    client.flushdb()
    yield BROKER
    client.flushdb()


def test_a_celery_worker_with_beat_runs_the_checks_and_the_periodic_jobs(broker, tmp_path):
    with deployment_database("sqlite", tmp_path, CELERY_BROKER_URL=broker, BEIAN_SCHEDULER_INTERVAL="1") as deploy:
        setup = deploy.python(SETUP)
        assert setup["materials"] >= 4 and setup["pending"] == setup["materials"]  # queued, nothing ran in-process
        state = deploy.python(STATE.format(order=setup["order"], draft=setup["draft"]))
        assert state["assigned"] is not None and state["checks"] == ["pending"]

        with deploy.celery_worker("-B", "--schedule", str(tmp_path / "beat-schedule")) as worker:
            state = deploy.wait_until(
                worker,
                STATE.format(order=setup["order"], draft=setup["draft"]),
                lambda state: state["assigned"] is None and "pending" not in state["checks"],
                timeout=120,
            )
        log = worker.log
        assert state["checks"] == ["done"], log[-3000:]
        assert state["assigned"] is None and state["released_by_system"] == 1, log[-3000:]
        assert "beian.materials.tasks.check_material" in log and "beian.core.tasks.run_periodic_jobs" in log
