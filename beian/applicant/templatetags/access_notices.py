"""`{% access_notices %}`: the organisation's provider-initiated cancel-access notices (rectify by the
deadline; a cancel access under way) for the dashboard, from the one selector
(beian.filings.notices.access_notices_for_organisation)."""

from django import template

from beian.filings.notices import access_notices_for_organisation

register = template.Library()


@register.inclusion_tag("applicant/_access_notices.html", takes_context=True)
def access_notices(context):
    request = context.get("request")
    organisation = getattr(request, "organisation", None)
    return {"notices": access_notices_for_organisation(organisation) if organisation is not None else []}
