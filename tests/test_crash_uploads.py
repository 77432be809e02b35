"""kill -9 of the web process in the middle of an upload or a submit: real processes, a real SIGKILL.

The web server (`manage.py runserver --noreload`, the embedded default's filesystem queue, tasks not
run in-process) pauses at a fault point (beian/core/faults.py) while it answers the partner API; the
test kills it there and shows that the material or the order is wholly there or not at all, that no
check is skipped (a check lost between the upload's commit and its enqueue is queued again by the
periodic job, and the worker runs it), and that the order cannot be submitted before its checks ran.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from beian.demo import samples
from tests.net import free_port, multipart
from tests.processes import MANAGE, Deployment, deployment_database

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

SETUP = """
import json
from beian.accounts.models import ApiToken
from beian.demo import orders as demo
from unittest import mock
from beian.materials.models import Material
# the order's first uploads are not what this test is about: they are marked checked without findings
def checked(*, material):
    Material.objects.filter(pk=material.pk).update(check_status="done", findings=[])
organisation, user, site = demo.tenant_for(demo.demo_profile({index}))
with mock.patch("beian.demo.orders.material_run_checks", checked), mock.patch("beian.materials.services._enqueue_checks"):
    order = demo.valid_order(
        organisation=organisation, user=user, site=site, profile=demo.demo_profile({index}), check_now=True
    )
_row, key = ApiToken.issue(user, name="crash test")
print("RESULT" + json.dumps({{"order": order.pk, "key": key}}))
"""

STATE = """
import json
from pathlib import Path
from django.conf import settings
from beian.filings.models import Order
from beian.filings.precheck import order_precheck
from beian.materials.models import Material
order = Order.objects.get(pk={order})
queue = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_out"])
photos = Material.objects.filter(order=order, slot="owner_photo").order_by("version")
print("RESULT" + json.dumps({{
    "status": order.status,
    "submit_events": order.events.filter(to_status="PENDING_PROVIDER_REVIEW").count(),
    "photos": [[m.version, m.is_current, m.check_status, bool(m.file) and m.file.storage.exists(m.file.name)] for m in photos],
    "errors": sorted({{f.code for f in order_precheck(order).errors}}),
    "queued": sum("check_material" in p.read_text(errors="replace") for p in queue.iterdir()),
}}))
"""

SUBMIT = """
import json
from beian.filings import services
from beian.filings.models import Order
from beian.filings.precheck import order_precheck
order = Order.objects.get(pk={order})
try:
    services.order_submit(order=order, user=order.created_by, acknowledged_warnings=order_precheck(order).warning_codes)
    refused = ""
except Exception as exc:
    refused = getattr(exc, "code", repr(exc))
