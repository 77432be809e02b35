"""Operations: liveness and readiness probes, the Prometheus metrics (never public), one JSON log line per
request, the Content-Security-Policy of the platform's pages."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connections
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]


@contextmanager
def request_log(handler: logging.Handler) -> Iterator[None]:
    """The request lines go to `handler` (tests log only warnings by default)."""
    logger = logging.getLogger("beian.request")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_liveness_answers_without_touching_anything():
    response = Client().get("/healthz")  # no database access is allowed in this test
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readiness_checks_the_database_the_cache_and_the_embedded_queue():
    response = Client().get("/readyz")
    assert response.status_code == 200
    # the embedded default's broker is the filesystem queue under var/ (the worker beside the web server)
    assert response.json() == {"status": "ok", "checks": {"broker": "ok", "cache": "ok", "database": "ok"}}


@pytest.mark.django_db
def test_readiness_is_503_when_the_database_is_unreachable(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", unreachable)
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"] == "OperationalError"
    assert response.json()["checks"]["cache"] == "ok"


@pytest.mark.django_db
def test_readiness_checks_the_broker_when_one_is_configured(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] not in {"ok", "skipped"}
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"  # the Redis the tests run beside (.ci/run starts it)
    response = Client().get("/readyz")
    assert response.status_code == 200 and response.json()["checks"]["broker"] == "ok"


def test_metrics_are_refused_to_an_outside_address():
    response = Client().get("/metrics", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 403
    assert b"django_http" not in response.content


def test_metrics_answer_a_listed_internal_address(settings):
    assert Client().get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200  # loopback by default
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8"]
    response = Client().get("/metrics", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert b"django_http_requests_total_by_method_total" in response.content
    # a forwarded header does not make an outside client internal
    assert Client().get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.1.2.3").status_code == 403


def test_with_a_token_metrics_need_the_token_from_anywhere(settings):
    settings.METRICS_TOKEN = "s3cret-metrics-token"
    assert Client().get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
    assert Client().get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    ok = Client().get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer s3cret-metrics-token")
    assert ok.status_code == 200 and b"# TYPE" in ok.content


@pytest.mark.django_db
def test_each_request_logs_one_json_line_with_the_request_fields():
    stream = io.StringIO()
    options = {k: v for k, v in settings.LOGGING["formatters"]["json"].items() if k != "()"}
    from pythonjsonlogger.json import JsonFormatter

    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(**options))
    with request_log(handler):
        response = Client().get("/accounts/login/?next=/secret-token-in-query", HTTP_X_REQUEST_ID="req-42")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    line = json.loads(lines[0])
    assert line["message"] == "request" and line["level"] == "INFO" and line["logger"] == "beian.request"
    assert line["method"] == "GET" and line["path"] == "/accounts/login/" and line["status"] == 200
    assert line["request_id"] == "req-42" == response["X-Request-ID"]
    assert line["duration_ms"] >= 0 and line["host"] == "testserver" and line["user_id"] is None
    assert "timestamp" in line
    assert "secret-token" not in lines[0]  # never the query string (launch links carry tokens)


def test_the_log_line_names_the_signed_in_user(applicant):
    client = Client()
    client.force_login(applicant)
    handler = Records()
    with request_log(handler):
        client.get("/apply/")
    assert [r.user_id for r in handler.records] == [applicant.pk]  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_platform_pages_carry_a_content_security_policy_without_inline_script():
    response = Client().get("/accounts/login/")
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["default-src"] == "'self'"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_of_a_platform_page_has_inline_script_or_event_handlers():
    # the policy allows no inline script: such a template would break silently in browsers
    templates = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts]
    assert len(templates) > 50
    offenders = [
        str(p.relative_to(ROOT))
        for p in templates
        if "hosting" not in p.parts  # hosted sites' pages carry no policy of ours
        and (INLINE_SCRIPT.search(p.read_text()) or EVENT_HANDLER.search(p.read_text()))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_a_request_for_an_unknown_host_is_logged_too():
    handler = Records()
    with request_log(handler):
        Client().get("/", HTTP_HOST="nobody-hosts-this.example")
    assert [(r.host, r.status) for r in handler.records] == [("nobody-hosts-this.example", 404)]  # type: ignore[attr-defined]
