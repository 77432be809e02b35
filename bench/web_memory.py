"""Memory of a web worker: `make serve` (one gunicorn worker, the Celery worker beside it running the
material checks) takes five material uploads through the partner API; prints the resident memory
(RSS) of the gunicorn worker and of the Celery processes once the checks ran, and which heavy native
libraries each has mapped. Target: the web worker stays under 250 MB.

    .venv/bin/python bench/web_memory.py

The licence and ID card fronts are bench/materials.py's images at typical upload sizes (2400 and
1800 px), the ID card backs the demo's. Builds a scratch database as bench/load.py does (a temporary SQLite file, or a scratch
`beian_bench_web_memory` database on the PostgreSQL server of DATABASE_URL; dropped at the end) with
the demo company's draft order and an API token, then runs `make serve PORT=<free port>
WEB_CONCURRENCY=1`. RSS is read from /proc (Linux).

Then the issue's probe, against the same server: four parallel uploads of a 6300×6300 PNG (under
the 40 MP limit; a flat page with a little text, tens of KB) — each upload's time and answer, the
time until their checks are done and the peak RSS of every process of the server meanwhile (before:
15–18 s each, 1.7 GB) — and a 200 MB body: how many bytes the client sent before the server
answered, and what (before: all of it, then 413).
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gate import PLATFORM_HOST, configure, free_port, in_scratch
from bench.load import serve, stop, wait_until_ready
from bench.materials import order_materials
from tests.net import multipart

BENCH_DB = "beian_bench_web_memory"
TARGET_MB = 250
UPLOADS = 5
CHECKS_SECONDS = 300
# shared objects whose presence in a process's memory map says what it loaded
NATIVE = {
    "numpy": "_multiarray_umath",
    "Pillow": "PIL/_imaging",
    "OpenCV": "cv2/cv2",
    "onnxruntime": "onnxruntime_pybind11_state",
}


def build_order() -> tuple[int, str, list[tuple[str, str, bytes]]]:
    """Migrate, load the reference data, make the demo company's draft order; (order pk, API key,
    the first UPLOADS (slot, file name, bytes) the order requires)."""
    # Django is set up here, after configure() chose the settings and the database
    import django

    django.setup()
    # the project's modules only after django.setup() (this script configures Django first)
    from django.core.management import call_command
    from django.db import connections

    from beian.accounts.models import ApiToken
    from beian.demo.orders import BEIJING, material_files, tenant_for, valid_order
    from beian.materials.services import order_requirements

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=io.StringIO())
    organisation, user, site = tenant_for(BEIJING)
    order = valid_order(organisation=organisation, user=user, site=site, materials=False)
    files = material_files(BEIJING, order=order)
    typical = {kind: data for _label, kind, data, _expected in order_materials()}
    uploads = []
    for requirement in order_requirements(order)[:UPLOADS]:
        name, data = files[requirement.slot] if requirement.slot in files else files[requirement.base_slot]
        kind = "id_card_front" if requirement.slot.endswith("_id_front") else requirement.slot
        uploads.append((requirement.slot, name, typical.get(kind, data)))
    _, key = ApiToken.issue(user, name="memory bench")
    connections.close_all()
    return order.pk, key, uploads


def upload(port: int, key: str, order: int, slot: str, name: str, data: bytes) -> int:
    body, content_type = multipart("file", name, data)
    conn = HTTPConnection(PLATFORM_HOST, port, timeout=120)
    try:
        conn.request(
            "POST",
            f"/api/v1/orders/{order}/materials/{slot}",
            body=body,
            headers={"Authorization": f"Bearer {key}", "Content-Type": content_type},
        )
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def pending_checks(order: int) -> int:
    from django.db import connections

    from beian.materials.models import Material

    try:
        return Material.objects.filter(order_id=order, is_current=True, check_status="pending").count()
    finally:
        connections.close_all()


def processes(session: int) -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of the processes in the server's session (Linux /proc)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[3]) != session:  # field 6: session id
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, IndexError, ValueError):
            continue
        found[int(entry.name)] = (int(stat[1]), command)
    return found


def is_gunicorn(command: str) -> bool:
    """gunicorn itself (`.venv/bin/gunicorn …`, or a title it set), not the shell that started it."""
    return any(part.endswith("/gunicorn") or part.startswith("gunicorn:") for part in command.split()[:2])


def gunicorn_workers(table: dict[int, tuple[int, str]]) -> list[int]:
    """The gunicorn processes whose parent is gunicorn (the master's children)."""
    return [
        pid
        for pid, (parent, command) in table.items()
        if is_gunicorn(command) and is_gunicorn(table.get(parent, (0, ""))[1])
    ]


def celery_processes(table: dict[int, tuple[int, str]]) -> list[int]:
    """The Celery worker's processes (its main process and the pool's), not the shell that started it."""
    return [pid for pid, (_, command) in table.items() if command.split()[1:3] == ["-m", "celery"]]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def mapped(pid: int) -> str:
    maps = Path(f"/proc/{pid}/maps").read_text()
    return ", ".join(f"{name} {'yes' if marker in maps else 'no'}" for name, marker in NATIVE.items())


def huge_page_png() -> bytes:
    """A 6300×6300 PNG that compresses to tens of KB: a flat page with a few lines of text."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (6300, 6300), 245)
    draw = ImageDraw.Draw(image)
    for row in range(12):
        draw.text((300, 400 + row * 450), f"6300 x 6300 page, line {row}", fill=20)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


class PeakRss:
    """Samples the summed RSS of every process in the server's session every 0.1 s."""

    def __init__(self, session: int):
        self.session, self.peak, self._stop = session, 0.0, threading.Event()
        self.peaks: dict[int, float] = {}  # pid -> its own peak
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0.0
            for pid in processes(self.session):
                try:
                    rss = rss_mb(pid)
                except OSError:
                    continue
                total += rss
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss)
            self.peak = max(self.peak, total)
            time.sleep(0.1)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def parallel_huge_uploads(
    server: subprocess.Popen, worker: int, port: int, key: str, order: int, slots: list[str]
) -> bool:
    data = huge_page_png()
    answers: dict[str, tuple[int, float]] = {}

    def one(slot: str) -> None:
        started = time.monotonic()
        status = upload(port, key, order, slot, "page-6300.png", data)
        answers[slot] = (status, time.monotonic() - started)

    print(f"four parallel uploads of a 6300x6300 PNG ({len(data) // 1024} KB):")
    with PeakRss(server.pid) as peak:
        started = time.monotonic()
        threads = [threading.Thread(target=one, args=(slot,)) for slot in slots[:4]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        answered = time.monotonic() - started
        deadline = time.monotonic() + CHECKS_SECONDS
        while (left := pending_checks(order)) and time.monotonic() < deadline:
            time.sleep(0.5)
        checked = time.monotonic() - started
    for slot, (status, seconds) in sorted(answers.items()):
        print(f"  {slot}: HTTP {status} in {seconds:.2f} s")
    print(f"  all answered in {answered:.2f} s, checks done after {checked:.1f} s ({left} pending)")
    print(
        f"  peak RSS: web worker {peak.peaks.get(worker, 0):.0f} MB; every process of the server summed "
        f"(gunicorn, Celery and its pool; shared pages counted in each) {peak.peak:.0f} MB"
    )
    return all(status == 201 for status, _ in answers.values()) and not left and peak.peaks.get(worker, 0) < TARGET_MB


def huge_body(port: int, key: str, order: int, slot: str) -> bool:
    """Declare a 200 MB upload and stream it until the server answers; how much went out first."""
    size = 200 * 1024 * 1024
    chunk = b"\0" * (256 * 1024)
    conn = socket.create_connection(("127.0.0.1", port), timeout=30)
    sent, started = 0, time.monotonic()
    try:
        conn.sendall(
            (
                f"POST /api/v1/orders/{order}/materials/{slot} HTTP/1.1\r\nHost: {PLATFORM_HOST}\r\n"
                f"Authorization: Bearer {key}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {size}\r\n\r\n"
            ).encode()
        )
        conn.setblocking(False)
        answer = b""
        while sent < size:
            with contextlib.suppress(BlockingIOError):
                answer += conn.recv(65536)
            if answer:
                break
            try:
                sent += conn.send(chunk[: size - sent])
            except BlockingIOError:
                time.sleep(0.001)
            except (BrokenPipeError, ConnectionResetError):
                break
        conn.setblocking(True)
        conn.settimeout(10)
        while b"\r\n" not in answer:
            part = conn.recv(65536)
            if not part:
                break
            answer += part
    except OSError as error:
        answer = answer or str(error).encode()
    finally:
        conn.close()
    status = answer.split(b"\r\n", 1)[0].decode(errors="replace")
    print(
        f"a 200 MB body: answered '{status}' after {sent / 1024 / 1024:.1f} MB sent, {time.monotonic() - started:.2f} s"
    )
    return " 413 " in status


def main() -> int:
    return in_scratch(BENCH_DB, run)


def run(var_dir: Path, database_url: str | None) -> int:
    env = configure(var_dir, database_url, var_dir / "unused.html")
    env["DJANGO_SETTINGS_MODULE"] = os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env["DJANGO_ALLOWED_HOSTS"] = PLATFORM_HOST
    order, key, uploads = build_order()
    port = free_port()
    log = var_dir / "serve.log"
    server = serve(env, port, 1, log)
    try:
        wait_until_ready(server, port, log)
        workers = gunicorn_workers(processes(server.pid))
        if len(workers) != 1:
            print(f"expected one gunicorn worker, found {workers}")
            return 1
        [worker] = workers
        print(f"web worker {worker} ready: {rss_mb(worker):.0f} MB RSS ({mapped(worker)})")
        for slot, name, data in uploads:
            status = upload(port, key, order, slot, name, data)
            print(f"  upload {slot} ({len(data) // 1024} KB): HTTP {status}")
            if status != 201:
                print(log.read_text()[-3000:])
                return 1
        deadline = time.monotonic() + CHECKS_SECONDS
        while (left := pending_checks(order)) and time.monotonic() < deadline:
            time.sleep(1)
        if left:
            print(f"{left} checks still pending after {CHECKS_SECONDS} s")
            return 1
        web = rss_mb(worker)
        print(f"after {len(uploads)} uploads, checks done: web worker {web:.0f} MB RSS ({mapped(worker)})")
        for pid in celery_processes(processes(server.pid)):
            print(f"  celery process {pid}: {rss_mb(pid):.0f} MB RSS ({mapped(pid)})")
        probe_ok = parallel_huge_uploads(server, worker, port, key, order, [slot for slot, _, _ in uploads])
        probe_ok = huge_body(port, key, order, uploads[0][0]) and probe_ok
    finally:
        stop(server)
    met = web < TARGET_MB
    print(f"target: web worker < {TARGET_MB} MB: {'met' if met else 'NOT met'}")
    return 0 if met and probe_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
