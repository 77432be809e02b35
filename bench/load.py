"""Load test: `make serve` (gunicorn, DEBUG off, collected static files) answers a bounded mix of requests
with no error; prints the count, errors, p50/p95 latency and requests per second, then the filed hosted
page's requests per second alone.

    .venv/bin/python bench/load.py [--requests 2000] [--clients 4] [--workers N] [--filed-seconds 5]

Builds a scratch database as bench/gate.py does (a temporary SQLite file, or a scratch
`beian_bench_load` database on the PostgreSQL server of DATABASE_URL; dropped at the end): migrated,
reference data loaded, a FILED site (京ICP备…, through the real services), a site whose first filing is
in provider review (maintenance, 503), a site with no filing (blocked, 451) and a platform token. Then it
runs `make serve PORT=<free port>` itself (migrate and load_reference are no-ops there, collectstatic
writes into the scratch folder) with throwaway keys and files under the scratch folder, and sends
--requests requests from --clients threads, one kind after another in a fixed shuffled order:

  login     GET /accounts/login/                        200, the login form
  filed     GET / on the filed site's domain            200, with its filing number
  maint     GET / on the site in review                 503 (maintenance)
  blocked   GET / on the site with no filing            451
  unknown   GET / on a host nobody has                  404 (the Host validation)
  notfound  GET /no-such-page/ on the platform          404, our page (DEBUG is off)
  api       GET /api/v1/platform/organisations (token)  200
  static    GET the hashed app.css                      200, far-future cache header
  health    GET /healthz and /readyz                    200

An answer with another status (or a missing marker) counts as an error; the target is 0. Then it loads the
filed page alone for --filed-seconds (same clients) and prints its rate: the issue's baseline was 53–95
req/s under gunicorn with 2 workers on this kind of machine (shared, 2 cores: only figures of one run
compare).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gate import PLATFORM_HOST, STARTUP_SECONDS, build_filed_site, configure, free_port, in_scratch

ROOT = Path(__file__).resolve().parents[1]
BENCH_DB = "beian_bench_load"
BLOCKED_DOMAIN = "no-filing-example.cn"
UNKNOWN_DOMAIN = "nobody-hosts-this.example"


@dataclass(frozen=True)
class Kind:
    name: str
    path: str
    host: str
    status: int
    marker: str = ""  # text the body must contain
    headers: tuple[tuple[str, str], ...] = ()
    weight: int = 1


@dataclass
class Sample:
    kind: str
    seconds: float
    ok: bool
    detail: str = ""


def build_extra_sites() -> tuple[str, str]:
    """A site whose first filing waits for provider review (maintenance) and a platform token; returns
    (the maintenance domain, the token's key). The blocked domain is a site with no order at all."""
    # the project's modules only after django.setup() (this script configures Django first)
    from beian.accounts.models import Platform
    from beian.accounts.tokens import platform_token_issue
    from beian.demo.orders import demo_profile, tenant_for
    from beian.hosting.models import HostedSite, SiteDomain
    from tests.builders import RECORDED, OrderBuilder

    profile = demo_profile(1)
    organisation, user, site = tenant_for(profile)
    with RECORDED.installed():
        OrderBuilder(organisation=organisation, user=user, site=site, profile=profile).submitted(
            acknowledge_warnings=True
        )
    blocked = HostedSite.objects.create(
        slug="no-filing", organisation=organisation, title="No filing", body_html="<h1>No filing</h1>"
    )
    SiteDomain.objects.create(domain=BLOCKED_DOMAIN, site=blocked)
    platform = Platform.objects.create(name="Load test platform", slug="loadtest")
    organisation.platform = platform
    organisation.save(update_fields=["platform"])
    _, key = platform_token_issue(
        platform=platform, name="load test", scopes=["provisioning"], rate_limit_per_minute=100_000
    )
    return site.domains.get().domain, key


def static_path() -> str:
    """The hashed name collectstatic gave app.css (read from the manifest after `make serve` collected)."""
    import json

    from django.conf import settings

    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
    return settings.STATIC_URL + manifest["paths"]["css/app.css"]


def request(port: int, kind: Kind, timeout: float = 30) -> Sample:
    started = time.perf_counter()
    conn = HTTPConnection(PLATFORM_HOST, port, timeout=timeout)
    try:
        conn.request("GET", kind.path, headers={"Host": kind.host, **dict(kind.headers)})
        response = conn.getresponse()
        body = response.read().decode(errors="replace")
        seconds = time.perf_counter() - started
        if response.status != kind.status:
            return Sample(kind.name, seconds, False, f"HTTP {response.status}")
        if kind.marker and kind.marker not in body:
            return Sample(kind.name, seconds, False, f"no {kind.marker!r}")
        if kind.name == "static" and "immutable" not in (response.getheader("Cache-Control") or ""):
            return Sample(kind.name, seconds, False, "no far-future cache header")
        return Sample(kind.name, seconds, True)
    except OSError as exc:
        return Sample(kind.name, time.perf_counter() - started, False, repr(exc))
    finally:
        conn.close()


def run_load(port: int, plan: list[Kind], clients: int) -> tuple[list[Sample], float]:
    """Send the plan's requests from `clients` threads (each takes the next one); (samples, seconds)."""
    samples: list[Sample] = []
    lock = threading.Lock()
    position = [0]

    def client() -> None:
        while True:
            with lock:
                if position[0] >= len(plan):
                    return
                kind = plan[position[0]]
                position[0] += 1
            sample = request(port, kind)
            with lock:
                samples.append(sample)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, time.perf_counter() - started


def rate_for(port: int, kind: Kind, seconds: float, clients: int) -> tuple[float, int]:
    """Requests per second of one kind, back to back for `seconds`; (rate, errors)."""
    stop_at = time.perf_counter() + seconds
    counts = [0] * clients
    errors = [0] * clients

    def client(index: int) -> None:
        while time.perf_counter() < stop_at:
            if request(port, kind).ok:
                counts[index] += 1
            else:
                errors[index] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - started), sum(errors)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def serve(env: dict[str, str], port: int, workers: int | None, log: Path) -> subprocess.Popen:
    """`make serve PORT=port` in its own process group (stopped as a group), its output into `log`."""
    server_env = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "config.settings"}
    if workers:
        server_env["WEB_CONCURRENCY"] = str(workers)
    with open(log, "w") as out:
        return subprocess.Popen(
            ["make", "-s", "serve", f"PORT={port}"],
            cwd=ROOT,
            env=server_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until_ready(server: subprocess.Popen, port: int, log: Path) -> None:
    probe = Kind("health", "/readyz", PLATFORM_HOST, 200)
    deadline = time.monotonic() + STARTUP_SECONDS + 120  # collectstatic first
    while not request(port, probe, timeout=2).ok:
        if server.poll() is not None:
            raise RuntimeError(f"make serve exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"make serve did not answer on port {port}")
        time.sleep(0.5)


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests in the mix (default 2000)")
    parser.add_argument("--clients", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=None, help="WEB_CONCURRENCY (default: make serve's)")
    parser.add_argument("--filed-seconds", type=float, default=5.0, help="seconds of the filed page alone")
    args = parser.parse_args()

    return in_scratch(BENCH_DB, lambda var_dir, database_url: run(args, var_dir, database_url))


def run(args, var_dir: Path, database_url: str | None) -> int:
    env = configure(var_dir, database_url, var_dir / "unused.html")
    env["DJANGO_SETTINGS_MODULE"] = os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env["DJANGO_ALLOWED_HOSTS"] = PLATFORM_HOST
    env["REQUEST_LOG_LEVEL"] = "INFO"  # as served: one JSON line per request (into the server's log file)
    started = time.perf_counter()
    site = build_filed_site()
    maintenance_domain, token = build_extra_sites()
    print(
        f"scratch database ready in {time.perf_counter() - started:.0f} s; filed {site.domain} ({site.filing_number})"
    )

    port = free_port()
    log = var_dir / "serve.log"
    server = serve(env, port, args.workers, log)
    try:
        wait_until_ready(server, port, log)
        kinds = [
            Kind("login", "/accounts/login/", PLATFORM_HOST, 200, 'name="password"', weight=2),
            Kind("filed", "/", site.domain, 200, site.filing_number, weight=4),
            Kind("maint", "/", maintenance_domain, 503, weight=2),
            Kind("blocked", "/", BLOCKED_DOMAIN, 451, weight=1),
            Kind("unknown", "/", UNKNOWN_DOMAIN, 404, weight=1),
            Kind(
                "api",
                "/api/v1/platform/organisations",
                PLATFORM_HOST,
                200,
                '"items"',
                (("Authorization", f"Bearer {token}"),),
                weight=2,
            ),
            Kind("static", static_path(), PLATFORM_HOST, 200, weight=2),
            Kind("notfound", "/no-such-page/", PLATFORM_HOST, 404, 'class="topbar"', weight=1),  # ours, not DEBUG's
            Kind("health", "/healthz", PLATFORM_HOST, 200, '"ok"', weight=1),
            Kind("ready", "/readyz", PLATFORM_HOST, 200, '"ok"', weight=1),
        ]
        for kind in kinds:  # each answers as expected before the load (and warms the workers)
            sample = request(port, kind)
            if not sample.ok:
                print(f"{kind.name} {kind.host}{kind.path}: {sample.detail}")
                return 1
        weighted = [kind for kind in kinds for _ in range(kind.weight)]
        plan = [weighted[i % len(weighted)] for i in range(args.requests)]
        random.Random(14).shuffle(plan)
        samples, elapsed = run_load(port, plan, args.clients)
        report(samples, elapsed, args)
        filed = kinds[1]
        rate, errors = rate_for(port, filed, args.filed_seconds, args.clients)
        workers = (
            args.workers or f"make serve's default ({os.cpu_count()} cores x 2 + 1 =) {(os.cpu_count() or 1) * 2 + 1}"
        )
        print(
            f"filed hosted page alone: {rate:.0f} req/s over {args.filed_seconds:g} s, {errors} errors "
            f"(gunicorn workers: {workers}; {args.clients} clients; load average {os.getloadavg()[0]:.2f})"
        )
        errors_total = sum(not s.ok for s in samples) + errors
    finally:
        stop(server)
    lines = log.read_text().splitlines()
    request_lines = sum('"logger": "beian.request"' in line for line in lines)
    print(f"server log: {len(lines)} lines, {request_lines} JSON request lines")
    return 1 if errors_total else 0


def report(samples: list[Sample], elapsed: float, args) -> None:
    times = [s.seconds * 1000 for s in samples]
    errors = [s for s in samples if not s.ok]
    print(
        f"\n{len(samples)} requests from {args.clients} clients in {elapsed:.1f} s: {len(samples) / elapsed:.0f} req/s; "
        f"errors {len(errors)}; p50 {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"
    )
    print(f"{'kind':<8} {'count':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for name in dict.fromkeys(s.kind for s in samples):
        own = [s for s in samples if s.kind == name]
        own_times = [s.seconds * 1000 for s in own]
        print(
            f"{name:<8} {len(own):>6} {sum(not s.ok for s in own):>6} "
            f"{percentile(own_times, 0.5):>8.1f} {percentile(own_times, 0.95):>8.1f}"
        )
    for sample in errors[:5]:
        print(f"  error: {sample.kind}: {sample.detail}")
    if samples:
        print(f"mean {statistics.fmean(times):.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
