"""Public pages of hosted sites: content with the filing footer, maintenance, or block page — as
the gate decided for the address asked (request.gate_entry, set by the middleware)."""

from django.shortcuts import render

from beian.hosting import gate
from beian.hosting.entries import entry_decision, entry_footer


def public_page(request, path=""):
    site, entry = request.hosted_site, request.gate_entry
    decision = entry_decision(entry)
    context = {"site": site, "decision": decision}
    if decision.access == gate.Access.SERVE:
        context.update(entry_footer(entry))
        return render(request, "hosting/site.html", context, status=decision.status_code)
    template = "hosting/maintenance.html" if decision.access == gate.Access.MAINTENANCE else "hosting/blocked.html"
    response = render(request, template, context, status=decision.status_code)
    if decision.retry_after_seconds:
        response["Retry-After"] = str(decision.retry_after_seconds)
    response["Cache-Control"] = "no-store"
    return response
