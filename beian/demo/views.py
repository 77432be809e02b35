"""Demo tools for an applicant without a printer: a photo of this order's own verification form,
signed, as the automated checks expect it (the real journey prints, signs and photographs it).
Each website of the order has its own form (`?website=<index>`, as the PDF download)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from beian.accounts.permissions import applicant_required
from beian.core.exceptions import DomainError
from beian.filings import selectors
from beian.materials.services import printable_form_data


@applicant_required
def signed_form(request, pk):
    order = selectors.order_for_organisation(request.organisation, pk)
    index = request.GET.get("website", "0")
    index = int(index) if index.isdigit() else 0  # websites[index]: each website has its own form
    try:
        data = printable_form_data(order, index)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("applicant:step", order.pk, "materials")
    from beian.demo import samples  # renders with pypdfium2 and OpenCV's package: loaded where used

    image = samples.form_page_image(signed=True, data=data)
    response = HttpResponse(samples.jpeg_bytes(image), content_type="image/jpeg")
    suffix = f"-{index + 1}" if index else ""
    response["Content-Disposition"] = f'attachment; filename="verification-form-{order.reference}{suffix}-signed.jpg"'
    return response
