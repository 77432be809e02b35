"""`{% plan_card %}`: the organisation's plan, what it includes and the assisted filing service's
price or "free", where an applicant starts a filing (dashboard, verify page, checklist step)."""

from django import template

from beian.plans.selectors import assisted_offer

register = template.Library()


@register.inclusion_tag("applicant/_plan.html", takes_context=True)
def plan_card(context):
    request = context.get("request")
    organisation = getattr(request, "organisation", None)
    return {
        "offer": assisted_offer(organisation) if organisation is not None else None,
        "on_plan_page": getattr(getattr(request, "resolver_match", None), "url_name", "") == "plan",
    }
