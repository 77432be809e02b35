"""Benchmark: the access gate at nginx and in Beian vs. the same page with no gate.

    .venv/bin/python bench/gate.py [--rounds 5] [--seconds 3] [--clients 8] [--workers 2] [--check]

Builds a scratch database (a temporary SQLite file, or a scratch `beian_bench_gate` database on
the PostgreSQL server of DATABASE_URL if that is set; dropped at the end): migrated, reference
data loaded, one organisation with one hosted site and its domain, and one FILED order reached
through the real services (tests/builders.py: submit, review, the sandbox regulator, the SMS
verification, the approval; the automated material checks run for real once per distinct image
and are replayed after that, as in the tests).

Then it runs gunicorn (sync workers, DEBUG off, the production settings but for a bench URLconf
for platform hosts, bench/gate_settings.py) and, when nginx is installed, nginx (its own prefix in
the scratch folder) with the edge config Beian renders (deploy/nginx/beian.conf.template), and
alternates these arms in one run:
  static:     nginx serves the page's bytes from a file;
  edge:       nginx with the gate in front of the same file, published for the site's domain (the
              files origin): auth_request to Beian's /_edge/auth (kept per Host for
              BEIAN_EDGE_CACHE_SECONDS), the filing footer written in by sub_filter — only the gate
              differs from the static arm (target >= 0.5 of it);
  proxy:      nginx proxying to the static server, no gate;
  edge-proxy: nginx with the gate in front of the static server as a foreign origin (the site
              builder's renderer): the gate plus the hop to an origin (ratios printed for both);
  gated:      gunicorn, GET / with Host = the site's domain: HostedSiteMiddleware, the hosted-site
              URLconf, the public page view (the gate, the footer), as in production;
  plain:      gunicorn, GET /bench/plain/ with Host = 127.0.0.1: a plain view returning the same
              bytes (rendered once by the gated page before the server started), same middleware.
Each round runs each arm for --seconds with --clients connections (the order of the arms rotates
every round); it prints the median requests per second of each arm, the ratios edge/static (target
>= 0.5), edge-proxy/static and edge-proxy/proxy (information) and gated/plain (target >= 0.8), each
also by server CPU per request (gunicorn and nginx workers: what other load on a shared machine
disturbs least), and the SQL queries and new database connections per request of the gunicorn arms and of the edge's
auth answer, counted in-process over a few requests before the load run.

The load generator is wrk when it is installed (Debian's package `wrk`; the nginx arms need it:
Python cannot send 20,000 requests a second), otherwise Python threads with http.client in this
process, which cost every arm the same per request. Gunicorn's sync workers close the connection
after every response, so each gunicorn request is a new TCP connection whatever the client; nginx
keeps them open. The machine is shared and noisy: only ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import io
import os
import re
import resource
import secrets
import shutil
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
from tests.net import free_port, http_request, stop
from tests.nginx import nginx_binary, running_nginx

ROOT = Path(__file__).resolve().parents[1]
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
    server: str  # which server answers it: "gunicorn", or one of nginx's ports (bench.gate.nginx)
    headers: tuple[tuple[str, str], ...] = ()

    def answered(self, site: FiledSite, status: int, headers: dict, body: bytes) -> bool:
        """200 with the filing number: on the page, or (the edge's auth answer) in its footer header."""
        shown = html.unescape(body.decode()) + html.unescape(headers.get("X-Beian-Footer", ""))
        return status == 200 and site.filing_number in shown


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
        "BEIAN_EDGE_SECRET": secrets.token_urlsafe(24),  # nginx's auth requests carry it
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
    # the project's modules only after django.setup() (this script configures Django first)
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


def wsgi_get(app, arm: Arm) -> tuple[int, dict, bytes]:
    """One GET through Django's WSGI handler in this process, as a WSGI server calls it (the test
    Client would keep the database connection open across requests; a server does not)."""
    environ: dict = {"REQUEST_METHOD": "GET", "PATH_INFO": arm.path, "HTTP_HOST": arm.host}
    environ.update({"HTTP_" + name.upper().replace("-", "_"): value for name, value in arm.headers})
    setup_testing_defaults(environ)
    answer: list = []
    result = app(environ, lambda line, headers, exc_info=None: answer.extend([int(line.split()[0]), dict(headers)]))
    try:
        body = b"".join(result)
    finally:
        result.close()  # request_finished: Django closes the connection unless CONN_MAX_AGE keeps it
    return answer[0], answer[1], body


def render_and_count(site: FiledSite, arms: list[Arm]) -> tuple[bytes, dict[str, tuple[float, float]]]:
    """The gated page's bytes (in-process, through the whole stack; arms[0]), and per arm the SQL
    queries and new database connections per request over COUNTED_REQUESTS requests."""
    # Django is set up by build_filed_site()
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.db.backends.signals import connection_created
    from django.test.utils import CaptureQueriesContext

    app = get_wsgi_application()
    status, headers, page = wsgi_get(app, arms[0])
    assert arms[0].answered(site, status, headers, page), f"the filed site answers {status} without its number"
    Path(os.environ["BEIAN_BENCH_GATE_HTML"]).write_bytes(page)
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
                    status, headers, body = wsgi_get(app, arm)
                    assert arm.answered(site, status, headers, body), f"{arm.name}: {status}"
            finally:
                connection_created.disconnect(created)
        counts[arm.name] = (len(queries) / COUNTED_REQUESTS, len(opened) / COUNTED_REQUESTS)
    return page, counts


# --- the servers -----------------------------------------------------------------------------


def get(port: int, arm: Arm) -> tuple[int, dict, bytes]:
    return http_request(port, arm.host, arm.path, dict(arm.headers))


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
                if get(port, probe)[0] == 200:
                    pids = worker_pids(server.pid)
                    if pids is None or len(pids) == workers:
                        break
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer on port {port} within {STARTUP_SECONDS} s")
            time.sleep(0.2)
        yield port, pids
    finally:
        stop(server)


STATIC_SERVERS = """upstream bench_static {{
    server {host}:{static};
    keepalive 16;
}}

server {{
    listen {host}:{static};
    root {root};
    location / {{ index index.html; }}
}}

server {{
    listen {host}:{proxy};
    location / {{
        proxy_pass http://bench_static;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
    }}
}}
"""


@contextlib.contextmanager
def nginx(
    folder: Path, page: bytes, beian_port: int, site: FiledSite, workers: int
) -> Iterator[tuple[dict[str, int], list[int]]]:
    """Two nginx: one serving `page` statically (the static arm), proxying to that with no gate
    (the proxy arm) and with the edge config Beian renders in front of the same file published
    for the site's domain (the edge arm: the files origin); the other with the edge config in
    front of the static server as a foreign origin (the edge-proxy arm). Yields the arms' ports
    and the workers' pids."""
    # the project's modules only after django.setup() (this script configures Django first)
    from django.conf import settings

    from beian.hosting.edge import nginx_config

    template = (ROOT / "deploy" / "nginx" / "beian.conf.template").read_text()
    root, sites = folder / "static", folder / "sites"
    for where in (root, sites / site.domain):
        where.mkdir(parents=True)
        (where / "index.html").write_bytes(page)
    ports = {name: free_port() for name in ("static", "proxy", "edge", "edge-proxy")}
    static_conf = folder / "static.conf"
    static_conf.write_text(
        STATIC_SERVERS.format(host=PLATFORM_HOST, static=ports["static"], proxy=ports["proxy"], root=root)
    )
    edge_confs = {}
    for arm, origin in (("edge", str(sites)), ("edge-proxy", f"{PLATFORM_HOST}:{ports['static']}")):
        edge_confs[arm] = folder / f"{arm}.conf"
        edge_confs[arm].write_text(
            nginx_config(
                template,
                beian_upstream=f"{PLATFORM_HOST}:{beian_port}",
                origin=origin,
                listen=f"{PLATFORM_HOST}:{ports[arm]}",
                cache_dir=str(folder / f"gate-cache-{arm}"),
                platform_hosts=["localhost"],
                secret=settings.EDGE_SECRET,
            )
        )
    with (
        running_nginx(folder / "nginx", [static_conf, edge_confs["edge"]], ports["edge"], workers=workers),
        running_nginx(folder / "nginx-proxy", [edge_confs["edge-proxy"]], ports["edge-proxy"], workers=workers),
    ):
        pids = []
        for name in ("nginx", "nginx-proxy"):
            pids += worker_pids(int((folder / name / "nginx.pid").read_text())) or []
        yield ports, pids


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
    server_cpu_ms: float | None  # worker CPU per request (gunicorn's and nginx's)
    client_cpu_share: float  # the load generator's CPU over wall time (1.0 = one core)
    errors: int


def server_ms(before: float | None, after: float | None, requests: float) -> float | None:
    if before is None or after is None or not requests:
        return None
    return (after - before) * 1000 / requests


def load(port: int, arm: Arm, seconds: float, clients: int, workers: list[int] | None) -> Round:
    """`clients` threads sending GET requests back to back for `seconds`; a request counts if it
    answers 200 with a body (every page was checked for the filing number before the load)."""
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
    return Round(
        requests / elapsed,
        server_ms(server_before, server_after, requests),
        (cpu_after - cpu_before) / elapsed,
        sum(errors),
    )


WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
WRK_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
WRK_SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def load_wrk(wrk: str, port: int, arm: Arm, seconds: float, clients: int, workers: list[int] | None) -> Round:
    """The same with wrk: `clients` connections over two threads (keep-alive where the server allows)."""
    command = [wrk, "-t", str(min(2, clients)), "-c", str(clients), "-d", f"{seconds:g}s", "--timeout", "10s"]
    command += ["-H", f"Host: {arm.host}", f"http://{PLATFORM_HOST}:{port}{arm.path}"]
    children_before, server_before = resource.getrusage(resource.RUSAGE_CHILDREN), cpu_seconds(workers)
    started = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    elapsed = time.perf_counter() - started
    children_after, server_after = resource.getrusage(resource.RUSAGE_CHILDREN), cpu_seconds(workers)
    rate_match = WRK_RATE.search(out)
    if rate_match is None:
        raise RuntimeError(f"wrk printed no rate:\n{out}")
    rate = float(rate_match.group(1))
    non_2xx = WRK_NON_2XX.search(out)
    sockets = WRK_SOCKET_ERRORS.search(out)
    # a connection gunicorn closes after its response is not an error; a failed connect or a timeout is
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (
        int(sockets.group(1)) + int(sockets.group(4)) if sockets else 0
    )
    client = (children_after.ru_utime + children_after.ru_stime) - (children_before.ru_utime + children_before.ru_stime)
    return Round(rate, server_ms(server_before, server_after, rate * seconds), client / elapsed, errors)


# --- main ------------------------------------------------------------------------------------


def median_or_none(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per arm (default 5)")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds per round and arm (default 3)")
    parser.add_argument("--clients", type=int, default=8, help="client connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers and nginx workers (default 2)")
    parser.add_argument("--python-client", action="store_true", help="Python threads even where wrk is installed")
    parser.add_argument("--check", action="store_true", help="build, serve and check every arm; no load")
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
    # the platform host (and localhost, the Host nginx asks the gate with: a default platform host); the site's domain is validated by HostedSiteMiddleware against its SiteDomain row
    env["DJANGO_ALLOWED_HOSTS"] = PLATFORM_HOST
    # after django.setup(): the bench URLconf imports the platform's URLs, and the settings this
    # process runs with are the server's (same environment)
    from django.conf import settings
    from django.db import connection

    from beian.hosting import edge
    from bench.gate_urls import PLAIN_PATH

    gated = Arm("gated", site.domain, "/", "gunicorn")
    plain = Arm("plain", PLATFORM_HOST, "/" + PLAIN_PATH, "gunicorn")
    auth = Arm(
        "edge auth",
        "localhost",
        "/_edge/auth",
        "gunicorn",
        ((edge.HOST_HEADER, site.domain), (edge.SECRET_HEADER, settings.EDGE_SECRET)),
    )
    static = Arm("static", "localhost", "/index.html", "static")
    proxied = Arm("proxy", site.domain, "/index.html", "proxy")
    edged = Arm("edge", site.domain, "/index.html", "edge")
    edge_proxied = Arm("edge-proxy", site.domain, "/index.html", "edge-proxy")
    page, counts = render_and_count(site, [gated, plain, auth])

    conn_max_age = settings.DATABASES["default"].get("CONN_MAX_AGE", 0)
    print(
        f"filed site {site.domain} ({site.filing_number}), page {len(page)} bytes; "
        f"{connection.vendor} database, CONN_MAX_AGE={conn_max_age}, DEBUG={settings.DEBUG}, "
        f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}; "
        f"setup {time.perf_counter() - started:.0f} s"
    )
    with contextlib.ExitStack() as servers:
        port, workers = servers.enter_context(gunicorn(env, args.workers, plain))
        ports, pids = {"gunicorn": port}, list(workers or [])
        arms = [gated, plain]
        if nginx_binary() is None:
            print("nginx is not installed: the nginx arms are left out")
        else:
            nginx_ports, nginx_pids = servers.enter_context(nginx(var_dir, page, port, site, args.workers))
            ports.update(nginx_ports)
            pids += nginx_pids
            arms = [static, edged, proxied, edge_proxied, gated, plain]
        for arm in arms:
            status, headers, body = get(ports[arm.server], arm)
            if not arm.answered(site, status, headers, body):
                print(f"{arm.name} from {arm.server}: HTTP {status}, without the filing number {site.filing_number}")
                return 1
        for arm in (edged, edge_proxied) if edged in arms else ():
            # the origin's page (Beian's, with its footer) gets the edge's footer too
            shown = html.unescape(get(ports[arm.server], arm)[2].decode())
            if shown.count(site.filing_number) != html.unescape(page.decode()).count(site.filing_number) + 1:
                print(f"{arm.name}: the filing footer is not written into the origin's page")
                return 1
        if args.check:
            print(f"gunicorn ({args.workers} workers): both pages answer 200 with the filing number")
            if edged in arms:
                print(
                    "nginx: the static page, the proxy and the edge (the origin's page with the edge's footer) answer 200"
                )
            return 0
        wrk = None if args.python_client else shutil.which("wrk")
        print(
            f"gunicorn {args.workers} sync workers, nginx {args.workers} workers; {args.clients} client connections "
            f"({'wrk' if wrk else 'Python threads'}), {args.rounds} rounds x {args.seconds:g} s per arm, "
            f"rotating; cores {os.cpu_count()}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        workers = pids or None

        def measure(arm: Arm, seconds: float) -> Round:
            if wrk:
                return load_wrk(wrk, ports[arm.server], arm, seconds, args.clients, workers)
            return load(ports[arm.server], arm, seconds, args.clients, workers)

        for arm in arms:  # warm-up: workers import and cache on their first requests
            measure(arm, 1.0)
        rounds: dict[str, list[Round]] = {arm.name: [] for arm in arms}
        for index in range(args.rounds):
            for arm in arms[index % len(arms) :] + arms[: index % len(arms)]:
                rounds[arm.name].append(measure(arm, args.seconds))
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return report(rounds, counts)


# (arm, base, target): a target of None is printed for information
TARGETS = (
    ("edge", "static", 0.5),
    ("edge-proxy", "static", None),
    ("edge-proxy", "proxy", None),
    ("gated", "plain", 0.8),
)


def report(rounds: dict[str, list[Round]], counts: dict[str, tuple[float, float]]) -> int:
    print(
        f"\n{'arm':<10} {'median req/s':>12}  {'server CPU ms/req':>17}  {'SQL/req':>7}  {'new conn/req':>12}  rounds (req/s)"
    )
    medians, cpu = {}, {}
    for name, results in rounds.items():
        medians[name] = statistics.median(r.rate for r in results)
        server = cpu[name] = median_or_none([r.server_cpu_ms for r in results])
        queries, opened = counts.get(name, (float("nan"), float("nan")))
        print(
            f"{name:<10} {medians[name]:>12.0f}  {server if server is not None else float('nan'):>17.3f}  "
            f"{queries:>7.1f}  {opened:>12.1f}  {' '.join(f'{r.rate:.0f}' for r in results)}"
        )
    queries, opened = counts["edge auth"]
    print(
        f"Beian's answer to nginx's auth request (in-process): {queries:.1f} SQL and {opened:.1f} new connections per request"
    )
    errors = sum(r.errors for results in rounds.values() for r in results)
    client = statistics.median(r.client_cpu_share for results in rounds.values() for r in results)
    print(f"client CPU: {client:.2f} of a core (median over rounds); failed requests: {errors}")
    met = not errors
    for arm, base, target in TARGETS:
        if arm not in medians:
            continue
        ratio = medians[arm] / medians[base]
        # the same comparison by server CPU per request: what the machine's other load disturbs least
        base_cpu, arm_cpu = cpu[base], cpu[arm]
        by_cpu = base_cpu / arm_cpu if base_cpu and arm_cpu else float("nan")
        line = f"ratio {arm}/{base} (medians): {ratio:.3f} (by server CPU per request: {by_cpu:.3f})"
        if target is None:
            print(line)
            continue
        met = met and ratio >= target
        print(f"{line}; target >= {target}: {'OK' if ratio >= target else 'UNDER TARGET'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
