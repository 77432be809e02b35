"""Benchmark: a filed hosted site's page through the access gate vs. the same HTML with no gate.

    .venv/bin/python bench/gate.py [--rounds 5] [--seconds 3] [--clients 4] [--workers 2]

Builds a scratch database (a temporary SQLite file, or a scratch `beian_bench_gate` database on
the PostgreSQL server of DATABASE_URL if that is set; dropped at the end): migrated, reference
data loaded, one organisation with one hosted site and its domain, and one FILED order reached
through the real services (tests/builders.py: submit, review, the sandbox regulator, the SMS
verification, the approval; the automated material checks run for real once per distinct image
and are replayed after that, as in the tests).

Then it runs gunicorn (sync workers, DEBUG off, the production settings but for a bench URLconf
for platform hosts, bench/gate_settings.py) and alternates two arms in one run:
  gated: GET / with Host = the site's domain: HostedSiteMiddleware, the hosted-site URLconf, the
         public page view (the gate, the footer), as in production;
  plain: GET /bench/plain/ with Host = 127.0.0.1: a plain view returning the same bytes (rendered
         once by the gated page before the server started), through the same middleware stack.
Each round runs each arm for --seconds with --clients client threads (rounds alternate which arm
goes first); it prints the median requests per second of each arm and the ratio of the medians
(target >= 0.8), the server CPU per request, and the SQL queries and new database connections per
request of each arm, counted in-process over a few requests before the load run.

The load generator is Python threads with http.client in this process, not wrk: it needs nothing
but the venv, and it costs both arms the same per request. Gunicorn's sync workers close the
connection after every response, so each request is a new TCP connection whatever the client.
The machine is shared and noisy: only the ratio measured in one run means anything.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path
from wsgiref.util import setup_testing_defaults

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.review_queue import create_database, database_urls, drop_database

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 0.8
BENCH_DB = "beian_bench_gate"
PLATFORM_HOST = "127.0.0.1"
COUNTED_REQUESTS = 5
STARTUP_SECONDS = 60


@dataclass(frozen=True)
class FiledSite:
    domain: str
    filing_number: str


@dataclass(frozen=True)
class Arm:
    name: str
    host: str
    path: str


# --- the scratch database and the filed site -------------------------------------------------


def configure(var_dir: Path, database_url: str | None, html_file: Path) -> dict[str, str]:
    """The environment of this process and the server: production settings (DEBUG off), throwaway
    keys, files under var_dir, the bench database. Returns it for the server's subprocess."""
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.gate_settings",
        "DJANGO_DEBUG": "0",
        "BEIAN_DEMO_TOOLS": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain http on loopback
        "REQUEST_LOG_LEVEL": "WARNING",  # no log line per request: the arms are compared, not the logging
        "BEIAN_VAR_DIR": str(var_dir),
        "BEIAN_BENCH_GATE_HTML": str(html_file),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "BEIAN_PII_KEY": secrets.token_urlsafe(32),
        "BEIAN_BLIND_INDEX_KEY": secrets.token_urlsafe(32),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",  # setup mails stay quiet
    }
    # the embedded defaults but for the database (and REDIS_URL, kept if set): tasks in-process, files
    # under var_dir, the default platform hosts
    for key in (
        "BEIAN_TESTING",
        "DATABASE_URL",
        "DJANGO_ALLOWED_HOSTS",
        "BEIAN_PLATFORM_HOSTS",
        "CELERY_BROKER_URL",
        "BEIAN_S3_BUCKET",
    ):
        os.environ.pop(key, None)
    if database_url:
        env["DATABASE_URL"] = database_url
    os.environ.update(env)
    return env


def build_filed_site() -> FiledSite:
    """Migrate, load the reference data and file the demo company's site through the services."""
    # Django is set up here, after configure() chose the settings and the database
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from beian.demo.orders import BEIJING, tenant_for
    from tests.builders import RECORDED, OrderBuilder

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=io.StringIO())
    organisation, user, site = tenant_for(BEIJING)
    with RECORDED.installed():
        order = OrderBuilder(organisation=organisation, user=user, site=site).approved()
    filing_number = order.website.filing_number
    assert filing_number, f"the order is {order.status}, not filed"
    domain = site.domains.get().domain
    connections.close_all()
    return FiledSite(domain=domain, filing_number=filing_number)


def wsgi_get(app, arm: Arm) -> tuple[int, bytes]:
    """One GET through Django's WSGI handler in this process, as a WSGI server calls it (the test
    Client would keep the database connection open across requests; a server does not)."""
    environ: dict = {"REQUEST_METHOD": "GET", "PATH_INFO": arm.path, "HTTP_HOST": arm.host}
    setup_testing_defaults(environ)
    status = []
    result = app(environ, lambda line, headers, exc_info=None: status.append(int(line.split()[0])))
    try:
        body = b"".join(result)
    finally:
        result.close()  # request_finished: Django closes the connection unless CONN_MAX_AGE keeps it
    return status[0], body


