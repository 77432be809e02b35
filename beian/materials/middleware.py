"""Refuse a request body over the limit before anything reads it.

Django reads a multipart body whole (to memory or a temporary file) as soon as a middleware or view
touches request.POST or request.FILES; the material's own size limit (materials.checks.upload) then
refuses it only after the web worker received every byte. This middleware looks at the declared
Content-Length first and answers 413 without reading the body: a translated page, or the API's JSON
error (`code`, `field`, `message`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import gettext as _

# Room for the form fields and multipart framing around the largest accepted file.
MULTIPART_ALLOWANCE = 64 * 1024


def request_body_limit() -> int:
    """The largest body accepted: settings.MAX_REQUEST_BYTES, or more when an operator allowed a larger
    material in the requirement matrix (read only for a body above the setting, which is rare)."""
    from beian.materials.models import MaterialRequirement  # models load after the app registry

    largest = MaterialRequirement.objects.aggregate(largest=Max("max_bytes"))["largest"] or 0
    return max(settings.MAX_REQUEST_BYTES, largest + MULTIPART_ALLOWANCE)


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.MAX_REQUEST_BYTES:
            limit = request_body_limit()
            if declared > limit:
                return self.too_large(request, declared, limit)
        return self.get_response(request)

    @staticmethod
    def too_large(request: HttpRequest, declared: int, limit: int) -> HttpResponse:
        message = _("The upload is %(size).1f MB, above the limit of %(limit).1f MB. Choose a smaller file.") % {
            "size": declared / 1024 / 1024,
            "limit": limit / 1024 / 1024,
        }
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse(
                {"code": "request.too_large", "field": "", "message": message, "findings": []}, status=413
            )
        else:
            title = _("Upload too large")
            back = _("Back")
            response = HttpResponse(
                f'<!doctype html><meta charset="utf-8"><title>{escape(title)}</title><h1>{escape(title)}</h1>'
                f'<p>{escape(message)}</p><p><a href="javascript:history.back()">{escape(back)}</a></p>',
                status=413,
            )
        response["Content-Length"] = str(len(response.content))  # the client can read the answer while it sends
        return response
