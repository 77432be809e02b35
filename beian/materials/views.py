"""Private material download: a short-lived signed link, checked again against the user."""
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404

from beian.core.exceptions import PermissionDenied
from beian.materials.services import material_from_link


@login_required
def download(request, token):
    try:
        material = material_from_link(token, request.user)
    except PermissionDenied:
        raise Http404 from None
    response = FileResponse(material.file.open("rb"), content_type=material.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="{material.slot}-v{material.version}"'
    return response