def render_and_count(site: FiledSite, arms: list[Arm]) -> tuple[bytes, dict[str, tuple[float, float]]]:
    """The gated page's bytes (in-process, through the whole stack), and per arm the SQL queries
    and new database connections per request over COUNTED_REQUESTS requests."""
    # Django is set up by build_filed_site()
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.db.backends.signals import connection_created
    from django.test.utils import CaptureQueriesContext

    app = get_wsgi_application()
    status, html = wsgi_get(app, arms[0])
    assert status == 200, f"the filed site answers {status}"
    assert site.filing_number in html.decode(), "the filing number is not on the filed site's page"
    Path(os.environ["BEIAN_BENCH_GATE_HTML"]).write_bytes(html)
    counts = {}
    for arm in arms:
        wsgi_get(app, arm)  # warm: first-use caches (reference snapshot, templates) are not per request
        opened: list[str] = []

        def created(sender, connection, opened=opened, **kwargs):
            opened.append(connection.alias)

        with CaptureQueriesContext(connection) as queries:  # it opens a connection first: not counted
            connection_created.connect(created)
            try:
                for _ in range(COUNTED_REQUESTS):
                    status, body = wsgi_get(app, arm)
                    assert status == 200 and site.filing_number in body.decode(), f"{arm.name}: {status}"
            finally:
                connection_created.disconnect(created)
        counts[arm.name] = (len(queries) / COUNTED_REQUESTS, len(opened) / COUNTED_REQUESTS)
    return html, counts


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((PLATFORM_HOST, 0))
        return sock.getsockname()[1]


def get(port: int, arm: Arm, timeout: float = 10) -> tuple[int, bytes]:
    conn = HTTPConnection(PLATFORM_HOST, port, timeout=timeout)
    try:
        conn.request("GET", arm.path, headers={"Host": arm.host})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int, probe: Arm) -> Iterator[tuple[int, list[int] | None]]:
    """(port, worker pids or None if unknown) of a gunicorn serving config.wsgi with the bench settings."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--bind",
        f"{PLATFORM_HOST}:{port}",
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
        "config.wsgi:application",
    ]
    server = subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {server.returncode}")
            with contextlib.suppress(OSError):
                if get(port, probe, timeout=2)[0] == 200:
                    pids = worker_pids(server.pid)
                    if pids is None or len(pids) == workers:
                        break
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer on port {port} within {STARTUP_SECONDS} s")
            time.sleep(0.2)
        yield port, pids
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def worker_pids(master: int) -> list[int] | None:
    """The master's children (Linux /proc); None where the kernel does not list them."""
    try:
        return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return None


def cpu_seconds(pids: list[int] | None) -> float | None:
    """User + system CPU seconds of the processes so far (Linux /proc), None if unreadable."""
    if pids is None:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError, ValueError):
        return None
    return total / ticks


# --- the load --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    rate: float  # requests per second
    server_cpu_ms: float | None  # worker CPU per request
    client_cpu_share: float  # this process's CPU over wall time (1.0 = one core)
    errors: int


def load(port: int, arm: Arm, seconds: float, clients: int, workers: list[int] | None) -> Round:
    """`clients` threads sending GET requests back to back for `seconds`; a request counts if it
    answers 200 with a body (both pages were checked for the filing number before the load)."""
    done = [0] * clients
    errors = [0] * clients
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(index: int) -> None:
        conn = HTTPConnection(PLATFORM_HOST, port, timeout=10)
        headers = {"Host": arm.host}
        start.wait()
        while time.perf_counter() < stop_at[0]:
            try:
                conn.request("GET", arm.path, headers=headers)
                response = conn.getresponse()
                body = response.read()
            except OSError:
                conn.close()
                errors[index] += 1
                continue
            if response.status == 200 and body:
                done[index] += 1
            else:
                errors[index] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    cpu_before, server_before = time.process_time(), cpu_seconds(workers)
    started = time.perf_counter()
    stop_at[0] = started + seconds
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cpu_after, server_after = time.process_time(), cpu_seconds(workers)
    requests = sum(done)
    server_ms = None
    if server_before is not None and server_after is not None and requests:
        server_ms = (server_after - server_before) * 1000 / requests
    return Round(requests / elapsed, server_ms, (cpu_after - cpu_before) / elapsed, sum(errors))


# --- main ------------------------------------------------------------------------------------


