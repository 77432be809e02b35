"""A push survives a worker killed in the middle of it: real processes, a real SIGKILL.

Each scenario runs `manage.py process_submissions --once` against its own database (a SQLite file,
or a fresh PostgreSQL database in the PostgreSQL pass), pauses it at a fault point
(beian/regulator/faults.py), kills it with SIGKILL, and shows that a worker started within the
claim's lifetime leaves the claim alone, and that a worker started after the claim went stale
finishes the push: exactly one regulator case, one set of MIIT SMS, one `regulator_accepted`
event, the order in SMS_VERIFICATION and the submission DONE.
"""

from __future__ import annotations

import select
import signal
import sys
import time

import pytest

from tests.processes import MANAGE, Deployment, deployment_database

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

MARKER = "regulator-fault: paused at"

SETUP = """
import json
from unittest import mock
from beian.accounts.models import User
from beian.demo import orders as demo
from beian.filings import services
from beian.materials.models import Material
# the worker under test does the push (not the approval's after-commit kick); material checks are
# not what this test is about: submit needs them done, so each is marked done without findings
def checked(*, material):
    Material.objects.filter(pk=material.pk).update(check_status="done", findings=[])
with mock.patch("beian.regulator.services._kick_worker"), mock.patch("beian.materials.services._enqueue_checks"), \
        mock.patch("beian.demo.orders.material_run_checks", checked):
    order = demo.submitted_order(profile=demo.demo_profile({index}))
    reviewer, _ = User.objects.get_or_create(username="crash-reviewer", defaults={{"role": User.Role.REVIEWER}})
    services.order_review_approve(order=order, reviewer=reviewer)
print("RESULT" + json.dumps({{"order": order.pk}}))
"""

STATE = """
import json
from beian.filings.models import Order
from beian.notifications.models import SmsMessage
from beian.regulator.models import RegulatorCase, SmsChallenge
order = Order.objects.get(pk={order})
print("RESULT" + json.dumps({{
    "status": order.status,
    "cases": RegulatorCase.objects.filter(order=order).count(),
    "miit_sms": SmsMessage.objects.filter(order=order, purpose="miit_verification").count(),
    "challenges": SmsChallenge.objects.filter(case__order=order).count(),
    "submissions": list(order.submissions.values("status", "attempts", "regulator_reference", "last_error")),
    "case_references": list(RegulatorCase.objects.filter(order=order).values_list("reference", flat=True)),
    "accepted_events": list(order.events.filter(event__startswith="regulator_accepted").values_list("data", flat=True)),
}}))
"""


class CrashDeployment(Deployment):
    def state(self, order_pk: int) -> dict:
        return self.python(STATE.format(order=order_pk))

    def worker_killed_at(self, point: str, timeout: float = 90) -> int:
        """Start a worker that pauses at `point`; SIGKILL it there. Returns its exit status."""
        worker = self.popen(
            [sys.executable, MANAGE, "process_submissions", "--once"], BEIAN_REGULATOR_PAUSE_AT=f"{point}:600"
        )
        assert worker.stdout is not None and worker.stderr is not None  # popen pipes both
        seen, deadline = [], time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([worker.stderr], [], [], 1.0)
                if ready:
                    line = worker.stderr.readline()
                    seen.append(line)
                    if line.startswith(MARKER):
                        break
                    if not line and worker.poll() is not None:
                        pytest.fail(f"worker exited before reaching {point}:\n{''.join(seen)}{worker.stdout.read()}")
            else:
                pytest.fail(f"worker did not reach {point} in {timeout} s:\n{''.join(seen)}")
            worker.send_signal(signal.SIGKILL)
            return worker.wait(timeout=30)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
            worker.stdout.close()
            worker.stderr.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def deployment(request, tmp_path_factory):
    """A migrated database with the reference data, shared by the scenarios of this module."""
    with deployment_database(
        request.param, tmp_path_factory.mktemp(f"crash-{request.param}"), cls=CrashDeployment
    ) as deploy:
        yield deploy


@pytest.mark.parametrize("point, index", [("sandbox_case_written", 1), ("before_commit", 2)])
def test_worker_killed_mid_push_is_finished_once_by_the_next_worker(deployment, point, index):
    order = deployment.python(SETUP.format(index=index))["order"]
    before = deployment.state(order)
    assert before["status"] == "PENDING_SUBMISSION"
    assert [s["status"] for s in before["submissions"]] == ["pending"]
    assert before["cases"] == 0 and before["miit_sms"] == 0

    # 1. the worker dies after the regulator accepted the push, before our commit
    assert deployment.worker_killed_at(point) == -signal.SIGKILL
    crashed = deployment.state(order)
    assert crashed["status"] == "PENDING_SUBMISSION"  # our transition never committed
    assert crashed["cases"] == 1 and crashed["miit_sms"] == 2  # the regulator has the case and sent the SMS
    assert [(s["status"], s["attempts"]) for s in crashed["submissions"]] == [("in_flight", 1)]
    assert crashed["accepted_events"] == []

    # 2. a worker started while the claim is fresh leaves it alone (the first worker might be alive)
    deployment.run("process_submissions", "--once")
    assert deployment.state(order) == crashed

    # 3. once the claim is stale (business time moves on), the next worker retakes it and pushes again
    deployment.python("from beian.core import clock; clock.advance(hours=0.2); print('RESULT{}')")
    deployment.run("process_submissions", "--once")
    after = deployment.state(order)
    assert after["status"] == "SMS_VERIFICATION"
    assert after["cases"] == 1 and after["case_references"] == crashed["case_references"]
    assert after["miit_sms"] == 2 and after["challenges"] == 2  # no second set of SMS
    [submission] = after["submissions"]
    assert (submission["status"], submission["attempts"]) == ("done", 2)
    assert submission["regulator_reference"] == crashed["case_references"][0]
    [event] = after["accepted_events"]
    assert event["replayed"] is True and event["regulator_reference"] == crashed["case_references"][0]

    # 4. nothing is left to do: another pass changes nothing
    deployment.python("from beian.core import clock; clock.advance(hours=1); print('RESULT{}')")
    deployment.run("process_submissions", "--once")
    assert deployment.state(order) == after
