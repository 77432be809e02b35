"""Separate processes against one real database, for tests of what crosses process boundaries
(a worker killed mid-push, a Celery worker with beat): manage.py commands and shell snippets run
the way a deployment would run them."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from filelock import FileLock

from tests.net import free_port, http_get, stop

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")
ISOLATED = {"CELERY_BROKER_URL", "REDIS_URL", "BEIAN_REGULATOR_PAUSE_AT", "BEIAN_REGULATOR_ADAPTER"}


class Deployment:
    """Runs manage.py commands against one database, the way separate worker processes would."""

    def __init__(self, database_url: str, var_dir: Path, **env: str):
        self.var_dir = var_dir
        self.env = {k: v for k, v in os.environ.items() if k not in ISOLATED}
        self.env.update(
            {
                "DATABASE_URL": database_url,
                "BEIAN_TESTING": "1",
                "BEIAN_VAR_DIR": str(var_dir),
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "PYTHONUNBUFFERED": "1",
                **env,
            }
        )

    def run(self, *args: str, timeout: float = 120) -> str:
        done = subprocess.run(
            [sys.executable, MANAGE, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=settings.BASE_DIR,
        )
        assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def python(self, code: str) -> dict:
        """Run `code` in `manage.py shell`; it prints one line "RESULT" + JSON, returned as a dict."""
        out = self.run("shell", "-c", code)
        line = next(line for line in reversed(out.splitlines()) if line.startswith("RESULT"))
        return json.loads(line.removeprefix("RESULT"))

    def popen(self, args: list[str], **env: str) -> subprocess.Popen:
        return subprocess.Popen(
            args,
            env={**self.env, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=settings.BASE_DIR,
        )

    @contextlib.contextmanager
    def celery_worker(self, *extra: str) -> Iterator[subprocess.Popen]:
        """`celery -A config worker` against this deployment (what `make run` starts beside the web
        server); stopped on exit, its log (stderr) in `worker.log`."""
        worker = self.popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--without-gossip",
             "--without-mingle", "--loglevel=INFO", *extra]
        )  # fmt: skip
        try:
            yield worker
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
            worker.log = worker.stderr.read() if worker.stderr else ""  # type: ignore[attr-defined]
            for stream in (worker.stdout, worker.stderr):
                if stream:
                    stream.close()

    def wait_until(
        self, worker: subprocess.Popen, code: str, done: Callable[[dict], bool], timeout: float = 300
    ) -> dict:
        """Run `code` (see `python`) every 2 s until `done(result)`, while the worker lives; the last result."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.python(code)
            if done(state) or time.monotonic() > deadline:
                return state
            assert worker.poll() is None, worker.stderr.read() if worker.stderr else "the worker exited"
            time.sleep(2)


def _postgres_url(name: str = "postgres") -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    return url.rsplit("/", 1)[0] + f"/{name}"


def _run_folder() -> Path:
    """A folder shared by the processes of this test run (xdist workers inherit BEIAN_TEST_RUN from
    the controller, conftest.pytest_configure), removed when the run ends (discard_templates)."""
    folder = Path(tempfile.gettempdir()) / f"beian-test-run-{_run_id()}"
    folder.mkdir(exist_ok=True)
    return folder


def _run_id() -> str:
    return os.environ.setdefault("BEIAN_TEST_RUN", uuid.uuid4().hex[:12])


def _template_name() -> str:
    return f"beian_tpl_{_run_id()}"


def _migrated(url: str, var_dir: Path) -> None:
    deploy = Deployment(url, var_dir)
    deploy.run("migrate", "--noinput", "-v", "0", timeout=300)
    deploy.run("load_reference")


