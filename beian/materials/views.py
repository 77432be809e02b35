"""Private material download: a short-lived signed link, checked again against the user."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse

from beian.core.exceptions import PermissionDenied
from beian.materials.services import material_annotated_png, material_from_link, material_viewed


@login_required
def download(request, token):
    try:
        material = material_from_link(token, request.user)
    except PermissionDenied:
        raise Http404 from None
    material_viewed(material, request.user)
    response = FileResponse(material.file.open("rb"), content_type=material.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="{material.slot}-v{material.version}"'
    return response


@login_required
def annotated(request, token):
    """Reviewers: the image with the OCR text and the detected face drawn on it."""
    try:
        material = material_from_link(token, request.user)
    except PermissionDenied:
        raise Http404 from None
    if not request.user.is_reviewer:
        raise Http404
    png = material_annotated_png(material)
    if png is None:
        raise Http404
    material_viewed(material, request.user, annotated=True)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response
