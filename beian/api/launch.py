"""POST /api/v1/platform/launch-links: a launch link for one of the platform's users into one of its
sites (accounts.launch; docs/partner-sign-in.md). For a platform that would rather not sign the JWT
itself: the link is signed here with its launch secret, and opens once within five minutes."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Body, Router

from beian.accounts.launch import launch_link_issue, launch_secret_rotate
from beian.api.common import PLATFORM_ERRORS, error
from beian.api.platform import PlatformBearer
from beian.api.schemas import ErrorOut, LaunchLinkIn, LaunchLinkOut, LaunchSecretOut
from beian.filings.models import Order
from beian.hosting.selectors import site_of_platform

router = Router(tags=["platform: launch links"], auth=PlatformBearer("launch"))


@router.post(
    "",
    response={201: LaunchLinkOut, 404: ErrorOut, **PLATFORM_ERRORS},
    operation_id="platform_launch_link_create",
    summary="Create a launch link (the 备案 button)",
)
def launch_link_create(request, payload: Body[LaunchLinkIn]):
    """A URL that signs the user in and lands on the site's filing: the order given, else the site's
    open order, else its filed record, else a new filing. A user we have not seen yet is made on
    first use and joins the site's account. Each call returns a new link; nothing else changes."""
    site = site_of_platform(request.platform, payload.site)
    if site is None:
        return 404, error("launch.site_not_found", _("This site does not belong to one of your accounts."), "site")
    order = None
    if payload.order is not None:
        order = Order.objects.filter(pk=payload.order, organisation=site.organisation).first()
        if order is None:
            return 404, error("launch.order_not_found", _("This order does not belong to the site's account."), "order")
    url = launch_link_issue(platform=request.platform, user=payload.user, site=site, order=order)
    return 201, {"url": url, "expires_in": settings.LAUNCH_LINK_MAX_SECONDS}


@router.post(
    "/secret",
    response={201: LaunchSecretOut, **PLATFORM_ERRORS},
    operation_id="platform_launch_secret_rotate",
    summary="Rotate the launch-link secret",
)
def launch_secret_create(request):
    """A new secret for signing launch links yourself (docs/partner-sign-in.md), returned once. Links
    signed with the previous secret are still accepted until the next rotation, so switch at leisure."""
    return 201, {"secret": launch_secret_rotate(platform=request.platform)}
