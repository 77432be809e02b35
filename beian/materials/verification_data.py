"""The order data printed on the verification form (核验单); ID numbers masked as on screen."""

from __future__ import annotations

from django.conf import settings

from beian.core import clock
from beian.core.crypto import mask_id_number
from beian.reference.choices import label
from beian.reference.models import FilingType
from beian.rules import record_orders


def verification_form_data(order, website_index: int = 0) -> dict:
    """The form of one website (websites[website_index]): the subject, then that website. An
    order of several websites has a form per website (the slot `verification_form__<i>`)."""
    subject = order.subject
    others = [w for w in order.websites.all() if w.pk != order.website_id] if order.pk else []
    websites = [order.website, *others]
    website = websites[website_index] if 0 <= website_index < len(websites) else order.website
    principal = subject.principal
    return {
        "order_reference": order.reference,
        # the type: a change or new website says so on the paper the principal signs, with the
        # numbers of the record it changes
        "filing_type": FilingType.objects.filter(code=order.filing_type).values_list("name_zh", flat=True).first()
        or "",
        **_record_numbers(order, website),
        "subject_name": subject.name,
        "subject_nature": label("natures", subject.nature),
        "certificate_type": label("certificate_types", subject.certificate_type),
        "certificate_number": subject.certificate_number
        if (subject.nature or 0) != 5
        else mask_id_number(subject.certificate_number),
        "certificate_address": subject.certificate_address,
        "mailing_address": subject.mailing_address,
        "province": label("provinces", subject.province),
        "principal_name": principal.name,
        "principal_certificate_number": mask_id_number(principal.certificate_number),
        "principal_mobile": principal.mobile,
        "website_name": website.name,
        "domain": website.domain,
        "website_principal_name": website.principal.name,
        "website_principal_certificate_number": mask_id_number(website.principal.certificate_number),
        "website_principal_mobile": website.principal.mobile,
        "service_content": "、".join(website.service_contents),
        "access_provider": settings.ACCESS_PROVIDER_NAME,
        "date": clock.today().isoformat(),
    }


def _record_numbers(order, website) -> dict[str, str]:
    """The filed numbers an order against a filed record is about (printed in the form's section
    headings): the subject's (京ICP备…号) and the website's (…号-1); none for an order that files
    something new."""
    if not record_orders.is_record_type(order.filing_type):
        return {"subject_record_number": "", "website_record_number": ""}
    return {
        "subject_record_number": (order.subject_filing.filing_number or "") if order.subject_filing_id else "",
        "website_record_number": (website.website_filing.filing_number or "") if website.website_filing_id else "",
    }
