"""/launch/?token=…: the site builder's 备案 button. The link (accounts.launch) signs its user in and
lands them on the site's filing: the order it names, else the site's open order, else the site's
filed record on the dashboard, else a new filing for the site. A refused link changes nothing and
says what to do: go back to the site builder and press 备案 again."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from beian.accounts.launch import LaunchClaims, LaunchRefused, launch_redeem
from beian.accounts.models import Organisation
from beian.accounts.permissions import ORGANISATION_SESSION_KEY
from beian.core.exceptions import DomainError
from beian.filings import detection, selectors
from beian.hosting.selectors import site_for_organisation


def launch_target(organisation: Organisation, claims: LaunchClaims) -> str:
    """Where a launch link for `claims.site` of `organisation` lands (raises LaunchRefused)."""
    site = site_for_organisation(organisation, claims.site)
    if site is None:
        raise LaunchRefused(
            _("The site this filing link names is not one of this account's sites."), code="launch.site_not_found"
        )
    if claims.order:
        try:
            order = selectors.order_for_organisation(organisation, claims.order)
        except Http404:
            raise LaunchRefused(
                _("The order this filing link names is not one of this account's orders."),
                code="launch.order_not_found",
            ) from None
        return reverse("applicant:order", args=[order.pk])
    domain = site.primary_domain
    open_order = detection.open_order_for_target(
        organisation=organisation, domains=[domain] if domain else [], hosted_site=site
    )
    if open_order is not None:
        return reverse("applicant:order", args=[open_order.pk])
    filed = selectors.website_filing_served_by(site)
    if filed is not None:
        return f"{reverse('applicant:dashboard')}#website-{filed.filing_number}"
    return reverse("applicant:verify_site", args=[site.pk])


@never_cache
@require_GET
def launch(request):
    try:
        launched = launch_redeem(token=request.GET.get("token", ""), target=launch_target)
    except DomainError as exc:  # LaunchRefused, or claims that break a provisioning rule: nothing changed
        return render(request, "applicant/launch_error.html", {"message": exc.message, "code": exc.code}, status=400)
    login(request, launched.user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[ORGANISATION_SESSION_KEY] = launched.organisation.pk  # the account the link is for
    return redirect(launched.url)
