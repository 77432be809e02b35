"""Public pages of hosted sites: content with the filing footer, maintenance, or block page."""

from django.shortcuts import render

from beian.filings.selectors import latest_order_for_site
from beian.hosting import gate
from beian.hosting.footer import footer_context


def public_page(request, path=""):
    site = request.hosted_site
    order = latest_order_for_site(site)
    website = order.website if order else None
    decision = gate.decide(
        filing_number=website.filing_number if website else None, order_status=order.status if order else None
    )
    context = {"site": site, "decision": decision}
    if decision.access == gate.Access.SERVE:
        context.update(footer_context(decision.filing_number))
        return render(request, "hosting/site.html", context, status=decision.status_code)
    template = "hosting/maintenance.html" if decision.access == gate.Access.MAINTENANCE else "hosting/blocked.html"
    response = render(request, template, context, status=decision.status_code)
    if decision.retry_after_seconds:
        response["Retry-After"] = str(decision.retry_after_seconds)
    response["Cache-Control"] = "no-store"
    return response