order.refresh_from_db()
print("RESULT" + json.dumps({{"refused": refused, "status": order.status}}))
"""

REQUEUE = """
import json
from django.conf import settings
from beian.core import clock, jobs
clock.advance(hours=(settings.MATERIAL_CHECK_STALE_MINUTES + 1) / 60)
print("RESULT" + json.dumps({"requeued": jobs.run_periodic_jobs()["material_checks"]}))
"""


def _photo() -> bytes:

    return samples.jpeg_bytes(samples.owner_photo().resize((900, 900)))


class WebDeployment(Deployment):
    def state(self, order: int) -> dict:
        return self.python(STATE.format(order=order))

    def killed_during(self, point: str, path: str, key: str, body: bytes = b"", content_type: str = "") -> None:
        """Serve the web app, send one API request that pauses the server at `point`, SIGKILL it there."""
        port = free_port()
        server = self.popen(
            [sys.executable, MANAGE, "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
            BEIAN_PAUSE_AT=f"{point}:600",
        )
        assert server.stderr is not None and server.stdout is not None
        seen: list[str] = []
        try:
            self._wait_for(server, "Quit the server", seen)
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}",
                data=body,
                method="POST",
                headers={"Authorization": f"Bearer {key}", **({"Content-Type": content_type} if content_type else {})},
            )
            client = threading.Thread(target=self._send, args=(request,), daemon=True)
            client.start()
            self._wait_for(server, f"fault: paused at {point}", seen)
            server.send_signal(signal.SIGKILL)
            assert server.wait(timeout=30) == -signal.SIGKILL
            client.join(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()

    @staticmethod
    def _send(request) -> None:
        with contextlib.suppress(urllib.error.URLError, ConnectionError, OSError):  # the server died mid-request
            urllib.request.urlopen(request, timeout=120)

    @staticmethod
    def _wait_for(process, marker: str, seen: list[str], timeout: float = 120) -> None:
        """Wait until the server printed `marker` (both streams are read by threads into `seen`)."""
        if not getattr(process, "readers", None):
            process.readers = [
                threading.Thread(
                    target=lambda stream: seen.extend(iter(stream.readline, "")), args=(stream,), daemon=True
                )
                for stream in (process.stdout, process.stderr)
            ]
            for reader in process.readers:
                reader.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(marker in line for line in list(seen)):
                return
            if process.poll() is not None:
                pytest.fail(f"the server exited before {marker!r}:\n{''.join(seen)}")
            time.sleep(0.2)
        pytest.fail(f"no {marker!r} in {timeout} s:\n{''.join(seen)}")

    def worker_runs_the_queue(self, order: int) -> dict:
        with self.celery_worker() as worker:
            return self.wait_until(
                worker,
                STATE.format(order=order),
                lambda state: all(status != "pending" for _v, _c, status, _f in state["photos"]),
            )


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def deployment(request, tmp_path_factory):
    """Each database in its own pass: SQLite's file locks and PostgreSQL's transactions both keep a
    killed request's work wholly there or not at all."""
    with deployment_database(
        request.param, tmp_path_factory.mktemp(f"crash-web-{request.param}"), cls=WebDeployment, BEIAN_TASKS_EAGER="0"
    ) as deploy:
        yield deploy


def test_killed_before_the_upload_commits_leaves_no_material(deployment):
    setup = deployment.python(SETUP.format(index=6))
    body, content_type = multipart("file", "photo.jpg", _photo())
    deployment.killed_during(
        "material_stored", f"/api/v1/orders/{setup['order']}/materials/owner_photo", setup["key"], body, content_type
    )
    state = deployment.state(setup["order"])
    assert state["photos"] == [[1, True, "done", True]]  # the new version never existed; the checked one is current
    assert state["errors"] == []
    assert deployment.python(SUBMIT.format(order=setup["order"])) == {
        "refused": "",
        "status": "PENDING_PROVIDER_REVIEW",
    }


def test_killed_between_the_uploads_commit_and_its_enqueue_the_check_runs_later_and_holds_submit(deployment):
    setup = deployment.python(SETUP.format(index=7))
    queued_before = deployment.state(setup["order"])["queued"]
    body, content_type = multipart("file", "photo.jpg", _photo())
    deployment.killed_during(
        "material_committed", f"/api/v1/orders/{setup['order']}/materials/owner_photo", setup["key"], body, content_type
    )
    state = deployment.state(setup["order"])
    # the new version is wholly there (row and file), its check pending and on no queue
    assert state["photos"] == [[1, False, "done", True], [2, True, "pending", True]]
    assert state["queued"] == queued_before
    assert state["errors"] == ["material.check.pending"]
    assert deployment.python(SUBMIT.format(order=setup["order"])) == {"refused": "order.has_errors", "status": "DRAFT"}

    # after the restart the periodic job finds the lost check and queues it; the worker runs it
    assert deployment.python(REQUEUE)["requeued"] == 1
    checked = deployment.worker_runs_the_queue(setup["order"])
    assert checked["photos"][-1][2] == "done" and checked["errors"] == []
    assert deployment.python(SUBMIT.format(order=setup["order"])) == {
        "refused": "",
        "status": "PENDING_PROVIDER_REVIEW",
    }


def test_killed_during_submit_the_order_is_submitted_once_or_not_at_all(deployment):
    setup = deployment.python(SETUP.format(index=8))
    deployment.killed_during("order_submitted", f"/api/v1/orders/{setup['order']}/submit", setup["key"])
    state = deployment.state(setup["order"])
    assert (state["status"], state["submit_events"]) == ("DRAFT", 0)  # the transition never committed
    assert deployment.python(SUBMIT.format(order=setup["order"])) == {
        "refused": "",
        "status": "PENDING_PROVIDER_REVIEW",
    }
    assert deployment.state(setup["order"])["submit_events"] == 1
