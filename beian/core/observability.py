"""What operations watch: one JSON log line per request, health probes and the Prometheus metrics.

- RequestLogMiddleware logs `request` on the `beian.request` logger with method, path (never the query
  string: launch links carry tokens in it), status, duration, host, client address, user id and a request
  id (X-Request-ID from the proxy, else a new one; echoed in the response).
- /healthz (liveness): the process answers; touches nothing else.
- /readyz (readiness): the database, the cache and, when one is configured, the Celery broker answer;
  503 with the failing check named otherwise.
- /metrics (django-prometheus over prometheus_client): only with the metrics token, or, without a token,
  only to the listed internal addresses (settings.METRICS_TOKEN, METRICS_ALLOWED_IPS).
"""

from __future__ import annotations

import ipaddress
import logging
import secrets
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.functional import empty
from django.views.decorators.cache import never_cache

logger = logging.getLogger("beian.request")
checks_logger = logging.getLogger("beian.health")
PROBE_PATHS = {"/healthz", "/readyz", "/metrics"}
BROKER_TIMEOUT_SECONDS = 2.0


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex
        response = self.get_response(request)
        response.headers.setdefault("X-Request-ID", request_id)
        level = logging.DEBUG if request.path in PROBE_PATHS else logging.INFO
        if logger.isEnabledFor(level):
            logger.log(
                level,
                "request",
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "host": request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", ""),
                    "remote_addr": request.META.get("REMOTE_ADDR", ""),
                    "user_id": _user_id(request),
                    "hosted_site": getattr(getattr(request, "hosted_site", None), "slug", None),
                },
            )
        return response


def _user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id if the request already looked the user up (logging never costs a query)."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is None or wrapped is empty or not getattr(wrapped, "is_authenticated", False):
        return None
    return wrapped.pk


@never_cache
def liveness(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"beian:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _check_broker() -> None:
    from celery import current_app  # the project's app (config.celery), without importing config here

    with current_app.connection_for_write(settings.CELERY_BROKER_URL) as connection:
        connection.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)


def readiness_checks() -> dict[str, str]:
    """Each dependency's state: "ok" or the error's class name. The broker is always configured (the
    embedded default is the filesystem queue under var/)."""
    checks = {"database": _check_database, "cache": _check_cache, "broker": _check_broker}
    results: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as exc:  # any failure means not ready; the detail goes to the log, not the answer
            checks_logger.warning("readiness check failed", extra={"check": name, "error": repr(exc)})
            results[name] = type(exc).__name__
        else:
            results[name] = "ok"
    return dict(sorted(results.items()))


@never_cache
def readiness(request: HttpRequest) -> JsonResponse:
    results = readiness_checks()
    ready = all(state == "ok" for state in results.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": results}, status=200 if ready else 503)


def metrics_allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    if token:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        return scheme.lower() == "bearer" and secrets.compare_digest(given.strip().encode(), token.encode())
    try:
        client = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(client in ipaddress.ip_network(allowed, strict=False) for allowed in settings.METRICS_ALLOWED_IPS)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not metrics_allowed(request):
        return HttpResponseForbidden("metrics are not public\n", content_type="text/plain")
    from django_prometheus.exports import ExportToDjangoView

    return ExportToDjangoView(request)
