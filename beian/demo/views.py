"""Demo tools for an applicant without a printer: a photo of this order's own verification form,
signed, as the automated checks expect it (the real journey prints, signs and photographs it)."""

from __future__ import annotations

from django.http import HttpResponse

from beian.accounts.permissions import applicant_required
from beian.demo import samples
from beian.filings import selectors
from beian.materials.verification_data import verification_form_data


@applicant_required
def signed_form(request, pk):
    order = selectors.order_for_organisation(request.organisation, pk)
    image = samples.form_page_image(signed=True, data=verification_form_data(order))
    response = HttpResponse(samples.jpeg_bytes(image), content_type="image/jpeg")
    response["Content-Disposition"] = f'attachment; filename="verification-form-{order.reference}-signed.jpg"'
    return response