def median_or_none(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per arm (default 5)")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds per round and arm (default 3)")
    parser.add_argument("--clients", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--check", action="store_true", help="build, serve and check both pages; no load")
    args = parser.parse_args()

    return in_scratch(BENCH_DB, lambda var_dir, database_url: run(args, var_dir, database_url))


def in_scratch(bench_db: str, body: Callable[[Path, str | None], int]) -> int:
    """body(a temporary folder, the scratch database's URL or None for SQLite): on the PostgreSQL server of
    DATABASE_URL if that is set, a database named `bench_db`, dropped at the end with the folder."""
    database_url = os.environ.get("DATABASE_URL") or None
    maintenance_url = None
    if database_url:
        maintenance_url, database_url = database_urls(database_url, bench_db)
        create_database(maintenance_url, bench_db)
    var_dir = Path(tempfile.mkdtemp(prefix=f"{bench_db.replace('_', '-')}-"))
    try:
        return body(var_dir, database_url)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
        if maintenance_url:
            drop_database(maintenance_url, bench_db)


def run(args, var_dir: Path, database_url: str | None) -> int:
    env = configure(var_dir, database_url, var_dir / "page.html")
    started = time.perf_counter()
    site = build_filed_site()
    # the platform host; the site's domain is validated by HostedSiteMiddleware against its SiteDomain row
    env["DJANGO_ALLOWED_HOSTS"] = PLATFORM_HOST
    # after django.setup(): the bench URLconf imports the platform's URLs, and the settings this
    # process runs with are the server's (same environment)
    from django.conf import settings
    from django.db import connection

    from bench.gate_urls import PLAIN_PATH

    gated = Arm("gated", site.domain, "/")
    plain = Arm("plain", PLATFORM_HOST, "/" + PLAIN_PATH)
    html, counts = render_and_count(site, [gated, plain])

    conn_max_age = settings.DATABASES["default"].get("CONN_MAX_AGE", 0)
    print(
        f"filed site {site.domain} ({site.filing_number}), page {len(html)} bytes; "
        f"{connection.vendor} database, CONN_MAX_AGE={conn_max_age}, DEBUG={settings.DEBUG}, "
        f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}; "
        f"setup {time.perf_counter() - started:.0f} s"
    )
    with gunicorn(env, args.workers, plain) as (port, workers):
        for arm in (gated, plain):
            status, body = get(port, arm)
            if status != 200 or site.filing_number not in body.decode():
                print(f"{arm.name} page from gunicorn: HTTP {status}, without the filing number {site.filing_number}")
                return 1
        if args.check:
            print(f"gunicorn ({args.workers} workers): both pages answer 200 with the filing number")
            return 0
        print(
            f"gunicorn {args.workers} sync workers, {args.clients} client threads, {args.rounds} rounds x "
            f"{args.seconds:g} s per arm, alternating; cores {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}"
        )
        for arm in (gated, plain):  # warm-up: workers import and cache on their first requests
            load(port, arm, 1.0, args.clients, workers)
        rounds: dict[str, list[Round]] = {gated.name: [], plain.name: []}
        for index in range(args.rounds):
            for arm in (gated, plain) if index % 2 == 0 else (plain, gated):
                rounds[arm.name].append(load(port, arm, args.seconds, args.clients, workers))
    return report(rounds, counts)


def report(rounds: dict[str, list[Round]], counts: dict[str, tuple[float, float]]) -> int:
    print(
        f"\n{'arm':<6} {'median req/s':>12}  {'server CPU ms/req':>17}  {'SQL/req':>7}  {'new conn/req':>12}  rounds (req/s)"
    )
    medians = {}
    for name, results in rounds.items():
        medians[name] = statistics.median(r.rate for r in results)
        server = median_or_none([r.server_cpu_ms for r in results])
        queries, opened = counts[name]
        print(
            f"{name:<6} {medians[name]:>12.0f}  {server if server is not None else float('nan'):>17.2f}  "
            f"{queries:>7.1f}  {opened:>12.1f}  {' '.join(f'{r.rate:.0f}' for r in results)}"
        )
    errors = sum(r.errors for results in rounds.values() for r in results)
    client = statistics.median(r.client_cpu_share for results in rounds.values() for r in results)
    print(f"client CPU: {client:.2f} of a core (median over rounds); failed requests: {errors}")
    ratio = medians["gated"] / medians["plain"]
    verdict = "OK" if ratio >= TARGET_RATIO else "UNDER TARGET"
    print(f"ratio gated/plain (medians): {ratio:.3f}; target >= {TARGET_RATIO}: {verdict}")
    return 0 if ratio >= TARGET_RATIO and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