def _template(kind: str) -> str:
    """A database migrated from zero, with the reference data loaded, once per test run and kind
    (the first deployment builds it under a file lock; the others copy it): the SQLite file's path,
    or the PostgreSQL database's name. Built under another name and renamed when complete."""
    folder = _run_folder()
    with FileLock(str(folder / f"{kind}.lock")):
        if kind == "sqlite":
            template = folder / "template.sqlite3"
            if not template.exists():
                building = folder / "building.sqlite3"
                building.unlink(missing_ok=True)
                _migrated(f"sqlite:///{building}", folder / "var")
                os.replace(building, template)
            return str(template)
        import psycopg

        name, admin = _template_name(), _admin_url()
        with psycopg.connect(admin, autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'DROP DATABASE IF EXISTS "{name}_building" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{name}_building"')
                _migrated(_postgres_url(f"{name}_building") or "", folder / "var")
                conn.execute(f'ALTER DATABASE "{name}_building" RENAME TO "{name}"')
        return name


def _admin_url() -> str:
    url = _postgres_url()
    assert url is not None
    return url.replace("postgres://", "postgresql://", 1)


def discard_templates() -> None:
    """At the end of the run (the controller's pytest_sessionfinish): the templates go."""
    folder = Path(tempfile.gettempdir()) / f"beian-test-run-{os.environ.get('BEIAN_TEST_RUN', '')}"
    if os.environ.get("BEIAN_TEST_RUN") and folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
    if os.environ.get("BEIAN_TEST_RUN") and _postgres_url() is not None:
        import psycopg

        with contextlib.suppress(psycopg.Error), psycopg.connect(_admin_url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{_template_name()}" WITH (FORCE)')


@contextlib.contextmanager
def deployment_database(
    kind: str, var_dir: Path, cls: type[Deployment] = Deployment, *, every_pass: bool = False, **env: str
):
    """A migrated database with the reference data (a copy of the run's template): a SQLite file,
    or (in the PostgreSQL pass) a fresh PostgreSQL database dropped afterwards. Each kind runs in
    the pass of its own database: a SQLite deployment is the same file in both passes, so the
    PostgreSQL pass skips it unless `every_pass` (a variant that needs what only that pass has,
    e.g. REDIS_URL)."""
    drop: Callable[[], None] | None = None
    url: str | None
    if kind == "sqlite" and not every_pass and _postgres_url() is not None:
        pytest.skip("a SQLite deployment runs in the SQLite pass")
    if kind == "sqlite":
        path = var_dir / "deployment.sqlite3"
        shutil.copyfile(_template("sqlite"), path)
        url = f"sqlite:///{path}"
    else:
        if _postgres_url() is None:
            pytest.skip("the PostgreSQL variant runs in the PostgreSQL pass (DATABASE_URL=postgres://...)")
        import psycopg

        name = f"beian_proc_{uuid.uuid4().hex[:10]}"
        template = _template("postgresql")
        with FileLock(str(_run_folder() / "postgresql.lock")), psycopg.connect(_admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

        def drop() -> None:
            with psycopg.connect(_admin_url(), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        url = _postgres_url(name)
        assert url is not None  # the same DATABASE_URL that gave the admin URL
    try:
        yield cls(url, var_dir, **env)
    finally:
        if drop:
            drop()


@contextlib.contextmanager
def serving(deploy: Deployment, workers: int = 1, **env: str) -> Iterator[int]:
    """gunicorn serving config.wsgi against the deployment (with `env` on top); yields its port."""
    port = free_port()
    process = deploy.popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "config.wsgi:application",
        ],
        **env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()[1]
            with contextlib.suppress(OSError):
                http_get(port, "127.0.0.1")
                break
            assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
            time.sleep(0.2)
        yield port
    finally:
        stop(process)


# `manage.py shell` code a regulator worker would run: approve the order (format with order=<pk>)
APPROVE = """
import json
from beian.filings.models import Order
from beian.regulator.models import latest_case
from beian.regulator.services import case_decide
order = Order.objects.get(pk={order})
case_decide(latest_case(order), decided_by="regulator-sandbox", approve=True)
order.refresh_from_db()
print("RESULT" + json.dumps({{"status": order.status, "number": order.website.filing_number}}))
"""
